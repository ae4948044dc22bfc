"""Round trips per user action, counted at the driver, on SQLite and on PostgreSQL.

Over a network every statement costs a round trip, so the count is the speed of an
action on a server. Counted: every execute the driver is given, and BEGIN, COMMIT and
ROLLBACK. On SQLite the app sends its own BEGIN (so it is an execute); psycopg sends
BEGIN by itself before the first statement of a transaction, counted at SQLAlchemy's
`begin` event. The counts are exact, so a test asserts them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, event, insert, select

from desktop.core.db import Database, is_autocommit

# The actions and the most round trips each may cost, whatever the number of rows.
TARGETS = {
    "open a 500-attendee meeting": 5,
    "list 10,000 meetings": 2,
    "tick one person present": 2,
    "store a paused paragraph": 2,
    "search": 3,
    "export the minutes": None,
}


@dataclass
class Counter:
    count: int = 0


@contextmanager
def counting(engine: Engine) -> Iterator[Counter]:
    """Count the round trips `engine` makes inside the block."""
    counter = Counter()
    implicit_begin = engine.dialect.name == "postgresql"

    def on_execute(*_args, executemany=False, **_kwargs):
        counter.count += 1

    # On a connection in autocommit (Database.reading, a one-statement session) nothing is
    # sent for BEGIN, COMMIT or ROLLBACK: psycopg sends none, and the sqlite3 module has
    # no transaction to end. SQLAlchemy still fires the events, so they are not counted.
    def on_transaction(connection, *_args, **_kwargs):
        if not is_autocommit(connection):
            counter.count += 1

    def on_begin(connection, *_args, **_kwargs):
        if implicit_begin and not is_autocommit(connection):
            counter.count += 1

    listeners = [
        ("before_cursor_execute", on_execute),
        ("commit", on_transaction),
        ("rollback", on_transaction),
        ("begin", on_begin),
    ]
    for name, function in listeners:
        event.listen(engine, name, function)
    try:
        yield counter
    finally:
        for name, function in listeners:
            event.remove(engine, name, function)


def meeting_with_attendees(database: Database, attendees: int = 500) -> int:
    """A meeting of the standard agenda with `attendees` people expected; its id."""
    from desktop.core import services
    from desktop.core.models import AgendaItem, Attendance, Organization, Person

    with database.session() as session:
        organization = Organization(name="เทศบาลตำบลนับรอบ", kind="agency", active=True)
        session.add(organization)
        session.flush()
        people = [
            {
                "given_name": f"คนที่{n}",
                "family_name": "ทดสอบ",
                "role": "officer",
                "organization_id": organization.id,
                "active": True,
            }
            for n in range(attendees)
        ]
        session.execute(insert(Person), people)
        meeting = services.create_meeting(
            session,
            title="ประชุมใหญ่ห้าร้อยคน",
            date=date(2025, 1, 15),
            template_id=services.standard_template_id(session, six_items=True),
        )
        ids = session.scalars(
            select(Person.id).where(Person.organization_id == organization.id)
        ).all()
        session.execute(
            insert(Attendance),
            [
                {
                    "meeting_id": meeting.id,
                    "person_id": person_id,
                    "name": f"คนที่{n} ทดสอบ",
                    "group": "member",
                    "status": "absent",
                    "source": "typed",
                    "sort_order": n,
                }
                for n, person_id in enumerate(ids)
            ],
        )
        # A resolution with points, a vote and actions on every item: what a finished
        # agenda holds, so that a count that grew with them would show here.
        for item_id in session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)
        ).all():
            services.set_resolution_points(session, item_id, ["ข้อหนึ่ง: อนุมัติ", "ข้อสอง\nต่อ"])
            services.set_vote(session, item_id, votes_for=12, votes_against=1, mover_id=ids[0])
            for owner in (ids[1], ids[2]):
                services.add_action(
                    session, item_id, text="ติดตามผล", owner_organization_id=organization.id
                )
                services.add_action(session, item_id, text="รายงานผล", owner_person_id=owner)
        return meeting.id


def actions(database: Database, meeting_id: int, folder: Path) -> dict[str, Callable[[], object]]:
    """Each user action as the window does it: one short session per read or change."""
    from desktop.core import services
    from desktop.core.models import AgendaItem, Attendance
    from desktop.core.services.agenda_view import read_agenda
    from desktop.core.services.views import attendance_rows, meeting_summaries
    from desktop.exports.minutes_docx import export_minutes
    from desktop.ui.meeting.page import read_meeting_view

    with database.session() as session:
        attendance_id = session.scalars(
            select(Attendance.id).where(Attendance.meeting_id == meeting_id).limit(1)
        ).one()
        item_id = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).limit(1)
        ).one()

    def read(query):
        with database.reading() as session:  # as the window's Store.read
            return query(session)

    def open_meeting():
        read(lambda s: read_meeting_view(s, meeting_id))
        read(lambda s: attendance_rows(s, meeting_id))
        read(lambda s: read_agenda(s, meeting_id))

    # Both are marked one_statement in the window, so its store runs them so. A tick sets
    # the status she saw it become, as the window's space bar does.
    statuses = itertools.cycle(("absent", "present"))

    def tick():
        with database.session(one_statement=True) as session:
            services.set_attendance_status(session, attendance_id, status=next(statuses))

    paragraph = iter(range(1_000_000))

    def store_paragraph():
        with database.session(one_statement=True) as session:
            services.update_agenda_item(
                session, item_id, body=f"ที่ประชุมพิจารณาแล้วเห็นชอบ ย่อหน้าที่ {next(paragraph)}"
            )

    def export():
        with database.session() as session:
            export_minutes(session, meeting_id, folder / "minutes.docx")

    return {
        "open a 500-attendee meeting": open_meeting,
        "list 10,000 meetings": lambda: read(meeting_summaries),
        "tick one person present": tick,
        "store a paused paragraph": store_paragraph,
        "search": lambda: read(lambda s: services.search(s, "ประชุม")),
        "export the minutes": export,
    }


def count_actions(database: Database, meeting_id: int, folder: Path) -> dict[str, int]:
    """Round trips per action, each measured after one warm-up run (caches filled)."""
    counts = {}
    for name, action in actions(database, meeting_id, folder).items():
        action()
        with counting(database.engine) as counter:
            action()
        counts[name] = counter.count
    return counts
