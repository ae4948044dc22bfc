"""Two copies of the app on one database: the second is told, and nothing is damaged."""

import json
import os
import subprocess
import sys

import pytest

from desktop.core.lock import DatabaseInUse, _process_identity, acquire, lock_path


@pytest.fixture
def backend() -> str:
    """About the SQLite file; the server's migrations are tested in test_server.py."""
    return "sqlite"


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path):
    db = tmp_path / "prachum.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        lock_path(db).write_text(
            json.dumps({"pid": holder.pid, "host": __import__("socket").gethostname()})
        )
        with pytest.raises(DatabaseInUse) as error:
            acquire(db)
        assert str(holder.pid) in error.value.english
        assert "อ่านอย่างเดียว" in error.value.thai
    finally:
        holder.communicate(b"")


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path):
    db = tmp_path / "prachum.db"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock_path(db).write_text(
        json.dumps({"pid": int(dead.stdout), "host": __import__("socket").gethostname()})
    )
    with acquire(db) as lock:
        assert json.loads(lock_path(db).read_text())["pid"] == lock.pid
    assert not lock_path(db).exists()


def test_an_unreadable_lock_is_stale(tmp_path):
    db = tmp_path / "prachum.db"
    lock_path(db).write_text("garbage{")
    with acquire(db):
        pass


def test_release_leaves_someone_elses_lock_alone(tmp_path):
    db = tmp_path / "prachum.db"
    lock = acquire(db)
    lock_path(db).write_text(json.dumps({"pid": 1, "host": "elsewhere"}))
    lock.release()
    assert lock_path(db).exists()


def _hostname() -> str:
    return __import__("socket").gethostname()


@pytest.fixture
def later_process():
    """A process that started after the lock below was (said to be) written."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    yield process
    process.communicate(b"")


def test_a_lock_whose_pid_now_names_another_process_is_taken_over(tmp_path, later_process):
    # After a power cut and a reboot, the PID in the old lock may belong to anything.
    db = tmp_path / "prachum.db"
    holder = {"pid": later_process.pid, "host": _hostname(), "identity": "before-the-reboot"}
    lock_path(db).write_text(json.dumps(holder))
    with acquire(db) as lock:
        assert lock.pid == os.getpid()


def test_a_lock_names_who_holds_it_and_a_live_holder_keeps_it(tmp_path, later_process):
    db = tmp_path / "prachum.db"
    with acquire(db):
        written = json.loads(lock_path(db).read_text())
    assert written["identity"] == _process_identity(os.getpid()) != "unknown"
    holder = {
        "pid": later_process.pid,
        "host": _hostname(),
        "identity": _process_identity(later_process.pid),
    }
    lock_path(db).write_text(json.dumps(holder))
    with pytest.raises(DatabaseInUse):
        acquire(db)


def test_our_pid_on_another_computer_is_not_our_lock(tmp_path):
    db = tmp_path / "prachum.db"
    lock_path(db).write_text(json.dumps({"pid": os.getpid(), "host": "office-pc-2"}))
    with pytest.raises(DatabaseInUse) as error:
        acquire(db)
    assert "office-pc-2" in error.value.thai


@pytest.mark.parametrize("contents", ['{"pid": "abc"}', "[1, 2]", '{"pid": 1.5}'])
def test_a_lock_with_contents_not_of_ours_is_stale(tmp_path, contents):
    db = tmp_path / "prachum.db"
    lock_path(db).write_text(contents)
    with acquire(db) as lock:
        assert lock.pid == os.getpid()
