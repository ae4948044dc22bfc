"""Round trips per user action, counted at the driver: exact, the same on both backends,
and not growing with the number of rows (each is printed by `make bench` too)."""

from __future__ import annotations

import pytest

from bench.data import build_big_database
from bench.round_trips import count_actions, meeting_with_attendees
from desktop.core.db import open_database
from desktop.core.operations.copying import copy_database_to
from desktop.core.server import ServerAddress

# What each action costs today; a change that adds a statement fails here first.
EXPECTED = {
    "open a 500-attendee meeting": 5,  # details 2, attendance 1, agenda 2
    "list 10,000 meetings": 1,
    "tick one person present": 1,  # one UPDATE … RETURNING, no BEGIN or COMMIT
    "store a paused paragraph": 1,
    "search": 3,  # the search index, the hits' meetings and items, a person's meetings
    "export the minutes": 13,
}


@pytest.fixture(params=[(20, 30), (60, 120)], ids=["small", "larger"])
def filled(request, tmp_path):
    """A file of `meetings` meetings and one meeting of `attendees` people."""
    meetings, attendees = request.param
    path = build_big_database(tmp_path / "filled.db", meetings=meetings)
    database = open_database(path)
    meeting_id = meeting_with_attendees(database, attendees)
    database.close()
    return path, meeting_id


def test_round_trips_per_action_are_exact_on_both_backends(filled, pg_url, tmp_path):
    path, meeting_id = filled
    copy_database_to(path, ServerAddress(pg_url))
    for target in (path, pg_url):
        database = open_database(target)
        try:
            assert count_actions(database, meeting_id, tmp_path) == EXPECTED, target
        finally:
            database.close()


def test_the_agenda_read_in_two_queries_is_what_the_rows_say(filled, pg_url):
    """Points packed into a column come back whole and in order, whatever their text;
    votes, actions and the previous meeting are the ones the relationships give."""
    from datetime import date

    from sqlalchemy import select

    from desktop.core import services
    from desktop.core.models import AgendaItem, Meeting
    from desktop.core.services.agenda_view import read_agenda
    from desktop.core.services.meeting_rules import previous_meeting

    path, meeting_id = filled
    tricky = ["ข้อ ๑: อนุมัติ 3:4:5", "บรรทัดแรก\nบรรทัดสอง", "ก" * 700, "::", "ข้อสุดท้าย"]
    with open_database(path).session() as session:
        first = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).limit(1)
        ).one()
        services.set_resolution_points(session, first, tricky)
        # The meeting before it (same network: none), and one after, which is not it.
        for day in (date(2024, 12, 1), date(2025, 2, 1)):
            services.create_meeting(session, title="ประชุมก่อนและหลัง", date=day)
    copy_database_to(path, ServerAddress(pg_url))
    for target in (path, pg_url):
        database = open_database(target)
        try:
            with database.reading() as session:
                view = read_agenda(session, meeting_id)
            with database.session() as session:
                meeting = session.get(Meeting, meeting_id)
                before = previous_meeting(session, meeting)
                assert view.previous is not None and before is not None
                assert view.previous.id == before.id
                nodes = {}
                stack = list(view.items)
                while stack:
                    node = stack.pop()
                    nodes[node.id] = node
                    stack.extend(node.children)
                items = session.scalars(
                    select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                ).all()
                assert set(nodes) == {item.id for item in items}
                for item in items:
                    node = nodes[item.id]
                    assert list(node.points) == [p.text for p in item.points], target
                    assert [a.id for a in node.actions] == [a.id for a in item.actions]
                    assert node.vote is not None and node.vote.votes_for == item.vote.votes_for
                assert list(nodes[first].points) == tricky
        finally:
            database.close()


@pytest.fixture
def backend() -> str:
    return "postgresql"
