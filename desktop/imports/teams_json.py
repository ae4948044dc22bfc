"""A Teams meeting chat saved as JSON: sign-ins as in the Zoom chat.

Three shapes are read, told apart by their keys, never by the file's name:
- the data export's `messages.json`: `{"conversations": [{"displayName", "MessageList":
  [{"displayName", "originalarrivaltime", "messagetype", "content", "from"}]}]}`;
- the Teams client's own message list: `{"messages": [{"imdisplayname", "composetime" or
  "originalarrivaltime", "messagetype", "content"}]}`;
- Microsoft Graph chat messages: `{"value": [...]}` or a bare list of `{"createdDateTime",
  "messageType", "from": {"user": {"displayName"}}, "body": {"content"}}`.
Times are UTC and shown in Thai time. Contents are HTML (`<p>…</p>`): tags are dropped.
Only text messages count; calls, members added, files and deleted messages do not.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime
from typing import Any

from desktop.core.codes import ReportPlatform
from desktop.core.thai import format_thai_date
from desktop.imports.chats import chat_report
from desktop.imports.reports import Note, Report
from desktop.imports.safety import MAX_ROWS, check_cell, refuse
from desktop.imports.signins import Message, sign_in_people
from desktop.imports.teams_live import THAI_OFFSET

_TEXT_TYPES = {"text", "richtext", "richtext/html", "message"}
_TAG = re.compile(r"<[^>]{0,2000}>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_STAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]00:?00)?$"
)


def looks_like_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def read_teams_json(text: str, file_name: str, meeting_date: date | None) -> Report | None:
    """The sign-ins of a Teams chat saved as JSON; None when the text is not JSON at all
    (a `[date] name: text` chat also starts with a bracket). JSON of another shape, or
    too deep to read, is refused."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except RecursionError:
        raise _refused(file_name) from None
    except ValueError:
        return None
    conversations = _conversations(data)
    if conversations is None:
        raise _refused(file_name)
    count = sum(len(messages) for _title, messages in conversations)
    if count > MAX_ROWS:
        raise refuse(
            f"แชทใน {file_name} มีมากกว่า {MAX_ROWS:,} ข้อความ จะไม่นำเข้า",
            f"The chat in {file_name} has more than {MAX_ROWS:,} messages; not imported.",
        )
    notes: list[str] = []
    read = [(title, _messages(items, file_name)) for title, items in conversations]
    if meeting_date is not None:
        read = [
            (title, [m for m in messages if m.when is None or m.when.date() == meeting_date])
            for title, messages in read
        ]
        notes.append(
            Note(
                f"Only the messages of the meeting's date ({meeting_date.isoformat()}) were read.",
                f"อ่านเฉพาะข้อความของวันประชุม ({format_thai_date(meeting_date)})",
            )
        )
    title, messages = _the_meetings_chat(read, notes)
    return chat_report(ReportPlatform.TEAMS, file_name, (messages, notes), title=title)


def _refused(file_name: str) -> Exception:
    return refuse(
        f"ไฟล์ {file_name} เป็น JSON แต่ไม่ใช่แชท Teams ที่รู้จัก (messages.json หรือรายการข้อความของ Microsoft Graph)",
        f"{file_name} is JSON but no Teams chat Prachum knows (a data export's "
        "messages.json or a Microsoft Graph message list).",
    )


def _conversations(data: Any) -> list[tuple[str | None, list[Any]]] | None:
    """The chats the file holds, each with its title and its raw messages."""
    if isinstance(data, dict) and isinstance(data.get("conversations"), list):
        found = [
            (
                c.get("displayName") if isinstance(c.get("displayName"), str) else None,
                c["MessageList"],
            )
            for c in data["conversations"]
            if isinstance(c, dict) and isinstance(c.get("MessageList"), list)
        ]
        return found or None
    if isinstance(data, dict):
        for key in ("messages", "value"):
            if isinstance(data.get(key), list):
                return [(None, data[key])] if _any_message(data[key]) else None
        return None
    if isinstance(data, list):
        return [(None, data)] if _any_message(data) else None
    return None


def _any_message(items: list[Any]) -> bool:
    return any(isinstance(item, dict) and _content(item) is not None for item in items)


def _content(item: dict[str, Any]) -> str | None:
    body = item.get("body")
    content = body.get("content") if isinstance(body, dict) else item.get("content")
    return content if isinstance(content, str) else None


def _sender(item: dict[str, Any]) -> str:
    sender = item.get("from")
    if isinstance(sender, dict):  # Graph: from.user.displayName
        user = sender.get("user")
        name = user.get("displayName") if isinstance(user, dict) else None
        return name if isinstance(name, str) else ""
    for key in ("imdisplayname", "displayName"):
        name = item.get(key)
        if isinstance(name, str):
            return name
    return ""


def _messages(items: list[Any], file_name: str) -> list[Message]:
    messages = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("deletedDateTime"):
            continue
        kind = item.get("messageType", item.get("messagetype", "text"))
        content = _content(item)
        if content is None or not isinstance(kind, str) or kind.casefold() not in _TEXT_TYPES:
            continue
        sender = check_cell(_sender(item).strip(), "name", number)
        stamp = next(
            (
                item[key]
                for key in ("createdDateTime", "originalarrivaltime", "composetime")
                if isinstance(item.get(key), str)
            ),
            "",
        )
        messages.append(Message(sender, _thai_time(stamp), _plain(content)))
    return messages


def _plain(content: str) -> str:
    text = _BREAK.sub("\n", content[:20_000])
    return html.unescape(_TAG.sub("", text)).strip()


def _thai_time(stamp: str) -> datetime | None:
    """`2024-02-14T02:15:02.123Z` (UTC) as Thai time; None when it is no such time."""
    match = _STAMP.match(stamp.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, _zone = match.groups()
    try:
        utc = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    return utc + THAI_OFFSET


def _the_meetings_chat(
    read: list[tuple[str | None, list[Message]]], notes: list[str]
) -> tuple[str | None, list[Message]]:
    """An export holds all her chats: the one with most sign-ins is the meeting's."""
    if len(read) == 1:
        return read[0]

    def signed(entry: tuple[str | None, list[Message]]) -> int:
        return sum(1 for m in entry[1] if sign_in_people(m.text))

    title, messages = max(read, key=signed)
    name = title or "?"
    notes.append(
        Note(
            f"The file holds {len(read)} chats: “{name}”, the one with most sign-ins, was read.",
            f"ไฟล์นี้มี {len(read)} แชท อ่านแชท “{name}” ซึ่งมีการลงชื่อมากที่สุด",
        )
    )
    return title, messages
