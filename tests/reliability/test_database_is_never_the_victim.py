"""No writer replaces the database, and a restore replaces only with a real backup.

An export, a sign-in sheet or a backup aimed at the database, at a file SQLite keeps beside
it, at its lock, or at another name for it (a symlink, a hard link) is refused with exit 2
and changes nothing. A restore over a damaged file keeps that file's bytes; a restore from
something that is not a whole Prachum backup replaces nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import db as core_db
from desktop.core.db import open_database
from desktop.core.db_file import head_revision
from desktop.core.operations.backups import backup_to, restore_from
from desktop.core.protected_files import ProtectedFile
from desktop.core.sqlite_features import name_the_writer
from desktop.exports.minutes_docx import export_minutes

NETWORK = "เครือข่ายเทศบาลลุ่มน้ำปิง"


@pytest.fixture
def backend() -> str:
    """About the database's files on disk."""
    return "sqlite"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [row[0] for row in con.execute("SELECT title FROM meetings ORDER BY id")]


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


WRITERS = {
    "minutes": ["minutes", "1"],
    "export": ["export", "1"],
    "attendance": ["attendance", "1"],
    "signin": ["signin", "3"],
    "attendance-summary": [
        "attendance-summary",
        "--network",
        NETWORK,
        "--from",
        "2000-01-01",
        "--to",
        "2099-12-31",
    ],
    "evidence": ["evidence", "1"],
    "agenda": ["agenda", "1"],
    "invitations": ["invitations", "1"],
    "news": ["news", "1"],
    "register": ["register"],
    "backup": ["backup"],
}
TARGETS = ["the database", "-wal", "-shm", "-journal", ".lock", "symlink", "hard link"]


def _target(db: Path, kind: str) -> Path:
    if kind == "the database":
        return db
    if kind.startswith("-") or kind == ".lock":
        return Path(f"{db}{kind}")
    other = db.with_name("other-name.db")
    if kind == "symlink":
        other.symlink_to(db)
    else:
        os.link(db, other)
    return other


@pytest.mark.parametrize("target_kind", TARGETS)
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_no_writer_replaces_the_database_or_its_files(
    demo_db, tmp_path, capsys, writer, target_kind
):
    titles = _titles(demo_db)
    before = _digest(demo_db)
    target = _target(demo_db, target_kind)
    capsys.readouterr()
    code = main(["--db", str(demo_db), *WRITERS[writer], "-o", str(target)])
    assert code == 2, capsys.readouterr()
    assert "Will not write" in capsys.readouterr().err
    assert _digest(demo_db) == before, "the database is byte for byte as it was"
    assert _titles(demo_db) == titles
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".prachum-")]


def test_a_document_is_not_written_over_another_database(demo_db, tmp_path, capsys):
    other = tmp_path / "another.db"
    assert main(["--db", str(other), "demo"]) == 0
    before = _digest(other)
    assert main(["--db", str(demo_db), "minutes", "1", "-o", str(other)]) == 2
    assert "is a database" in capsys.readouterr().err
    assert _digest(other) == before


def test_a_backup_being_made_is_one_of_the_databases_files(db, tmp_path, monkeypatch):
    """Whatever else writes while a backup is made may not write over the copy."""
    from desktop.core import services

    with db.session() as session:
        meeting = services.create_meeting(session, title="ประชุม", date="2024-01-01")
    seen = []
    real_copy = core_db.copy_database

    def copy_and_try_to_overwrite(source, partial):
        real_copy(source, partial)
        with db.session() as session, pytest.raises(ProtectedFile):
            export_minutes(session, meeting.id, partial)
        seen.append(partial)

    monkeypatch.setattr(core_db, "copy_database", copy_and_try_to_overwrite)
    made = backup_to(db, tmp_path / "copy.db")
    assert seen and _titles(made) == ["ประชุม"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:5000]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b"not a database\n" * 400), id="not SQLite"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    ],
)
def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(demo_db, tmp_path, capsys, damage):
    backup = tmp_path / "good.backup.db"
    assert main(["--db", str(demo_db), "backup", "-o", str(backup)]) == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{demo_db}{suffix}").unlink(missing_ok=True)
    damage(demo_db)
    damaged = demo_db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(demo_db), "restore", str(backup)]) == 0, capsys.readouterr()
    assert _titles(demo_db) == _titles(backup)
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert [p.read_bytes() for p in kept] == [damaged], "the damaged file's bytes are kept"
    assert main(["--db", str(demo_db), "meetings"]) == 0


def _only_alembic_version(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))


def _without_a_column(path: Path) -> None:
    with sqlite3.connect(path) as con:
        name_the_writer(con)  # whoever writes is in the history, another program too
        for (trigger,) in con.execute(  # the history's triggers name the column
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'people'"
        ).fetchall():
            con.execute(f'DROP TRIGGER "{trigger}"')
        con.execute("ALTER TABLE people DROP COLUMN position")


def _without_a_table(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("DROP TABLE actions")


def _text_not_utf8(path: Path) -> None:
    with sqlite3.connect(path) as con:
        name_the_writer(con)
        con.execute("UPDATE meetings SET title = CAST(X'fffe41' AS TEXT) WHERE id = 2")


@pytest.mark.parametrize(
    "spoil",
    [_only_alembic_version, _without_a_column, _without_a_table, _text_not_utf8],
    ids=["only alembic_version", "a column missing", "a table missing", "text not UTF-8"],
)
def test_restore_accepts_only_a_whole_prachum_backup(demo_db, tmp_path, spoil):
    candidate = tmp_path / "candidate.db"
    if spoil is _only_alembic_version:
        spoil(candidate)
    else:
        database = open_database(demo_db)
        backup_to(database, candidate)
        database.close()
        spoil(candidate)
    before = _digest(demo_db)
    assert main(["--db", str(demo_db), "restore", str(candidate)]) == 2
    assert _digest(demo_db) == before
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".prachum-")]
    with pytest.raises(Exception, match="cannot be restored"):
        restore_from(candidate, demo_db)


def test_restore_from_the_database_itself_is_refused(demo_db, capsys):
    before = _digest(demo_db)
    assert main(["--db", str(demo_db), "restore", str(demo_db)]) == 2
    assert "the database itself" in capsys.readouterr().err
    assert _digest(demo_db) == before


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or "partial" in p.name)


@pytest.mark.parametrize("target", ["a folder", "empty"])
def test_a_backup_needs_a_file_name_and_leaves_nothing_otherwise(
    demo_db, tmp_path, monkeypatch, capsys, target
):
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.chdir(folder)
    given = str(folder) if target == "a folder" else ""
    assert main(["--db", str(demo_db), "backup", "-o", given]) == 2
    assert "give the backup a file name" in capsys.readouterr().err
    assert list(folder.iterdir()) == []
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("length", [240, 250, 255])
@pytest.mark.parametrize("writer", ["minutes", "export", "attendance", "backup"])
def test_names_up_to_the_file_systems_limit_are_written(demo_db, tmp_path, writer, length):
    suffix = {"minutes": ".docx", "export": ".json", "attendance": ".xlsx", "backup": ".db"}
    name = "m" * (length - len(suffix[writer])) + suffix[writer]
    out = tmp_path / "out"
    out.mkdir()
    command = WRITERS[writer] if writer != "backup" else ["backup"]
    assert main(["--db", str(demo_db), *command, "-o", str(out / name)]) == 0
    assert [p.name for p in out.iterdir()] == [name]


def test_a_backup_that_fails_part_way_leaves_no_partial_file(
    demo_db, tmp_path, monkeypatch, capsys
):
    import errno

    def disk_full(source, target):
        Path(target).write_bytes(b"x" * 100)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core_db, "copy_database", disk_full)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", str(demo_db), "backup", "-o", str(out / "copy.db")]) == 2
    assert "the disk is full" in capsys.readouterr().err
    assert list(out.iterdir()) == []
