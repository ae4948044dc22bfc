"""The main window's frame: menus, toolbar, status bar, its last size and place.

The window is made in two parts, so that it is on screen at once. The frame needs nothing
but Qt and works before the database is open: connect to a server, open a file, help,
language, quit. `attach(store)` then makes the workspace (`shell/workspace.py`): the
navigator and the pages with the commands that need data, on a store that is always
there. Until then those commands are greyed out. This module imports no SQLAlchemy and no
page: those load while the file is being checked. What it remembers lives in AppSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.actions import ActionId, ActionRegistry, Needs
from desktop.ui.shell.first_paint import after_first_paint
from desktop.ui.shell.menus import build_menus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.ui.base.store import Store
    from desktop.ui.shell.help import HelpWindow
    from desktop.ui.shell.shared_database import ConnectDialog
    from desktop.ui.shell.workspace import Workspace

DEFAULT_SIZE = (1280, 800)
"""A first start's size, made smaller to fit a smaller screen."""
COMFORTABLE = (1100, 640)
"""Below this (or the screen's room, if smaller) the pages are cramped: the network
list cut, table columns behind a scroll bar."""


class MainWindow(QMainWindow):
    file_wanted = Signal(object)
    """Open the window on another database file (a Path): the demo's; None: hers again."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.workspace: Workspace | None = None
        """Made by attach() on the open database (a failed attach leaves None)."""
        self.help_window: HelpWindow | None = None
        self.setWindowTitle(self.tr("Prachum — meetings and minutes"))
        self.setMinimumSize(800, 560)
        self.commands = ActionRegistry(self)
        self._connect_actions()
        self.menus = build_menus(self, self.commands)
        after_first_paint(self, self.commands.set_shortcuts)
        # Until attach(): an empty centre, the status bar says why. (Nothing here names
        # the `Qt` namespace: its first use makes all its ~110 enums, 18 ms of start-up.)
        self.setCentralWidget(QWidget(self))
        self.statusBar().showMessage(self.tr("Opening the database…"))
        self._restore_geometry()

    @classmethod
    def on(cls, settings: AppSettings, store: Store) -> MainWindow:
        """The whole window at once, on a store already open (tests, screenshots)."""
        window = cls(settings)
        window.attach(store)
        return window

    def attach(self, store: Store) -> Workspace:
        """Make the workspace on the opened database and show where she left off."""
        from PySide6.QtWidgets import QLabel

        from desktop.ui.shell.workspace import Workspace
        from desktop.ui.widgets.buttons import answer_enter

        workspace = Workspace(self, store, self.settings, self.commands, self.file_wanted.emit)
        self.setCentralWidget(workspace.splitter)
        self.statusBar().showMessage(self.tr("Ready"))
        # The file's name (or user@server/database) is enough on screen; the whole path
        # is a hover away.
        self.database_label = QLabel(store.database.name)
        self.database_label.setToolTip(str(store.path or store.database.name))
        self.statusBar().addPermanentWidget(self.database_label)
        self.commands.set_shortcuts()
        self.commands.holds(
            Needs.DATA | (Needs.NOTHING if store.database.readonly else Needs.WRITE)
        )
        workspace.begin()
        answer_enter(self)  # Enter on a focused button presses it, as in a dialog
        self.workspace = workspace
        return workspace

    # --- actions and menus -----------------------------------------------------------------

    def _connect_actions(self) -> None:
        """What works with no database; the workspace binds the commands that need data."""
        A = ActionId
        for ident, slot in (
            (A.CONNECT, self.connect_to_server),
            (A.OPEN_FILE, self.open_database_file),
            (A.QUIT, self.close),
            (A.HELP, self.show_help),
            (A.ABOUT, self.show_about),
            (A.THAI, lambda: self.set_language("th")),
            (A.ENGLISH, lambda: self.set_language("en")),
        ):
            self.commands.bind(ident, slot)
        self.commands[A.LEAVE_DEMO].setVisible(False)
        self.connect_dialog: ConnectDialog | None = None
        self.commands[A.THAI].setChecked(self.settings.language == "th")
        self.commands[A.ENGLISH].setChecked(self.settings.language == "en")

    def connect_to_server(self) -> ConnectDialog:
        """File → Connect to a shared database…: the window then opens on the server's."""
        from desktop.ui.shell.shared_database import ConnectDialog

        dialog = ConnectDialog(self.settings, self)
        dialog.chosen.connect(self.file_wanted.emit)
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def open_database_file(self) -> None:
        """File → Open a database file…: back to a file (hers, or another) from a server."""
        from desktop.ui.shell.shared_database import choose_database_file

        path = choose_database_file(self, self.settings)
        if path is not None:
            self.file_wanted.emit(path)

    # --- size and place ------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            if self._cramped():
                self.resize(*DEFAULT_SIZE)
        else:
            self.resize(*DEFAULT_SIZE)
        self.fit_screen()

    def _cramped(self) -> bool:
        """A window remembered smaller than the pages need (an older version's 826×560
        cut the network names and pushed columns behind a scroll bar) while the screen
        has room for more: it opens at the default size instead, fitted to the screen."""
        room = self._room()
        if room is None or self.isMaximized() or self.isFullScreen():
            return False
        room_w, room_h = room
        return self.width() < min(COMFORTABLE[0], room_w) or self.height() < min(
            COMFORTABLE[1], room_h
        )

    def _room(self) -> tuple[int, int] | None:
        """The largest size whose frame (title bar, borders) still fits the screen's
        available area; None without a screen."""
        screen = self.screen()
        if screen is None:
            return None
        area = screen.availableGeometry()
        # The frame is outside the geometry: leave room for it.
        frame_w = max(0, self.frameGeometry().width() - self.geometry().width()) or 16
        frame_h = max(0, self.frameGeometry().height() - self.geometry().height()) or 40
        return area.width() - frame_w, area.height() - frame_h

    def fit_screen(self) -> None:
        """Keep the whole window on the screen's available area (a 1366×768 laptop, at
        125 % too): the status bar and the bottom of every page stay in sight."""
        screen, room = self.screen(), self._room()
        if screen is None or room is None:
            return
        area = screen.availableGeometry()
        room_w, room_h = room
        frame_w, frame_h = area.width() - room_w, area.height() - room_h
        self.setMinimumSize(min(800, room_w), min(560, room_h))
        width, height = min(self.width(), room_w), min(self.height(), room_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() - width - frame_w + 1)
        y = min(max(self.y(), area.top()), area.bottom() - height - frame_h + 1)
        self.move(max(x, area.left()), max(y, area.top()))

    def closeEvent(self, event: QCloseEvent) -> None:
        flush_pending()
        self.settings.set_window_state("geometry", self.saveGeometry())
        if self.workspace is not None:
            self.workspace.remember()
        self.settings.sync()
        if self.help_window is not None:
            self.help_window.close()
        super().closeEvent(event)

    # --- help, language ------------------------------------------------------------------

    def show_help(self) -> None:
        if self.help_window is None:
            from desktop.ui.shell.help import HelpWindow

            self.help_window = HelpWindow(self)
        self.help_window.show()
        self.help_window.raise_()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Prachum"),
            self.tr(
                "Prachum {0}\nMeetings, attendance and minutes for Thai local-authority networks.\n"
                "Database: {1}"
            ).format(__version__, self.workspace.store.path if self.workspace else "-"),
        )

    def set_language(self, language: str) -> None:
        self.settings.language = language
        self.commands[ActionId.THAI].setChecked(language == "th")
        self.commands[ActionId.ENGLISH].setChecked(language == "en")
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of Prachum."),
        )
