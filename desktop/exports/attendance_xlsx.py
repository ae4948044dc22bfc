"""The attendance workbook a network shares after every meeting, and the sign-in sheet.

Sheets are written in openpyxl's write-only mode, row by row, so a list of any length
is written in flat memory. The network summary over a period lives beside this module
and is re-exported here, so the command line finds all three in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.models import Attendance, Meeting
from desktop.core.services.attendance import IDENTITY_LABELS, ordered_attendance
from desktop.core.services.meetings import load_meeting
from desktop.core.thai import (
    format_meeting_number,
    format_thai_date_long,
    format_thai_time,
    thai_sort_key,
)
from desktop.exports.attendance_summary_xlsx import export_network_summary
from desktop.exports.minutes_text import place_line
from desktop.exports.xlsx_common import (
    BOX,
    TITLE_SIZE,
    CellMaker,
    box_table,
    clean_text,
    column_widths,
    discarded_on_failure,
    header_cells,
    header_height,
    print_setup,
    set_column_widths,
    survey_columns,
    thai_workbook,
    workbook_font,
)

__all__ = [
    "ATTENDANCE_HEADERS",
    "attendance_workbook",
    "export_attendance",
    "export_network_summary",
    "export_signin_sheet",
]

Progress = Callable[[int, int], None]

ATTENDANCE_HEADERS = [
    "ลำดับ",
    "ชื่อ–สกุล",
    "ตำแหน่ง",
    "หน่วยงาน",
    "กลุ่ม",
    "สถานะ",
    "เหตุผล",
    "เข้าร่วม",
    "ออก",
    "ระยะเวลา (นาที)",
    "หมายเหตุ",
]
IDENTITY_HEADER = "การยืนยันตัวตน"
"""The extra column of the e-meeting evidence: how each attendee's identity was checked."""
COUNT_HEADERS = ["หน่วยงาน", "เชิญ", "มา", "ไม่มา", "ผู้เข้าร่วม"]
SIGNIN_HEADERS = ["ลำดับ", "ชื่อ–สกุล", "ตำแหน่ง / หน่วยงาน", "ลายมือชื่อ", "หมายเหตุ"]
GROUP_WORDS: dict[str, str] = {
    AttendanceGroup.MEMBER: "สมาชิก",
    AttendanceGroup.PARTICIPANT: "ผู้เข้าร่วม",
}
STATUS_WORDS: dict[str, str] = {AttendanceStatus.PRESENT: "มา", AttendanceStatus.ABSENT: "ไม่มา"}
ACTING = "รักษาราชการแทน"
SHEET_LIST = "รายชื่อผู้เข้าประชุม"
SHEET_COUNTS = "สรุปตามหน่วยงาน"
SHEET_SIGNIN = "ใบลงชื่อ"
SIGNIN_TITLE = "ใบลงชื่อผู้เข้าร่วมประชุม"
SIGNIN_ROW_HEIGHT = 54  # points: two lines (position, organisation), room to sign
SIGNIN_SPARE_ROWS = 5  # for people who come unannounced
_PROGRESS_EVERY = 500


# --- what the sheets say ----------------------------------------------------------------


def heading_lines(meeting: Meeting) -> list[str]:
    """Title, `ครั้งที่ 1/2565`, the Thai date with the time, and the place."""
    lines = [meeting.title]
    if meeting.number is not None:
        lines.append(format_meeting_number(meeting.number, meeting.date))
    when = format_thai_date_long(meeting.date)
    if meeting.start_time is not None:
        start = format_thai_time(meeting.start_time, suffix=meeting.end_time is None)
        end = f"–{format_thai_time(meeting.end_time)}" if meeting.end_time else ""
        when = f"{when} เวลา {start}{end}"
    lines.append(when)
    place = place_line(meeting)
    if place:
        lines.append(place)
    return lines


def minutes_attended(attendance: Attendance) -> int | None:
    """Minutes in the meeting: as a report counted them, else from joined to left."""
    if attendance.status != AttendanceStatus.PRESENT:
        return None
    if attendance.minutes_present is not None:
        return attendance.minutes_present
    if attendance.joined is None or attendance.left_at is None:
        return None
    return _minutes(attendance.left_at) - _minutes(attendance.joined)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def acting_text(acting_as: str | None) -> str:
    """`รักษาราชการแทนปลัดเทศบาล`, whether or not the secretary typed the first word."""
    acting = (acting_as or "").strip()
    if acting.startswith(ACTING):
        acting = acting[len(ACTING) :].strip()
    return f"{ACTING}{acting}" if acting else ""


def acting_note(attendance: Attendance) -> str | None:
    """The acting capacity and the secretary's note, for the หมายเหตุ column."""
    parts = [acting_text(attendance.acting_as)] if attendance.acting_as else []
    if attendance.note and attendance.note.strip():
        parts.append(" ".join(attendance.note.split()))
    return "; ".join(parts) or None


def identity_text(attendance: Attendance) -> str | None:
    label = IDENTITY_LABELS.get(attendance.identity or "")
    return label[0] if label else None


def attendance_row(
    number: int, attendance: Attendance, *, identity: bool = False
) -> tuple[Any, ...]:
    """One line of the table, as plain values in the order of ATTENDANCE_HEADERS (and the
    identity check last, for the evidence of an electronic meeting)."""
    present = attendance.status == AttendanceStatus.PRESENT
    extra = (identity_text(attendance),) if identity else ()
    return (
        number,
        attendance.name,
        attendance.position,
        attendance.organization_name,
        GROUP_WORDS.get(attendance.group, attendance.group),
        STATUS_WORDS.get(attendance.status, attendance.status),
        None if present else attendance.absence_reason,
        attendance.joined if present else None,
        attendance.left_at if present else None,
        minutes_attended(attendance),
        acting_note(attendance),
        *extra,
    )


@dataclass
class OrganizationCount:
    """One organisation at one meeting: members invited, present, absent; participants."""

    organization: str
    invited: int = 0
    present: int = 0
    absent: int = 0
    participants: int = 0

    def values(self) -> list[Any]:
        return [self.organization, self.invited, self.present, self.absent, self.participants]


def organization_counts(lines: Sequence[Attendance]) -> list[OrganizationCount]:
    """Counted as services.attendance_statistics counts a period, for this one meeting."""
    counts: dict[str, OrganizationCount] = {}
    for line in lines:
        name = line.organization_name or "-"
        count = counts.setdefault(name, OrganizationCount(name))
        if line.group == AttendanceGroup.MEMBER:
            count.invited += 1
            if line.status == AttendanceStatus.PRESENT:
                count.present += 1
            else:
                count.absent += 1
        elif line.status == AttendanceStatus.PRESENT:
            count.participants += 1
    return sorted(counts.values(), key=lambda c: thai_sort_key(c.organization))


# --- the meeting workbook -----------------------------------------------------------------


def export_attendance(
    session: Session,
    meeting_id: int,
    path: Path | str,
    *,
    font: str | None = None,
    identity: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write one meeting's attendance workbook: the list, and counts per organisation.

    `identity` adds a last column saying how each attendee's identity was checked.
    """
    meeting = load_meeting(session, meeting_id)
    lines = ordered_attendance(meeting)
    rows = [attendance_row(n, a, identity=identity) for n, a in enumerate(lines, start=1)]
    counts = organization_counts(lines)
    headings = heading_lines(meeting)
    headers = [*ATTENDANCE_HEADERS, IDENTITY_HEADER] if identity else ATTENDANCE_HEADERS

    def write(temporary: Path) -> None:
        workbook = attendance_workbook(
            headings, rows, counts, font=font, progress=progress, headers=headers
        )
        _stamp(workbook, meeting.title)
        workbook.save(temporary)

    return write_atomically(path, write)


def attendance_workbook(
    headings: list[str],
    rows: Sequence[Sequence[object]],
    counts: Sequence[OrganizationCount],
    *,
    font: str | None = None,
    progress: Progress | None = None,
    headers: Sequence[str] = ATTENDANCE_HEADERS,
) -> Workbook:
    """The workbook, ready to save: also what the benchmark writes 50,000 rows through."""
    workbook = thai_workbook(font)
    with discarded_on_failure(workbook):
        _write_list(workbook, headings, rows, progress, list(headers))
        _write_counts(workbook, headings, counts)
    return workbook


def _title_block(
    workbook: Workbook, sheet: Any, maker: CellMaker, lines: list[str], width: int
) -> None:
    """The heading lines, each merged across the table and centred; then a blank row."""
    centred = Alignment(horizontal="center", vertical="center")
    title, heading = (
        workbook_font(workbook, bold=True, size=TITLE_SIZE),
        workbook_font(workbook, bold=True),
    )
    for index, text in enumerate(lines, start=1):
        cell_font = title if index == 1 else heading
        sheet.append([maker.styled(text, font=cell_font, alignment=centred)])
        if width > 1:
            sheet.merged_cells.add(f"A{index}:{get_column_letter(width)}{index}")
    sheet.append([])  # the table's header follows, on row len(lines) + 2


def _write_list(
    workbook: Workbook,
    headings: list[str],
    rows: Sequence[Sequence[object]],
    progress: Progress | None,
    headers: list[str],
) -> None:
    sheet = workbook.create_sheet(SHEET_LIST)
    maker = CellMaker(sheet)
    width = len(headers)
    header_row = len(headings) + 2
    last_row = header_row + len(rows)
    # Write-only: everything about the sheet is settled before its first row goes out.
    survey = survey_columns(headers, rows)
    set_column_widths(sheet, survey.widths)
    sheet.row_dimensions[header_row].height = header_height(headers, survey.widths)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(width)}{max(last_row, header_row + 1)}"
    )
    print_setup(sheet, landscape=True, title_rows=f"{header_row}:{header_row}")
    box_table(sheet, header_row + 1, last_row, width)

    _title_block(workbook, sheet, maker, headings, width)
    sheet.append(header_cells(maker, workbook, headers))
    total = len(rows)
    careful = survey.careful
    for done, row in enumerate(rows, start=1):
        sheet.append(maker.row(row, careful))
        if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    if progress is not None and total == 0:
        progress(0, 0)


def _write_counts(
    workbook: Workbook, headings: list[str], counts: Sequence[OrganizationCount]
) -> None:
    sheet = workbook.create_sheet(SHEET_COUNTS)
    maker = CellMaker(sheet)
    width = len(COUNT_HEADERS)
    lines = ["สรุปการเข้าประชุมตามหน่วยงาน", *headings[:3]]
    header_row = len(lines) + 2
    totals = OrganizationCount("รวม")
    for count in counts:
        totals.invited += count.invited
        totals.present += count.present
        totals.absent += count.absent
        totals.participants += count.participants
    body = [c.values() for c in counts]
    widths = column_widths(COUNT_HEADERS, body)
    set_column_widths(sheet, widths)
    sheet.row_dimensions[header_row].height = header_height(COUNT_HEADERS, widths)
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, landscape=False, title_rows=f"{header_row}:{header_row}")
    box_table(sheet, header_row + 1, header_row + len(body), width)

    _title_block(workbook, sheet, maker, lines, width)
    sheet.append(header_cells(maker, workbook, COUNT_HEADERS))
    for values in body:
        sheet.append(maker.row(values))
    bold = workbook_font(workbook, bold=True)
    sheet.append([maker.styled(v, font=bold, border=BOX) for v in totals.values()])


# --- the sign-in sheet ----------------------------------------------------------------------


def export_signin_sheet(
    session: Session, meeting_id: int, path: Path | str, *, font: str | None = None
) -> Path:
    """Write the sign-in sheet (ใบลงชื่อผู้เข้าร่วมประชุม) printed before an onsite meeting."""
    meeting = load_meeting(session, meeting_id)
    people = [
        (a.name, _position_and_organization(a), _signin_note(a))
        for a in ordered_attendance(meeting)
    ]
    headings = [SIGNIN_TITLE, *heading_lines(meeting)]

    def write(temporary: Path) -> None:
        workbook = signin_workbook(headings, people, font=font)
        _stamp(workbook, meeting.title)
        workbook.save(temporary)

    return write_atomically(path, write)


def _position_and_organization(attendance: Attendance) -> str:
    position = (attendance.position or "").strip()
    position = f"{position} {acting_text(attendance.acting_as)}".strip()
    organization = (attendance.organization_name or "").strip()
    return "\n".join(part for part in (position, organization) if part)


def _signin_note(attendance: Attendance) -> str | None:
    """What the secretary already knows: an announced absence, or a guest."""
    if attendance.status == AttendanceStatus.ABSENT:
        return attendance.absence_reason or "ไม่มา"
    if attendance.group == AttendanceGroup.PARTICIPANT:
        return GROUP_WORDS[AttendanceGroup.PARTICIPANT]
    return None


def signin_workbook(
    headings: list[str], people: Sequence[tuple[str, str, str | None]], *, font: str | None = None
) -> Workbook:
    """Expected people with an empty signature column, rows tall enough to sign in."""
    workbook = thai_workbook(font)
    with discarded_on_failure(workbook):
        _write_signin(workbook, headings, people)
    return workbook


def _write_signin(
    workbook: Workbook, headings: list[str], people: Sequence[tuple[str, str, str | None]]
) -> None:
    sheet = workbook.create_sheet(SHEET_SIGNIN)
    maker = CellMaker(sheet)
    width = len(SIGNIN_HEADERS)
    header_row = len(headings) + 2
    rows: list[tuple[int, str | None, str | None, str | None]] = [
        (n, *p) for n, p in enumerate(people, start=1)
    ]
    rows += [(len(rows) + k, None, None, None) for k in range(1, SIGNIN_SPARE_ROWS + 1)]
    widths = column_widths(SIGNIN_HEADERS, [(r[0], r[1], r[2], None, r[3]) for r in rows], cap=45)
    widths[3] = 28  # room for a signature, whatever the header's length
    set_column_widths(sheet, widths)
    for row in range(header_row + 1, header_row + len(rows) + 1):
        sheet.row_dimensions[row].height = SIGNIN_ROW_HEIGHT
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, landscape=False, title_rows=f"{header_row}:{header_row}")

    _title_block(workbook, sheet, maker, headings, width)
    sheet.append(header_cells(maker, workbook, SIGNIN_HEADERS))
    # Printed and signed on paper, so real borders on each cell: a few dozen rows at most.
    middle = maker.style(border=BOX, alignment=Alignment(vertical="center", wrap_text=True))
    centre = maker.style(border=BOX, alignment=Alignment(horizontal="center", vertical="center"))
    blank = maker.style(border=BOX)
    for number, name, position, note in rows:
        sheet.append(
            [
                maker.cell(number, centre),
                maker.cell(name, middle),
                maker.cell(position, middle),
                maker.cell(None, blank),
                maker.cell(note, middle),
            ]
        )


def _stamp(workbook: Workbook, title: str) -> None:
    """Document properties a file manager shows: the meeting, the program, when."""
    workbook.properties.title = clean_text(title)
    workbook.properties.creator = "Prachum"
    workbook.properties.created = datetime.now().replace(microsecond=0)
