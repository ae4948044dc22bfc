"""Prachum knows its own database: by the application_id in the file's header, or (a file
made before the header said so) by a schema revision of ours. Anything else is refused as
"not a Prachum database", without a byte written to it or a file left beside it; so is a
damaged database.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.db import open_database
from desktop.core.db_file import APPLICATION_ID, head_revision


@pytest.fixture
def backend() -> str:
    """About the database's file on disk."""
    return "sqlite"


def _application_id(path: Path) -> int:
    with closing(sqlite3.connect(path)) as con:
        return con.execute("PRAGMA application_id").fetchone()[0]


def _state(folder: Path) -> dict[str, str]:
    """Every file of the folder and its digest."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_a_new_database_says_it_is_ours(tmp_path):
    path = tmp_path / "new.db"
    open_database(path).close()
    assert _application_id(path) == APPLICATION_ID == 0x50524348  # "PRCH"


def test_a_database_from_before_the_header_said_so_is_taken_and_marked(tmp_path, capsys):
    path = tmp_path / "old.db"
    assert main(["--db", str(path), "demo"]) == 0
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA application_id = 0")  # as every file was before
    capsys.readouterr()
    assert main(["--db", str(path), "meetings"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert _application_id(path) == APPLICATION_ID


def _foreign(*statements: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        con = sqlite3.connect(path)
        con.execute("PRAGMA journal_mode = WAL")  # so that a careless look leaves -wal/-shm
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()

    return make


FOREIGN = {
    "another program's tables": _foreign(
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)",
        "INSERT INTO invoices VALUES (1, 9.5)",
    ),
    "only views, and its own application_id": _foreign(
        "PRAGMA application_id = 1234567", "CREATE VIEW answer AS SELECT 42 AS value"
    ),
    "only a view": _foreign("CREATE VIEW answer AS SELECT 42 AS value"),
    "another Alembic application's": _foreign(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('ae1027a6acf')",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY)",
    ),
    "only another application's revision": _foreign(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('ae1027a6acf')",
    ),
    "our revision under another application_id": _foreign(
        "PRAGMA application_id = 7",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        f"INSERT INTO alembic_version VALUES ('{head_revision()}')",
    ),
}


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
@pytest.mark.parametrize("command", [["meetings"], ["demo"], ["backup", "-o", "copy.db"]])
def test_a_foreign_sqlite_file_is_not_a_prachum_database(tmp_path, capsys, make, command):
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "other.db"
    make(path)
    before = _state(folder)
    argv = ["--db", str(path), *(str(folder / a) if a.endswith(".db") else a for a in command)]
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "not a Prachum database" in err and "newer" not in err, err
    assert _state(folder) == before, "not a byte written, nothing left beside it"


def test_our_file_with_a_revision_we_do_not_know_is_from_a_newer_prachum(tmp_path, capsys):
    path = tmp_path / "future.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _state(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(path), "meetings"]) == 2
    assert "newer version" in capsys.readouterr().err
    assert _state(tmp_path) == before


def _damage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 5 : 4096 * 5 + 3000] = b"\xff" * 3000
    path.write_bytes(bytes(data))


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: 4096 * 7])


@pytest.mark.parametrize("damage", [_damage_pages, _cut], ids=["pages overwritten", "cut short"])
@pytest.mark.parametrize("command", [["meetings"], ["demo"]])
def test_a_refused_damaged_database_leaves_nothing_beside_it(tmp_path, capsys, damage, command):
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    assert sorted(os.listdir(folder)) == ["prachum.db"]
    damage(path)
    before = _state(folder)
    capsys.readouterr()
    assert main(["--db", str(path), *command]) == 2
    assert "damaged" in capsys.readouterr().err
    assert _state(folder) == before, "no -wal or -shm, not a byte changed"
