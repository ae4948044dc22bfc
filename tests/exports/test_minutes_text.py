"""The minutes as typed blocks: what a DOCX and a live preview both render."""

from __future__ import annotations

from datetime import date, time

from desktop.core import services
from desktop.core.models import Attendance, Meeting
from desktop.exports.minutes_text import (
    AttendeeRow,
    Heading,
    ItemTitle,
    Line,
    Resolution,
    ResolutionPointLine,
    Signature,
    TitleLine,
    attendee_position,
    block_text,
    minutes_blocks,
    minutes_heading,
    paragraphs,
    place_line,
)


def test_blocks_come_typed_and_in_the_order_of_form_11(session, minutes_meeting):
    blocks = minutes_blocks(services.load_meeting(session, minutes_meeting.meeting_id))
    kinds = [type(b).__name__ for b in blocks]
    assert kinds[:5] == ["TitleLine"] * 4 + ["Heading"]  # the network is in the title
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
    ]
    titles = [b for b in blocks if isinstance(b, ItemTitle)]
    assert [(t.label, t.level) for t in titles] == [
        ("ระเบียบวาระที่ 1", 0),
        ("ระเบียบวาระที่ 2", 0),
        ("2.1", 1),
        ("ระเบียบวาระที่ 3", 0),
    ]
    points = [b for b in blocks if isinstance(b, ResolutionPointLine)]
    assert [(p.number, p.text) for p in points] == [
        ("1.", "จัดตั้งคณะทำงานร่วม"),
        ("2.", "ประชุมทุกไตรมาส"),
    ]
    signatures = [b for b in blocks if isinstance(b, Signature)]
    assert [s.role for s in signatures] == ["ผู้จดรายงานการประชุม", "ผู้ตรวจรายงานการประชุม"]
    assert kinds.index("Signature") > kinds.index("ActionLine")


def test_thai_digits_reach_every_text_of_every_block(session, minutes_meeting):
    meeting = services.load_meeting(session, minutes_meeting.meeting_id)
    blocks = minutes_blocks(meeting, thai_digits=True)
    text = "\n".join(block_text(b) for b in blocks)
    assert not any(c.isascii() and c.isdigit() for c in text)
    assert AttendeeRow("๑.", "นายสมชาย ใจดี", "นายกเทศมนตรีตำบลบ้านกลาง") in blocks


def test_the_heading_says_meeting_once():
    meeting = Meeting(title="การประชุมคณะทำงานเครือข่าย", date=date(2024, 2, 14))
    assert minutes_heading(meeting) == "รายงานการประชุมคณะทำงานเครือข่าย"
    meeting.title = "คณะกรรมการพัฒนาท้องถิ่น"
    assert minutes_heading(meeting) == "รายงานการประชุมคณะกรรมการพัฒนาท้องถิ่น"
    meeting.title = "รายงานการประชุมสภาเทศบาล"
    assert minutes_heading(meeting) == "รายงานการประชุมสภาเทศบาล"


def test_place_line_for_each_mode():
    meeting = Meeting(title="ประชุม", date=date(2024, 2, 14), mode="onsite")
    assert place_line(meeting) == ""
    meeting.venue = "ห้องประชุมสภา"
    assert place_line(meeting) == "ณ ห้องประชุมสภา"
    meeting.mode, meeting.venue = "online", None
    assert place_line(meeting) == "ผ่านระบบการประชุมทางไกล"
    meeting.platform = "zoom"
    assert place_line(meeting) == "ผ่านระบบการประชุมทางไกล (Zoom Meeting)"
    meeting.platform = "Webex Events"
    assert place_line(meeting) == "ผ่านระบบการประชุมทางไกล (Webex Events)"
    meeting.mode, meeting.venue, meeting.platform = "hybrid", "ห้องประชุมสภา", "Teams"
    assert place_line(meeting) == "ณ ห้องประชุมสภา และผ่านระบบการประชุมทางไกล (Microsoft Teams)"


def test_acting_and_absence_are_not_said_twice():
    line = Attendance(
        position="รองปลัดเทศบาล",
        acting_as="รักษาราชการแทนปลัดเทศบาล",
        status="absent",
        absence_reason="(ลาป่วย)",
    )
    assert attendee_position(line) == "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาล (ลาป่วย)"


def test_times_and_recorder_not_yet_known_are_left_as_dots_to_fill_in():
    meeting = Meeting(title="ประชุม", date=date(2024, 2, 14), mode="onsite")
    blocks = minutes_blocks(meeting)
    lines = [b.text for b in blocks if isinstance(b, Line)]
    assert lines == ["เริ่มประชุมเวลา ........... น.", "เลิกประชุมเวลา ........... น."]
    (signature,) = [b for b in blocks if isinstance(b, Signature)]
    assert signature.lines[1].startswith("(....") and signature.lines[-1] == "ผู้จดรายงานการประชุม"
    meeting.start_time, meeting.end_time = time(13, 5), time(16, 0)
    lines = [b.text for b in minutes_blocks(meeting) if isinstance(b, Line)]
    assert lines == ["เริ่มประชุมเวลา 13.05 น.", "เลิกประชุมเวลา 16.00 น."]


def test_a_resolution_with_only_points_still_has_its_label(session, minutes_meeting):
    meeting = services.load_meeting(session, minutes_meeting.meeting_id)
    item = next(i for i in meeting.agenda_items if i.number == "2.1")
    services.update_agenda_item(session, item.id, resolution=None)
    blocks = minutes_blocks(services.load_meeting(session, minutes_meeting.meeting_id))
    resolutions = [b for b in blocks if isinstance(b, Resolution)]
    assert Resolution("", True, 1) in resolutions


def test_typed_text_becomes_paragraphs_without_blank_lines_or_stray_characters():
    text = "แรก\r\nสอง\rสาม\u2028สี่\n\n   \n\tห้า\x01 \nหก\tเจ็ด"
    assert paragraphs(text) == ["แรก", "สอง", "สาม", "สี่", "ห้า", "หก\tเจ็ด"]
    assert paragraphs(None) == []


def test_title_lines_are_what_the_head_of_the_minutes_shows(session, minutes_meeting):
    blocks = minutes_blocks(services.load_meeting(session, minutes_meeting.meeting_id))
    assert [b.text for b in blocks if isinstance(b, TitleLine)] == [
        "รายงานการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",  # the network said once
        "ครั้งที่ 2/2565",
        "เมื่อวันพุธที่ 3 สิงหาคม 2565",
        "ผ่านระบบการประชุมทางไกล (Zoom Meeting)",
    ]
