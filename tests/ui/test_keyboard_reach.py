"""What she could not reach from the keyboard on her first meeting: the quick resolution
pick, the new-action button and the welcome page's choices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.test_agenda_data import open_agenda, two_meetings
from ui.test_agenda_keyboard import focused

from desktop.ui.meeting.agenda.labels import QUICK_RESOLUTIONS
from desktop.ui.roster.network import NetworkDialog

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier


def test_the_quick_resolution_pick_has_an_alt_key_and_sits_in_the_tab_order(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(agenda.view.items[0].id)
    editor = agenda.editor
    editor.body.setFocus()
    keys.press(focused(qtbot), Qt.Key.Key_Q, ALT)
    assert focused(qtbot) is editor.quick
    # Down picks the first resolution, which goes into the text and the focus with it.
    keys.press(editor.quick, Qt.Key.Key_Down)
    assert editor.resolution.toPlainText() == QUICK_RESOLUTIONS[0][1]
    assert focused(qtbot) is editor.resolution
    # Back from the resolution is the pick above it, not what was said.
    keys.press(editor.resolution, Qt.Key.Key_Tab, SHIFT)
    assert focused(qtbot) is editor.quick


def test_enter_on_new_action_adds_one_as_space_does(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(agenda.view.items[3].id)
    actions = agenda.editor.actions_editor
    before = actions.model.rowCount()
    actions.list.setFocus()
    # Real key events through QTest: Tab onto the button, then Enter (on a real display
    # Space pressed it and Enter did nothing: a push button outside a dialog ignores it).
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Tab)
    assert focused(qtbot) is actions.add_button
    qtbot.keyClick(actions.add_button, Qt.Key.Key_Return)
    assert actions.model.rowCount() == before + 1
    assert focused(qtbot) is actions.text
    actions.list.setFocus()
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Tab)
    qtbot.keyClick(actions.add_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert actions.model.rowCount() == before + 2


def test_the_welcome_page_shows_its_focus_and_enter_takes_the_choice(
    qtbot, keys, open_window, db_path
):
    window = open_window(db_path)
    assert window.workspace.pages.currentWidget() is window.workspace.welcome
    welcome = window.workspace.welcome
    choice = welcome.import_button
    choice.setFocus(Qt.FocusReason.OtherFocusReason)  # no Tab pressed yet: still drawn
    qtbot.waitUntil(choice.hasFocus, timeout=1000)
    focused_look = choice.grab().toImage()
    welcome.demo_button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: not choice.hasFocus(), timeout=1000)
    assert choice.grab().toImage() != focused_look  # the frame went with the focus

    welcome.network_button.setFocus()
    with qtbot.waitSignal(welcome.create_network, timeout=2000):
        qtbot.keyClick(welcome.network_button, Qt.Key.Key_Return)
    assert keys.dialog(NetworkDialog).isVisible()
