"""A list to pick one of many by typing or pasting a part of it: an organisation, an owner.

She types `ลำพูน`, or pastes `ทม.ลำพูน` from a chat: the box finds the one entry that
name, short name or part means, and Enter takes it, then lets the form go on (a dialog
saves). The lists open as wide as their longest entry, so no name is cut in the middle,
and the box itself asks only for a small width: the form it sits in decides how wide.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QStyle, QWidget

from desktop.core.thai import normalize_text
from desktop.ui.base.present import present

ALSO_ROLE = Qt.ItemDataRole.UserRole + 7
"""Other names an entry answers to (a short name, an abbreviation), as one string."""


def match_key(text: str | None) -> str:
    """How typed text is compared: normalised, case folded, without spaces."""
    return "".join(normalize_text(text or "").casefold().split())


class PickBox(QComboBox):
    submitted = Signal()
    """Enter was pressed with nothing left to choose: the form may go on (save)."""

    def __init__(self, parent: QWidget | None = None, min_chars: int = 12):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        self.setMaxVisibleItems(15)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        self.setSizePolicy(policy)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        for view in (present(self.view()), present(completer.popup())):
            view.setTextElideMode(Qt.TextElideMode.ElideNone)
        # After the completer's own filter, so this one sees Enter first.
        present(completer.popup()).installEventFilter(self)
        present(self.lineEdit()).installEventFilter(self)
        # After the completer has filtered for the same edit (it runs after this signal).
        present(self.lineEdit()).textEdited.connect(
            lambda text: QTimer.singleShot(0, lambda: self._offer_by_other_name(text))
        )
        self.currentIndexChanged.connect(self._show_chosen)
        present(self.lineEdit()).editingFinished.connect(self.show_start)

    # --- filling ----------------------------------------------------------------------

    def add_choice(self, label: str, data: Any, *also: str | None) -> None:
        """An entry shown as `label`, found also by the names in `also`."""
        self.addItem(label, data)
        self.setItemData(self.count() - 1, " ".join(a for a in also if a), ALSO_ROLE)

    def fit_lists(self) -> None:
        """Both lists (drop-down and the one that follows typing) as wide as their
        longest entry, up to the screen's width."""
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = widest + scroll + 4 * metrics.averageCharWidth()
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        for view in (present(self.view()), present(present(self.completer()).popup())):
            view.setMinimumWidth(width)

    # --- choosing ---------------------------------------------------------------------

    def _show_chosen(self, _index: int) -> None:
        self.setToolTip(self.currentText())
        self.show_start()

    def show_start(self) -> None:
        """A long label (a name, an acting position, an organisation) is shown from its
        start: the line edit leaves its cursor at the end, which showed only the
        organisation and scrolled the name she picked out of sight."""
        line = present(self.lineEdit())
        if self.currentIndex() >= 0 and line.text() == self.itemText(self.currentIndex()):
            line.setCursorPosition(0)

    def index_for(self, text: str) -> int:
        """The entry `text` means: its label, a name it answers to, or the only entry
        containing it; -1 when it names none or several."""
        key = match_key(text)
        if not key:
            return -1
        labels = [match_key(self.itemText(i)) for i in range(self.count())]
        if key in labels:
            return labels.index(key)
        for i in range(self.count()):
            also = str(self.itemData(i, ALSO_ROLE) or "")
            if key in (match_key(name) for name in also.split()):
                return i
        containing = [i for i, label in enumerate(labels) if key in label]
        return containing[0] if len(containing) == 1 else -1

    def take_typed(self) -> bool:
        """Choose the entry the typed text means; False (text kept) when there is none."""
        index = self.index_for(self.currentText())
        if index < 0:
            return False
        if index != self.currentIndex():
            self.setCurrentIndex(index)
            self.activated.emit(index)
        else:
            self.setEditText(self.itemText(index))
            self.show_start()
        return True

    def _offer_by_other_name(self, text: str) -> None:
        """Typed or pasted, a name an entry also answers to (an organisation's short name
        `ทต.บ้านกลาง`) is in no label, so the completer offers nothing: offer that entry."""
        completer = present(self.completer())
        if present(self.lineEdit()).text() != text or present(completer.popup()).isVisible():
            return  # typed on since, or the completer offers something already
        index = self.index_for(text)
        if index < 0 or match_key(self.itemText(index)) == match_key(text):
            return
        completer.setCompletionPrefix(self.itemText(index))
        completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return self._enter()
        return super().eventFilter(watched, event)

    def _enter(self) -> bool:
        popup = present(present(self.completer()).popup())
        if popup.isVisible():
            chosen = popup.currentIndex()
            popup.hide()
            if chosen.isValid():  # she went down the list to it: take that one
                self.setEditText(str(chosen.data()))
        self.take_typed()
        self.submitted.emit()
        return True
