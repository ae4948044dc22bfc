"""Attendance during a live call: find a name in a few letters, tick, move on.

Space (or a click on the status) toggles present/absent, and absent opens the reason at
once; typing anywhere in the table goes to the finder, which jumps to the person on the
list, or offers the roster (Enter adds), or a new person. Counts stay in view, and the
members present against the quorum. Alt+Up and Alt+Down (or dragging a row) set the
order the minutes list people in. Every change is one service call in its own session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.journal import UserAction
from desktop.core.services.attendance import proposed_quorum
from desktop.core.services.views import (
    AttendanceRow,
    MeetingDetails,
    PersonRow,
    attendance_rows,
    meeting_details,
)
from desktop.ui.base.present import present
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.store import Store
from desktop.ui.base.text_match import layout_slip, matches, query_words, word_starts
from desktop.ui.meeting.attendance_delegates import AttendanceDelegate
from desktop.ui.meeting.attendance_model import (
    ACTING_AS,
    CAPACITY,
    IDENTITY,
    NAME,
    ORGANIZATION,
    POSITION,
    REASON,
    STATUS,
    AttendanceTableModel,
)
from desktop.ui.meeting.context import MeetingContext
from desktop.ui.widgets.finder import FindBox, Suggestion, SuggestionList

MAX_SUGGESTIONS = 7
COLUMN_WIDTHS = (185, 175, 175, 75, 105, 85, 140, 52, 52, 140, 120)
# The columns of words give up width when the page is narrow (1366 wide, the roster
# beside it); the short ones (group, status, times) keep theirs, and none goes below this.
NARROWED = (NAME, POSITION, ORGANIZATION, REASON, ACTING_AS, CAPACITY, IDENTITY)
NARROWEST = 48
QUORUM_MET = "color: #16783c;"
QUORUM_SHORT = "color: #b02a1e;"


class AttendanceView(QTableView):
    """The table: Space toggles, Delete removes, letters go to the finder."""

    toggle_requested = Signal(int)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)
    """Alt+Up / Alt+Down on a row: (row, -1 or +1)."""
    typed = Signal(QKeyEvent)
    fitted: Callable[[], None] | None = None
    """Called when the table's width changes, to share it among the columns."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitted is not None:
            self.fitted()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        alt_only = event.modifiers() == Qt.KeyboardModifier.AltModifier
        if alt_only and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and row >= 0:
            self.move_requested.emit(row, -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_Space and plain and row >= 0:
            self.toggle_requested.emit(row)
            return
        if event.key() == Qt.Key.Key_Delete and row >= 0:
            self.remove_requested.emit(row)
            return
        text = event.text()
        if plain and text and text.isprintable() and not text.isspace():
            self.typed.emit(event)
            return
        super().keyPressEvent(event)


class AttendancePage(QWidget):
    """The attendance tab of a meeting."""

    told = Signal(str)
    """A short note for the status bar (who was marked how)."""
    new_person_wanted = Signal(str)
    """The finder's text, when she asks for a person who is not in the roster."""

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
        self.network_member_ids: set[int] = set()
        self._table_hits: list[int] = []

        self.finder = FindBox(self)
        self.finder.setPlaceholderText(
            self.tr("Type a few letters of a name to find or add someone (Ctrl+L)")
        )
        self.finder.setClearButtonEnabled(True)
        self.copy_button = QPushButton(self.tr("Copy from last meeting"), self)
        self.network_button = QPushButton(self.tr("Add the whole network"), self)
        self.counts = QLabel(self)
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.counts.setWordWrap(True)  # a narrow window wraps the counts, never hides them
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quorum = QSpinBox(self)
        self.quorum.setRange(0, 100_000)
        self.quorum.setSpecialValueText(self.tr("none"))
        self.quorum.setKeyboardTracking(False)  # stored when she stops typing, not per digit
        self.quorum.setToolTip(self.tr("How many members must be present to decide"))
        quorum_label = QLabel(self.tr("&Quorum"), self)
        quorum_label.setBuddy(self.quorum)
        self.propose_quorum = QPushButton(self.tr("More than half"), self)
        self.propose_quorum.setToolTip(
            self.tr("Set the quorum to more than half of the members expected")
        )
        self.quorum_state = QLabel(self)
        self.quorum_state.setFont(font)
        self.quorum_state.setWordWrap(True)
        self._quorum: int | None = None

        self.model = AttendanceTableModel(self._edit, self)
        self.view = AttendanceView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(AttendanceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Rows are dragged into her order; the list is then read again, in that order.
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.model.mover = self.move_line
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(column, width)
        self.columns_by_hand = False
        """Once she drags a column's edge, the widths are hers; they are not fitted again."""
        self._dragging_edge = False
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._column_resized)
        self.view.fitted = self.fit_columns
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        self.suggestions = SuggestionList(self)

        bar = QHBoxLayout()
        bar.addWidget(self.finder, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.network_button)
        quorum_bar = QHBoxLayout()
        quorum_bar.addWidget(self.counts, 1)
        quorum_bar.addWidget(quorum_label)
        quorum_bar.addWidget(self.quorum)
        quorum_bar.addWidget(self.propose_quorum)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(quorum_bar)
        layout.addWidget(self.quorum_state)
        layout.addWidget(self.view, 1)

        self.finder.textEdited.connect(self._search)
        self.finder.moved.connect(self._move_suggestion)
        self.finder.chosen.connect(self._choose)
        self.finder.cancelled.connect(self._cancel)
        self.suggestions.clicked_row.connect(self._choose_suggestion)
        self.view.toggle_requested.connect(self.toggle)
        self.view.remove_requested.connect(self.remove)
        self.view.move_requested.connect(self.move_row)
        self.quorum.valueChanged.connect(self._quorum_typed)
        self.propose_quorum.clicked.connect(self.set_proposed_quorum)
        self.view.typed.connect(self._typed_in_table)
        self.view.clicked.connect(self._clicked)
        self.copy_button.clicked.connect(self.copy_from_last_meeting)
        self.network_button.clicked.connect(self.add_whole_network)
        self.model.modelReset.connect(self._show_counts)
        self.model.dataChanged.connect(self._show_counts)
        QShortcut(QKeySequence("Ctrl+L"), self, self.focus_finder)
        store.committed.connect(self._store_committed)
        self._show_counts()

    # --- loading --------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Share the table's width so that it does not scroll sideways: the columns of
        words narrow in proportion, the short ones keep their width."""
        if self.columns_by_hand:
            return
        room = self.view.viewport().width()
        if room <= 0:
            return
        fixed = sum(w for c, w in enumerate(COLUMN_WIDTHS) if c not in NARROWED)
        flexible = sum(COLUMN_WIDTHS[c] for c in NARROWED)
        scale = min(1.0, max(0.0, room - fixed) / flexible)
        widths = {c: max(NARROWEST, int(COLUMN_WIDTHS[c] * scale)) for c in NARROWED}
        # A column held at its narrowest leaves less for the others: take it from the
        # widest, so that the whole still fits.
        excess = fixed + sum(widths.values()) - room
        while excess > 0:
            widest = max(widths, key=widths.__getitem__)
            if widths[widest] <= NARROWEST:
                break
            cut = min(excess, widths[widest] - NARROWEST)
            widths[widest] -= cut
            excess -= cut
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)

    def _column_resized(self, *_args) -> None:
        if self._dragging_edge:  # her mouse on the header: not the table's own fitting
            self.columns_by_hand = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.horizontalHeader().viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._dragging_edge = True
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._dragging_edge = False
        return super().eventFilter(watched, event)

    @property
    def meeting_id(self) -> int | None:
        return self.context.meeting_id

    def load(self, details: MeetingDetails, network_member_ids: set[int]) -> None:
        self.network_member_ids = set(network_member_ids)
        editable = self.context.editable
        self.model.editable = editable
        self.model.chair_person_id = details.chair_id
        for widget in (
            self.copy_button,
            self.network_button,
            self.finder,
            self.quorum,
            self.propose_quorum,
        ):
            widget.setEnabled(editable)
        self._show_quorum(details.quorum)
        self.network_button.setVisible(details.network_id is not None)
        self._cancel(focus_table=False)
        self.refresh()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, NAME))

    def refresh(self) -> None:
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.model.set_rows(self.store.read(lambda s: attendance_rows(s, meeting_id)))

    def _store_committed(self, changes: Changes) -> None:
        meeting_id = self.meeting_id
        if changes.deleted(meeting_id):
            return  # the window leaves it
        heading = changes.touches_details(meeting_id)  # the chair or the quorum may be new
        if heading or changes.touches_attendance(meeting_id):
            if heading and meeting_id is not None:
                details = self.store.read_if_there(lambda s: meeting_details(s, meeting_id))
                if details is None:
                    return  # deleted on another computer
                self.model.chair_person_id = details.chair_id
                self._show_quorum(details.quorum)
            self.refresh()

    def _show_counts(self, *_args) -> None:
        counts = self.model.counts()
        self.counts.setText(
            self.tr(
                "Present: {0}   ·   Absent: {1}   ·   Participants: {2}   ·   Listed: {3}"
            ).format(counts.present, counts.absent, counts.participants, self.model.rowCount())
        )
        self._show_quorum_state()

    # --- the quorum ----------------------------------------------------------------------

    def _show_quorum(self, quorum: int | None) -> None:
        self._quorum = quorum
        self.quorum.blockSignals(True)
        self.quorum.setValue(quorum or 0)
        self.quorum.blockSignals(False)
        self._show_quorum_state()

    def _show_quorum_state(self) -> None:
        """Members present against the quorum, always in view; a warning while short."""
        present = self.model.counts().present
        if self._quorum is None:
            self.quorum_state.setText(
                self.tr("No quorum set: the minutes will not say it was reached.")
            )
            self.quorum_state.setStyleSheet("")
        elif present >= self._quorum:
            self.quorum_state.setText(
                self.tr("Quorum reached: {0} members present, {1} needed.").format(
                    present, self._quorum
                )
            )
            self.quorum_state.setStyleSheet(QUORUM_MET)
        else:
            self.quorum_state.setText(
                self.tr(
                    "No quorum: {0} members present, {1} needed. The meeting cannot decide, "
                    "and the minutes will not say the quorum was reached."
                ).format(present, self._quorum)
            )
            self.quorum_state.setStyleSheet(QUORUM_SHORT)

    def quorum_met(self) -> bool | None:
        if self._quorum is None:
            return None
        return self.model.counts().present >= self._quorum

    def _quorum_typed(self, value: int) -> None:
        self.set_quorum(value or None)

    def set_quorum(self, quorum: int | None) -> bool:
        meeting_id = self.meeting_id
        if meeting_id is None or quorum == self._quorum:
            return False
        done = self.store.change(
            UserAction.of(services.update_meeting, meeting_id, quorum=quorum), parent=self
        )
        if done is None:
            self._show_quorum(self._quorum)
            return False
        self._show_quorum(quorum)
        return True

    def set_proposed_quorum(self) -> None:
        """More than half of the members expected (present or absent)."""
        proposal = proposed_quorum(self.model.counts().expected)
        if proposal is not None:
            self.set_quorum(proposal)

    # --- changes --------------------------------------------------------------------------

    def _change(self, action, note: str | None = None) -> bool:
        done = self.store.change(action, parent=self)
        if done is not None and note:
            self.told.emit(note)
        return done is not None

    def _edit(self, attendance_id: int, field: str, value: Any) -> bool:
        changed = self._change(
            UserAction.of(services.update_attendance, attendance_id, **{field: value})
        )
        if changed:
            self._show_kept(attendance_id, **{field: value})
        return changed

    def _show_kept(self, attendance_id: int, **fields: Any) -> None:
        """While the server is away, a change kept for it is shown as she made it (the
        list is not read again until the server has it)."""
        if self.store.offline:
            self.model.show_kept(attendance_id, fields)

    def toggle(self, row: int) -> None:
        line = self.model.row(row)
        becomes = (
            AttendanceStatus.ABSENT
            if line.status == AttendanceStatus.PRESENT
            else AttendanceStatus.PRESENT
        )
        # The state she saw it become, not a toggle: stored twice (a replay of the journal
        # of a dropped connection, two people at the door) it stays what she ticked.
        tick = UserAction.of(services.set_attendance_status, line.id, status=becomes)
        if not self._change(tick, self._status_note(line.name, becomes)):
            return
        self._show_kept(line.id, status=becomes)
        self.view.setCurrentIndex(self.model.index(row, NAME))
        if becomes == AttendanceStatus.ABSENT:
            self.view.edit(self.model.index(row, REASON))

    def mark_present(self, row: int) -> None:
        line = self.model.row(row)
        if self._change(
            UserAction.of(services.mark_present, line.id),
            self._status_note(line.name, AttendanceStatus.PRESENT),
        ):
            self._show_kept(line.id, status=AttendanceStatus.PRESENT)
        self.view.setCurrentIndex(self.model.index(row, NAME))

    def add_person(self, person_id: int, organization_id: int | None, name: str) -> None:
        """Put someone from the roster on the list as present, and go to her line."""
        meeting_id = present(self.meeting_id)
        in_network = organization_id is not None and organization_id in self.network_member_ids
        group = AttendanceGroup.MEMBER if in_network else AttendanceGroup.PARTICIPANT
        added = self._change(
            lambda s: services.add_attendee(
                s, meeting_id, person_id, group=group, status=AttendanceStatus.PRESENT
            ),
            self._status_note(name, AttendanceStatus.PRESENT),
        )
        row = self.model.row_of_person(person_id) if added else -1
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, NAME))
            self.view.scrollTo(self.model.index(row, NAME))

    def move_row(self, row: int, offset: int) -> None:
        """Alt+Up / Alt+Down: the line one place up or down, and the cursor with it."""
        column = max(self.view.currentIndex().column(), NAME)
        line_id = self.model.row(row).id
        if self.move_line(line_id, offset):
            new_row = next((r for r, line in enumerate(self.model.rows) if line.id == line_id), row)
            self.view.setCurrentIndex(self.model.index(new_row, column))

    def move_line(self, attendance_id: int, offset: int) -> bool:
        return self._change(lambda s: services.move_attendee(s, attendance_id, offset))

    def select_line(self, attendance_id: int) -> bool:
        """Put the cursor on a line (a finalise check's place)."""
        for row, line in enumerate(self.model.rows):
            if line.id == attendance_id:
                index = self.model.index(row, NAME)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                self.view.setFocus()
                return True
        return False

    def remove(self, row: int) -> None:
        line = self.model.row(row)
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the list"),
            self.tr("Take {0} off this meeting's list?").format(line.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(lambda s: services.remove_attendee(s, line.id))

    def copy_from_last_meeting(self) -> None:
        meeting_id = present(self.meeting_id)
        added = self.store.change(
            lambda s: len(services.copy_expected_attendance(s, meeting_id)),
            parent=self,
        )
        if added is not None:
            self.told.emit(self.tr("{0} people copied from the last meeting").format(added.value))

    def add_whole_network(self) -> None:
        meeting_id = present(self.meeting_id)
        added = self.store.change(
            lambda s: services.add_network_members(s, meeting_id), parent=self
        )
        if added is not None:
            self.told.emit(self.tr("{0} people of the network added").format(added.value))

    def _status_note(self, name: str, status: str) -> str:
        if status == AttendanceStatus.PRESENT:
            return self.tr("{0}: present").format(name)
        return self.tr("{0}: absent").format(name)

    # --- clicks and keys --------------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == STATUS and self.model.editable:
            self.toggle(index.row())

    def _typed_in_table(self, event: QKeyEvent) -> None:
        if not self.finder.isEnabled():
            return
        self.finder.setFocus()
        QApplication.sendEvent(self.finder, event)

    def focus_finder(self) -> None:
        self.finder.setFocus()
        self.finder.selectAll()

    # --- the finder --------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        words = query_words(text)
        if not words:
            self._cancel(focus_table=False)
            return
        keys = self.model.search_keys()
        hits = [row for row, key in enumerate(keys) if matches(key, words)]
        people = [(p, k) for p, k in self.roster.people_with_keys() if matches(k, words)]
        slip = layout_slip(text)
        if not hits and not people and slip:
            words = query_words(slip)
            hits = [row for row, key in enumerate(keys) if matches(key, words)]
            people = [(p, k) for p, k in self.roster.people_with_keys() if matches(k, words)]
        hits.sort(key=lambda row: not word_starts(keys[row], words))
        self._table_hits = hits
        if hits:
            index = self.model.index(hits[0], NAME)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        listed = {line.person_id for line in self.model.rows}
        people = [(p, k) for p, k in people if p.id not in listed]
        people.sort(key=lambda pk: not word_starts(pk[1], words))
        items = [Suggestion(p, self._describe(p)) for p, _k in people[:MAX_SUGGESTIONS]]
        items.append(Suggestion(None, self.tr("New person “{0}”…").format(text.strip())))
        self.suggestions.suggestions.set_items(items)
        self.suggestions.set_current_row(-1 if hits else 0)
        self.suggestions.show_under(self.finder, self.finder.width())

    def _describe(self, person: PersonRow) -> str:
        parts = [person.display_name, person.position, person.organization_label]
        return self.tr("Add: {0}").format(" — ".join(p for p in parts if p))

    def _move_suggestion(self, step: int) -> None:
        if not self.suggestions.isVisible():
            self.view.setFocus()
            return
        count = self.suggestions.suggestions.rowCount()
        row = self.suggestions.current_row() + step
        self.suggestions.set_current_row(max(-1, min(row, count - 1)))

    def _choose(self) -> None:
        row = self.suggestions.current_row() if self.suggestions.isVisible() else -1
        if row >= 0:
            self._choose_suggestion(row)
            return
        if self._table_hits:
            self.mark_present(self._table_hits[0])
        self._cancel(focus_table=False)

    def _choose_suggestion(self, row: int) -> None:
        suggestion = self.suggestions.suggestions.row(row)
        text = self.finder.text().strip()
        self._cancel(focus_table=False)
        if suggestion.person is not None:
            person = suggestion.person
            self.add_person(person.id, person.organization_id, person.display_name)
            self.finder.setFocus()
        else:
            self.new_person_wanted.emit(text)

    def _cancel(self, *, focus_table: bool = True) -> None:
        self.finder.clear()
        self.suggestions.hide()
        self._table_hits = []
        if focus_table:
            self.view.setFocus()

    def suggestion_texts(self) -> list[str]:
        model = self.suggestions.suggestions
        return [suggestion.text for suggestion in model.rows]

    def rows(self) -> list[AttendanceRow]:
        return list(self.model.rows)
