"""The minutes of an official meeting: quorum, capacities, the order she set, votes."""

from __future__ import annotations

import docx
import openpyxl
from docx.oxml.ns import qn
from sqlalchemy import select

from desktop.core import services
from desktop.core.models import AgendaItem, Attendance
from desktop.exports.attendance_xlsx import ATTENDANCE_HEADERS, export_attendance
from desktop.exports.minutes_docx import export_minutes


def export(session, meeting_id: int, tmp_path, **options) -> list[str]:
    """The DOCX read back: a paragraph's text, or a table row as `a | b | c`."""
    path = export_minutes(session, meeting_id, tmp_path / "minutes.docx", **options)
    document = docx.Document(str(path))
    lines = []
    for element in document.element.body:
        if element.tag == qn("w:p"):
            lines.append(docx.text.paragraph.Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            table = docx.table.Table(element, document)
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return lines


def _item(session, meeting_id: int, number: str) -> AgendaItem:
    return session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.number == number)
    ).one()


def _line(session, meeting_id: int, person_id: int) -> Attendance:
    return session.scalars(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    ).one()


OPENING = "ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้"


def test_the_opening_says_the_quorum_was_met_only_when_it_was(session, minutes_meeting, tmp_path):
    meeting_id = minutes_meeting.meeting_id
    lines = export(session, meeting_id, tmp_path)
    assert lines[lines.index("เริ่มประชุมเวลา 09.30 น.") + 1] == OPENING  # no quorum set
    services.update_meeting(session, meeting_id, quorum=3)  # three members present
    lines = export(session, meeting_id, tmp_path)
    assert lines[lines.index("เริ่มประชุมเวลา 09.30 น.") + 1] == f"เมื่อครบองค์ประชุมแล้ว {OPENING}"
    services.update_meeting(session, meeting_id, quorum=4)
    lines = export(session, meeting_id, tmp_path)
    assert not any("องค์ประชุม" in line for line in lines)
    assert lines[lines.index("เริ่มประชุมเวลา 09.30 น.") + 1] == OPENING


def test_a_met_quorum_without_an_opening_gets_the_standard_sentence(
    session, minutes_meeting, tmp_path
):
    services.update_meeting(session, minutes_meeting.meeting_id, quorum=2, opening=None)
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    assert lines[lines.index("เริ่มประชุมเวลา 09.30 น.") + 1] == (
        "เมื่อครบองค์ประชุมแล้ว ประธานกล่าวเปิดประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"
    )


def test_capacities_are_a_third_column_with_the_chair_as_chair(session, minutes_meeting, tmp_path):
    meeting_id = minutes_meeting.meeting_id
    secretary = _line(session, meeting_id, minutes_meeting.reviewer_id)
    services.update_attendance(session, secretary.id, capacity="กรรมการและเลขานุการ")
    lines = export(session, meeting_id, tmp_path)
    present = lines[lines.index("ผู้มาประชุม") + 1 : lines.index("ผู้ไม่มาประชุม")]
    assert present == [
        "1. | นายสมชาย ใจดี | นายกเทศมนตรีตำบลบ้านกลาง | ประธาน",
        "2. | นางสาววิไล ศรีสุข | รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง"
        " | กรรมการและเลขานุการ",
        "3. | นางมาลี บุญมา | นักวิเคราะห์นโยบายและแผน องค์การบริหารส่วนตำบลทุ่งต้อม | ",
    ]
    # Every list has the same columns.
    assert lines[lines.index("ผู้ไม่มาประชุม") + 1].count(" | ") == 3


def test_without_capacities_there_is_no_third_column(session, minutes_meeting, tmp_path):
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    assert lines[lines.index("ผู้มาประชุม") + 1] == "1. | นายสมชาย ใจดี | นายกเทศมนตรีตำบลบ้านกลาง"


def test_the_organisation_is_left_out_on_request_or_when_the_position_names_it(
    session, minutes_meeting
):
    from desktop.exports.minutes_text import AttendeeRow, minutes_blocks

    meeting = services.load_meeting(session, minutes_meeting.meeting_id)
    rows = [b for b in minutes_blocks(meeting) if isinstance(b, AttendeeRow)]
    positions = {r.name: r.position for r in rows}
    assert positions["นายธนพล ทองดี"] == "ท้องถิ่นจังหวัดเชียงใหม่"  # the office's head
    plain = [b for b in minutes_blocks(meeting, organizations=False) if isinstance(b, AttendeeRow)]
    assert {r.name: r.position for r in plain}["นางมาลี บุญมา"] == "นักวิเคราะห์นโยบายและแผน"


def test_the_order_she_sets_is_kept_in_the_minutes_and_the_workbook(
    session, minutes_meeting, tmp_path
):
    meeting_id = minutes_meeting.meeting_id
    recorder = _line(session, meeting_id, minutes_meeting.recorder_id)
    services.move_attendee(session, recorder.id, -2)  # the recorder first
    deputy = _line(session, meeting_id, minutes_meeting.reviewer_id)
    services.move_attendee(session, deputy.id, +9)  # the deputy last of all
    lines = export(session, meeting_id, tmp_path)
    present = lines[lines.index("ผู้มาประชุม") + 1 : lines.index("ผู้ไม่มาประชุม")]
    assert [line.split(" | ")[1] for line in present] == [
        "นางมาลี บุญมา",
        "นายสมชาย ใจดี",
        "นางสาววิไล ศรีสุข",
    ]
    session.commit()
    path = export_attendance(session, meeting_id, tmp_path / "attendance.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows.index(ATTENDANCE_HEADERS)
    names = [row[1] for row in rows[header + 1 :]]
    assert names == [
        "นางมาลี บุญมา",
        "นายสมชาย ใจดี",
        "นายประภัสร์ ภู่เจริญ",
        "นายธนพล ทองดี",
        "นายวรวุฒิ คำปัน",
        "นางสาววิไล ศรีสุข",
    ]


def test_a_vote_is_written_in_the_thai_form_under_the_resolution(
    session, minutes_meeting, tmp_path
):
    meeting_id = minutes_meeting.meeting_id
    sub = _item(session, meeting_id, "2.1")
    services.set_vote(
        session,
        sub.id,
        votes_for=2,
        votes_against=0,
        votes_abstain=1,
        ballot="secret",
        mover_id=minutes_meeting.reviewer_id,
        seconder_id=minutes_meeting.recorder_id,
    )
    lines = export(session, meeting_id, tmp_path)
    at = lines.index("มติที่ประชุม\tที่ประชุมเห็นชอบร่วมกันดำเนินงาน ดังนี้")
    assert lines[at + 1 : at + 5] == [
        "1.\tจัดตั้งคณะทำงานร่วม",
        "2.\tประชุมทุกไตรมาส",
        "เห็นชอบ 2 เสียง ไม่เห็นชอบ 0 เสียง งดออกเสียง 1 เสียง (ลงคะแนนลับ)",
        "ผู้เสนอ นางสาววิไล ศรีสุข ผู้รับรอง นางมาลี บุญมา",
    ]
    lines = export(session, meeting_id, tmp_path, zero_votes_as_none=True, thai_digits=True)
    assert "เห็นชอบ ๒ เสียง ไม่เห็นชอบ ไม่มี งดออกเสียง ๑ เสียง (ลงคะแนนลับ)" in lines


def test_a_vote_without_a_resolution_text_stands_next_to_the_label(
    session, minutes_meeting, tmp_path
):
    meeting_id = minutes_meeting.meeting_id
    other = _item(session, meeting_id, "3")
    services.update_agenda_item(session, other.id, resolution=None)
    services.set_vote(session, other.id, votes_for=3, ballot="open")
    lines = export(session, meeting_id, tmp_path)
    assert "มติที่ประชุม\tเห็นชอบ 3 เสียง" in lines
