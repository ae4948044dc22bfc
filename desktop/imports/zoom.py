"""Zoom participant reports (classic and newer portal, with or without the meeting block).

Classic: `Meeting ID,Topic,Start Time,End Time,…` + one row + a blank line, then
`Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest[,…]`.
Newer: `Topic,ID,Host,Duration (minutes),Start time,End time,Participants`, then
`Name (original name),Email,Join time,Leave time,…,In waiting room`. "Show unique
users" drops the times: `Name (Original Name),User Email,Total Duration (Minutes),Guest`.
"""

from __future__ import annotations

import re

from desktop.imports.columns import Header, find_headers, looks_like_email, table_rows
from desktop.imports.reports import (
    Report,
    ReportRow,
    decide_date_order,
    is_yes,
    merge_rows,
    parse_datetime,
    parse_minutes,
    split_original_name,
)
from desktop.imports.safety import refuse
from desktop.imports.sheets import Row

PARTICIPANT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Name (Original Name)",
        "Name",
        "Participant",
        "Participant Name",
        "Display Name",
        "User Name",
        "ชื่อ (ชื่อเดิม)",
        "ชื่อ (ชื่อดั้งเดิม)",
        "ชื่อ",
        "ชื่อผู้เข้าร่วม",
    ),
    "email": ("User Email", "Email", "E-mail", "Email Address", "อีเมล", "อีเมลผู้ใช้"),
    "join": ("Join Time", "Joined", "Join", "เวลาเข้าร่วม", "เวลาเข้า", "เวลาที่เข้าร่วม"),
    "leave": ("Leave Time", "Left", "Leave", "เวลาออก", "เวลาที่ออก", "เวลาออกจากการประชุม"),
    "duration": (
        "Duration (Minutes)",
        "Duration",
        "Total Duration (Minutes)",
        "Total Duration",
        "ระยะเวลา (นาที)",
        "ระยะเวลา",
        "ระยะเวลารวม (นาที)",
    ),
    "guest": ("Guest", "แขก", "ผู้เยี่ยมชม"),
    "waiting": ("In Waiting Room", "Waiting Room", "ในห้องรอ", "อยู่ในห้องรอ"),
}
MEETING_COLUMNS: dict[str, tuple[str, ...]] = {
    "topic": ("Topic", "Meeting Topic", "หัวข้อ"),
    "meeting_id": ("Meeting ID", "ID", "รหัสการประชุม"),
    "start": ("Start Time", "Start", "เวลาเริ่ม", "เวลาเริ่มต้น"),
    "end": ("End Time", "End", "เวลาสิ้นสุด"),
}
_DATETIME_SHAPE = re.compile(r"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[, T]+\d{1,2}[:.]\d{2}")


def find_participant_header(rows: list[Row]) -> Header | None:
    """The participants' header: a name column and at least a time, e-mail or duration."""
    for header in find_headers(rows, PARTICIPANT_COLUMNS, {"name"}, at_least=1):
        if header.columns.keys() & {"join", "leave", "duration", "email"}:
            return header
        # Headers in a language we do not know: the name column and two dated columns.
        following = rows[header.row + 1] if header.row + 1 < len(rows) else []
        if sum(1 for cell in following if _DATETIME_SHAPE.match(cell)) >= 2:
            return header
    return None


def looks_like_zoom(rows: list[Row]) -> bool:
    return find_participant_header(rows) is not None


def _fill_by_shape(header: Header, body: list[Row]) -> None:
    """Columns whose name we do not know, recognised by what they hold."""
    claimed = set(header.columns.values())
    width = max((len(r) for r in body[:50]), default=0)
    dated = []
    for index in range(width):
        if index in claimed:
            continue
        values = [r[index] for r in body[:50] if index < len(r) and r[index]]
        if not values:
            continue
        if all(_DATETIME_SHAPE.match(v) for v in values):
            dated.append(index)
        elif "email" not in header.columns and all(looks_like_email(v) for v in values):
            header.columns["email"] = index
    for field, index in zip(("join", "leave"), dated, strict=False):
        header.columns.setdefault(field, index)


def _meeting_block(rows: list[Row], before: int) -> tuple[str | None, str | None, str | None]:
    for header in find_headers(rows[:before], MEETING_COLUMNS, {"start"}, at_least=3):
        if header.row + 1 < before:
            values = rows[header.row + 1]
            return (
                header.get(values, "topic"),
                header.get(values, "start"),
                header.get(values, "end"),
            )
    return None, None, None


def parse_zoom(rows: list[Row], file_name: str) -> Report:
    """A Zoom participant report from its rows; refuses a file with no such table."""
    header = find_participant_header(rows)
    if header is None:
        raise refuse(
            f"ไม่พบหัวตารางรายชื่อผู้เข้าร่วมในไฟล์ {file_name} (เช่น Name, Join Time)",
            f"No participant header (Name, Join Time …) found in {file_name}.",
        )
    body = table_rows(rows, header, stop_at_blank=False)
    _fill_by_shape(header, body)
    topic, start_text, end_text = _meeting_block(rows, header.row)
    stamps = [header.get(r, f) for r in body for f in ("join", "leave")]
    stamps += [s for s in (start_text, end_text) if s]
    order, note = decide_date_order([s for s in stamps if s])
    report_rows = []
    for values in body:
        cell = header.get(values, "name")
        if not cell:
            continue
        name, original = split_original_name(cell)
        report_rows.append(
            ReportRow(
                name=name,
                original_name=original,
                email=header.get(values, "email") or None,
                joined=parse_datetime(header.get(values, "join"), order),
                left=parse_datetime(header.get(values, "leave"), order),
                minutes=parse_minutes(header.get(values, "duration")),
                guest=is_yes(header.get(values, "guest")) if header.has("guest") else None,
                waiting_room=is_yes(header.get(values, "waiting")),
            )
        )
    participants, waiting = merge_rows(report_rows)
    report = Report(
        platform="zoom",
        file_name=file_name,
        participants=participants,
        title=topic or None,
        start=parse_datetime(start_text, order) if start_text else None,
        end=parse_datetime(end_text, order) if end_text else None,
        date_order=order,
        skipped_waiting_room=waiting,
    )
    if note:
        report.notes.append(note)
    if not header.has("join"):
        report.notes.append("The report has no join times (unique users): minutes only.")
    if waiting:
        report.notes.append(f"{waiting} waiting-room row(s) not counted as attendance.")
    return report
