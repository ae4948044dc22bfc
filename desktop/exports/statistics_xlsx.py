"""The statistics page as a workbook: per authority and per person over a period.

The same two service queries the page shows, so the file and the window agree. Small
tables (one row per organisation or person), A4 portrait, written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError
from desktop.core.models import Network
from desktop.core.services.common import get
from desktop.core.services.statistics import authority_attendance, person_attendance
from desktop.exports.attendance_summary_xlsx import period_line
from desktop.exports.xlsx_common import (
    CellMaker,
    box_table,
    column_widths,
    discarded_on_failure,
    header_cells,
    print_setup,
    set_column_widths,
    thai_workbook,
    workbook_font,
)

SHEET_AUTHORITIES = "รายหน่วยงาน"
SHEET_PEOPLE = "รายบุคคล"
AUTHORITY_HEADERS = ["ลำดับ", "หน่วยงาน", "การประชุมที่เชิญ", "มาประชุม", "ร้อยละ"]
PEOPLE_HEADERS = ["ลำดับ", "ชื่อ–สกุล", "หน่วยงาน", "เชิญ", "มา", "ร้อยละ"]
PERCENT_FORMAT = "0%"


def _sheet(
    workbook: Workbook,
    name: str,
    headings: list[str],
    headers: list[str],
    body: Sequence[Sequence[object]],
) -> None:
    sheet = workbook.create_sheet(name)
    maker = CellMaker(sheet)
    header_row = len(headings) + 2
    set_column_widths(sheet, column_widths(headers, [list(row[:-1]) for row in body]))
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, landscape=False, title_rows=f"{header_row}:{header_row}")
    box_table(sheet, header_row + 1, header_row + len(body), len(headers))
    bold = workbook_font(workbook, bold=True)
    for text in headings:
        sheet.append([maker.styled(text, font=bold)])
    sheet.append([])
    sheet.append(header_cells(maker, workbook, headers))
    percent = maker.style(number_format=PERCENT_FORMAT)
    for values in body:
        sheet.append([*maker.row(values[:-1]), maker.cell(values[-1], percent)])


def export_statistics(
    session: Session,
    path: Path | str,
    *,
    network_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    font: str | None = None,
) -> Path:
    """Write the statistics of a network (or of every meeting) over the period."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise PrachumError("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด", "The start date is after the end date.")
    network = get(session, Network, network_id) if network_id is not None else None
    authorities = authority_attendance(
        session, network_id=network_id, date_from=date_from, date_to=date_to
    )
    people = person_attendance(session, network_id=network_id, date_from=date_from, date_to=date_to)
    headings = [
        f"สถิติการเข้าประชุม{network.name if network else 'ทุกเครือข่าย'}",
        period_line(date_from, date_to),
    ]
    authority_rows = [
        [n, a.organization, a.meetings, a.attended, a.rate if a.meetings else None]
        for n, a in enumerate(authorities, start=1)
    ]
    people_rows = [
        [n, p.name, p.organization, p.invited, p.present, p.rate if p.invited else None]
        for n, p in enumerate(people, start=1)
    ]

    def write(temporary: Path) -> None:
        workbook = thai_workbook(font)
        with discarded_on_failure(workbook):
            _sheet(workbook, SHEET_AUTHORITIES, headings, AUTHORITY_HEADERS, authority_rows)
            _sheet(workbook, SHEET_PEOPLE, headings, PEOPLE_HEADERS, people_rows)
        workbook.properties.title = headings[0]
        workbook.properties.creator = "Prachum"
        workbook.save(temporary)

    return write_atomically(Path(path), write)
