"""The fault campaign, second part: the database's owner and its places, and hidden text.

Areas: SQLite files that are not Prachum's (generated); text with hidden characters
(generated); every command in a read-only file or folder, bound by permissions even as
root; every writer on a disk filled to several levels. Counted as in test_campaign: each case tried to
the end, the figures printed per area, then the test fails if any case did not hold.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from real_places import (
    leave_free,
    needs_a_user_bound_by_permissions,
    open_folder,
    run_cli,
    small_disk,
    warm_up,
)
from reliability.test_campaign import CAMPAIGN, Tally

from desktop.core.db_file import APPLICATION_ID, check_file, known_revisions
from desktop.core.errors import DatabaseProblem
from desktop.core.json_checks import _CONTROL as REFUSED_IN_FILES
from desktop.core.thai import CONTROL_CHARACTERS, normalize_text


@pytest.fixture
def backend() -> str:
    """About files on disk."""
    return "sqlite"


def _state(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


# --- SQLite files that are not ours ------------------------------------------------------

OBJECTS = {
    "table": "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)",
    "row": "INSERT INTO invoices VALUES (1, 2.5)",
    "view": "CREATE VIEW answer AS SELECT 42 AS value",
    "index": "CREATE INDEX ix_total ON invoices (total)",
    "trigger": "CREATE TRIGGER t AFTER INSERT ON invoices BEGIN SELECT 1; END",
}
FOREIGN_REVISIONS = ["ae1027a6acf", "9999_from_the_future", "", "0001x"]


@given(
    objects=st.lists(st.sampled_from(sorted(OBJECTS)), unique=True, max_size=5),
    application_id=st.sampled_from([0, 1, 0x53514C69, APPLICATION_ID + 1, -1]),
    revision=st.sampled_from([None, *FOREIGN_REVISIONS, *sorted(known_revisions())]),
    wal=st.booleans(),
)
@CAMPAIGN
def test_a_file_not_ours_is_never_written(tmp_path_factory, objects, application_id, revision, wal):
    tally = _TALLIES.setdefault("files not ours", Tally("files not ours"))
    folder = tmp_path_factory.mktemp("foreign")
    path = folder / "other.db"
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
        con.execute(f"PRAGMA application_id = {application_id}")
        made = [
            name
            for name in ("table", "row", "view", "index", "trigger")  # an order that works
            if name in objects and (name in ("table", "view") or "table" in objects)
        ]
        for name in made:
            con.execute(OBJECTS[name])
        if revision is not None:
            con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
            con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        con.commit()
    # Ours only by an application_id of 0 with one of our revisions, or nothing at all.
    ours_by_revision = application_id == 0 and revision in known_revisions()
    empty = application_id == 0 and revision is None and not made
    before = _state(folder)

    def check() -> None:
        if ours_by_revision or empty:
            check_file(path)  # taken (what is missing from it is the migration's concern)
        else:
            with pytest.raises(DatabaseProblem, match=r"not a Prachum database|newer"):
                check_file(path)
            code, _, err = run_cli(["--db", str(path), "demo"])
            assert code == 2 and "not a Prachum database" in err, err
        assert _state(folder) == before, "not a byte written, nothing left beside it"

    tally.case(f"{objects} id={application_id} revision={revision!r} wal={wal}", check)


def test_files_not_ours_figures(capsys):
    _TALLIES.get("files not ours", Tally("files not ours")).report(capsys)


# --- hidden characters -----------------------------------------------------------------

HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
VISIBLE = "abcXYZ019 .-_()กขคสมชายใจดี"


@given(text=st.text(alphabet=VISIBLE + HIDDEN + C1 + "\x00\x01\x1b\x7f\t\n", max_size=60))
@CAMPAIGN
def test_hidden_characters_never_stay(text):
    tally = _TALLIES.setdefault("hidden characters", Tally("hidden characters"))

    def check() -> None:
        cleaned = normalize_text(text)
        assert not CONTROL_CHARACTERS.search(cleaned), repr(cleaned)
        assert normalize_text(cleaned) == cleaned, "stripping twice changes nothing more"
        hidden = any(c in HIDDEN + C1 for c in text)
        assert not hidden or REFUSED_IN_FILES.search(text), (
            "a meeting file refuses what typing strips"
        )
        latin = [c for c in text if c.isascii() and c.isalnum()]
        assert [c for c in cleaned if c.isascii() and c.isalnum()] == latin, "nothing else lost"

    tally.case(repr(text), check)


def test_hidden_characters_figures(capsys):
    _TALLIES.get("hidden characters", Tally("hidden characters")).report(capsys)


# --- read-only file and folder, as a user bound by permissions ---------------------------

READERS = [
    ["meetings"],
    ["search", "ประชุม"],
    ["minutes", "1", "-o", "{out}/minutes.docx"],
    ["minutes", "1", "-o", "{out}/minutes.pdf"],
    ["agenda", "1", "-o", "{out}/agenda.docx"],
    ["attendance", "1", "-o", "{out}/list.xlsx"],
    ["export", "1", "-o", "{out}/meeting.meeting.json"],
    ["backup", "-o", "{out}/copy.db"],
]
WRITERS = [["import", "{meeting}"], ["demo"], ["restore", "{out}/copy.db"]]


@needs_a_user_bound_by_permissions
def test_every_command_in_a_place_that_cannot_be_written(tmp_path_factory, capsys):
    tally = Tally("read-only places")
    warm_up(tmp_path_factory.mktemp("warm"))
    with open_folder() as top:
        out = top / "out"
        out.mkdir()
        for place in ("read-only file", "read-only folder"):
            folder = top / place.replace(" ", "-")
            folder.mkdir()
            db = folder / "prachum.db"
            assert run_cli(["--db", str(db), "demo"])[0] == 0
            meeting = out / "meeting.meeting.json"
            if not meeting.exists():
                assert run_cli(["--db", str(db), "export", "1", "-o", str(meeting)])[0] == 0
                assert run_cli(["--db", str(db), "backup", "-o", str(out / "copy.db")])[0] == 0
            if place == "read-only file":
                db.chmod(0o444)
            else:
                folder.chmod(0o555)
            before = _state(folder)
            for argv in READERS + WRITERS:
                filled = [a.format(out=out, meeting=meeting) for a in argv]

                def check(
                    filled=filled, writes=argv in WRITERS, db=db, folder=folder, before=before
                ) -> None:
                    code, _, err = run_cli(["--db", str(db), *filled], unprivileged=True)
                    assert "Traceback" not in err and "fault" not in err, err
                    if writes:
                        assert code == 2 and "read-only" in err, err
                    else:
                        assert code == 0, err
                    assert _state(folder) == before, "the database and its folder as they were"

                tally.case(f"{place}: {' '.join(argv)}", check)
            for made in out.iterdir():
                if made.name not in ("meeting.meeting.json", "copy.db"):
                    made.unlink()
    tally.report(capsys)


# --- a disk that fills up ------------------------------------------------------------------

FULL_WRITERS = [
    (["import", "{meeting}"], None),
    (["minutes", "1", "-o", "{disk}/minutes.docx"], "minutes.docx"),
    (["minutes", "1", "-o", "{disk}/minutes.pdf"], "minutes.pdf"),
    (["agenda", "1", "-o", "{disk}/agenda.docx"], "agenda.docx"),
    (["attendance", "1", "-o", "{disk}/list.xlsx"], "list.xlsx"),
    (["export", "1", "-o", "{disk}/meeting.meeting.json"], "meeting.meeting.json"),
    (["backup", "-o", "{disk}/copy.db"], "copy.db"),
]
SQLITE_OWN = {"prachum.db-wal", "prachum.db-shm"}


@pytest.mark.skipif(os.name != "posix", reason="a tmpfs is a Linux file system")
def test_every_writer_on_a_disk_filled_up(tmp_path_factory, capsys):
    tally = Tally("full disk")
    meeting = tmp_path_factory.mktemp("meeting") / "meeting.meeting.json"
    with small_disk(1024) as disk:
        db = disk / "prachum.db"
        assert run_cli(["--db", str(db), "demo"])[0] == 0
        assert run_cli(["--db", str(db), "export", "1", "-o", str(meeting)])[0] == 0
        refusals = 0
        for free in (4, 16, 28, 40, 64):
            for argv, output in FULL_WRITERS:
                filled = [a.format(disk=disk, meeting=meeting) for a in argv]

                def check(filled=filled, output=output, free=free) -> None:
                    nonlocal refusals
                    listed = run_cli(["--db", str(db), "meetings"])[1]
                    leave_free(disk, free)
                    files = {p.name for p in disk.iterdir()} - SQLITE_OWN
                    code, _, err = run_cli(["--db", str(db), *filled])
                    assert "Exception ignored" not in err and "Traceback" not in err, err
                    (disk / "filler").unlink()
                    if code == 0:
                        if output is not None:
                            (disk / output).unlink()
                        return
                    refusals += 1
                    assert code == 2 and "disk is full" in err and "damaged" not in err, err
                    left = {p.name for p in disk.iterdir()} - SQLITE_OWN - {"filler"}
                    assert left == files - {"filler"}, f"left behind: {left - files}"
                    assert run_cli(["--db", str(db), "meetings"])[1] == listed, "unchanged"

                tally.case(f"{free} KiB free: {' '.join(argv[:2])}", check)
        with closing(sqlite3.connect(db)) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert refusals >= len(FULL_WRITERS), "each writer met the full disk at least once"
    tally.report(capsys)


_TALLIES: dict[str, Tally] = {}
