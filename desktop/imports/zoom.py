"""Zoom participant reports (classic and newer portal, with or without the meeting block).

Classic: `Meeting ID,Topic,Start Time,End Time,…` + one row + a blank line, then
`Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest[,…]`.
Newer: `Topic,ID,Host,Duration (minutes),Start time,End time,Participants`, then
`Name (original name),Email,Join time,Leave time,…,In waiting room`. "Show unique
users" drops the times: `Name (Original Name),User Email,Total Duration (Minutes),Guest`.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.core.codes import ReportPlatform
from desktop.imports.columns import Header, find_headers, looks_like_email, match_columns
from desktop.imports.reports import (
    Note,
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
from desktop.imports.sheets import Row, header_key

# Column names in the account's language, as the portal writes them (and as its older
# and newer versions spell them). The language of the name column is a hint for the
# order of day and month.
LANGUAGE_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "name": (
            "Name (Original Name)",
            "Name",
            "Participant",
            "Participant Name",
            "Display Name",
            "User Name",
            "User Name (Original Name)",
        ),
        "email": ("User Email", "Email", "E-mail", "Email Address"),
        "join": ("Join Time", "Joined", "Join"),
        "leave": ("Leave Time", "Left", "Leave"),
        "duration": (
            "Duration (Minutes)",
            "Duration",
            "Total Duration (Minutes)",
            "Total Duration",
            "Time in Session (minutes)",
        ),
        "guest": ("Guest", "Is Guest"),
        "waiting": ("In Waiting Room", "Waiting Room"),
        "attended": ("Attended",),
    },
    "th": {
        "name": ("ชื่อ (ชื่อเดิม)", "ชื่อ (ชื่อดั้งเดิม)", "ชื่อ", "ชื่อผู้เข้าร่วม", "ชื่อผู้ใช้ (ชื่อเดิม)"),
        "email": ("อีเมล", "อีเมลผู้ใช้"),
        "join": ("เวลาเข้าร่วม", "เวลาเข้า", "เวลาที่เข้าร่วม"),
        "leave": ("เวลาออก", "เวลาที่ออก", "เวลาออกจากการประชุม"),
        "duration": ("ระยะเวลา (นาที)", "ระยะเวลา", "ระยะเวลารวม (นาที)"),
        "guest": ("แขก", "ผู้เยี่ยมชม"),
        "waiting": ("ในห้องรอ", "อยู่ในห้องรอ"),
        "attended": ("เข้าร่วมแล้ว", "เข้าร่วม"),
    },
    "ja": {
        "name": ("名前 (元の名前)", "名前", "ユーザー名 (元の名前)"),
        "email": ("ユーザーのメール", "ユーザーメール", "メール"),
        "join": ("参加時刻", "参加時間", "入室時間"),
        "leave": ("退出時刻", "退出時間", "退室時間"),
        # `所要時間（分）` is what a Japanese account's report writes (full-width brackets).
        "duration": ("所要時間 (分)", "期間 (分)", "時間 (分)", "合計期間 (分)", "合計時間 (分)"),
        "guest": ("ゲスト",),
        "waiting": ("待機室", "待機室内"),
    },
    "es": {
        "name": ("Nombre (nombre original)", "Nombre de usuario (nombre original)", "Nombre"),
        "email": ("E-mail del usuario", "Correo electrónico", "Correo electrónico del usuario"),
        "join": ("Hora para unirse", "Hora de entrada", "Hora de ingreso"),
        "leave": ("Hora para salir", "Hora de salida"),
        "duration": ("Duración (minutos)", "Duración total (minutos)"),
        "guest": ("Invitado",),
        "waiting": ("En la sala de espera", "Sala de espera"),
    },
    "pt": {
        "name": ("Nome (nome original)", "Nome"),
        "email": ("E-mail do usuário", "E-mail do utilizador"),
        "join": ("Ingressar na hora", "Hora de entrada", "Horário de entrada", "Hora de ingresso"),
        "leave": ("Hora de saída", "Horário de saída", "Sair na hora"),
        "duration": ("Duração (minutos)", "Permanência (minutos)", "Duração total (minutos)"),
        "guest": ("Convidado",),
        "waiting": ("Na sala de espera", "Sala de espera"),
    },
    "de": {
        "name": ("Name (ursprünglicher Name)", "Name (Originalname)"),
        "email": ("Benutzer-E-Mail", "E-Mail des Benutzers", "E-Mail-Adresse des Benutzers"),
        "join": ("Beitrittszeit", "Zeitpunkt des Beitritts", "Uhrzeit des Beitritts"),
        "leave": ("Austrittszeit", "Zeitpunkt des Verlassens", "Uhrzeit des Verlassens"),
        "duration": ("Dauer (Minuten)", "Gesamtdauer (Minuten)"),
        "guest": ("Gast",),
        "waiting": ("Im Warteraum", "Warteraum"),
    },
    "fr": {
        "name": ("Nom (nom original)", "Nom"),
        "email": ("Adresse e-mail de l’utilisateur", "E-mail de l’utilisateur"),
        "join": ("Heure d’arrivée", "Heure de connexion", "Heure d’entrée"),
        "leave": ("Heure de départ", "Heure de déconnexion", "Heure de sortie"),
        "duration": ("Durée (minutes)", "Durée totale (minutes)"),
        "guest": ("Invité",),
        "waiting": ("Salle d’attente", "Dans la salle d’attente"),
    },
    "zh": {
        "name": ("名称 (原始名称)", "姓名 (原始姓名)", "名称", "姓名"),
        "email": ("用户邮箱", "用户电子邮件", "电子邮件"),
        "join": ("加入时间", "入会时间"),
        "leave": ("离开时间", "退出时间"),
        "duration": ("持续时间 (分钟)", "时长 (分钟)", "总持续时间 (分钟)"),
        "guest": ("访客", "来宾"),
        "waiting": ("在等候室", "等候室"),
    },
    "ko": {
        "name": ("이름 (원래 이름)", "이름"),
        "email": ("사용자 이메일", "이메일"),
        "join": ("참가 시간", "참가 시각"),
        "leave": ("나간 시간", "퇴장 시간"),
        "duration": ("기간 (분)", "총 기간 (분)"),
        "guest": ("게스트",),
        "waiting": ("대기실에 있음", "대기실"),
    },
}
# Languages whose Zoom accounts write the day before the month.
DAY_FIRST_LANGUAGES = frozenset({"th", "es", "pt", "de", "fr"})
PARTICIPANT_COLUMNS: dict[str, tuple[str, ...]] = {
    field: tuple(name for columns in LANGUAGE_COLUMNS.values() for name in columns.get(field, ()))
    for field in LANGUAGE_COLUMNS["en"]
}
MEETING_COLUMNS: dict[str, tuple[str, ...]] = {
    "topic": (
        "Topic",
        "Meeting Topic",
        "หัวข้อ",
        "トピック",
        "Tema",
        "Tópico",
        "Thema",
        "Sujet",
        "主题",
        "주제",
    ),
    "meeting_id": (
        "Meeting ID",
        "ID",
        "Webinar ID",
        "รหัสการประชุม",
        "ミーティングID",
        "会议 ID",
        "N° de réunion",
    ),
    "start": (
        "Start Time",
        "Start",
        "Actual Start Time",
        "เวลาเริ่ม",
        "เวลาเริ่มต้น",
        "開始時刻",
        "Hora de inicio",
        "Hora de início",
        "Startzeit",
        "Heure de début",
        "开始时间",
        "시작 시간",
    ),
    "end": (
        "End Time",
        "End",
        "เวลาสิ้นสุด",
        "終了時刻",
        "Hora de finalización",
        "Heure de fin",
        "Endzeit",
        "结束时间",
    ),
}
_NO_SHOW = {"no", "ไม่", "いいえ", "nein", "non", "否", "아니요"}
_DATETIME_SHAPE = re.compile(
    r"^\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[, T]+\d{1,2}[:.]\d{2}"
    r"|[A-Za-z]{3,9}\.? \d{1,2}, \d{4},? \d{1,2}:\d{2})"
)
_BLANK = {"", "--", "-"}


# The participant's own name column. In the one-line export (meeting and participant on
# every row) the host's `User Name`, `User Email` and `Duration (Minutes)` come first.
_ORIGINAL_NAME_KEYS = frozenset(
    header_key(name)
    for columns in LANGUAGE_COLUMNS.values()
    for name in columns["name"]
    if "(" in name
)


def _one_line_export(header: Header, values: Row) -> bool:
    """A header whose participant columns follow the meeting's own: the fields named after
    the `Name (Original Name)` column are the participant's (True when re-read so)."""
    start = next(
        (i for i, cell in enumerate(values) if header_key(cell) in _ORIGINAL_NAME_KEYS), None
    )
    if start is None or start == header.columns.get("name"):
        return False
    own = match_columns(values[start:], PARTICIPANT_COLUMNS)
    header.columns.update({field: start + index for field, index in own.items()})
    return True


def _participant_headers(rows: list[Row]) -> list[Header]:
    """Every participants' header: a name column and a time, e-mail or duration.

    A webinar report has one per section (host, panelists, attendees)."""
    found = []
    for header in find_headers(rows, PARTICIPANT_COLUMNS, {"name"}, at_least=1):
        _one_line_export(header, rows[header.row])
        if header.columns.keys() & {"join", "leave", "duration", "email"}:
            found.append(header)
            continue
        # Headers in a language we do not know: the name column and two dated columns.
        following = rows[header.row + 1] if header.row + 1 < len(rows) else []
        if sum(1 for cell in following if _DATETIME_SHAPE.match(cell)) >= 2:
            found.append(header)
    return found or _header_by_shape(rows)


def _header_by_shape(rows: list[Row]) -> list[Header]:
    """A header no column of which we know: a row of words over rows with two date-times;
    the name is the first column of text (not a date, a number or an address)."""
    for number, values in enumerate(rows[:40]):
        words = [v for v in values if v.strip()]
        if len(words) < 3 or any(_DATETIME_SHAPE.match(v) or v.strip().isdigit() for v in words):
            continue
        body = [r for r in rows[number + 1 : number + 21] if any(c.strip() for c in r)]
        if not body or not all(sum(1 for c in r if _DATETIME_SHAPE.match(c)) >= 2 for r in body):
            continue
        for index in range(len(values)):
            cells = [r[index] for r in body if index < len(r) and r[index].strip()]
            if cells and not any(
                _DATETIME_SHAPE.match(c) or c.strip().isdigit() or looks_like_email(c)
                for c in cells
            ):
                return [Header(number, {"name": index})]
    return []


def find_participant_header(rows: list[Row]) -> Header | None:
    headers = _participant_headers(rows)
    return headers[0] if headers else None


def looks_like_zoom(rows: list[Row]) -> bool:
    return find_participant_header(rows) is not None


def header_language(row: Row) -> str | None:
    """The language whose participant column names the header row uses most."""
    best, best_count = None, 0
    for language, columns in LANGUAGE_COLUMNS.items():
        count = len(match_columns(row, columns))
        if count > best_count:
            best, best_count = language, count
    return best


def _fill_by_shape(header: Header, body: list[Row]) -> bool:
    """Columns whose name we do not know, recognised by what they hold (True if any).

    Two date-time columns are the join and the leave; a column of whole numbers, the
    minutes; a column of addresses, the e-mail."""
    claimed = set(header.columns.values())
    width = max((len(r) for r in body[:50]), default=0)
    dated, counted, filled = [], [], False
    for index in range(width):
        if index in claimed:
            continue
        values = [r[index] for r in body[:50] if index < len(r) and r[index].strip() not in _BLANK]
        if not values:
            continue
        if all(_DATETIME_SHAPE.match(v) for v in values):
            dated.append(index)
        elif "email" not in header.columns and all(looks_like_email(v) for v in values):
            header.columns["email"] = index
            filled = True
        elif all(v.strip().isdigit() for v in values):
            counted.append(index)
    for field, index in zip(("join", "leave"), dated, strict=False):
        if field not in header.columns:
            header.columns[field] = index
            filled = True
    if "duration" not in header.columns and len(counted) == 1 and len(dated) >= 2:
        header.columns["duration"] = counted[0]
        filled = True
    return filled


def _meeting_block(rows: list[Row], before: int) -> tuple[str | None, str | None, str | None]:
    """The meeting's topic, start and end: from the block above the participants, or
    from the first row of a one-line export (where they head every row)."""
    for header in find_headers(rows[: before + 1], MEETING_COLUMNS, {"start"}, at_least=3):
        if header.row + 1 < before or (header.row == before and before + 1 < len(rows)):
            values = rows[header.row + 1]
            return (
                header.get(values, "topic"),
                header.get(values, "start"),
                header.get(values, "end"),
            )
    return None, None, None


def _section_rows(rows: list[Row], header: Header, next_row: int) -> list[Row]:
    """The rows of one section: up to the next header or a section title (`Attendee
    Details,`); blank lines inside a section are skipped."""
    body = []
    for values in rows[header.row + 1 : next_row]:
        filled = [v for v in values if v.strip()]
        if not filled:
            continue
        if (
            len(filled) == 1
            and filled[0] == values[0]
            and len(values[0]) < 60
            and (not values[0].strip().endswith(")") and header.get(values, "join") == "")
        ):
            continue  # a section title (`Panelist Details`) or a note between the tables
        body.append(values)
    return body


def _cell(header: Header, values: Row, field: str) -> str:
    value = header.get(values, field).strip()
    return "" if value in _BLANK else value


def parse_zoom(rows: list[Row], file_name: str, meeting_date: date | None = None) -> Report:  # noqa: C901 (one branch per shape of Zoom report)
    """A Zoom participant or webinar report from its rows; refuses a file with no such table."""
    headers = _participant_headers(rows)
    if not headers:
        raise refuse(
            f"ไม่พบหัวตารางรายชื่อผู้เข้าร่วมในไฟล์ {file_name} (เช่น Name, Join Time)",
            f"No participant header (Name, Join Time …) found in {file_name}.",
        )
    ends = [h.row for h in headers[1:]] + [len(rows)]
    sections = [(h, _section_rows(rows, h, end)) for h, end in zip(headers, ends, strict=True)]
    by_shape = False
    for header, body in sections:
        by_shape |= _fill_by_shape(header, body)
    language = header_language(rows[headers[0].row])
    topic, start_text, end_text = _meeting_block(rows, headers[0].row)
    stamps = [_cell(h, r, f) for h, body in sections for r in body for f in ("join", "leave")]
    stamps += [s for s in (start_text, end_text) if s]
    order, note = decide_date_order(
        [s for s in stamps if s],
        day_first_locale=language in DAY_FIRST_LANGUAGES,
        meeting_date=meeting_date,
    )
    report_rows = []
    no_shows = 0
    for header, body in sections:
        for values in body:
            cell = _cell(header, values, "name")
            if not cell:
                continue
            if header.has("attended") and _cell(header, values, "attended").casefold() in _NO_SHOW:
                no_shows += 1  # a registrant who never came: not attendance
                continue
            name, original = split_original_name(cell)
            report_rows.append(
                ReportRow(
                    name=name,
                    original_name=original,
                    email=_cell(header, values, "email") or None,
                    joined=parse_datetime(_cell(header, values, "join"), order),
                    left=parse_datetime(_cell(header, values, "leave"), order),
                    minutes=parse_minutes(_cell(header, values, "duration")),
                    guest=is_yes(header.get(values, "guest")) if header.has("guest") else None,
                    waiting_room=is_yes(header.get(values, "waiting")),
                )
            )
    participants, waiting = merge_rows(report_rows)
    report = Report(
        platform=ReportPlatform.ZOOM,
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
    if language is None or by_shape:
        report.notes.append(
            Note(
                "Some column names are in a language Prachum does not know: the name, times "
                "and minutes were recognised by what the columns hold. Check them.",
                "หัวคอลัมน์บางส่วนเป็นภาษาที่ประชุมไม่รู้จัก: ชื่อ เวลา และจำนวนนาทีดูจากข้อมูลในคอลัมน์ โปรดตรวจสอบ",
            )
        )
    if len(sections) > 1:
        report.notes.append(
            Note(
                f"A webinar report: {len(sections)} sections read (host, panelists, attendees).",
                f"รายงานการสัมมนาออนไลน์ (webinar): อ่าน {len(sections)} ส่วน (ผู้จัด ผู้ร่วมอภิปราย ผู้เข้าร่วม)",
            )
        )
    if no_shows:
        report.notes.append(
            Note(
                f"{no_shows} registrant(s) who did not attend are not counted.",
                f"ไม่นับผู้ลงทะเบียนที่ไม่ได้เข้าร่วม {no_shows} คน",
            )
        )
    if not any(h.has("join") for h, _ in sections):
        report.notes.append(
            Note(
                "The report has no join times (unique users): minutes only.",
                "รายงานไม่มีเวลาเข้าร่วม (แบบผู้ใช้ไม่ซ้ำ): มีแต่จำนวนนาที",
            )
        )
    if waiting:
        report.notes.append(
            Note(
                f"{waiting} waiting-room row(s) not counted as attendance.",
                f"ไม่นับ {waiting} แถวที่อยู่ในห้องรอเป็นการเข้าประชุม",
            )
        )
    return report
