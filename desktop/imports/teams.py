"""Microsoft Teams attendance reports: the sectioned report and the 2020 action log.

Current: UTF-16 with tabs, sections `1. Summary` (key, value lines), `2. Participants`
(`Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role`)
and `3. In-Meeting Activities` (one row per join). The activities give the real
intervals; without them the participants' own durations are used. 2020: `Full Name,
User Action, Timestamp`, a join or a leave per line, paired here.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop.core.codes import ReportPlatform
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
from desktop.imports.safety import check_cell, refuse
from desktop.imports.sheets import Row, header_key

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Name",
        "Full Name",
        "Participant Name",
        "ชื่อ",
        "ชื่อเต็ม",
        "Nome",
        "Nombre",
        "Nom",
        "名前",
        "名称",
        "이름",
    ),
    "first_join": (
        "First Join",
        "First join time",
        "เข้าร่วมครั้งแรก",
        "Primeira entrada",
        "Primera unión",
        "Erster Beitritt",
        "Première participation",
        "最初の参加",
    ),
    "last_leave": (
        "Last Leave",
        "Last leave time",
        "ออกครั้งล่าสุด",
        "Última saída",
        "Última salida",
        "Letztes Verlassen",
        "Dernier départ",
        "最後の退出",
    ),
    "join": (
        "Join Time",
        "Join time",
        "เวลาเข้าร่วม",
        "Hora de entrada",
        "Beitrittszeit",
        "Heure d’arrivée",
    ),
    "leave": (
        "Leave Time",
        "เวลาออก",
        "Hora de saída",
        "Hora de salida",
        "Verlassenszeit",
        "Heure de départ",
    ),
    "duration": (
        "In-Meeting Duration",
        "Duration",
        "Attendance duration",
        "ระยะเวลาในการประชุม",
        "Duração na reunião",
        "Duración en la reunión",
        "Dauer in der Besprechung",
        "Durée de la réunion",
    ),
    "email": ("Email", "อีเมล", "E-mail", "E-Mail", "Correo electrónico"),
    "upn": ("Participant ID (UPN)", "Participant ID", "UPN", "ID do participante (UPN)"),
    "role": ("Role", "บทบาท", "Função", "Rol", "Rolle", "Rôle"),
}
# The 2020 attendance list, in the languages Teams wrote it in.
ACTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Full Name",
        "Name",
        "ชื่อเต็ม",
        "Nome Completo",
        "Nombre completo",
        "Vollständiger Name",
        "Nom complet",
        "完全な名前",
    ),
    "action": (
        "User Action",
        "Action",
        "การกระทำของผู้ใช้",
        "Atividade",
        "Ação do usuário",
        "Actividad",
        "Acción del usuario",
        "Benutzeraktion",
        "Action de l’utilisateur",
        "ユーザーの操作",
    ),
    "timestamp": (
        "Timestamp",
        "Time",
        "การประทับเวลา",
        "ประทับเวลา",
        "Data e hora",
        "Carimbo de data/hora",
        "Marca de tiempo",
        "Zeitstempel",
        "Horodatage",
        "タイムスタンプ",
    ),
}
SUMMARY_KEYS = {
    "title": ("Meeting title", "Meeting Title", "Title", "ชื่อการประชุม", "Título da reunião"),
    "start": ("Start time", "Meeting Start Time", "เวลาเริ่มต้น", "Hora de início", "Startzeit"),
    "end": ("End time", "Meeting End Time", "เวลาสิ้นสุด", "Hora de término", "Endzeit"),
}
_SECTION = re.compile(r"^\s*\d\.\s+\S")
_SUFFIX = re.compile(r"\s*\((guest|external|unverified|แขก|ภายนอก|ไม่ได้ยืนยัน)\)\s*$", re.I)
JOINED_WORDS = {
    "joined",
    "joinedbefore",
    "เข้าร่วมแล้ว",
    "เข้าร่วม",
    "entrou",
    "ingressou",
    "entrouantes",
    "entrouantesde",
    "seunió",
    "seunióantes",
    "unido",
    "beigetreten",
    "arejoint",
    "rejoint",
    "参加済み",
    "参加",
}
# Spanish Teams writes `Unido`, `Se unió antes` (in before the list was started) and
# `Abandonó`; Portuguese `Ingressou`, `Entrou antes de` and `Saiu`, as parsers of real
# attendance lists in those languages read them.
LEFT_WORDS = {
    "left",
    "ออกแล้ว",
    "ออก",
    "saiu",
    "salió",
    "abandonó",
    "verlassen",
    "aquitté",
    "parti",
    "退出",
}
# Languages whose Teams writes the day before the month.
_DAY_FIRST_WORDS = {
    "entrou",
    "ingressou",
    "entrouantesde",
    "seunió",
    "seunióantes",
    "unido",
    "abandonó",
    "beigetreten",
    "arejoint",
    "rejoint",
}


def _tables(rows: list[Row]) -> list[Header]:
    timed = find_headers(rows, COLUMNS, {"name"}, at_least=3)
    return [h for h in timed if h.columns.keys() & {"first_join", "join", "duration"}]


def _action_header(rows: list[Row]) -> Header | None:
    found = find_headers(rows, ACTION_COLUMNS, {"name", "action", "timestamp"}, at_least=3)
    return found[0] if found else None


def looks_like_teams(rows: list[Row]) -> bool:
    if _action_header(rows) is not None:
        return True
    return any(h.columns.keys() & {"first_join", "last_leave", "upn"} for h in _tables(rows))


def _guest_name(cell: str) -> tuple[str, bool]:
    match = _SUFFIX.search(cell)
    if match:
        return cell[: match.start()].strip(), True
    return cell.strip(), False


def _summary(rows: list[Row], before: int) -> dict[str, str]:
    keys = {header_key(n): field for field, names in SUMMARY_KEYS.items() for n in names}
    found: dict[str, str] = {}
    for values in rows[:before]:
        if len(values) >= 2 and header_key(values[0]) in keys:
            found.setdefault(keys[header_key(values[0])], values[1])
    return found


def _body(rows: list[Row], header: Header) -> list[Row]:
    # A section ends at a blank line or at the next `3. …` heading.
    body = []
    for values in table_rows(rows, header):
        if len(values) == 1 and _SECTION.match(values[0]):
            break
        body.append(values)
    return body


_ENGLISH_NAMES = {"name", "fullname", "participantname"}


def _day_first_language(rows: list[Row], header: Header) -> bool:
    """Headers in Thai or a European language other than English: a day-first locale."""
    key = header_key(header.get(rows[header.row], "name"))
    return key not in _ENGLISH_NAMES and all(ord(c) < 0x3000 for c in key)


def parse_teams(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:
    """A Teams attendance report from its rows; refuses a file with no such table.

    Webinar and town-hall reports list registrants too: a row without a join time is a
    registration, not a join. `Name (Guest)` is kept apart from the member `Name`."""
    action = _action_header(rows)
    if action is not None:
        return _parse_action_log(rows, action, file_name, meeting_date)
    tables = _tables(rows)
    per_join = [h for h in tables if h.has("join") and h.has("leave")]
    per_person = [h for h in tables if h.has("first_join")]
    found = per_join or per_person
    header = found[0] if found else None
    if header is None:
        raise refuse(
            f"ไม่พบหัวตารางผู้เข้าร่วมในรายงาน Teams {file_name}",
            f"No participant header (Name, First Join …) found in the Teams report {file_name}.",
        )
    join, leave = ("join", "leave") if header in per_join else ("first_join", "last_leave")
    body = _body(rows, header)
    summary = _summary(rows, min(h.row for h in tables))
    stamps = [header.get(r, f) for r in body for f in (join, leave)]
    stamps += [summary.get("start", ""), summary.get("end", "")]
    order, note = decide_date_order(
        [s for s in stamps if s],
        day_first_locale=_day_first_language(rows, header),
        meeting_date=meeting_date,
    )
    report_rows = []
    registered_only = 0
    for values in body:
        name, guest = _guest_name(header.get(values, "name"))
        if not name:
            continue
        if not header.get(values, join).strip():
            registered_only += 1
            continue
        email = header.get(values, "email") or header.get(values, "upn")
        report_rows.append(
            ReportRow(
                name=name,
                email=email if "@" in email else None,
                joined=parse_datetime(header.get(values, join), order),
                left=parse_datetime(header.get(values, leave), order),
                minutes=parse_minutes(header.get(values, "duration")),
                guest=guest,
                role=header.get(values, "role") or None,
            )
        )
    # First join to last leave spans the gaps: there Teams' own duration is the truth.
    participants, _ = merge_rows(report_rows, durations_first=header in per_person)
    report = Report(
        platform=ReportPlatform.TEAMS,
        file_name=file_name,
        participants=participants,
        title=summary.get("title") or None,
        start=parse_datetime(summary["start"], order) if summary.get("start") else None,
        end=parse_datetime(summary["end"], order) if summary.get("end") else None,
        date_order=order,
    )
    if note:
        report.notes.append(note)
    if registered_only:
        report.notes.append(
            Note(
                f"{registered_only} row(s) without a join time (registered, never joined) "
                "not counted.",
                f"ไม่นับ {registered_only} แถวที่ไม่มีเวลาเข้าร่วม (ลงทะเบียนแต่ไม่ได้เข้า)",
            )
        )
    return report


def _parse_action_log(  # noqa: C901 (one branch per kind of event in the log)
    rows: list[Row], header: Header, file_name: str, meeting_date: date | None
) -> Report:
    body = table_rows(rows, header, stop_at_blank=False)
    actions = {header_key(header.get(r, "action")) for r in body}
    order, note = decide_date_order(
        [header.get(r, "timestamp") for r in body],
        day_first_locale=bool(actions & _DAY_FIRST_WORDS) or _day_first_language(rows, header),
        meeting_date=meeting_date,
    )
    events: list[tuple[datetime, str, str, bool]] = []
    unknown: dict[str, int] = {}
    for number, values in enumerate(body, start=header.row + 2):
        name, guest = _guest_name(header.get(values, "name"))
        check_cell(name, "name", number)
        stamp = parse_datetime(header.get(values, "timestamp"), order)
        action = header_key(header.get(values, "action"))
        if not name or stamp is None:
            continue
        if action in JOINED_WORDS:
            events.append((stamp, name, "join", guest))
        elif action in LEFT_WORDS:
            events.append((stamp, name, "leave", guest))
        else:
            # A word of a language not met yet: say so rather than lose the person quietly.
            word = header.get(values, "action").strip()
            unknown[word] = unknown.get(word, 0) + 1
    if not events:
        raise refuse(
            f"รายงาน Teams {file_name} ไม่มีรายการเข้าร่วมหรือออก",
            f"The Teams report {file_name} has no join or leave lines.",
        )
    events.sort(key=lambda e: e[0])
    last = events[-1][0]
    open_since: dict[str, tuple[datetime, bool]] = {}
    report_rows = []
    for stamp, name, kind, guest in events:
        if kind == "join":
            open_since.setdefault(name, (stamp, guest))
        elif name in open_since:
            joined, was_guest = open_since.pop(name)
            report_rows.append(ReportRow(name=name, joined=joined, left=stamp, guest=was_guest))
    # Still in the meeting when the log was saved: present until its last line.
    for name, (joined, guest) in open_since.items():
        report_rows.append(ReportRow(name=name, joined=joined, left=last, guest=guest))
    first_seen = {name: stamp for stamp, name, _kind, _guest in reversed(events)}
    report_rows.sort(key=lambda r: (first_seen.get(r.name, r.joined), r.joined))
    participants, _ = merge_rows(report_rows)
    report = Report(
        platform=ReportPlatform.TEAMS,
        file_name=file_name,
        participants=participants,
        start=events[0][0],
        end=last,
        date_order=order,
    )
    if note:
        report.notes.append(note)
    if unknown:
        words = ", ".join(f"`{w[:40]}`" for w in sorted(unknown)[:5])
        count = sum(unknown.values())
        report.notes.append(
            Note(
                f"{count} line(s) with an action Prachum does not know ({words}) were left out: "
                "check whether those people came.",
                f"ไม่นับ {count} บรรทัดที่มีการกระทำที่ประชุมไม่รู้จัก ({words}) "
                "โปรดตรวจสอบว่าคนเหล่านั้นเข้าร่วมหรือไม่",
            )
        )
    return report
