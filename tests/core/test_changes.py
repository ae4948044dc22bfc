"""Every transaction says what it touched, without being told: on SQLite and on a server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from desktop.core import changes as changes_module
from desktop.core import models as m
from desktop.core import services
from desktop.core.changes import (
    NOTHING,
    UNKNOWN,
    Changes,
    Part,
    note_meeting_part,
    take_changes,
)
from desktop.core.db import Database
from desktop.core.services.views import attendance_rows


def changed(db: Database, action: Callable[[Any], object]) -> Changes:
    with db.session() as session:
        action(session)
    return take_changes(session)


def _two_meetings(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        person = services.create_person(s, honorific="นาย", given_name="สมชาย", position="นายก")
        first = services.create_meeting(s, title="ครั้งที่ ๑", date=date(2026, 1, 10))
        second = services.create_meeting(s, title="ครั้งที่ ๒", date=date(2026, 2, 10))
        services.add_attendee(s, first.id, person.id)
        return person.id, first.id, second.id


def test_a_new_meeting_changes_the_list_and_its_own_details_only(db):
    with db.session() as s:
        meeting = services.create_meeting(s, title="ประชุมประจำเดือน", date=date(2026, 3, 1))
        meeting_id = meeting.id
    changes = take_changes(s)
    assert changes.meetings_added_or_removed and changes.touches_meeting_list()
    assert changes.touches_details(meeting_id)
    assert not changes.touches_details(meeting_id + 1)
    assert not changes.touches_roster()


def test_an_attendance_tick_touches_that_meetings_attendance_and_nothing_else(db):
    _person, first, second = _two_meetings(db)
    assert changed(db, lambda s: None) == NOTHING  # an empty transaction says nothing
    with db.session() as s:
        line = attendance_rows(s, first)[0]
    changes = changed(db, lambda s: services.toggle_attendance(s, line.id))
    assert changes.touches_attendance(first)
    assert not changes.touches_attendance(second)
    assert not changes.touches_agenda(first)
    assert not changes.touches_meeting_list()
    assert not changes.touches_roster()


def test_an_item_its_resolution_points_and_its_vote_touch_the_agenda(db):
    _person, first, second = _two_meetings(db)
    with db.session() as s:
        item_id = services.add_agenda_item(s, first, title="เรื่องเพื่อพิจารณา").id
    for action in (
        lambda s: services.update_agenda_item(s, item_id, resolution="เห็นชอบ"),
        lambda s: services.set_resolution_points(s, item_id, ["ข้อหนึ่ง", "ข้อสอง"]),
        lambda s: services.set_vote(s, item_id, votes_for=5, votes_against=0, votes_abstain=1),
        lambda s: services.add_action(s, item_id, text="ทำหนังสือแจ้ง"),
    ):
        changes = changed(db, action)
        assert changes.touches_agenda(first), action
        assert not changes.touches_agenda(second)
        assert not changes.touches_attendance(first)


def test_a_persons_new_position_reaches_the_roster_and_her_draft_meetings(db):
    person, first, second = _two_meetings(db)
    changes = changed(db, lambda s: services.update_person(s, person, position="ปลัด"))
    assert changes.touches_person(person) and changes.touches_roster()
    assert not changes.touches_meeting(first)
    changes = changed(db, lambda s: services.refresh_snapshots(s, person))
    assert changes.touches_attendance(first)
    assert not changes.touches_attendance(second)


def test_a_network_and_its_members(db):
    with db.session() as s:
        town = services.create_organization(s, name="เทศบาลเมืองลำพูน", kind="town_municipality")
        town_id = town.id
    with db.session() as s:
        network = services.create_network(s, name="เครือข่ายลำพูน", member_ids=[town_id])
        network_id = network.id
    changes = take_changes(s)
    assert network_id in changes.networks and town_id in changes.organizations
    assert changes.touches_networks() and not changes.touches_meeting_list()


def test_deleting_a_meeting_takes_it_off_the_list(db):
    _person, first, _second = _two_meetings(db)
    changes = changed(db, lambda s: services.delete_meeting(s, first))
    assert changes.meetings_added_or_removed and changes.touches_details(first)
    assert changes.deleted(first) and not changes.deleted(_second)


def test_a_bulk_update_touches_every_meeting_of_that_part(db):
    _person, first, second = _two_meetings(db)
    changes = changed(db, lambda s: s.execute(update(m.Attendance).values(note="ทดสอบ")))
    assert (UNKNOWN, Part.ATTENDANCE) in changes.meeting_parts
    assert changes.touches_attendance(first) and changes.touches_attendance(second)
    assert not changes.touches_agenda(first)


def test_a_change_the_flush_cannot_see_is_noted_by_hand(db):
    _person, first, _second = _two_meetings(db)
    changes = changed(db, lambda s: note_meeting_part(s, first, Part.FILES))
    assert changes.touches_files(first) and not changes.touches_attendance(first)


def test_a_rolled_back_transaction_leaves_nothing_for_the_next(db):
    _person, first, _second = _two_meetings(db)
    session = db.sessions()
    services.update_meeting(session, first, title="ไม่บันทึก")
    session.flush()
    session.rollback()
    assert take_changes(session) == NOTHING
    session.close()


def test_collecting_costs_no_statement(db):
    """The flush knows its objects: recording what changed adds no round trip."""
    _person, first, _second = _two_meetings(db)
    with db.session() as s:
        item_id = services.add_agenda_item(s, first, title="เรื่องแจ้ง").id
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    def count(approve: int) -> int:
        statements.clear()
        with db.session() as s:
            services.set_vote(s, item_id, votes_for=approve, votes_against=0, votes_abstain=0)
        return len(statements)

    event.remove(Session, "after_flush", changes_module._after_flush)
    try:
        without = count(3)
    finally:
        event.listen(Session, "after_flush", changes_module._after_flush)
    with_changes = count(4)
    assert with_changes == without
    assert changed(db, lambda s: services.set_vote(s, item_id, votes_for=5)).touches_agenda(first)


def test_changes_merge_and_say_when_they_are_empty():
    a = Changes(meeting_parts=frozenset({(1, Part.AGENDA)}))
    b = Changes(people=frozenset({7}))
    both = a.merged(b)
    assert both.touches_agenda(1) and both.touches_person(7)
    assert not NOTHING and both
    assert Changes(everything=True).touches_attendance(99)
