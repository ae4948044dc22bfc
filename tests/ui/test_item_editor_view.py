"""What the agenda page shows her: a long owner from its start, each item she opens from
its heading (not from where she had scrolled the one before), and a title the tree cuts
whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from ui.test_agenda_data import open_agenda, two_meetings
from ui.test_agenda_keyboard import focused

from desktop.core import services
from desktop.core.db import open_database

ACTING = "ปลัดเทศบาลตำบลบ้านกลางและผู้อำนวยการกองสวัสดิการสังคม"


def test_a_long_owner_is_shown_from_the_start_of_her_name(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        services.create_person(
            s,
            honorific="นางสาว",
            given_name="มาลัยวรรณ",
            family_name="ศรีสุขสวัสดิ์",
            position="รองปลัดเทศบาล",
            acting_as=ACTING,
            organization_id=ids.host_id,
        )
    database.close()
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(agenda.view.items[3].id)
    actions = agenda.editor.actions_editor
    actions.new_action()
    owner, line = actions.owner, actions.owner.lineEdit()
    owner.setFocus()
    line.selectAll()
    keys.type(line, "มาลัยวรรณ")
    keys.press(line, Qt.Key.Key_Return)
    label = owner.currentText()
    assert label.startswith("นางสาวมาลัยวรรณ") and ACTING in label
    assert line.fontMetrics().horizontalAdvance(label) > line.width()  # it cannot all show
    assert line.cursorPosition() == 0  # so the start shows: her name, not the office

    # Another action, then back: the stored owner is shown from its start too.
    keys.press(focused(qtbot), Qt.Key.Key_Tab)
    actions.new_action()
    actions.choose(actions.model.row(actions.model.rowCount() - 2).id)
    assert owner.currentText() == label and line.cursorPosition() == 0


def test_another_item_opens_at_its_heading(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    window.resize(1000, 600)  # the editor is taller than its page: it scrolls
    bar = agenda.editor_scroll.verticalScrollBar()
    items = agenda.view.items
    agenda.choose(items[3].id)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())
    agenda.tree.setFocus()
    agenda.choose(items[4].id)
    assert agenda.editor.node.id == items[4].id
    assert bar.value() == 0
    # The same item shown again (its fields stored) keeps her place.
    bar.setValue(bar.maximum())
    agenda.choose(items[4].id)
    assert bar.value() == bar.maximum()


def test_a_title_the_tree_cuts_is_whole_in_its_tooltip(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    long_title = "โครงการอบรมเชิงปฏิบัติการการบริหารจัดการน้ำและการเฝ้าระวังน้ำหลากของเครือข่าย"
    database = open_database(db_path)
    with database.session() as s:
        item = services.add_agenda_item(s, ids.meeting_id, title=long_title)
        item_id = item.id
    database.close()
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    window.resize(1000, 600)
    agenda.choose(item_id)
    tree = agenda.tree
    index = tree.currentIndex()
    shown = tree.visualRect(index)
    assert tree.fontMetrics().horizontalAdvance(long_title) > shown.width()  # cut on screen
    point = shown.center()
    QApplication.sendEvent(
        tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, tree.viewport().mapToGlobal(point))
    )
    qtbot.waitUntil(lambda: QToolTip.text() == long_title, timeout=2000)
    QToolTip.hideText()
