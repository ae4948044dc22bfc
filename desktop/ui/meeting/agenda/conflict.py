"""Her text against another person's: shown side by side, and she chooses.

When an edit of hers is refused because someone else stored that field since
(EditConflict), her text stays in the field, unstored, and this panel shows under the
item's heading what the other person stored, who and when, with three ways on:
- keep mine: hers is stored over theirs (at their version: nothing of theirs is lost
  unseen, she has seen it);
- take theirs: the field shows theirs, hers is dropped;
- merge by hand: theirs is put after hers in the field, and what she makes of both is
  stored over theirs as she types.
Nothing modal: she may go on typing elsewhere, and a test drives the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text_versions import EditConflict
from desktop.core.thai import format_thai_date_short, format_thai_time


def as_text(value: Any) -> str:
    """A field's value as the field shows it: the points one a line."""
    if isinstance(value, list | tuple):
        return "\n".join(value)
    return value or ""


class ConflictPanel(QFrame):
    """What another person stored in one field, beside what she typed in it."""

    KEEP, TAKE, MERGE = "keep", "take", "merge"

    def __init__(
        self,
        field_label: str,
        conflict: EditConflict,
        field: str,
        choose: Callable[[str, str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.field = field
        self.conflict = conflict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ConflictPanel { background: #fde8e4; border: 1px solid #d08070; }")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.theirs = QPlainTextEdit(self)
        self.theirs.setReadOnly(True)
        self.theirs.setFixedHeight(self.fontMetrics().height() * 4)
        self.keep_button = QPushButton(self.tr("Keep mine"), self)
        self.take_button = QPushButton(self.tr("Take theirs"), self)
        self.merge_button = QPushButton(self.tr("Merge by hand"), self)
        self.keep_button.setToolTip(self.tr("Store your text over theirs"))
        self.take_button.setToolTip(self.tr("Show their text and drop yours"))
        self.merge_button.setToolTip(
            self.tr("Put their text after yours in the field, to make one of both")
        )
        buttons = QHBoxLayout()
        for button, choice in (
            (self.keep_button, self.KEEP),
            (self.take_button, self.TAKE),
            (self.merge_button, self.MERGE),
        ):
            button.clicked.connect(lambda _checked=False, c=choice: choose(field, c))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.theirs)
        layout.addLayout(buttons)
        self.show_conflict(field_label, conflict)

    def show_conflict(self, field_label: str, conflict: EditConflict) -> None:
        """A newer refusal of the same field: their latest text, who and when."""
        self.conflict = conflict
        who = conflict.who or self.tr("Someone else")
        when = conflict.when
        at = (
            self.tr("{0} at {1}").format(
                format_thai_date_short(when.date()), format_thai_time(when.time())
            )
            if when is not None
            else ""
        )
        self.heading.setText(
            self.tr(
                "{0} stored “{1}” {2} while you were typing it. Your text is in the field, "
                "not stored yet; theirs is below."
            ).format(who, field_label, at)
        )
        self.theirs.setPlainText(as_text(conflict.theirs.get(self.field)))
