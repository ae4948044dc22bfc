"""The left pane: networks, then the chosen network's meetings with a search box.

The search narrows the list as she types: through the services' Thai search over
titles, agenda text and resolutions, and over what the list itself shows (the number,
`2/2567`, and the Buddhist Era date).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.services.views import MeetingSummary, meeting_summaries, network_rows
from desktop.core.thai import format_thai_date, normalize_text
from desktop.ui.base.store import Store
from desktop.ui.roster.models import NetworkListModel
from desktop.ui.shell.navigator_model import ID_ROLE, MeetingListModel, heading

SEARCH_PAUSE_MS = 150


def _label_text(meeting: MeetingSummary) -> str:
    return normalize_text(
        f"{heading(meeting)} {format_thai_date(meeting.date)} {meeting.title}"
    ).casefold()


class Navigator(QWidget):
    network_chosen = Signal(object)
    meeting_chosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.network_id: int | None = None
        self.networks_label = QLabel(self.tr("Networks"))
        self.networks = QListView()
        self.network_model = NetworkListModel(self, all_label=self.tr("All meetings"))
        self.networks.setModel(self.network_model)
        self.networks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meetings_label = QLabel(self.tr("Meetings"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search meetings (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.meetings = QListView()
        self.meeting_model = MeetingListModel(self)
        self.meetings.setModel(self.meeting_model)
        self.meetings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meetings.setAlternatingRowColors(True)
        self.meetings.setSpacing(1)
        self.meetings.setWordWrap(False)
        # Long titles are cut with … at the pane's edge rather than scrolled sideways.
        self.meetings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.meetings.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.meetings.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Every entry is two lines: with uniform sizes Qt measures one, not 10,000.
        self.meetings.setUniformItemSizes(True)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        for label in (self.networks_label, self.meetings_label):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.networks_label.setBuddy(self.networks)
        self.meetings_label.setBuddy(self.meetings)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.networks_label)
        layout.addWidget(self.networks, 1)
        layout.addWidget(self.meetings_label)
        layout.addWidget(self.search)
        layout.addWidget(self.meetings, 4)
        layout.addWidget(self.empty_note)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.refresh_meetings)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.networks.selectionModel().currentChanged.connect(self._network_changed)
        self.meetings.selectionModel().currentChanged.connect(self._meeting_changed)
        store.committed.connect(self._store_committed)

    # --- networks -------------------------------------------------------------------------

    def refresh_networks(self) -> None:
        keep = self.network_id
        rows = self.store.read(network_rows)
        self.networks.selectionModel().blockSignals(True)
        self.network_model.set_rows(rows)
        self.networks.selectionModel().blockSignals(False)
        self.choose_network(keep if self.network_model.row_of(keep) >= 0 else None)

    def choose_network(self, network_id: int | None) -> None:
        row = max(0, self.network_model.row_of(network_id))
        before = self.networks.currentIndex()
        if self.network_model.rowCount():
            self.networks.setCurrentIndex(self.network_model.index(row))
        if self.networks.currentIndex() == before:
            # Nothing moved, so no signal read the list: read it here (only once either way).
            self._network_changed(self.networks.currentIndex(), QModelIndex())

    def _network_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        network = self.network_model.row(current.row()) if current.isValid() else None
        network_id = network.id if network else None
        changed = network_id != self.network_id
        self.network_id = network_id
        self.refresh_meetings()
        if changed:
            self.network_chosen.emit(network_id)

    # --- meetings -------------------------------------------------------------------------

    def refresh_meetings(self) -> None:
        """The chosen network's meetings, narrowed by the search box."""
        query = self.search.text().strip()
        network_id = self.network_id

        def read(session):
            rows = meeting_summaries(session, network_id=network_id)
            found = services.matching_meeting_ids(session, query) if query else set()
            return rows, found

        rows, found = self.store.read(read)
        if query:
            needle = normalize_text(query).casefold()
            rows = [r for r in rows if r.id in found or needle in _label_text(r)]
        keep = self.current_meeting_id()
        self.meetings.selectionModel().blockSignals(True)
        self.meeting_model.set_rows(rows)
        row = self.meeting_model.row_of(keep)
        if row >= 0:
            self.meetings.selectionModel().setCurrentIndex(
                self.meeting_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.meetings.selectionModel().blockSignals(False)
        if not rows:
            self.empty_note.setText(
                self.tr("No meeting matches “{0}”.").format(query)
                if query
                else self.tr("No meetings yet: Ctrl+N creates one.")
            )
        self.empty_note.setVisible(not rows)

    def current_meeting_id(self) -> int | None:
        index = self.meetings.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def listed_meeting_ids(self) -> list[int]:
        return [m.id for m in self.meeting_model.rows]

    def select_meeting(self, meeting_id: int) -> bool:
        """Show a meeting as chosen (switching network or clearing the search if needed)."""
        row = self.meeting_model.row_of(meeting_id)
        if row < 0 and self.search.text():
            self.search.clear()
            self.refresh_meetings()
            row = self.meeting_model.row_of(meeting_id)
        if row < 0 and self.network_id is not None:
            self.choose_network(None)
            row = self.meeting_model.row_of(meeting_id)
        if row < 0:
            return False
        self.meetings.setCurrentIndex(self.meeting_model.index(row))
        return True

    def _meeting_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.meeting_chosen.emit(current.data(ID_ROLE))

    def _store_committed(self, changes: Changes) -> None:
        if changes.touches_networks():
            self.refresh_networks()
        elif changes.touches_meeting_list():
            self.refresh_meetings()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
