"""Who is from where: the minutes of a network meeting, exported from the window, print
each attendee's organisation after the position (unless the position already names it),
and the heading names the network once when the title already holds its name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from PySide6.QtWidgets import QFileDialog
from ui.test_agenda_data import settle

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.shell.actions import ActionId

NETWORK = "เครือข่ายพัฒนาท้องถิ่นลุ่มน้ำกวง"

# (organisation, its short name, the attendee, the position she typed)
ATTENDEES = [
    ("เทศบาลตำบลบ้านกลาง", "ทต.บ้านกลาง", ("นาย", "สมชาย", "ใจดี"), "รองปลัดเทศบาล"),
    (
        "องค์การบริหารส่วนตำบลทุ่งต้อม",
        "อบต.ทุ่งต้อม",
        ("นาง", "วันดี", "รักงาน"),
        "นักพัฒนาชุมชนชำนาญการ",
    ),
    ("องค์การบริหารส่วนตำบลป่าสัก", "อบต.ป่าสัก", ("นางสาว", "มาลี", "ศรีสุข"), "นักพัฒนาชุมชนชำนาญการ"),
]


def network_meeting(db_path: Path, title: str) -> int:
    """A draft meeting of a three-authority network, each attendee from another one."""
    database = open_database(db_path)
    try:
        with database.session() as s:
            members = [
                services.create_organization(s, name=name, short_name=short)
                for name, short, _person, _position in ATTENDEES
            ]
            network = services.create_network(s, name=NETWORK, member_ids=[m.id for m in members])
            meeting = services.create_meeting(
                s, title=title, number=3, date=date(2026, 11, 20), network_id=network.id
            )
            for member, (_name, _short, (honorific, given, family), position) in zip(
                members, ATTENDEES, strict=True
            ):
                person = services.create_person(
                    s,
                    honorific=honorific,
                    given_name=given,
                    family_name=family,
                    position=position,
                    organization_id=member.id,
                )
                services.add_attendee(s, meeting.id, person.id)
            return meeting.id
    finally:
        database.close()


def export_from_the_window(qtbot, open_window, db_path: Path, meeting_id: int, monkeypatch):
    """File → Export → Minutes on the open meeting, saved where the test says; its DOCX."""
    target = db_path.parent / "minutes.docx"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args, **_kw: (str(target), "")),
    )
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(meeting_id)
    exporter = window.workspace.minutes_tools.exporter
    with qtbot.waitSignal(exporter.finished, timeout=20_000) as finished:
        window.commands[ActionId.EXPORT_MINUTES].trigger()
    settle(qtbot)
    return docx.Document(str(finished.args[0]))


def attendee_rows(document) -> dict[str, str]:
    """Name → the position column of the attendance table(s)."""
    return {
        row.cells[1].text: row.cells[2].text
        for table in document.tables
        for row in table.rows
        if len(row.cells) >= 3 and row.cells[0].text.rstrip(".").isdigit()
    }


def test_each_attendee_says_her_organisation_and_the_network_is_named_once(
    qtbot, open_window, db_path, monkeypatch
):
    meeting_id = network_meeting(db_path, f"การประชุมคณะทำงาน{NETWORK}")
    document = export_from_the_window(qtbot, open_window, db_path, meeting_id, monkeypatch)
    rows = attendee_rows(document)
    assert rows == {
        f"{honorific}{given} {family}": f"{position} {short}"
        for _name, short, (honorific, given, family), position in ATTENDEES
    }
    paragraphs = [p.text for p in document.paragraphs]
    assert sum(text.count(NETWORK) for text in paragraphs) == 1
    assert paragraphs[0] == f"รายงานการประชุมคณะทำงาน{NETWORK}"


def test_a_title_without_the_network_gets_it_under_the_heading(
    qtbot, open_window, db_path, monkeypatch
):
    meeting_id = network_meeting(db_path, "การประชุมคณะทำงานด้านการพัฒนาชุมชน")
    document = export_from_the_window(qtbot, open_window, db_path, meeting_id, monkeypatch)
    heading = [p.text for p in document.paragraphs][:3]
    assert sum(text.count(NETWORK) for text in heading) == 1
