"""Exporting from the window: ask where, write on a worker thread, then offer the file.

The file dialog proposes a Thai name in the folder used last; the exporter runs in the
thread pool with a session of its own, reporting progress to a progress dialog through
a queued signal; at the end she may open the file or its folder. A file that cannot be
written (read-only folder, the file open in Word) is a clear message, and the file
that was there before is left as it was (the exporters write atomically).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, take_changes
from desktop.core.errors import PrachumError
from desktop.core.file_names import proposed_path
from desktop.core.services.views import meeting_details
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.base.worker import run_in_background
from desktop.ui.exporting import names
from desktop.ui.exporting.dialogs import ExportDoneDialog, PeriodDialog

Progress = Callable[[int, int], None]
Write = Callable[[Session, Path, Progress], object]


@dataclass(frozen=True)
class ExportJob:
    title: str
    """The dialog's caption: what is being exported."""
    file_filter: str
    suffix: str
    default_name: str
    write: Write
    folder: bool = False
    """Written into a folder she picks (a file each), not to one file."""
    others: tuple[str, ...] = ()
    """Other endings it also writes (`.pdf` for the minutes): a name with one is kept."""


class _ProgressRelay(QObject):
    """Made on the UI thread: the worker's emits reach it queued, in order."""

    moved = Signal(int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._last = -1

    def report(self, done: int, total: int) -> None:
        # Called on the worker thread: only whole percent steps cross to the UI.
        percent = done * 100 // total if total else 0
        if percent != self._last:
            self._last = percent
            self.moved.emit(done, total)


class Exporter(QObject):
    finished = Signal(object)
    """The written file's Path."""
    failed = Signal()

    def __init__(self, store: Store, settings: AppSettings, window: QWidget):
        super().__init__(window)
        self.store = store
        self.settings = settings
        self.window = window
        self.progress: QProgressDialog | None = None
        self.done_dialog: ExportDoneDialog | None = None
        self.period_dialog: PeriodDialog | None = None
        self._relay: _ProgressRelay | None = None
        self.running = False

    # --- what can be exported -------------------------------------------------------------

    # The exporters are imported inside the work, on the worker thread: a first import of
    # python-docx or openpyxl takes a tenth of a second the window would otherwise freeze.

    def export_minutes(self, meeting_id: int) -> bool:
        def write(session: Session, path: Path, report: Progress) -> object:
            if path.suffix.lower() == ".pdf":  # a name ending in .pdf, or PDF chosen
                from desktop.exports.minutes_pdf import export_minutes_pdf

                return export_minutes_pdf(session, meeting_id, path, progress=report)
            from desktop.exports.minutes_docx import export_minutes

            return export_minutes(session, meeting_id, path, progress=report)

        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        return self.run(
            ExportJob(
                self.tr("Export the minutes"),
                self.tr("Word document (*.docx)") + ";;PDF (*.pdf)",
                ".docx",
                names.minutes_name(details.number, details.date),
                write,
                others=(".pdf",),
            )
        )

    def export_attendance(self, meeting_id: int) -> bool:
        def write(session: Session, path: Path, report: Progress) -> object:
            from desktop.exports.attendance_xlsx import export_attendance

            return export_attendance(session, meeting_id, path, progress=report)

        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        return self.run(
            ExportJob(
                self.tr("Export the attendance"),
                self.tr("Excel workbook (*.xlsx)"),
                ".xlsx",
                names.attendance_name(details.number, details.date),
                write,
            )
        )

    def export_signin_sheet(self, meeting_id: int) -> bool:
        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.attendance_xlsx import export_signin_sheet

            return export_signin_sheet(session, meeting_id, path)

        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        return self.run(
            ExportJob(
                self.tr("Export the sign-in sheet"),
                self.tr("Excel workbook (*.xlsx)"),
                ".xlsx",
                names.signin_name(details.number, details.date),
                write,
            )
        )

    def export_meeting_file(self, meeting_id: int) -> bool:
        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.core.operations.meeting_file import export_meeting_file

            return export_meeting_file(session, meeting_id, path)

        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        return self.run(
            ExportJob(
                self.tr("Export the meeting file"),
                self.tr("Meeting files (*.meeting.json *.json)"),
                ".json",
                names.meeting_file_name(details.number, details.date),
                write,
            )
        )

    def export_evidence(self, meeting_id: int) -> bool:
        """The e-meeting evidence bundle: minutes, attendance, reports, hashes (one ZIP)."""

        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.evidence import export_evidence

            return export_evidence(session, meeting_id, path)

        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        return self.run(
            ExportJob(
                self.tr("Export the e-meeting evidence"),
                self.tr("ZIP files (*.zip)"),
                ".zip",
                names.evidence_name(details.number, details.date),
                write,
            )
        )

    def ask_network_summary(self, network_id: int | None) -> PeriodDialog:
        """The period (and network) first; then the file as for the other exports."""
        from desktop.core.services.views import network_rows

        dialog = PeriodDialog(self.store.read(network_rows), network_id, self.window)
        dialog.chosen.connect(self.export_network_summary)
        self.period_dialog = dialog
        dialog.open()
        return dialog

    def export_network_summary(
        self, network_id: int, network_name: str, date_from: date | None, date_to: date | None
    ) -> bool:
        def write(session: Session, path: Path, report: Progress) -> object:
            from desktop.exports.attendance_xlsx import export_network_summary

            return export_network_summary(
                session, network_id, date_from, date_to, path, progress=report
            )

        return self.run(
            ExportJob(
                self.tr("Export the network's attendance summary"),
                self.tr("Excel workbook (*.xlsx)"),
                ".xlsx",
                names.summary_name(network_name, date_from, date_to),
                write,
            )
        )

    # --- running one ----------------------------------------------------------------------

    def ask_path(self, job: ExportJob) -> Path | None:
        folder = Path(self.settings.last_folder("export"))
        if job.folder:
            picked = QFileDialog.getExistingDirectory(self.window, job.title, str(folder))
            return Path(picked) if picked else None
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self.window,
            job.title,
            str(proposed_path(folder, job.default_name, suffix=job.suffix)),
            job.file_filter,
        )
        if not chosen:
            return None
        path = Path(chosen)
        endings = (job.suffix, *job.others)
        if not path.name.lower().endswith(endings):
            # The kind she chose in the dialog's list (one entry of it), else the first.
            picked = chosen_filter if chosen_filter and ";;" not in chosen_filter else ""
            wanted = next((e for e in job.others if f"*{e})" in picked), job.suffix)
            path = path.with_name(path.name + wanted)
        return path

    def run(self, job: ExportJob) -> bool:
        """Ask for the file and start writing it; False when she cancelled."""
        if self.running:
            return False
        flush_pending()  # what she has just typed belongs in the file
        path = self.ask_path(job)
        if path is None:
            return False
        self.settings.set_last_folder("export", path if job.folder else path.parent)
        self.running = True
        relay = _ProgressRelay(self)
        self._relay = relay
        progress = QProgressDialog(self.tr("Writing {0}…").format(path.name), "", 0, 0, self.window)
        progress.setWindowTitle(job.title)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        relay.moved.connect(self._moved)
        self.progress = progress
        database = self.store.database

        def write() -> tuple[Path, Changes]:
            # An export may write too (the letters' register numbers): the views hear of it.
            with database.session() as session:
                job.write(session, path, relay.report)
            return path, take_changes(session)

        run_in_background(write, self._written, self._failed)
        return True

    def _moved(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _finish(self) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None

    def _written(self, outcome: tuple[Path, Changes]) -> None:
        path, changes = outcome
        if changes:
            self.store.announce(changes)
        self._done(path)

    def _done(self, path: Path) -> None:
        self._finish()
        dialog = ExportDoneDialog(path, self.window)
        self.done_dialog = dialog
        dialog.open()
        self.finished.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.failed.emit()
        if isinstance(error, PrachumError):
            self.store.reporter.show_problem(self.window, error)
            return
        if isinstance(error, OSError):
            self.store.reporter.show_problem(
                self.window,
                PrachumError(
                    f"บันทึกไฟล์ไม่ได้: {error.strerror or error}",
                    f"The file could not be written: {error.strerror or error}",
                ),
            )
            return
        raise error
