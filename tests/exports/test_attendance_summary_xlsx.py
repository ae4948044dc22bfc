"""A network's attendance over a period, checked against the database it came from."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import NotFound, PrachumError
from desktop.core.models import Attendance, Meeting
from desktop.core.operations.demo import fill_demo
from desktop.exports.attendance_xlsx import export_network_summary

NETWORK = "เครือข่ายเทศบาลลุ่มน้ำปิง"
HEADER_ROW = 4  # two heading lines, a blank row, then the table


@dataclass
class SummaryNetwork:
    network_id: int
    meeting_ids: dict[str, int]


@pytest.fixture
def summary_network(session) -> SummaryNetwork:
    """Three meetings in 2567 entered out of order, one in 2566, one of another network.

    The mayor comes to all; the clerk is excused once (ลา) and simply absent once (✗);
    the officer joins at the second meeting; a guest comes once as a participant.
    """
    host = services.create_organization(
        session, name="เทศบาลตำบลบ้านกลาง", kind="subdistrict_municipality"
    )
    sao = services.create_organization(session, name="องค์การบริหารส่วนตำบลทุ่งต้อม", kind="sao")
    agency = services.create_organization(session, name="มูลนิธิพัฒนาเมืองน่าอยู่", kind="agency")
    network = services.create_network(session, name=NETWORK, member_ids=[host.id, sao.id])
    other = services.create_network(session, name="เครือข่ายอื่น", member_ids=[host.id])

    def person(given, family, role, organization):
        return services.create_person(
            session,
            honorific="นาย",
            given_name=given,
            family_name=family,
            role=role,
            organization_id=organization.id,
        )

    mayor = person("สมชาย", "ใจดี", "executive", host)
    clerk = person("ประภัสร์", "ภู่เจริญ", "clerk", sao)
    officer = person("อนุชา", "ศรีสุข", "officer", host)
    guest = person("ธนพล", "ทองดี", "guest", agency)

    def meeting(number, on, network_id, lines):
        created = services.create_meeting(
            session, title="การประชุมคณะทำงาน", number=number, date=on, network_id=network_id
        )
        for who, fields in lines:
            services.add_attendee(session, created.id, who.id, **fields)
        return created.id

    ids = {
        "third": meeting(
            3,
            date(2024, 8, 21),
            network.id,
            [(mayor, {}), (clerk, {}), (officer, {"status": "absent"})],
        ),
        "first": meeting(
            1,
            date(2024, 2, 14),
            network.id,
            [(mayor, {}), (clerk, {"status": "absent", "absence_reason": "ลา"})],
        ),
        "second": meeting(
            2,
            date(2024, 5, 8),
            network.id,
            [
                (mayor, {}),
                (clerk, {"status": "absent"}),
                (officer, {}),
                (guest, {"group": "participant"}),
            ],
        ),
        "last_year": meeting(5, date(2023, 11, 1), network.id, [(clerk, {"status": "absent"})]),
        "elsewhere": meeting(1, date(2024, 3, 1), other.id, [(mayor, {"status": "absent"})]),
    }
    session.flush()
    session.expire_all()
    return SummaryNetwork(network.id, ids)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _summary(session, network_id, out, date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)):
    path = export_network_summary(session, network_id, date_from, date_to, out / "summary.xlsx")
    return openpyxl.load_workbook(path)


def _rows(sheet, first: int) -> list[tuple]:
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=first)]


def test_people_by_meetings_marks_present_absent_and_excused_in_date_order(
    session, summary_network, out
):
    sheet = _summary(session, summary_network.network_id, out)["รายบุคคล"]

    assert sheet["A1"].value == f"สรุปการเข้าประชุม{NETWORK}"
    assert sheet["A2"].value == "ระหว่างวันที่ 1 มกราคม 2567 ถึง 31 ธันวาคม 2567"
    assert [c.value for c in sheet[HEADER_ROW]] == [
        "ลำดับ",
        "ชื่อ–สกุล",
        "หน่วยงาน",
        "1/2567\n14 ก.พ.",
        "2/2567\n8 พ.ค.",
        "3/2567\n21 ส.ค.",
        "เชิญ",
        "มา",
        "ร้อยละ",
    ]
    rows = _rows(sheet, HEADER_ROW + 1)
    # By organisation in Thai order, then role (the mayor before the officer).
    assert [r[:9] for r in rows] == [
        (1, "นายสมชาย ใจดี", "เทศบาลตำบลบ้านกลาง", "✓", "✓", "✓", 3, 3, 1.0),
        (2, "นายอนุชา ศรีสุข", "เทศบาลตำบลบ้านกลาง", None, "✓", "✗", 2, 1, 0.5),
        (3, "นายธนพล ทองดี", "มูลนิธิพัฒนาเมืองน่าอยู่", None, "✓", None, 0, 0, None),
        (4, "นายประภัสร์ ภู่เจริญ", "องค์การบริหารส่วนตำบลทุ่งต้อม", "ลา", "✗", "✓", 3, 1, 1 / 3),
    ]
    assert sheet["I5"].number_format == "0.0%"
    assert sheet.freeze_panes == f"D{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:I{HEADER_ROW + 4}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_organisation_counts_equal_the_database(session, summary_network, out):
    sheet = _summary(session, summary_network.network_id, out)["รายหน่วยงาน"]
    rows = _rows(sheet, HEADER_ROW + 1)

    assert [c.value for c in sheet[HEADER_ROW]] == [
        "หน่วยงาน",
        "เชิญ",
        "มา",
        "ไม่มา",
        "ผู้เข้าร่วม",
        "ร้อยละ",
    ]
    assert rows == [
        ("เทศบาลตำบลบ้านกลาง", 5, 4, 1, 0, 0.8),
        ("มูลนิธิพัฒนาเมืองน่าอยู่", 0, 0, 0, 1, None),  # guests only: no rate, not 0 %
        ("องค์การบริหารส่วนตำบลทุ่งต้อม", 3, 1, 2, 0, 1 / 3),
        ("รวม", 8, 5, 3, 1, 5 / 8),
    ]
    assert _database_counts(session, summary_network.network_id) == {
        row[0]: row[1:5] for row in rows[:-1]
    }


def _database_counts(session, network_id: int, date_from=date(2024, 1, 1), date_to=None):
    """Counted straight from the attendance lines, without the services."""
    query = (
        select(
            Attendance.organization_name,
            Attendance.group,
            Attendance.status,
            func.count(),
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.network_id == network_id, Meeting.date >= date_from)
        .group_by(Attendance.organization_name, Attendance.group, Attendance.status)
    )
    if date_to is not None:
        query = query.where(Meeting.date <= date_to)
    counts: dict[str, list[int]] = {}
    for organization, group, status, number in session.execute(query):
        line = counts.setdefault(organization or "-", [0, 0, 0, 0])
        if group == "member":
            line[0] += number
            line[1 if status == "present" else 2] += number
        elif status == "present":
            line[3] += number
    return {name: tuple(values) for name, values in counts.items()}


def test_demo_network_summary_counts_equal_the_database(session, out):
    network = fill_demo(session)
    session.flush()
    workbook = _summary(session, network.id, out, date(2000, 1, 1), date(2100, 1, 1))
    rows = _rows(workbook["รายหน่วยงาน"], HEADER_ROW + 1)
    people = _rows(workbook["รายบุคคล"], HEADER_ROW + 1)

    counts = _database_counts(session, network.id, date(2000, 1, 1))
    assert {row[0]: row[1:5] for row in rows[:-1]} == counts
    assert rows[-1][1:5] == tuple(sum(c[i] for c in counts.values()) for i in range(4))
    marks = [m for person in people for m in person[3 : 3 + len(network.meetings)] if m]
    assert len(marks) == session.scalar(
        select(func.count())
        .select_from(Attendance)
        .join(Meeting)
        .where(Meeting.network_id == network.id)
    )


def test_a_meeting_sheet_lists_the_period_meetings_in_date_order(session, summary_network, out):
    sheet = _summary(session, summary_network.network_id, out)["การประชุม"]
    assert _rows(sheet, HEADER_ROW + 1) == [
        (1, "1/2567", "14 กุมภาพันธ์ 2567", "การประชุมคณะทำงาน"),
        (2, "2/2567", "8 พฤษภาคม 2567", "การประชุมคณะทำงาน"),
        (3, "3/2567", "21 สิงหาคม 2567", "การประชุมคณะทำงาน"),
    ]


def test_chart_sheet_plots_the_rate_of_each_organisation(session, summary_network, out):
    path = export_network_summary(
        session, summary_network.network_id, date(2024, 1, 1), date(2024, 12, 31), out / "s.xlsx"
    )
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[-1] == "แผนภูมิ"
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
    assert '<barDir val="bar"/>' in chart
    assert "<f>'รายหน่วยงาน'!$F$5:$F$7</f>" in chart  # the three organisations' rates
    assert "<strRef><f>'รายหน่วยงาน'!$A$5:$A$7</f>" in chart  # named by text, not 1, 2, 3
    assert 'typeface="TH SarabunPSK"' in chart
    assert '<ext cx="0"' not in drawing  # Calc draws a chart sheet's chart at its size


def test_start_after_end_is_refused(session, summary_network, out):
    with pytest.raises(PrachumError, match="start date is after"):
        _summary(session, summary_network.network_id, out, date(2024, 12, 31), date(2024, 1, 1))
    with pytest.raises(NotFound):
        _summary(session, 999, out)
    assert list(out.iterdir()) == []


def test_command_takes_buddhist_era_dates(db_arg, summary_network, session, out, capsys):
    session.commit()
    target = out / "ปี 2567.xlsx"
    argv = ["--db", db_arg, "attendance-summary", "--network", NETWORK]
    code = main([*argv, "--from", "1/1/2567", "--to", "2024-12-31", "-o", str(target)])

    assert code == 0, capsys.readouterr().err
    sheet = openpyxl.load_workbook(target)["รายบุคคล"]
    assert sheet["A2"].value == "ระหว่างวันที่ 1 มกราคม 2567 ถึง 31 ธันวาคม 2567"
    assert sheet.max_column == 9  # three meetings: the one of 2566 is outside the period


def test_progress_is_reported_person_by_person_to_the_end(session, summary_network, out):
    seen: list[tuple[int, int]] = []
    export_network_summary(
        session,
        summary_network.network_id,
        date(2024, 1, 1),
        date(2024, 12, 31),
        out / "s.xlsx",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (4, 4)
