"""A network's attendance over a period: who came to which meeting, rates, and a chart.

What offices total at the end of a project year. The lines are read as plain rows (no
ORM objects) and the sheets are written row by row, so 500 people × 100 meetings stays
in flat memory. The per-organisation counts are services.attendance_statistics as they
are, so the workbook and the application never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVarTuple

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.text import RichText
from openpyxl.chart.title import title_maker
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.drawing.xdr import XDRPoint2D, XDRPositiveSize2D
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.page import PrintPageSetup
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.errors import PrachumError
from desktop.core.models import Attendance, Meeting, Network, Person
from desktop.core.services.common import get
from desktop.core.services.roster import ROLE_ORDER
from desktop.core.services.search import OrganizationAttendance, attendance_statistics
from desktop.core.thai import (
    THAI_MONTHS_SHORT,
    be_year,
    format_thai_date,
    thai_sort_key,
)
from desktop.exports.xlsx_common import (
    BOX,
    PAPER_A4,
    PERCENT_FORMAT,
    TITLE_SIZE,
    CellMaker,
    box_table,
    clean_text,
    column_widths,
    discarded_on_failure,
    header_cells,
    print_setup,
    set_column_widths,
    thai_workbook,
    workbook_font,
)

Progress = Callable[[int, int], None]
Columns = TypeVarTuple("Columns")

PRESENT, ABSENT, EXCUSED = "✓", "✗", "ลา"
"""An absence with a reason given (ลา, ติดราชการ, ป่วย …) was excused: ลา."""
SHEET_PEOPLE = "รายบุคคล"
SHEET_ORGANIZATIONS = "รายหน่วยงาน"
SHEET_MEETINGS = "การประชุม"
SHEET_CHART = "แผนภูมิ"
PERSON_TOTALS = ["เชิญ", "มา", "ร้อยละ"]
ORGANIZATION_HEADERS = ["หน่วยงาน", "เชิญ", "มา", "ไม่มา", "ผู้เข้าร่วม", "ร้อยละ"]
MEETING_HEADERS = ["ลำดับ", "ครั้งที่", "วันที่", "ชื่อการประชุม"]
MEETING_COLUMN_WIDTH = 9
FIT_WIDTH_MEETINGS = 12
"""Up to a year of monthly meetings prints one page wide; more would print too small to
read, so those pages run on to the right with the names repeated at their left."""
_PROGRESS_EVERY = 50


@dataclass(frozen=True)
class SummaryMeeting:
    id: int
    number: int | None
    date: date
    title: str

    @property
    def column_title(self) -> str:
        """`1/2567` over `14 ก.พ.`: narrow enough for a hundred columns."""
        day = f"{self.date.day} {THAI_MONTHS_SHORT[self.date.month - 1]}"
        if self.number is None:
            return f"{day}\n{be_year(self.date)}"
        return f"{self.number}/{be_year(self.date)}\n{day}"


@dataclass
class PersonRecord:
    """One person over the period: the latest name and organisation, a mark per meeting."""

    name: str
    organization: str
    role: str
    marks: dict[int, str] = field(default_factory=dict)
    invited: int = 0
    present: int = 0

    @property
    def rate(self) -> float | None:
        return self.present / self.invited if self.invited else None


def export_network_summary(
    session: Session,
    network_id: int,
    date_from: date | None,
    date_to: date | None,
    path: Path | str,
    *,
    font: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the network's attendance over the period (either end may be open)."""
    network = get(session, Network, network_id)
    if date_from is not None and date_to is not None and date_from > date_to:
        raise PrachumError("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด", "The start date is after the end date.")
    meetings = period_meetings(session, network_id, date_from, date_to)
    people = period_people(session, network_id, date_from, date_to)
    statistics = attendance_statistics(
        session, network_id=network_id, date_from=date_from, date_to=date_to
    )
    headings = [f"สรุปการเข้าประชุม{network.name}", period_line(date_from, date_to)]

    def write(temporary: Path) -> None:
        workbook = summary_workbook(
            headings, meetings, people, statistics, font=font, progress=progress
        )
        workbook.properties.title = clean_text(headings[0])
        workbook.properties.creator = "Prachum"
        workbook.save(temporary)

    return write_atomically(path, write)


def period_line(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"ระหว่างวันที่ {format_thai_date(date_from)} ถึง {format_thai_date(date_to)}"
    if date_from:
        return f"ตั้งแต่วันที่ {format_thai_date(date_from)}"
    if date_to:
        return f"จนถึงวันที่ {format_thai_date(date_to)}"
    return "ทุกการประชุม"


def _in_period(
    query: Select[*Columns], date_from: date | None, date_to: date | None
) -> Select[*Columns]:
    if date_from is not None:
        query = query.where(Meeting.date >= date_from)
    if date_to is not None:
        query = query.where(Meeting.date <= date_to)
    return query


def period_meetings(
    session: Session, network_id: int, date_from: date | None, date_to: date | None
) -> list[SummaryMeeting]:
    """The network's meetings in the period, in date order."""
    query = select(Meeting.id, Meeting.number, Meeting.date, Meeting.title).where(
        Meeting.network_id == network_id
    )
    query = _in_period(query, date_from, date_to).order_by(Meeting.date, Meeting.number, Meeting.id)
    return [SummaryMeeting(*row) for row in session.execute(query)]


def period_people(
    session: Session, network_id: int, date_from: date | None, date_to: date | None
) -> list[PersonRecord]:
    """Everyone on a list in the period, by organisation, role and Thai name order."""
    query = (
        select(
            Attendance.person_id,
            Attendance.meeting_id,
            Attendance.name,
            Attendance.organization_name,
            Attendance.group,
            Attendance.status,
            Attendance.absence_reason,
            Person.role,
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        # A deleted person's lines still count, under the name they keep.
        .outerjoin(Person, Person.id == Attendance.person_id)
        .where(Meeting.network_id == network_id)
    )
    # Oldest first, so that the name and organisation kept are the latest ones.
    query = _in_period(query, date_from, date_to).order_by(Meeting.date, Meeting.id)
    people: dict[int | str, PersonRecord] = {}
    for person_id, meeting_id, name, organization, group, status, reason, role in session.execute(
        query.execution_options(yield_per=2000)
    ):
        key = person_id if person_id is not None else f"{name}\x00{organization}"
        record = people.get(key)
        if record is None:
            record = people[key] = PersonRecord(name, organization or "-", role or "guest")
        else:
            record.name, record.organization = name, organization or "-"
        if status == AttendanceStatus.PRESENT:
            record.marks[meeting_id] = PRESENT
        else:
            record.marks[meeting_id] = EXCUSED if reason else ABSENT
        if group == AttendanceGroup.MEMBER:
            record.invited += 1
            record.present += status == AttendanceStatus.PRESENT
    return sorted(
        people.values(),
        key=lambda p: (
            thai_sort_key(p.organization),
            ROLE_ORDER.get(p.role, len(ROLE_ORDER)),
            thai_sort_key(p.name),
        ),
    )


def summary_workbook(
    headings: list[str],
    meetings: list[SummaryMeeting],
    people: list[PersonRecord],
    statistics: list[OrganizationAttendance],
    *,
    font: str | None = None,
    progress: Progress | None = None,
) -> Workbook:
    workbook = thai_workbook(font)
    with discarded_on_failure(workbook):
        _write_people(workbook, headings, meetings, people, progress)
        organizations = _write_organizations(workbook, headings, statistics)
        _write_meetings(workbook, headings, meetings)
        if statistics:
            _add_chart(workbook, organizations, len(statistics), headings)
    return workbook


def _title_block(workbook: Workbook, sheet: Any, maker: CellMaker, lines: list[str]) -> None:
    """Left-aligned heading lines: a hundred meeting columns are too wide to centre across."""
    title, heading = (
        workbook_font(workbook, bold=True, size=TITLE_SIZE),
        workbook_font(workbook, bold=True),
    )
    for index, text in enumerate(lines, start=1):
        sheet.append([maker.styled(text, font=title if index == 1 else heading)])
    sheet.append([])


def _write_people(
    workbook: Workbook,
    headings: list[str],
    meetings: list[SummaryMeeting],
    people: list[PersonRecord],
    progress: Progress | None,
) -> None:
    sheet = workbook.create_sheet(SHEET_PEOPLE)
    maker = CellMaker(sheet)
    headers = [
        "ลำดับ",
        "ชื่อ–สกุล",
        "หน่วยงาน",
        *(m.column_title for m in meetings),
        *PERSON_TOTALS,
    ]
    header_row = len(headings) + 2
    first_mark = 4
    widths = column_widths(headers[:3], ((n, p.name, p.organization) for n, p in enumerate(people)))
    widths += [MEETING_COLUMN_WIDTH] * len(meetings) + [7, 7, 9]
    set_column_widths(sheet, widths)
    sheet.row_dimensions[header_row].height = 48  # two lines: number, then date
    sheet.freeze_panes = f"{get_column_letter(first_mark)}{header_row + 1}"
    last_row = header_row + len(people)
    sheet.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(headers))}{max(last_row, header_row + 1)}"
    )
    print_setup(
        sheet,
        landscape=True,
        title_rows=f"{header_row}:{header_row}",
        fit_width=len(meetings) <= FIT_WIDTH_MEETINGS,
    )
    sheet.print_title_cols = "A:C"
    box_table(sheet, header_row + 1, last_row, len(headers))

    _title_block(workbook, sheet, maker, headings)
    sheet.append(header_cells(maker, workbook, headers))
    centred = maker.style(alignment=Alignment(horizontal="center"))
    percent = maker.style(number_format=PERCENT_FORMAT)
    order = [m.id for m in meetings]
    total = len(people)
    for number, person in enumerate(people, start=1):
        row = [number, maker.value(person.name), maker.value(person.organization)]
        for meeting_id in order:
            mark = person.marks.get(meeting_id)
            row.append(maker.cell(mark, centred) if mark else None)
        row += [person.invited, person.present, maker.cell(person.rate, percent)]
        sheet.append(row)
        if progress is not None and (number % _PROGRESS_EVERY == 0 or number == total):
            progress(number, total)


def _write_organizations(
    workbook: Workbook, headings: list[str], statistics: list[OrganizationAttendance]
) -> tuple[Any, int]:
    sheet = workbook.create_sheet(SHEET_ORGANIZATIONS)
    maker = CellMaker(sheet)
    header_row = len(headings) + 2
    # No member invited (guests only): no rate, rather than a misleading 0 %.
    body = [
        [
            s.organization,
            s.invited,
            s.present,
            s.absent,
            s.participants,
            s.rate if s.invited else None,
        ]
        for s in statistics
    ]
    invited = sum(s.invited for s in statistics)
    present = sum(s.present for s in statistics)
    totals = [
        "รวม",
        invited,
        present,
        sum(s.absent for s in statistics),
        sum(s.participants for s in statistics),
        present / invited if invited else None,
    ]
    set_column_widths(sheet, column_widths(ORGANIZATION_HEADERS, body))
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, landscape=False, title_rows=f"{header_row}:{header_row}")
    box_table(sheet, header_row + 1, header_row + len(body), len(ORGANIZATION_HEADERS))

    _title_block(workbook, sheet, maker, headings)
    sheet.append(header_cells(maker, workbook, ORGANIZATION_HEADERS))
    percent = maker.style(number_format=PERCENT_FORMAT)
    for values in body:
        sheet.append([*maker.row(values[:-1]), maker.cell(values[-1], percent)])
    bold = workbook_font(workbook, bold=True)
    total_style = maker.style(font=bold, border=BOX)
    total_percent = maker.style(font=bold, border=BOX, number_format=PERCENT_FORMAT)
    sheet.append(
        [*(maker.cell(v, total_style) for v in totals[:-1]), maker.cell(totals[-1], total_percent)]
    )
    return sheet, header_row


def _write_meetings(
    workbook: Workbook, headings: list[str], meetings: list[SummaryMeeting]
) -> None:
    sheet = workbook.create_sheet(SHEET_MEETINGS)
    maker = CellMaker(sheet)
    header_row = len(headings) + 2
    body = [
        [
            n,
            f"{m.number}/{be_year(m.date)}" if m.number else None,
            format_thai_date(m.date),
            m.title,
        ]
        for n, m in enumerate(meetings, start=1)
    ]
    set_column_widths(sheet, column_widths(MEETING_HEADERS, body))
    print_setup(sheet, landscape=False, title_rows=f"{header_row}:{header_row}")
    box_table(sheet, header_row + 1, header_row + len(body), len(MEETING_HEADERS))
    _title_block(workbook, sheet, maker, headings)
    sheet.append(header_cells(maker, workbook, MEETING_HEADERS))
    for values in body:
        sheet.append(maker.row(values))


def _add_chart(
    workbook: Workbook, organizations: tuple[Any, int], count: int, headings: list[str]
) -> None:
    """A bar for each organisation's attendance rate, on a sheet of its own."""
    sheet, header_row = organizations
    thai = _chart_text(workbook._fonts[0].name, 1400)
    chart = BarChart()
    chart.type = "bar"  # horizontal: long Thai names read along the axis
    chart.style = 10
    chart.title = title_maker(f"ร้อยละการเข้าประชุม{headings[0].removeprefix('สรุปการเข้าประชุม')}")
    for paragraph in chart.title.tx.rich.p:
        paragraph.pPr.defRPr = _chart_text(workbook._fonts[0].name, 1800).p[0].pPr.defRPr
    chart.legend = None
    rates = Reference(sheet, min_col=6, min_row=header_row + 1, max_row=header_row + count)
    chart.add_data(rates)
    # Names are text: a string reference, or Excel shows 1, 2, 3 on the axis.
    names = f"{quote_sheetname(sheet.title)}!$A${header_row + 1}:$A${header_row + count}"
    chart.series[0].cat = AxDataSource(strRef=StrRef(f=names))
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.x_axis.scaling.orientation = "maxMin"  # the first organisation at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.txPr = thai
    chart.y_axis.txPr = thai
    chartsheet = workbook.create_chartsheet(SHEET_CHART)
    chartsheet.pageSetup = PrintPageSetup(orientation="landscape", paperSize=PAPER_A4)
    chartsheet.add_chart(chart)
    # Excel stretches a chart sheet's chart over the page whatever its size; Calc draws
    # it at the size given, and openpyxl gives none.
    chart.anchor.pos = XDRPoint2D(x=0, y=0)
    chart.anchor.ext = XDRPositiveSize2D(cx=cm_to_EMU(27), cy=cm_to_EMU(18))


def _chart_text(font_name: str, size: int) -> RichText:
    """Text in the workbook's Thai font: a chart does not follow the cells' default."""
    typeface = DrawingFont(typeface=font_name)
    properties = CharacterProperties(latin=typeface, cs=typeface, sz=size)
    return RichText(
        p=[Paragraph(pPr=ParagraphProperties(defRPr=properties), endParaRPr=properties)]
    )
