"""What every Prachum workbook shares: the Thai default font, safe text, widths, printing.

openpyxl gives no public way to change a workbook's default font. Excel draws a cell
that has no style of its own with font 0 of styles.xml, and sizes columns by the Normal
style's font; openpyxl writes its Calibri 11 (theme "minor", which Excel resolves to the
theme's Calibri whatever the name says) in both places. So both are replaced here, and
cells carry no per-cell font: measured, a font on every cell doubles the write time.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import time
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desktop.exports.font_setting import checked_font

"""The minutes' font; a setting may choose TH Sarabun New."""
FONT_SIZE = 16
TITLE_SIZE = 18
THAI_CHARSET = 222
"""Windows' THAI_CHARSET: tells Excel on Windows to take the Thai glyphs from this font."""
DEFAULT_ROW_HEIGHT = 24
"""Points: the height Excel gives a line of 16 pt Sarabun."""

TIME_FORMAT = 'hh"."mm'
"""09.30 as Thai offices write a time; the dot is quoted so that no locale reads it as a
decimal separator. No `น.`: the value stays a real time a secretary can sort and subtract,
and the column's heading already says what it is."""
PERCENT_FORMAT = "0.0%"
WIDTH_PER_LETTER = 1.2
MIN_WIDTH = 7  # a column of small numbers under a short heading still reads as a column
PAPER_A4 = 9

# XML 1.0 refuses these (tab, line feed and carriage return are allowed); lone surrogates
# cannot be encoded at all.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A spreadsheet reads text starting with these as a formula when the cell is edited.
_FORMULA_STARTS = ("=", "+", "-", "@")
_NEEDS_CARE = re.compile(f"^[=+\\-@]|{_XML_ILLEGAL.pattern}")
_PLAIN = frozenset({int, float, bool, type(None)})
# Thai marks written above or below a consonant take no width of their own. A list, not
# a dict: str.translate looks a list up twice as fast, and a character past its end is
# kept as it is.
_MARKS = (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F), 0x200B, 0x200C, 0x200D)
_ZERO_WIDTH: list[int | None] = [None if c in _MARKS else c for c in range(max(_MARKS) + 1)]

_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", start_color="FFD9E1F2")


def thai_workbook(font: str | None = None) -> Workbook:
    """An empty write-only workbook whose every unstyled cell shows `font` at 16 pt, in
    Excel too. Its sheets are written row by row: whatever their length, memory stays flat."""
    # 31 characters is the longest font name the SpreadsheetML schema allows.
    name = checked_font(font, max_length=31)
    workbook = Workbook(write_only=True)
    base = Font(name=name, sz=FONT_SIZE, charset=THAI_CHARSET, scheme=None)
    # Font 0 is what cell format 0 (every cell without a style) points at.
    workbook._fonts = IndexedList([base])
    normal = workbook._named_styles["Normal"]
    normal.font = copy(base)  # re-binds: the Normal style now points at font 0 as well
    return workbook


@contextlib.contextmanager
def discarded_on_failure(workbook: Workbook) -> Iterator[Workbook]:
    """Filling a write-only workbook: if it fails half-way, remove what was streamed.

    Each write-only sheet streams into a temporary file of its own that openpyxl would
    only remove when the program exits; the GUI runs for days.
    """
    try:
        yield workbook
    except BaseException:
        for sheet in workbook._sheets:
            _discard_stream(sheet)
        raise


def _discard_stream(sheet: Any) -> None:
    writer = getattr(sheet, "_writer", None)
    if writer is None:
        return
    # Closing the half-written streams here, where their complaint can be silenced,
    # rather than whenever the garbage collector finds them.
    for stream in (getattr(sheet, "_rows", None), writer.xf):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.close()
    with contextlib.suppress(OSError):
        os.remove(writer.out)


def workbook_font(workbook: Workbook, *, bold: bool = False, size: int = FONT_SIZE) -> Font:
    """The workbook's default font, bold or larger, for the few cells that need it."""
    base = workbook._fonts[0]
    return Font(name=base.name, sz=size, b=bold or None, charset=base.charset, scheme=None)


def clean_text(text: str) -> str:
    """The text without the characters an XLSX file cannot hold."""
    return _XML_ILLEGAL.sub("", text)


def display_width(text: str) -> int:
    """Roughly how many digit-widths `text` takes: Thai marks above and below take none."""
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    return len(longest.translate(_ZERO_WIDTH))


@dataclass(frozen=True)
class ColumnSurvey:
    """What one look at every value of a table tells before it is written."""

    widths: list[float]
    """In Excel's character units, fitting each column's longest value."""
    careful: tuple[int, ...]
    """Columns holding a value that cannot go out as it is: a time, or text that looks
    like a formula or holds a character XML refuses. Only these are looked at again."""


def survey_columns(  # noqa: C901 (the 50,000-row loop stays in one frame for speed)
    headers: list[str], rows: Iterable[Iterable[Any]], *, cap: int = 60
) -> ColumnSurvey:
    """Widths and careful columns, in one pass and without a copy of the values (the
    50,000-row list must stay in flat memory).

    Measured in Sarabun (Laksaman), a line of Thai is as wide as its letters in digits,
    the unit; Calc's unit comes out a little narrower than Excel's, hence a fifth more,
    and a margin. A value of several lines is as wide as its longest line.
    """
    longest = [0] * len(headers)
    careful: set[int] = set()
    needs_care = _NEEDS_CARE.search
    measured: dict[str, int] = {}  # positions and organisations repeat down a list
    for row in rows:
        for index, value in enumerate(row):
            kind = type(value)
            if kind is str:
                # The display width is never more than the length: a value no longer
                # than the widest so far is passed over without being measured.
                if len(value) > longest[index]:
                    width = measured.get(value)
                    if width is None:
                        if len(measured) > 4096:
                            measured.clear()
                        width = measured[value] = display_width(value)
                    longest[index] = max(longest[index], width)
                if index not in careful and needs_care(value):
                    careful.add(index)
            elif value is not None:
                longest[index] = max(longest[index], len(_as_shown(value)))
                if kind not in _PLAIN:
                    careful.add(index)
    widths = []
    for header, width in zip(headers, longest, strict=True):
        # A header may wrap onto two lines, so its longest word is what must fit.
        heading = max(display_width(word) for word in header.split())
        widths.append(min(cap, max(MIN_WIDTH, max(width, heading) * WIDTH_PER_LETTER + 2)))
    return ColumnSurvey(widths, tuple(sorted(careful)))


def column_widths(
    headers: list[str], rows: Iterable[Iterable[Any]], *, cap: int = 60
) -> list[float]:
    """The widths alone, for a small table written through CellMaker.row without a survey."""
    return survey_columns(headers, rows, cap=cap).widths


def _as_shown(value: object) -> str:
    if isinstance(value, time):
        return "00.00"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class CellMaker:
    """Turns values into cells for a write-only sheet, cheaply and safely.

    A plain value is passed through as it is (openpyxl's fastest path); only text that
    a spreadsheet would take for a formula, times, and styled cells become cell objects,
    each from a style prepared once.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self._quoted = self.style(quotePrefix=True)
        self._time = self.style(number_format=TIME_FORMAT)

    def style(self, **attributes: object) -> StyleArray:
        """A look prepared once (font=, fill=, border=, alignment=, number_format=)."""
        cell = WriteOnlyCell(self.sheet)
        for key, value in attributes.items():
            setattr(cell, key, value)
        return cell._style

    def value(self, value: object) -> object:
        """What to append for one value of a data row."""
        if isinstance(value, str):
            if _XML_ILLEGAL.search(value):
                value = clean_text(value)
            if value.startswith(_FORMULA_STARTS):
                return self.cell(value, self._quoted)
            return value
        if isinstance(value, time):
            cell = WriteOnlyCell(self.sheet)
            cell._style = self._time  # shared: nothing changes a data cell's style
            cell._value = value
            cell.data_type = "d"
            return cell
        return value

    def cell(self, value: object, style: StyleArray) -> WriteOnlyCell:
        """A value with a prepared style; text that looks like a formula stays text."""
        cell = WriteOnlyCell(self.sheet)
        # The style array is shared while nothing changes it; openpyxl changes it in place
        # when it gives a date or a time its number format, and so does quotePrefix.
        cell._style = style if type(value) in _PLAIN or type(value) is str else copy(style)
        if isinstance(value, str):
            value = clean_text(value)
            cell.value = value
            if value.startswith(_FORMULA_STARTS):
                # openpyxl has just made `=…` a formula; Excel would make `+…` one on edit.
                cell.data_type = "s"
                cell._style = copy(style)
                cell.quotePrefix = True
        else:
            cell.value = value
        return cell

    def styled(self, value: object, **attributes: object) -> WriteOnlyCell:
        """A cell with a look of its own (title, header, total): a few per sheet."""
        return self.cell(value, self.style(**attributes))

    def row(self, values: Iterable[Any], careful: Sequence[int] | None = None) -> list[Any]:
        """A data row to append. Given the survey's careful columns, only those are looked
        at; otherwise every value is, in one test each."""
        if careful is not None:
            row = list(values)
            value = self.value
            for index in careful:
                if row[index] is not None:
                    row[index] = value(row[index])
            return row
        needs_care, value = _NEEDS_CARE.search, self.value
        return [
            v if (t := type(v)) in _PLAIN or (t is str and not needs_care(v)) else value(v)
            for v in values
        ]


def header_height(headers: list[str], widths: list[float]) -> float | None:
    """Two lines when a heading must wrap in its column: Calc does not grow the row."""
    for header, width in zip(headers, widths, strict=False):
        if display_width(header) * WIDTH_PER_LETTER + 2 > width:
            return 2 * DEFAULT_ROW_HEIGHT
    return None


def header_cells(maker: CellMaker, workbook: Workbook, headers: list[str]) -> list[WriteOnlyCell]:
    """The table's header row: bold, shaded, boxed, centred, wrapping."""
    bold = workbook_font(workbook, bold=True)
    alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return [
        maker.styled(h, font=bold, fill=HEADER_FILL, border=BOX, alignment=alignment)
        for h in headers
    ]


def set_column_widths(sheet: Any, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)


def box_table(sheet: Any, first_row: int, last_row: int, columns: int) -> None:
    """Thin lines around every cell of the table's body.

    Drawn by one conditional format over the range rather than a border on each cell:
    the look is the same on screen and on paper, and a 50,000-row sheet is written at the
    speed of plain values (a border per cell costs 60 % more time).
    """
    if last_row < first_row:
        return
    area = f"A{first_row}:{get_column_letter(columns)}{last_row}"
    rule = Rule(type="expression", formula=["TRUE"], dxf=DifferentialStyle(border=BOX))
    sheet.conditional_formatting.add(area, rule)


def print_setup(
    sheet: Any,
    *,
    landscape: bool,
    title_rows: str | None,
    fit_width: bool = True,
    footer: str = "หน้า &P / &N",
) -> None:
    """A4, one page wide however long, the header repeated, page numbers in the footer."""
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        # Without fitToPage in the sheet's properties Excel and Calc ignore fitTo altogether.
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.footer = 0.3
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.center.text = footer
    sheet.sheet_format.defaultRowHeight = DEFAULT_ROW_HEIGHT
