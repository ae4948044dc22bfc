"""Reading the history: who changed what in a meeting, or in one agenda item.

The database writes the history itself (desktop.core.history); this only reads it and
says each entry in words: when (the PC's local time), who, and what, with the row it
was about ("ระเบียบวาระ 4 รับรองรายงานการประชุม") and its values as the app shows them
(BE dates, 09.30 น.).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Boolean, Date, Select, Time, select
from sqlalchemy.orm import Session

from desktop.core import models as m
from desktop.core.services.common import get
from desktop.core.thai import format_thai_date_short, format_thai_time

LABEL_LENGTH = 40

# What each table's row is called, in Thai and English.
_TABLES: dict[str, tuple[str, str]] = {
    "meetings": ("การประชุม", "meeting"),
    "attendance": ("ผู้เข้าประชุม", "attendee"),
    "agenda_items": ("ระเบียบวาระ", "agenda item"),
    "votes": ("การลงมติ", "vote"),
    "resolution_points": ("ข้อมติ", "resolution point"),
    "actions": ("งานที่ต้องติดตาม", "follow-up action"),
    "report_files": ("รายงานการเข้าประชุม", "attendance report"),
    "outgoing_letters": ("หนังสือส่ง", "outgoing letter"),
    "people": ("บุคคล", "person"),
    "aliases": ("ชื่อที่แสดง", "display name"),
    "organizations": ("หน่วยงาน", "organisation"),
    "networks": ("เครือข่าย", "network"),
    "network_members": ("สมาชิกเครือข่าย", "network member"),
    "settings": ("การตั้งค่า", "setting"),
    "agenda_templates": ("แม่แบบระเบียบวาระ", "agenda template"),
    "agenda_template_items": ("วาระในแม่แบบ", "template item"),
}

# The fields people change, in words; any other is shown by its column's name.
_FIELDS: dict[str, tuple[str, str]] = {
    "title": ("ชื่อเรื่อง", "title"),
    "title_en": ("ชื่อเรื่องภาษาอังกฤษ", "English title"),
    "body": ("รายละเอียด", "text"),
    "resolution": ("มติ", "resolution"),
    "text": ("ข้อความ", "text"),
    "status": ("สถานะ", "status"),
    "date": ("วันที่", "date"),
    "number": ("ครั้งที่/เลขที่", "number"),
    "start_time": ("เวลาเริ่ม", "start time"),
    "end_time": ("เวลาเลิก", "end time"),
    "venue": ("สถานที่", "venue"),
    "mode": ("รูปแบบการประชุม", "mode"),
    "opening": ("ข้อความเปิดประชุม", "opening"),
    "quorum": ("องค์ประชุม", "quorum"),
    "chair_id": ("ประธาน", "chair"),
    "absence_reason": ("เหตุที่ไม่มา", "reason for absence"),
    "joined": ("เวลาเข้า", "joined"),
    "left_at": ("เวลาออก", "left"),
    "note": ("หมายเหตุ", "note"),
    "capacity": ("ฐานะในที่ประชุม", "capacity"),
    "done": ("เสร็จแล้ว", "done"),
    "due": ("กำหนดเสร็จ", "due"),
    "votes_for": ("เห็นด้วย", "for"),
    "votes_against": ("ไม่เห็นด้วย", "against"),
    "votes_abstain": ("งดออกเสียง", "abstained"),
    "ballot": ("วิธีลงคะแนน", "ballot"),
    "sort_order": ("ลำดับ", "order"),
    "name": ("ชื่อ", "name"),
    "position": ("ตำแหน่ง", "position"),
    "acting_as": ("รักษาราชการแทน", "acting as"),
    "category": ("ประเภทวาระ", "category"),
}

_VERBS = {
    "insert": ("เพิ่ม", "added"),
    "update": ("แก้ไข", "changed"),
    "delete": ("ลบ", "deleted"),
}
_YES_NO = {"th": ("ใช่", "ไม่ใช่"), "en": ("yes", "no")}


@dataclass(frozen=True)
class HistoryRow:
    """One entry of the history, ready to show."""

    id: int
    at: datetime
    """Local time of the PC reading it."""
    user: str
    table: str
    row_key: str
    meeting_id: int | None
    item_id: int | None
    field: str | None
    """None: the row was added or deleted."""
    action: str
    old: str | None
    new: str | None
    """The value before and after, as the app shows such a value (a row added or
    deleted: its values as JSON)."""
    label: str
    """Which row, in a few words: `4 รับรองรายงานการประชุม`, a person's name."""

    @property
    def when(self) -> str:
        """`5 ธ.ค. 2569 14.30 น.`"""
        return f"{format_thai_date_short(self.at.date())} {format_thai_time(self.at.time())}"

    def subject(self, language: str = "th") -> str:
        word = _TABLES.get(self.table, (self.table, self.table))[language == "en"]
        return f"{word} {self.label}".strip()

    def field_name(self, language: str = "th") -> str:
        if self.field is None:
            return ""
        return _FIELDS.get(self.field, (self.field, self.field))[language == "en"]

    def shown(self, value: str | None, language: str = "th") -> str:
        """A value as the app shows it: BE dates, 09.30 น., yes or no."""
        if value is None:
            return ""
        column = _column(self.table, self.field)
        try:
            if column is not None and isinstance(column.type, Boolean):
                yes, no = _YES_NO["en" if language == "en" else "th"]
                return yes if value.lower() in ("1", "true") else no
            if column is not None and isinstance(column.type, Date):
                return format_thai_date_short(date.fromisoformat(value[:10]))
            if column is not None and isinstance(column.type, Time):
                return format_thai_time(time.fromisoformat(value[:8]))
        except ValueError:
            pass  # as stored: what could not be read is shown, not hidden
        return value

    def what(self, language: str = "th", width: int | None = None) -> str:
        """`แก้ไข ระเบียบวาระ 4 … · มติ: “เดิม” → “ใหม่”`: one line (values cut to `width`)."""
        verb = _VERBS[self.action][language == "en"]
        text = f"{verb} {self.subject(language)}"
        if self.action != "update":
            return text
        old, new = (_cut(self.shown(v, language), width) for v in (self.old, self.new))
        return f"{text} · {self.field_name(language)}: “{old}” → “{new}”"


def meeting_history(session: Session, meeting_id: int) -> list[HistoryRow]:
    """Every change of a meeting and of its parts, oldest first. A meeting that was
    deleted keeps its history; one that never was is NotFound."""
    statement = select(m.HistoryEntry).where(m.HistoryEntry.meeting_id == meeting_id)
    rows = _read(session, statement)
    if not rows:
        get(session, m.Meeting, meeting_id)
    return rows


def item_history(session: Session, item_id: int) -> list[HistoryRow]:
    """Every change of an agenda item: its text, vote, points and actions, oldest first."""
    statement = select(m.HistoryEntry).where(m.HistoryEntry.item_id == item_id)
    rows = _read(session, statement)
    if not rows:
        get(session, m.AgendaItem, item_id)
    return rows


ADDING_SECONDS = 2
PLACING_FIELDS = frozenset({"number", "sort_order"})
"""The place the app gives a row it has just added (an item's number once it is placed):
set this soon after by whoever added it, it is part of adding it. The stored history
keeps it; the listing folds it in. What she types is never folded."""


def _read(session: Session, statement: Select[Any]) -> list[HistoryRow]:
    entries = _without_adding(session.scalars(statement.order_by(m.HistoryEntry.id)).all())
    labels = _labels(session, entries)
    return [
        HistoryRow(
            id=entry.id,
            at=_local(entry.at),
            user=entry.user_name,
            table=entry.table_name,
            row_key=entry.row_key,
            meeting_id=entry.meeting_id,
            item_id=entry.item_id,
            field=entry.field,
            action=entry.action,
            old=entry.old_value,
            new=entry.new_value,
            label=labels.get((entry.table_name, entry.row_key))
            # A vote, point or action without a name of its own: its item's.
            or labels.get(("agenda_items", str(entry.item_id)), ""),
        )
        for entry in entries
    ]


def _without_adding(entries: Any) -> list[m.HistoryEntry]:
    added: dict[tuple[str, str], m.HistoryEntry] = {}
    kept = []
    for entry in entries:
        key = (entry.table_name, entry.row_key)
        if entry.action == "insert":
            added[key] = entry
        first = added.get(key)
        if (
            entry.action == "update"
            and entry.field in PLACING_FIELDS
            and first is not None
            and first.user_name == entry.user_name
            and _seconds_between(first.at, entry.at) < ADDING_SECONDS
        ):
            continue
        kept.append(entry)
    return kept


def _seconds_between(first: datetime, then: datetime) -> float:
    try:
        return abs((then - first).total_seconds())
    except TypeError:  # a damaged time
        return float("inf")


def _local(at: datetime) -> datetime:
    if getattr(at, "damaged", False):
        return at
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _labels(session: Session, entries: Any) -> dict[tuple[str, str], str]:
    """Each row's name: from its values when it was added or deleted, and for agenda
    items and attendees as they are now (one query each)."""
    labels: dict[tuple[str, str], str] = {}
    for entry in entries:
        values = entry.new_value if entry.action == "insert" else entry.old_value
        if entry.field is None and values:
            labels[(entry.table_name, entry.row_key)] = _label(entry.table_name, values)
    items = {e.item_id for e in entries if e.item_id is not None}
    attendees = {int(e.row_key) for e in entries if e.table_name == "attendance"}
    if items:
        for ident, number, title in session.execute(
            select(m.AgendaItem.id, m.AgendaItem.number, m.AgendaItem.title).where(
                m.AgendaItem.id.in_(items)
            )
        ):
            labels[("agenda_items", str(ident))] = _cut(f"{number} {title}", LABEL_LENGTH)
    if attendees:
        for ident, name in session.execute(
            select(m.Attendance.id, m.Attendance.name).where(m.Attendance.id.in_(attendees))
        ):
            labels[("attendance", str(ident))] = _cut(name, LABEL_LENGTH)
    return labels


def _label(table: str, values: str) -> str:
    try:
        row = json.loads(values)
    except ValueError:
        return ""
    if not isinstance(row, dict):
        return ""
    if table == "agenda_items":
        text = f"{row.get('number') or ''} {row.get('title') or ''}"
    elif table == "people":
        text = f"{row.get('given_name') or ''} {row.get('family_name') or ''}"
    else:
        keys = ("title", "name", "text", "display_name", "file_name", "subject", "key")
        text = next((str(row[k]) for k in keys if row.get(k)), "")
    return _cut(text.strip(), LABEL_LENGTH)


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


def _column(table: str, field: str | None) -> Any:
    found = m.Base.metadata.tables.get(table)
    if found is None or field is None or field not in found.c:
        return None
    return found.c[field]
