"""The one-writer lock under a crowd: eight processes at once, and the same database
reached by another name (a symlink, a hard link). Exactly one writer, every time."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import portalocker  # noqa: F401 - loaded once here, not by each of the 240 children
import pytest

from desktop.cli import main
from desktop.core.lock import DatabaseInUse, acquire, lock_path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS, CROWD = 30, 8

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the test process")


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def _child(db: Path, go: int, done: int, report: int) -> None:
    """In the forked child: wait for the start, try once, say how it went, hold until told."""
    os.read(go, 1)
    try:
        lock = acquire(db)
    except DatabaseInUse as refused:
        os.write(report, f"lost {refused.pid}\n".encode())
        os._exit(0)
    except BaseException as error:  # said to the parent, which fails the round
        os.write(report, f"fault {error!r}\n".encode())
        os._exit(1)
    os.write(report, f"won {os.getpid()}\n".encode())
    os.read(done, 1)
    lock.release()
    os._exit(0)


def _round(db: Path) -> list[str]:
    go_r, go_w = os.pipe()
    done_r, done_w = os.pipe()
    report_r, report_w = os.pipe()
    children = []
    for _ in range(CROWD):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _child(db, go_r, done_r, report_w)
            finally:
                os._exit(2)
        children.append(pid)
    os.write(go_w, b"x" * CROWD)  # all at once
    lines: list[str] = []
    buffer = b""
    while len(lines) < CROWD:
        ready, _, _ = select.select([report_r], [], [], 20)
        assert ready, f"the crowd went quiet: {lines}"
        buffer += os.read(report_r, 4096)
        *complete, buffer = buffer.split(b"\n")
        lines += [line.decode() for line in complete]
    os.write(done_w, b"x" * CROWD)
    for pid in children:
        os.waitpid(pid, 0)
    for fd in (go_r, go_w, done_r, done_w, report_r, report_w):
        os.close(fd)
    return lines


def test_eight_processes_at_once_give_exactly_one_writer_every_round(tmp_path):
    db = tmp_path / "prachum.db"
    dead = _dead_pid()
    for number in range(ROUNDS):
        # Rounds start from no lock, from a lock created but never written (a holder
        # killed between the two), and from a lock left by a process that died.
        start = number % 3
        if start == 1:
            lock_path(db).write_bytes(b"")
        elif start == 2:
            lock_path(db).write_text(json.dumps({"pid": dead, "host": socket.gethostname()}))
        lines = _round(db)
        winners = [int(line.split()[1]) for line in lines if line.startswith("won")]
        losers = [int(line.split()[1]) for line in lines if line.startswith("lost")]
        assert len(winners) == 1, f"round {number}: {lines}"
        assert len(losers) == CROWD - 1, f"round {number}: {lines}"
        assert set(losers) == set(winners), f"round {number}: a refusal names the holder"
        assert not lock_path(db).exists(), f"round {number}: the winner let go and tidied up"


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def window_open(demo_db):
    """Another process holding the lock through the database's own name."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from desktop.core.lock import acquire
        lock = acquire(Path({str(demo_db)!r}))
        print("locked", flush=True)
        sys.stdin.read()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    yield holder
    holder.communicate("")


@pytest.mark.parametrize("link", ["symlink", "hard link", "hard link elsewhere"])
def test_another_name_for_the_open_database_is_the_same_database(
    demo_db, tmp_path, window_open, capsys, link
):
    exported = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(exported)]) == 0
    folder = tmp_path / "elsewhere" if link.endswith("elsewhere") else tmp_path
    folder.mkdir(exist_ok=True)
    other = folder / "another-name.db"
    if link == "symlink":
        other.symlink_to(demo_db)
    else:
        os.link(demo_db, other)
    capsys.readouterr()
    assert main(["--db", str(other), "import", str(exported)]) == 2
    assert f"PID {window_open.pid}" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "meetings"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3, "nothing was imported"
    assert not (folder / "another-name.db-wal").exists(), "no second journal"
