"""A full disk or a read-only folder while she types: told once, nothing typed is lost,
the database stays consistent, and the text is saved by itself once space is back.

The full disk is real: SQLite's max_page_count pragma caps the file at its current
size, so a longer text needs a page SQLite may not take and the write fails with
SQLITE_FULL ("database or disk is full"), exactly as on a full disk. The read-only
folder is a commit patched to raise the sqlite3 error SQLite raises there (the tests
run as root, for whom no folder is read-only).
"""

from __future__ import annotations

import errno
import sqlite3
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import Engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import BUSY, DISK_ERROR, FULL, READONLY, storage_failure
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.startup import open_for_writing

LONG = "ที่ประชุมรับทราบและมอบหมายให้เลขานุการจัดทำหนังสือแจ้งสมาชิกทุกแห่ง " * 300


@pytest.fixture
def meeting(db_path) -> dict[str, int]:
    database = open_database(db_path)
    with database.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง")
        meeting = services.create_meeting(
            s, title="ประชุมเครือข่าย", date=date(2024, 6, 5), opening="เปิดประชุมเวลา 09.30 น."
        )
        person = services.create_person(
            s, honorific="นาย", given_name="สมชาย", family_name="ใจดี", organization_id=town.id
        )
        line = services.add_attendee(s, meeting.id, person.id, status="present")
        item = services.add_agenda_item(s, meeting.id, title="เรื่องแจ้งเพื่อทราบ", body="ประธานแจ้ง")
        ids = {"meeting": meeting.id, "line": line.id, "item": item.id}
    database.close()
    return ids


@pytest.fixture
def host(qtbot, qapp, reporter, db_path, meeting):
    """The window as the app makes it (close guard, status line), on the meeting."""
    made = AppHost(open_for_writing(db_path), AppSettings(), reporter)
    window = made.show()
    qtbot.addWidget(window)
    window.workspace.open_meeting(meeting["meeting"])
    window.workspace.show_details()
    made.workspace.store.retry_timer.setInterval(50)
    yield made
    made.workspace.store.discard_kept()
    window.close()
    made.close()


class Disk:
    """The database's disk: full (no page beyond today's size) or with space again."""

    def __init__(self, engine):
        self.engine = engine
        self.full = False
        event.listen(engine, "connect", self._on_connect)

    def _on_connect(self, dbapi_connection, _record) -> None:
        if self.full:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    def fill(self) -> None:
        self.full = True
        self.engine.dispose()  # the next connection gets the cap

    def free(self) -> None:
        self.full = False
        self.engine.dispose()


def stored(db_path: Path) -> tuple[str, str, list[tuple]]:
    con = sqlite3.connect(db_path)
    try:
        opening = con.execute("SELECT opening FROM meetings").fetchone()[0]
        status = con.execute("SELECT status FROM attendance").fetchone()[0]
        return opening, status, con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def type_and_pause(keys, field, text: str) -> None:
    """Paste all but the last few letters, type those, and leave the field."""
    field.moveCursor(field.textCursor().MoveOperation.End)
    field.insertPlainText(text[:-5])
    keys.type(field, text[-5:])
    field.setFocus()
    field.clearFocus()  # leaving the field stores it at once


def test_a_full_disk_keeps_the_typed_text_tells_her_once_and_saves_it_when_space_is_back(
    qtbot, keys, host, db_path, message_boxes
):
    disk = Disk(host.workspace.store.database.engine)
    opening = host.window.workspace.meeting.details.opening
    disk.fill()
    type_and_pause(keys, opening, " " + LONG)

    assert opening.toPlainText() == "เปิดประชุมเวลา 09.30 น. " + LONG, "the text stays on screen"
    assert stored(db_path) == ("เปิดประชุมเวลา 09.30 น.", "present", [("ok",)])
    assert message_boxes.kinds() == ["warning"]
    assert "ดิสก์เต็ม" in message_boxes.shown[0][2]
    assert host.trouble.isVisible() and "ดิสก์เต็ม" in host.trouble.text()

    type_and_pause(keys, opening, " เพิ่มเติม")
    assert len(host.workspace.store.kept) == 1, "only the field's latest text is kept"
    assert message_boxes.kinds() == ["warning"], "told once, not at every pause"

    disk.free()
    qtbot.waitUntil(lambda: not host.workspace.store.kept, timeout=3000)
    assert stored(db_path)[0] == ("เปิดประชุมเวลา 09.30 น. " + LONG + " เพิ่มเติม").strip()
    assert not host.trouble.isVisible()
    assert "บันทึก" in host.window.statusBar().currentMessage()


def test_the_agenda_body_typed_on_a_full_disk_is_kept_and_saved_later(qtbot, keys, host):
    disk = Disk(host.workspace.store.database.engine)
    tools = host.window.workspace.minutes_tools
    tools.show_agenda()
    body = tools.agenda.editor.body
    disk.fill()
    type_and_pause(keys, body, " " + LONG)
    assert body.toPlainText() == "ประธานแจ้ง " + LONG
    assert len(host.workspace.store.kept) == 1
    disk.free()
    qtbot.waitUntil(lambda: not host.workspace.store.kept, timeout=3000)
    con = sqlite3.connect(host.workspace.store.path)
    try:
        stored_body = con.execute("SELECT body FROM agenda_items").fetchone()[0]
    finally:
        con.close()
    assert stored_body == ("ประธานแจ้ง " + LONG).strip()


def test_text_typed_into_two_agenda_items_on_a_full_disk_is_all_kept(qtbot, keys, host, meeting):
    # One body box serves every item: what she typed into the first item must not be
    # replaced by what she types into the second while the disk is full.
    with host.workspace.store.database.session() as s:
        second = services.add_agenda_item(s, meeting["meeting"], title="เรื่องที่สอง", body="ข")
        second_id = second.id
    disk = Disk(host.workspace.store.database.engine)
    tools = host.window.workspace.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    agenda.refresh()
    agenda.choose(meeting["item"])
    disk.fill()
    type_and_pause(keys, agenda.editor.body, " " + LONG)
    agenda.choose(second_id)
    type_and_pause(keys, agenda.editor.body, " เรื่องที่สองพิมพ์ต่อ" + LONG)
    assert len(host.workspace.store.kept) == 2
    disk.free()
    qtbot.waitUntil(lambda: not host.workspace.store.kept, timeout=3000)
    con = sqlite3.connect(host.workspace.store.path)
    try:
        bodies = dict(con.execute("SELECT id, body FROM agenda_items"))
    finally:
        con.close()
    assert bodies[meeting["item"]] == ("ประธานแจ้ง " + LONG).strip()
    assert bodies[second_id] == ("ข เรื่องที่สองพิมพ์ต่อ" + LONG).strip()


@contextmanager
def commits_refused(words: str):
    """While inside, every write fails as SQLite fails it, wrapped as SQLAlchemy wraps it.

    A patch of its own: undoing the test's monkeypatch would also undo the recorded
    message boxes, and a real one would wait for a click."""

    def refuse(_session):
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError(words))

    # A change of one statement (a click in the attendance list) has no COMMIT: SQLite
    # refuses the statement itself (the driver's error, which SQLAlchemy wraps).
    def refuse_writes(_connection, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")):
            raise sqlite3.OperationalError(words)

    event.listen(Engine, "before_cursor_execute", refuse_writes)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Session, "commit", refuse)
            yield
    finally:
        event.remove(Engine, "before_cursor_execute", refuse_writes)


def test_a_click_the_disk_refuses_is_told_and_not_shown_as_done(host, message_boxes):
    page = host.window.workspace.meeting.attendance
    host.window.workspace.show_attendance()
    with commits_refused("database or disk is full"):
        page.toggle(0)
    assert message_boxes.kinds() == ["warning"]
    assert page.rows()[0].status == "present", "the list shows what is stored"
    assert host.workspace.store.kept == [], "a click is not kept: she can simply click again"
    page.toggle(0)
    assert stored(host.workspace.store.path)[1:] == ("absent", [("ok",)])
    assert not host.trouble.isVisible(), "the warning goes once a change is stored again"
    with commits_refused("database or disk is full"):
        page.toggle(0)
    assert message_boxes.kinds() == ["warning", "warning"], "a new failure is told again"


def test_a_read_only_folder_refuses_the_write_keeps_the_text_and_says_why(
    qtbot, keys, host, message_boxes
):
    db_path = host.workspace.store.path
    opening = host.window.workspace.meeting.details.opening
    with commits_refused("attempt to write a readonly database"):
        type_and_pause(keys, opening, " ต่อท้าย")
        assert opening.toPlainText().endswith(" ต่อท้าย")
        assert message_boxes.kinds() == ["warning"]
        assert "อ่านอย่างเดียว" in message_boxes.shown[0][2]
        assert stored(db_path)[0] == "เปิดประชุมเวลา 09.30 น."
    qtbot.waitUntil(lambda: not host.workspace.store.kept, timeout=3000)
    assert stored(db_path)[0] == "เปิดประชุมเวลา 09.30 น. ต่อท้าย"


@pytest.mark.parametrize(
    "case",
    [
        (QMessageBox.StandardButton.Cancel, "stays open", "not saved"),
        (QMessageBox.StandardButton.Discard, "closes", "not saved"),
        (QMessageBox.StandardButton.Retry, "closes", "saved"),
    ],
)
def test_closing_with_unsaved_text_asks_first(keys, host, monkeypatch, case):
    answer, closing, saving = case
    db_path = host.workspace.store.path
    disk = Disk(host.workspace.store.database.engine)
    disk.fill()
    type_and_pause(keys, host.window.workspace.meeting.details.opening, LONG)
    asked = []

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(text)
        disk.free()  # she freed some space while the question was open
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert host.window.close() is (closing == "closes")
    assert len(asked) == 1 and "1" in asked[0]
    assert (LONG.strip() in (stored(db_path)[0] or "")) is (saving == "saved")


def test_typing_into_a_field_and_closing_at_once_is_still_saved(keys, host, db_path):
    opening = host.window.workspace.meeting.details.opening
    opening.moveCursor(opening.textCursor().MoveOperation.End)
    keys.type(opening, " ปิดทันที")
    assert host.window.close()
    assert stored(db_path)[0] == "เปิดประชุมเวลา 09.30 น. ปิดทันที"


def test_storage_failures_are_told_apart_from_other_database_errors(tmp_path):
    con = sqlite3.connect(tmp_path / "x.db")
    con.execute("CREATE TABLE t (x UNIQUE)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError) as full:
        con.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    with pytest.raises(sqlite3.IntegrityError) as duplicate:
        con.execute("INSERT INTO t VALUES (1)")
    con.close()
    assert storage_failure(full.value) == FULL
    assert storage_failure(OperationalError("COMMIT", {}, full.value)) == FULL
    assert storage_failure(IntegrityError("INSERT", {}, duplicate.value)) is None
    assert storage_failure(sqlite3.OperationalError("attempt to write a readonly database")) == (
        READONLY
    )
    assert storage_failure(sqlite3.OperationalError("disk I/O error")) == DISK_ERROR
    assert storage_failure(sqlite3.OperationalError("database is locked")) == BUSY
    assert storage_failure(OSError(errno.ENOSPC, "No space left on device")) == FULL
    assert storage_failure(sqlite3.OperationalError("no such table: x")) is None
    assert storage_failure(ValueError("x")) is None


def test_an_export_to_a_full_disk_says_so_and_leaves_no_half_file(
    tmp_path, db, meeting, monkeypatch
):
    from docx.document import Document

    from desktop.exports.minutes_docx import export_minutes

    def no_space(_document, _path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Document, "save", no_space)
    target = tmp_path / "out" / "minutes.docx"
    target.parent.mkdir()
    with db.session() as session, pytest.raises(PrachumError) as refused:
        export_minutes(session, meeting["meeting"], target)
    assert "ดิสก์เต็ม" in refused.value.thai
    assert list(target.parent.iterdir()) == []
