"""Teams Live Event attendee reports: one line per join or leave, in UTC, several sessions.

`Session Id, Participant Id, Full Name, UserAgent, UTC Event Timestamp, Action, Role`.
A live event repeated on several days keeps one file: the session held on the meeting's
date is taken (the one with most people when no date says). Times are UTC and shown in
Thai time (UTC+7, no daylight saving).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.core.codes import ReportPlatform
from desktop.core.thai import format_thai_date
from desktop.imports.columns import Header, find_headers, looks_like_email, table_rows
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

THAI_OFFSET = timedelta(hours=7)
COLUMNS: dict[str, tuple[str, ...]] = {
    "session": ("Session Id", "SessionId"),
    "participant": ("Participant Id", "ParticipantId"),
    "name": ("Full Name", "Name"),
    "timestamp": ("UTC Event Timestamp", "UtcEventTimestamp"),
    "action": ("Action",),
    "role": ("Role",),
}
_JOINED, _LEFT = {"joined", "join"}, {"left", "leave"}


def _header(rows: list[Row]) -> Header | None:
    found = find_headers(rows, COLUMNS, {"session", "timestamp", "action"}, at_least=4)
    return found[0] if found else None


def looks_like_teams_live(rows: list[Row]) -> bool:
    return _header(rows) is not None


def _utc(text: str) -> str:
    # `2024-02-14T02:15:02.1234567Z`: the zone letter is ours to apply.
    return text.strip().removesuffix("Z").removesuffix("z")


def parse_teams_live(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:
    header = _header(rows)
    if header is None:
        raise refuse(
            f"ไม่พบหัวตารางของรายงาน Teams Live Event ในไฟล์ {file_name}",
            f"No Teams Live Event header (Session Id, UTC Event Timestamp …) in {file_name}.",
        )
    body = table_rows(rows, header, stop_at_blank=False)
    stamps = [_utc(header.get(r, "timestamp")) for r in body]
    order, note = decide_date_order([s for s in stamps if s])
    sessions: dict[str, list[tuple[datetime, str, str, str, str]]] = {}
    for number, values in enumerate(body, start=header.row + 2):
        name = header.get(values, "name").strip()
        check_cell(name, "name", number)
        stamp = parse_datetime(_utc(header.get(values, "timestamp")), order)
        if stamp is None:
            continue
        local = stamp + THAI_OFFSET
        who = header.get(values, "participant").strip() or name
        action = header_key(header.get(values, "action"))
        sessions.setdefault(header.get(values, "session").strip(), []).append(
            (local, who, name, action, header.get(values, "role").strip())
        )
    if not sessions:
        raise refuse(
            f"รายงาน Teams Live Event {file_name} ไม่มีรายการเข้าร่วม",
            f"The Teams Live Event report {file_name} has no join lines.",
        )
    notes = [note] if note else []
    chosen = _choose_session(sessions, meeting_date, notes)
    events = sorted(chosen)
    last = events[-1][0]
    open_since: dict[str, tuple[datetime, str, str]] = {}
    report_rows = []
    for stamp, who, name, action, role in events:
        if action in _JOINED:
            open_since.setdefault(who, (stamp, name, role))
        elif action in _LEFT and who in open_since:
            joined, known_name, known_role = open_since.pop(who)
            report_rows.append(
                ReportRow(
                    name=known_name or name,
                    email=_address(who),
                    joined=joined,
                    left=stamp,
                    role=known_role,
                )
            )
    for who, (joined, name, role) in open_since.items():
        report_rows.append(
            ReportRow(name=name, email=_address(who), joined=joined, left=last, role=role)
        )
    report_rows.sort(key=lambda r: r.joined or last)
    participants, _ = merge_rows([r for r in report_rows if r.name])
    notes.append(
        Note(
            "A Teams Live Event report: times were in UTC and are shown in Thai time.",
            "รายงาน Teams Live Event: เวลาในไฟล์เป็น UTC แสดงเป็นเวลาประเทศไทยแล้ว",
        )
    )
    return Report(
        platform=ReportPlatform.TEAMS,
        file_name=file_name,
        participants=participants,
        start=events[0][0],
        end=last,
        date_order=order,
        notes=notes,
    )


def _address(participant: str) -> str | None:
    # The participant's id is the account's address for a signed-in attendee.
    return participant if looks_like_email(participant) else None


def _choose_session(
    sessions: dict[str, list[tuple[datetime, str, str, str, str]]],
    meeting_date: date | None,
    notes: list[str],
) -> list[tuple[datetime, str, str, str, str]]:
    if len(sessions) == 1:
        return next(iter(sessions.values()))
    on_day = [
        events
        for events in sessions.values()
        if meeting_date is not None and min(e[0] for e in events).date() == meeting_date
    ]
    if on_day:
        chosen = max(on_day, key=len)
        notes.append(
            Note(
                f"The file holds {len(sessions)} sessions: the one of the meeting's date "
                f"({meeting_date.isoformat() if meeting_date else ''}) was read.",
                f"ไฟล์นี้มี {len(sessions)} รอบ อ่านรอบของวันประชุม "
                f"({format_thai_date(meeting_date) if meeting_date else ''})",
            )
        )
        return chosen
    chosen = max(sessions.values(), key=lambda events: len({e[1] for e in events}))
    day = min(e[0] for e in chosen).date()
    notes.append(
        Note(
            f"The file holds {len(sessions)} sessions, none on the meeting's date: the largest "
            f"({day.isoformat()}) was read.",
            f"ไฟล์นี้มี {len(sessions)} รอบ ไม่มีรอบใดตรงวันประชุม อ่านรอบที่มีคนมากที่สุด "
            f"({format_thai_date(day)})",
        )
    )
    return chosen
