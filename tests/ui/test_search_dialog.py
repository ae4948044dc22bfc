"""Search all meetings (Ctrl+Shift+F): results name the meeting and the item, and
opening one shows that meeting's agenda at that item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.ui.search.dialog import SearchResultModel

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_word_of_a_resolution_finds_its_item_and_opens_the_meeting_there(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    keys.press(window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.workspace.minutes_tools.search_dialog
    assert dialog is not None and dialog.isVisible()
    keys.type(dialog.query, "บริหารจัดการน้ำ")
    dialog.search()
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, SearchResultModel.MEETING).data() == (
        "ครั้งที่ 1/2567 การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"
    )
    assert model.index(0, SearchResultModel.ITEM).data() == "4.1 โครงการอบรมการบริหารจัดการน้ำ"

    keys.press(dialog.query, Qt.Key.Key_Return)  # to the first result
    keys.press(dialog.table, Qt.Key.Key_Return)  # and open it
    assert window.workspace.meeting.meeting_id == ids.previous_id
    assert window.workspace.meeting.tabs.currentWidget() is agenda
    assert agenda.editor.node.title == "โครงการอบรมการบริหารจัดการน้ำ"
    assert agenda.editor.title.isReadOnly()  # the earlier minutes are final
    settle(qtbot)


def test_nothing_found_says_so(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    dialog = window.workspace.minutes_tools.show_search()
    keys.type(dialog.query, "ไม่มีคำนี้แน่นอน")
    dialog.search()
    assert dialog.model.rowCount() == 0
    assert "ไม่มีคำนี้แน่นอน" in dialog.count.text()
    settle(qtbot)


def test_a_persons_name_finds_her_meetings_the_result_comes_in_front_escape_closes(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    dialog = window.workspace.minutes_tools.show_search()
    keys.type(dialog.query, "สมชาย")
    dialog.search()
    found = {dialog.model.rows[n].meeting_id for n in range(dialog.model.rowCount())}
    listed = dialog.model.rowCount()
    assert ids.previous_id in found
    row = next(n for n, hit in enumerate(dialog.model.rows) if hit.meeting_id == ids.previous_id)
    assert "สมชาย" in dialog.model.index(row, SearchResultModel.TEXT).data()
    dialog.choose(row)
    assert window.workspace.meeting.meeting_id == ids.previous_id
    assert not dialog.isVisible()  # the opened meeting is not behind the results
    dialog = window.workspace.minutes_tools.show_search()
    assert dialog.isVisible() and dialog.model.rowCount() == listed
    keys.press(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    settle(qtbot)
