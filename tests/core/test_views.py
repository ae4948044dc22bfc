"""The window's read-only views give the same rows, in the same order, as the services."""

from __future__ import annotations

from datetime import date

from desktop.core import services
from desktop.core.services.views import (
    attendance_rows,
    known_honorifics,
    meeting_details,
    meeting_summaries,
    network_rows,
    organization_rows,
    people_rows,
    similar_organizations,
)


def _roster(session):
    town = services.create_organization(session, name="เทศบาลตำบลบ้านกลาง", short_name="ทต.บ้านกลาง")
    sao = services.create_organization(session, name="องค์การบริหารส่วนตำบลทุ่งต้อม", kind="sao")
    network = services.create_network(session, name="เครือข่ายลุ่มน้ำปิง", member_ids=[sao.id, town.id])
    people = [
        services.create_person(
            session,
            honorific="นาง",
            given_name="มาลี",
            family_name="บุญมา",
            role="officer",
            organization_id=sao.id,
        ),
        services.create_person(
            session,
            honorific="นาย",
            given_name="เกษม",
            family_name="ใจดี",
            role="executive",
            organization_id=town.id,
        ),
        services.create_person(
            session,
            honorific="นาย",
            given_name="กมล",
            family_name="ทองดี",
            role="clerk",
            organization_id=town.id,
        ),
        services.create_person(
            session, honorific="Mr.", given_name="John", family_name="Smith", role="guest"
        ),
    ]
    return town, sao, network, people


def test_attendance_rows_follow_the_services_order(session):
    _town, _sao, network, people = _roster(session)
    meeting = services.create_meeting(
        session, title="ประชุม", date=date(2024, 2, 14), network_id=network.id
    )
    for person in people:
        services.add_attendee(session, meeting.id, person.id, sort_order=0)
    services.mark_absent(session, meeting.attendance[0].id, "ลา")
    session.expire_all()
    meeting = services.load_meeting(session, meeting.id)
    expected = [(a.id, a.status) for a in services.ordered_attendance(meeting)]
    assert [(r.id, r.status) for r in attendance_rows(session, meeting.id)] == expected
    assert [r.role for r in attendance_rows(session, meeting.id)][:2] == ["executive", "clerk"]


def test_people_rows_in_thai_order_by_network_and_by_id(session):
    town, _sao, network, people = _roster(session)
    services.update_person(session, people[2].id, active=False)
    expected = [p.given_name for p in services.list_people(session)]
    assert [r.given_name for r in people_rows(session)] == expected
    assert sorted(expected) == sorted(["John", "เกษม", "มาลี"])
    assert [r.given_name for r in people_rows(session, network_id=network.id)] == ["เกษม", "มาลี"]
    # Asked for by id, an inactive person still comes (a past chair stays the chair).
    chosen = people_rows(session, ids=[people[2].id])
    assert [(r.display_name, r.organization_short_name, r.active) for r in chosen] == [
        ("นายกมล ทองดี", "ทต.บ้านกลาง", False)
    ]
    assert town.id == chosen[0].organization_id


def test_networks_organisations_and_meetings_as_the_lists_show_them(session):
    town, sao, network, _people = _roster(session)
    older = services.create_meeting(
        session, title="ครั้งแรก", date=date(2024, 2, 14), network_id=network.id, number=1
    )
    newer = services.create_meeting(
        session, title="ครั้งที่สอง", date=date(2024, 5, 8), network_id=network.id, number=2
    )
    [row] = network_rows(session)
    assert (row.name, row.member_ids, row.meeting_count) == ("เครือข่ายลุ่มน้ำปิง", (sao.id, town.id), 2)
    assert [(o.name, o.people_count) for o in organization_rows(session)] == [
        ("เทศบาลตำบลบ้านกลาง", 2),
        ("องค์การบริหารส่วนตำบลทุ่งต้อม", 1),
    ]
    assert [m.id for m in meeting_summaries(session, network_id=network.id)] == [newer.id, older.id]
    details = meeting_details(session, older.id)
    assert (details.title, details.number, details.network_name) == ("ครั้งแรก", 1, "เครือข่ายลุ่มน้ำปิง")


def test_honorifics_in_use_most_used_first(session):
    _roster(session)
    assert (
        known_honorifics(session) == ["นาย", "Mr.", "นาง"] or known_honorifics(session)[0] == "นาย"
    )


def test_similar_organisations_by_short_name_or_a_slip(session):
    _roster(session)
    assert similar_organizations(session, "ทต.บ้านกลาง") == ["เทศบาลตำบลบ้านกลาง"]
    assert similar_organizations(session, "เทศบาลตำบล บ้านกลาง") == ["เทศบาลตำบลบ้านกลาง"]
    assert similar_organizations(session, "เทศบาลตำบลบ้านกลาง") == []  # exact: the service refuses
    assert similar_organizations(session, "เทศบาลนครเชียงใหม่") == []
