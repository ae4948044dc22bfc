"""Sign-in forms: a Google Forms or Microsoft Forms response sheet (CSV or XLSX).

Google writes `Timestamp` (`ประทับเวลา` in Thai) first, then one column per question;
Microsoft writes `ID, Start time, Completion time, Email, Name` and then the questions.
The questions are the form author's own words (`ชื่อ-สกุล`, `ชื่อ - นามสกุล`,
`ตำแหน่ง`, `หน่วยงาน/สังกัด`…), in any order: columns are found by the words in them.
"""

from __future__ import annotations

from datetime import date

from desktop.core.codes import ReportPlatform
from desktop.imports.columns import match_columns
from desktop.imports.reports import (
    Note,
    Report,
    ReportRow,
    decide_date_order,
    merge_rows,
    parse_datetime,
)
from desktop.imports.safety import check_cell, refuse
from desktop.imports.sheets import Row, header_key
from desktop.imports.zoom import PARTICIPANT_COLUMNS

_TIMESTAMP = {"timestamp", "ประทับเวลา", "completiontime", "เวลาที่เสร็จสมบูรณ์", "เวลาที่ส่ง"}
_STARTED = {"starttime", "เวลาเริ่มต้น"}
# Words a question's text holds, per field, tried in this order (`ชื่อหน่วยงาน` is the
# office, `ชื่อ-นามสกุล` the whole name, `ชื่อ` alone the given name).
_WORDS: dict[str, tuple[str, ...]] = {
    "org": ("หน่วยงาน", "สังกัด", "องค์กร", "อปท", "organization", "organisation", "agency", "office"),
    "position": ("ตำแหน่ง", "position", "jobtitle"),
    "email": ("อีเมล", "email", "mail"),
    "phone": ("โทร", "phone", "mobile"),
    "full": ("ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "fullname", "nameandsurname", "yourname"),
    "honorific": ("คำนำหน้า", "prefix", "title"),
    "family": ("นามสกุล", "lastname", "surname", "familyname"),
    "given": ("ชื่อ", "firstname", "givenname", "name"),
}


# As header_key folds the cells (`ำ` as NIKHAHIT + SARA AA, among others).
_KEYS = {field: tuple(header_key(w) for w in words) for field, words in _WORDS.items()}
_TIMESTAMP_KEYS = {header_key(w) for w in _TIMESTAMP}
_STARTED_KEYS = {header_key(w) for w in _STARTED}


def _columns(row: Row) -> dict[str, int]:
    found: dict[str, int] = {}
    accounts = []  # Microsoft's own `Name` is the account's (often `anonymous`)
    for index, cell in enumerate(row):
        key = header_key(cell).replace("(", "").replace(")", "")
        if key in _TIMESTAMP_KEYS:
            found.setdefault("timestamp", index)
            continue
        if key in _STARTED_KEYS:
            found.setdefault("started", index)
            continue
        field = next((f for f, words in _KEYS.items() if any(w in key for w in words)), None)
        if field == "given" and key == "name":
            accounts.append(index)
        elif field is not None:
            found.setdefault(field, index)
    if accounts and "full" not in found and "given" not in found:
        found["given"] = accounts[0]
    return found


def _header(rows: list[Row]) -> tuple[int, dict[str, int]] | None:
    for number, row in enumerate(rows[:20]):
        if {"join", "leave"} <= match_columns(row, PARTICIPANT_COLUMNS).keys():
            continue  # a meeting report with its start time in front, not a form
        columns = _columns(row)
        named = "full" in columns or "given" in columns
        stamped = "timestamp" in columns or "started" in columns
        if named and stamped and len(columns.keys() & {"org", "position", "email", "phone"}) >= 1:
            return number, columns
    return None


def looks_like_form(rows: list[Row]) -> bool:
    return _header(rows) is not None


def parse_form(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:
    found = _header(rows)
    if found is None:
        raise refuse(
            f"ไม่พบหัวตารางแบบฟอร์มลงชื่อ (ประทับเวลา, ชื่อ-สกุล) ในไฟล์ {file_name}",
            f"No sign-in form header (Timestamp, name …) in {file_name}.",
        )
    header_row, columns = found
    body = [r for r in rows[header_row + 1 :] if any(c.strip() for c in r)]
    stamp_column = columns.get("timestamp", columns.get("started"))

    def cell(values: Row, field: str) -> str:
        index = columns.get(field)
        return values[index].strip() if index is not None and index < len(values) else ""

    stamps = [
        values[stamp_column]
        for values in body
        if stamp_column is not None and stamp_column < len(values)
    ]
    order, note = decide_date_order(
        [s for s in stamps if s], day_first_locale=True, meeting_date=meeting_date
    )
    notes = [note] if note else []
    report_rows, other_days = [], 0
    for number, values in enumerate(body, start=header_row + 2):
        name = cell(values, "full") or " ".join(
            p
            for p in (cell(values, "honorific"), cell(values, "given"), cell(values, "family"))
            if p
        )
        if "full" in columns and cell(values, "honorific"):
            name = f"{cell(values, 'honorific')}{name}"
        name = name.strip()
        if not name or name.casefold() == "anonymous":
            continue
        check_cell(name, "name", number)
        when = (
            parse_datetime(values[stamp_column], order)
            if stamp_column is not None and stamp_column < len(values)
            else None
        )
        if meeting_date is not None and when is not None and when.date() != meeting_date:
            other_days += 1
            continue
        hint = " ".join(p for p in (cell(values, "position"), cell(values, "org")) if p)
        email = cell(values, "email")
        report_rows.append(
            ReportRow(
                name=f"{name} {hint}".strip() if hint else name,
                original_name=None,
                email=email if "@" in email else None,
                joined=when,
            )
        )
    if other_days:
        notes.append(
            Note(
                f"{other_days} response(s) of other days than the meeting's not read.",
                f"ไม่อ่านคำตอบของวันอื่นที่ไม่ใช่วันประชุม {other_days} รายการ",
            )
        )
    participants, _ = merge_rows(report_rows)
    notes.append(
        Note(
            f"Read as a sign-in form: {len(participants)} response(s).",
            f"อ่านเป็นแบบฟอร์มลงชื่อ: {len(participants)} คำตอบ",
        )
    )
    joins = [p.joined for p in participants if p.joined]
    return Report(
        platform=ReportPlatform.FORM,
        file_name=file_name,
        participants=participants,
        start=min(joins) if joins else None,
        end=max(joins) if joins else None,
        date_order=order,
        notes=notes,
    )
