"""One writer per database: a lock file beside it that names the process holding it.

SQLite itself would let two copies of the app write the same file, each with its own
idea of what is on screen; the second copy is told instead, and may open read-only.
A lock left by a process that died (a power cut, a kill) is recognised as stale and
taken over: its PID is gone, or now names another process (after a reboot PIDs are
handed out again). The lock records who its holder is: on Linux the boot and the
process's start in ticks since boot (not a wall-clock time, which moves when the clock
is set); elsewhere psutil's start time, which does not (and on Windows `os.kill(pid, 0)`
is not a probe at all: it sends Ctrl+C).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import DatabaseProblem, as_database_problem, folder_missing


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _process_identity(pid: int) -> str | None:
    """Who process `pid` is: None when there is no such process, "unknown" when it runs
    but cannot be looked at. Two readings are equal only for the same process: a PID
    handed out again (after a reboot, say) reads differently, and so does nothing when
    the clock is set (a wall-clock start time would move with it on Linux)."""
    if pid <= 0:
        return None
    if sys.platform.startswith("linux"):
        try:
            os.kill(pid, 0)  # a probe on POSIX (on Windows it would send Ctrl+C)
        except ProcessLookupError:
            return None
        except OSError:
            return "unknown"  # another user's, or /proc hidden from us: alive
        try:
            ticks = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
            boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        except (OSError, IndexError):
            return "unknown"
        return f"{boot}:{ticks}"
    import psutil  # here, not at import: the first paint of the window does not need it

    try:
        return f"{psutil.Process(pid).create_time():.3f}"
    except psutil.NoSuchProcess:
        return None
    except psutil.Error:
        return "unknown"


def _holder_alive(holder: dict) -> bool:
    """The lock's holder still runs. A lock without an identity (from before it was
    written down) or a holder we cannot look at counts as alive, as it always did."""
    identity = _process_identity(holder.get("pid", 0))
    if identity is None:
        return False
    recorded = holder.get("identity")
    return identity == "unknown" or not isinstance(recorded, str) or identity == recorded


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


def _read_holder(path: Path) -> dict | None:
    """The lock's contents; {} (stale) when they are not what a lock of ours writes."""
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, OSError):
        return {}
    if not isinstance(holder, dict) or not isinstance(holder.get("pid", 0), int):
        return {}
    return holder


def acquire(db_path: Path) -> DatabaseLock:
    """Take the database's lock, or raise DatabaseInUse naming the live holder."""
    path = lock_path(Path(db_path))
    me = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "identity": _process_identity(os.getpid()),
    }
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _read_holder(path)
            if holder is None:
                continue  # released between our two looks: try again
            same_host = holder.get("host") in (None, me["host"])
            pid = holder.get("pid", 0)
            if same_host and not _holder_alive(holder):
                path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            if same_host and pid == me["pid"]:
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
        raise folder_missing(db_path.parent, DatabaseProblem)
    try:
        return acquire(db_path)
    except OSError as error:
        raise as_database_problem(error) from error
