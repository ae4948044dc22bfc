"""The server stops in the middle of the meeting: she keeps typing and ticking in the real
window, is told once in the status bar, and finds everything stored when it is back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.journal import Journal, ServerUnreachable, UserAction, journal_path
from desktop.core.server import ServerAddress
from desktop.core.services.agenda_view import VoteRow, read_agenda
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


def _on_its_item(start, url: str):
    """The app started on the server, the meeting's agenda shown on its item."""
    meeting = _meeting(url)
    host = start(url)
    host.workspace.open_meeting(meeting.id)
    tools = host.workspace.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    agenda.choose(meeting.item)
    return meeting, host.workspace.store, agenda


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


def test_a_vote_given_while_the_server_is_stopped_is_stored_when_it_is_back(
    qtbot, own_server, start, message_boxes, keys
):
    meeting, store, agenda = _on_its_item(start, own_server.url)
    vote = agenda.editor.vote

    own_server.cluster.stop()
    for field, count in ((vote.votes_for, "3"), (vote.votes_against, "1")):
        field.setFocus()
        keys.type(field, count)
        keys.press(field, Qt.Key.Key_Tab)  # the count is stored as she leaves it
    qtbot.waitUntil(lambda: store.offline, timeout=10_000)
    assert message_boxes.shown == []
    journal = Journal.load(store.server_away.path)
    assert journal is not None and len(journal) == 1  # one vote, edited twice
    assert vote.stored_vote == VoteRow(votes_for=3, votes_against=1)  # not put back

    own_server.cluster.start()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)
    database = open_database(own_server.url)
    try:
        with database.session() as s:
            node = read_agenda(s, meeting.id).find(meeting.item)
    finally:
        database.close()
    assert node is not None and node.vote == VoteRow(votes_for=3, votes_against=1)
    assert message_boxes.shown == []


def test_text_another_person_stored_meanwhile_is_shown_beside_hers(  # noqa: PLR0917
    qtbot, own_server, start, message_boxes, keys, monkeypatch
):
    """The network between her and the server dropped, the others kept working: her body
    typed meanwhile meets theirs when it is stored, and she chooses, as in any conflict."""
    meeting, store, agenda = _on_its_item(start, own_server.url)
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


ROOT = Path(__file__).resolve().parents[2]
GRACE = 1.0  # what was typed this long before the kill must be kept
TYPED = "ที่ประชุมรับทราบรายงานผลการดำเนินงานของเครือข่ายประจำไตรมาสและมอบหมายงานต่อ" * 4
"""Longer than the driver types before the kill: it is typing and ticking when killed."""


def _events(path: Path) -> list[dict]:
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            break  # a line torn by the kill
    return events


def _wait_for(condition, what: str, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"{what} did not happen in time")
        time.sleep(0.02)


def test_a_journal_left_by_a_killed_app_is_offered_and_stored_at_the_next_start(
    own_server, start, message_boxes, data_folder, tmp_path
):
    """The server goes away, she types and ticks on, and the app dies (a kill, a flat
    battery) before the server is back: the next start offers what it kept, and stores it."""
    meeting = _meeting(own_server.url)
    events_path = tmp_path / "events.jsonl"
    script = tmp_path / "script.json"
    script.write_text(
        json.dumps(
            {
                "journal": str(events_path),
                "meeting_id": meeting.id,
                "field": "body",
                "text": TYPED,
                "pace_ms": 40,
                "toggle_every": 5,
            }
        ),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(data_folder),
    }
    with (tmp_path / "app.log").open("wb") as log:
        app = subprocess.Popen(
            [sys.executable, "-m", "tests.tools.window_driver", str(script), own_server.url],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(lambda: bool(_events(events_path)), "the app's start")
        time.sleep(0.8)  # typing and ticking with the server there
        own_server.cluster.stop()
        stopped_at = time.monotonic()
        journals = data_folder / "Prachum" / "journals"
        _wait_for(lambda: any(journals.glob("*.json")), "the journal's first entry")
        time.sleep(max(0.0, stopped_at + 2.0 - time.monotonic()))  # and on, with it gone
        killed_at = time.monotonic()
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    events = _events(events_path)
    assert events[-1]["event"] != "done", "the driver finished before the kill"
    assert events[0]["event"] == "ready", (tmp_path / "app.log").read_text(errors="replace")
    left = Journal.load(next(journals.glob("*.json")))
    assert left is not None and len(left) > 0
    toggled_away = [e for e in events if e["event"] == "toggle" and e["t"] > stopped_at]
    assert toggled_away, (
        "no tick was made while the server was away: "
        + str([(e["event"], round(e["t"] - stopped_at, 2)) for e in events[-12:]])
        + (tmp_path / "app.log").read_text(errors="replace")[-3000:]
        + (data_folder / "Prachum" / "prachum.log").read_text(errors="replace")[-3000:]
    )

    own_server.cluster.start()
    start(own_server.url)
    assert message_boxes.kinds() == ["question"]  # offered, and she said yes
    cut = killed_at - GRACE
    due = max(e["count"] for e in events if e["event"] == "typed" and e["t"] <= cut)
    typed = max(e["count"] for e in events if e["event"] == "typed")
    body, statuses = _stored(own_server.url, meeting)
    assert body in {normalize_optional(TYPED[:k]) or "" for k in range(due, typed + 1)}, (
        f"typed {due} characters up to a second before the kill; stored {len(body)}"
    )
    assert len(body) > _typed_by(events, stopped_at)  # more than the server had
    toggles = [e for e in events if e["event"] == "toggle"]
    for line in {e["attendance_id"] for e in toggles}:
        mine = [e for e in toggles if e["attendance_id"] == line]
        due_ticks = [e for e in mine if e["t"] <= cut]
        if due_ticks:
            allowed = {due_ticks[-1]["status"]} | {e["status"] for e in mine if e["t"] > cut}
            assert statuses[line] in allowed, f"attendance line {line} lost a tick"
    assert not any(journals.glob("*.json")), "the journal is gone once stored"


def _typed_by(events: list[dict], moment: float) -> int:
    """How many characters had been typed at `moment` (the server stopped then)."""
    return max(
        (e["count"] for e in events if e["event"] == "typed" and e["t"] <= moment), default=0
    )


def test_a_view_that_cannot_read_says_so_in_the_status_bar_not_in_a_box(
    qtbot, own_server, start, message_boxes, reporter
):
    """A tick committed just before the server went, and the list read again after it: no
    message box stops her; the status bar says the server is away, until it is back."""
    meeting = _meeting(own_server.url)
    host = start(own_server.url)
    store = host.workspace.store
    own_server.cluster.stop()
    with pytest.raises(ServerUnreachable) as gone:
        store.read(lambda s: attendance_rows(s, meeting.id))
    reporter.handle_exception(ServerUnreachable, gone.value, None)  # as a slot's would be
    assert message_boxes.shown == []
    assert host.trouble is not None and host.trouble.isVisible()
    own_server.cluster.start()
    qtbot.waitUntil(lambda: not host.trouble.isVisible(), timeout=BACK_WITHIN_MS)
    assert len(store.read(lambda s: attendance_rows(s, meeting.id))) == len(PEOPLE)


def test_the_meetings_text_changed_meanwhile_is_shown_under_its_field(
    qtbot, own_server, start, keys, monkeypatch
):
    """The same for the meeting's details: her opening text typed while away meets the
    one another person stored; it is shown under the field, and hers stays in it."""
    meeting = _meeting(own_server.url)
    host = start(own_server.url)
    workspace = host.workspace
    store = workspace.store
    workspace.open_meeting(meeting.id)
    workspace.show_details()
    details = workspace.meeting.details
    details.opening.setFocus()
    tries_again = ServerAway.try_again
    monkeypatch.setattr(ServerAway, "try_again", lambda _self: None)
    own_server.cluster.stop()
    keys.type(details.opening, "ประธานกล่าวเปิดประชุม")
    flush_pending()
    assert store.offline
    own_server.cluster.start()
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.update_meeting(s, meeting.id, opening="เลขานุการกล่าวเปิดประชุม")
    finally:
        other.close()
    monkeypatch.setattr(ServerAway, "try_again", tries_again)
    store.server_away.try_again()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)
    assert details.versions.is_open("opening")
    assert details.opening.toPlainText() == "ประธานกล่าวเปิดประชุม"


def test_her_refused_text_is_given_back_in_words_when_no_form_has_it_open(
    own_server, start, message_boxes
):
    """A journal stored at the next start meets text another person changed meanwhile; no
    form has it open, so the message gives back all of hers: the meeting's opening and the
    item's points too, not only an item's single text."""
    from desktop.core.db_file import data_folder
    from desktop.core.services.agenda_restore import set_item_field

    meeting = _meeting(own_server.url)
    mine_opening = "ประธานกล่าวเปิดประชุมตามระเบียบ"
    mine_points = ["ให้เลขานุการแจ้งสมาชิก", "ให้รายงานในการประชุมครั้งหน้า"]
    journal = Journal(
        journal_path(data_folder(), ServerAddress(own_server.url).url_without_password())
    )
    journal.add(
        UserAction.of(
            services.update_meeting,
            meeting.id,
            version=1,
            base={"opening": ""},
            opening=mine_opening,
        )
    )
    journal.add(
        UserAction.of(set_item_field, meeting.item, "points", value=mine_points, version=1, base=[])
    )
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.update_meeting(s, meeting.id, opening="เลขานุการกล่าวเปิดประชุม")
            services.set_resolution_points(s, meeting.item, ["รับทราบ"])
    finally:
        other.close()

    start(own_server.url)

    warnings = [text for kind, _title, text in message_boxes.shown if kind == "warning"]
    assert len(warnings) == 1
    assert mine_opening in warnings[0]
    assert "\n".join(mine_points) in warnings[0]


def test_what_others_stored_meanwhile_shows_once_hers_is_stored(
    qtbot, own_server, start, keys, monkeypatch
):
    """Others' changes heard while her journal waits are held back, then shown as theirs
    once hers is stored: the item another person added meanwhile appears in her agenda."""
    meeting, store, agenda = _on_its_item(start, own_server.url)
    body = agenda.editor.body
    body.setFocus()
    tries_again = ServerAway.try_again
    monkeypatch.setattr(ServerAway, "try_again", lambda _self: None)
    own_server.cluster.stop()
    keys.type(body, WHILE_AWAY)
    flush_pending()
    assert store.offline
    own_server.cluster.start()
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.add_agenda_item(s, meeting.id, title="เรื่องเพื่อทราบ")
    finally:
        other.close()
    # Her window hears the server again (and what was stored) while hers still waits.
    qtbot.waitUntil(lambda: bool(store.server_away.held), timeout=BACK_WITHIN_MS)
    assert len(agenda.model.ordered_ids()) == 1
    monkeypatch.setattr(ServerAway, "try_again", tries_again)
    store.server_away.try_again()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)

    qtbot.waitUntil(lambda: len(agenda.model.ordered_ids()) == 2, timeout=5_000)
    assert body.toPlainText() == WHILE_AWAY
    assert _stored(own_server.url, meeting)[0] == WHILE_AWAY


def test_undo_of_text_kept_while_away_leaves_another_persons_later_text(
    qtbot, own_server, start, keys
):
    """Her body typed while the server was away is stored when it is back; another person
    then changes it. Her undo takes back only her own edit: here it says so and changes
    nothing, although the edit kept in the journal never learnt its version."""
    meeting, store, agenda = _on_its_item(start, own_server.url)
    body = agenda.editor.body
    body.setFocus()
    own_server.cluster.stop()
    keys.type(body, WHILE_AWAY)
    flush_pending()
    assert store.offline
    own_server.cluster.start()
    qtbot.waitUntil(lambda: not store.offline, timeout=BACK_WITHIN_MS)
    assert _stored(own_server.url, meeting)[0] == WHILE_AWAY
    theirs = "ที่ประชุมมีมติเห็นชอบ"
    other = open_database(own_server.url)
    try:
        with other.session() as s:
            services.update_agenda_item(s, meeting.item, body=theirs)
    finally:
        other.close()

    agenda.stack.undo()

    assert _stored(own_server.url, meeting)[0] == theirs
