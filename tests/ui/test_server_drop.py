"""The server stops in the middle of the meeting: she keeps typing and ticking in the real
window, is told once in the status bar, and finds everything stored when it is back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.journal import Journal
from desktop.core.server import ServerAddress
from desktop.core.services.views import attendance_rows
from desktop.core.thai import normalize_optional
from desktop.ui.base import worker
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.server_away import ServerAway
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.app import AppHost

BACK_WITHIN_MS = 30_000
PEOPLE = ["สมชาย", "มาลี", "วิไล", "กมล"]
BEFORE = "ประธานแจ้งว่า "
WHILE_AWAY = "ที่ประชุมรับทราบรายงานผลการดำเนินงาน"
AFTER_TICKS = " และมอบหมายให้เลขานุการติดตาม"


class Choices:
    """Her answers at start-up: none is expected on a server that answers."""

    def __getattr__(self, name):
        raise AssertionError(f"a start-up question was asked: {name}")


@dataclass
class Meeting:
    id: int
    item: int
    lines: list[int]


def _meeting(url: str) -> Meeting:
    database = open_database(url)
    try:
        with database.session() as s:
            meeting = services.create_meeting(s, title="ประชุมเครือข่าย", date=date(2026, 5, 1))
            item = services.add_agenda_item(s, meeting.id, title="เรื่องที่ประธานแจ้ง")
            for given in PEOPLE:
                person = services.create_person(s, honorific="นาย", given_name=given)
                services.add_attendee(s, meeting.id, person.id, status="present")
            lines = [line.id for line in attendance_rows(s, meeting.id)]
            return Meeting(meeting.id, item.id, lines)
    finally:
        database.close()


def _stored(url: str, meeting: Meeting) -> tuple[str, dict[int, str]]:
    """What the server holds, read by another computer."""
    database = open_database(url)
    try:
        with database.session() as s:
            from desktop.core.models import AgendaItem

            body = s.get(AgendaItem, meeting.item).body or ""
            statuses = {line.id: line.status for line in attendance_rows(s, meeting.id)}
            return body, statuses
    finally:
        database.close()


@pytest.fixture
def start(qtbot, reporter):
    """`start(url)`: the app started on a server's database, as she starts it."""
    hosts: list[AppHost] = []

    def begin(url: str) -> AppHost:
        host = AppHost(None, AppSettings(), reporter)
        hosts.append(host)
        host.show()
        qtbot.addWidget(host.window)
        outcome: list[str] = []
        host.ready.connect(lambda: outcome.append("ready"))
        host.gave_up.connect(lambda: outcome.append("gave up"))
        host.open_in_background(ServerAddress(url), Choices())
        qtbot.waitUntil(lambda: bool(outcome) and not host._backing_up, timeout=BACK_WITHIN_MS)
        assert outcome == ["ready"]
        return host

    yield begin
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    for host in hosts:
        if host.window is not None:
            host.window.close()
        host.close()


def _tick(qtbot, page, row: int) -> None:
    """The space bar on a line of the attendance table, as at the door."""
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)


@pytest.fixture(autouse=True)
def data_folder(monkeypatch, tmp_path):
    """Her data folder, where the journal is kept: the test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_she_types_and_ticks_while_the_server_is_stopped_and_nothing_is_lost(
    qtbot, own_server, start, message_boxes, keys
):
    meeting = _meeting(own_server.url)
    host = start(own_server.url)
    window = host.workspace
    store = window.store
    told: list[str] = []
    store.told.connect(told.append)
    window.open_meeting(meeting.id)
    tools = window.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    agenda.choose(meeting.item)
    body = agenda.editor.body
    body.setFocus()
    keys.type(body, BEFORE)
    flush_pending()
    assert _stored(own_server.url, meeting)[0] == normalize_optional(BEFORE)

    own_server.cluster.stop()  # pg_ctl stop -m fast: every session ends at once
    keys.type(body, WHILE_AWAY)
    qtbot.waitUntil(lambda: store.offline, timeout=10_000)  # the autosave found it gone
    window.show_attendance()
    page = window.meeting.attendance
    for row in (0, 2, 3):
        _tick(qtbot, page, row)
    _tick(qtbot, page, 3)  # and back: she ticked the wrong line
    assert [line.status for line in page.model.rows] == [
        "absent",
        "present",
        "absent",
        "present",
    ]
    tools.show_agenda()
    body.setFocus()
    keys.type(body, AFTER_TICKS)
    flush_pending()

    # Told once, in the status bar; no dialog stopped her typing.
    assert message_boxes.shown == []
    assert host.trouble is not None and host.trouble.isVisible()
    assert host.trouble.text() == store.trouble_text()
    # Everything is on her disk already: the journal holds it, in her order.
    journal = Journal.load(store.server_away.path)
    assert journal is not None
    assert [e.action.service.rsplit(".", 1)[1] for e in journal.entries] == [
        "set_item_field",
        "set_attendance_status",
        "set_attendance_status",
        "set_attendance_status",  # ticked and ticked back: one entry, the last
        "set_item_field",
    ]
    assert dict(journal.entries[-1].action.kwargs)["value"] == BEFORE + WHILE_AWAY + AFTER_TICKS

    own_server.cluster.start()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)
    body_stored, statuses = _stored(own_server.url, meeting)
    assert body_stored == normalize_optional(BEFORE + WHILE_AWAY + AFTER_TICKS)
    assert [statuses[line] for line in meeting.lines] == [
        "absent",
        "present",
        "absent",
        "present",
    ]
    assert len(told) == 1 and "5" in told[0]
    assert not host.trouble.isVisible()
    assert not store.server_away.path.exists()
    assert message_boxes.shown == []
    assert body.toPlainText() == BEFORE + WHILE_AWAY + AFTER_TICKS

    # The window hears the others again: the listener came back by itself.
    qtbot.waitUntil(store.database.listener.listening.is_set, timeout=BACK_WITHIN_MS)
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.set_attendance_status(s, meeting.lines[1], "absent")
    finally:
        other.close()
    qtbot.waitUntil(lambda: page.model.rows[1].status == "absent", timeout=BACK_WITHIN_MS)


def test_text_another_person_stored_meanwhile_is_shown_beside_hers(  # noqa: PLR0917
    qtbot, own_server, start, message_boxes, keys, monkeypatch
):
    """The network between her and the server dropped, the others kept working: her body
    typed meanwhile meets theirs when it is stored, and she chooses, as in any conflict."""
    meeting = _meeting(own_server.url)
    host = start(own_server.url)
    store = host.workspace.store
    host.workspace.open_meeting(meeting.id)
    tools = host.workspace.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    agenda.choose(meeting.item)
    body = agenda.editor.body
    body.setFocus()
    # Her window does not try again until the other person has stored theirs.
    tries_again = ServerAway.try_again
    monkeypatch.setattr(ServerAway, "try_again", lambda _self: None)
    own_server.cluster.stop()
    keys.type(body, "ที่ประชุมรับทราบ")
    flush_pending()
    assert store.offline
    own_server.cluster.start()
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.update_agenda_item(s, meeting.item, body="ที่ประชุมมีมติเห็นชอบ")
    finally:
        other.close()
    monkeypatch.setattr(ServerAway, "try_again", tries_again)
    store.server_away.try_again()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)

    assert "body" in agenda.editor.conflicts  # theirs beside hers: she chooses
    assert body.toPlainText() == "ที่ประชุมรับทราบ"
    assert _stored(own_server.url, meeting)[0] == "ที่ประชุมมีมติเห็นชอบ"
    assert message_boxes.shown == []
