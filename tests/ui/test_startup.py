"""Opening the database at start-up, the way the app starts: the window's frame is shown,
the file is opened behind it. A second copy is told and may only read; a damaged,
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
from datetime import datetime
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.core.lock import lock_path
from desktop.core.operations.backups import backup_to, list_backups
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.startup import (
    OTHER_FILE,
    QUIT,
    READ_ONLY,
    RESTORE,
    in_use_box,
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
def settings(qapp, message_boxes) -> AppSettings:
    return AppSettings()


@pytest.fixture
def start(qtbot, settings, reporter):
    """`start(path, answers)`: the app's start (frame shown, file opened on a worker),
    waited for until the meetings are listed or she gave up, and the day's backup done."""
    hosts: list[AppHost] = []

    def begin(path: Path, answers: Answers) -> AppHost:
        host = AppHost(None, settings, reporter)
        hosts.append(host)
        window = host.show()
        qtbot.addWidget(window)
        outcome: list[str] = []
        host.ready.connect(lambda: outcome.append("ready"))
        host.gave_up.connect(lambda: outcome.append("gave up"))
        host.open_in_background(path, Choices(answers))
        qtbot.waitUntil(lambda: bool(outcome) and not host._backing_up, timeout=20_000)
        assert (host.opened is not None) == (outcome == ["ready"])
        return host

    yield begin
    for host in hosts:
        end(host)


def end(host: AppHost) -> None:
    """Close the window and let go of the file, as quitting does."""
    if host.window is not None:
        host.window.close()
    host.close()


def meeting_titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meetings ORDER BY id")]
    finally:
        con.close()


# --- two copies ----------------------------------------------------------------------------


def hold_lock(path: Path) -> subprocess.Popen:
    """Another running process holding the database's lock, as a second app would."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from desktop.core.lock import acquire
        lock = acquire(Path({str(path)!r}))
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
    return holder


@pytest.fixture
def other_copy(filled):
    holder = hold_lock(filled)
    yield holder
    holder.kill()
    holder.wait()


def test_a_second_copy_is_told_who_holds_the_database_and_may_quit(filled, other_copy, start):
    answers = Answers(in_use=QUIT)
    before = fingerprint(filled)
    assert start(filled, answers).opened is None
    assert answers.asked == [("in use", filled, other_copy.pid)]
    assert fingerprint(filled) == before


def test_a_second_copy_opened_read_only_changes_nothing(
    filled, other_copy, start, message_boxes, watch_thread
):
    from desktop.ui.shell import startup

    on_ui_thread = watch_thread(startup, "open_read_only")
    host = start(filled, Answers(in_use=READ_ONLY))
    opened, window = host.opened, host.window
    assert opened is not None and opened.readonly and opened.lock is None
    assert on_ui_thread == [False], "checked and opened on a worker, the window stays live"
    try:
        assert "อ่านอย่างเดียว" in window.windowTitle()
        assert host.trouble.isVisible() and "อ่านอย่างเดียว" in host.trouble.text()
        assert not window.commands[ActionId.NEW_MEETING].isEnabled()
        assert not host.window.commands[ActionId.RESTORE].isEnabled()
        assert host.window.commands[ActionId.BACKUP].isEnabled(), "a copy can still be made"
        meeting_id = window.workspace.navigator.listed_meeting_ids()[0]
        window.workspace.open_meeting(meeting_id)
        assert not window.commands[ActionId.COPY_PEOPLE].isEnabled()
        # Nothing invites typing that could not be kept.
        assert not window.workspace.meeting.details.title.isEnabled()
        assert not window.workspace.meeting.attendance.model.editable
        window.workspace.minutes_tools.show_agenda()
        assert not window.workspace.minutes_tools.agenda.editable
        for title in ("แก้ชื่อ", "แก้อีกครั้ง"):
            window.workspace.meeting.details.title.setText(title)
            window.workspace.meeting.details.title_saver.flush()
        assert message_boxes.kinds() == ["warning"], "told once that nothing is saved"
        assert meeting_titles(filled) == ["ประชุมครั้งที่หนึ่ง"]
        assert lock_path(filled).exists(), "the other copy still holds its lock"
        assert not (filled.parent / "backups").exists(), "no backup written by a reader"
    finally:
        end(host)
    assert json.loads(lock_path(filled).read_text())["pid"] == other_copy.pid


def test_a_lock_left_by_a_killed_copy_is_taken_over(filled, start):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(filled).write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname()}))
    host = start(filled, Answers())
    assert host.opened is not None and not host.opened.readonly
    assert json.loads(lock_path(filled).read_text())["pid"] != dead.pid
    end(host)
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
def test_a_bad_file_is_explained_and_left_exactly_as_it_was(filled, start, kind):
    damage, words = BAD_FILES[kind]
    checkpoint(filled)
    damage(filled)
    before = fingerprint(filled)
    answers = Answers(problem=[QUIT])
    assert start(filled, answers).opened is None
    (what, message, backup), *_rest = answers.asked
    assert what == "problem" and words in message, message
    assert backup is None
    assert fingerprint(filled) == before, "not written, nothing created beside it"


@pytest.mark.parametrize("kind", ["truncated", "a newer Prachum's"])
def test_a_bad_file_can_be_replaced_by_its_latest_backup_and_is_kept_aside(
    filled, start, message_boxes, watch_thread, kind
):
    from desktop.ui.shell import startup

    on_ui_thread = watch_thread(startup, "restore_over")
    database = open_database(filled)
    (filled.parent / "backups").mkdir()
    backup_to(database, filled.parent / "backups" / "prachum-2024-01-10.backup.db")
    database.close()
    checkpoint(filled)
    BAD_FILES[kind][0](filled)
    damaged = filled.read_bytes()
    answers = Answers(problem=[RESTORE])
    host = start(filled, answers)
    opened = host.opened
    assert opened is not None and not opened.readonly
    assert on_ui_thread == [False], "the whole-file copy does not freeze the window"
    assert answers.asked[0][2] == list_backups(filled)[-1]
    with opened.database.session() as s:
        assert [m.title for m in services.list_meetings(s)] == ["ประชุมครั้งที่หนึ่ง"]
    assert host.window.workspace.navigator.listed_meeting_ids(), (
        "the window lists the restored meeting"
    )
    kept = [p for p in filled.parent.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in kept] == [damaged], "the bad file kept, byte for byte"
    told = [text for kind, _title, text in message_boxes.shown if kind == "information"]
    assert len(told) == 1 and kept[0].name in told[0], "told over the window, once"


def test_another_file_can_be_opened_instead(filled, tmp_path, start):
    good = tmp_path / "other" / "good.db"
    good.parent.mkdir()
    database = open_database(good)
    database.close()
    random_bytes(filled)
    answers = Answers(problem=[OTHER_FILE], other=good)
    host = start(filled, answers)
    assert host.opened is not None and host.opened.database.path == good
    assert lock_path(good).exists() and not lock_path(filled).exists()
    assert host.window.database_label.text() == "good.db"


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


def test_a_good_start_makes_todays_backup_and_keeps_only_the_newest(filled, settings, start):
    settings.backups_to_keep = 3
    folder = filled.parent / "backups"
    folder.mkdir()
    for day in range(1, 6):
        old = folder / f"prachum-2024-01-0{day}.backup.db"
        old.write_bytes(b"")
    end(start(filled, Answers()))
    today = f"prachum-{datetime.now():%Y-%m-%d}.backup.db"
    assert sorted(p.name for p in folder.iterdir()) == [
        "prachum-2024-01-04.backup.db",
        "prachum-2024-01-05.backup.db",
        today,
    ]
    assert meeting_titles(folder / today) == ["ประชุมครั้งที่หนึ่ง"]
    modified = (folder / today).stat().st_mtime_ns
    time.sleep(0.01)
    end(start(filled, Answers()))
    assert (folder / today).stat().st_mtime_ns == modified, "once a day"


def test_no_restore_while_another_copy_holds_the_file(filled, start):
    database = open_database(filled)
    (filled.parent / "backups").mkdir()
    backup_to(database, filled.parent / "backups" / "prachum-2024-01-10.backup.db")
    database.close()
    checkpoint(filled)
    truncated(filled)
    damaged = filled.read_bytes()
    holders: list[subprocess.Popen] = []

    class AnotherCopyStarts(Answers):
        def ask_problem(self, path, error, backup):
            holders.append(hold_lock(path))  # she restores; meanwhile a colleague opens it
            return super().ask_problem(path, error, backup)

    try:
        answers = AnotherCopyStarts(problem=[RESTORE], in_use=QUIT)
        assert start(filled, answers).opened is None
        assert [asked[0] for asked in answers.asked] == ["problem", "in use"]
        assert filled.read_bytes() == damaged, "not replaced under the other copy's feet"
        assert not [p for p in filled.parent.iterdir() if ".damaged-" in p.name]
    finally:
        for holder in holders:
            holder.kill()
            holder.wait()


def test_a_restore_that_fails_halfway_is_undone_and_offered_again(filled, start, monkeypatch):
    from desktop.ui.shell import startup

    database = open_database(filled)
    (filled.parent / "backups").mkdir()
    backup = backup_to(database, filled.parent / "backups" / "prachum-2024-01-10.backup.db")
    database.close()
    checkpoint(filled)
    truncated(filled)
    damaged = filled.read_bytes()
    real_replace = startup.os.replace

    def held_by_antivirus(source, target):
        if str(source).endswith(".incoming"):
            raise PermissionError(32, "The file is being used by another process")
        return real_replace(source, target)

    monkeypatch.setattr(startup.os, "replace", held_by_antivirus)
    answers = Answers(problem=[RESTORE, QUIT])
    assert start(filled, answers).opened is None
    assert [asked[0] for asked in answers.asked] == ["problem", "failed", "problem"]
    assert answers.asked[2][2] == backup, "the backup was fine: offered again"
    assert filled.read_bytes() == damaged, "the file is back where it was, as it was"
    left = sorted(p.name for p in filled.parent.iterdir() if p.is_file())
    assert left == ["prachum.db"], left


def test_a_daily_backup_that_fails_at_start_is_told_in_a_box(
    filled, start, message_boxes, monkeypatch
):
    from desktop.ui.shell import startup

    def full_disk(_database, keep):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(startup, "rotate_backups", full_disk)
    host = start(filled, Answers())
    assert host.opened is not None
    told = [text for kind, _title, text in message_boxes.shown if kind == "information"]
    assert len(told) == 1 and "No space left on device" in told[0], told


def test_a_backup_that_cannot_be_restored_is_not_offered_again(filled, start):
    database = open_database(filled)
    folder = filled.parent / "backups"
    folder.mkdir()
    good = backup_to(database, folder / "prachum-2024-01-10.backup.db")
    database.close()
    bad = folder / "prachum-2024-01-11.backup.db"
    random_bytes(bad)  # the newest backup is itself damaged
    checkpoint(filled)
    truncated(filled)
    answers = Answers(problem=[RESTORE, RESTORE])
    host = start(filled, answers)
    offered = [asked[2] for asked in answers.asked if asked[0] == "problem"]
    assert offered == [bad, good], "the older backup is offered once the newest failed"
    assert [asked[0] for asked in answers.asked] == ["problem", "failed", "problem"]
    assert host.opened is not None
    with host.opened.database.session() as s:
        assert [m.title for m in services.list_meetings(s)] == ["ประชุมครั้งที่หนึ่ง"]


def test_a_folder_given_as_the_database_is_said_to_be_a_folder(tmp_path, start):
    folder = tmp_path / "meetings.db"
    folder.mkdir()
    answers = Answers(problem=[QUIT])
    assert start(folder, answers).opened is None
    (what, message, _backup), *_rest = answers.asked
    assert what == "problem" and "เป็นโฟลเดอร์" in message and "Errno" not in message


def test_enter_on_a_fresh_welcome_page_takes_the_first_choice(qtbot, start, db_path):
    """The window was painted and active before the new file was opened behind it: the
    welcome page that comes in gives its first choice the focus, so Enter goes on."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.roster.network import NetworkDialog

    host = start(db_path, Answers())
    welcome = host.window.workspace.welcome
    assert host.window.workspace.pages.currentWidget() is welcome
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert QApplication.focusWidget() is welcome.network_button
    with qtbot.waitSignal(welcome.create_network, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NetworkDialog))
    dialog.reject()
