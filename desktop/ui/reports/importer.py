"""File → Import a Zoom or Teams report: choose the file, read and match it off the UI
thread, then open the review dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.errors import PrachumError
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.base.worker import run_in_background

if TYPE_CHECKING:
    from desktop.imports.proposal import ApplyResult, Proposal
    from desktop.ui.reports.dialog import ReportReviewDialog


class ReportImport(QObject):
    applied = Signal(int, object)
    """(meeting id, ApplyResult) once the reviewed report is stored."""

    def __init__(self, store: Store, settings: AppSettings, roster: RosterCache, window: QWidget):
        super().__init__(window)
        self.store = store
        self.settings = settings
        self.roster = roster
        self.window = window
        self.dialog: ReportReviewDialog | None = None
        self.reading = False

    def start(self, meeting_id: int) -> bool:
        """Ask for the report file; the review opens when it has been read."""
        if self.reading:
            return False
        if not self._editable(meeting_id):
            return False
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a report, a chat or a sign-in form"),
            self.settings.last_folder("reports"),
            self.tr("Reports, chats and forms (*.csv *.xlsx *.txt *.json);;All files (*)"),
        )
        if not path:
            return False
        self.settings.set_last_folder("reports", Path(path).parent)
        return self.read(meeting_id, Path(path))

    def _editable(self, meeting_id: int) -> bool:
        """A final meeting is said at once, before she looks for the file (and before the
        minutes of matching it would take)."""
        from desktop.core.services.views import meeting_details

        if self.store.read(lambda s: meeting_details(s, meeting_id).status) == "draft":
            return True
        self.store.reporter.show_problem(
            self.window,
            PrachumError(
                "รายงานการประชุมนี้ปิดแล้ว นำเข้ารายงาน Zoom/Teams ไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง",
                "These minutes are final: reopen them before importing a Zoom or Teams report.",
            ),
        )
        return False

    def read(self, meeting_id: int, path: Path) -> bool:
        database = self.store.database
        self.reading = True

        def work() -> Proposal:
            # The importers (rapidfuzz, the matching tables) load here, on the worker,
            # the first time a report is read: not at start-up, not on the UI thread.
            from desktop.imports.report_cli import propose_from_file

            with database.session() as session:
                return propose_from_file(session, meeting_id, path)

        run_in_background(work, self._review, self._failed)
        return True

    def _review(self, proposal: Proposal) -> None:
        from desktop.ui.reports.dialog import ReportReviewDialog

        self.reading = False
        dialog = ReportReviewDialog(self.store, proposal, self.roster.people(), self.window)
        dialog.applied.connect(lambda meeting_id: self._applied(meeting_id, dialog.outcome))
        self.dialog = dialog
        dialog.open()

    def _applied(self, meeting_id: int, result: ApplyResult | None) -> None:
        self.applied.emit(meeting_id, result)

    def _failed(self, error: BaseException) -> None:
        self.reading = False
        if isinstance(error, PrachumError):
            self.store.reporter.show_problem(self.window, error)
            return
        raise error
