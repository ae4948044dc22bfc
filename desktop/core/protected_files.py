"""Files no export, backup or restore may write over: the database and what goes with it.

An export aimed at the open database (`minutes 1 -o prachum.db`) once replaced it with a
DOCX. Every writer asks here first. The database, its `-wal`, `-shm` and `-journal`, its
lock files and a backup of it being made are protected while it is open in this process,
compared as files, not as strings: the resolved path (symlinks followed, `..` and case
as the system sees them) and, for files that exist, device and inode, which a hard link
to the database shares.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from desktop.core.db_file import SQLITE_HEADER
from desktop.core.errors import PrachumError

JOURNALS = ("-wal", "-shm", "-journal")

_open: dict[int, tuple[Path, list[Path]]] = {}
_guard = threading.Lock()
_next = iter(range(1, 1 << 62))


class ProtectedFile(PrachumError):
    """A writer was aimed at the database itself or a file that goes with it."""


def database_files(db_path: Path) -> list[Path]:
    """The database and every file SQLite and the lock keep beside it."""
    from desktop.core.lock import identity_lock_path, lock_path

    files = [db_path, *(Path(f"{db_path}{suffix}") for suffix in JOURNALS), lock_path(db_path)]
    with contextlib.suppress(OSError):
        files.append(identity_lock_path(db_path))
    return files


def protect(db_path: Path, files: list[Path] | None = None) -> int:
    """Protect `files` (by default all of the database's) until `release(token)`."""
    with _guard:
        token = next(_next)
        _open[token] = (Path(db_path), list(files) if files else database_files(Path(db_path)))
    return token


def release(token: int) -> None:
    with _guard:
        _open.pop(token, None)


@contextlib.contextmanager
def protected(db_path: Path, files: list[Path]) -> Iterator[None]:
    """`files` belong to the database while the block runs (a backup of it being made)."""
    token = protect(db_path, files)
    try:
        yield
    finally:
        release(token)


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def same_file(one: Path, other: Path) -> bool:
    """Whether two names are the one file: resolved alike, or sharing device and inode."""
    if _key(one) == _key(other):
        return True
    try:
        return os.path.samestat(os.stat(one), os.stat(other))
    except (OSError, ValueError):
        return False


def refuse_if_protected(target: Path, *, document: bool = False) -> None:
    """ProtectedFile when `target` is an open database or one of its files; nothing is
    written. With `document`, any SQLite database is refused too: a document written over
    a database (another copy's, a backup) is never what was meant."""
    with _guard:
        entries = list(_open.values())
    for db_path, files in entries:
        for protected_file in files:
            if same_file(target, protected_file):
                raise ProtectedFile(
                    f"จะไม่เขียนทับ {target.name}: เป็นไฟล์ของฐานข้อมูล {db_path.name} ที่เปิดอยู่ "
                    "กรุณาเลือกชื่อไฟล์อื่น",
                    f"Will not write over {target.name}: it is part of the open database "
                    f"{db_path.name}. Choose another file name.",
                )
    if document and _is_database(target):
        raise ProtectedFile(
            f"จะไม่เขียนเอกสารทับ {target.name}: ไฟล์นี้เป็นฐานข้อมูล กรุณาเลือกชื่อไฟล์อื่น",
            f"Will not write a document over {target.name}: it is a database. "
            "Choose another file name.",
        )


def _is_database(path: Path) -> bool:
    if not os.path.isfile(path):  # a pipe or a device is not opened to look
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
