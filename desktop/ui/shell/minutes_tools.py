"""What the window offers for the minutes, wired into it in one place: the agenda tab
with its preview, undo and redo, finalising, exports, the report import, the search
across meetings and the statistics page.

MainWindow makes one MinutesTools after its own menus; everything here reaches the
window only through its public parts (menus, pages, the meeting page's tabs).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.services.checks import AGENDA, ATTENDANCE, Finding
from desktop.ui.base.autosave import flush_pending
from desktop.ui.exporting.runner import Exporter
from desktop.ui.meeting.agenda.finalise import Finalising
from desktop.ui.meeting.agenda.page import AgendaPage
from desktop.ui.reports.importer import ReportImport
from desktop.ui.search.dialog import SearchDialog
from desktop.ui.statistics.page import StatisticsPage

if TYPE_CHECKING:
    from desktop.ui.papers.dialog import PapersDialog
    from desktop.ui.shell.main_window import MainWindow

AGENDA_TAB = 2
FREEZE_MS = 2500
"""When the window has settled (after the roster warm-up): see freeze_long_lived."""


class MinutesTools(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        store = window.attached_store()
        self.agenda = AgendaPage(store, window.roster_cache, window.meeting)
        window.meeting.add_tab(self.agenda, self.tr("A&genda"), AGENDA_TAB)
        window.meeting.meeting_opened.connect(self.agenda.open_meeting)
        self.agenda.told.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.finalising = Finalising(
            store,
            window,
            self._meeting_id,
            self.reload_meeting,
            go_to=self.go_to_finding,
            language=lambda: window.settings.language,
        )
        self.agenda.reopen_wanted.connect(self.finalising.reopen)
        self.exporter = Exporter(store, window.settings, window)
        self.exporter.finished.connect(
            lambda path: window.statusBar().showMessage(self.tr("Written: {0}").format(path), 8000)
        )
        self.report_import = ReportImport(store, window.settings, window.roster_cache, window)
        self.report_import.applied.connect(self._report_applied)
        self.statistics = StatisticsPage(store, window)
        window.pages.addWidget(self.statistics)
        self.search_dialog: SearchDialog | None = None
        self.papers_dialog: PapersDialog | None = None
        self._make_actions()
        self._add_to_menus()
        QTimer.singleShot(FREEZE_MS, self, self.freeze_long_lived)

    @property
    def long_lived_frozen(self) -> bool:
        return gc.get_freeze_count() > 0

    def freeze_long_lived(self) -> None:
        """Leave what exists once the window has settled out of the garbage collector.

        A full collection scans every tracked object: with a window's 150,000 it held the
        interpreter for 70 ms, and when it fell in an export's worker thread the window
        froze that long (bench_ui_stall). These objects live as long as the window;
        frozen, a collection scans only what was made since. Freezing costs no scan.
        """
        if not self.long_lived_frozen:  # once per process: a later window stays collectable
            gc.freeze()

    def _meeting_id(self) -> int | None:
        return self.window.meeting.meeting_id

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _with_meeting(self, slot):
        def run() -> None:
            meeting_id = self._meeting_id()
            if meeting_id is not None:
                slot(meeting_id)

        return run

    def _make_actions(self) -> None:
        exporter = self.exporter
        # The window made these two for its first paint; they do their work here.
        self.agenda_action = self.window.agenda_action
        self.agenda_action.triggered.connect(lambda _checked=False: self.show_agenda())
        self.statistics_action = self.window.statistics_action
        self.statistics_action.triggered.connect(lambda _checked=False: self.show_statistics())
        self.finalise_action = self._action(
            self.tr("&Finalise the minutes…"), self.finalising.finalise
        )
        self.reopen_action = self._action(self.tr("&Reopen the minutes…"), self.finalising.reopen)
        self.report_action = self._action(
            self.tr("Import a &Zoom or Teams report…"), self._with_meeting(self.report_import.start)
        )
        self.minutes_action = self._action(
            self.tr("&Minutes (DOCX)…"), self._with_meeting(exporter.export_minutes), "Ctrl+E"
        )
        self.attendance_action = self._action(
            self.tr("&Attendance (XLSX)…"), self._with_meeting(exporter.export_attendance)
        )
        self.signin_action = self._action(
            self.tr("&Sign-in sheet (XLSX)…"), self._with_meeting(exporter.export_signin_sheet)
        )
        self.meeting_file_action = self._action(
            self.tr("Meeting &file (JSON)…"), self._with_meeting(exporter.export_meeting_file)
        )
        self.evidence_action = self._action(
            self.tr("E-meeting &evidence (ZIP)…"), self._with_meeting(exporter.export_evidence)
        )
        self.papers_action = self._action(
            self.tr("&Papers for this meeting…"), self._with_meeting(self.show_papers)
        )
        self.summary_action = self._action(
            self.tr("&Network attendance summary…"),
            lambda: exporter.ask_network_summary(self.window.navigator.network_id),
        )
        self.search_all_action = self._action(
            self.tr("Search &all meetings…"), self.show_search, "Ctrl+Shift+F"
        )
        group = self.agenda.undo_group
        self.undo_action = group.createUndoAction(self.window, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = group.createRedoAction(self.window, self.tr("Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        meeting_actions = [
            self.finalise_action,
            self.reopen_action,
            self.report_action,
            self.papers_action,
            self.minutes_action,
            self.attendance_action,
            self.signin_action,
            self.meeting_file_action,
            self.evidence_action,
        ]
        # The window enables these with its own when a meeting is open.
        self.window.meeting_actions.extend(meeting_actions)
        for action in meeting_actions:
            action.setEnabled(self._meeting_id() is not None)

    def _add_to_menus(self) -> None:
        window = self.window
        file_menu = window.file_menu
        before = window.demo_action
        file_menu.insertAction(before, self.report_action)
        file_menu.insertAction(before, self.papers_action)
        export = file_menu.addMenu(self.tr("&Export"))
        for action in (
            self.minutes_action,
            self.attendance_action,
            self.signin_action,
            self.meeting_file_action,
            self.evidence_action,
        ):
            export.addAction(action)
        export.addSeparator()
        export.addAction(self.summary_action)
        file_menu.insertMenu(before, export)
        file_menu.insertSeparator(before)
        self.export_menu = export

        edit = window.edit_menu
        if edit.actions():
            first = edit.actions()[0]
            edit.insertAction(first, self.undo_action)
            edit.insertAction(first, self.redo_action)
            edit.insertSeparator(first)
        else:
            edit.addAction(self.undo_action)
            edit.addAction(self.redo_action)
            edit.addSeparator()
        edit.addAction(self.search_all_action)

        meeting = window.meeting_menu
        meeting.addAction(self.agenda_action)
        meeting.addSeparator()
        meeting.addAction(self.finalise_action)
        meeting.addAction(self.reopen_action)
        meeting.addSeparator()
        meeting.addAction(self.statistics_action)

    # --- what the actions do ----------------------------------------------------------------

    def show_agenda(self) -> None:
        if self._meeting_id() is None:
            return
        window = self.window
        window.show_details()  # the meeting page, with the window's own bookkeeping
        window.meeting.tabs.setCurrentWidget(self.agenda)
        # The tree, on the item she was at: she sees where she is before Ctrl+Enter or
        # Ctrl+Shift+Enter adds beside or under it; Enter goes on into its text.
        self.agenda.focus_tree()

    def reload_meeting(self, meeting_id: int) -> None:
        """Show the meeting again (after finalising or reopening: every tab's state)."""
        if self._meeting_id() == meeting_id:
            self.window.meeting.open_meeting(meeting_id)

    def _report_applied(self, meeting_id: int, result) -> None:
        self.reload_meeting(meeting_id)
        self.window.show_attendance()
        if result is not None:
            self.window.statusBar().showMessage(
                self.tr(
                    "Report applied: {0} marked present, {1} added, {2} new people, "
                    "{3} marked absent, {4} names remembered"
                ).format(
                    result.present, result.added, result.created, result.absent, result.aliases
                ),
                12000,
            )

    def go_to_finding(self, finding: Finding) -> None:
        """A finalise check she clicked: the page, row or item that fixes it."""
        window = self.window
        if finding.place == ATTENDANCE:
            window.show_attendance()
            if finding.attendance_id is not None:
                window.meeting.attendance.select_line(finding.attendance_id)
        elif finding.place == AGENDA:
            self.show_agenda()
            if finding.item_id is not None:
                self.agenda.choose(finding.item_id)
        else:
            window.show_details()
            window.meeting.details.number.setFocus()

    def show_search(self) -> SearchDialog:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.window.attached_store(), self.window)
            self.search_dialog.open_at.connect(self.open_at)
        self.search_dialog.start()
        return self.search_dialog

    def open_at(self, meeting_id: int, item_id: int | None) -> None:
        """A search result: the meeting, and the agenda item when the words were in one."""
        window = self.window
        if not window.navigator.select_meeting(meeting_id):
            window.open_meeting(meeting_id)
        if item_id is not None:
            self.show_agenda()
            self.agenda.choose(item_id)
        else:
            window.show_details()
        window.activateWindow()

    def show_statistics(self) -> None:
        window = self.window
        flush_pending(window.meeting)
        window.navigator.setVisible(True)
        window.pages.setCurrentWidget(self.statistics)
        self.statistics.show_network(window.navigator.network_id)

    # --- the papers ----------------------------------------------------------------------

    def show_papers(self, meeting_id: int) -> PapersDialog:
        """File → Papers for this meeting: one window for every paper of the meeting."""
        from desktop.core.services.views import meeting_details
        from desktop.ui.papers.dialog import PapersDialog

        flush_pending()  # what she has just typed belongs in the papers
        window = self.window
        if self.papers_dialog is not None:
            if self.papers_dialog.meeting_id == meeting_id and self.papers_dialog.isVisible():
                self.papers_dialog.raise_()
                self.papers_dialog.activateWindow()
                return self.papers_dialog
            self.papers_dialog.close()
            self.papers_dialog.deleteLater()
        store = window.attached_store()
        details = store.read(lambda s: meeting_details(s, meeting_id))
        dialog = PapersDialog(
            store,
            self.exporter,
            meeting_id,
            number=details.number,
            on=details.date,
            language=window.settings.language,
            parent=window,
        )
        dialog.organization_wanted.connect(self.fill_organization)
        dialog.details_wanted.connect(self.fill_details)
        dialog.agenda_wanted.connect(self.show_agenda)
        self.papers_dialog = dialog
        dialog.show()
        return dialog

    def fill_organization(self, organization_id: int, field: str):
        """The organisation's dialog, the cursor in the field a paper lacks."""
        from desktop.core.services.views import organization_rows
        from desktop.ui.roster.organization import OrganizationDialog

        store = self.window.attached_store()
        rows = store.read(lambda s: organization_rows(s, include_inactive=True))
        row = next((r for r in rows if r.id == organization_id), None)
        if row is None:
            return None
        dialog = OrganizationDialog(store, row, self.papers_dialog or self.window)
        dialog.focus_field(field)
        dialog.open()
        return dialog

    def fill_details(self, field: str) -> None:
        """The meeting's details page, the cursor in the field a paper lacks."""
        window = self.window
        window.show_details()
        window.raise_()
        window.activateWindow()
        widget = getattr(window.meeting.details, field, None)
        if widget is not None:
            widget.setFocus()
