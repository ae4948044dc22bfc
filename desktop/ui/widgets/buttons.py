"""Buttons that answer the keys a secretary presses.

Outside a dialog a Qt push button takes Space only: Enter and Return on a focused button
do nothing, so "New action" or the welcome page's choices seemed dead to someone at the
keyboard (tried on a real X display: Space pressed them, Enter did not). A button marked
auto-default takes Enter and Return too; outside a dialog that is all the mark changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def answer_enter(root: QWidget) -> None:
    """Every push button under `root` (command links too) is pressed by Enter and Return
    when it has the focus, as it is in a dialog."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)
