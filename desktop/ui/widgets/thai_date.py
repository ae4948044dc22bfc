"""A date field and calendar in the Thai way: Thai month names, Buddhist Era years.

Qt's calendars know no Buddhist Era, so the calendar keeps Qt's month grid and replaces
its navigation bar with our own (Thai month, BE year). The field shows `3 สิงหาคม 2565`
and accepts what secretaries type: `3/8/2565`, `3 ส.ค. 2565`, `2022-08-03`; Up and Down
move a day, Alt+Down opens the calendar.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.thai import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    be_year,
    format_thai_date,
    parse_date,
    to_arabic_digits,
)

# The class's date() method hides the type's name inside the class body.
Day = date

_WORDS = re.compile(r"^\s*(\d{1,2})\s+(\S+)\s+(\d{2,4})\s*$")


def parse_thai_date(text: str) -> date:
    """A date as a secretary types it; raises ValueError when it is none."""
    text = to_arabic_digits(text.strip())
    match = _WORDS.match(text)
    if match:
        day, month_text, year_text = match.groups()
        month_text = month_text.strip()
        months = {m: i for i, m in enumerate(THAI_MONTHS, start=1)}
        months.update({m: i for i, m in enumerate(THAI_MONTHS_SHORT, start=1)})
        months.update({m.replace(".", ""): i for i, m in enumerate(THAI_MONTHS_SHORT, start=1)})
        month = months.get(month_text) or months.get(month_text.replace(".", ""))
        if month is None:
            raise ValueError(f"not a month: {month_text!r}")
        year = int(year_text)
        if year < 100:  # `65` is 2565: two-digit years are Buddhist Era in Thai offices
            year += 2500
        if year > 2400:
            year -= BE_OFFSET
        return date(year, month, int(day))
    return parse_date(text)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class ThaiCalendar(QWidget):
    """Qt's month grid under a Thai month and Buddhist Era year navigation bar."""

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QCalendarWidget(self)
        self.grid.setNavigationBarVisible(False)
        self.grid.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.grid.setGridVisible(False)
        self.previous = QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setAutoRaise(True)
        self.next = QToolButton(self)
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setAutoRaise(True)
        self.month = QComboBox(self)
        self.month.addItems(list(THAI_MONTHS))
        self.year = QSpinBox(self)
        self.year.setRange(2400, 2700)
        self.year.setPrefix("พ.ศ. ")

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.month, 1)
        bar.addWidget(self.year)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.grid)

        self.previous.clicked.connect(self.grid.showPreviousMonth)
        self.next.clicked.connect(self.grid.showNextMonth)
        self.grid.currentPageChanged.connect(self._page_changed)
        self.month.activated.connect(self._navigate)
        self.year.valueChanged.connect(self._navigate)
        self.grid.activated.connect(lambda d: self.activated.emit(_pydate(d)))
        self.grid.clicked.connect(lambda d: self.activated.emit(_pydate(d)))
        self._page_changed(self.grid.yearShown(), self.grid.monthShown())

    def set_date(self, value: date) -> None:
        self.grid.setSelectedDate(_qdate(value))
        self._page_changed(value.year, value.month)

    def selected_date(self) -> date:
        return _pydate(self.grid.selectedDate())

    def shown_page(self) -> tuple[int, int]:
        """(Buddhist Era year, month) on show."""
        return be_year(self.grid.yearShown()), self.grid.monthShown()

    def _page_changed(self, year: int, month: int) -> None:
        for widget in (self.month, self.year):
            widget.blockSignals(True)
        self.month.setCurrentIndex(month - 1)
        self.year.setValue(be_year(year))
        for widget in (self.month, self.year):
            widget.blockSignals(False)

    def _navigate(self, *_args) -> None:
        self.grid.setCurrentPage(self.year.value() - BE_OFFSET, self.month.currentIndex() + 1)


class ThaiDateField(QWidget):
    """`3 สิงหาคม 2565` in a line edit, with a calendar button; emits dateChanged(date)."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date = date.today()
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("3/8/2565")
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        # Wide enough for the longest date, so no date is cut (`าคม 2565`).
        longest = self.edit.fontMetrics().horizontalAdvance("30 พฤศจิกายน 2567")
        self.edit.setMinimumWidth(longest + 16)
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = ThaiCalendar(self.popup)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.addWidget(self.calendar)
        popup_layout.setContentsMargins(0, 0, 0, 0)

        self.button.clicked.connect(self.show_calendar)
        self.calendar.activated.connect(self._picked)
        self.edit.editingFinished.connect(self.commit)
        self.edit.installEventFilter(self)
        self._show()

    def date(self) -> date:
        return self._date

    def setDate(self, value: Day) -> None:
        self._date = value
        self._show()

    def _show(self) -> None:
        self.edit.setText(format_thai_date(self._date))
        self.edit.setToolTip(self.edit.text())

    def show_empty(self, placeholder: str = "") -> None:
        """No date chosen yet: an empty field (not today's date, which would look chosen)."""
        self.edit.clear()
        self.edit.setPlaceholderText(placeholder or "3/8/2565")

    def _take(self, value: Day) -> None:
        changed = value != self._date
        self._date = value
        self._show()
        if changed:
            self.dateChanged.emit(value)

    def commit(self) -> None:
        """Take what is typed (called on Enter and on leaving the field)."""
        text = self.edit.text()
        if text == format_thai_date(self._date):
            return
        try:
            value = parse_thai_date(text)
        except ValueError:
            self._show()  # not a date: back to the last good one
            return
        self._take(value)

    def _picked(self, value: Day) -> None:
        self.popup.hide()
        self._take(value)
        self.edit.setFocus()

    def show_calendar(self) -> None:
        self.calendar.set_date(self._date)
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.calendar.grid.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            key = event.key()
            if key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.show_calendar()
                return True
            if key == Qt.Key.Key_F4:
                self.show_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.commit()
                step = 1 if key == Qt.Key.Key_Up else -1
                self._take(self._date + timedelta(days=step))
                return True
        return super().eventFilter(watched, event)
