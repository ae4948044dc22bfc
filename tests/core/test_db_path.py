"""Any file name names exactly that file: the database path is never read as a URL."""

from __future__ import annotations

import os

import pytest

from desktop.cli import main
from desktop.core.db import open_database
from desktop.core.db_file import check_file

NAMES = [
    "p%41.db",  # a percent escape: once opened pA.db
    "my?x.db",  # a query: once opened "my"
    "a#b.db",  # a fragment
    "with space.db",
    "%3F%23%25.db",
    "ประชุม ๒๕๖๗.db",
    "n" * 197 + ".db",  # 200 characters
]


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", NAMES)
def test_the_database_is_the_file_named_and_no_other(tmp_path, name):
    folder = tmp_path / "ทดสอบ %41 ?x #1"
    folder.mkdir()
    path = folder / name
    assert main(["--db", str(path), "demo"]) == 0
    assert path.is_file() and path.stat().st_size > 0
    stray = [
        n for n in _files(folder) if not n.startswith(name) and not n.startswith(".")
    ]  # everything there is the file, its -wal/-shm or its daily backups' folder
    assert stray in ([], ["backups"]), stray
    check_file(path)
    for readonly in (False, True):
        database = open_database(path, readonly=readonly)
        try:
            with database.engine.connect() as con:
                networks = con.exec_driver_sql("SELECT count(*) FROM networks").scalar()
            assert networks == 1
        finally:
            database.close()


def test_a_relative_name_with_escapes_is_opened_where_it_is(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "p%41?.db", "demo"]) == 0
    assert os.path.getsize(tmp_path / "p%41?.db") > 0
    assert not (tmp_path / "pA.db").exists() and not (tmp_path / "p%41").exists()
