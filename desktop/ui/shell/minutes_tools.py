"""What the window offers for the minutes, wired into it in one place: the agenda tab
with its preview, undo and redo, finalising, exports, the report import, the search
across meetings and the statistics page.

The workspace makes one MinutesTools once its pages exist; it connects its commands to
the window's action registry and reaches the workspace only through its public parts.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from desktop.core import services
from desktop.core.services.checks import AGENDA, ATTENDANCE, Finding
from desktop.ui.exporting.runner import Exporter
from desktop.ui.meeting.agenda.finalise import Finalising
from desktop.ui.meeting.agenda.page import AgendaPage
from desktop.ui.reports.importer import ReportImport
from desktop.ui.search.dialog import SearchDialog
from desktop.ui.shell.actions import ActionId
from desktop.ui.statistics.page import StatisticsPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QStatusBar

    from desktop.ui.base.roster_cache import RosterCache
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.base.store import Store
    from desktop.ui.history.dialog import HistoryDialog
    from desktop.ui.meeting.page import MeetingPage
    from desktop.ui.papers.dialog import PapersDialog
    from desktop.ui.shell.actions import ActionRegistry
    from desktop.ui.shell.navigator import Navigator

AGENDA_TAB = 2
FREEZE_MS = 2500
"""When the window has settled (after the roster warm-up): see freeze_long_lived."""


class ToolsWindow(Protocol):
    """What the tools use of the workspace (named so, not imported: no circle)."""

    commands: ActionRegistry
    meeting: MeetingPage
    navigator: Navigator
    pages: QStackedWidget
    roster_cache: RosterCache
    settings: AppSettings
    store: Store

    def statusBar(self) -> QStatusBar: ...
    def show_details(self) -> None: ...
    def show_attendance(self) -> None: ...
    def open_meeting(self, meeting_id: int) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...


class MinutesTools(QObject):
    def __init__(self, window: ToolsWindow):
        # The window's own widget, which dialogs and pages hang from: the page's top level.
        widget = window.meeting.window()
        super().__init__(widget)
        self.window = window
        self.widget = widget
        store = window.store
        self.agenda = AgendaPage(store, window.roster_cache, window.meeting.context, window.meeting)
        window.meeting.add_tab(self.agenda, self.tr("A&genda"), AGENDA_TAB)
        window.meeting.meeting_opened.connect(self.agenda.open_meeting)
        self.agenda.told.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.finalising = Finalising(
            store,
            widget,
            self._meeting_id,
            self.reload_meeting,
            go_to=self.go_to_finding,
            language=lambda: window.settings.language,
        )
        self.agenda.reopen_wanted.connect(self.finalising.reopen)
        self.exporter = Exporter(store, window.settings, widget)
        self.exporter.finished.connect(
            lambda path: window.statusBar().showMessage(self.tr("Written: {0}").format(path), 8000)
        )
        self.report_import = ReportImport(store, window.settings, window.roster_cache, widget)
        self.report_import.applied.connect(self._report_applied)
        self.statistics = StatisticsPage(store, widget)
        window.pages.addWidget(self.statistics)
        self.search_dialog: SearchDialog | None = None
        self.papers_dialog: PapersDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self._connect_actions()
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

    def _with_meeting(self, slot):
        def run() -> None:
            meeting_id = self._meeting_id()
            if meeting_id is not None:
                slot(meeting_id)

        return run

    def _connect_actions(self) -> None:
        exporter = self.exporter
        actions = self.window.commands
        A = ActionId
        for ident, slot in (
            (A.AGENDA, self.show_agenda),
            (A.STATISTICS, self.show_statistics),
            (A.FINALISE, self.finalising.finalise),
            (A.REOPEN, self.finalising.reopen),
            (A.REPORT_IMPORT, self._with_meeting(self.report_import.start)),
            (A.EXPORT_MINUTES, self._with_meeting(exporter.export_minutes)),
            (A.EXPORT_ATTENDANCE, self._with_meeting(exporter.export_attendance)),
            (A.EXPORT_SIGNIN, self._with_meeting(exporter.export_signin_sheet)),
            (A.EXPORT_MEETING_FILE, self._with_meeting(exporter.export_meeting_file)),
            (A.EXPORT_EVIDENCE, self._with_meeting(exporter.export_evidence)),
            (A.PAPERS, self._with_meeting(self.show_papers)),
            (
                A.NETWORK_SUMMARY,
                lambda: exporter.ask_network_summary(self.window.navigator.network_id),
            ),
            (A.SEARCH_ALL, self.show_search),
            (A.HISTORY_ITEM, self.show_item_history),
            (A.HISTORY_MEETING, self._with_meeting(self.show_meeting_history)),
        ):
            actions.bind(ident, slot)
        # Undo and redo follow the agenda's undo stacks: their text names the step.
        group = self.agenda.undo_group
        actions.bind(A.UNDO, group.undo)
        actions.bind(A.REDO, group.redo)
        undo_word, redo_word = self.tr("Undo"), self.tr("Redo")
        group.canUndoChanged.connect(lambda can: actions.set_ready(A.UNDO, can))
        group.canRedoChanged.connect(lambda can: actions.set_ready(A.REDO, can))
        group.undoTextChanged.connect(
            lambda text: actions[A.UNDO].setText(f"{undo_word} {text}".strip())
        )
        group.redoTextChanged.connect(
            lambda text: actions[A.REDO].setText(f"{redo_word} {text}".strip())
        )
        actions.set_ready(A.UNDO, group.canUndo())
        actions.set_ready(A.REDO, group.canRedo())

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
            details = window.meeting.details
            field = details.recorder if finding.code == "no_recorder" else details.number
            field.setFocus()

    def show_search(self) -> SearchDialog:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.window.store, self.widget)
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

    def show_meeting_history(self, meeting_id: int) -> HistoryDialog:
        """Edit → History of this meeting…: every change of it and of its parts."""
        return self._show_history(
            lambda s: services.meeting_history(s, meeting_id), self.tr("History of this meeting")
        )

    def show_item_history(self) -> HistoryDialog | None:
        """Edit → History of this item…: the agenda item she is at (the agenda opens
        when none is chosen, saying so)."""
        node = self.agenda.current_node() if self._meeting_id() is not None else None
        if node is None:
            self.show_agenda()
            self.window.statusBar().showMessage(self.tr("Choose an agenda item first."), 8000)
            return None
        title = self.tr("History of agenda item {0}").format(node.number)
        return self._show_history(lambda s: services.item_history(s, node.id), title)

    def _show_history(self, read, title: str) -> HistoryDialog:
        from desktop.ui.history.dialog import HistoryDialog

        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        dialog = HistoryDialog(
            self.window.store,
            read,
            title,
            language=self.window.settings.language,
            parent=self.widget,
        )
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def show_statistics(self) -> None:
        window = self.window
        window.navigator.setVisible(True)
        window.pages.setCurrentWidget(self.statistics)
        self.statistics.show_network(window.navigator.network_id)

    # --- the papers ----------------------------------------------------------------------

    def show_papers(self, meeting_id: int) -> PapersDialog:
        """File → Papers for this meeting: one window for every paper of the meeting."""
        from desktop.core.services.views import meeting_details
        from desktop.ui.papers.dialog import PapersDialog

        window = self.window
        if self.papers_dialog is not None:
            if self.papers_dialog.meeting_id == meeting_id and self.papers_dialog.isVisible():
                self.papers_dialog.raise_()
                self.papers_dialog.activateWindow()
                return self.papers_dialog
            self.papers_dialog.close()
            self.papers_dialog.deleteLater()
        store = window.store
        details = store.read(lambda s: meeting_details(s, meeting_id))
        dialog = PapersDialog(
            store,
            self.exporter,
            meeting_id,
            number=details.number,
            on=details.date,
            language=window.settings.language,
            parent=self.widget,
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

        store = self.window.store
        rows = store.read(lambda s: organization_rows(s, include_inactive=True))
        row = next((r for r in rows if r.id == organization_id), None)
        if row is None:
            return None
        dialog = OrganizationDialog(store, row, self.papers_dialog or self.widget)
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
