"""Two copies of the app on one database: the second is told, and nothing is damaged."""

import json
import os
import subprocess
import sys
import time

import psutil
import pytest

from desktop.core.lock import DatabaseInUse, acquire, lock_path


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


def test_a_lock_whose_pid_now_names_a_later_process_is_taken_over(tmp_path, later_process):
    # After a power cut and a reboot, the PID in the old lock may belong to anything.
    db = tmp_path / "prachum.db"
    lock_path(db).write_text(json.dumps({"pid": later_process.pid, "host": _hostname()}))
    an_hour_ago = time.time() - 3600
    os.utime(lock_path(db), (an_hour_ago, an_hour_ago))
    with acquire(db) as lock:
        assert lock.pid == os.getpid()


def test_a_lock_names_when_its_holder_started_and_is_judged_by_it(tmp_path, later_process):
    db = tmp_path / "prachum.db"
    lock = acquire(db)
    written = json.loads(lock_path(db).read_text())
    assert written["started"] == pytest.approx(psutil.Process().create_time())
    lock.release()
    holder = {"pid": later_process.pid, "host": _hostname(), "started": time.time() - 3600}
    lock_path(db).write_text(json.dumps(holder))  # written now, but says an hour ago
    with acquire(db) as taken:
        assert taken.pid == os.getpid()
    holder["started"] = psutil.Process(later_process.pid).create_time()
    lock_path(db).write_text(json.dumps(holder))
    with pytest.raises(DatabaseInUse):
        acquire(db)
