"""What the window used to assemble from several service calls is one service each: adding
a whole network to a meeting, and setting one field of an agenda item as the editor and
its undo hand it over."""

from __future__ import annotations

from datetime import date

from desktop.core import services
from desktop.core.services.agenda_restore import set_item_field
from desktop.core.services.agenda_view import VoteRow, read_agenda
from desktop.core.services.views import attendance_rows


def _network_meeting(session) -> tuple[int, dict[str, int]]:
    town = services.create_organization(session, name="เทศบาลเมืองลำพูน", kind="town_municipality")
    tambon = services.create_organization(session, name="อบต.ต้นธง", kind="sao")
    outside = services.create_organization(session, name="สำนักงานจังหวัด", kind="agency")
    network = services.create_network(session, name="เครือข่ายลำพูน", member_ids=[town.id, tambon.id])
    people = {
        "mayor": services.create_person(
            session, honorific="นาย", given_name="สมชาย", organization_id=town.id
        ).id,
        "clerk": services.create_person(
            session, honorific="นาง", given_name="กานดา", organization_id=tambon.id
        ).id,
        "retired": services.create_person(
            session, honorific="นาย", given_name="เกษียณ", organization_id=tambon.id
        ).id,
        "guest": services.create_person(
            session, honorific="นาย", given_name="แขก", organization_id=outside.id
        ).id,
    }
    services.update_person(session, people["retired"], active=False)
    meeting = services.create_meeting(
        session, title="ประชุมเครือข่าย", date=date(2026, 3, 3), network_id=network.id
    )
    return meeting.id, people


def test_a_whole_network_is_added_once_and_only_its_active_people(session):
    meeting_id, people = _network_meeting(session)
    services.add_attendee(session, meeting_id, people["mayor"])  # already listed
    assert services.add_network_members(session, meeting_id) == 1
    listed = {line.person_id for line in attendance_rows(session, meeting_id)}
    assert listed == {people["mayor"], people["clerk"]}
    assert services.add_network_members(session, meeting_id) == 0, "nobody twice"


def test_a_meeting_without_a_network_adds_nobody(session):
    meeting = services.create_meeting(session, title="ประชุมภายใน", date=date(2026, 3, 4))
    assert services.add_network_members(session, meeting.id) == 0


def test_one_field_of_an_item_as_the_editor_hands_it_over(session):
    meeting = services.create_meeting(session, title="ประชุมสามัญ", date=date(2026, 3, 5))
    item_id = services.add_agenda_item(session, meeting.id, title="ร่าง").id
    set_item_field(session, item_id, "title", "ร่างบันทึกความร่วมมือ")
    set_item_field(session, item_id, "points", ("ข้อหนึ่ง", "ข้อสอง"))
    set_item_field(session, item_id, "vote", VoteRow(votes_for=7, votes_against=0))
    node = next(iter(read_agenda(session, meeting.id).walk()))
    assert node.title == "ร่างบันทึกความร่วมมือ"
    assert list(node.points) == ["ข้อหนึ่ง", "ข้อสอง"]
    assert node.vote.votes_for == 7
    set_item_field(session, item_id, "vote", None)  # no vote any more
    node = next(iter(read_agenda(session, meeting.id).walk()))
    assert node.vote is None
