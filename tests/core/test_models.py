"""The rules that must hold whatever writes to the file are enforced by the database itself."""

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.core import services


@pytest.fixture
def meeting_with_person(session):
    organization = services.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
    person = services.create_person(session, given_name="สมชาย", organization_id=organization.id)
    meeting = services.create_meeting(session, title="ประชุม", date=date(2024, 2, 14))
    session.commit()
    return meeting, person


def test_a_person_twice_in_one_meeting_is_refused_by_the_database(db, meeting_with_person):
    meeting, person = meeting_with_person
    insert = text(
        'INSERT INTO attendance (meeting_id, person_id, name, "group", status, source, sort_order)'
        " VALUES (:m, :p, 'x', 'member', 'present', 'typed', 1)"
    )
    with db.engine.connect() as con:
        con.execute(insert, {"m": meeting.id, "p": person.id})
        with pytest.raises(IntegrityError, match=r"(?i)unique"):
            con.execute(insert, {"m": meeting.id, "p": person.id})


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("UPDATE meetings SET number = 0", "CHECK"),
        ("UPDATE meetings SET number = -3", "CHECK"),
        ("UPDATE meetings SET start_time = '12:00:00', end_time = '09:30:00'", "CHECK"),
        ("UPDATE meetings SET mode = 'teleport'", "CHECK"),
        ("UPDATE meetings SET network_id = 999", "FOREIGN KEY"),
        ("UPDATE people SET role = 'king'", "CHECK"),
        ("UPDATE meetings SET certified_by_id = id", "CHECK"),
        ("UPDATE meetings SET quorum = 0", "CHECK"),
    ],
)
def test_schema_constraints_hold_for_any_writer(session, meeting_with_person, statement, reason):
    with pytest.raises(IntegrityError, match=rf"(?i){reason}"):
        session.execute(text(statement))
        session.flush()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE attendance SET identity = 'telepathy'",
        "UPDATE votes SET votes_for = -1",
        "UPDATE votes SET ballot = 'hands'",  # short: a server checks the length first
    ],
)
def test_attendance_and_vote_rules_hold_for_any_writer(session, meeting_with_person, statement):
    meeting, person = meeting_with_person
    services.add_attendee(session, meeting.id, person.id, identity="camera")
    item = services.add_agenda_item(session, meeting.id, title="เรื่องเสนอ")
    services.set_vote(session, item.id, votes_for=3, ballot="open")
    session.commit()
    with pytest.raises(IntegrityError, match=r"(?i)check"):
        session.execute(text(statement))
        session.flush()


def test_a_person_deleted_behind_the_minutes_leaves_her_line_as_it_was(
    session, meeting_with_person
):
    meeting, person = meeting_with_person
    line = services.add_attendee(session, meeting.id, person.id)
    name = line.name
    session.commit()
    session.execute(text("DELETE FROM people WHERE id = :id"), {"id": person.id})
    session.commit()
    kept = session.execute(
        text("SELECT person_id, name FROM attendance WHERE id = :id"), {"id": line.id}
    ).one()
    assert tuple(kept) == (None, name)


def test_deleting_a_meeting_takes_its_attendance_and_agenda_with_it(session, meeting_with_person):
    meeting, person = meeting_with_person
    services.add_attendee(session, meeting.id, person.id)
    item = services.add_agenda_item(session, meeting.id, title="เรื่องแจ้ง")
    services.set_resolution_points(session, item.id, ["หนึ่ง"])
    session.commit()
    services.delete_meeting(session, meeting.id)
    session.commit()
    for table in ("attendance", "agenda_items", "resolution_points"):
        assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
