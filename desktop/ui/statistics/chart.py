"""A horizontal bar chart of attendance rates, drawn with QPainter from the table model.

(QtCharts is in PySide6-Addons, which the application does not ship.) One bar per
organisation that had people invited, with its percentage; grid lines every 25%.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.statistics.model import RATE_ROLE, StatisticsModel, percent

BAR = QColor(46, 110, 170)
LOW = QColor(196, 98, 45)
"""Bars under half are drawn in another colour: who rarely comes shows at a glance."""
GRID = QColor(210, 210, 210)


class AttendanceChart(QWidget):
    def __init__(self, model: StatisticsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for signal in (model.modelReset, model.dataChanged, model.layoutChanged):
            signal.connect(self._changed)

    def _bars(self) -> list[tuple[str, float]]:
        bars = []
        for row in range(self.model.rowCount()):
            rate = self.model.data(self.model.index(row, 0), RATE_ROLE)
            if rate is not None:
                name = self.model.data(self.model.index(row, StatisticsModel.ORGANIZATION))
                bars.append((name, rate))
        return bars

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.6)

    def sizeHint(self) -> QSize:
        return QSize(600, max(3, len(self._bars()) + 2) * self._row_height())

    def _changed(self, *_args) -> None:
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        bars = self._bars()
        metrics = self.fontMetrics()
        row_height = self._row_height()
        if not bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No meetings in this period.")
            )
            painter.end()
            return
        label_width = min(
            int(self.width() * 0.42), max(metrics.horizontalAdvance(n) for n, _r in bars) + 12
        )
        left = label_width + 8
        right = self.width() - metrics.horizontalAdvance("100%") - 16
        width = max(10, right - left)
        top = row_height // 2
        bottom = top + len(bars) * row_height

        # Grid and scale: 0, 25, 50, 75, 100%.
        painter.setPen(QPen(GRID, 1))
        for step in range(5):
            x = left + width * step / 4
            painter.drawLine(int(x), top, int(x), bottom)
        painter.setPen(self.palette().text().color())
        for step in range(5):
            x = left + width * step / 4
            text = f"{step * 25}%"
            painter.drawText(
                QRectF(x - 30, bottom + 2, 60, row_height), Qt.AlignmentFlag.AlignHCenter, text
            )

        for number, (name, rate) in enumerate(bars):
            y = top + number * row_height
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar = QRectF(left, y + row_height * 0.2, width * rate, row_height * 0.6)
            painter.fillRect(bar, BAR if rate >= 0.5 else LOW)
            painter.drawText(
                QRectF(bar.right() + 6, y, 80, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                percent(rate),
            )
        painter.end()

    def bar_count(self) -> int:
        return len(self._bars())
