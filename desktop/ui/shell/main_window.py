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
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.present import present
from desktop.ui.base.settings import AppSettings
from desktop.ui.roster import NETWORKS_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.shell.first_paint import after_first_paint

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeySequence

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
        self._shortcuts: list[tuple[QAction, QKeySequence | str]] = []
        self._make_actions()
        self._make_menus()
        after_first_paint(self, self.set_shortcuts)
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

        self.set_shortcuts()
        for action in self.data_actions:
            action.setEnabled(True)
        self._mark_demo()
        self.start()
        # The finder's first key press should not wait for a big roster to be read.
        QTimer.singleShot(WARM_ROSTER_MS, self, self._warm_roster)
        self.attached_pages = True

    # --- actions and menus -----------------------------------------------------------------

    def attached_store(self) -> Store:
        """The open database's store: what attach() built calls this, so it is there."""
        return present(self.store)

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.new_meeting_action = self._action(self.tr("&New meeting…"), self.new_meeting, "Ctrl+N")
        self.import_action = self._action(
            self.tr("&Import a meeting file…"), self.import_meeting_file
        )
        self.demo_action = self._action(self.tr("Open the &demo data"), self.open_demo)
        self.leave_demo_action = self._action(
            self.tr("&Leave the demo (back to your file)"), lambda: self.file_wanted.emit(None)
        )
        self.leave_demo_action.setVisible(False)
        self.connect_action = self._action(
            self.tr("&Connect to a shared database…"), self.connect_to_server
        )
        self.open_file_action = self._action(
            self.tr("&Open a database file…"), self.open_database_file
        )
        self.connect_dialog: ConnectDialog | None = None
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.search_action = self._action(
            self.tr("&Search meetings"),
            self.focus_search,
            "Ctrl+F",
        )
        self.new_network_action = self._action(self.tr("New &network…"), self.new_network)
        self.networks_action = self._action(
            self.tr("&Networks"), lambda: self.show_roster(NETWORKS_TAB)
        )
        self.organizations_action = self._action(
            self.tr("&Organisations"), lambda: self.show_roster(ORGANIZATIONS_TAB)
        )
        self.people_action = self._action(
            self.tr("&People"), lambda: self.show_roster(PEOPLE_TAB), "Ctrl+Shift+P"
        )
        self.details_action = self._action(self.tr("&Details"), self.show_details, "Ctrl+1")
        self.attendance_action = self._action(
            self.tr("&Attendance"), self.show_attendance, "Ctrl+2"
        )
        self.copy_people_action = self._action(
            self.tr("&Copy people from the last meeting"),
            self.copy_people_from_last_meeting,
        )
        self.delete_meeting_action = self._action(
            self.tr("De&lete this meeting…"), self.delete_meeting
        )
        # MinutesTools connects these two; they are made here to be on the first paint.
        self.agenda_action = QAction(self.tr("A&genda"), self)
        self.statistics_action = QAction(self.tr("Attendance &statistics"), self)
        self._shortcuts += [
            (self.agenda_action, "Ctrl+3"),
            (self.statistics_action, "Ctrl+Shift+S"),
        ]
        self.help_action = self._action(self.tr("&Help"), self.show_help, "F1")
        self.about_action = self._action(self.tr("&About Prachum"), self.show_about)
        self.thai_action = self._action("ภาษาไทย", lambda: self.set_language("th"))
        self.english_action = self._action("English", lambda: self.set_language("en"))
        for action, code in ((self.thai_action, "th"), (self.english_action, "en")):
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
        self.meeting_actions = [
            self.details_action,
            self.attendance_action,
            self.copy_people_action,
            self.agenda_action,
            self.delete_meeting_action,
        ]
        self.data_actions = [
            self.new_meeting_action,
            self.import_action,
            self.demo_action,
            self.search_action,
            self.new_network_action,
            self.networks_action,
            self.organizations_action,
            self.people_action,
            self.statistics_action,
        ]
        for action in self.meeting_actions + self.data_actions:
            action.setEnabled(False)

    def set_shortcuts(self) -> None:
        """Give the actions their keys. Not before the first paint: the first key sequence
        makes PySide build every enum of the Qt namespace, about 30 ms of start-up."""
        from PySide6.QtGui import QKeySequence

        shortcuts, self._shortcuts = self._shortcuts, []
        for action, key in shortcuts:
            action.setShortcut(QKeySequence(key))

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
        self.demo_action.setVisible(not demo)
        self.leave_demo_action.setVisible(demo)
        if not demo:
            return
        self.setWindowTitle(self.tr("Prachum — the DEMO (made-up data, not your file)"))
        self.leave_demo_button = QPushButton(self.tr("Leave the demo"), self)
        self.leave_demo_button.clicked.connect(self.leave_demo_action.trigger)
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

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.new_meeting_action)
        menu.addAction(self.import_action)
        menu.addAction(self.demo_action)
        menu.addAction(self.leave_demo_action)
        menu.addSeparator()
        menu.addAction(self.connect_action)
        menu.addAction(self.open_file_action)
        menu.addSeparator()
        self.language_menu = menu.addMenu(self.tr("&Language"))
        self.language_menu.addAction(self.thai_action)
        self.language_menu.addAction(self.english_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.file_menu = menu

        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.search_action)
        self.edit_menu = menu

        menu = self.menuBar().addMenu(self.tr("&Meeting"))
        menu.addAction(self.new_meeting_action)
        menu.addSeparator()
        for action in self.meeting_actions:
            menu.addAction(action)
        self.meeting_menu = menu

        menu = self.menuBar().addMenu(self.tr("&Roster"))
        menu.addAction(self.new_network_action)
        menu.addSeparator()
        menu.addAction(self.networks_action)
        menu.addAction(self.organizations_action)
        menu.addAction(self.people_action)
        self.roster_menu = menu

        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.help_action)
        menu.addAction(self.about_action)
        self.help_menu = menu

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        # Text only: none of the actions has an icon, so the default style shows text.
        toolbar.addAction(self.new_meeting_action)
        toolbar.addSeparator()
        toolbar.addAction(self.details_action)
        toolbar.addAction(self.attendance_action)
        toolbar.addAction(self.agenda_action)
        toolbar.addSeparator()
        toolbar.addAction(self.people_action)
        toolbar.addAction(self.organizations_action)
        toolbar.addAction(self.networks_action)
        toolbar.addSeparator()
        toolbar.addAction(self.statistics_action)
        self.toolbar = toolbar

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
        flush_pending(self.meeting)
        store = self.attached_store()
        if confirm_and_delete(self, store, "meeting", meeting_id):
            self.meeting.meeting_id = None
            self.settings.set_last_meeting(store.path, None)
            self.navigator.refresh_networks()
            self.start()

    def _enable_meeting_actions(self, enabled: bool) -> None:
        for action in self.meeting_actions:
            action.setEnabled(enabled)

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
        self.demo_action.setEnabled(False)

    def _demo_finished(self, network_id: int | None = None) -> None:
        self.welcome.setEnabled(True)
        self.demo_action.setEnabled(True)
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
        self.thai_action.setChecked(language == "th")
        self.english_action.setChecked(language == "en")
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of Prachum."),
        )
