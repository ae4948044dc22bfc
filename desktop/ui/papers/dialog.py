"""File → Papers for this meeting: the invitation letters, the agenda, the press release,
the minutes and the attendance, each previewed before it is saved.

What the papers need and the meeting lacks (her office's code and address, telephone,
e-mail, the online link) is said at the top, with the way to where it belongs: the
organisation's dialog or the meeting's details. Nothing is typed into a paper. Previews
are read on a worker (a session of its own, nothing written: the invitations show the
register number the batch has or would take); saving goes through the window's
Exporter, which calls the same export function as the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.changes import Changes
from desktop.core.errors import PrachumError
from desktop.exports import paper_readiness as readiness
from desktop.exports.paper_readiness import PapersState
from desktop.ui.base.store import Store
from desktop.ui.base.worker import run_in_background
from desktop.ui.exporting.runner import Exporter
from desktop.ui.papers.jobs import Invitations, PaperJobs
from desktop.ui.papers.letter_view import show_letters
from desktop.ui.papers.tabs import (
    AgendaTab,
    AttendanceTab,
    BlocksTab,
    InvitationsTab,
    MinutesTab,
    NewsTab,
    PaperTab,
)
from desktop.ui.papers.templates import TemplateMenu

REFRESH_MS = 300
"""A burst of changes elsewhere (typing in the details) reads the previews once."""


class PapersDialog(QDialog):
    organization_wanted = Signal(int, str)
    """Fill in this organisation's field (organisation id, field name)."""
    details_wanted = Signal(str)
    """Fill in this field of the meeting's details."""
    agenda_wanted = Signal()

    def __init__(
        self,
        store: Store,
        exporter: Exporter,
        meeting_id: int,
        *,
        number: int | None,
        on: date,
        language: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.language = language
        self.jobs = PaperJobs(exporter, meeting_id, number, on)
        self.state: PapersState | None = None
        self._serials: dict[str, int] = {}
        self.reading = 0
        """Reads not yet back (tests wait for none)."""
        self._loaded: set[str] = set()
        self.setWindowTitle(self.tr("Papers for this meeting"))
        self.setModal(False)

        word, pdf = self.tr("Word (DOCX)"), "PDF"
        self.invitations = InvitationsTab([(word, ".docx"), (pdf, ".pdf")])
        self.agenda = AgendaTab([(word, ".docx"), (pdf, ".pdf")])
        self.news = NewsTab(
            [(self.tr("Text to paste (TXT)"), ".txt"), (word, ".docx"), (pdf, ".pdf")]
        )
        self.minutes = MinutesTab([(word, ".docx"), (pdf, ".pdf")])
        self.attendance = AttendanceTab([(self.tr("Excel (XLSX)"), ".xlsx")])
        self.template_menus: dict[str, TemplateMenu] = {}
        """Her own template's button, per paper that can have one."""
        for tab in self._tabs():
            if tab.template_paper is not None:
                menu = TemplateMenu(
                    tab.template_paper, store, exporter.settings, language, parent=tab
                )
                tab.buttons.addWidget(menu.button)
                self.template_menus[tab.template_paper] = menu
        self.tabs = QTabWidget(self)
        for tab, label in (
            (self.invitations, self.tr("&Invitation letters")),
            (self.agenda, self.tr("&Agenda")),
            (self.news, self.tr("&Press release")),
            (self.minutes, self.tr("&Minutes")),
            (self.attendance, self.tr("Attendan&ce")),
        ):
            self.tabs.addTab(tab, label)

        self.missing_box = QFrame(self)
        self.missing_box.setStyleSheet(
            "QFrame#missing { background: #fff6d6; border: 1px solid #e0c060; }"
        )
        self.missing_box.setObjectName("missing")
        self.missing_text = QLabel(self.missing_box)
        self.missing_text.setWordWrap(True)
        self.organization_button = QPushButton(self.missing_box)
        self.details_button = QPushButton(self.tr("Fill in the meeting &details"), self.missing_box)
        self.agenda_button = QPushButton(self.tr("Open the a&genda"), self.missing_box)
        box = QHBoxLayout(self.missing_box)
        box.addWidget(self.missing_text, 1)
        for button in (self.organization_button, self.details_button, self.agenda_button):
            box.addWidget(button)
        self.missing_box.hide()

        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.close_buttons)
        self.resize(1040, 660)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        inv = self.invitations
        for combo in (inv.to, inv.signer, inv.signing_as):
            combo.activated.connect(lambda _i: self._read_preview(self.invitations))
        inv.save_button.clicked.connect(self.save_invitations)
        inv.register_button.clicked.connect(lambda _checked=False: self.jobs.register())
        self.agenda.with_text.toggled.connect(lambda _on: self._read_preview(self.agenda))
        self.agenda.save_button.clicked.connect(
            lambda: self.jobs.agenda(
                self.agenda.suffix(), with_text=self.agenda.with_text.isChecked()
            )
        )
        self.news.save_button.clicked.connect(self.save_news)
        self.news.redraft_button.clicked.connect(self.redraft_news)
        self.minutes.save_button.clicked.connect(lambda: self.jobs.minutes(self.minutes.suffix()))
        self.attendance.save_button.clicked.connect(lambda _checked=False: self.jobs.attendance())
        for tab in self._tabs():
            tab.format.currentIndexChanged.connect(lambda _i, t=tab: self._show_state(t))
        self.tabs.currentChanged.connect(lambda _i: self._read_preview(self.current_tab()))
        self.organization_button.clicked.connect(self._go_to_organization)
        self.details_button.clicked.connect(self._go_to_details)
        self.agenda_button.clicked.connect(self.agenda_wanted.emit)
        self.store.committed.connect(self._store_committed)
        self.jobs.exporter.finished.connect(lambda _path: self.refresh())

    def _store_committed(self, changes: Changes) -> None:
        # Her meeting, its people and offices, our letterhead: all are on the papers.
        if changes.touches_meeting(self.meeting_id) or changes.touches_roster() or changes.settings:
            self.refresh_timer.start()

    def _tabs(self) -> list[PaperTab]:
        return [self.invitations, self.agenda, self.news, self.minutes, self.attendance]

    def current_tab(self) -> PaperTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, PaperTab)
        return tab

    # --- reading ---------------------------------------------------------------------------

    def _in_background(
        self, kind: str, work: Callable[[Any], Any], done: Callable[[Any], None]
    ) -> None:
        """Read in a session of its own on a worker; a result older than the newest read
        of the same kind is dropped. A refused read (PrachumError) is handed to `done`."""
        database = self.store.database
        serial = self._serials.get(kind, 0) + 1
        self._serials[kind] = serial
        self.reading += 1

        def read() -> Any:
            with database.session() as session:
                return work(session)

        def finished(result: Any) -> None:
            self.reading -= 1
            if not isValid(self):
                return  # closed while the worker read
            if serial == self._serials[kind]:
                done(result)

        def failed(error: BaseException) -> None:
            self.reading -= 1
            if not isValid(self) or serial != self._serials[kind]:
                return
            if not isinstance(error, PrachumError):
                raise error
            done(error)

        run_in_background(read, finished, failed)

    def refresh(self) -> None:
        """Read again what the papers lack, then the preview in sight."""
        meeting_id = self.meeting_id

        def shown(state: PapersState | PrachumError) -> None:
            if isinstance(state, PrachumError):  # the meeting is gone
                self.reject()
                return
            self.state = state
            self._show_missing(state)
            self.invitations.set_signers(state)
            for paper, menu in self.template_menus.items():
                menu.show_kept(paper in state.templates)
            for tab in self._tabs():
                self._show_state(tab)
            self._loaded.clear()
            self._read_preview(self.current_tab())

        self._in_background("state", lambda s: readiness.papers_state(s, meeting_id), shown)

    def _show_state(self, tab: PaperTab) -> None:
        if self.state is not None:
            tab.show_state(self.state, self.language)

    def _read_preview(self, tab: PaperTab) -> None:
        meeting_id = self.meeting_id
        if tab is self.invitations:
            to_attendees = bool(tab.to.currentData())
            signer_id, signing_as = self.invitations.signing()

            def letters(s) -> Any:
                return readiness.invitations_preview(
                    s,
                    meeting_id,
                    to_attendees=to_attendees,
                    signer_id=signer_id,
                    signing_as=signing_as,
                )

            self._in_background("invitations", letters, self._show_letters)
        elif tab is self.agenda:
            with_text = self.agenda.with_text.isChecked()
            self._in_background(
                "agenda",
                lambda s: readiness.agenda_preview(s, meeting_id, with_text=with_text),
                lambda blocks: self._show_blocks(self.agenda, blocks),
            )
        elif tab is self.minutes:
            self._in_background(
                "minutes",
                lambda s: readiness.minutes_preview(s, meeting_id),
                lambda blocks: self._show_blocks(self.minutes, blocks),
            )
        elif tab is self.news and "news" not in self._loaded and not self.news.edited():
            # Her edits are not replaced by a change elsewhere: only "Draft again" does.
            self._in_background(
                "news", lambda s: readiness.news_preview(s, meeting_id), self._show_news
            )

    def _show_letters(self, letters: Any) -> None:
        document = self.invitations.document
        if isinstance(letters, PrachumError):
            show_letters(document, [], letters.message(self.language))
            return
        note = self.tr(
            "{0} letters. The number after ว is the outgoing register's: taken when they are "
            "saved, and kept when they are saved again."
        ).format(len(letters))
        show_letters(document, letters, note)

    def _show_blocks(self, tab: BlocksTab, blocks: Any) -> None:
        if isinstance(blocks, PrachumError):
            tab.blocks.show([])
            tab.document.setPlainText(blocks.message(self.language))
            tab.blocks.blocks = []
            return
        if not tab.blocks.blocks:
            tab.document.clear()
        tab.blocks.show(blocks)

    def _show_news(self, text: Any) -> None:
        self._loaded.add("news")
        if isinstance(text, PrachumError):
            self.news.show_draft("")
            self.news.text.setPlaceholderText(text.message(self.language))
            return
        self.news.show_draft(str(text))

    # --- what is missing -------------------------------------------------------------------

    def _show_missing(self, state: PapersState) -> None:
        missing = state.missing
        self.missing_box.setVisible(bool(missing))
        if not missing:
            return
        lines = [self.tr("These papers need what is not filled in yet:")]
        lines.extend(f"• {m.message(self.language)}" for m in missing)
        self.missing_text.setText("\n".join(lines))
        places = {m.place for m in missing}
        self.organization_button.setVisible(readiness.ORGANIZATION in places)
        self.organization_button.setText(
            self.tr("Fill in {0}…").format(state.sender_name) if state.sender_name else ""
        )
        self.details_button.setVisible(readiness.MEETING in places)
        self.agenda_button.setVisible(readiness.AGENDA in places)

    def _first_missing(self, place: str):
        if self.state is None:
            return None
        return next((m for m in self.state.missing if m.place == place), None)

    def _go_to_organization(self) -> None:
        found = self._first_missing(readiness.ORGANIZATION)
        if found is not None and found.organization_id is not None:
            self.organization_wanted.emit(found.organization_id, found.field)

    def _go_to_details(self) -> None:
        found = self._first_missing(readiness.MEETING)
        if found is not None:
            self.details_wanted.emit(found.field)

    # --- saving ---------------------------------------------------------------------------

    def save_invitations(self) -> bool:
        tab = self.invitations
        signer_id, signing_as = tab.signing()
        choice = Invitations(
            to_attendees=bool(tab.to.currentData()),
            per_organization=bool(tab.files.currentData()),
            signer_id=signer_id,
            signing_as=signing_as,
        )
        return self.jobs.invitations(tab.suffix(), choice)

    def save_news(self) -> bool:
        text = self.news.text.toPlainText() if self.news.edited() else None
        return self.jobs.news(self.news.suffix(), text)

    def redraft_news(self) -> None:
        if self.news.edited():
            answer = QMessageBox.question(
                self,
                self.tr("Draft again"),
                self.tr("Replace your changes to the press release with a new draft?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.news.drafted = ""
        self.news.text.clear()
        self._loaded.discard("news")
        self._read_preview(self.news)
