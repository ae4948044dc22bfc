"""Two windows on one server: what another computer stores shows up in hers, in place,
without touching what she is typing."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.services.views import attendance_rows
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.main_window import MainWindow

SHOWN_WITHIN_MS = 10_000


@pytest.fixture
def other_computer(pg_url):
    database = open_database(pg_url)
    yield database
    database.close()


@pytest.fixture
def her_window(qtbot, pg_url, reporter):
    database = open_database(pg_url)
    window = MainWindow.on(AppSettings(), Store(database, reporter))
    qtbot.addWidget(window)
    window.show()
    assert window.workspace.store.hear_others()
    qtbot.waitUntil(database.listener.listening.is_set, timeout=SHOWN_WITHIN_MS)
    yield window
    window.close()
    database.close()


def _meeting(db) -> int:
    with db.session() as s:
        meeting = services.create_meeting(s, title="ประชุมสามัญ", date=date(2026, 7, 1))
        for given in ("สมชาย", "สมศรี"):
            person = services.create_person(s, honorific="นาย", given_name=given)
            services.add_attendee(s, meeting.id, person.id)
        services.add_agenda_item(s, meeting.id, title="เรื่องที่ประธานแจ้ง")
        return meeting.id


def test_a_tick_at_the_door_shows_in_her_attendance(qtbot, her_window, other_computer):
    window = her_window
    meeting_id = _meeting(other_computer)
    window.workspace.open_meeting(meeting_id)
    window.workspace.show_attendance()
    model = window.workspace.meeting.attendance.model
    before = [line.status for line in model.rows]
    with other_computer.session() as s:
        line = attendance_rows(s, meeting_id)[0]
        services.toggle_attendance(s, line.id)
    qtbot.waitUntil(lambda: [line.status for line in model.rows] != before, timeout=SHOWN_WITHIN_MS)


def test_another_item_shows_in_her_agenda_while_her_typing_stays(qtbot, her_window, other_computer):
    window = her_window
    meeting_id = _meeting(other_computer)
    window.workspace.open_meeting(meeting_id)
    tools = window.workspace.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    first = next(iter(agenda.view.walk()))
    agenda.choose(first.id)
    body = agenda.editor.body
    body.setFocus()
    body.insertPlainText("ประธานแจ้งว่า")  # not stored yet: the pause has not passed
    with other_computer.session() as s:
        services.add_agenda_item(s, meeting_id, title="เรื่องเพื่อทราบ")
    qtbot.waitUntil(lambda: len(list(agenda.view.walk())) == 2, timeout=SHOWN_WITHIN_MS)
    assert body.toPlainText() == "ประธานแจ้งว่า"
    assert agenda.editor.node is not None and agenda.editor.node.id == first.id


def test_a_new_title_from_another_computer_shows_in_the_heading(qtbot, her_window, other_computer):
    window = her_window
    meeting_id = _meeting(other_computer)
    window.workspace.open_meeting(meeting_id)
    with other_computer.session() as s:
        services.update_meeting(s, meeting_id, title="ประชุมสามัญ สมัยที่ ๒")
    qtbot.waitUntil(
        lambda: window.workspace.meeting.heading.text() == "ประชุมสามัญ สมัยที่ ๒",
        timeout=SHOWN_WITHIN_MS,
    )


def test_a_meeting_deleted_elsewhere_leaves_her_window_standing(qtbot, her_window, other_computer):
    window = her_window
    meeting_id = _meeting(other_computer)
    window.workspace.open_meeting(meeting_id)
    with other_computer.session() as s:
        services.delete_meeting(s, meeting_id)
    qtbot.waitUntil(lambda: window.workspace.meeting.meeting_id is None, timeout=SHOWN_WITHIN_MS)
    assert meeting_id not in window.workspace.navigator.listed_meeting_ids()
