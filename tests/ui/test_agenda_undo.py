"""Undo and redo of the session's agenda edits: add, delete (with what was under the
item), move, indent, outdent and text, each back and forth."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core.db import open_database
from desktop.core.services.agenda_view import read_agenda
from desktop.ui.shell.actions import ActionId

CTRL = Qt.KeyboardModifier.ControlModifier


def outline(agenda) -> list[str]:
    """The agenda as stored: `number title` of every item in reading order."""
    view = agenda.read()
    return [f"{node.number} {node.title}" for node in view.walk()]


def test_undo_and_redo_of_every_kind_of_agenda_edit(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    stack = agenda.stack
    start = outline(agenda)
    assert start[:2] == ["1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "2 รับรองรายงานการประชุมครั้งที่แล้ว"]

    # Text: what was said under item 1, stored as she pauses.
    agenda.choose(agenda.view.items[0].id)
    keys.type(agenda.editor.body, "ประธานแจ้งเรื่องงบประมาณ")
    agenda.editor.savers["body"].flush()
    # A new item after item 1, titled, then moved down, indented under item 2 and out again.
    agenda.tree.setFocus()
    keys.press(agenda.tree, Qt.Key.Key_Return, CTRL)
    keys.type(agenda.editor.title, "เรื่องด่วน")
    agenda.focus_tree()
    assert outline(agenda)[1] == "2 เรื่องด่วน"
    agenda.move_item(1)
    assert outline(agenda)[2] == "3 เรื่องด่วน"
    keys.press(agenda.tree, Qt.Key.Key_Tab)
    assert outline(agenda)[2] == "2.1 เรื่องด่วน"
    keys.press(agenda.tree, Qt.Key.Key_Backtab)
    assert outline(agenda)[2] == "3 เรื่องด่วน"
    # Item 4 (the follow-up) deleted with the Delete key.
    agenda.choose(agenda.view.items[3].id)
    keys.press(agenda.tree, Qt.Key.Key_Delete)
    after_all = outline(agenda)
    assert "4 เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว" not in after_all
    assert stack.count() == 7  # body, add, title, move, indent, outdent, delete

    def undo(expected_outline=None):
        window.commands[ActionId.UNDO].trigger()
        if expected_outline is not None:
            assert outline(agenda) == expected_outline

    undo()  # the delete
    assert outline(agenda)[3] == "4 เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว"
    undo()  # outdent
    assert outline(agenda)[2] == "2.1 เรื่องด่วน"
    undo()  # indent
    assert outline(agenda)[2] == "3 เรื่องด่วน"
    undo()  # move
    assert outline(agenda)[1] == "2 เรื่องด่วน"
    undo()  # its title
    assert outline(agenda)[1] == "2 เรื่องใหม่"
    undo(start)  # the new item
    undo()  # what was said
    assert agenda.view.items[0].body == ""
    assert agenda.editor.body.toPlainText() == ""
    assert not stack.canUndo()

    for _ in range(7):
        window.commands[ActionId.REDO].trigger()
    assert outline(agenda) == after_all
    assert agenda.view.items[0].body == "ประธานแจ้งเรื่องงบประมาณ"
    settle(qtbot)


def test_a_deleted_item_comes_back_with_its_sub_items_points_and_actions(
    qtbot, open_window, db_path
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    consider = next(n for n in agenda.view.items if n.category == "for_consideration")
    agenda.choose(consider.id)
    agenda.new_sub_item()
    sub_id = agenda.editor.node.id
    agenda.store_field("points", [], ["ข้อหนึ่ง", "ข้อสอง"])
    agenda.add_action(
        {
            "text": "ส่งรายชื่อ",
            "owner_organization_id": ids.host_id,
            "owner_person_id": None,
            "due": None,
        }
    )
    before = outline(agenda)
    agenda.choose(consider.id)
    agenda.delete_item()
    assert len(outline(agenda)) == len(before) - 2

    window.commands[ActionId.UNDO].trigger()
    assert outline(agenda) == before
    back = next(n for n in agenda.view.walk() if n.title == "เรื่องใหม่")
    assert back.id != sub_id  # made again: a new row, found by the later commands
    assert back.points == ("ข้อหนึ่ง", "ข้อสอง")
    assert [(a.text, a.owner_organization_id) for a in back.actions] == [("ส่งรายชื่อ", ids.host_id)]
    # The edits made before the delete still undo on the item as it came back.
    window.commands[ActionId.UNDO].trigger()
    assert agenda.read().find(back.id).actions == ()
    window.commands[ActionId.UNDO].trigger()
    assert agenda.read().find(back.id).points == ()
    settle(qtbot)


def test_undo_is_per_meeting_and_each_edit_is_stored_at_once(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.new_item()
    assert agenda.stack.count() == 1
    window.workspace.navigator.select_meeting(ids.previous_id)
    assert agenda.meeting_id == ids.previous_id
    assert not window.commands[ActionId.UNDO].isEnabled()  # final: nothing to undo here
    window.workspace.navigator.select_meeting(ids.meeting_id)
    assert window.commands[ActionId.UNDO].isEnabled()

    database = open_database(db_path)
    with database.session() as session:
        titles = [n.title for n in read_agenda(session, ids.meeting_id).walk()]
    database.close()
    assert "เรื่องใหม่" in titles
    settle(qtbot)
