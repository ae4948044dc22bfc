"""One open meeting for every page: its id, its status, and whether she may change it."""

from __future__ import annotations

from datetime import date

from desktop.core import services
from desktop.core.codes import MeetingStatus
from desktop.core.db import open_database
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.meeting.context import may_edit
from desktop.ui.shell.main_window import MainWindow


def _draft(db_path) -> int:
    database = open_database(db_path)
    with database.session() as s:
        meeting_id = services.create_meeting(s, title="ประชุมสามัญ", date=date(2026, 8, 1)).id
    database.close()
    return meeting_id


def test_the_rule_is_a_draft_in_a_database_this_copy_may_write():
    assert may_edit(MeetingStatus.DRAFT, read_only=False)
    assert not may_edit(MeetingStatus.FINAL, read_only=False)
    assert not may_edit(MeetingStatus.DRAFT, read_only=True)
    assert not may_edit(None, read_only=False)


def test_every_page_reads_the_same_open_meeting(qtbot, open_window, db_path):
    meeting_id = _draft(db_path)
    window = open_window(db_path)
    window.workspace.open_meeting(meeting_id)
    context = window.workspace.meeting.context
    assert context.meeting_id == meeting_id and context.editable
    assert window.workspace.meeting.attendance.meeting_id == meeting_id
    assert window.workspace.minutes_tools.agenda.meeting_id == meeting_id
    assert window.workspace.meeting.details.title.isEnabled()
    with qtbot.waitSignal(context.status_changed, timeout=3000):
        window.workspace.store.change(lambda s: services.finalise_meeting(s, meeting_id))
    assert context.status == MeetingStatus.FINAL and not context.editable


def test_a_read_only_database_opens_nothing_to_type_into(qtbot, reporter, db_path):
    meeting_id = _draft(db_path)
    database = open_database(db_path, readonly=True)
    window = MainWindow.on(AppSettings(), Store(database, reporter))
    qtbot.addWidget(window)
    try:
        window.workspace.open_meeting(meeting_id)
        assert not window.workspace.meeting.context.editable
        assert not window.workspace.meeting.details.title.isEnabled()
        assert not window.workspace.meeting.attendance.copy_button.isEnabled()
        assert not window.workspace.minutes_tools.agenda.editable
    finally:
        window.close()
        database.close()
