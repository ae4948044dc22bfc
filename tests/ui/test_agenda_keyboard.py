"""A whole meeting typed by keyboard on the agenda tab, the window closed mid-sentence,
and every character found again after a restart."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core.db import open_database
from desktop.core.services.agenda_view import read_agenda
from desktop.ui.base import autosave

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
TIME = re.compile(r"\d\d\.\d\d น\.")


def focused(qtbot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    return QApplication.focusWidget()


def tab_to(qtbot, keys, target: QWidget, limit: int = 12) -> None:
    """Press Tab until the focus is in `target`, as she would."""
    for _ in range(limit):
        widget = focused(qtbot)
        if widget is target or target.isAncestorOf(widget):
            return
        keys.press(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}")


def test_a_meeting_typed_by_keyboard_is_all_there_after_closing_mid_typing(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path, template=False)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    editor = agenda.editor
    assert agenda.model.ordered_ids() == []

    # Item 1: a title, what was said with a time stamp, a quick resolution.
    keys.press(focused(qtbot), Qt.Key.Key_Return, CTRL)
    assert focused(qtbot) is editor.title
    keys.type(editor.title, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    tab_to(qtbot, keys, editor.body)
    keys.type(editor.body, "ประธานเปิดประชุมเวลา ")
    keys.press(editor.body, Qt.Key.Key_T, CTRL)
    keys.press(editor.body, Qt.Key.Key_Return)
    keys.type(editor.body, "และแจ้งกำหนดการอบรม")
    tab_to(qtbot, keys, editor.resolution)
    keys.type(editor.resolution, "ที่ประชุมรับทราบ")

    # Item 2 and its sub-item 2.1 with a resolution, two points and an action.
    keys.press(focused(qtbot), Qt.Key.Key_Return, CTRL)
    keys.type(editor.title, "เรื่องเสนอเพื่อพิจารณา")
    keys.press(focused(qtbot), Qt.Key.Key_Return, CTRL | SHIFT)
    assert editor.heading.text().endswith("2.1")
    keys.type(editor.title, "โครงการอบรมการบริหารจัดการน้ำ")
    tab_to(qtbot, keys, editor.resolution)
    keys.type(editor.resolution, "ที่ประชุมเห็นชอบ ดังนี้")
    tab_to(qtbot, keys, editor.points)
    keys.type(editor.points, "จัดอบรมเดือนมิถุนายน")
    keys.press(editor.points, Qt.Key.Key_Return)
    keys.type(editor.points, "ใช้งบประมาณของเครือข่าย")
    actions = editor.actions_editor
    tab_to(qtbot, keys, actions.add_button)
    keys.press(actions.add_button, Qt.Key.Key_Space)
    assert focused(qtbot) is actions.text
    keys.type(actions.text, "ส่งรายชื่อผู้เข้าอบรม")
    tab_to(qtbot, keys, actions.owner)
    while actions.owner.currentData() != f"o:{ids.sao_id}":
        keys.press(actions.owner, Qt.Key.Key_Down)
    tab_to(qtbot, keys, actions.has_due)
    keys.press(actions.has_due, Qt.Key.Key_Space)
    tab_to(qtbot, keys, actions.due)
    due_edit = actions.due.edit
    due_edit.selectAll()
    keys.type(due_edit, "31/5/2567")
    keys.press(due_edit, Qt.Key.Key_Return)

    # Back up to item 1 with Alt+Up and on with its text; then the window closes
    # before the pause that would have stored it.
    keys.press(focused(qtbot), Qt.Key.Key_Up, ALT)
    keys.press(focused(qtbot), Qt.Key.Key_Up, ALT)
    assert editor.heading.text().endswith("1")
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    tab_to(qtbot, keys, editor.body)
    keys.type(editor.body, " ณ ห้องประชุม")
    # Still waiting for its pause: only the close can store it.
    assert editor.savers["body"] in autosave._pending
    window.close()

    database = open_database(db_path)
    with database.session() as session:
        view = read_agenda(session, ids.meeting_id)
    database.close()
    first, second = view.items
    assert (first.number, first.title) == ("1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    said = first.body.splitlines()
    assert said[0].startswith("ประธานเปิดประชุมเวลา ") and TIME.fullmatch(said[0][21:])
    assert said[1] == "และแจ้งกำหนดการอบรม ณ ห้องประชุม"
    assert first.resolution == "ที่ประชุมรับทราบ"
    assert (second.number, second.title) == ("2", "เรื่องเสนอเพื่อพิจารณา")
    (sub,) = second.children
    assert (sub.number, sub.title) == ("2.1", "โครงการอบรมการบริหารจัดการน้ำ")
    assert sub.resolution == "ที่ประชุมเห็นชอบ ดังนี้"
    assert sub.points == ("จัดอบรมเดือนมิถุนายน", "ใช้งบประมาณของเครือข่าย")
    (action,) = sub.actions
    assert action.text == "ส่งรายชื่อผู้เข้าอบรม"
    assert action.owner_organization_id == ids.sao_id
    assert action.due == date(2024, 5, 31)

    # A new window shows it all again.
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(sub.id)
    assert agenda.editor.title.text() == "โครงการอบรมการบริหารจัดการน้ำ"
    assert agenda.editor.points.toPlainText() == "จัดอบรมเดือนมิถุนายน\nใช้งบประมาณของเครือข่าย"
    assert agenda.editor.actions_editor.model.row(0).text == "ส่งรายชื่อผู้เข้าอบรม"
    settle(qtbot)
