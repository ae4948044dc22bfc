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
    "open a 500-attendee meeting": 16,
    "list 10,000 meetings": 3,
    "tick one person present": 5,
    "store a paused paragraph": 5,
    "search": 7,  # the search for a person's meetings (her first meeting) is one more
    "export the minutes": 12,
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


@pytest.fixture
def backend() -> str:
    return "postgresql"
