"""Qt's own file dialog, where the system has none of its own (Linux without a desktop's
dialog), lists a file's date in BE with Thai month names, as every date of the app.

The app asks through QFileDialog's static functions; the dialog they make is found when
it takes the keyboard focus (a signal, not a filter on every event of the app) and is
given a proxy model that writes the modified column as `4 ธ.ค. 2569 20.46 น.`. The native
dialogs of Windows and macOS follow the system's own calendar and are left alone.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QTreeView,
    QWidget,
)

from desktop.core.thai import format_thai_date_short, format_thai_time

SIZE_COLUMN, TYPE_COLUMN, MODIFIED_COLUMN = 1, 2, 3
"""QFileSystemModel's columns: name, size, type, date modified."""


def file_size_text(size: int) -> str:
    """A file's size as Windows writes it (`14 KB`, `2.3 MB`), not Qt's `13.2 KiB`."""
    if size < 1024 * 1024:
        return f"{max(1, -(-size // 1024)):,} KB" if size else "0 KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MB"
    return f"{size / 1024**3:.1f} GB"


class BuddhistEraDates(QIdentityProxyModel):
    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == SIZE_COLUMN:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                where = self.mapToSource(index)
                if not source.isDir(where):
                    return file_size_text(source.size(where))
        if role == Qt.ItemDataRole.DisplayRole and index.column() == MODIFIED_COLUMN:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                stamp = source.lastModified(self.mapToSource(index))
                if stamp.isValid():
                    day, clock = stamp.date(), stamp.time()
                    when = date(day.year(), day.month(), day.day())
                    at = format_thai_time(time(clock.hour(), clock.minute()))
                    return f"{format_thai_date_short(when)} {at}"
        return super().data(index, role)


def give_be_dates(dialog: QFileDialog) -> bool:
    """Give Qt's own file dialog the BE dates (once); False for a native one."""
    if dialog.proxyModel() is not None:
        return False
    if not dialog.testOption(QFileDialog.Option.DontUseNativeDialog) and not dialog.findChildren(
        QTreeView
    ):
        return False
    dialog.setProxyModel(BuddhistEraDates(dialog))
    sidebar = dialog.findChild(QWidget, "sidebar")
    if sidebar is not None:  # its places (คอมพิวเตอร์, her home) were cut to three letters
        sidebar.setMinimumWidth(sidebar.fontMetrics().averageCharWidth() * 18)
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        if header is not None and header.count() > MODIFIED_COLUMN:
            # The size, the type and the date whole (they were cut), the name the rest.
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in (SIZE_COLUMN, TYPE_COLUMN, MODIFIED_COLUMN):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return True


def _focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
    window = new.window() if new is not None else None
    if isinstance(window, QFileDialog):
        give_be_dates(window)


def show_file_dates_in_be(app: QApplication) -> None:
    """Once per application: every Qt file dialog it opens lists BE dates."""
    if not app.property("prachum_be_file_dates"):
        app.setProperty("prachum_be_file_dates", True)
        app.focusChanged.connect(_focus_moved)
