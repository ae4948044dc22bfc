"""One writer per database: a lock file beside it that names the process holding it.

SQLite itself would let two copies of the app write the same file, each with its own
idea of what is on screen; the second copy is told instead, and may open read-only.
A lock left by a process that died (a power cut, a kill) is recognised as stale and
taken over: its PID is gone, or now belongs to a process started after the lock was
written (after a reboot PIDs are handed out again). psutil answers both questions the
same way on Linux, Windows and macOS (on Windows `os.kill(pid, 0)` is not a probe: it
sends Ctrl+C).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import DatabaseProblem, as_database_problem


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


START_SLACK_S = 2.0
"""A process's start time and the lock's stamp are read from different clocks' roundings."""


def _process_started(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), None when there is none."""
    import psutil  # here, not at import: the first paint of the window does not need it

    if pid <= 0:
        return None
    try:
        return psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return None
    except psutil.Error:  # there, but not ours to look at
        return 0.0


def _holder_alive(holder: dict, written: float) -> bool:
    """The lock's holder still runs: its PID exists and started before the lock was taken."""
    started = _process_started(int(holder.get("pid") or 0))
    if started is None:
        return False
    taken = float(holder.get("started") or written)
    return started <= taken + START_SLACK_S


@dataclass
class DatabaseLock:
    """Held while this process writes the database; release() or the context ends it."""

    path: Path
    pid: int

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError, ValueError, OSError):
            holder = json.loads(self.path.read_text(encoding="utf-8"))
            if holder.get("pid") == self.pid:
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


class DatabaseInUse(DatabaseProblem):
    """Another running copy of the app has the database open for writing."""

    def __init__(self, db_path: Path, pid: int, host: str):
        super().__init__(
            f"ฐานข้อมูล {db_path.name} เปิดอยู่ในโปรแกรมอีกหน้าต่างหนึ่ง (PID {pid} เครื่อง {host}) "
            "เปิดแบบอ่านอย่างเดียว หรือปิดหน้าต่างนั้นก่อน",
            f"{db_path.name} is open in another copy of the app (PID {pid} on {host}); "
            "open it read-only or close the other copy first.",
        )
        self.pid = pid


def _written(path: Path) -> float:
    """When the lock file was written (now, if it cannot be told)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _read_holder(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, OSError):
        return {}  # unreadable: treat as stale


def acquire(db_path: Path) -> DatabaseLock:
    """Take the database's lock, or raise DatabaseInUse naming the live holder."""
    path = lock_path(Path(db_path))
    me = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": _process_started(os.getpid()),
    }
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _read_holder(path)
            if holder is None:
                continue  # released between our two looks: try again
            same_host = holder.get("host") in (None, me["host"])
            pid = int(holder.get("pid") or 0)
            if same_host and not _holder_alive(holder, _written(path)):
                path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            if pid == me["pid"]:
                return DatabaseLock(path, pid)
            raise DatabaseInUse(Path(db_path), pid, str(holder.get("host"))) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me, handle)
        return DatabaseLock(path, me["pid"])
    raise DatabaseInUse(Path(db_path), 0, me["host"])


def lock_for_writing(db_path: Path) -> DatabaseLock:
    """The writer's lock on `db_path`: DatabaseInUse when another copy holds it,
    DatabaseProblem when its folder is missing or the lock cannot be written."""
    if not db_path.parent.is_dir():
        raise DatabaseProblem(
            f"ไม่พบโฟลเดอร์ {db_path.parent}", f"The folder {db_path.parent} does not exist."
        )
    try:
        return acquire(db_path)
    except OSError as error:
        raise as_database_problem(error) from error
