"""The meeting's attendance workbook and the sign-in sheet, reopened as a secretary would."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from desktop.core import services
from desktop.core.errors import NotFound
from desktop.exports.attendance_xlsx import (
    ATTENDANCE_HEADERS,
    attendance_workbook,
    export_attendance,
    export_signin_sheet,
)

FORMULA_NAME = '=HYPERLINK("http://x","y")'
TITLE = "การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"
HEADER_ROW = 6  # four heading lines, a blank row, then the table


@dataclass
class AttendanceMeeting:
    meeting_id: int


@pytest.fixture
def attendance_meeting(session) -> AttendanceMeeting:
    """An online meeting on Wednesday 3 August 2022 (2565): times from a report, an acting
    deputy clerk, an excused absence, and a guest whose name is a formula."""
    host = services.create_organization(
        session, name="เทศบาลตำบลบ้านกลาง", kind="subdistrict_municipality"
    )
    sao = services.create_organization(session, name="องค์การบริหารส่วนตำบลทุ่งต้อม", kind="sao")
    agency = services.create_organization(
        session, name="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่", kind="agency"
    )
    network = services.create_network(
        session, name="เครือข่ายเทศบาลลุ่มน้ำปิง", member_ids=[host.id, sao.id]
    )

    def person(honorific, given, family, position, role, *, at):
        return services.create_person(
            session,
            honorific=honorific,
            given_name=given,
            family_name=family,
            position=position,
            role=role,
            organization_id=at.id,
        )

    mayor = person("นาย", "สมชาย", "ใจดี", "นายกเทศมนตรีตำบลบ้านกลาง", "executive", at=host)
    deputy = person("นางสาว", "วิไล", "ศรีสุข", "รองปลัดเทศบาล", "deputy_clerk", at=host)
    absent = person("นาย", "ประภัสร์", "ภู่เจริญ", "นายกองค์การบริหารส่วนตำบลทุ่งต้อม", "executive", at=sao)
    guest = person(None, FORMULA_NAME, None, "- ไม่ระบุ -", "guest", at=agency)

    meeting = services.create_meeting(
        session,
        title=TITLE,
        number=1,
        date=date(2022, 8, 3),
        start="09:30",
        end="12:00",
        mode="online",
        platform="Zoom",
        network_id=network.id,
    )
    first = services.add_attendee(
        session, meeting.id, mayor.id, joined="09:25", left="12:01", source="zoom"
    )
    services.update_attendance(session, first.id, minutes_present=150)
    services.add_attendee(
        session,
        meeting.id,
        deputy.id,
        acting_as="ปลัดเทศบาลตำบลบ้านกลาง",
        joined="09:30",
        left="11:00",
    )
    services.add_attendee(
        session, meeting.id, absent.id, status="absent", absence_reason="ติดราชการ"
    )
    services.add_attendee(session, meeting.id, guest.id, group="participant", note="+ ผู้สังเกตการณ์")
    session.flush()
    session.expire_all()
    return AttendanceMeeting(meeting.id)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the workbooks (the database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(session, meeting_id: int, folder: Path, **options) -> Path:
    return export_attendance(session, meeting_id, folder / "attendance.xlsx", **options)


def _rows(sheet, first: int) -> list[tuple]:
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=first)]


def test_the_list_says_who_came_in_thai_words_with_times_and_acting_capacity(
    session, attendance_meeting, out
):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[0]

    assert [c.value for c in sheet[HEADER_ROW]] == ATTENDANCE_HEADERS
    assert _rows(sheet, HEADER_ROW + 1) == [
        (1, "นายสมชาย ใจดี", "นายกเทศมนตรีตำบลบ้านกลาง", "เทศบาลตำบลบ้านกลาง", "สมาชิก", "มา",
         None, time(9, 25), time(12, 1), 150, None),
        (2, "นางสาววิไล ศรีสุข", "รองปลัดเทศบาล", "เทศบาลตำบลบ้านกลาง", "สมาชิก", "มา",
         None, time(9, 30), time(11, 0), 90, "รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง"),
        (3, "นายประภัสร์ ภู่เจริญ", "นายกองค์การบริหารส่วนตำบลทุ่งต้อม",
         "องค์การบริหารส่วนตำบลทุ่งต้อม", "สมาชิก", "ไม่มา", "ติดราชการ",
         None, None, None, None),
        (4, FORMULA_NAME, "- ไม่ระบุ -", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่",
         "ผู้เข้าร่วม", "มา", None, None, None, None, "+ ผู้สังเกตการณ์"),
    ]  # fmt: skip
    # Real times a secretary can sort and subtract, shown as Thai offices write them.
    assert sheet["H7"].is_date and sheet["H7"].number_format == 'hh"."mm'


def test_title_block_names_the_meeting_its_number_thai_date_and_platform(
    session, attendance_meeting, out
):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[0]

    assert [sheet.cell(row, 1).value for row in range(1, 6)] == [
        TITLE,
        "ครั้งที่ 1/2565",
        "วันพุธที่ 3 สิงหาคม 2565 เวลา 09.30–12.00 น.",
        "ผ่านระบบการประชุมทางไกล (Zoom Meeting)",
        None,
    ]
    assert "A1:K1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].font.b and sheet["A1"].alignment.horizontal == "center"


def test_header_is_frozen_filtered_and_printed_on_every_page_one_page_wide(
    session, attendance_meeting, out
):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[0]

    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:K{HEADER_ROW + 4}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.oddFooter.center.text == "หน้า &P / &N"


def test_columns_are_wide_enough_for_the_longest_thai_text(session, attendance_meeting, out):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    width = {c: sheet.column_dimensions[c].width for c in "ABCDK"}

    # The organisation is 49 letters of which 10 are marks above or below: 39 wide.
    assert 39 < width["D"] <= 60
    assert width["C"] > len("นายกองค์การบริหารส่วนตำบลทุ่งต้อม") * 0.8
    assert width["A"] < 10 < width["K"]


def test_every_cell_shows_the_thai_font_without_a_font_of_its_own(session, attendance_meeting, out):
    path = _export(session, attendance_meeting.meeting_id, out)
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml").decode()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()

    fonts = re.findall(r"<font>.*?</font>", re.search(r"<fonts.*?</fonts>", styles).group())
    # Font 0 is what Excel draws every unstyled cell with, and it must not defer to the
    # theme (scheme="minor" would make Excel show Calibri whatever the name says).
    assert '<name val="TH SarabunPSK"/>' in fonts[0] and "scheme" not in fonts[0]
    assert '<sz val="16"/>' in fonts[0]
    assert all("TH SarabunPSK" in f for f in fonts)
    assert re.search(r'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"', styles)
    assert re.search(r'<cellXfs count="\d+"><xf numFmtId="0" fontId="0"', styles)
    # A data cell such as a name carries no style at all: it is drawn with font 0.
    assert re.search(r'<c r="B7" t="inlineStr">', sheet_xml)

    workbook = openpyxl.load_workbook(path)
    assert workbook._named_styles["Normal"].font.name == "TH SarabunPSK"
    assert workbook.worksheets[0]["B7"].font.name == "TH SarabunPSK"


def test_the_font_setting_changes_the_whole_workbook(session, attendance_meeting, out):
    path = _export(session, attendance_meeting.meeting_id, out, font="TH Sarabun New")
    workbook = openpyxl.load_workbook(path)

    assert workbook._named_styles["Normal"].font.name == "TH Sarabun New"
    assert {f.name for f in workbook._fonts} == {"TH Sarabun New"}


def test_a_name_that_is_a_formula_comes_back_as_that_exact_text(session, attendance_meeting, out):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    guest = sheet[f"B{HEADER_ROW + 4}"]

    assert guest.value == FORMULA_NAME
    assert guest.data_type == "s"
    assert guest.quotePrefix
    # `-` and `+` do not become formulas in openpyxl, but would in Excel when edited.
    for cell in (sheet[f"C{HEADER_ROW + 4}"], sheet[f"K{HEADER_ROW + 4}"]):
        assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_characters_an_xlsx_cannot_hold_are_dropped_not_crashed_on(out):
    rows = [(1, "นาย\x07สมชาย\x1b ใจดี\ud800", "=1+1\x00", None, "สมาชิก", "มา")]
    workbook = attendance_workbook(["ทดสอบ"], [r + (None,) * 5 for r in rows], [])
    workbook.save(out / "odd.xlsx")

    sheet = openpyxl.load_workbook(out / "odd.xlsx").worksheets[0]
    assert sheet["B4"].value == "นายสมชาย ใจดี"
    assert (sheet["C4"].value, sheet["C4"].data_type) == ("=1+1", "s")


def test_second_sheet_counts_each_organisation_and_the_totals(session, attendance_meeting, out):
    path = _export(session, attendance_meeting.meeting_id, out)
    sheet = openpyxl.load_workbook(path).worksheets[1]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "หน่วยงาน")

    assert [c.value for c in sheet[header]] == ["หน่วยงาน", "เชิญ", "มา", "ไม่มา", "ผู้เข้าร่วม"]
    assert _rows(sheet, header + 1) == [
        ("เทศบาลตำบลบ้านกลาง", 2, 2, 0, 0),
        ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่", 0, 0, 0, 1),
        ("องค์การบริหารส่วนตำบลทุ่งต้อม", 1, 0, 1, 0),
        ("รวม", 3, 2, 1, 1),
    ]
    counts = services.attendance_counts(
        services.load_meeting(session, attendance_meeting.meeting_id)
    )
    assert _rows(sheet, header + 4)[0][1:] == (
        counts.expected,
        counts.present,
        counts.absent,
        counts.participants,
    )


def test_an_unknown_meeting_is_not_found_and_writes_nothing(session, out):
    with pytest.raises(NotFound):
        export_attendance(session, 999, out / "none.xlsx")
    assert list(out.iterdir()) == []


def test_a_failed_export_leaves_the_previous_file_as_it_was(session, attendance_meeting, out):
    target = out / "attendance.xlsx"
    target.write_bytes(b"the workbook sent last week")

    def interrupted(done: int, total: int) -> None:
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        export_attendance(session, attendance_meeting.meeting_id, target, progress=interrupted)
    assert target.read_bytes() == b"the workbook sent last week"
    assert [p.name for p in out.iterdir()] == ["attendance.xlsx"]


def test_progress_is_reported_up_to_the_last_row(session, attendance_meeting, out):
    seen: list[tuple[int, int]] = []
    _export(session, attendance_meeting.meeting_id, out, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4)


# --- the sign-in sheet -----------------------------------------------------------------------


def test_sign_in_sheet_lists_the_expected_people_with_room_to_sign(
    session, attendance_meeting, out
):
    path = export_signin_sheet(session, attendance_meeting.meeting_id, out / "signin.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]

    assert sheet["A1"].value == "ใบลงชื่อผู้เข้าร่วมประชุม"
    assert sheet["A2"].value == TITLE
    assert sheet["A4"].value.startswith("วันพุธที่ 3 สิงหาคม 2565")
    header = 7
    assert [c.value for c in sheet[header]] == [
        "ลำดับ",
        "ชื่อ–สกุล",
        "ตำแหน่ง / หน่วยงาน",
        "ลายมือชื่อ",
        "หมายเหตุ",
    ]
    people = _rows(sheet, header + 1)
    assert [r[1] for r in people[:4]] == [
        "นายสมชาย ใจดี",
        "นางสาววิไล ศรีสุข",
        "นายประภัสร์ ภู่เจริญ",
        FORMULA_NAME,
    ]
    assert people[1][2] == "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง\nเทศบาลตำบลบ้านกลาง"
    assert people[2][4] == "ติดราชการ"
    assert all(r[3] is None for r in people)  # the signature column is left empty
    # Blank numbered rows for people who turn up unannounced.
    assert [r[0] for r in people] == list(range(1, len(people) + 1)) and len(people) > 4
    assert all(sheet.row_dimensions[r].height >= 40 for r in range(header + 1, header + 6))
    assert sheet[f"D{header + 1}"].border.left.style == "thin"
    assert sheet.page_setup.orientation == "portrait" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == f"${header}:${header}"


def test_an_onsite_meeting_without_a_number_says_where_and_moves_the_table_up(session, out):
    organization = services.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
    person = services.create_person(
        session, honorific="นาย", given_name="สมชาย", organization_id=organization.id
    )
    meeting = services.create_meeting(
        session, title="การประชุมประจำเดือน", date="14/2/2567", venue="ห้องประชุมสภาเทศบาล"
    )
    services.add_attendee(session, meeting.id, person.id)
    sheet = openpyxl.load_workbook(_export(session, meeting.id, out)).worksheets[0]

    assert [sheet.cell(row, 1).value for row in range(1, 5)] == [
        "การประชุมประจำเดือน",
        "วันพุธที่ 14 กุมภาพันธ์ 2567",
        "ณ ห้องประชุมสภาเทศบาล",
        None,
    ]
    assert sheet["A5"].value == "ลำดับ" and sheet["B6"].value == "นายสมชาย"
    assert sheet.freeze_panes == "A6" and sheet.print_title_rows == "$5:$5"
