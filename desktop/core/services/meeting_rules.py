"""The two rules every service that changes a meeting's parts asks: is the meeting still a
draft, and which meeting came just before it. Below meetings, agenda and attendance, so
that none of them imports another to ask.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.codes import MeetingStatus
from desktop.core.errors import PrachumError
from desktop.core.models import Meeting
from desktop.core.thai import be_year


def ensure_editable(meeting: Meeting) -> None:
    """A final or certified meeting is read-only until it is reopened."""
    if meeting.status != MeetingStatus.DRAFT:
        raise PrachumError(
            "รายงานการประชุมนี้ปิดแล้ว แก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง",
            "These minutes are final; reopen them before editing.",
        )


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The same network's meeting just before this one."""
    query = select(Meeting).where(
        Meeting.id != meeting.id,
        (Meeting.date < meeting.date)
        | ((Meeting.date == meeting.date) & (Meeting.id < meeting.id)),
    )
    query = query.where(
        Meeting.network_id.is_(None)
        if meeting.network_id is None
        else Meeting.network_id == meeting.network_id
    )
    return session.scalars(query.order_by(Meeting.date.desc(), Meeting.id.desc())).first()


def meeting_label(meeting: Meeting) -> str:
    """`ครั้งที่ 2/2567 การประชุม…` for lists and messages."""
    if meeting.number:
        return f"ครั้งที่ {meeting.number}/{be_year(meeting.date)} {meeting.title}"
    return meeting.title
