"""The vote on an item: for, against, abstain, open or secret ballot, mover and seconder.

She may type the counts in any order: each is stored as she leaves it, and a warning
shows while they add up to more than the members present (the finalise check lists it
too). Every part is optional; an item nobody voted on has all fields empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core.services.agenda_view import VoteRow
from desktop.ui.widgets.fields import CodeCombo

VOTE_WARNING = "color: #b02a1e;"


class VoteEditor(QWidget):
    changed = Signal(object)
    """The vote as the fields now say it (a VoteRow, or None when all are empty)."""

    def __init__(self, members_present: Callable[[], int], parent: QWidget | None = None):
        super().__init__(parent)
        self.members_present = members_present
        self.votes_for = self._count_field(self.tr("for"))
        self.votes_against = self._count_field(self.tr("against"))
        self.votes_abstain = self._count_field(self.tr("abstain"))
        self.ballot = CodeCombo(
            {"": "—", "open": self.tr("Open ballot"), "secret": self.tr("Secret ballot")}, self
        )
        self.mover = QComboBox(self)
        self.seconder = QComboBox(self)
        for combo in (self.mover, self.seconder):
            # As wide as the form gives them, not as the longest name on the list; the
            # list itself opens wide enough for every name.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(VOTE_WARNING)
        self.warning.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        # Narrow enough for the editor between the tree and the preview on a laptop:
        # each count under its word, then the ballot, the mover and the seconder.
        for column, (word, field) in enumerate(
            zip(
                (self.tr("For"), self.tr("Against"), self.tr("Abstain")),
                self.count_fields(),
                strict=True,
            )
        ):
            grid.addWidget(QLabel(word), 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(QLabel(self.tr("Ballot")), 2, 0)
        grid.addWidget(self.ballot, 2, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Moved by")), 3, 0)
        grid.addWidget(self.mover, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Seconded by")), 4, 0)
        grid.addWidget(self.seconder, 4, 1, 1, 3)
        grid.addWidget(self.warning, 5, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        self._loading = False
        self._stored: VoteRow | None = None
        for field in self.count_fields():
            field.editingFinished.connect(self._edited)
            field.textEdited.connect(lambda _text: self.show_warning())
        for combo in (self.ballot, self.mover, self.seconder):
            combo.activated.connect(lambda _index: self._edited())

    def _count_field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setValidator(QIntValidator(0, 100_000, field))
        field.setPlaceholderText(placeholder)
        # Wide enough for five digits and its own placeholder, on any width of the editor.
        metrics = self.fontMetrics()
        field.setFixedWidth(
            max(metrics.horizontalAdvance("00000"), metrics.horizontalAdvance(placeholder)) + 16
        )
        return field

    def count_fields(self) -> list[QLineEdit]:
        return [self.votes_for, self.votes_against, self.votes_abstain]

    def tab_chain(self) -> list[QWidget]:
        return [*self.count_fields(), self.ballot, self.mover, self.seconder]

    def set_people(self, people: list[tuple[int, str]]) -> None:
        """Who may move or second: the people on the meeting's list."""
        for combo in (self.mover, self.seconder):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem("—", None)
            for person_id, name in people:
                combo.addItem(name, person_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            widest = max((combo.fontMetrics().horizontalAdvance(n) for _i, n in people), default=0)
            combo.view().setMinimumWidth(widest + 4 * combo.fontMetrics().averageCharWidth())

    def set_vote(self, vote: VoteRow | None) -> None:
        self._loading = True
        try:
            self._stored = vote
            for field, value in zip(
                self.count_fields(),
                (vote.votes_for, vote.votes_against, vote.votes_abstain) if vote else (None,) * 3,
                strict=True,
            ):
                field.setText("" if value is None else str(value))
            self.ballot.set_code(vote.ballot if vote and vote.ballot else "")
            for combo, person_id in (
                (self.mover, vote.mover_id if vote else None),
                (self.seconder, vote.seconder_id if vote else None),
            ):
                combo.setCurrentIndex(max(combo.findData(person_id), 0))
        finally:
            self._loading = False
        self.show_warning()

    def vote(self) -> VoteRow | None:
        """What the fields say now."""

        def count(field: QLineEdit) -> int | None:
            text = field.text().strip()
            return int(text) if text.isdigit() else None

        row = VoteRow(
            votes_for=count(self.votes_for),
            votes_against=count(self.votes_against),
            votes_abstain=count(self.votes_abstain),
            ballot=self.ballot.code() or None,
            mover_id=self.mover.currentData(),
            seconder_id=self.seconder.currentData(),
        )
        return None if row.empty else row

    def total(self) -> int:
        vote = self.vote()
        return vote.total if vote else 0

    def show_warning(self) -> None:
        """While the counts add up to more than the members present, say so."""
        total = self.total()
        present = self.members_present() if total else 0
        over = total > present
        if over:
            self.warning.setText(
                self.tr(
                    "The votes add up to {0}, more than the {1} members present. "
                    "Finalising will list it."
                ).format(total, present)
            )
        self.warning.setVisible(over)

    def warning_shown(self) -> bool:
        return not self.warning.isHidden()

    def _edited(self) -> None:
        self.show_warning()
        if self._loading:
            return
        vote = self.vote()
        if vote != self._stored:
            self.changed.emit(vote)

    @property
    def stored_vote(self) -> VoteRow | None:
        return self._stored

    def stored(self, vote: VoteRow | None) -> None:
        """The host stored `vote`."""
        self._stored = vote

    def set_editable(self, editable: bool) -> None:
        for field in self.count_fields():
            field.setReadOnly(not editable)
        for combo in (self.ballot, self.mover, self.seconder):
            combo.setEnabled(editable)
