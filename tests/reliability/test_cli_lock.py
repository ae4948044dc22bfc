"""The command line's writing commands respect the window's lock: refused with exit 2 while
another copy has the database open; reading commands and dry runs still work."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def window_open(demo_db):
    """Another process holding the lock, as the desktop window does while it is open."""
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from desktop.core.lock import acquire
        lock = acquire(Path({str(demo_db)!r}))
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    yield holder
    holder.kill()
    holder.wait()


def test_writing_commands_are_refused_while_the_window_has_the_database(
    demo_db, tmp_path, window_open, capsys
):
    exported = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(exported)]) == 0
    backup = tmp_path / "copy.db"
    assert main(["--db", str(demo_db), "backup", "-o", str(backup)]) == 0
    capsys.readouterr()
    for command in (
        ["import", str(exported)],
        ["delete", "meeting", "3", "--yes"],
        ["restore", str(backup)],
    ):
        assert main(["--db", str(demo_db), *command]) == 2, command
        assert f"PID {window_open.pid}" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "meetings"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3, "nothing was imported"


def test_a_writing_command_takes_the_lock_and_gives_it_back(demo_db, tmp_path):
    exported = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(exported)]) == 0
    assert main(["--db", str(demo_db), "import", str(exported)]) == 0
    assert not lock_path(demo_db).exists()
