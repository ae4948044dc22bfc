"""The demo meeting's attendance workbook printed by LibreOffice Calc: one page wide.

One conversion for the module (a couple of seconds). Skipped, saying why, only where the
tools are missing; `make test` and CI install them.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from render import convert_to_pdf, skip_without_render_tools

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.operations.demo import fill_demo
from desktop.exports.attendance_xlsx import export_attendance

pytestmark = pytest.mark.slow

# The first and the last column's headings: a page of the list that lacks either was cut.
FIRST_HEADING, LAST_HEADING = "ลำดับ", "หมายเหตุ"
VISITOR_FAMILY = "ทดสอบ"  # in the names of the list, in no other sheet


@pytest.fixture(scope="module")
def attendance_pdf(tmp_path_factory) -> Path:
    skip_without_render_tools()
    folder = tmp_path_factory.mktemp("attendance_pdf")
    database = open_database(folder / "demo.db")
    try:
        with database.session() as session:
            meeting_id = _long_meeting(session)
        with database.session() as session:
            workbook = export_attendance(session, meeting_id, folder / "attendance.xlsx")
    finally:
        database.close()
    return convert_to_pdf(workbook)


def _long_meeting(session) -> int:
    """The demo network's next meeting, with its people and a large visiting delegation:
    a list that runs over more than one printed page."""
    network = fill_demo(session)
    meeting = services.create_meeting(
        session,
        title="การประชุมสัมมนาเครือข่าย",
        number=4,
        date=date(2024, 11, 20),
        start="09:00",
        mode="hybrid",
        platform="Zoom",
        venue="ห้องประชุมเทศบาลเมืองลำพูน",
        network_id=network.id,
        copy_attendance=True,
    )
    visitors = services.create_organization(session, name="เทศบาลเมืองคณะศึกษาดูงาน")
    for n in range(1, 61):
        person = services.create_person(
            session,
            honorific="นาย",
            given_name=f"ผู้ศึกษาดูงาน{n}",
            family_name=VISITOR_FAMILY,
            position="ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
            organization_id=visitors.id,
        )
        services.add_attendee(session, meeting.id, person.id, group="participant")
    return meeting.id


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _page_texts(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))
    return [
        _run("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-")
        for n in range(1, count + 1)
    ]


def test_the_list_prints_one_page_wide_with_its_header_on_every_page(attendance_pdf):
    pages = _page_texts(attendance_pdf)
    # Pages of the list show its headings or its people; the counts sheet has neither.
    marks = (FIRST_HEADING, LAST_HEADING, VISITOR_FAMILY)
    list_pages = [t for t in pages if any(mark in t for mark in marks)]

    assert len(list_pages) >= 2, "the list should run over more than one page"
    # Were fitToWidth ignored, the right-hand columns would print on pages of their own
    # (หมายเหตุ without ลำดับ); were the title rows not repeated, page 2 would have neither.
    for number, text in enumerate(list_pages, start=1):
        assert FIRST_HEADING in text and LAST_HEADING in text, f"page {number} is cut"
        assert f"หน้า {number} / " in text


def test_the_list_pages_are_a4_landscape(attendance_pdf):
    pages = _page_texts(attendance_pdf)
    last = max(n for n, t in enumerate(pages, start=1) if FIRST_HEADING in t)
    sizes = re.findall(
        r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)",
        _run("pdfinfo", "-f", "1", "-l", str(last), str(attendance_pdf)),
    )
    assert [(round(float(w)), round(float(h))) for w, h in sizes] == [(842, 595)] * last


def test_thai_is_printed_in_the_workbooks_font(attendance_pdf):
    # TH SarabunPSK itself is rarely installed on Linux; fontconfig substitutes its
    # metric twin (Laksaman). Either way, it must be what the default font resolves to.
    family = _run("fc-match", "-f", "%{family[0]}", "TH SarabunPSK").strip()
    fonts = _run("pdffonts", str(attendance_pdf))
    assert family.replace(" ", "") in fonts.replace(" ", "")
