"""Never overwrite silently, in the window: two windows on one database, the same text.

The second writer's edit is refused by the database; her window keeps what she typed,
shows the first writer's text beside it (who and when), and she keeps hers, takes
theirs, or merges by hand. Undo undoes only her own edits.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from sqlalchemy import text
from ui.test_agenda_data import settle

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Action, Meeting
from desktop.core.services.agenda_view import read_agenda
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.startup import open_for_writing
from desktop.ui.widgets.conflicts import ConflictPanel


def _meeting(target) -> tuple[int, int]:
    database = open_database(target)
    try:
        with database.session() as s:
            meeting = services.create_meeting(s, title="ประชุมสามัญ", date=date(2026, 7, 1))
            item = services.add_agenda_item(s, meeting.id, title="เรื่องงบประมาณ")
            return meeting.id, item.id
    finally:
        database.close()


def _on_item(qtbot, open_window, target, meeting_id: int, item_id: int):
    window = open_window(target)
    assert window.workspace.navigator.select_meeting(meeting_id)
    window.workspace.minutes_tools.show_agenda()
    agenda = window.workspace.minutes_tools.agenda
    qtbot.waitUntil(lambda: agenda.meeting_id == meeting_id, timeout=5000)
    agenda.choose(item_id)
    return window, agenda


def _type_and_pause(keys, agenda, field: str, text: str) -> None:
    widget = agenda.editor.savers[field].field
    widget.setFocus()
    if isinstance(widget, QPlainTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)  # she types on after her text
    else:
        widget.end(False)
    keys.type(widget, text)
    agenda.editor.savers[field].flush()  # the pause that stores it


def _stored(target, meeting_id: int, item_id: int):
    database = open_database(target)
    try:
        with database.reading() as s:
            return read_agenda(s, meeting_id).find(item_id)
    finally:
        database.close()


def test_the_same_body_in_two_windows_ends_with_the_second_shown_the_first_and_nothing_lost(
    qtbot, keys, open_window, pg_url, message_boxes
):
    meeting_id, item_id = _meeting(pg_url)
    _first_window, first = _on_item(qtbot, open_window, pg_url, meeting_id, item_id)
    _second_window, second = _on_item(qtbot, open_window, pg_url, meeting_id, item_id)

    _type_and_pause(keys, first, "body", "สมชายจดว่าที่ประชุมอนุมัติงบ")
    _type_and_pause(keys, second, "body", "สมศรีจดว่าให้แก้ไขก่อน")

    # The second writer: refused, her text still in her field, theirs beside it.
    assert _stored(pg_url, meeting_id, item_id).body == "สมชายจดว่าที่ประชุมอนุมัติงบ"
    panel = second.editor.conflicts["body"]
    assert isinstance(panel, ConflictPanel) and panel.isVisible()
    assert panel.theirs.toPlainText() == "สมชายจดว่าที่ประชุมอนุมัติงบ"
    assert panel.conflict.who  # the database user who stored it
    assert panel.conflict.who in panel.heading.text()
    assert "น." in panel.heading.text()  # and when, as a Thai clock says it
    assert second.editor.body.toPlainText() == "สมศรีจดว่าให้แก้ไขก่อน"
    assert message_boxes.shown == []  # beside her text, not a box in her way

    # Typing on while undecided stores nothing over theirs.
    keys.type(second.editor.body, " ด่วน")
    second.editor.savers["body"].flush()
    assert _stored(pg_url, meeting_id, item_id).body == "สมชายจดว่าที่ประชุมอนุมัติงบ"

    # She merges by hand: both texts in her field, and what she makes of them is stored.
    panel.merge_button.click()
    assert "body" not in second.editor.conflicts
    merged = second.editor.body.toPlainText()
    assert merged == "สมศรีจดว่าให้แก้ไขก่อน ด่วน\nสมชายจดว่าที่ประชุมอนุมัติงบ"
    second.editor.savers["body"].flush()
    assert _stored(pg_url, meeting_id, item_id).body == merged

    # The first writer, in turn, is not allowed to overwrite the merge unseen.
    _type_and_pause(keys, first, "body", " (แก้)")
    assert "body" in first.editor.conflicts
    assert _stored(pg_url, meeting_id, item_id).body == merged
    first.editor.conflicts["body"].take_button.click()
    assert first.editor.body.toPlainText() == merged
    settle(qtbot)


@pytest.mark.parametrize("choice", ["keep", "take"])
def test_keep_mine_stores_hers_over_theirs_and_take_theirs_drops_hers(
    qtbot, keys, open_window, db_path, choice
):
    meeting_id, item_id = _meeting(db_path)
    _window, agenda = _on_item(qtbot, open_window, db_path, meeting_id, item_id)
    other = open_database(db_path)
    try:
        with other.session() as s:
            services.update_agenda_item(s, item_id, resolution="อนุมัติตามเสนอ", version=1)
    finally:
        other.close()
    _type_and_pause(keys, agenda, "resolution", "รับทราบ")
    panel = agenda.editor.conflicts["resolution"]
    (panel.keep_button if choice == "keep" else panel.take_button).click()
    expected = "รับทราบ" if choice == "keep" else "อนุมัติตามเสนอ"
    assert _stored(db_path, meeting_id, item_id).resolution == expected
    assert agenda.editor.resolution.toPlainText() == expected
    assert not agenda.editor.conflicts
    # Her next edit goes on from there, with no conflict.
    _type_and_pause(keys, agenda, "resolution", " ทุกประการ")
    assert _stored(db_path, meeting_id, item_id).resolution == f"{expected} ทุกประการ"
    settle(qtbot)


def test_a_conflict_left_undecided_waits_on_its_item(qtbot, keys, open_window, db_path):
    meeting_id, item_id = _meeting(db_path)
    database = open_database(db_path)
    with database.session() as s:
        other_item = services.add_agenda_item(s, meeting_id, title="เรื่องอื่น").id
    _window, agenda = _on_item(qtbot, open_window, db_path, meeting_id, item_id)
    with database.session() as s:
        services.update_agenda_item(s, item_id, title="ชื่อของเขา", version=1)
    database.close()
    _type_and_pause(keys, agenda, "title", " ของฉัน")
    assert "title" in agenda.editor.conflicts
    agenda.choose(other_item)
    assert not agenda.editor.conflicts
    agenda.choose(item_id)
    assert agenda.editor.title.text() == "เรื่องงบประมาณ ของฉัน"
    assert agenda.editor.conflicts["title"].theirs.toPlainText() == "ชื่อของเขา"
    settle(qtbot)


def test_undo_undoes_only_her_own_edit(qtbot, keys, open_window, db_path):
    meeting_id, item_id = _meeting(db_path)
    window, agenda = _on_item(qtbot, open_window, db_path, meeting_id, item_id)
    told: list[str] = []
    agenda.told.connect(told.append)
    _type_and_pause(keys, agenda, "body", "ข้อความของฉัน")
    _type_and_pause(keys, agenda, "resolution", "มติของฉัน")

    other = open_database(db_path)
    try:
        with other.session() as s:  # another person rewrites what was said, not the resolution
            services.update_agenda_item(s, item_id, body="ข้อความของเขา")
    finally:
        other.close()

    undo = window.commands[ActionId.UNDO]
    undo.trigger()  # the resolution: hers alone, so it goes back
    assert _stored(db_path, meeting_id, item_id).resolution == ""
    assert not told
    undo.trigger()  # what was said: changed by him since, so nothing changes
    stored = _stored(db_path, meeting_id, item_id)
    assert stored.body == "ข้อความของเขา"
    assert told and "ไม่ได้ย้อน" in told[-1]
    assert not agenda.stack.canUndo()  # the refused step is dropped, not tried again
    settle(qtbot)


def test_the_meetings_details_keep_her_text_against_anothers_too(
    qtbot, keys, open_window, db_path, message_boxes
):
    meeting_id, _item_id = _meeting(db_path)
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(meeting_id)
    window.workspace.show_details()
    details = window.workspace.meeting.details
    other = open_database(db_path)
    try:
        with other.session() as s:  # he sets the room, while her form shows none
            services.update_meeting(s, meeting_id, venue="ห้องประชุมสภา", version=1)
    finally:
        other.close()
    details.venue.setFocus()
    keys.type(details.venue, "ห้องประชุมเล็ก")
    details.venue_saver.flush()

    panel = details.versions.panels["venue"]
    assert panel.isVisible() and panel.theirs.toPlainText() == "ห้องประชุมสภา"
    assert details.venue.text() == "ห้องประชุมเล็ก"
    assert message_boxes.shown == []
    # A choice meanwhile is stored (last one wins) and leaves her text and the panel be.
    details.number.setValue(7)
    assert details.venue.text() == "ห้องประชุมเล็ก" and details.versions.is_open("venue")

    panel.keep_button.click()
    database = open_database(db_path)
    try:
        with database.reading() as s:
            stored = s.get(Meeting, meeting_id)
            assert (stored.venue, stored.number) == ("ห้องประชุมเล็ก", 7)
    finally:
        database.close()
    # Her next edit of the title, untouched by him, needs no choice.
    details.title.setFocus()
    details.title.end(False)
    keys.type(details.title, " ครั้งพิเศษ")
    details.title_saver.flush()
    assert not details.versions.panels
    settle(qtbot)


def test_each_item_shows_who_else_has_it_open_for_writing(qtbot, open_window, pg_url):
    meeting_id, item_id = _meeting(pg_url)
    database = open_database(pg_url)
    with database.session() as s:
        other_item = services.add_agenda_item(s, meeting_id, title="เรื่องอื่น").id
        who = s.execute(text("SELECT current_user")).scalar_one()
    database.close()
    first_window, first = _on_item(qtbot, open_window, pg_url, meeting_id, item_id)
    second_window, second = _on_item(qtbot, open_window, pg_url, meeting_id, item_id)
    for window in (first_window, second_window):
        assert window.workspace.store.hear_others()
        qtbot.waitUntil(window.workspace.store.database.listener.listening.is_set, timeout=10_000)
    for page in (first, second):
        page.presence.announce(again=True)  # the heartbeat, now rather than in 15 s

    label = second.editor.presence
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert label.text() == f"{who} กำลังแก้ไข"
    # Each window hears the other's word in its own time: the second hearing the first
    # says nothing yet of the first hearing the second.
    qtbot.waitUntil(first.editor.presence.isVisible, timeout=10_000)
    assert first.editor.presence.text() == f"{who} กำลังแก้ไข"
    row = second.model.index_of(item_id)
    assert row.data().endswith("✎")  # in the tree, too
    assert f"{who} กำลังแก้ไข" in row.data(Qt.ItemDataRole.ToolTipRole)

    first.choose(other_item)  # she moves on: the item is his alone
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
    assert not second.model.index_of(item_id).data().endswith("✎")
    assert second.model.index_of(other_item).data().endswith("✎")
    second.choose(other_item)
    assert second.editor.presence.isVisible()
    settle(qtbot)


def test_an_actions_text_is_guarded_and_its_done_box_is_last_one_wins(
    qtbot, keys, open_window, db_path, message_boxes
):
    meeting_id, item_id = _meeting(db_path)
    database = open_database(db_path)
    with database.session() as s:
        action_id = services.add_action(s, item_id, text="จัดทำรายงาน").id
    window, agenda = _on_item(qtbot, open_window, db_path, meeting_id, item_id)
    actions = agenda.editor.actions_editor
    actions.choose(action_id)
    with database.session() as s:
        services.update_action(s, action_id, text="จัดทำรายงานเสนอนายก", version=1)
        services.update_action(s, action_id, done=True)  # he ticks it off

    actions.text.setFocus()
    actions.text.end(False)
    keys.type(actions.text, "ภายในเดือนนี้")
    actions.text_saver.flush()
    panel = actions.versions.panels["text"]
    assert panel.theirs.toPlainText() == "จัดทำรายงานเสนอนายก"
    assert actions.text.text() == "จัดทำรายงานภายในเดือนนี้"
    panel.merge_button.click()
    actions.text_saver.flush()
    with database.reading() as s:
        stored = s.get(Action, action_id)
        assert stored.text == "จัดทำรายงานภายในเดือนนี้ จัดทำรายงานเสนอนายก"

    # She unticks it, on a form that showed it not done: no question, the last tick stands.
    actions.done.setChecked(True)
    actions.done.setChecked(False)
    with database.reading() as s:
        assert s.get(Action, action_id).done is False
    assert message_boxes.shown == []

    # Undo of her merged text, after he changed it again: nothing changes, she is told.
    with database.session() as s:
        services.update_action(s, action_id, text="ข้อความสุดท้ายของเขา")
    told: list[str] = []
    agenda.told.connect(told.append)
    undo = window.commands[ActionId.UNDO]
    while agenda.stack.canUndo() and not told:
        undo.trigger()
    with database.reading() as s:
        assert s.get(Action, action_id).text == "ข้อความสุดท้ายของเขา"
    assert told and "ไม่ได้ย้อน" in told[-1]
    database.close()
    settle(qtbot)


def test_the_points_are_guarded_as_one_text_of_their_item(qtbot, keys, open_window, db_path):
    meeting_id, item_id = _meeting(db_path)
    _window, agenda = _on_item(qtbot, open_window, db_path, meeting_id, item_id)
    other = open_database(db_path)
    try:
        with other.session() as s:
            services.set_resolution_points(s, item_id, ["ข้อหนึ่งของเขา", "ข้อสองของเขา"], version=1)
    finally:
        other.close()
    _type_and_pause(keys, agenda, "points", "ข้อของฉัน")
    panel = agenda.editor.conflicts["points"]
    assert panel.theirs.toPlainText() == "ข้อหนึ่งของเขา\nข้อสองของเขา"
    assert _stored(db_path, meeting_id, item_id).points == ("ข้อหนึ่งของเขา", "ข้อสองของเขา")
    panel.keep_button.click()
    assert _stored(db_path, meeting_id, item_id).points == ("ข้อของฉัน",)
    settle(qtbot)


@pytest.mark.parametrize(
    "answer", [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
)
def test_closing_with_text_waiting_for_her_choice_asks_first(
    qtbot, reporter, db_path, monkeypatch, answer
):
    """Text refused because someone stored the field first is hers alone until she
    chooses: closing the window does not lose it without a word."""
    meeting_id, _item_id = _meeting(db_path)
    made = AppHost(open_for_writing(db_path), AppSettings(), reporter)
    window = made.show()
    qtbot.addWidget(window)
    try:
        window.workspace.open_meeting(meeting_id)
        window.workspace.show_details()
        other = open_database(db_path)
        with other.session() as s:
            services.update_meeting(s, meeting_id, version=1, opening="ของเขา")
        other.close()
        opening = window.workspace.meeting.details.opening
        opening.setFocus()
        opening.insertPlainText("ของฉัน")
        window.workspace.meeting.details.opening_saver.flush()
        assert window.workspace.meeting.details.versions.panels
        asked = []

        def question(_parent, _title, text, *_args, **_kwargs):
            asked.append(text)
            return answer

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        assert window.close() is (answer == QMessageBox.StandardButton.Discard)
        assert len(asked) == 1 and "1" in asked[0]
    finally:
        answer = QMessageBox.StandardButton.Discard  # the test's end closes it either way
        window.close()
        made.close()
