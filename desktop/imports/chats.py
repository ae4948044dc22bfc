"""Chat logs as sign-ins: Zoom's saved chat, a Teams meeting chat, a LINE group export.

Zoom (`meeting_saved_chat.txt`): the old one-line form `09:15:32	 From  NAME : TEXT`,
and the newer `09:15:32 From NAME to Everyone:` with the text on the next line(s);
messages to one person (`to X(Direct Message)`, `(Privately)`) are not read.
Teams (a meeting chat copied or exported as text): `[2/14/2024 9:15 AM] NAME: TEXT`.
LINE: `[LINE] Chat history in GROUP` (or `[LINE] ประวัติการแชท…`), date lines such as
`2022.08.03 Wednesday`, `Wed, 8/3/2022` or `พ. 03/08/2565`, then `HH:MM<TAB>sender<TAB>text`,
a message of several lines in double quotes. Only the meeting's date is read.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from desktop.core.codes import ReportPlatform
from desktop.core.thai import BE_OFFSET, format_thai_date, to_arabic_digits
from desktop.imports.reports import Note, Report, decide_date_order, parse_datetime
from desktop.imports.safety import check_cell, refuse
from desktop.imports.signins import Message, sign_ins

_ZOOM_NEW = re.compile(
    r"^(\d{1,2}:\d{2}:\d{2})\s+(?:From|จาก)\s+(.+?)\s+(?:to|To|ถึง)\s+(.+?)\s*:\s*$"
)
_ZOOM_OLD = re.compile(r"^(\d{1,2}:\d{2}:\d{2})\s+(?:From|จาก)\s+(.+?)\s+:\s?(.*)$")
_EVERYONE = {"everyone", "ทุกคน", "all panelists and attendees", "everyone (in meeting)"}
_TEAMS = re.compile(r"^\[([^\]]{6,40})\]\s*([^:\[\]]{1,120}?):\s?(.*)$")
_LINE_HEADER = re.compile(r"^\ufeff?\[LINE\]\s*(?:Chat history|ประวัติการแชท|チャット)", re.I)
_LINE_MESSAGE = re.compile(r"^(\d{1,2}:\d{2})(?:\s*([AaPp][Mm]))?\t([^\t]*)\t(.*)$")
_LINE_DATE_YMD = re.compile(r"^(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")
_LINE_DATE_DMY = re.compile(r"^\D{1,12}?(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_THAI_WEEKDAY = re.compile(r"^[ก-๙]{1,3}\.\s")


def read_chat(text: str, file_name: str, meeting_date: date | None) -> Report | None:
    """A chat log's sign-ins, or None when the text is no chat log Prachum knows."""
    lines = text.lstrip("\ufeff").splitlines()
    head = [line for line in lines[:5] if line.strip()]
    if head and _LINE_HEADER.match(head[0]):
        return chat_report(ReportPlatform.LINE, file_name, _line_messages(lines, meeting_date))
    sample = [line for line in lines[:200] if line.strip()]
    if sum(1 for line in sample if _ZOOM_NEW.match(line) or _ZOOM_OLD.match(line)) >= 1 and (
        _ZOOM_NEW.match(sample[0]) or _ZOOM_OLD.match(sample[0])
    ):
        return chat_report(ReportPlatform.ZOOM, file_name, _zoom_messages(lines, meeting_date))
    if sample and (first := _TEAMS.match(sample[0])) and _teams_stamp(first[1]):
        return chat_report(ReportPlatform.TEAMS, file_name, _teams_messages(lines))
    return None


def chat_report(
    platform: str,
    file_name: str,
    read: tuple[list[Message], list[str]],
    *,
    title: str | None = None,
) -> Report:
    """The sign-ins of a chat's messages as a report; refused when there are none."""
    messages, notes = read
    participants, other = sign_ins(messages)
    if not participants:
        raise refuse(
            f"ไม่พบการลงชื่อเข้าร่วม (ชื่อ ตำแหน่ง หน่วยงาน) ในแชท {file_name}",
            f"No sign-ins (name, position, office) found in the chat {file_name}.",
        )
    what = {"zoom": "Zoom chat", "teams": "Teams chat", "line": "LINE chat"}[platform]
    thai = {"zoom": "แชท Zoom", "teams": "แชท Teams", "line": "แชท LINE"}[platform]
    notes.append(
        Note(
            f"Read as a {what}: {len(messages)} message(s), {len(participants)} sign-in(s); "
            f"{other} other message(s) left out.",
            f"อ่านเป็น{thai}: {len(messages)} ข้อความ ลงชื่อ {len(participants)} รายการ "
            f"ไม่นับข้อความอื่น {other} ข้อความ",
        )
    )
    joins = [p.joined for p in participants if p.joined]
    return Report(
        platform=platform,
        file_name=file_name,
        participants=participants,
        title=title,
        start=min(joins) if joins else None,
        end=max(joins) if joins else None,
        notes=notes,
        date_order="dmy" if platform == ReportPlatform.LINE else "mdy",
    )


def _clock(text: str, meridiem: str | None = None) -> time:
    parts = [int(p) for p in to_arabic_digits(text).split(":")]
    hour = parts[0]
    if meridiem:
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    return time(hour, parts[1], parts[2] if len(parts) > 2 else 0)


def _zoom_messages(lines: list[str], meeting_date: date | None) -> tuple[list[Message], list[str]]:
    day = meeting_date or date.today()
    notes: list[str] = []
    if meeting_date is None:
        notes.append(
            Note(
                f"The chat has no date: read as of {day.isoformat()}.",
                f"แชทไม่มีวันที่: อ่านเป็นวันที่ {format_thai_date(day)}",
            )
        )
    messages: list[Message] = []
    current: Message | None = None
    private = 0
    for number, line in enumerate(lines, start=1):
        new = _ZOOM_NEW.match(line)
        old = None if new else _ZOOM_OLD.match(line)
        hit = new or old
        if hit:
            stamp, sender = hit.group(1), hit.group(2)
            recipient = new.group(3) if new else None
            if old and " to " in sender.casefold():  # `From A to B(Privately) : …`
                sender, _, recipient = sender.partition(" to ")
            sender = sender.strip()
            check_cell(sender, "name", number)
            current = Message(
                sender, datetime.combine(day, _clock(stamp)), old.group(3) if old else ""
            )
            if recipient is not None and not _to_everyone(recipient):
                private += 1
                current = None
                continue
            messages.append(current)
        elif current is not None and line.strip():
            current.text = f"{current.text}\n{line.strip()}".strip()
    if private:
        notes.append(
            Note(
                f"{private} private message(s) not read.",
                f"ไม่อ่านข้อความส่วนตัว {private} ข้อความ",
            )
        )
    return messages, notes


def _to_everyone(recipient: str) -> bool:
    text = recipient.strip().casefold()
    if "privately" in text or "direct message" in text or "ส่วนตัว" in text:
        return False
    return text in _EVERYONE or text.startswith("everyone")


def _teams_stamp(text: str) -> datetime | None:
    try:
        return parse_datetime(text.replace(",", " ").strip())
    except Exception:  # not a date: not a Teams line
        return None


def _teams_messages(lines: list[str]) -> tuple[list[Message], list[str]]:
    found = [(n, _TEAMS.match(line)) for n, line in enumerate(lines, start=1)]
    stamps = [m[1].replace(",", " ").strip() for _, m in found if m]
    order, note = decide_date_order(stamps)
    messages: list[Message] = []
    current: Message | None = None
    for (number, match), line in zip(found, lines, strict=True):
        if match:
            when = parse_datetime(match[1].replace(",", " ").strip(), order)
            sender = match[2].strip()
            check_cell(sender, "name", number)
            current = Message(sender, when, match[3])
            messages.append(current)
        elif current is not None and line.strip():
            current.text = f"{current.text}\n{line.strip()}".strip()
    return messages, [note] if note else []


def _line_date(line: str) -> date | None:
    text = to_arabic_digits(line.strip())
    match = _LINE_DATE_YMD.match(text)
    try:
        if match:
            return date(_year(int(match[1])), int(match[2]), int(match[3]))
        match = _LINE_DATE_DMY.match(text)
        if match:
            a, b, year = int(match[1]), int(match[2]), _year(int(match[3]))
            if _THAI_WEEKDAY.match(text) or a > 12:
                return date(year, b, a)  # Thai: day first
            return date(year, a, b)  # English: `Wed, 8/3/2022`, month first
    except ValueError:
        return None
    return None


def _year(value: int) -> int:
    return value - BE_OFFSET if value > 2400 else value


def _line_messages(lines: list[str], meeting_date: date | None) -> tuple[list[Message], list[str]]:
    notes: list[str] = []
    messages: list[Message] = []
    day: date | None = None
    current: Message | None = None
    quoted = False
    days: set[date] = set()
    for number, line in enumerate(lines, start=1):
        if quoted and current is not None:
            current.text += "\n" + line.rstrip('"')
            quoted = not line.endswith('"')
            continue
        match = _LINE_MESSAGE.match(line)
        if match is None:
            found = _line_date(line) if "\t" not in line else None
            if found is not None:
                day, current = found, None
                days.add(found)
            continue
        if day is None:
            continue
        sender = match[3].strip()
        check_cell(sender, "name", number)
        body = match[4]
        quoted = body.startswith('"') and not (len(body) > 1 and body.endswith('"'))
        current = Message(
            sender, datetime.combine(day, _clock(match[1], match[2])), body.strip('"')
        )
        if sender and (meeting_date is None or day == meeting_date):
            messages.append(current)
    if meeting_date is not None:
        notes.append(
            Note(
                f"Only the messages of the meeting's date ({meeting_date.isoformat()}) were read "
                f"({len(days)} day(s) in the file).",
                f"อ่านเฉพาะข้อความของวันประชุม ({format_thai_date(meeting_date)}) "
                f"(ในไฟล์มี {len(days)} วัน)",
            )
        )
    return messages, notes
