"""The probe behind `bench_first_openings`: each dialog and page of the window opened
twice, in a process of its own so that the first opening is really the first.

`python -m bench.first_openings DB` prints one line per opening: `name first second`
(seconds from the command to the dialog or page painted). It starts as the app does
(Thai, the Thai font, the window on the database, the list shown and settled), then
opens things as she would, one after another. The floor is a bare QDialog opened the
same way in the same process.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

SETTLE_MS = 1500
"""How long the shown window is left alone first: what runs on idle after the list."""


def _settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _visible_top_levels() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def _close_new(before: set[QWidget]) -> None:
    for widget in _visible_top_levels() - before:
        widget.close()
    QApplication.processEvents()


def _time_dialog(open_it: Callable[[], object]) -> float:
    """From the command to the new dialog painted; the dialog is closed again."""
    before = _visible_top_levels()
    start = time.perf_counter()
    open_it()
    QApplication.processEvents()
    for widget in _visible_top_levels() - before:
        widget.repaint()
    seconds = time.perf_counter() - start
    _close_new(before)
    return seconds


def _time_page(window: QWidget, open_it: Callable[[], object]) -> float:
    start = time.perf_counter()
    open_it()
    QApplication.processEvents()
    window.repaint()
    return time.perf_counter() - start


def _bare_dialog(parent: QWidget) -> None:
    dialog = QDialog(parent)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("ชื่อหน่วยงาน"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    layout.addWidget(buttons)
    dialog.open()


def main(database_path: str) -> int:
    from desktop.core.db import open_database
    from desktop.ui.base.errors import ErrorReporter
    from desktop.ui.base.i18n import install_language
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.base.store import Store
    from desktop.ui.shell.actions import ActionId
    from desktop.ui.shell.app import application
    from desktop.ui.shell.fonts import ensure_thai_font
    from desktop.ui.shell.main_window import MainWindow

    folder = Path(database_path).parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = application()
    translator = install_language(app, "th")
    ensure_thai_font(app)
    database = open_database(Path(database_path))
    window = MainWindow.on(AppSettings(), Store(database, ErrorReporter(folder / "log.txt")))
    workspace = window.workspace
    assert workspace is not None
    window.resize(1280, 800)
    window.show()
    _settle(SETTLE_MS)
    commands = window.commands
    first_meeting, second_meeting = workspace.navigator.listed_meeting_ids()[:2]

    def action(ident: ActionId) -> Callable[[], None]:
        return commands[ident].trigger

    dialogs: list[tuple[str, Callable[[], object]]] = [
        ("a bare QDialog (floor)", lambda: _bare_dialog(window)),
        ("dialog: new meeting", action(ActionId.NEW_MEETING)),
        ("dialog: new network", action(ActionId.NEW_NETWORK)),
        ("dialog: new organisation", lambda: workspace.roster.edit_organization(None)),
        ("dialog: new person", lambda: workspace.roster.edit_person(None)),
        ("dialog: search everything", action(ActionId.SEARCH_ALL)),
        ("dialog: network summary period", action(ActionId.NETWORK_SUMMARY)),
        ("dialog: connect to a server", action(ActionId.CONNECT)),
        ("dialog: help", action(ActionId.HELP)),
    ]
    # A page's second opening: the same page for the other meeting, or shown again.
    pages: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "page: a meeting's details",
            lambda: workspace.open_meeting(first_meeting),
            lambda: workspace.open_meeting(second_meeting),
        ),
        ("page: attendance", action(ActionId.ATTENDANCE), action(ActionId.ATTENDANCE)),
        ("page: agenda", action(ActionId.AGENDA), action(ActionId.AGENDA)),
        ("page: people", action(ActionId.PEOPLE), action(ActionId.PEOPLE)),
        ("page: organisations", action(ActionId.ORGANIZATIONS), action(ActionId.ORGANIZATIONS)),
        ("page: networks", action(ActionId.NETWORKS), action(ActionId.NETWORKS)),
        ("page: statistics", action(ActionId.STATISTICS), action(ActionId.STATISTICS)),
    ]
    meeting_dialogs: list[tuple[str, Callable[[], object]]] = [
        ("dialog: papers", action(ActionId.PAPERS)),
        ("dialog: finalise checks", action(ActionId.FINALISE)),
    ]
    for name, open_it in dialogs:
        first, second = _time_dialog(open_it), _time_dialog(open_it)
        print(f"{name}\t{first:.6f}\t{second:.6f}", flush=True)
    for name, first_time, second_time in pages:
        first = _time_page(window, first_time)
        workspace.show_details()  # from another page, as she comes back to it
        QApplication.processEvents()
        print(f"{name}\t{first:.6f}\t{_time_page(window, second_time):.6f}", flush=True)
    workspace.open_meeting(first_meeting)
    QApplication.processEvents()
    for name, open_it in meeting_dialogs:
        first, second = _time_dialog(open_it), _time_dialog(open_it)
        print(f"{name}\t{first:.6f}\t{second:.6f}", flush=True)
    window.close()
    database.close()
    del translator
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
