"""The main window: networks and meetings on the left, the open meeting in the centre.

It is made in two steps, so that it is on screen at once: the frame (menus, toolbar,
status bar, its last size and place) needs nothing but Qt, and `attach(store)` then
builds the pages on the opened database. Until then the actions that need data are
greyed out. This module imports no SQLAlchemy and no page: those load while the file
is being checked. It wires the parts together and owns the menus; each page does its
own work. What it remembers lives in AppSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.present import present
from desktop.ui.base.settings import AppSettings
from desktop.ui.roster import NETWORKS_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.shell.actions import ActionId, ActionRegistry, Needs
from desktop.ui.shell.first_paint import after_first_paint
from desktop.ui.shell.menus import build_menus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.core.changes import Changes
    from desktop.ui.base.store import Store
    from desktop.ui.meeting.new_meeting import NewMeetingDialog
    from desktop.ui.roster.network import NetworkDialog
    from desktop.ui.shell.help import HelpWindow
    from desktop.ui.shell.shared_database import ConnectDialog

WARM_ROSTER_MS = 1500


class MainWindow(QMainWindow):
    file_wanted = Signal(object)
    """Open the window on another database file (a Path): the demo's; None: hers again."""

    def __init__(
        self, settings: AppSettings, store: Store | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.settings = settings
        self.store: Store | None = None
        self.attached_pages = False
        """True once attach() has built every page (a failed attach leaves it False)."""
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
        if store is not None:
            self.attach(store)

    def attach(self, store: Store) -> None:
        """Build the pages on the opened database and show where she left off."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget

        from desktop.ui.base.roster_cache import RosterCache
        from desktop.ui.meeting.page import MeetingPage
        from desktop.ui.roster.page import RosterPage
        from desktop.ui.shell.first_steps import FirstSteps
        from desktop.ui.shell.minutes_tools import MinutesTools
        from desktop.ui.shell.navigator import Navigator
        from desktop.ui.shell.welcome import WelcomePage
        from desktop.ui.widgets.buttons import answer_enter

        self.store = store
        self.roster_cache = RosterCache(store, self)
        self.first_steps = FirstSteps(store, self.settings, self)
        self.navigator = Navigator(store, self)
        self.welcome = WelcomePage(self)
        self.meeting = MeetingPage(store, self.roster_cache, self)
        self.roster = RosterPage(store, self.settings, self)
        self.nothing_chosen = QLabel(
            self.tr("Choose a meeting on the left, or create one (Ctrl+N).")
        )
        self.nothing_chosen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        for page in (self.welcome, self.nothing_chosen, self.meeting, self.roster):
            self.pages.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 1010])
        self.splitter.setChildrenCollapsible(False)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.setCentralWidget(self.splitter)
        self.minutes_tools = MinutesTools(self)
        self.statusBar().showMessage(self.tr("Ready"))
        # The file's name (or user@server/database) is enough on screen; the whole path
        # is a hover away.
        self.database_label = QLabel(store.database.name)
        self.database_label.setToolTip(str(store.path or store.database.name))
        self.statusBar().addPermanentWidget(self.database_label)

        self.navigator.meeting_chosen.connect(self.open_meeting)
        self.navigator.network_chosen.connect(self._network_chosen)
        self.welcome.create_network.connect(self.new_network)
        self.welcome.import_meeting.connect(self.first_steps.import_meeting_file)
        self.welcome.open_demo.connect(self.first_steps.open_demo)
        self.first_steps.meeting_imported.connect(self.navigator.select_meeting)
        self.first_steps.demo_started.connect(self._demo_started)
        self.first_steps.demo_ready.connect(self._demo_finished)
        self.first_steps.demo_failed.connect(self._demo_finished)
        self.meeting.attendance.told.connect(self._tell)
        self.meeting.attendance.new_person_wanted.connect(self._new_person_for_attendance)
        self.roster.network_saved.connect(self._network_saved)
        store.saved.connect(self._saved)
        store.committed.connect(self._store_committed)

        self.commands.set_shortcuts()
        self.commands.holds(
            Needs.DATA | (Needs.NOTHING if store.database.readonly else Needs.WRITE)
        )
        self._mark_demo()
        self.start()
        # The finder's first key press should not wait for a big roster to be read.
        QTimer.singleShot(WARM_ROSTER_MS, self, self._warm_roster)
        answer_enter(self)  # Enter on a focused button presses it, as in a dialog
        self.attached_pages = True

    # --- actions and menus -----------------------------------------------------------------

    def attached_store(self) -> Store:
        """The open database's store: what attach() built calls this, so it is there."""
        return present(self.store)

    def _connect_actions(self) -> None:
        """What the window itself does; the minutes tools and the backups connect theirs."""
        A = ActionId
        for ident, slot in (
            (A.NEW_MEETING, self.new_meeting),
            (A.IMPORT_MEETING_FILE, self.import_meeting_file),
            (A.OPEN_DEMO, self.open_demo),
            (A.LEAVE_DEMO, lambda: self.file_wanted.emit(None)),
            (A.CONNECT, self.connect_to_server),
            (A.OPEN_FILE, self.open_database_file),
            (A.QUIT, self.close),
            (A.SEARCH, self.focus_search),
            (A.NEW_NETWORK, self.new_network),
            (A.NETWORKS, lambda: self.show_roster(NETWORKS_TAB)),
            (A.ORGANIZATIONS, lambda: self.show_roster(ORGANIZATIONS_TAB)),
            (A.PEOPLE, lambda: self.show_roster(PEOPLE_TAB)),
            (A.DETAILS, self.show_details),
            (A.ATTENDANCE, self.show_attendance),
            (A.COPY_PEOPLE, self.copy_people_from_last_meeting),
            (A.DELETE_MEETING, self.delete_meeting),
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

    # The pages these reach are made by attach(), after the actions.
    def import_meeting_file(self) -> None:
        self.first_steps.import_meeting_file()

    @property
    def in_demo(self) -> bool:
        from desktop.core.demo_file import is_demo_path

        # A server has no path: it is never the demo's file.
        return (
            self.store is not None and self.store.path is not None and is_demo_path(self.store.path)
        )

    def open_demo(self) -> None:
        """The demo opens as a file of its own beside hers, never inside her data."""
        from desktop.core.db_file import default_db_path
        from desktop.core.demo_file import demo_path

        if self.store is None:
            return
        if not self.in_demo:  # on a server: beside her own file in her data folder
            self.file_wanted.emit(demo_path(self.store.path or default_db_path()))
        elif self.is_empty():
            self.first_steps.open_demo()

    def _mark_demo(self) -> None:
        """In the demo's file: said in the title and the status bar, with the way back."""
        from PySide6.QtWidgets import QPushButton

        demo = self.in_demo
        self.commands[ActionId.OPEN_DEMO].setVisible(not demo)
        self.commands[ActionId.LEAVE_DEMO].setVisible(demo)
        if not demo:
            return
        self.setWindowTitle(self.tr("Prachum — the DEMO (made-up data, not your file)"))
        self.leave_demo_button = QPushButton(self.tr("Leave the demo"), self)
        self.leave_demo_button.clicked.connect(self.commands[ActionId.LEAVE_DEMO].trigger)
        self.statusBar().addPermanentWidget(self.leave_demo_button)
        if self.is_empty():
            self.first_steps.open_demo()

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

    def focus_search(self) -> None:
        self.navigator.focus_search()

    def copy_people_from_last_meeting(self) -> None:
        self.meeting.attendance.copy_from_last_meeting()

    # --- start and state ------------------------------------------------------------------

    def _warm_roster(self) -> None:
        if self.isVisible():
            self.roster_cache.warm()

    def _show_page(self, page: QWidget) -> None:
        # An empty database has nothing to list: the welcome page has the window to itself.
        self.navigator.setVisible(page is not self.welcome)
        self.pages.setCurrentWidget(page)

    def is_empty(self) -> bool:
        from desktop.core.services.views import nothing_recorded

        return self.attached_store().read(nothing_recorded)

    def start(self) -> None:
        """Welcome on an empty database; otherwise the last network and meeting."""
        self.navigator.network_id = self.settings.last_network(self.attached_store().key)
        self.navigator.refresh_networks()
        if self.is_empty():
            self._show_page(self.welcome)
            self._enable_meeting_actions(False)
            return
        last = self.settings.last_meeting(self.attached_store().key)
        if last is not None and self.navigator.select_meeting(last):
            self._return_to_place()
            return
        self._show_page(self.nothing_chosen)
        self._enable_meeting_actions(False)

    def _remember_place(self) -> None:
        """The tab (and agenda item) she is on, to come back to it: after the demo, or
        when the app opens again."""
        if self.pages.currentWidget() is not self.meeting:
            return
        tab = self.meeting.tabs.currentIndex()
        agenda = self.minutes_tools.agenda
        node = agenda.editor.node
        on_agenda = self.meeting.tabs.currentWidget() is agenda
        item = node.id if node is not None and on_agenda else None
        self.settings.set_last_place(self.attached_store().key, tab, item)

    def _return_to_place(self) -> None:
        tab, item = self.settings.last_place(self.attached_store().key)
        if tab == self.meeting.tabs.indexOf(self.minutes_tools.agenda):
            self.minutes_tools.show_agenda()
            if item is not None:
                self.minutes_tools.agenda.choose(item)
                self.minutes_tools.agenda.focus_tree()
        elif 0 < tab < self.meeting.tabs.count():
            self.meeting.tabs.setCurrentIndex(tab)

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Keep the whole window on the screen's available area (a 1366×768 laptop, at
        125 % too): the status bar and the bottom of every page stay in sight."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        # The frame (title bar, borders) is outside the geometry: leave room for it.
        frame_w = max(0, self.frameGeometry().width() - self.geometry().width()) or 16
        frame_h = max(0, self.frameGeometry().height() - self.geometry().height()) or 40
        room_w, room_h = area.width() - frame_w, area.height() - frame_h
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
        if self.attached_pages:
            self.settings.set_window_state("splitter", self.splitter.saveState())
            self.settings.set_last_network(self.attached_store().key, self.navigator.network_id)
            self.settings.set_last_meeting(self.attached_store().key, self.meeting.meeting_id)
            self._remember_place()
        self.settings.sync()
        if self.help_window is not None:
            self.help_window.close()
        super().closeEvent(event)

    # --- meetings -------------------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> None:
        flush_pending(self.meeting)
        self.meeting.open_meeting(meeting_id)
        self._show_page(self.meeting)
        self._enable_meeting_actions(True)
        self.settings.set_last_meeting(self.attached_store().key, meeting_id)

    def delete_meeting(self) -> None:
        from desktop.ui.roster.deleting import confirm_and_delete

        meeting_id = self.meeting.meeting_id
        if meeting_id is None:
            return
        store = self.attached_store()
        if confirm_and_delete(self, store, "meeting", meeting_id):
            self.meeting.meeting_id = None
            self.settings.set_last_meeting(store.path, None)
            self.navigator.refresh_networks()
            self.start()

    def _enable_meeting_actions(self, enabled: bool) -> None:
        self.commands.holds(Needs.MEETING, enabled)

    def new_meeting(self) -> NewMeetingDialog:
        from desktop.core.services.views import network_rows
        from desktop.ui.meeting.new_meeting import NewMeetingDialog

        networks = self.attached_store().read(network_rows)
        dialog = NewMeetingDialog(self.attached_store(), networks, self.navigator.network_id, self)
        dialog.created.connect(self._meeting_created)
        dialog.open()
        return dialog

    def _meeting_created(self, meeting_id: int) -> None:
        self.navigator.select_meeting(meeting_id)
        if self.meeting.meeting_id != meeting_id:
            self.open_meeting(meeting_id)
        self.meeting.show_details()

    def show_details(self) -> None:
        if self.meeting.meeting_id is not None:
            self._show_page(self.meeting)
            self.meeting.show_details()

    def show_attendance(self) -> None:
        if self.meeting.meeting_id is not None:
            self._show_page(self.meeting)
            self.meeting.show_attendance()
            self.meeting.attendance.view.setFocus()

    def _network_chosen(self, network_id: int | None) -> None:
        self.settings.set_last_network(self.attached_store().key, network_id)

    # --- roster ---------------------------------------------------------------------------

    def show_roster(self, tab: int) -> None:
        flush_pending(self.meeting)
        self._show_page(self.roster)
        self.roster.show_tab(tab)

    def new_network(self) -> NetworkDialog:
        return self.roster.edit_network(None)

    def _network_saved(self, network_id: int) -> None:
        self.navigator.choose_network(network_id)
        if self.meeting.meeting_id is None and self.pages.currentWidget() is not self.roster:
            # A first network: her next step is its people.
            self.show_roster(PEOPLE_TAB)

    def _new_person_for_attendance(self, text: str) -> None:
        dialog = self.roster.person_dialog(parent=self)
        dialog.prefill(text)
        dialog.saved.connect(self.meeting.attendance.add_person)
        dialog.open()

    # --- files and demo -------------------------------------------------------------------

    def _demo_started(self) -> None:
        self.statusBar().showMessage(self.tr("Filling in the demo data…"))
        self.welcome.setEnabled(False)
        self.commands.holds(Needs.IDLE, False)

    def _demo_finished(self, network_id: int | None = None) -> None:
        self.welcome.setEnabled(True)
        self.commands.holds(Needs.IDLE)
        if network_id is None:
            return
        self.navigator.choose_network(network_id)
        rows = self.navigator.listed_meeting_ids()
        if rows:
            self.navigator.select_meeting(rows[0])
        self.statusBar().showMessage(self.tr("The demo data is ready."))

    # --- status, help, language -----------------------------------------------------------

    def _saved(self) -> None:
        from datetime import datetime

        from desktop.core.thai import format_thai_time

        when = format_thai_time(datetime.now().time())
        self.statusBar().showMessage(self.tr("Saved") + f" · {when}")

    def _tell(self, note: str) -> None:
        self.statusBar().showMessage(self.tr("Saved") + f" · {note}")

    def _store_committed(self, changes: Changes) -> None:
        on_welcome = self.pages.currentWidget() is self.welcome
        if (
            (changes.touches_networks() or changes.touches_meeting_list())
            and on_welcome
            and not self.is_empty()
        ):
            self._show_page(self.nothing_chosen)
        if changes.from_others and changes.deleted(self.meeting.meeting_id):
            # Someone else deleted the meeting she had open: nothing is left to show.
            self.meeting.meeting_id = None
            self.statusBar().showMessage(self.tr("This meeting was deleted on another computer."))
            self.start()

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
            ).format(__version__, self.attached_store().path if self.store else "-"),
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
