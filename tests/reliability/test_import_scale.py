"""A big meeting file imports in time that grows with it, not with its square; a long
import killed half-way stores nothing and keeps nobody out afterwards."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.bench_import import meeting_file
from desktop.cli import main
from desktop.core.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]


def _statements(db, data) -> int:
    """SQL statements an import of `data` sends (counted, not timed)."""
    from sqlalchemy import event

    from desktop.core.operations.meeting_file import import_meeting

    count = 0

    def counted(*_args):
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        with db.session() as session:
            import_meeting(session, data)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return count


def test_agenda_items_cost_the_same_statements_each_however_many(tmp_path):
    from desktop.core.db import open_database

    counts = []
    for number, items in enumerate((60, 240)):
        db = open_database(tmp_path / f"items-{number}.db")
        try:
            counts.append(_statements(db, meeting_file(5, items)))
        finally:
            db.close()
    # Four times the items: at most four times the statements (plus the fixed part).
    assert counts[1] <= 4 * counts[0] + 50, counts


def test_attendees_cost_the_same_statements_each_however_many(tmp_path):
    from desktop.core.db import open_database

    counts = []
    for number, attendees in enumerate((50, 200)):
        db = open_database(tmp_path / f"people-{number}.db")
        try:
            counts.append(_statements(db, meeting_file(attendees, 6)))
        finally:
            db.close()
    assert counts[1] <= 4 * counts[0] + 50, counts


@pytest.mark.slow
def test_a_long_import_killed_half_way_stores_nothing_and_locks_nobody_out(tmp_path, capsys):
    db = tmp_path / "prachum.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "meetings"]) == 0
    before = capsys.readouterr().out
    big = tmp_path / "big.meeting.json"
    big.write_text(json.dumps(meeting_file(3000, 600), ensure_ascii=False), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db), "import", str(big)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not lock_path(db).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.5)  # well inside the import
    assert process.poll() is None, "the import is still running when it is killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert main(["--db", str(db), "meetings"]) == 0
    assert capsys.readouterr().out == before, "nothing of the killed import is stored"
    small = tmp_path / "m.meeting.json"
    assert main(["--db", str(db), "export", "1", "-o", str(small)]) == 0
    assert main(["--db", str(db), "import", str(small)]) == 0, "no stale lock keeps it out"


def _lookup_steps(db, data, monkeypatch) -> int:
    """SQLite's virtual-machine steps spent finding the file's people among those already
    stored (counted by SQLite itself, not timed: a slow machine cannot make it fail)."""
    from desktop.core.operations import meeting_file
    from desktop.core.operations.meeting_file import import_meeting
    from desktop.core.services.roster import people_named as real

    steps = 0

    def counted(session, *args):
        nonlocal steps
        raw = session.connection().connection.driver_connection

        def step() -> int:
            nonlocal steps
            steps += 1
            return 0

        raw.set_progress_handler(step, 1)
        try:
            return real(session, *args)
        finally:
            raw.set_progress_handler(None, 1)

    monkeypatch.setattr(meeting_file.services, "people_named", counted)
    with db.session() as session:
        import_meeting(session, data)
    return steps


def test_finding_each_attendee_costs_the_same_however_many_share_an_office(tmp_path, monkeypatch):
    from desktop.core.db import open_database

    counts = []
    for number, attendees in enumerate((100, 400)):
        data = meeting_file(attendees, 6)
        del data["organizations"][1:]  # everyone in one office: the worst case
        for person in data["people"]:
            person["organization"] = "o0"
        db = open_database(tmp_path / f"office-{number}.db")
        try:
            counts.append(_lookup_steps(db, data, monkeypatch))
        finally:
            db.close()
    # Four times the people: four times the work, not sixteen (reading the whole office
    # for each person made it grow with the square).
    assert counts[1] <= 5 * counts[0], counts
