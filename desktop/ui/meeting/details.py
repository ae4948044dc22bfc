"""The meeting's details: number, date, times, mode, place, host, chair, recorder, reviewer.

Each field is stored on its own through services.update_meeting as soon as it is
changed (text fields when she pauses or leaves them); a refused value (end before
start) shows the service's message and the form goes back to what is stored. Text
someone else stored first in the same field is never overwritten unseen: her text
stays, theirs shows above the form, and she chooses (desktop.ui.widgets.conflicts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.journal import BASED_ON, UserAction
from desktop.core.services.views import (
    MeetingDetails,
    OrganizationRow,
    PersonRow,
    meeting_details,
)
from desktop.core.text_versions import EditConflict
from desktop.core.thai import be_year
from desktop.ui.base import i18n
from desktop.ui.base.autosave import TextAutosave
from desktop.ui.base.present import present
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.store import Store
from desktop.ui.meeting.context import MeetingContext
from desktop.ui.roster.models import ID_ROLE, PersonChoiceModel
from desktop.ui.widgets.conflicts import FieldConflicts
from desktop.ui.widgets.fields import CodeCombo, TimeField, hint_end_from_start
from desktop.ui.widgets.thai_date import ThaiDateField

PLATFORMS = ("Zoom Meeting", "Microsoft Teams", "Google Meet", "Cisco Webex", "LINE")


class DetailsPage(QWidget):
    """The รายละเอียด tab of a meeting."""

    def __init__(
        self,
        store: Store,
        roster: RosterCache,
        context: MeetingContext,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.roster = roster
        self.context = context
        self.details: MeetingDetails | None = None
        self._choices: tuple[list[PersonRow], list[OrganizationRow], set[int]] = ([], [], set())
        self._people_complete = False
        self._loading = False

        self._make_when_fields()
        self._make_where_fields()
        self._make_people_fields()
        self.opening = QPlainTextEdit()
        self.opening.setTabChangesFocus(True)
        self.opening.setFixedHeight(self.fontMetrics().height() * 5)
        self.network = QLabel()
        self.read_only_note = QLabel(
            self.tr("These minutes are final: reopen them to edit (Meeting menu).")
        )
        self.read_only_note.setStyleSheet("color: #8a5a00;")
        self.read_only_note.hide()
        self.conflict_area = QVBoxLayout()
        self._lay_out(self._form())

        store.committed.connect(self._store_committed)
        if store.server_away is not None:
            store.server_away.conflict_shown_by.append(self._conflict_after_the_drop)
        self._save_text_as_typed()
        self._save_choices_when_made()

    # --- building -----------------------------------------------------------------------------

    def _make_when_fields(self) -> None:
        """Title, number, date and times."""
        self.title = QLineEdit()
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("(none)"))
        self.year_label = QLabel()
        self.date = ThaiDateField()
        self.date.setMaximumWidth(self.fontMetrics().horizontalAdvance("30 พฤศจิกายน 2567") * 2)
        self.start = TimeField()
        self.end = TimeField()
        hint_end_from_start(self.start, self.end)
        for field in (self.start, self.end):
            field.setMaximumWidth(self.fontMetrics().horizontalAdvance("00.00 น.") * 2)

    def _make_where_fields(self) -> None:
        """The mode, the room and the online meeting's platform, link, id and passcode."""
        self.mode = CodeCombo(i18n.meeting_modes())
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(["", *PLATFORMS])
        self.venue = QLineEdit()
        self.online_link = QLineEdit()
        self.online_link.setPlaceholderText("https://…")
        self.online_meeting_id = QLineEdit()
        self.online_passcode = QLineEdit()
        self.recording = QLineEdit()
        self.recording.setPlaceholderText(
            self.tr("Where the recording is kept (a folder, a drive, a link)")
        )

    def _make_people_fields(self) -> None:
        """The host organisation and the three people, chosen from one list of people."""
        self.host = QComboBox()
        self.people = PersonChoiceModel(self)
        self.chair = QComboBox()
        self.recorder = QComboBox()
        self.reviewer = QComboBox()
        for combo in (self.chair, self.recorder, self.reviewer):
            combo.setModel(self.people)
            combo.setMaxVisibleItems(20)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Network"), self.network)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self._buddy(self.tr("&Number"), self.number), self._number_row())
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self._buddy(self.tr("Ti&me"), self.start), self._times_row())
        form.addRow(self.tr("M&ode"), self.mode)
        form.addRow(self.tr("&Platform"), self.platform)
        form.addRow(self.tr("&Venue"), self.venue)
        form.addRow(self._buddy(self.tr("Online &link"), self.online_link), self._online_row())
        form.addRow(self.tr("Recordin&g"), self.recording)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("&Chair"), self.chair)
        form.addRow(self.tr("&Recorder"), self.recorder)
        form.addRow(self.tr("Re&viewer"), self.reviewer)
        form.addRow(self.tr("Opening &text"), self.opening)
        return form

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        """A row's label whose Alt key reaches a field inside a row of several."""
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _number_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(self.year_label)
        row.addStretch(1)
        return row

    def _times_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)
        return row

    def _online_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.online_link, 3)
        row.addWidget(QLabel(self.tr("Meeting ID")))
        row.addWidget(self.online_meeting_id, 1)
        row.addWidget(QLabel(self.tr("Passcode")))
        row.addWidget(self.online_passcode, 1)
        return row

    def _lay_out(self, form: QFormLayout) -> None:
        """The form in a scroll area no wider than it reads well."""
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.read_only_note)
        inner_layout.addLayout(self.conflict_area)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        inner.setMaximumWidth(900)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        present(self.layout()).setContentsMargins(0, 0, 0, 0)

    def _save_text_as_typed(self) -> None:
        """Text fields are stored when she pauses or leaves them."""
        self.title_saver = TextAutosave(self.title, lambda t: self._save(title=t))
        self.venue_saver = TextAutosave(self.venue, lambda t: self._save(venue=t))
        self.opening_saver = TextAutosave(self.opening, lambda t: self._save(opening=t))
        self.online_savers = {
            field: TextAutosave(widget, self._saver(field))
            for field, widget in (
                ("online_link", self.online_link),
                ("online_meeting_id", self.online_meeting_id),
                ("online_passcode", self.online_passcode),
                ("recording", self.recording),
            )
        }
        self.text_savers = {
            "title": self.title_saver,
            "venue": self.venue_saver,
            "opening": self.opening_saver,
            **self.online_savers,
        }
        self.versions = FieldConflicts(
            self, self.conflict_area, self.text_savers, self._field_label
        )
        """Each text field's version, and another person's text she has not decided on."""

    def _field_label(self, field: str) -> str:
        return {
            "title": self.tr("Title"),
            "venue": self.tr("Venue"),
            "opening": self.tr("Opening text"),
            "online_link": self.tr("Online link"),
            "online_meeting_id": self.tr("Meeting ID"),
            "online_passcode": self.tr("Passcode"),
            "recording": self.tr("Recording"),
        }[field]

    def _save_choices_when_made(self) -> None:
        """Numbers, dates, times and choices are stored as soon as they change."""
        self.number.valueChanged.connect(lambda v: self._save(number=v or None))
        self.date.dateChanged.connect(lambda d: self._save(date=d))
        self.start.timeChanged.connect(lambda t: self._save(start=t))
        self.end.timeChanged.connect(lambda t: self._save(end=t))
        self.mode.activated.connect(lambda _i: self._save(mode=self.mode.code()))
        present(self.platform.lineEdit()).editingFinished.connect(self._platform_changed)
        self.platform.activated.connect(self._platform_changed)
        self.host.activated.connect(lambda _i: self._save(host_id=self.host.currentData(ID_ROLE)))
        for combo, field_name in (
            (self.chair, "chair_id"),
            (self.recorder, "recorder_id"),
            (self.reviewer, "reviewer_id"),
        ):
            combo.activated.connect(
                lambda _i, c=combo, f=field_name: self._save(**{f: c.currentData(ID_ROLE)})
            )

    # --- loading ----------------------------------------------------------------------------

    def load(
        self,
        details: MeetingDetails,
        chosen_people: list[PersonRow],
        organizations: list[OrganizationRow],
        network_member_ids: set[int],
    ) -> None:
        """Show a meeting. Only its chair, recorder and reviewer are listed at first: the
        network's people fill the lists when the page is shown (a roster of thousands
        would otherwise slow every opening of a meeting)."""
        self.versions.set_aside(self.details.id if self.details is not None else None)
        self._loading = True
        self.details = details
        self._choices = (list(chosen_people), list(organizations), set(network_member_ids))
        try:
            self.network.setText(details.network_name or self.tr("(no network)"))
            self.title_saver.set_text(details.title)
            self.number.setValue(details.number or 0)
            self.year_label.setText(f"/ {be_year(details.date)}")
            self.date.setDate(details.date)
            self.start.setTime(details.start)
            self.end.setTime(details.end)
            self.mode.set_code(details.mode)
            self.platform.setEditText(details.platform or "")
            self.venue_saver.set_text(details.venue or "")
            for field, saver in self.online_savers.items():
                saver.set_text(getattr(details, field) or "")
            self.host.clear()
            self.host.addItem(self.tr("(not set)"), None)
            for organization in organizations:
                self.host.addItem(organization.name, organization.id)
            self.host.setCurrentIndex(max(0, self.host.findData(details.host_id)))
            self._set_people(chosen_people)
            self._people_complete = False
            self.opening_saver.set_text(details.opening or "")
            # A final meeting, or a database this copy may only read: nothing to type into.
            editable = self.context.editable
            self.read_only_note.setVisible(not editable)
            for widget in self._fields():
                widget.setEnabled(editable)
        finally:
            self._loading = False
        self.versions.shown(details.id, details.version)
        if self.isVisible():
            self.complete_people()

    def _set_people(self, people: list[PersonRow]) -> None:
        details = self.details
        self.people.set_rows(people)
        if details is not None:
            self.chair.setCurrentIndex(self.people.row_of(details.chair_id))
            self.recorder.setCurrentIndex(self.people.row_of(details.recorder_id))
            self.reviewer.setCurrentIndex(self.people.row_of(details.reviewer_id))

    def complete_people(self) -> None:
        """List the network's people (everyone, without a network) for chair and recorder."""
        if self._people_complete or self.details is None:
            return
        chosen, _organizations, members = self._choices
        everyone = self.roster.people()
        if self.details.network_id is not None:
            everyone = [p for p in everyone if p.organization_id in members]
        listed = {p.id for p in everyone}
        extra = [p for p in chosen if p.id not in listed]
        loading, self._loading = self._loading, True
        try:
            self._set_people(extra + everyone)
        finally:
            self._loading = loading
        self._people_complete = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.complete_people()

    def _store_committed(self, changes: Changes) -> None:
        if changes.touches_roster():
            self._people_complete = False
            if self.isVisible():
                self.complete_people()
        meeting_id = self.details.id if self.details is not None else None
        theirs = changes.from_others and changes.touches_details(meeting_id)
        if theirs and not changes.deleted(meeting_id) and not self._being_typed_in():
            self.reload()  # someone else's title or place; never over her typing

    def _being_typed_in(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus) and self.isVisible()

    def _fields(self) -> list[QWidget]:
        return [
            self.title,
            self.number,
            self.date,
            self.start,
            self.end,
            self.mode,
            self.platform,
            self.venue,
            self.online_link,
            self.online_meeting_id,
            self.online_passcode,
            self.recording,
            self.host,
            self.chair,
            self.recorder,
            self.reviewer,
            self.opening,
        ]

    # --- storing ------------------------------------------------------------------------------

    def _platform_changed(self, *_args) -> None:
        value = self.platform.currentText().strip()
        if self.details is not None and value != (self.details.platform or ""):
            self._save(platform=value)

    def _saver(self, field: str) -> Callable[[str], bool]:
        def save(text: str) -> bool:
            return self._save(**{field: text})

        return save

    def _save(self, **fields: Any) -> bool:
        if self._loading or self.details is None:
            return False
        meeting_id = self.details.id
        (field,) = fields if len(fields) == 1 else (None,)
        saver = self.text_savers.get(field or "")
        if field is not None and self.versions.is_open(field):
            return False  # in conflict: nothing is stored until she chooses
        # Her text names the version it was based on; a choice (a date, a person) is the
        # last one stored and names none.
        version = self.versions.bases.get(field) if field and saver else None
        base = {field: saver.stored} if field and saver else None
        refused: list[BaseException] = []

        # A service call with its arguments: kept as it is should the server be away.
        store = UserAction.of(
            services.update_meeting, meeting_id, version=version, base=base, **fields
        )
        done = self.store.change(
            store,
            parent=self,
            key=meeting_id,  # one title field serves every meeting: typed text is this one's
            on_failed=refused.append,
        )
        if done is None:
            if field is not None and refused and isinstance(refused[0], EditConflict):
                self.versions.show(field, refused[0])  # hers stays in the field
                return False
            self.reload()
            return False
        if field is not None and version is not None and done.value is not None:
            self.versions.stored_at(field, version, done.value.version)  # the meeting stored
        self.details = replace(self.details, **fields)
        if "date" in fields or "number" in fields:
            self.year_label.setText(f"/ {be_year(self.date.date())}")
        return True

    def _conflict_after_the_drop(self, action: UserAction, conflict: EditConflict) -> bool:
        """Text of the meeting she typed while the server was away, which another person
        changed first: shown under its field, as a conflict at the time of typing is."""
        if not action.service.endswith(".update_meeting") or self.details is None:
            return False
        written = [name for name, _value in action.kwargs if name not in BASED_ON]
        if action.args[:1] != (self.details.id,) or len(written) != 1:
            return False
        if written[0] not in self.text_savers:
            return False
        self.versions.show(written[0], conflict)
        return True

    def reload(self) -> None:
        """Show what is stored again (after a refused change)."""
        if self.details is None:
            return
        meeting_id = self.details.id
        details = self.store.read_if_there(lambda s: meeting_details(s, meeting_id))
        if details is None:
            return  # deleted on another computer: the window moves on
        chosen, organizations, members = self._choices
        complete = self._people_complete
        self.load(details, chosen, organizations, members)
        if complete:
            self.complete_people()

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
