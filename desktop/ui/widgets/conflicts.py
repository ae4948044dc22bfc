"""Her text against another person's: shown side by side, and she chooses.

When an edit of hers is refused because someone else stored that field since
(EditConflict), her text stays in the field, unstored, and a panel shows above the form
(the agenda item's, the meeting details') what the other person stored, who and when,
with three ways on:
- keep mine: hers is stored over theirs (at their version: nothing of theirs is lost
  unseen, she has seen it);
- take theirs: the field shows theirs, hers is dropped;
- merge by hand: theirs is put after hers in the field, and what she makes of both is
  stored over theirs as she types.
Nothing modal: she may go on typing elsewhere, and a test drives the buttons.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text_versions import EditConflict
from desktop.core.thai import format_thai_date_short, format_thai_time
from desktop.ui.base.autosave import TextAutosave

KEEP, TAKE, MERGE = "keep", "take", "merge"


def as_text(value: Any) -> str:
    """A field's value as the field shows it: the points one a line."""
    if isinstance(value, list | tuple):
        return "\n".join(value)
    return value or ""


class ConflictPanel(QFrame):
    """What another person stored in one field, beside what she typed in it."""

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
            (self.keep_button, KEEP),
            (self.take_button, TAKE),
            (self.merge_button, MERGE),
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


_ALL: weakref.WeakSet[FieldConflicts] = weakref.WeakSet()


def undecided(within: QWidget) -> int:
    """How many of her texts wait for her choice in the forms of a window: what closing
    it would lose."""
    count = 0
    for conflicts in list(_ALL):
        try:
            mine = within.isAncestorOf(conflicts.owner)
        except RuntimeError:  # its form is gone with a window closed before
            continue
        if mine:
            count += len(conflicts.panels) + len(conflicts.unresolved_fields())
    return count


class FieldConflicts:
    """The versions of a form's text fields, and the conflicts she has not decided yet.

    `bases` holds, for each field, the version its shown text was stored at: an edit
    names it. A refused edit shows a ConflictPanel in `area` (the form's one place, or
    each field's own, right under it); while it shows, nothing of
    that field is stored. Leaving the record (another item, another meeting) with a
    conflict undecided sets her text and the conflict aside until she comes back.
    """

    def __init__(
        self,
        owner: QWidget,
        area: QVBoxLayout | dict[str, QVBoxLayout],
        savers: dict[str, TextAutosave],
        labels: Callable[[str], str],
    ):
        self.owner = owner
        self.area = area
        self.savers = savers
        self.labels = labels
        self.bases: dict[str, int] = {}
        self.panels: dict[str, ConflictPanel] = {}
        self.unresolved: dict[object, dict[str, tuple[str, EditConflict, int]]] = {}
        _ALL.add(self)

    def unresolved_fields(self) -> list[str]:
        """The fields left undecided on records she has moved away from."""
        return [field for fields in self.unresolved.values() for field in fields]

    def is_open(self, field: str) -> bool:
        return field in self.panels

    def shown(self, key: object, version: int | None) -> None:
        """A record shown afresh (None: none): every field at its version, and what she
        left undecided on it before, back in its fields with its panels."""
        self.bases = dict.fromkeys(self.savers, version) if version is not None else {}
        for field, (mine, conflict, base) in self.unresolved.pop(key, {}).items():
            self.show(field, conflict)
            self.bases[field] = base
            self.type_in(field, mine)

    def set_aside(self, key: object) -> None:
        """Leaving the record: her undecided text and their conflicts kept for her return."""
        if key is not None and self.panels:
            self.unresolved[key] = {
                field: (self.savers[field].text(), panel.conflict, self.bases[field])
                for field, panel in self.panels.items()
            }
        for panel in self.panels.values():
            panel.hide()
            panel.deleteLater()
        self.panels.clear()

    def stored_at(self, field: str, based_on: int, version: int) -> None:
        """Her edit of `field`, based on `based_on`, is stored as `version`. When nobody
        stored anything in between, the other fields that were at `based_on` are at
        `version` too; a field behind stays behind (someone changed it, unseen)."""
        if version == based_on + 1:
            for other, base in self.bases.items():
                if base == based_on and other not in self.panels:
                    self.bases[other] = version
        self.bases[field] = version

    def show(self, field: str, conflict: EditConflict) -> None:
        """Their text beside hers; hers stays in the field, unstored, until she chooses."""
        panel = self.panels.get(field)
        if panel is not None:
            panel.show_conflict(self.labels(field), conflict)
            return
        panel = ConflictPanel(self.labels(field), conflict, field, self.resolve, self.owner)
        self.panels[field] = panel
        area = self.area if isinstance(self.area, QVBoxLayout) else self.area[field]
        area.addWidget(panel)
        panel.show()  # a child added to a page on screen is not shown by itself

    def resolve(self, field: str, choice: str) -> None:
        """Keep mine, take theirs, or merge by hand (ConflictPanel's buttons)."""
        panel = self.panels.pop(field, None)
        if panel is None:
            return
        panel.hide()
        panel.deleteLater()
        conflict, saver = panel.conflict, self.savers[field]
        theirs = as_text(conflict.theirs.get(field))
        mine = saver.text()
        self.bases[field] = conflict.version
        saver.set_text(theirs)  # what is stored now: whatever she makes is made from it
        if choice == TAKE:
            return
        if choice == MERGE:
            separator = " " if saver.single_line else "\n"
            self.type_in(field, f"{mine}{separator}{theirs}" if mine else theirs)
            saver.field.setFocus()
            return
        self.type_in(field, mine)
        saver.flush()  # stored over theirs now; refused again if someone stored since

    def type_in(self, field: str, text: str) -> None:
        """Put text in a field as if she typed it: stored by its saver as usual."""
        saver = self.savers[field]
        widget = saver.field
        if isinstance(widget, QLineEdit):
            widget.setText(text)
            saver.edited()  # setText is not an edit by hand; the saver must still see it
        else:
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(text)
            widget.moveCursor(QTextCursor.MoveOperation.End)  # she goes on at the end
