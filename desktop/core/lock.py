"""One writer per database: an operating-system lock, held on an open file while we write.

SQLite itself would let two copies of the app write the same file, each with its own
idea of what is on screen; the second copy is told instead, and may open read-only.

The lock is the kernel's (flock on POSIX, LockFileEx on Windows, through portalocker):
taking it is atomic, and it ends with the process, so a copy that died (a power cut, a
kill) leaves nothing that keeps the next one out. Two lock files are taken, in order:

- one keyed on the database's identity (device and inode, which a hard link shares; the
  resolved path where there are none), in a folder every process of this computer sees:
  a hard link or a symlink to the window's database is the same database;
- `<database>.lock` beside the resolved file, which names its holder (PID, computer, and
  who that process is), for the message, and for another computer on a shared folder,
  whose kernel locks may not reach us. A holder named there that still runs (a copy of
  an older Prachum that wrote the file without an OS lock) is respected too; one whose
  PID is gone or now names another process (after a reboot) is not. On Linux "who" is
  the boot and the process's start in ticks since boot (a wall-clock time moves when
  the clock is set); elsewhere psutil's start time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import DatabaseProblem, as_database_problem, folder_missing

IDENTITY_FOLDER = "prachum-locks"
_HOLDER_WAIT = 1.0  # seconds to wait for a holder that has its lock but not yet its name in it


def real_path(db_path: Path | str) -> Path:
    """The file itself: symlinks followed, relative parts made absolute."""
    return Path(os.path.realpath(Path(db_path)))


def lock_path(db_path: Path | str) -> Path:
    """The lock file that names the holder, beside the resolved database."""
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def identity_key(db_path: Path | str) -> str:
    """Device and inode of the database (a hard link shares them); its resolved path where
    the file does not exist yet or the system has no inodes."""
    real = real_path(db_path)
    with contextlib.suppress(OSError):
        stat = os.stat(real)
        if stat.st_ino:
            return f"{stat.st_dev:x}-{stat.st_ino:x}"
    return "path-" + hashlib.sha256(os.fsencode(os.path.normcase(real))).hexdigest()[:32]


def identity_lock_path(db_path: Path | str) -> Path:
    return Path(tempfile.gettempdir()) / IDENTITY_FOLDER / f"{identity_key(db_path)}.lock"


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


def _holder_alive(holder: dict[str, Any]) -> bool:
    """The named holder still runs. A holder without an identity (written by an older
    copy) or one we cannot look at counts as alive, as it always did."""
    identity = _process_identity(holder.get("pid", 0))
    if identity is None:
        return False
    recorded = holder.get("identity")
    return identity == "unknown" or not isinstance(recorded, str) or identity == recorded


class DatabaseInUse(DatabaseProblem):
    """Another running copy of the app has the database open for writing."""

    def __init__(self, db_path: Path, pid: int, host: str | None):
        if pid > 0:
            who_th, who_en = f" (PID {pid} เครื่อง {host})", f" (PID {pid} on {host})"
        else:  # it holds the lock but has not said who it is (or we may not read it)
            who_th = who_en = ""
        super().__init__(
            f"ฐานข้อมูล {db_path.name} เปิดอยู่ในโปรแกรมอีกหน้าต่างหนึ่ง{who_th} "
            "เปิดแบบอ่านอย่างเดียว หรือปิดหน้าต่างนั้นก่อน",
            f"{db_path.name} is open in another copy of the app{who_en}; "
            "open it read-only or close the other copy first.",
        )
        self.pid = pid


def _parse_holder(raw: bytes) -> dict[str, Any]:
    """The holder a lock file names; {} when it names none we can use."""
    try:
        holder = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(holder, dict) or not isinstance(holder.get("pid", 0), int):
        return {}
    return holder


def _read_holder(path: Path) -> dict[str, Any]:
    try:
        return _parse_holder(path.read_bytes())
    except OSError:  # gone, or locked against reading (Windows locks are mandatory)
        return {}


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_fd(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@dataclass
class _OsLock:
    """An open file with the kernel's exclusive lock on it."""

    path: Path
    fd: int

    def close(self, *, remove: bool) -> None:
        import portalocker

        if remove:  # while still locked: nobody can take this file between the two steps
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError, portalocker.LockException):
            portalocker.unlock(self.fd)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def _take(path: Path) -> _OsLock | None:
    """The kernel's lock on `path` (created when missing), or None when another holds it.

    A holder that lets go removes its file while it still holds it; a process that opened
    the old file meanwhile gets its lock on a removed file, sees it and tries again.
    """
    import portalocker

    binary = getattr(os, "O_BINARY", 0)
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | binary, 0o644)
        except PermissionError:
            if not path.exists():
                raise
            fd = os.open(path, os.O_RDONLY | binary)  # another user's: a lock needs no writing
        try:
            portalocker.lock(
                fd, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING
            )
        except portalocker.AlreadyLocked:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is not None and os.path.samestat(os.fstat(fd), current):
            return _OsLock(path, fd)
        os.close(fd)
    raise DatabaseProblem(
        f"ล็อกฐานข้อมูลไม่ได้ ({path.name} ถูกสร้างและลบซ้ำ ๆ)",
        f"Cannot lock the database ({path.name} keeps being replaced).",
    )


def _identity_folder() -> Path | None:
    """The folder of identity locks, shared by every user of this computer (sticky, like
    the temporary folder itself); None when it cannot be made."""
    folder = Path(tempfile.gettempdir()) / IDENTITY_FOLDER
    try:
        if not folder.is_dir():
            folder.mkdir(exist_ok=True)
            if os.name == "posix":  # the umask would keep other users out
                os.chmod(folder, 0o1777)
    except OSError:
        return None
    return folder


@dataclass
class _Held:
    key: str
    locks: list[_OsLock]
    beside: Path
    count: int = 1


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


def _forget_in_child() -> None:
    """A forked child does not hold its parent's locks. It shares the open files, so it
    closes its copies without unlocking them (that would let go of the parent's lock)."""
    for held in _held.values():
        for os_lock in held.locks:
            with contextlib.suppress(OSError):
                os.close(os_lock.fd)
    _held.clear()
    _held_guard.release()


if hasattr(os, "register_at_fork"):  # the guard is held across a fork: never copied locked
    os.register_at_fork(
        before=_held_guard.acquire,
        after_in_parent=_held_guard.release,
        after_in_child=_forget_in_child,
    )


@dataclass
class DatabaseLock:
    """Held while this process writes the database; release() or the context ends it.
    Taking it again in the same process shares it; the last release lets it go."""

    path: Path
    pid: int
    _key: str = field(default="", repr=False)
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        with _held_guard:
            if self._released:
                return
            self._released = True
            held = _held.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[self._key]
        beside = held.locks[-1]
        # Ours unless another computer (whose kernel locks do not reach us) wrote over it.
        # Empty, it is ours too: our name could not be written (a full disk), and a file
        # that names nobody must not be left behind.
        with contextlib.suppress(OSError):
            holder = _parse_holder(_read_fd(beside.fd))
            named = holder.get("pid") is not None
            if named and (
                holder.get("pid") != self.pid or holder.get("host") != socket.gethostname()
            ):
                beside.close(remove=False)
                held.locks.pop()
        for os_lock in reversed(held.locks):
            os_lock.close(remove=True)

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _in_use(db_path: Path, path: Path) -> DatabaseInUse:
    """The refusal naming the holder of `path`; a holder that has just taken its lock is
    given a moment to write its name."""
    deadline = time.monotonic() + _HOLDER_WAIT
    holder = _read_holder(path)
    while not holder.get("pid") and time.monotonic() < deadline:
        time.sleep(0.01)
        holder = _read_holder(path)
    return DatabaseInUse(db_path, holder.get("pid", 0), holder.get("host"))


def acquire(db_path: Path | str) -> DatabaseLock:  # noqa: C901 (one branch per state a lock file can be found in)
    """Take the database's lock, or raise DatabaseInUse naming the holder."""
    db_path = Path(db_path)
    key = identity_key(db_path)
    me: dict[str, Any] = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "identity": _process_identity(os.getpid()),
    }
    with _held_guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return DatabaseLock(held.beside, me["pid"], key)
    folder = _identity_folder()
    taken: list[_OsLock] = []
    try:
        for path in (folder / f"{key}.lock" if folder else None, lock_path(db_path)):
            if path is None:
                continue
            try:
                os_lock = _take(path)
            except OSError:
                if path.parent == folder:  # a temporary folder we may not use: the
                    continue  # lock beside the database still keeps a second writer out
                raise
            if os_lock is None:
                raise _in_use(db_path, path)
            taken.append(os_lock)
        beside = taken[-1]
        holder = _parse_holder(_read_fd(beside.fd))
        other_host = holder.get("host") not in (None, me["host"])
        someone_else = other_host or holder.get("pid") != me["pid"]
        if holder.get("pid") and someone_else and (other_host or _holder_alive(holder)):
            taken.pop().close(remove=False)  # its name stays for the next one to read
            raise DatabaseInUse(db_path, holder["pid"], str(holder.get("host")))
        data = json.dumps(me).encode("utf-8")
        for os_lock in taken:
            with contextlib.suppress(OSError):  # another user's identity file: lock only
                _write_fd(os_lock.fd, data)
    except BaseException:
        for os_lock in reversed(taken):
            os_lock.close(remove=True)
        raise
    with _held_guard:
        _held[key] = _Held(key, taken, beside.path)
    return DatabaseLock(beside.path, me["pid"], key)


def lock_for_writing(db_path: Path) -> DatabaseLock:
    """The writer's lock on `db_path`: DatabaseInUse when another copy holds it,
    DatabaseProblem when its folder is missing or the lock cannot be written."""
    if not db_path.parent.is_dir():
        raise folder_missing(db_path.parent, DatabaseProblem)
    try:
        return acquire(db_path)
    except OSError as error:
        raise as_database_problem(error, db_path) from error
