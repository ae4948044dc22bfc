"""Edit → History of this item… and History of this meeting…: the window shows who
changed what, read through the dialog's model, in Thai."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core.sqlite_features import writer_name
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.menus import Menu


def _cells(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_an_items_history_shows_her_edit_and_the_meetings_shows_the_item_added(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    commands = window.commands
    placed = window.menus[Menu.EDIT].actions()
    assert commands[ActionId.HISTORY_ITEM] in placed
    assert commands[ActionId.HISTORY_MEETING] in placed
    assert commands[ActionId.HISTORY_ITEM].text() == "ประวัติการแก้ไขวาระนี้… (&H)"

    agenda.step(1)
    node = agenda.current_node()
    assert node is not None
    agenda.editor.resolution.setFocus()
    agenda.editor.resolution.selectAll()
    keys.type(agenda.editor.resolution, "ที่ประชุมมีมติเห็นชอบ")
    # The command stores what she was typing first, then reads the history.
    commands.trigger(ActionId.HISTORY_ITEM)
    dialog = window.workspace.minutes_tools.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"ประวัติการแก้ไขระเบียบวาระที่ {node.number}"
    model = dialog.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "เมื่อ"
    newest = _cells(model, 0)  # newest first
    assert newest[1] == writer_name()
    assert newest[2].startswith("แก้ไข ระเบียบวาระ")
    assert newest[3] == "มติ"
    assert newest[5] == "ที่ประชุมมีมติเห็นชอบ"
    assert newest[0].endswith(" น.") and str(date.today().year + 543) in newest[0]
    assert "รายการ" in dialog.count.text()

    commands.trigger(ActionId.HISTORY_MEETING)
    dialog = window.workspace.minutes_tools.history_dialog
    assert dialog.windowTitle() == "ประวัติการแก้ไขการประชุมนี้"
    whats = [dialog.model.index(n, 2).data() for n in range(dialog.model.rowCount())]
    assert any(w.startswith("เพิ่ม การประชุม") for w in whats)
    assert any(w.startswith("เพิ่ม ระเบียบวาระ") for w in whats)
    # The number an item is given as it is added is part of adding it, not an edit.
    fields = {dialog.model.index(n, 3).data() for n in range(dialog.model.rowCount())}
    assert "ครั้งที่/เลขที่" not in fields and "มติ" in fields
    dialog.close()
    settle(qtbot)
