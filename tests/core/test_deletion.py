"""Deleting what she made by mistake: what depends on it is said, finalised minutes kept."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import Action, Attendance, Meeting, NetworkMember, Organization, Person


def _meeting(session, network, day: date, number: int):
    meeting = services.create_meeting(
        session,
        title="การประชุมคณะทำงาน",
        date=day,
        number=number,
        network_id=network["network"].id,
    )
    for person in network["people"].values():
        services.add_attendee(session, meeting.id, person.id)
    return meeting


def test_a_person_in_three_meetings_keeps_her_name_in_their_attendance(session, network):
    meetings = [_meeting(session, network, date(2024, m, 1), m) for m in (1, 2, 3)]
    services.finalise_meeting(session, meetings[0].id)
    deputy = network["people"]["deputy"]
    dependents = services.person_dependents(session, deputy.id)
    assert dependents.refusal is None
    assert any("3" in line and "meetings keep" in line for line in dependents.lines("en"))

    services.delete_person(session, deputy.id)
    session.expire_all()
    assert session.get(Person, deputy.id) is None
    lines = session.scalars(select(Attendance).where(Attendance.name == "นางสาววิไล ศรีสุข")).all()
    assert len(lines) == 3
    assert {line.person_id for line in lines} == {None}
    assert {line.position for line in lines} == {"รองปลัดเทศบาล"}
    assert {line.organization_name for line in lines} == {"เทศบาลตำบลบ้านกลาง"}
    # The minutes of the finalised meeting still list her.
    from desktop.exports.minutes_text import block_text, minutes_blocks

    text = "\n".join(
        block_text(b) for b in minutes_blocks(services.load_meeting(session, meetings[0].id))
    )
    assert "นางสาววิไล ศรีสุข" in text


def test_a_person_named_by_finalised_minutes_is_not_deleted(session, network, first_meeting):
    mayor = network["people"]["mayor"]
    services.update_meeting(session, first_meeting.id, recorder_id=mayor.id)
    services.finalise_meeting(session, first_meeting.id)
    dependents = services.person_dependents(session, mayor.id)
    assert dependents.refusal is not None
    with pytest.raises(PrachumError, match="reopen"):
        services.delete_person(session, mayor.id)
    assert session.get(Person, mayor.id) is not None


def test_a_draft_meeting_loses_its_recorder_and_actions_their_owner(
    session, network, first_meeting
):
    mayor = network["people"]["mayor"]
    services.update_meeting(session, first_meeting.id, recorder_id=mayor.id)
    item = services.load_meeting(session, first_meeting.id).agenda[3]
    action = services.add_action(session, item.id, text="ทำรายงาน", owner_person_id=mayor.id)
    services.remember_alias(session, "Somchai J.", mayor.id)
    lines = services.person_dependents(session, mayor.id).lines("en")
    assert any("recorder" in line for line in lines)
    assert any("1 actions lose their owner" in line for line in lines)
    assert any("remembered" in line for line in lines)
    services.delete_person(session, mayor.id)
    session.expire_all()
    assert session.get(Meeting, first_meeting.id).recorder_id is None
    assert session.get(Action, action.id).owner_person_id is None


def test_a_finalised_meeting_cannot_be_deleted(session, first_meeting):
    services.finalise_meeting(session, first_meeting.id)
    with pytest.raises(PrachumError) as raised:
        services.delete_meeting(session, first_meeting.id)
    assert "ปิดแล้ว" in raised.value.thai
    assert session.get(Meeting, first_meeting.id) is not None


def test_a_draft_meeting_goes_with_its_lines_items_and_actions(session, network, first_meeting):
    item = services.load_meeting(session, first_meeting.id).agenda[3]
    services.add_action(session, item.id, text="ทำรายงาน")
    dependents = services.meeting_dependents(session, first_meeting.id)
    assert dependents.lines("en")[:3] == ["3 attendance lines", "6 agenda items", "1 actions"]
    services.delete_meeting(session, first_meeting.id)
    assert session.scalars(select(Attendance)).all() == []
    assert session.scalars(select(Action)).all() == []
    # The people stay.
    assert len(session.scalars(select(Person)).all()) == 3


def test_deleting_the_certifying_meeting_uncertifies_the_earlier_one(session, network):
    first = _meeting(session, network, date(2024, 1, 1), 1)
    services.finalise_meeting(session, first.id)
    second = _meeting(session, network, date(2024, 2, 1), 2)
    services.certify_previous_minutes(session, second.id)
    session.expire_all()
    assert session.get(Meeting, first.id).certified_by_id == second.id
    lines = services.meeting_dependents(session, second.id).lines("en")
    assert any("no longer certified" in line for line in lines)
    services.delete_meeting(session, second.id)
    session.expire_all()
    assert session.get(Meeting, first.id).certified_by_id is None


def test_an_organisation_goes_its_people_stay_without_one(session, network, first_meeting):
    banklang = network["orgs"][0]
    lines = services.organization_dependents(session, banklang.id).lines("en")
    assert "2 people stay, without an organisation" in lines
    assert "it leaves 1 networks" in lines
    services.delete_organization(session, banklang.id)
    session.expire_all()
    assert session.get(Organization, banklang.id) is None
    assert session.get(Person, network["people"]["mayor"].id).organization_id is None
    assert session.scalars(select(NetworkMember)).all() != []  # the other member stays
    assert {m.organization_id for m in session.scalars(select(NetworkMember))} == {
        network["orgs"][1].id
    }
    kept = session.scalars(select(Attendance.organization_name)).all()
    assert "เทศบาลตำบลบ้านกลาง" in kept


def test_an_organisation_hosting_finalised_minutes_is_not_deleted(session, network, first_meeting):
    banklang = network["orgs"][0]
    services.update_meeting(session, first_meeting.id, host_id=banklang.id)
    services.finalise_meeting(session, first_meeting.id)
    with pytest.raises(PrachumError):
        services.delete_organization(session, banklang.id)
    assert session.get(Organization, banklang.id) is not None


def test_a_meeting_file_of_a_deleted_persons_meeting_still_imports(
    session, network, first_meeting, tmp_path
):
    from desktop.core.operations.meeting_file import export_meeting, import_meeting

    services.delete_person(session, network["people"]["deputy"].id)
    document = export_meeting(session, first_meeting.id)
    names = [p["given_name"] for p in document["people"]]
    assert "วิไล" in names
    assert len({p["id"] for p in document["people"]}) == len(document["people"])
    copy = import_meeting(session, document)
    assert len(copy.attendance) == 3
