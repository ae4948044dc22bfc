"""The chosen item's editor: title, category, what was said, the resolution, its
numbered points, the vote and the actions.

Text fields are stored through TextAutosave (a short pause, leaving the field, or the
window closing); the page stores them and keeps each change on the undo stack. Loading
another item never happens with a field still waiting: the page flushes first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codes import AgendaCategory
from desktop.core.services.agenda_view import AgendaNode, VoteRow
from desktop.core.services.attendance import count_attendance
from desktop.core.services.views import AttendanceRow
from desktop.core.thai import format_thai_time
from desktop.ui.base.autosave import TextAutosave
from desktop.ui.meeting.agenda.actions_editor import ActionHost, ActionsEditor
from desktop.ui.meeting.agenda.labels import QUICK_RESOLUTIONS, agenda_categories, quick_resolution
from desktop.ui.meeting.agenda.points import PointsEdit
from desktop.ui.meeting.agenda.vote_editor import VoteEditor
from desktop.ui.widgets.conflicts import FieldConflicts
from desktop.ui.widgets.fields import CodeCombo

TEXT_FIELDS = ("title", "body", "resolution", "points")


class EditorHost(ActionHost, Protocol):
    def store_field(self, field: str, old: Any, new: Any) -> bool: ...

    def attendance(self) -> list[AttendanceRow]: ...


class Banner(QFrame):
    """A note above the item with one button: certify, carry over, reopen …"""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Banner { background: #fff4d6; border: 1px solid #e0c070; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._callback: Callable[[], None] | None = None
        self.button.clicked.connect(self._clicked)
        self.hide()

    def show_note(self, text: str, button: str | None = None, callback=None) -> None:
        self.label.setText(text)
        self.button.setVisible(button is not None)
        self.button.setText(button or "")
        self._callback = callback
        self.show()

    def _clicked(self) -> None:
        if self._callback is not None:
            self._callback()


class ItemEditor(QWidget):
    escaped = Signal()
    """Escape in a field: back to the agenda tree."""

    def __init__(self, host: EditorHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.node: AgendaNode | None = None
        self.previous_label: str | None = None
        self._loading = False

        self.heading = QLabel(self)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.presence = QLabel(self)
        """Who else has this item open for writing, on a shared server."""
        self.presence.setStyleSheet("color: #8a5a00;")
        self.presence.hide()
        self.note = Banner(self)
        self.action_note = Banner(self)
        # Under each text field, room for another person's text when theirs and hers
        # clash (desktop.ui.widgets.conflicts): right below the text it concerns.
        self.conflict_areas = {field: QVBoxLayout() for field in TEXT_FIELDS}
        self.title = QLineEdit(self)
        self.category = CodeCombo(agenda_categories(), self)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("What was said: one paragraph per line. Ctrl+T writes the time.")
        )
        self.body.setMinimumHeight(self.fontMetrics().height() * 8)
        self.quick = QComboBox(self)
        self.quick.addItem(self.tr("Quick pick…"), "")
        for label, text in QUICK_RESOLUTIONS:
            self.quick.addItem(label, text)
        self.resolution = QPlainTextEdit(self)
        self.resolution.setTabChangesFocus(True)
        self.resolution.setFixedHeight(self.fontMetrics().height() * 4)
        self.resolution.setPlaceholderText(self.tr("What the meeting decided"))
        self.points = PointsEdit(self)
        self.points.setFixedHeight(self.fontMetrics().height() * 5)
        self.points.setPlaceholderText(self.tr("Numbered points of the resolution, one per line"))
        self.actions_editor = ActionsEditor(host, self)
        self._attendance: list[AttendanceRow] = []
        self.vote = VoteEditor(self.members_present, self)
        self.vote.changed.connect(self._store_vote)

        # The quick pick above the text it fills: beside it, it squeezed the text narrow.
        # A label of its own gives it an Alt key: without one she needed the mouse.
        quick_row = QHBoxLayout()
        quick_row.addWidget(self._label(self.tr("&Quick pick"), self.quick))
        quick_row.addWidget(self.quick)
        quick_row.addStretch(1)
        resolution_label = QVBoxLayout()
        resolution_label.addLayout(quick_row)
        resolution_label.addWidget(self.resolution, 1)
        resolution_label.addLayout(self.conflict_areas["resolution"])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._label(self.tr("&Title"), self.title), self._with_area("title"))
        form.addRow(self._label(self.tr("Categor&y"), self.category), self.category)
        form.addRow(self._label(self.tr("What was &said"), self.body), self._with_area("body"))
        form.addRow(self._label(self.tr("Resol&ution"), self.resolution), resolution_label)
        form.addRow(self._label(self.tr("&Points"), self.points), self._with_area("points"))
        form.addRow(self._label(self.tr("&Vote"), self.vote.votes_for), self.vote)
        form.addRow(self._label(self.tr("Actio&ns"), self.actions_editor.list), self.actions_editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.presence)
        layout.addWidget(self.note)
        layout.addWidget(self.action_note)
        layout.addLayout(form, 1)

        self.savers = {
            "title": TextAutosave(self.title, lambda t: self._store("title", t)),
            "body": TextAutosave(self.body, lambda t: self._store("body", t)),
            "resolution": TextAutosave(self.resolution, lambda t: self._store("resolution", t)),
            "points": TextAutosave(self.points, self._store_points),
        }
        self.versions = FieldConflicts(self, self.conflict_areas, self.savers, self.field_label)
        """Each text field's version, and another person's text she has not decided on."""
        # Down the form as she reads it: the quick pick above the resolution it fills, so
        # that Shift+Tab from the resolution reaches it.
        chain = [
            self.title,
            self.category,
            self.body,
            self.quick,
            self.resolution,
            self.points,
            *self.vote.tab_chain(),
            *self.actions_editor.tab_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.category.activated.connect(self._category_chosen)
        self.quick.activated.connect(self._quick_pick)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.escaped)
        self.load(None)

    def _with_area(self, field: str) -> QVBoxLayout:
        """A text field with its conflict area under it, as one cell of the form."""
        cell = QVBoxLayout()
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addWidget(getattr(self, field))
        cell.addLayout(self.conflict_areas[field])
        return cell

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # --- showing an item ----------------------------------------------------------------

    def load(self, node: AgendaNode | None) -> None:
        """Show an item (None: nothing chosen). The caller has flushed pending fields."""
        self.versions.set_aside(self.node.id if self.node else None)
        self._loading = True
        try:
            self.node = node
            self.show_heading(node)
            for field in TEXT_FIELDS:
                self.show_field(field, getattr(node, field) if node else "")
            self.bases = dict.fromkeys(TEXT_FIELDS, node.version) if node else {}
            self.category.set_code(node.category if node else AgendaCategory.OTHER)
            self.actions_editor.set_actions(node.actions if node else ())
            self.refresh_attendance()
            self.vote.set_vote(node.vote if node else None)
            self.quick.setCurrentIndex(0)
        finally:
            self._loading = False
        for widget in self._fields():
            widget.setVisible(True)
        self.setEnabled(node is not None)
        self.versions.shown(node.id if node else None, node.version if node else None)

    def show_heading(self, node: AgendaNode | None) -> None:
        if node is None:
            self.heading.setText(self.tr("No item chosen: Ctrl+Enter adds one."))
        elif node.parent_id is None:
            self.heading.setText(self.tr("Agenda item {0}").format(node.number))
        else:
            self.heading.setText(self.tr("Sub-item {0}").format(node.number))

    def show_presence(self, others: list[str]) -> None:
        """`สมศรี กำลังแก้ไข`: the others who have this item open for writing."""
        self.presence.setText(self.tr("{0} is editing").format(", ".join(others)))
        self.presence.setVisible(bool(others))

    def refresh_attendance(self) -> None:
        """The people who may move or second, and the members present the votes meet."""
        self._attendance = self.host.attendance() if self.node is not None else []
        # A deleted person's line names no one who can move or second now.
        self.vote.set_people(
            [(line.person_id, line.name) for line in self._attendance if line.person_id is not None]
        )
        self.vote.show_warning()

    def members_present(self) -> int:
        return count_attendance(self._attendance).present

    def show_field(self, field: str, value: Any) -> None:
        if field == "vote":
            self.vote.set_vote(value)
            return
        if field == "points":
            value = "\n".join(value)
        if field == "category":
            self.category.set_code(value)
            return
        self.savers[field].set_text(value or "")

    def _fields(self) -> list[QWidget]:
        return [self.title, self.category, self.body, self.quick, self.resolution, self.points]

    def set_editable(self, editable: bool) -> None:
        for widget in (self.title, self.body, self.resolution, self.points):
            widget.setReadOnly(not editable)
        self.category.setEnabled(editable)
        self.quick.setEnabled(editable)
        self.vote.set_editable(editable)
        self.actions_editor.set_editable(editable)

    def live_values(self) -> dict[str, Any]:
        """What the fields say now, stored or not (the preview shows it as she types)."""
        return {
            "title": self.title.text(),
            "body": self.body.toPlainText(),
            "resolution": self.resolution.toPlainText(),
            "points": self.points.points(),
        }

    # --- storing ------------------------------------------------------------------------

    def _store(self, field: str, text: str) -> bool:
        if self._loading or self.node is None or self.versions.is_open(field):
            return False  # in conflict: nothing is stored until she chooses
        return self.host.store_field(field, self.savers[field].stored, text)

    def _store_points(self, text: str) -> bool:
        if self._loading or self.node is None or self.versions.is_open("points"):
            return False
        old = [line.strip() for line in self.savers["points"].stored.splitlines() if line.strip()]
        new = [line.strip() for line in text.splitlines() if line.strip()]
        if old == new:
            return True
        return self.host.store_field("points", old, new)

    # --- another person's text ------------------------------------------------------------

    @property
    def conflicts(self) -> dict:
        """The fields whose edit waits for her choice, with their panels."""
        return self.versions.panels

    def field_label(self, field: str) -> str:
        return {
            "title": self.tr("Title"),
            "body": self.tr("What was said"),
            "resolution": self.tr("Resolution"),
            "points": self.tr("Points"),
        }[field]

    def _store_vote(self, vote: VoteRow | None) -> None:
        if self._loading or self.node is None:
            return
        old = self.vote.stored_vote
        if self.host.store_field("vote", old, vote):
            self.vote.stored(vote)
        else:
            self.vote.set_vote(old)

    def _category_chosen(self, _index: int) -> None:
        node, code = self.node, self.category.code()
        if (
            node is not None
            and code != node.category
            and not self.host.store_field("category", node.category, code)
        ):
            self.category.set_code(node.category)

    def _quick_pick(self, index: int) -> None:
        text = self.quick.itemData(index)
        self.quick.setCurrentIndex(0)
        if not text or self.resolution.isReadOnly():
            return
        # Through the cursor, so that Ctrl+Z in the field takes the pick back.
        cursor = self.resolution.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(quick_resolution(text, self.previous_label))
        self.resolution.setTextCursor(cursor)
        self.savers["resolution"].flush()
        self.resolution.setFocus()

    def insert_time(self) -> None:
        """Ctrl+T: `10.35 น.` at the cursor in what was said."""
        if self.node is None or self.body.isReadOnly():
            return
        self.body.setFocus()
        self.body.insertPlainText(format_thai_time(datetime.now().time()))
