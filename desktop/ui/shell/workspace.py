"""The workspace: the navigator and the pages, made on an open database.

The window's frame (menus, toolbar, status bar, its size) is on screen before the
database is open; the workspace is made once it is, with its store, and never exists
without one. It owns the pages and the commands that need data: the frame binds only
what works with no database (connect, open a file, help, language, quit).

What it says is translated in the window's context ("MainWindow"), where its Thai has
always been.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QStatusBar, QWidget

from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.meeting.page import MeetingPage
from desktop.ui.roster import NETWORKS_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.roster.page import RosterPage
from desktop.ui.shell.actions import ActionId, ActionRegistry, Needs
from desktop.ui.shell.first_steps import FirstSteps
from desktop.ui.shell.minutes_tools import MinutesTools
from desktop.ui.shell.navigator import Navigator
from desktop.ui.shell.welcome import WelcomePage

if TYPE_CHECKING:
    from desktop.core.changes import Changes
    from desktop.ui.meeting.new_meeting import NewMeetingDialog
    from desktop.ui.roster.network import NetworkDialog

WARM_ROSTER_MS = 1500
NAVIGATOR_NARROWEST = 180
"""A list on the left remembered narrower than this (an older version's 70 px) cut the
network's name to a word: it gets its first width back."""


class Workspace(QObject):
    """Everything of the window that reads or writes the database, on `store`."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        settings: AppSettings,
        commands: ActionRegistry,
        want_file: Callable[[Path | None], None],
    ):
        super().__init__(window)
        self.window = window
        self.store = store
        self.settings = settings
        self.commands = commands
        self.want_file = want_file
        """Open the window on another file (the demo's), or None: hers again."""
        self.roster_cache = RosterCache(store, self)
        self.first_steps = FirstSteps(store, settings, window)
        self._make_pages()
        self.minutes_tools = MinutesTools(self)
        self._connect_pages()
        self._bind_commands()
        store.saved.connect(self._saved)
        store.committed.connect(self._store_committed)
        store.told.connect(self.statusBar().showMessage)

    def _make_pages(self) -> None:
        """The navigator on the left, the pages in the centre, at her last split."""
        window = self.window
        self.navigator = Navigator(self.store, window)
        self.welcome = WelcomePage(window)
        self.meeting = MeetingPage(self.store, self.roster_cache, window)
        self.roster = RosterPage(self.store, self.settings, window)
        self.nothing_chosen = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Choose a meeting on the left, or create one (Ctrl+N)."
            )
        )
        self.nothing_chosen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(window)
        for page in (self.welcome, self.nothing_chosen, self.meeting, self.roster):
            self.pages.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 1010])
        self.splitter.setChildrenCollapsible(False)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
            if self.splitter.sizes()[0] < NAVIGATOR_NARROWEST:  # names cut to a word
                self.splitter.setSizes([270, 1010])

    def _connect_pages(self) -> None:
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

    def _bind_commands(self) -> None:
        """The commands that need data; the minutes tools and the backups bind theirs."""
        A = ActionId
        for ident, slot in (
            (A.NEW_MEETING, self.new_meeting),
            (A.IMPORT_MEETING_FILE, self.first_steps.import_meeting_file),
            (A.OPEN_DEMO, self.open_demo),
            (A.LEAVE_DEMO, lambda: self.want_file(None)),
            (A.SEARCH, self.navigator.focus_search),
            (A.NEW_NETWORK, self.new_network),
            (A.NETWORKS, lambda: self.show_roster(NETWORKS_TAB)),
            (A.ORGANIZATIONS, lambda: self.show_roster(ORGANIZATIONS_TAB)),
            (A.PEOPLE, lambda: self.show_roster(PEOPLE_TAB)),
            (A.DETAILS, self.show_details),
            (A.ATTENDANCE, self.show_attendance),
            (A.COPY_PEOPLE, self.meeting.attendance.copy_from_last_meeting),
            (A.DELETE_MEETING, self.delete_meeting),
        ):
            self.commands.bind(ident, slot)

    def begin(self) -> None:
        """Show where she left off, and read the roster ahead of her first search."""
        self._mark_demo()
        self.start()
        # The finder's first key press should not wait for a big roster to be read.
        QTimer.singleShot(WARM_ROSTER_MS, self, self._warm_roster)

    # --- what the minutes tools use of the window ------------------------------------------

    def statusBar(self) -> QStatusBar:
        return self.window.statusBar()

    def raise_(self) -> None:
        self.window.raise_()

    def activateWindow(self) -> None:
        self.window.activateWindow()

    # --- the demo -------------------------------------------------------------------------

    @property
    def in_demo(self) -> bool:
        from desktop.core.demo_file import is_demo_path

        # A server has no path: it is never the demo's file.
        return self.store.path is not None and is_demo_path(self.store.path)

    def open_demo(self) -> None:
        """The demo opens as a file of its own beside hers, never inside her data."""
        from desktop.core.db_file import default_db_path
        from desktop.core.demo_file import demo_path

        if not self.in_demo:  # on a server: beside her own file in her data folder
            self.want_file(demo_path(self.store.path or default_db_path()))
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
        self.window.setWindowTitle(
            QCoreApplication.translate(
                "MainWindow", "Prachum — the DEMO (made-up data, not your file)"
            )
        )
        self.leave_demo_button = QPushButton(
            QCoreApplication.translate("MainWindow", "Leave the demo"), self.window
        )
        self.leave_demo_button.clicked.connect(self.commands[ActionId.LEAVE_DEMO].trigger)
        self.statusBar().addPermanentWidget(self.leave_demo_button)
        if self.is_empty():
            self.first_steps.open_demo()

    def _demo_started(self) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Filling in the demo data…")
        )
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
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The demo data is ready.")
        )

    # --- start and state ------------------------------------------------------------------

    def _warm_roster(self) -> None:
        if self.window.isVisible():
            self.roster_cache.warm()

    def _show_page(self, page: QWidget) -> None:
        # An empty database has nothing to list: the welcome page has the window to itself.
        self.navigator.setVisible(page is not self.welcome)
        self.pages.setCurrentWidget(page)

    def is_empty(self) -> bool:
        from desktop.core.services.views import nothing_recorded

        return self.store.read(nothing_recorded)

    def start(self) -> None:
        """Welcome on an empty database; otherwise the last network and meeting."""
        self.navigator.network_id = self.settings.last_network(self.store.key)
        self.navigator.refresh_networks()
        if self.is_empty():
            self._show_page(self.welcome)
            self._enable_meeting_actions(False)
            return
        last = self.settings.last_meeting(self.store.key)
        if last is not None and self.navigator.select_meeting(last):
            self._return_to_place()
            return
        self._show_page(self.nothing_chosen)
        self._enable_meeting_actions(False)

    def remember(self) -> None:
        """The window closes: her split, network, meeting and place, for the next start."""
        self.settings.set_window_state("splitter", self.splitter.saveState())
        self.settings.set_last_network(self.store.key, self.navigator.network_id)
        self.settings.set_last_meeting(self.store.key, self.meeting.meeting_id)
        self._remember_place()

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
        self.settings.set_last_place(self.store.key, tab, item)

    def _return_to_place(self) -> None:
        tab, item = self.settings.last_place(self.store.key)
        if tab == self.meeting.tabs.indexOf(self.minutes_tools.agenda):
            self.minutes_tools.show_agenda()
            if item is not None:
                self.minutes_tools.agenda.choose(item)
                self.minutes_tools.agenda.focus_tree()
        elif 0 < tab < self.meeting.tabs.count():
            self.meeting.tabs.setCurrentIndex(tab)

    # --- meetings -------------------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> None:
        flush_pending(self.meeting)
        self.meeting.open_meeting(meeting_id)
        self._show_page(self.meeting)
        self._enable_meeting_actions(True)
        self.settings.set_last_meeting(self.store.key, meeting_id)

    def delete_meeting(self) -> None:
        from desktop.ui.roster.deleting import confirm_and_delete

        meeting_id = self.meeting.meeting_id
        if meeting_id is None:
            return
        if confirm_and_delete(self.window, self.store, "meeting", meeting_id):
            self.meeting.meeting_id = None
            self.settings.set_last_meeting(self.store.path, None)
            self.navigator.refresh_networks()
            self.start()

    def _enable_meeting_actions(self, enabled: bool) -> None:
        self.commands.holds(Needs.MEETING, enabled)

    def new_meeting(self) -> NewMeetingDialog:
        from desktop.core.services.views import network_rows
        from desktop.ui.meeting.new_meeting import NewMeetingDialog

        networks = self.store.read(network_rows)
        dialog = NewMeetingDialog(self.store, networks, self.navigator.network_id, self.window)
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
        self.settings.set_last_network(self.store.key, network_id)

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
        dialog = self.roster.person_dialog(parent=self.window)
        dialog.prefill(text)
        dialog.saved.connect(self.meeting.attendance.add_person)
        dialog.open()

    # --- what the store tells -------------------------------------------------------------

    def _saved(self) -> None:
        from datetime import datetime

        from desktop.core.thai import format_thai_time

        when = format_thai_time(datetime.now().time())
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved") + f" · {when}"
        )

    def _tell(self, note: str) -> None:
        if self.store.offline:  # kept for the server, not on it yet
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Kept on this computer") + f" · {note}"
            )
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved") + f" · {note}"
        )

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
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "This meeting was deleted on another computer."
                )
            )
            self.start()
