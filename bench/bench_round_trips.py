"""Round trips per user action on SQLite and on PostgreSQL, and opening a 500-attendee
meeting over a link with 30 ms round trips (a proxy of ours on loopback)."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.common import Figure, alternating_runs
from bench.data import build_big_database
from bench.round_trips import TARGETS, actions, count_actions, meeting_with_attendees
from bench.slow_link import slow_link
from desktop.core.db import open_database

ROUND_TRIP = 0.030


def _server(stack: ExitStack) -> str | None:
    """A PostgreSQL superuser's URL: the test run's cluster, or a throwaway one."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg_cluster import ENV_URL, bindir, throwaway_cluster

    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    if bindir() is None:
        return None
    return stack.enter_context(throwaway_cluster())


def _server_copy(admin_url: str, path: Path) -> str:
    """The SQLite file copied into a fresh database on the server; its URL."""
    import psycopg

    from desktop.core.operations.copying import copy_database_to
    from desktop.core.server import ServerAddress

    name = f"bench_round_trips_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    before, _, query = admin_url.partition("?")
    url = f"{before.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    copy_database_to(path, ServerAddress(url))
    return url


def _over_slow_link(
    url: str, meeting_id: int, folder: Path, repeat: int
) -> tuple[list[float], list[float]]:
    """Opening the meeting over the slow link, and (the floor) over the direct one."""
    from desktop.core.server import ServerAddress

    address = ServerAddress(url)
    socket_path = f"{address.host}/.s.PGSQL.{address.port}"
    with slow_link(socket_path, ROUND_TRIP) as port:
        slow_url = f"postgresql://{address.user}@127.0.0.1:{port}/{address.database}"
        database, direct = open_database(slow_url), open_database(url)
        try:
            name = "open a 500-attendee meeting"
            open_meeting = actions(database, meeting_id, folder)[name]
            open_direct = actions(direct, meeting_id, folder)[name]
            open_meeting()  # connected and warm, as in a window that is already open
            open_direct()
            return alternating_runs(open_meeting, open_direct, repeat)
        finally:
            database.close()
            direct.close()


def run(tiny: bool = False) -> list[Figure]:
    # A count does not grow with the rows (tests/test_round_trips.py asserts it at two
    # sizes), and copying 10,000 meetings onto the server took most of the run's minutes.
    meetings, repeat = (200, 1) if tiny else (2_000, 7)
    figures = []
    with tempfile.TemporaryDirectory() as name, ExitStack() as stack:
        folder = Path(name)
        path = build_big_database(folder / "big.db", meetings=meetings)
        database = open_database(path)
        meeting_id = meeting_with_attendees(database)
        targets = []
        try:
            targets.append(("SQLite", count_actions(database, meeting_id, folder)))
        finally:
            database.close()
        admin = _server(stack)
        url = _server_copy(admin, path) if admin else None
        if url:
            server = open_database(url)
            try:
                targets.append(("PostgreSQL", count_actions(server, meeting_id, folder)))
            finally:
                server.close()
        for backend, counts in targets:
            for action, count in counts.items():
                label = action.replace("10,000", f"{meetings:,}")
                figures.append(
                    Figure(
                        f"round trips, {label} ({backend})",
                        count,
                        max_seconds=TARGETS[action],
                        unit="trips",
                    )
                )
        if url:
            slow, direct = _over_slow_link(url, meeting_id, folder, repeat)
            figures.append(
                Figure(
                    "open a 500-attendee meeting over a 30 ms link",
                    slow,
                    direct,
                    max_seconds=0.3,
                    floor_label="the same, no delay",
                )
            )
    return figures
