"""The Thai date and time fields: what secretaries type is understood, BE years shown."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from desktop.ui.widgets.fields import TimeField
from desktop.ui.widgets.thai_date import ThaiDateField, parse_thai_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3/8/2565", date(2022, 8, 3)),
        ("3 สิงหาคม 2565", date(2022, 8, 3)),
        ("3 ส.ค. 2565", date(2022, 8, 3)),
        ("3 ส.ค. 65", date(2022, 8, 3)),
        ("๓/๘/๒๕๖๕", date(2022, 8, 3)),
        ("2022-08-03", date(2022, 8, 3)),
    ],
)
def test_dates_are_read_as_thai_offices_write_them(typed, expected):
    assert parse_thai_date(typed) == expected


def test_a_wrong_date_is_refused():
    with pytest.raises(ValueError):
        parse_thai_date("3 ฤดูร้อน 2565")


def test_the_date_field_shows_the_buddhist_era_and_takes_what_she_types(qtbot, keys):
    field = ThaiDateField()
    qtbot.addWidget(field)
    field.setDate(date(2024, 2, 14))
    assert field.edit.text() == "14 กุมภาพันธ์ 2567"
    changes = []
    field.dateChanged.connect(changes.append)
    field.edit.selectAll()
    keys.type(field.edit, "1/3/2567")
    keys.press(field.edit, Qt.Key.Key_Return)
    assert field.date() == date(2024, 3, 1)
    keys.press(field.edit, Qt.Key.Key_Up)
    assert field.edit.text() == "2 มีนาคม 2567"
    field.edit.selectAll()
    keys.type(field.edit, "ไม่ใช่วันที่")
    keys.press(field.edit, Qt.Key.Key_Return)
    assert field.edit.text() == "2 มีนาคม 2567"  # back to the last good date
    assert changes == [date(2024, 3, 1), date(2024, 3, 2)]


def test_the_calendar_shows_thai_months_and_buddhist_era_years(qtbot, keys):
    field = ThaiDateField()
    qtbot.addWidget(field)
    field.show()
    field.setDate(date(2022, 8, 3))
    keys.press(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert field.popup.isVisible()
    assert calendar.month.currentText() == "สิงหาคม"
    assert calendar.year.value() == 2565
    calendar.year.setValue(2566)
    assert calendar.shown_page() == (2566, 8)
    calendar.grid.showNextMonth()
    assert calendar.month.currentText() == "กันยายน"
    picked = []
    field.dateChanged.connect(picked.append)
    calendar.activated.emit(date(2023, 9, 5))
    assert picked == [date(2023, 9, 5)]
    assert not field.popup.isVisible()


def test_the_time_field_reads_thai_times_and_can_be_left_empty(qtbot, keys):
    field = TimeField()
    qtbot.addWidget(field)
    changes = []
    field.timeChanged.connect(changes.append)
    keys.type(field, "9.30 น.")
    keys.press(field, Qt.Key.Key_Return)
    assert field.text() == "09.30"
    field.selectAll()
    keys.type(field, "25.99")
    keys.press(field, Qt.Key.Key_Return)
    assert field.text() == "09.30"
    field.clear()
    keys.press(field, Qt.Key.Key_Return)
    assert changes == [time(9, 30), None]
    keys.type(field, "1200")  # as on a clock, without the full stop
    keys.press(field, Qt.Key.Key_Return)
    assert field.text() == "12.00" and changes[-1] == time(12, 0)
