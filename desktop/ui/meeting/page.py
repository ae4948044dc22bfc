"""One meeting in the centre of the window: a heading, then tabs.

The tabs are รายละเอียด (details) and ผู้เข้าประชุม (attendance); the agenda, minutes
preview and exports add theirs with add_tab(), and learn which meeting is open from
`meeting_opened`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.core.changes import Changes
from desktop.core.codes import MeetingStatus
from desktop.core.services.views import (
    MeetingDetails,
    OrganizationRow,
    PersonRow,
    meeting_details,
    network_rows,
    organization_rows,
    people_rows,
)
from desktop.core.thai import format_meeting_number, format_thai_date_long, format_thai_time
from desktop.ui.base import i18n
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.store import Store
from desktop.ui.meeting.attendance import AttendancePage
from desktop.ui.meeting.context import MeetingContext
from desktop.ui.meeting.details import DetailsPage

DETAILS_TAB, ATTENDANCE_TAB = 0, 1


@dataclass(frozen=True)
class MeetingView:
    """What opening a meeting reads, in one session."""

    details: MeetingDetails
    member_ids: set[int]
    chosen_people: list[PersonRow]
    """The chair, recorder and reviewer: the rest of the roster is read when needed."""
    organizations: list[OrganizationRow]


def read_meeting_view(session, meeting_id: int) -> MeetingView:
    details = meeting_details(session, meeting_id)
    member_ids: set[int] = set()
    if details.network_id is not None:
        for network in network_rows(session, include_inactive=True):
            if network.id == details.network_id:
                member_ids = set(network.member_ids)
    chosen = {
        person_id
        for person_id in (details.chair_id, details.recorder_id, details.reviewer_id)
        if person_id is not None
    }
    people = people_rows(session, ids=chosen) if chosen else []
    organizations = organization_rows(session)
    return MeetingView(details, member_ids, people, organizations)


class MeetingPage(QWidget):
    meeting_opened = Signal(int)

    def __init__(self, store: Store, roster: RosterCache, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.context = MeetingContext(store, self)
        self.heading = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.details = DetailsPage(store, roster, self.context, self)
        self.attendance = AttendancePage(store, roster, self.context, self)
        self.tabs.addTab(self.details, self.tr("&Details"))
        self.tabs.addTab(self.attendance, self.tr("&Attendance"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.tabs, 1)
        store.committed.connect(self._store_committed)

    @property
    def meeting_id(self) -> int | None:
        return self.context.meeting_id

    @meeting_id.setter
    def meeting_id(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.context.close()  # it was deleted: no meeting is open

    def add_tab(self, widget: QWidget, title: str, index: int | None = None) -> int:
        """Give another part of the window a tab of its own for the open meeting."""
        if index is None:
            return self.tabs.addTab(widget, title)
        return self.tabs.insertTab(index, widget, title)

    def open_meeting(self, meeting_id: int) -> None:
        view = self.store.read(lambda s: read_meeting_view(s, meeting_id))
        self.context.open(meeting_id, view.details.status)
        self._show_heading(view.details)
        self.details.load(view.details, view.chosen_people, view.organizations, view.member_ids)
        self.attendance.load(view.details, view.member_ids)
        self.meeting_opened.emit(meeting_id)

    def _store_committed(self, changes: Changes) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or changes.deleted(meeting_id):
            return
        if changes.touches_details(meeting_id):
            details = self.store.read_if_there(lambda s: meeting_details(s, meeting_id))
            if details is not None:
                self._show_heading(details)
                if changes.from_others and details.status != self.context.status:
                    self.open_meeting(meeting_id)  # finalised or reopened elsewhere
                self.context.set_status(details.status)

    def _show_heading(self, details: MeetingDetails) -> None:
        self.heading.setText(details.title)
        parts = [
            format_meeting_number(details.number, details.date),
            format_thai_date_long(details.date),
        ]
        if details.start:
            times = format_thai_time(details.start, suffix=not details.end)
            if details.end:
                times += "–" + format_thai_time(details.end)
            parts.append(times)
        mode = i18n.meeting_modes().get(details.mode, details.mode)
        place = place_words(details.venue, details.platform)
        parts.append(f"{mode} ({place})" if place else mode)
        if details.status != MeetingStatus.DRAFT:
            parts.append(i18n.meeting_statuses().get(details.status, details.status))
        self.subheading.setText("   ·   ".join(p for p in parts if p))

    def show_attendance(self) -> None:
        self.tabs.setCurrentIndex(ATTENDANCE_TAB)

    def show_details(self) -> None:
        self.tabs.setCurrentIndex(DETAILS_TAB)


def place_words(venue: str | None, platform: str | None) -> str:
    """`ห้องประชุม…, Zoom Meeting`: the platform once, even when typed into the place too."""
    parts: list[str] = []
    for given in (venue, platform):
        part = (given or "").strip()
        if part and not any(part.casefold() in p.casefold() for p in parts):
            parts.append(part)
    return ", ".join(parts)
