"""The outgoing register (ทะเบียนหนังสือส่ง) as XLSX: one row per numbered batch.

The columns of the correspondence regulation's register of letters sent: registration
number, the letter's number (ที่), its date, from, to, subject, action, remarks.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.services.papers import register
from desktop.core.thai import format_thai_date
from desktop.exports.xlsx_common import (
    CellMaker,
    box_table,
    discarded_on_failure,
    header_cells,
    print_setup,
    set_column_widths,
    thai_workbook,
    workbook_font,
)

HEADERS = ["เลขทะเบียนส่ง", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]
WIDTHS: list[float] = [14, 22, 18, 30, 45, 50, 14, 14]
KINDS = {"invitation": "หนังสือเชิญประชุม"}


def export_register(
    session: Session, path: Path | str, *, year: int | None = None, font: str | None = None
) -> Path:
    """Write the register (one Buddhist year, or all) to `path`, atomically."""
    letters = register(session, year)

    # Built once the target is accepted, as the other workbooks are: a write-only
    # workbook built and then refused (the database named as the target) left its
    # half-open sheet streams to complain on stderr when collected.
    def write(temporary: Path) -> None:
        workbook = thai_workbook(font)
        with discarded_on_failure(workbook):
            sheet = workbook.create_sheet("ทะเบียนหนังสือส่ง")
            maker = CellMaker(sheet)
            set_column_widths(sheet, WIDTHS)
            title = "ทะเบียนหนังสือส่ง" + (f" ปี พ.ศ. {year}" if year else "")
            sheet.append([maker.styled(title, font=workbook_font(workbook, bold=True))])
            sheet.append(header_cells(maker, workbook, HEADERS))
            for letter in letters:
                recipients = letter.recipients.splitlines()
                sheet.append(
                    maker.row(
                        [
                            f"{letter.number}/{letter.be_year}",
                            letter.code,
                            format_thai_date(letter.letter_date),
                            letter.sender,
                            ", ".join(recipients),
                            letter.subject,
                            "",
                            f"{KINDS.get(letter.kind, letter.kind)} {len(recipients)} ฉบับ",
                        ]
                    )
                )
            box_table(sheet, 3, 2 + len(letters), len(HEADERS))
            sheet.freeze_panes = "A3"
            print_setup(sheet, landscape=True, title_rows="2:2")
        workbook.save(str(temporary))

    return write_atomically(path, write)
