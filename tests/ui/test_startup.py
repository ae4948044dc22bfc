"""Opening the database at start-up: a second copy is told and may only read; a damaged,
foreign or newer file is explained, offered its latest backup, and never written to;
a good one gets its daily backup."""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.backups import backup_to, list_backups
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.core.lock import lock_path
from desktop.ui.app import AppHost
from desktop.ui.settings import AppSettings
from desktop.ui.startup import (
    OTHER_FILE,
    QUIT,
    READ_ONLY,
    RESTORE,
    in_use_box,
    open_for_window,
    problem_box,
)


@dataclass
class Answers:
    """Her answers to the start-up questions, and what she was asked."""

    in_use: str = QUIT
    problem: list[str] = field(default_factory=lambda: [QUIT])
    other: Path | None = None
    asked: list[tuple] = field(default_factory=list)

    def ask_in_use(self, path, pid):
        self.asked.append(("in use", path, pid))
        return self.in_use

    def ask_problem(self, path, error, backup):
        self.asked.append(("problem", error.message("th"), backup))
        return self.problem.pop(0) if self.problem else QUIT


class Choices:
    """The start-up questions answered from an Answers, without a message box."""

    def __init__(self, answers: Answers):
        self.answers = answers

    def in_use(self, path, pid):
        return self.answers.ask_in_use(path, pid)

    def problem(self, path, error, backup):
        return self.answers.ask_problem(path, error, backup)

    def other_file(self, folder):
        self.answers.asked.append(("other file", folder))
        return self.answers.other

    def failed(self, error: PrachumError):
        self.answers.asked.append(("failed", error.message("th")))


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and what lies beside it: proof that nothing was written."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def filled(db_path) -> Path:
    database = open_database(db_path)
    with database.session() as s:
        services.create_meeting(s, title="ประชุมครั้งที่หนึ่ง", date=date(2024, 1, 10))
    database.close()
    return db_path


@pytest.fixture
def settings(qapp, message_boxes) -> AppSettings:
    return AppSettings()


def meeting_titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meetings ORDER BY id")]
    finally:
        con.close()


# --- two copies ----------------------------------------------------------------------------


@pytest.fixture
def other_copy(filled):
    """Another running process holding the database's lock, as a second app would."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from desktop.core.lock import acquire
        lock = acquire(Path({str(filled)!r}))
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    yield holder
    holder.kill()
    holder.wait()


def test_a_second_copy_is_told_who_holds_the_database_and_may_quit(filled, other_copy, settings):
    answers = Answers(in_use=QUIT)
    before = fingerprint(filled)
    assert open_for_window(filled, settings, Choices(answers)) is None
    assert answers.asked == [("in use", filled, other_copy.pid)]
    assert fingerprint(filled) == before


def test_a_second_copy_opened_read_only_changes_nothing(
    qtbot, filled, other_copy, reporter, message_boxes
):
    settings = AppSettings()
    opened = open_for_window(filled, settings, Choices(Answers(in_use=READ_ONLY)))
    assert opened is not None and opened.readonly and opened.lock is None
    host = AppHost(opened, settings, reporter)
    window = host.show()
    qtbot.addWidget(window)
    try:
        assert "อ่านอย่างเดียว" in window.windowTitle()
        assert host.trouble.isVisible() and "อ่านอย่างเดียว" in host.trouble.text()
        assert not window.new_meeting_action.isEnabled()
        assert not host.backups.restore_action.isEnabled()
        assert host.backups.backup_action.isEnabled(), "a copy can still be made"
        meeting_id = window.navigator.listed_meeting_ids()[0]
        window.open_meeting(meeting_id)
        assert not window.copy_people_action.isEnabled()
        # Nothing invites typing that could not be kept.
        assert not window.meeting.details.title.isEnabled()
        assert not window.meeting.attendance.model.editable
        window.minutes_tools.show_agenda()
        assert not window.minutes_tools.agenda.editable
        for title in ("แก้ชื่อ", "แก้อีกครั้ง"):
            window.meeting.details.title.setText(title)
            window.meeting.details.title_saver.flush()
        assert message_boxes.kinds() == ["warning"], "told once that nothing is saved"
        assert meeting_titles(filled) == ["ประชุมครั้งที่หนึ่ง"]
        assert lock_path(filled).exists(), "the other copy still holds its lock"
        assert not (filled.parent / "backups").exists(), "no backup written by a reader"
    finally:
        window.close()
        host.close()
    assert json.loads(lock_path(filled).read_text())["pid"] == other_copy.pid


def test_a_lock_left_by_a_killed_copy_is_taken_over(filled, settings):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(filled).write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname()}))
    opened = open_for_window(filled, settings, Choices(Answers()))
    assert opened is not None and not opened.readonly
    assert json.loads(lock_path(filled).read_text())["pid"] != dead.pid
    opened.close()
    assert not lock_path(filled).exists()


def test_the_in_use_question_names_the_process_and_offers_read_only_or_quit(qapp, tmp_path):
    box, answers = in_use_box(tmp_path / "prachum.db", 4242)
    assert "4242" in box.text() and "prachum.db" in box.text()
    assert sorted(answers.values()) == sorted([READ_ONLY, QUIT])
    assert answers[box.defaultButton()] == QUIT


# --- bad files -----------------------------------------------------------------------------


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def foreign(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    con.commit()
    con.close()


def newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()


BAD_FILES = {
    "truncated": (truncated, "เสียหาย"),
    "random bytes": (random_bytes, "ไม่ใช่ฐานข้อมูล"),
    "another program's": (foreign, "โปรแกรมอื่น"),
    "a newer Prachum's": (newer, "รุ่นที่ใหม่กว่า"),
}


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so that damaging the file damages the data."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_explained_and_left_exactly_as_it_was(filled, settings, kind):
    damage, words = BAD_FILES[kind]
    checkpoint(filled)
    damage(filled)
    before = fingerprint(filled)
    answers = Answers(problem=[QUIT])
    assert open_for_window(filled, settings, Choices(answers)) is None
    (what, message, backup), *_rest = answers.asked
    assert what == "problem" and words in message, message
    assert backup is None
    assert fingerprint(filled) == before, "not written, nothing created beside it"


@pytest.mark.parametrize("kind", ["truncated", "a newer Prachum's"])
def test_a_bad_file_can_be_replaced_by_its_latest_backup_and_is_kept_aside(filled, settings, kind):
    database = open_database(filled)
    (filled.parent / "backups").mkdir()
    backup_to(database, filled.parent / "backups" / "prachum-2024-01-10.backup.db")
    database.close()
    checkpoint(filled)
    BAD_FILES[kind][0](filled)
    damaged = filled.read_bytes()
    answers = Answers(problem=[RESTORE])
    opened = open_for_window(filled, settings, Choices(answers))
    assert opened is not None and not opened.readonly
    try:
        assert answers.asked[0][2] == list_backups(filled)[-1]
        with opened.database.session() as s:
            assert [m.title for m in services.list_meetings(s)] == ["ประชุมครั้งที่หนึ่ง"]
        kept = [p for p in filled.parent.iterdir() if ".damaged-" in p.name]
        assert [p.read_bytes() for p in kept] == [damaged], "the bad file kept, byte for byte"
        assert kept[0].name in opened.notes[0]
    finally:
        opened.close()


def test_another_file_can_be_opened_instead(filled, tmp_path, settings):
    good = tmp_path / "other" / "good.db"
    good.parent.mkdir()
    database = open_database(good)
    database.close()
    random_bytes(filled)
    answers = Answers(problem=[OTHER_FILE], other=good)
    opened = open_for_window(filled, settings, Choices(answers))
    assert opened is not None and opened.database.path == good
    assert lock_path(good).exists() and not lock_path(filled).exists()
    opened.close()


def test_the_problem_message_offers_the_latest_backup_and_says_the_file_is_untouched(qapp, filled):
    error = PrachumError("ฐานข้อมูล prachum.db เสียหาย", "damaged")
    backup = filled.parent / "b.backup.db"
    backup.write_bytes(filled.read_bytes())
    box, answers = problem_box(filled, error, backup)
    assert "เสียหาย" in box.text() and "ไม่ได้แก้ไข" in box.text()
    assert sorted(answers.values()) == sorted([RESTORE, OTHER_FILE, QUIT])
    box, answers = problem_box(filled, error, None)
    assert RESTORE not in answers.values() and "ไม่พบไฟล์สำรอง" in box.text()


# --- the daily backup ----------------------------------------------------------------------


def test_a_good_start_makes_todays_backup_and_keeps_only_the_newest(filled, settings):
    settings.backups_to_keep = 3
    folder = filled.parent / "backups"
    folder.mkdir()
    for day in range(1, 6):
        old = folder / f"prachum-2024-01-0{day}.backup.db"
        old.write_bytes(b"")
    opened = open_for_window(filled, settings, Choices(Answers()))
    opened.close()
    today = f"prachum-{datetime.now():%Y-%m-%d}.backup.db"
    assert sorted(p.name for p in folder.iterdir()) == [
        "prachum-2024-01-04.backup.db",
        "prachum-2024-01-05.backup.db",
        today,
    ]
    assert meeting_titles(folder / today) == ["ประชุมครั้งที่หนึ่ง"]
    modified = (folder / today).stat().st_mtime_ns
    time.sleep(0.01)
    open_for_window(filled, settings, Choices(Answers())).close()
    assert (folder / today).stat().st_mtime_ns == modified, "once a day"
