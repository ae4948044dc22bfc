"""Saving a paper from the Papers dialog: each is one export function, the same one the
command line calls, run by the window's Exporter (file dialog with a Thai name, a worker
thread, an atomic write, the offer to open the file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.core.thai import be_year
from desktop.ui.exporting import names
from desktop.ui.exporting.runner import Exporter, ExportJob, Progress

FILTERS = {
    ".docx": "Word (*.docx)",
    ".pdf": "PDF (*.pdf)",
    ".txt": "Text (*.txt)",
    ".xlsx": "Excel (*.xlsx)",
}


@dataclass(frozen=True)
class Invitations:
    """What she chose for the batch of letters."""

    to_attendees: bool = False
    per_organization: bool = False
    signer_id: int | None = None
    signing_as: str = "self"


class PaperJobs(QObject):
    """Starts the writing of one paper; False when she cancelled or one is running."""

    def __init__(self, exporter: Exporter, meeting_id: int, number: int | None, on: date):
        super().__init__(exporter)
        self.exporter = exporter
        self.meeting_id = meeting_id
        self.number = number
        self.on = on

    def _job(self, title: str, paper: str, suffix: str, write, *, folder: bool = False) -> bool:
        return self.exporter.run(
            ExportJob(
                title,
                FILTERS[suffix],
                suffix,
                names.paper_name(paper, self.number, self.on, suffix),
                write,
                folder=folder,
            )
        )

    def invitations(self, suffix: str, choice: Invitations) -> bool:
        meeting_id = self.meeting_id

        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.invitation_letters import export_invitations

            return export_invitations(
                session,
                meeting_id,
                None if choice.per_organization else path,
                per_organization=path if choice.per_organization else None,
                folder_format=suffix,
                to_attendees=choice.to_attendees,
                signer_id=choice.signer_id,
                signing_as=choice.signing_as,
            )

        title = (
            self.tr("Save a letter for each organisation in a folder")
            if choice.per_organization
            else self.tr("Save the invitation letters")
        )
        return self._job(title, "invitations", suffix, write, folder=choice.per_organization)

    def register(self, today: date | None = None) -> bool:
        year = be_year(today or date.today())

        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.register_xlsx import export_register

            return export_register(session, path, year=year)

        return self.exporter.run(
            ExportJob(
                self.tr("Save the outgoing register"),
                FILTERS[".xlsx"],
                ".xlsx",
                names.register_name(year),
                write,
            )
        )

    def agenda(self, suffix: str, *, with_text: bool) -> bool:
        meeting_id = self.meeting_id

        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.agenda_paper import export_agenda

            return export_agenda(session, meeting_id, path, with_text=with_text)

        return self._job(self.tr("Save the agenda"), "agenda", suffix, write)

    def news(self, suffix: str, text: str | None) -> bool:
        meeting_id = self.meeting_id

        def write(session: Session, path: Path, _report: Progress) -> object:
            from desktop.exports.news_release import export_news

            return export_news(session, meeting_id, path, text=text)

        return self._job(self.tr("Save the press release"), "news", suffix, write)

    def minutes(self, suffix: str) -> bool:
        meeting_id = self.meeting_id

        def write(session: Session, path: Path, report: Progress) -> object:
            if suffix == ".pdf":
                from desktop.exports.minutes_pdf import export_minutes_pdf

                return export_minutes_pdf(session, meeting_id, path, progress=report)
            from desktop.exports.minutes_docx import export_minutes

            return export_minutes(session, meeting_id, path, progress=report)

        return self._job(self.tr("Save the minutes"), "minutes", suffix, write)

    def attendance(self) -> bool:
        meeting_id = self.meeting_id

        def write(session: Session, path: Path, report: Progress) -> object:
            from desktop.exports.attendance_xlsx import export_attendance

            return export_attendance(session, meeting_id, path, progress=report)

        return self._job(self.tr("Save the attendance"), "attendance", ".xlsx", write)
