"""Read-only and full places for real, not simulated: a database file without write
permission, a read-only folder holding a WAL database, and a small disk filled up. Each
case says what it is, exits 2, and leaves the database and its folder as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from real_places import (
    leave_free,
    needs_a_user_bound_by_permissions,
    run_cli,
    small_disk,
    warm_up,
)
from real_places import open_folder as open_places_folder


@pytest.fixture
def backend() -> str:
    """About files on disk."""
    return "sqlite"


@pytest.fixture(scope="module", autouse=True)
def warmed(tmp_path_factory) -> None:
    warm_up(tmp_path_factory.mktemp("warm"))


@pytest.fixture
def open_folder() -> Iterator[Path]:
    with open_places_folder() as folder:
        yield folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _demo(folder: Path) -> tuple[Path, Path]:
    """A demo database in `folder` and one of its meetings as a meeting file beside it."""
    db = folder / "prachum.db"
    assert run_cli(["--db", str(db), "demo"])[0] == 0
    meeting = folder / "meeting.meeting.json"
    assert run_cli(["--db", str(db), "export", "1", "-o", str(meeting)])[0] == 0
    return db, meeting


@needs_a_user_bound_by_permissions
def test_a_database_without_write_permission_is_read_and_never_written(open_folder):
    db, meeting = _demo(open_folder)
    db.chmod(0o444)
    before, files = _digest(db), sorted(os.listdir(open_folder))

    code, out, err = run_cli(["--db", str(db), "meetings"], unprivileged=True)
    assert code == 0, err
    assert len(out.splitlines()) == 3, "a healthy database is read, not called damaged"

    code, out, err = run_cli(["--db", str(db), "import", str(meeting)], unprivileged=True)
    assert code == 2, err
    assert "read-only" in err and "damaged" not in err and "fault" not in err, err
    assert _digest(db) == before
    assert sorted(os.listdir(open_folder)) == files, "no lock, -wal or -shm left behind"


@needs_a_user_bound_by_permissions
def test_a_wal_database_in_a_read_only_folder_is_read_without_leaving_anything(open_folder):
    folder = open_folder / "read-only"
    folder.mkdir()
    db, meeting = _demo(folder)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    folder.chmod(0o555)
    before, files = _digest(db), sorted(os.listdir(folder))

    code, out, err = run_cli(["--db", str(db), "meetings"], unprivileged=True)
    assert code == 0, err
    assert len(out.splitlines()) == 3
    assert sorted(os.listdir(folder)) == files, "read as immutable: no -wal or -shm"

    for argv in (
        ["import", str(meeting)],
        ["minutes", "1", "-o", str(folder / "minutes.docx")],
    ):
        code, out, err = run_cli(["--db", str(db), *argv], unprivileged=True)
        assert code == 2, err
        assert "read-only" in err or "no permission" in err, err
        assert "damaged" not in err and "fault" not in err and "Errno" not in err, err
    assert _digest(db) == before
    assert sorted(os.listdir(folder)) == files, "no lock, -wal, -shm or document left"


def _meetings(db: Path) -> list[str]:
    code, out, err = run_cli(["--db", str(db), "meetings"])
    assert code == 0, err
    return out.splitlines()


@pytest.mark.skipif(os.name != "posix", reason="a tmpfs is a Linux file system")
def test_a_write_that_fills_the_disk_says_so_and_leaves_nothing_half_written(tmp_path):
    # Room for the demo and its history of changes; the writes then run out where left.
    with small_disk(4096) as disk:
        db, meeting = _demo(disk)
        kept_meeting = tmp_path / meeting.name
        shutil.copy(meeting, kept_meeting)
        meeting.unlink()
        before = _meetings(db)
        full = 0
        # The free space at which each write runs out differs by a few pages from one
        # system to the next: several are tried, and each must either work or refuse.
        for free in (8, 24, 36, 48):
            for argv, output in (
                (["import", str(kept_meeting)], None),
                (["minutes", "1", "-o", str(disk / "minutes.docx")], disk / "minutes.docx"),
                (["attendance", "1", "-o", str(disk / "list.xlsx")], disk / "list.xlsx"),
                (["backup", "-o", str(disk / "copy.db")], disk / "copy.db"),
            ):
                leave_free(disk, free)
                files = {p.name for p in disk.iterdir()} - {"prachum.db-wal", "prachum.db-shm"}
                code, _, err = run_cli(["--db", str(db), *argv])
                assert "Exception ignored" not in err and "Traceback" not in err, err
                if code == 0:  # it fitted: nothing to see but the file
                    if output is not None:
                        output.unlink()
                    else:
                        before = _meetings(db)
                    continue
                full += 1
                assert code == 2, err
                assert "disk is full" in err and "damaged" not in err, err
                after = {p.name for p in disk.iterdir()} - {"prachum.db-wal", "prachum.db-shm"}
                assert after == files, f"left behind: {after - files}"
                (disk / "filler").unlink()
                assert _meetings(db) == before, "the database is as it was"
                with sqlite3.connect(db) as con:
                    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert full >= 4, "the disk was full for at least one try of each write"


@pytest.mark.parametrize(
    "writer",
    [["register"], ["attendance", "1"], ["minutes", "1"], ["export", "1"]],
)
def test_a_refused_writer_prints_the_refusal_and_nothing_else(tmp_path, writer):
    db = tmp_path / "prachum.db"
    assert run_cli(["--db", str(db), "demo"])[0] == 0
    code, _, err = run_cli(["--db", str(db), *writer, "-o", f"{db}-wal"])
    assert code == 2
    assert err.splitlines() == [err.splitlines()[0]] and "Will not write" in err, err
