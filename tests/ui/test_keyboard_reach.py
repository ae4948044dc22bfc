"""What she could not reach from the keyboard on her first meeting: the quick resolution
pick, the new-action button and the welcome page's choices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.test_agenda_data import open_agenda, two_meetings
from ui.test_agenda_keyboard import focused

from desktop.ui.meeting.agenda.labels import QUICK_RESOLUTIONS

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
