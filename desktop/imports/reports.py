"""What Zoom and Teams reports have in common: rows of joins, merged into participants.

A report lists one row per join; a person who dropped out and came back has several.
They are merged here (first join, last leave, minutes of the union of the intervals so
that two devices at once are not counted twice). Dates are read in one order per file:
month first, as both portals write them, unless a day above 12 in the first place says
the file is day first; a file where nothing decides is read month first, and says so.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.core.errors import PrachumError
from desktop.core.thai import BE_OFFSET, format_thai_date, to_arabic_digits
from desktop.imports.safety import check_cell


@dataclass
class ReportRow:
    """One line of a report: one join of one display name."""

    name: str
    original_name: str | None = None
    email: str | None = None
    joined: datetime | None = None
    left: datetime | None = None
    minutes: float | None = None
    guest: bool | None = None
    waiting_room: bool = False
    role: str | None = None


@dataclass
class Participant:
    """A display name with all its joins merged."""

    name: str
    original_name: str | None
    email: str | None
    joined: datetime | None
    left: datetime | None
    minutes: int | None
    intervals: list[tuple[datetime, datetime]] = field(default_factory=list)
    joins: int = 1
    role: str | None = None
    guest: bool | None = None


class Note(str):
    """A note about a report: the English text as the string (the command line, logs),
    with its Thai twin for the window."""

    thai: str

    def __new__(cls, english: str, thai: str) -> Note:
        note = super().__new__(cls, english)
        note.thai = thai
        return note

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copied with its Thai
        return str(self), self.thai

    def message(self, language: str = "th") -> str:
        return self.thai if language == "th" else str(self)


def note_text(note: str, language: str = "th") -> str:
    """A note in the window's language (a plain string is said as it is)."""
    return note.message(language) if isinstance(note, Note) else note


@dataclass
class Report:
    """A participant report, whichever platform wrote it."""

    platform: str
    """The attendance source code: `zoom`, `teams`, `meet`, `webex`, `line` or `form`."""
    file_name: str
    participants: list[Participant]
    title: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    notes: list[str] = field(default_factory=list)
    date_order: str = "mdy"
    skipped_waiting_room: int = 0
    original: bytes | None = field(default=None, repr=False)
    """The file's bytes as read: kept with the meeting as evidence when it is applied."""


# --- names ------------------------------------------------------------------------


def split_original_name(cell: str) -> tuple[str, str | None]:
    """`Display (Original)` → (`Display`, `Original`): the original is in the LAST
    balanced brackets at the end; other brackets belong to the name."""
    text = cell.strip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                name, original = text[:index].strip(), text[index + 1 : -1].strip()
                if not name:
                    return original, None
                return name, original or None
    return text, None  # unbalanced: the whole cell is the name


# --- times ------------------------------------------------------------------------

_NUMERIC = re.compile(
    r"^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4}),?\s*(?:T|\s)?\s*"
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?|ก่อนเที่ยง|หลังเที่ยง)?\s*$"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_NAMED = re.compile(
    r"^\s*(?:([A-Za-z]+)\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]+)\.?),?\s+(\d{4}),?\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$"
)


def _year(value: int) -> int:
    if value < 100:
        value += 2000
    if value > 2400:
        value -= BE_OFFSET
    return value


def _hour(hour: int, meridiem: str | None) -> int:
    if not meridiem:
        return hour
    afternoon = meridiem.lower().startswith("p") or meridiem == "หลังเที่ยง"
    if hour == 12:
        return 12 if afternoon else 0
    return hour + 12 if afternoon else hour


def decide_date_order(
    values: list[str],
    *,
    day_first_locale: bool = False,
    meeting_date: date | None = None,
) -> tuple[str, str | None]:
    """`mdy` or `dmy` for all the dates of one file, and a note saying why when the dates
    alone did not decide it.

    Every hint counts, strongest first: a day above 12 anywhere; the reading that puts
    the file on the meeting's date when only one does; a 24-hour clock in a file whose
    headers are in a day-first language; else month first, as Zoom and Teams write it.
    """
    first_big = second_big = False
    numeric = []
    for value in values:
        match = _NUMERIC.match(to_arabic_digits(value))
        if not match or len(match.group(1)) == 4:
            continue
        numeric.append(match)
        first_big |= int(match.group(1)) > 12
        second_big |= int(match.group(2)) > 12
    if first_big and second_big:
        raise PrachumError(
            "วันที่ในไฟล์เขียนปนกันทั้งแบบเดือนขึ้นก่อนและวันขึ้นก่อน อ่านไม่ได้",
            "The file mixes month-first and day-first dates; it cannot be read.",
        )
    if first_big:
        return "dmy", None
    if second_big:
        return "mdy", None
    if not numeric or all(m.group(1) == m.group(2) for m in numeric):
        return "mdy", None
    if meeting_date is not None:
        on_day = {
            order: any(_numeric_date(m, order) == meeting_date for m in numeric)
            for order in ("mdy", "dmy")
        }
        if on_day["dmy"] != on_day["mdy"]:
            order = "dmy" if on_day["dmy"] else "mdy"
            return order, Note(
                f"Dates read {_ORDER_WORDS[order]}: no day above 12, but only that reading "
                f"falls on the meeting's date ({meeting_date.isoformat()}).",
                f"อ่านวันที่แบบ{_THAI_ORDER_WORDS[order]}: ไม่มีวันที่เกิน 12 แต่มีเพียงการอ่านแบบนี้"
                f"ที่ตรงกับวันประชุม ({format_thai_date(meeting_date)})",
            )
    if day_first_locale and not any(m.group(7) for m in numeric):
        return "dmy", Note(
            "Dates read day first: no day above 12, but the headers are in a day-first "
            "language and the clock is 24-hour. Check the meeting date.",
            "อ่านวันที่แบบวันขึ้นก่อน: ไม่มีวันที่เกิน 12 แต่หัวตารางเป็นภาษาที่เขียนวันก่อนเดือน"
            "และเวลาเป็นแบบ 24 ชั่วโมง โปรดตรวจวันประชุม",
        )
    return "mdy", Note(
        "Dates are ambiguous (no day above 12): read month first, as Zoom and Teams "
        "write them. Check the meeting date.",
        "วันที่อ่านได้สองแบบ (ไม่มีวันที่เกิน 12): อ่านแบบเดือนขึ้นก่อนตามที่ Zoom และ Teams เขียน โปรดตรวจวันประชุม",
    )


_ORDER_WORDS = {"mdy": "month first", "dmy": "day first"}
_THAI_ORDER_WORDS = {"mdy": "เดือนขึ้นก่อน", "dmy": "วันขึ้นก่อน"}


def _numeric_date(match: re.Match[str], order: str) -> date | None:
    a, b, c = (int(g) for g in match.groups()[:3])
    month, day = (a, b) if order == "mdy" else (b, a)
    try:
        return date(_year(c), month, day)
    except ValueError:
        return None


def parse_datetime(value: str, order: str = "mdy") -> datetime | None:
    """A report's date and time (blank gives None); raises PrachumError when unreadable."""
    text = to_arabic_digits(value.strip())
    if not text:
        return None
    match = _NUMERIC.match(text)
    try:
        if match:
            a, b, c, hour, minute, second, meridiem = match.groups()
            if len(a) == 4:
                year, month, day = int(a), int(b), int(c)
            elif order == "dmy":
                day, month, year = int(a), int(b), int(c)
            else:
                month, day, year = int(a), int(b), int(c)
            return datetime(
                _year(year),
                month,
                day,
                _hour(int(hour), meridiem),
                int(minute),
                int(second or 0),
            )
        match = _NAMED.match(text)
        if match:
            month_a, day_a, day_b, month_b, year_text, hour, minute, second, meridiem = (
                match.groups()
            )
            named_month = _MONTHS.get((month_a or month_b).lower())
            if named_month is None:
                raise ValueError(month_a or month_b)
            return datetime(
                _year(int(year_text)),
                named_month,
                int(day_a or day_b),
                _hour(int(hour), meridiem),
                int(minute),
                int(second or 0),
            )
    except ValueError:
        pass
    raise PrachumError(
        f"อ่านวันเวลาในรายงานไม่ได้: {value[:40]!r}",
        f"Cannot read the date and time {value[:40]!r} in the report.",
    )


_DURATION_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|ชม\.?|ชั่วโมง|m|min|mins|minutes?|นาที|s|sec|secs|seconds?|วินาที)(?![A-Za-z])",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*(\d{1,6}):(\d{2})(?::(\d{2}))?\s*$")  # hours: no 5,000 digits


MAX_MINUTES = 60 * 24 * 366
"""A year: more than any meeting lasts, small enough to store."""


def parse_minutes(value: str) -> float | None:
    """Minutes from `169`, `1h 27m 51s`, `40m 31s`, `2:48:39`; blank or unreadable: None."""
    text = to_arabic_digits(value.strip())
    if not text:
        return None
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        pass
    else:
        # `1e309`, `nan`: not a length of time (and infinity cannot be rounded to minutes).
        return number if math.isfinite(number) and 0 <= number < MAX_MINUTES else None
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = clock.groups()
        if seconds is None:  # `1:27` is hours and minutes
            return int(hours) * 60 + int(minutes)
        return int(hours) * 60 + int(minutes) + int(seconds) / 60
    total, found = 0.0, False
    for number, unit in _DURATION_PART.findall(text):
        found = True
        amount = float(number)
        if unit.lower().startswith(("h", "ชม", "ชั่วโมง")):
            total += amount * 60
        elif unit.lower().startswith(("s", "วินาที")):
            total += amount / 60
        else:
            total += amount
    return total if found else None


# A report's yes in the account's language (Zoom's Guest / In Waiting Room columns write
# `Ja`, `Oui`, `Sim`, `Sí`, `はい`, `예`, `是` as their reports in those languages do).
YES = {"y", "yes", "true", "1", "ใช่", "มี", "ja", "oui", "sim", "sí", "si", "はい", "예", "是"}


def is_yes(value: str | None) -> bool:
    return bool(value) and (value or "").strip().casefold() in YES


# --- merging ----------------------------------------------------------------------


def _merge_key(row: ReportRow) -> str:
    # The whole cell, not the bracket alone: `(ทต.บ้านกลาง)` may be two people's
    # organisation rather than an original name. A renamed person whose rows differ
    # becomes two rows matched to one person, merged again when applied.
    # A guest (`Name (Guest)` in Teams) is someone else than the member of that name.
    name = f"{row.name} ({row.original_name})" if row.original_name else row.name
    return " ".join(name.casefold().split()) + ("\0guest" if row.guest else "")


def _union_minutes(
    intervals: list[tuple[datetime, datetime]],
) -> tuple[int, list[tuple[datetime, datetime]]]:
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    seconds = sum((end - start for start, end in merged), timedelta()).total_seconds()
    return round(seconds / 60), merged


def merge_rows(
    rows: list[ReportRow], *, durations_first: bool = False
) -> tuple[list[Participant], int]:
    """Participants in order of first appearance, and how many waiting-room rows were dropped.

    Minutes are those of the union of the join-leave intervals; with `durations_first`
    (rows whose interval spans gaps) the rows' own durations are summed instead.
    """
    groups: dict[str, list[ReportRow]] = {}
    waiting = 0
    for number, row in enumerate(rows, start=1):
        check_cell(row.name, "name", number)
        if row.original_name:
            check_cell(row.original_name, "name", number)
        if row.waiting_room:
            waiting += 1
            continue
        if not row.name and not row.original_name:
            continue
        groups.setdefault(_merge_key(row), []).append(row)
    participants = []
    for group in groups.values():
        minutes: int | None
        intervals = [
            (r.joined, r.left) for r in group if r.joined and r.left and r.left >= r.joined
        ]
        joins = [r.joined for r in group if r.joined]
        leaves = [r.left for r in group if r.left]
        durations = [r.minutes for r in group if r.minutes is not None]
        if intervals:
            minutes, intervals = _union_minutes(intervals)
        if not intervals or (durations_first and len(durations) == len(group)):
            minutes = round(sum(durations)) if durations else None
        first = group[0]
        participants.append(
            Participant(
                name=first.name,
                original_name=next((r.original_name for r in group if r.original_name), None),
                email=next((r.email for r in group if r.email), None),
                joined=min(joins) if joins else None,
                left=max(leaves) if leaves else None,
                minutes=minutes,
                intervals=intervals,
                joins=len(group),
                role=first.role,
                guest=first.guest,
            )
        )
    return participants, waiting
