"""The numbered points of a resolution: one point per line, numbers drawn in the margin.

She types the points as lines (Enter starts the next point) and never types a number:
the margin shows `1.`, `2.` … as the minutes will, and blank lines are not points.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class _Margin(QWidget):
    def __init__(self, editor: PointsEdit):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_margin(event)


class PointsEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.margin = _Margin(self)
        self.blockCountChanged.connect(self._update_width)
        self.updateRequest.connect(self._scrolled)
        self.textChanged.connect(self.margin.update)
        self._update_width()

    def points(self) -> list[str]:
        """The points as stored: each non-blank line, trimmed."""
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def margin_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 8 + self.fontMetrics().horizontalAdvance("9" * digits + ".")

    def _update_width(self, *_args) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scrolled(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        inside = self.contentsRect()
        self.margin.setGeometry(
            QRect(inside.left(), inside.top(), self.margin_width(), inside.height())
        )

    def paint_margin(self, event: QPaintEvent) -> None:
        painter = QPainter(self.margin)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(self.palette().placeholderText().color())
        block = self.firstVisibleBlock()
        # Only non-blank lines are points: count them as the minutes will.
        number = sum(
            1
            for n in range(block.blockNumber())
            if self.document().findBlockByNumber(n).text().strip()
        )
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and block.text().strip():
                number += 1
                painter.drawText(
                    0,
                    top,
                    self.margin.width() - 4,
                    height,
                    Qt.AlignmentFlag.AlignRight,
                    f"{number}.",
                )
            block = block.next()
            top = bottom
        painter.end()
