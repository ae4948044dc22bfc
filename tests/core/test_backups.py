"""Backups: consistent copies, rotated daily, and a restore that never destroys anything."""

import sqlite3
from datetime import datetime

import pytest

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.errors import DatabaseProblem, PrachumError
from desktop.core.operations.backups import backup_to, list_backups, restore_from, rotate_backups


@pytest.fixture
def backend() -> str:
    """Backups of a file: SQLite's backup API (a server's backup is a copy, tested there)."""
    return "sqlite"


def _meetings(path):
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meetings ORDER BY id")]
    finally:
        con.close()


def test_a_backup_of_a_live_wal_database_holds_every_committed_row(db, tmp_path):
    with db.session() as session:
        services.create_meeting(session, title="ก่อนสำรอง", date="2024-01-01")
    # Keep a reader open so the WAL is not checkpointed into the main file.
    reader = db.engine.connect()
    target = backup_to(db, tmp_path / "copy.db")
    reader.close()
    assert _meetings(target) == ["ก่อนสำรอง"]


def test_backups_rotate_once_a_day_keeping_the_newest(db):
    for day in range(1, 6):
        rotate_backups(db, keep=3, now=datetime(2024, 3, day, 9, 0))
    assert rotate_backups(db, keep=3, now=datetime(2024, 3, 5, 17, 0)) is None, "once a day"
    names = sorted(p.name for p in list_backups(db.path))
    assert names == [f"prachum-2024-03-0{d}.backup.db" for d in (3, 4, 5)]


def test_restore_keeps_the_current_database_aside(db, db_path, tmp_path):
    with db.session() as session:
        services.create_meeting(session, title="เก่า", date="2024-01-01")
    backup = backup_to(db, tmp_path / "backup.db")
    with db.session() as session:
        services.create_meeting(session, title="ใหม่", date="2024-02-01")
    db.close()
    kept = restore_from(backup, db_path)
    assert _meetings(db_path) == ["เก่า"]
    assert _meetings(kept) == ["เก่า", "ใหม่"]
    reopened = open_database(db_path)
    with reopened.session() as session:
        assert [m.title for m in services.list_meetings(session)] == ["เก่า"]
        assert services.search(session, "เก่า"), "the search index came back with the data"
    reopened.close()


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_replaced(db, db_path, tmp_path):
    with db.session() as session:
        services.create_meeting(session, title="ของจริง", date="2024-01-01")
    db.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(DatabaseProblem):
        restore_from(junk, db_path)
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem):
        restore_from(foreign, db_path)
    with pytest.raises(PrachumError, match="No backup"):
        restore_from(tmp_path / "missing.db", db_path)
    assert _meetings(db_path) == ["ของจริง"]


def test_a_backup_from_a_newer_version_is_refused_before_anything_is_replaced(
    db, db_path, tmp_path
):
    with db.session() as session:
        services.create_meeting(session, title="ของจริง", date="2024-01-01")
    newer = backup_to(db, tmp_path / "newer.db")
    db.close()
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem):
        restore_from(newer, db_path)
    assert _meetings(db_path) == ["ของจริง"]
    assert sorted(p.name for p in tmp_path.iterdir() if "before-restore" in p.name) == []


def test_each_database_keeps_and_offers_only_its_own_backups(tmp_path):
    # Two databases in one folder, one name beginning with the other's.
    this = open_database(tmp_path / "prachum.db")
    other = open_database(tmp_path / "prachum-2567.db")
    try:
        for day in range(1, 6):
            rotate_backups(other, keep=3, now=datetime(2024, 3, day, 9, 0))
        made = rotate_backups(this, keep=3, now=datetime(2024, 3, 6, 9, 0))
        assert made is not None and made.exists(), "today's backup is not rotated away"
        assert [p.name for p in list_backups(this.path)] == ["prachum-2024-03-06.backup.db"]
        assert [p.name for p in list_backups(other.path)] == [
            f"prachum-2567-2024-03-0{day}.backup.db" for day in (5, 4, 3)
        ], "newest first, and none of the other's"
    finally:
        this.close()
        other.close()


@pytest.mark.parametrize(
    ("this_name", "other_name"),
    [
        ("pra[ch]um (1)+.db", "pra[ch]um (1)+-extra.db"),
        ("prachum.db", "prachum-2024-01-01.db"),  # a name that ends like a date
    ],
)
def test_names_with_special_characters_or_dates_keep_their_backups_apart(
    tmp_path, this_name, other_name
):
    this = open_database(tmp_path / this_name)
    other = open_database(tmp_path / other_name)
    try:
        mine = rotate_backups(this, now=datetime(2024, 3, 6, 9, 0))
        theirs = rotate_backups(other, now=datetime(2024, 3, 7, 9, 0))
        assert list_backups(this.path) == [mine]
        assert list_backups(other.path) == [theirs]
    finally:
        this.close()
        other.close()


def test_a_backup_named_with_thai_digits_is_not_taken_for_a_daily_one(db):
    made = rotate_backups(db, now=datetime(2024, 3, 6, 9, 0))
    (made.parent / "prachum-๒๕๖๗-๐๑-๐๑.backup.db").write_bytes(made.read_bytes())
    assert list_backups(db.path) == [made]
