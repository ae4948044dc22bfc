"""The meeting's copy of a person: acting typed into a position, drafts brought up to date."""

from __future__ import annotations

import pytest

from desktop.core import services
from desktop.core.models import Attendance
from desktop.core.thai import acting_position, split_acting
from desktop.exports.minutes_text import Signature, block_text, minutes_blocks

ACTING_TYPED = "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลเมืองลำพูน"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (ACTING_TYPED, ("รองปลัดเทศบาล", "ปลัดเทศบาลเมืองลำพูน")),
        ("รองปลัดเทศบาลรักษาราชการแทน ปลัดเทศบาล", ("รองปลัดเทศบาล", "ปลัดเทศบาล")),
        ("รองปลัดเทศบาล ร.ร.ท.ปลัดเทศบาล", ("รองปลัดเทศบาล", "ปลัดเทศบาล")),
        ("ปลัดเทศบาล", ("ปลัดเทศบาล", None)),
        (None, (None, None)),
    ],
)
def test_acting_typed_into_a_position_is_split_off(typed, expected):
    assert split_acting(typed) == expected


def test_the_acting_office_is_said_once_however_it_was_typed():
    once = "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาล"
    assert acting_position("รองปลัดเทศบาล", "ปลัดเทศบาล") == once
    assert acting_position("รองปลัดเทศบาล", "รักษาราชการแทนปลัดเทศบาล") == once
    assert acting_position("รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล", "ปลัดเทศบาล") == once


def test_an_acting_position_goes_to_the_lines_acting_field(session, network, first_meeting):
    deputy = network["people"]["deputy"]
    services.update_person(session, deputy.id, position=ACTING_TYPED)
    other = services.create_meeting(session, title="ประชุมอื่น", date="2024-03-01")
    line = services.add_attendee(session, other.id, deputy.id)
    assert (line.position, line.acting_as) == ("รองปลัดเทศบาล", "ปลัดเทศบาลเมืองลำพูน")
    text = "\n".join(
        block_text(b) for b in minutes_blocks(services.load_meeting(session, other.id))
    )
    assert text.count("รักษาราชการแทน") == 1


def test_the_meetings_copy_is_edited_on_the_line_not_the_person(session, network, first_meeting):
    deputy = network["people"]["deputy"]
    line = next(a for a in first_meeting.attendance if a.person_id == deputy.id)
    services.update_attendance(session, line.id, position=ACTING_TYPED, name="นางวิไล ศรีสุข")
    assert (line.position, line.acting_as, line.name) == (
        "รองปลัดเทศบาล",
        "ปลัดเทศบาลเมืองลำพูน",
        "นางวิไล ศรีสุข",
    )
    session.refresh(deputy)
    assert deputy.position == "รองปลัดเทศบาล"


def test_an_edited_person_is_offered_to_the_draft_meetings_only(session, network, first_meeting):
    mayor = network["people"]["mayor"]
    closed = services.create_meeting(session, title="ประชุมที่ปิดแล้ว", date="2024-01-10")
    services.add_attendee(session, closed.id, mayor.id)
    services.finalise_meeting(session, closed.id)
    assert services.stale_snapshots(session, mayor.id) == []

    services.update_person(session, mayor.id, position="นายกเทศมนตรีตำบลบ้านกลาง (สมัยที่ 2)")
    stale = services.stale_snapshots(session, mayor.id)
    assert [s.meeting_id for s in stale] == [first_meeting.id]
    assert services.refresh_snapshots(session, mayor.id) == [first_meeting.id]
    positions = {
        a.meeting_id: a.position
        for a in session.query(Attendance).filter(Attendance.person_id == mayor.id)
    }
    assert positions[first_meeting.id] == "นายกเทศมนตรีตำบลบ้านกลาง (สมัยที่ 2)"
    assert positions[closed.id] == "นายกเทศมนตรีตำบลบ้านกลาง"
    assert services.stale_snapshots(session, mayor.id) == []


def test_an_acting_recorder_signs_as_acting(session, network, first_meeting):
    deputy = network["people"]["deputy"]
    services.update_meeting(
        session, first_meeting.id, recorder_id=deputy.id, reviewer_id=network["people"]["mayor"].id
    )
    line = next(a for a in first_meeting.attendance if a.person_id == deputy.id)
    services.update_attendance(session, line.id, acting_as="ปลัดเทศบาลตำบลบ้านกลาง")
    blocks = minutes_blocks(services.load_meeting(session, first_meeting.id))
    signatures = [b for b in blocks if isinstance(b, Signature)]
    assert signatures[0].position == "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง"
    assert signatures[1].position == "นายกเทศมนตรีตำบลบ้านกลาง"


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("การประชุมคณะทำงานเครือข่ายทดสอบ", 0),
        ("การประชุมคณะทำงาน เครือข่าย ทดสอบ", 0),
        ("การประชุมคณะทำงาน", 1),
    ],
)
def test_the_heading_names_the_network_once(session, first_meeting, title, lines):
    services.update_meeting(session, first_meeting.id, title=title)
    blocks = minutes_blocks(services.load_meeting(session, first_meeting.id))
    head = [block_text(b) for b in blocks[:3]]
    assert head.count("เครือข่ายทดสอบ") == lines
    assert "เครือข่าย" in head[0] or lines == 1


@pytest.mark.parametrize(
    ("edit", "acting"),
    [
        ({"position": "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง"}, "ปลัดเทศบาลตำบลบ้านกลาง"),
        ({"acting_as": "ปลัดเทศบาลตำบลบ้านกลาง"}, "ปลัดเทศบาลตำบลบ้านกลาง"),
        ({"position": "รองปลัดเทศบาล"}, None),  # she acts for no one any more
    ],
)
def test_an_acting_office_edited_alone_is_offered_to_the_draft_meetings(
    session, network, first_meeting, edit, acting
):
    deputy = network["people"]["deputy"]
    services.update_person(session, deputy.id, position=ACTING_TYPED)
    services.refresh_snapshots(session, deputy.id)
    line = next(a for a in first_meeting.attendance if a.person_id == deputy.id)
    assert (line.position, line.acting_as) == ("รองปลัดเทศบาล", "ปลัดเทศบาลเมืองลำพูน")

    services.update_person(session, deputy.id, **edit)  # the held office stays as it was
    stale = services.stale_snapshots(session, deputy.id)
    assert [s.meeting_id for s in stale] == [first_meeting.id]
    assert services.refresh_snapshots(session, deputy.id) == [first_meeting.id]
    assert (line.position, line.acting_as) == ("รองปลัดเทศบาล", acting)
    assert services.stale_snapshots(session, deputy.id) == []
