"""The database file itself, before SQLAlchemy: where it lives, whether it is healthy,
which schema revision it says it has. Nothing here imports SQLAlchemy or Alembic, so the
start-up can check the file on one core while the other loads them.
"""

from __future__ import annotations

import os
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from desktop import APP_NAME
from desktop.core import file_names
from desktop.core.errors import DatabaseProblem

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x50524348
"""Ours in the file's header (PRAGMA application_id), "PRCH": a file says it is Prachum's.
Files made before it carry 0, and are known by their schema revision being one of ours."""


def data_folder() -> Path:
    """The user's data folder, created when missing: on Windows %LOCALAPPDATA%\\Prachum,
    local rather than roaming (a database, its lock and its backups stay on this PC; a
    roaming profile copies files at logon and logoff, and would carry a lock away), as
    the README says; elsewhere platformdirs' (~/.local/share/Prachum on Linux)."""
    local = os.environ.get("LOCALAPPDATA")
    if file_names.on_windows() and local:
        folder = Path(local) / APP_NAME
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    """The database in the user's data folder (created when missing)."""
    return data_folder() / "prachum.db"


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w-]*)['\"]?", re.MULTILINE)


@lru_cache(maxsize=1)
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files' headers.

    Reading two lines per file instead of importing Alembic keeps ~0.2 s off every start;
    Alembic itself is loaded only when a migration has to run.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        fields = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if fields.get("revision"):
            graph[fields["revision"]] = fields.get("down_revision") or None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    parents = set(graph.values())
    heads = [revision for revision in graph if revision not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return set(_revision_graph())


def sqlite_uri(path: Path | str, *, readonly: bool = False) -> str:
    """SQLite's URI for exactly the file `path` names.

    Every byte of the name that is not a plain letter, digit or `/` is percent-encoded:
    a `%41`, `?`, `#` or space in a name is that character, not an escape, a query or a
    fragment (a plain `sqlite:///` URL opened `p%41.db` as `pA.db` and `my?x.db` as `my`).
    """
    uri = Path(os.path.abspath(path)).as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")  # a Windows share: \\server\share
    return uri + "?mode=ro" if readonly else uri


def beside(path: Path | str, suffix: str) -> Path:
    """A file SQLite keeps beside the database: `-wal`, `-shm`, `-journal`."""
    path = Path(path)
    return path.with_name(path.name + suffix)


def log_is_empty(path: Path | str) -> bool:
    """No write-ahead log beside the database, or an empty one: the file alone holds
    every committed change."""
    wal = beside(path, "-wal")
    try:
        return wal.stat().st_size == 0
    except FileNotFoundError:
        return True


def read_only_place(path: Path | str) -> bool:
    """The database or its folder cannot be written (by this user): reading still can be."""
    path = Path(path)
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def refuse_if_read_only(path: Path | str) -> None:
    """A database that cannot be written here is said to be so before SQLite opens it to
    write: opened, it would fail only at the first change, and leave a -wal and a -shm
    beside the file that a read-only connection cannot remove."""
    path = Path(path)
    if not read_only_place(path):
        return
    if not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(
            f"โฟลเดอร์ของฐานข้อมูล {path.name} เป็นแบบอ่านอย่างเดียว (สำหรับผู้ใช้นี้) "
            "เปิดอ่านได้แต่แก้ไขไม่ได้ ข้อมูลยังเหมือนเดิม",
            f"The folder of {path.name} is read-only (for this user): the database can be "
            "read but not changed; nothing was changed.",
        )
    raise DatabaseProblem(
        f"ไฟล์ฐานข้อมูล {path.name} เป็นแบบอ่านอย่างเดียว (สำหรับผู้ใช้นี้) เปิดอ่านได้แต่แก้ไขไม่ได้ ข้อมูลยังเหมือนเดิม",
        f"The database file {path.name} is read-only (for this user): it can be read but "
        "not changed; nothing was changed.",
    )


def readonly_uri(path: Path | str) -> str:
    """A read-only SQLite URI for exactly the file `path` names, for a look at the file.

    With no write-ahead log holding anything beside it, the file alone is the database:
    it is read as immutable, so that SQLite creates no `-wal` or `-shm` beside it (a
    refused file is left as it was found, with nothing new beside it) and needs neither
    a folder it can write in nor room on the disk. With a log, it is read through it.
    """
    uri = sqlite_uri(path, readonly=True)
    return uri + "&immutable=1" if log_is_empty(path) else uri


def _refuse_what_is_no_file(path: Path) -> None:
    """A folder, or a pipe (it would hang SQLite) or a device, is not a database file."""
    from desktop.core.input_files import is_regular, not_regular

    if path.is_dir():
        raise DatabaseProblem(
            f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", f"{path} is a folder, not a database file."
        )
    if not is_regular(path):
        raise not_regular(path, DatabaseProblem)


def check_file(path: Path) -> None:
    """Refuse a file that is not a healthy SQLite database, without writing to it."""
    if not path.exists():
        return
    _refuse_what_is_no_file(path)
    if path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseProblem(
            f"ไฟล์ {path.name} ไม่ใช่ฐานข้อมูลของโปรแกรม (อาจเสียหายหรือเป็นไฟล์ชนิดอื่น)",
            f"{path.name} is not a database file (damaged, or another kind of file).",
        )
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
            application_id = con.execute("PRAGMA application_id").fetchone()[0]
            objects = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in objects:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # names that are not text
        from desktop.core.errors import explain_fault

        explained = explain_fault(exc, path)  # a full disk or a read-only place: not damage
        if explained is not None:
            raise DatabaseProblem(explained.thai, explained.english) from exc
        raise DatabaseProblem(
            f"ฐานข้อมูล {path.name} เสียหาย เปิดไม่ได้ ({exc})",
            f"The database {path.name} is damaged and cannot be opened ({exc}).",
        ) from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        raise DatabaseProblem(
            f"ฐานข้อมูล {path.name} เสียหาย (ตรวจพบ: {rows[0][0]})",
            f"The database {path.name} is damaged (integrity check: {rows[0][0]}).",
        )
    ours = application_id == APPLICATION_ID
    # Ours by the header; or, from before the header said so, by a revision of ours; or a
    # file with nothing in it yet. Anything else (another program's tables or views, its
    # own application_id, another Alembic application's revision) is not written to.
    known = revision is not None and revision in known_revisions()
    empty = not (objects - {"alembic_version", "sqlite_sequence"}) and revision is None
    if not ours and (application_id != 0 or not (known or empty)):
        raise not_ours(path)
    if revision is not None and not known:
        raise DatabaseProblem(
            f"ฐานข้อมูล {path.name} สร้างโดยโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับรุ่นโปรแกรม",
            f"{path.name} was written by a newer version of {APP_NAME}; please upgrade.",
        )


def not_ours(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        f"ไฟล์ {path.name} ไม่ใช่ฐานข้อมูลของ {APP_NAME} (เป็นของโปรแกรมอื่น) จะไม่แก้ไขไฟล์นี้",
        f"{path.name} is not a {APP_NAME} database (it belongs to another program); "
        "it will not be touched.",
    )


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of `source` into the file `target`, through SQLite's backup API
    (a plain copy of a live WAL database can miss committed pages)."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
