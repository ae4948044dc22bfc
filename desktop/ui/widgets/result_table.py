"""A table of rows to read, not edit: search hits, an item's history."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def set_up_for_reading(table: QTableView, widths: Iterable[int]) -> None:
    """Whole rows selected, nothing edited, one line a row, and the columns `widths`
    wide to start with (she may drag them; the last one takes what is left)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
