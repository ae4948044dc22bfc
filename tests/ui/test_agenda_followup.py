"""Between meetings on the agenda tab: the follow-up item proposes the last meeting's
open actions, the confirm-minutes item certifies the last minutes, and finalised
minutes are read-only until reopened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.meeting.agenda.followup import CarryOverDialog
from desktop.ui.shell.actions import ActionId


def item(agenda, category: str):
    return next(n for n in agenda.view.items if n.category == category)


def test_the_follow_up_item_proposes_the_last_meetings_open_actions(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    follow_up = item(agenda, "follow_up")
    agenda.choose(follow_up.id)
    note = agenda.editor.note
    assert note.isVisible() and note.label.text().startswith("2 ")
    note.button.click()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CarryOverDialog) and w.isVisible()
    )
    texts = [row.text for row in dialog.model.rows]
    assert texts == ["จัดทำร่างคำสั่งคณะทำงาน", "แจ้งรายชื่อผู้แทน"]  # not the one done
    # She carries the first only.
    second = dialog.model.index(1)
    dialog.model.setData(second, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.accept()

    carried = agenda.read().find(follow_up.id).children
    assert [(c.number, c.title) for c in carried] == [("3.1", "จัดทำร่างคำสั่งคณะทำงาน")]
    (action,) = carried[0].actions
    assert action.carried_from_id == ids.open_action_ids[0]
    assert action.owner_organization_id == ids.host_id
    agenda.choose(follow_up.id)
    assert note.label.text().startswith("1 ")  # one still open, not carried

    window.commands[ActionId.UNDO].trigger()  # the carry-over is one step
    assert agenda.read().find(follow_up.id).children == ()
    settle(qtbot)


def test_the_confirm_minutes_item_certifies_the_earlier_meeting(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    confirm = item(agenda, "confirm_minutes")
    agenda.choose(confirm.id)
    note = agenda.editor.note
    assert "1/2567" in note.label.text()
    note.button.click()

    database = open_database(db_path)
    with database.session() as session:
        previous = services.load_meeting(session, ids.previous_id)
        assert (previous.status, previous.certified_by_id) == ("certified", ids.meeting_id)
    database.close()
    assert agenda.editor.resolution.toPlainText() == ("ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ 1/2567")
    assert not note.button.isVisible()  # said as done, nothing more to click
    settle(qtbot)


def test_a_quick_pick_writes_the_resolution(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(item(agenda, "for_information").id)
    quick = agenda.editor.quick
    quick.activated.emit(quick.findText("รับทราบ"))
    assert agenda.read().find(agenda.editor.node.id).resolution == "ที่ประชุมรับทราบ"
    settle(qtbot)


def test_finalised_minutes_are_read_only_until_reopened(
    qtbot, keys, open_window, db_path, message_boxes
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(item(agenda, "announcements").id)
    tools = window.workspace.minutes_tools
    window.commands[ActionId.FINALISE].trigger()
    # Items without a resolution: the checks are listed first, and she finalises anyway.
    checks = tools.finalising.checks_dialog
    assert checks is not None and checks.isVisible()
    checks.finalise_button.click()
    assert message_boxes.kinds() == []

    editor = agenda.editor
    for field in (editor.title, editor.body, editor.resolution, editor.points):
        assert field.isReadOnly()
    assert not editor.category.isEnabled() and not editor.quick.isEnabled()
    assert not any(b.isEnabled() for b in agenda.tool_buttons.values())
    assert not window.commands[ActionId.UNDO].isEnabled()
    assert not window.workspace.meeting.details.title.isEnabled()
    assert editor.note.isVisible()

    keys.type(editor.body, "แก้ไขหลังปิด")
    agenda.tree.setFocus()
    keys.press(agenda.tree, Qt.Key.Key_Delete)
    keys.press(agenda.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = agenda.read()
    assert view.status == "final" and view.items[0].body == "" and len(view.items) == 6

    window.commands[ActionId.REOPEN].trigger()
    assert not editor.body.isReadOnly() and window.workspace.meeting.details.title.isEnabled()
    assert not editor.note.isVisible()
    settle(qtbot)
