"""The statistics page: which organisations attend, over a period she chooses.

A network and a period (this Buddhist Era year, last year, everything, or any two
dates); the bars and the table show the same model, read by one service query.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.errors import PrachumError
from desktop.core.services.views import network_rows
from desktop.ui.base.store import Store
from desktop.ui.statistics.chart import AttendanceChart
from desktop.ui.statistics.model import AuthorityModel, PersonModel, StatisticsModel, percent
from desktop.ui.widgets.thai_date import ThaiDateField


class StatisticsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._stale = True
        heading = QLabel(self.tr("Attendance by organisation"), self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        heading.setFont(font)
        self.network = QComboBox(self)
        self.date_from = ThaiDateField(self)
        self.date_to = ThaiDateField(self)
        self.this_year = QPushButton(self.tr("This year"), self)
        self.last_year = QPushButton(self.tr("Last year"), self)
        self.everything = QPushButton(self.tr("All meetings"), self)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.image_button = QPushButton(self.tr("Save the chart as an image…"), self)
        width = self.fontMetrics().horizontalAdvance("30 พฤศจิกายน 2567") + 40
        for field in (self.date_from, self.date_to):
            field.setMaximumWidth(width)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.model = StatisticsModel(self)
        self.chart = AttendanceChart(self.model, self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setBackgroundRole(QPalette.ColorRole.Base)  # one sheet under the bars
        chart_scroll.setWidget(self.chart)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Network")))
        filters.addWidget(self.network, 1)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.this_year)
        filters.addWidget(self.last_year)
        filters.addWidget(self.everything)
        self.authorities = AuthorityModel(self)
        self.people = PersonModel(self)
        self.tables = QTabWidget(self)
        self.tables.addTab(self.table, self.tr("People invited, by organisation"))
        for model, title in (
            (self.authorities, self.tr("Organisations: meetings attended")),
            (self.people, self.tr("Each person")),
        ):
            view = QTableView(self)
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.tables.addTab(view, title)
        files = QHBoxLayout()
        files.addStretch(1)
        files.addWidget(self.export_button)
        files.addWidget(self.image_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(chart_scroll)
        splitter.addWidget(self.tables)
        splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(files)

        self._opened_on_data = False
        # This year until she looks; read when the page is first shown (showEvent), so
        # that the window's start does not wait for statistics nobody has asked for.
        year = date.today().year
        self._set_period(date(year, 1, 1), date(year, 12, 31), read=False)
        self.network.activated.connect(lambda _i: self.refresh())
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        self.this_year.clicked.connect(lambda: self.set_year(date.today().year))
        self.last_year.clicked.connect(lambda: self.set_year(date.today().year - 1))
        self.everything.clicked.connect(self.set_everything)
        self.export_button.clicked.connect(self.export_workbook)
        self.image_button.clicked.connect(self.save_chart)
        store.committed.connect(self._store_committed)

    def show_network(self, network_id: int | None) -> None:
        """List the networks and choose one (the one chosen on the left, if any)."""
        keep = network_id if network_id is not None else self.network.currentData()
        self.network.clear()
        self.network.addItem(self.tr("All networks"), None)
        for network in self.store.read(network_rows):
            self.network.addItem(network.name, network.id)
        self.network.setCurrentIndex(max(0, self.network.findData(keep)))
        self.refresh()

    def set_year(self, year: int) -> None:
        self._set_period(date(year, 1, 1), date(year, 12, 31))

    def set_everything(self) -> None:
        first = self.store.read(
            lambda s: min((m.date for m in services.list_meetings(s)), default=date.today())
        )
        self._set_period(first, date.today())

    def _set_period(self, start: date, end: date, *, read: bool = True) -> None:
        for field, value in ((self.date_from, start), (self.date_to, end)):
            field.blockSignals(True)
            field.setDate(value)
            field.blockSignals(False)
        if read:
            self.refresh()

    def _store_committed(self, changes: Changes) -> None:
        if (
            changes.touches_any_attendance()
            or changes.touches_meeting_list()
            or changes.touches_networks()
        ):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._opened_on_data:
            self._opened_on_data = True
            self.open_on_data()
        elif self._stale:
            self.refresh()

    def open_on_data(self) -> None:
        """The period that has attendance (of the chosen network), not an empty year."""
        network_id = self.network.currentData()
        period = self.store.read(lambda s: services.period_with_data(s, network_id))
        if period is None:
            self.set_year(date.today().year)
        else:
            self._set_period(*period)

    def export_workbook(self) -> Path | None:
        from desktop.exports.statistics_xlsx import export_statistics

        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the statistics"),
            str(Path.home() / "สถิติการเข้าประชุม.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return None
        network_id, start, end = (
            self.network.currentData(),
            self.date_from.date(),
            self.date_to.date(),
        )
        written = self.store.read(
            lambda s: export_statistics(
                s, path, network_id=network_id, date_from=start, date_to=end
            )
        )
        self.summary.setText(self.tr("Written: {0}").format(written))
        return written

    def save_chart(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the chart"),
            str(Path.home() / "แผนภูมิการเข้าประชุม.png"),
            self.tr("Images (*.png)"),
        )
        if not path:
            return None
        target = Path(path).with_suffix(".png")
        if not self.chart.grab().save(str(target), "PNG"):
            self.store.reporter.show_problem(
                self, PrachumError(f"บันทึกภาพไม่ได้: {target}", f"Cannot save the image: {target}")
            )
            return None
        self.summary.setText(self.tr("Written: {0}").format(target))
        return target

    def refresh(self) -> None:
        network_id = self.network.currentData()
        start, end = self.date_from.date(), self.date_to.date()
        rows = self.store.read(
            lambda s: services.attendance_statistics(
                s, network_id=network_id, date_from=start, date_to=end
            )
        )
        decisions = self.store.read(
            lambda s: services.decision_statistics(
                s, network_id=network_id, date_from=start, date_to=end
            )
        )
        self._stale = False
        self.model.set_rows(rows)
        period = {"network_id": network_id, "date_from": start, "date_to": end}
        authorities, people = self.store.read(
            lambda s: (
                services.authority_attendance(s, **period),
                services.person_attendance(s, **period),
            )
        )
        self.authorities.set_rows(authorities)
        self.people.set_rows(people)
        totals = self.model.totals()
        if totals.invited:
            self.summary.setText(
                self.tr(
                    "{0} organisations; members invited {1} times, present {2} times: {3} overall."
                ).format(
                    sum(1 for r in rows if r.invited),
                    totals.invited,
                    totals.present,
                    percent(totals.present / totals.invited),
                )
            )
        else:
            self.summary.setText(self.tr("No attendance was taken in this period."))
        if decisions.resolutions:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr("Resolutions: {0}, of which {1} voted ({2} by secret ballot).").format(
                    decisions.resolutions, decisions.voted, decisions.secret
                )
            )
