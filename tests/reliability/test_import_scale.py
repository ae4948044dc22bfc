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

    from desktop.core.meeting_file import import_meeting

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
