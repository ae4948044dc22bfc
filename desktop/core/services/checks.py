"""Checks before finalising: what is probably wrong with a meeting's record.

Finalising lists these first, each with the place that fixes it (the window opens that
page, row or item); `python main.py check ID` prints the same list. Nothing here stops
her: she may finalise anyway. One function, shared by the window and the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.models import Action, AgendaItem, Meeting
from desktop.core.services.attendance import attendance_counts, ordered_attendance
from desktop.core.services.meetings import load_meeting
from desktop.core.services.roster import action_owner_name
from desktop.core.thai import be_year, format_thai_date_short

# Where a finding is fixed: the window's page for it.
ATTENDANCE, AGENDA, DETAILS = "attendance", "agenda", "details"


@dataclass(frozen=True)
class Finding:
    """One thing probably wrong, in Thai and English, with the place to fix it."""

    code: str
    thai: str
    english: str
    place: str
    attendance_id: int | None = None
    item_id: int | None = None
    action_id: int | None = None

    def message(self, language: str = "th") -> str:
        return self.english if language == "en" else self.thai


def meeting_checks(session: Session, meeting_id: int) -> list[Finding]:
    """Every finding for the meeting, in the order of its pages: details, attendance, agenda."""
    session.flush()
    meeting = load_meeting(session, meeting_id)
    return [
        *_number_checks(session, meeting),
        *_signature_checks(meeting),
        *_attendance_checks(meeting),
        *_agenda_checks(meeting),
    ]


def _number_checks(session: Session, meeting: Meeting) -> Iterator[Finding]:
    if meeting.number is None:
        return
    year = meeting.date.year
    query = select(Meeting).where(
        Meeting.id != meeting.id,
        Meeting.number == meeting.number,
        Meeting.date >= date(year, 1, 1),
        Meeting.date <= date(year, 12, 31),
        Meeting.network_id.is_(None)
        if meeting.network_id is None
        else Meeting.network_id == meeting.network_id,
    )
    other = session.scalars(query.order_by(Meeting.date, Meeting.id)).first()
    if other is not None:
        label = f"{meeting.number}/{be_year(meeting.date)}"
        yield Finding(
            "number_used",
            f"ครั้งที่ {label} ใช้แล้วกับการประชุมวันที่ {format_thai_date_short(other.date)}",
            f"Meeting number {label} is already used by the meeting of {other.date.isoformat()}.",
            DETAILS,
        )


def _signature_checks(meeting: Meeting) -> Iterator[Finding]:
    # Nothing asked her for one on her first meeting, and the minutes went out with an
    # empty signature block. A warning, not a refusal: some offices sign by hand later.
    if meeting.recorder_id is None:
        yield Finding(
            "no_recorder",
            "ยังไม่ได้ระบุผู้จดรายงานการประชุม: ช่องลงชื่อท้ายรายงานจะว่าง",
            "No recorder is named: the signature at the end of the minutes will be blank.",
            DETAILS,
        )


def _attendance_checks(meeting: Meeting) -> Iterator[Finding]:
    lines = ordered_attendance(meeting)
    counts = attendance_counts(meeting)
    if not any(line.status == AttendanceStatus.PRESENT for line in lines):
        yield Finding(
            "nobody_present",
            "ไม่มีผู้มาประชุมในรายชื่อ",
            "Nobody is marked present.",
            ATTENDANCE,
        )
    if meeting.quorum is not None and counts.present < meeting.quorum:
        yield Finding(
            "quorum_not_met",
            f"ไม่ครบองค์ประชุม: มาประชุม {counts.present} คน องค์ประชุม {meeting.quorum} คน",
            f"No quorum: {counts.present} members present, the quorum is {meeting.quorum}.",
            ATTENDANCE,
        )
    for line in lines:
        if (
            line.group == AttendanceGroup.MEMBER
            and line.status == AttendanceStatus.ABSENT
            and not line.absence_reason
        ):
            yield Finding(
                "absent_without_reason",
                f"{line.name} ไม่มาประชุม โดยไม่ระบุเหตุผล",
                f"{line.name} is absent without a reason.",
                ATTENDANCE,
                attendance_id=line.id,
            )


def _leaves(items: list[AgendaItem]) -> Iterator[AgendaItem]:
    for item in items:
        if item.children:
            yield from _leaves(item.children)
        else:
            yield item


def _walk(items: list[AgendaItem]) -> Iterator[AgendaItem]:
    for item in items:
        yield item
        yield from _walk(item.children)


def _agenda_checks(meeting: Meeting) -> Iterator[Finding]:
    present = attendance_counts(meeting).present
    leaves = {item.id for item in _leaves(meeting.agenda)}
    for item in _walk(meeting.agenda):
        where = f"ระเบียบวาระที่ {item.number}" if item.parent_id is None else item.number
        where_en = f"Item {item.number}"
        if item.id in leaves and not (item.resolution or item.points or item.vote):
            yield Finding(
                "no_resolution",
                f"{where} {item.title}: ยังไม่มีมติที่ประชุม",
                f"{where_en} {item.title}: no resolution.",
                AGENDA,
                item_id=item.id,
            )
        vote = item.vote
        if vote is not None and vote.total > present:
            yield Finding(
                "vote_exceeds_present",
                f"{where}: ผลการลงคะแนนรวม {vote.total} เสียง มากกว่าผู้มาประชุม {present} คน",
                f"{where_en}: the votes add up to {vote.total}, more than the {present} "
                "members present.",
                AGENDA,
                item_id=item.id,
            )
        for action in item.actions:
            yield from _action_checks(meeting, item, action, where, where_en)


def _action_checks(
    meeting: Meeting, item: AgendaItem, action: Action, where: str, where_en: str
) -> Iterator[Finding]:
    text = action.text if len(action.text) <= 40 else action.text[:39] + "…"
    if not action_owner_name(action):
        yield Finding(
            "action_without_owner",
            f"{where}: งาน “{text}” ไม่มีผู้รับผิดชอบ",
            f"{where_en}: the action “{text}” has no owner.",
            AGENDA,
            item_id=item.id,
            action_id=action.id,
        )
    if action.due is None:
        yield Finding(
            "action_without_due",
            f"{where}: งาน “{text}” ไม่มีกำหนดแล้วเสร็จ",
            f"{where_en}: the action “{text}” has no due date.",
            AGENDA,
            item_id=item.id,
            action_id=action.id,
        )
    elif action.due < meeting.date and not action.done and action.carried_from_id is None:
        yield Finding(
            "action_due_before_meeting",
            f"{where}: งาน “{text}” กำหนดแล้วเสร็จ {format_thai_date_short(action.due)} ก่อนวันประชุม",
            f"{where_en}: the action “{text}” is due {action.due.isoformat()}, before the meeting.",
            AGENDA,
            item_id=item.id,
            action_id=action.id,
        )
