"""Google Meet attendance reports and Webex attendee reports.

Meet (the attendance sheet a Workspace organiser receives): `First name, Last name,
Email, Duration, Time joined, Time exited`, or one `Name` column; durations such as
`1 hr 2 min` or `95 min`; times without a date, which take the meeting's date. The
later sheet (`* Meeting code: …` lines above it) has `Full name`, `Email`, `Time in call`
(`1:02:03`) and `First seen`, perhaps `Last seen`.
Webex: `Display Name` or `Name`, `Attendee Email`, `Join Time`, `Leave Time`,
`Attendance Duration` (`45 mins`, `1 hr 20 min`); the meeting attendee export has
`Meeting Name`, `Meeting Start Time` and `Session Name` in front, a row per session, the
breakout sessions among them. Each keeps its own source code, not Zoom's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from desktop.core.codes import ReportPlatform
from desktop.core.thai import format_thai_date
from desktop.imports.columns import Header, find_headers, table_rows
from desktop.imports.reports import (
    Note,
    Report,
    ReportRow,
    decide_date_order,
    merge_rows,
    parse_datetime,
    parse_minutes,
)
from desktop.imports.safety import refuse
from desktop.imports.sheets import Row

MEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "first": ("First name", "ชื่อ", "Nombre", "Nome", "Vorname", "Prénom", "名"),
    "last": ("Last name", "นามสกุล", "Apellido", "Sobrenome", "Nachname", "Nom", "姓"),
    "name": ("Name", "Full name", "Participant", "Participant name", "ชื่อผู้เข้าร่วม"),
    "email": ("Email", "อีเมล", "E-mail", "Correo electrónico"),
    "duration": ("Duration", "Time in call", "ระยะเวลา", "Duración", "Duração", "Dauer", "Durée"),
    "join": (
        "Time joined",
        "First seen",
        "Joined",
        "เวลาที่เข้าร่วม",
        "Hora de unión",
        "Beitrittszeit",
    ),
    "leave": (
        "Time exited",
        "Last seen",
        "Exited",
        "Time left",
        "เวลาที่ออก",
        "Hora de salida",
        "Austrittszeit",
    ),
}
WEBEX_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("Display Name", "Attendee Name", "Name", "Participant Name"),
    "email": ("Attendee Email", "Email", "Email Address"),
    "join": ("Join Time", "Joined", "Start Time"),
    "leave": ("Leave Time", "Left", "End Time"),
    "duration": ("Attendance Duration", "Duration", "Duration (mins)", "Attendance (mins)"),
    "type": ("Participant Type", "Role", "Attendee Type"),
    "connection": ("Connection Type", "Join Method"),
    "session": ("Session Name",),
    "meeting": ("Meeting Name",),
    "meeting_start": ("Meeting Start Time",),
}
# Webex gives a guest who did not sign in an address of its own making: nobody's e-mail.
_WEBEX_GUEST_DOMAIN = "guest.webex.localhost"
_WEBEX_ONLY = {"Attendee Email", "Attendance Duration", "Attendee Name", "Connection Type"}
_TIME_ONLY = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*$")


def _meet_header(rows: list[Row]) -> Header | None:
    for header in find_headers(rows, MEET_COLUMNS, {"join"}, at_least=3):
        named = header.has("name") or (header.has("first") and header.has("last"))
        timed = header.has("leave") or header.has("duration")
        if named and timed and _is_meet_join(rows[header.row], header):
            return header
    return None


def _is_meet_join(values: Row, header: Header) -> bool:
    # `Joined` alone is also Webex's; Meet writes `Time joined`, `First seen` (or the Thai).
    cell = header.get(values, "join").casefold()
    return "time" in cell or "seen" in cell or "เวลา" in cell or not cell.isascii()


def _webex_header(rows: list[Row]) -> Header | None:
    known = {n.casefold() for n in _WEBEX_ONLY}
    for header in find_headers(rows, WEBEX_COLUMNS, {"name", "duration"}, at_least=3):
        if any(cell.strip().casefold() in known for cell in rows[header.row]):
            return header
    return None


def looks_like_meet(rows: list[Row]) -> bool:
    return _meet_header(rows) is not None


def looks_like_webex(rows: list[Row]) -> bool:
    return _webex_header(rows) is not None


def _clock(text: str, day: date) -> datetime | None:
    match = _TIME_ONLY.match(text)
    if not match:
        return None
    hour, minute, second, meridiem = match.groups()
    hour_value = int(hour) % 12 + (12 if meridiem and meridiem[0] in "Pp" else 0)
    if not meridiem:
        hour_value = int(hour)
    return datetime.combine(day, time(hour_value, int(minute), int(second or 0)))


def _times(
    header: Header, body: list[Row], meeting_date: date | None, notes: list[str]
) -> tuple[str, dict[tuple[int, str], datetime | None]]:
    """Every join and leave of the table (and Webex's meeting start), a time alone taking
    the meeting's date."""
    cells = [
        (i, f, header.get(r, f).strip())
        for i, r in enumerate(body)
        for f in ("join", "leave", "meeting_start")
    ]
    dated = [c for _, _, c in cells if c and not _TIME_ONLY.match(c)]
    order, note = decide_date_order(dated, meeting_date=meeting_date)
    if note:
        notes.append(note)
    day = meeting_date or date.today()
    if any(c and _TIME_ONLY.match(c) for _, _, c in cells):
        notes.append(
            Note(
                f"Times without a date were read as on {day.isoformat()}"
                + (" (the meeting's date)." if meeting_date else " (no meeting date was given)."),
                f"เวลาที่ไม่มีวันที่ อ่านเป็นวันที่ {format_thai_date(day)}"
                + (" (วันประชุม)" if meeting_date else " (ไม่ได้ระบุวันประชุม)"),
            )
        )
    times = {}
    for index, field, cell in cells:
        times[(index, field)] = _clock(cell, day) or parse_datetime(cell, order)
    return order, times


def parse_meet(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:
    header = _meet_header(rows)
    if header is None:
        raise refuse(
            f"ไม่พบหัวตารางรายงานการเข้าร่วม Google Meet ในไฟล์ {file_name}",
            f"No Google Meet attendance header (Time joined, Time exited …) in {file_name}.",
        )
    return _read(rows, header, ReportPlatform.MEET, file_name, meeting_date)


def parse_webex(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:
    header = _webex_header(rows)
    if header is None:
        raise refuse(
            f"ไม่พบหัวตารางรายงานผู้เข้าร่วม Webex ในไฟล์ {file_name}",
            f"No Webex attendee header (Attendee Email, Attendance Duration …) in {file_name}.",
        )
    return _read(rows, header, ReportPlatform.WEBEX, file_name, meeting_date)


def _read(
    rows: list[Row], header: Header, platform: str, file_name: str, meeting_date: date | None
) -> Report:
    body = table_rows(rows, header, stop_at_blank=False)
    notes: list[str] = []
    order, times = _times(header, body, meeting_date, notes)
    breakouts = _breakout_rows(header, body)
    report_rows = []
    for index, values in enumerate(body):
        name = header.get(values, "name").strip()
        if not name:
            name = " ".join(
                p for p in (header.get(values, "first"), header.get(values, "last")) if p.strip()
            ).strip()
        if not name or index in breakouts:
            continue
        email = header.get(values, "email").strip()
        if email.casefold().endswith(_WEBEX_GUEST_DOMAIN):
            email = ""
        joined, left = times[(index, "join")], times[(index, "leave")]
        if (
            joined
            and left
            and left < joined
            and not header.get(values, "leave").strip()[:4].isdigit()
        ):
            left = None  # a time alone past midnight: the day after, not before the join
        report_rows.append(
            ReportRow(
                name=name,
                email=email or None,
                joined=joined,
                left=left,
                minutes=parse_minutes(header.get(values, "duration")),
                role=header.get(values, "type").strip() or None,
            )
        )
    if breakouts:
        notes.append(
            Note(
                f"{len(breakouts)} row(s) of breakout sessions were not added to the time of "
                "people who also have main-session rows.",
                f"ไม่นับเวลาในห้องย่อย {len(breakouts)} แถว ของผู้ที่มีแถวของห้องประชุมหลักอยู่แล้ว",
            )
        )
    participants, _ = merge_rows(report_rows, durations_first=platform == ReportPlatform.MEET)
    joins = [p.joined for p in participants if p.joined]
    leaves = [p.left for p in participants if p.left]
    starts = [t for (_, field), t in times.items() if field == "meeting_start" and t]
    return Report(
        platform=platform,
        file_name=file_name,
        participants=participants,
        title=next((m for r in body if (m := header.get(r, "meeting").strip())), None),
        start=min(joins) if joins else (min(starts) if starts else None),
        end=max(leaves) if leaves else None,
        date_order=order,
        notes=notes,
    )


def _breakout_rows(header: Header, body: list[Row]) -> set[int]:
    """The rows of a breakout session for people who also have a main-session row.

    Webex's attendee export lists a breakout room as a session of its own; public parsers
    of that export count the main session only, so as not to add the same minutes twice.
    Someone seen only in a breakout room keeps that row: they were in the meeting."""
    if not header.has("session"):
        return set()

    def who(values: Row) -> str:
        email = header.get(values, "email").strip().casefold()
        return email or " ".join(header.get(values, "name").casefold().split())

    breakout = {i for i, r in enumerate(body) if "breakout" in header.get(r, "session").casefold()}
    in_main = {who(r) for i, r in enumerate(body) if i not in breakout}
    return {i for i in breakout if who(body[i]) in in_main}
