"""The two rules every service that changes a meeting's parts asks: is the meeting still a
draft, and which meeting came just before it. Below meetings, agenda and attendance, so
that none of them imports another to ask.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, exists, select, update
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


Row = TypeVar("Row")


def of_a_draft(model: Any) -> ColumnElement[bool]:
    """`model`'s row belongs to a meeting still in draft (what ensure_editable says)."""
    return exists().where(Meeting.id == model.meeting_id, Meeting.status == MeetingStatus.DRAFT)


def update_in_a_draft(
    session: Session, model: type[Row], ident: int, values: dict[str, Any]
) -> Row | None:
    """One UPDATE … RETURNING of the row `ident` of `model`, only while its meeting is a
    draft: the guard, the change and the row read back in one round trip. None when no
    row changed (it is missing, or its meeting is final: the caller says which)."""
    from desktop.core.changes import NOTED

    statement = (
        update(model)
        .where(model.id == ident, of_a_draft(model))  # type: ignore[attr-defined]  # Row: every model given has an id
        .values(values)
        .returning(model)
        .execution_options(synchronize_session=False, populate_existing=True, **{NOTED: True})
    )
    return session.scalars(statement).one_or_none()


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


def meeting_and_previous(session: Session, meeting_id: int) -> tuple[Meeting, Meeting | None]:
    """The meeting and the one just before it (as `previous_meeting` finds it), in one
    query: a round trip over a network, instead of two."""
    from sqlalchemy.orm import aliased

    from desktop.core.services.common import get

    this, previous = aliased(Meeting), aliased(Meeting)
    query = (
        select(this, previous)
        .outerjoin(previous, previous.id == previous_meeting_id(this))
        .where(this.id == meeting_id)
    )
    row = session.execute(query).one_or_none()
    if row is None:
        get(session, Meeting, meeting_id)  # says that it is not there
        raise AssertionError(meeting_id)  # not reached
    return row[0], row[1]


def previous_meeting_id(this: Any) -> Any:
    """The id of the meeting just before `this` (an alias of Meeting in the same query),
    as a correlated subquery: what `previous_meeting` finds, without its own round trip."""
    from sqlalchemy.orm import aliased

    before = aliased(Meeting)
    return (
        select(before.id)
        .where(
            before.id != this.id,
            (before.date < this.date) | ((before.date == this.date) & (before.id < this.id)),
            before.network_id.is_not_distinct_from(this.network_id),
        )
        .order_by(before.date.desc(), before.id.desc())
        .limit(1)
        .correlate(this)
        .scalar_subquery()
    )


def meeting_label(meeting: Meeting) -> str:
    """`ครั้งที่ 2/2567 การประชุม…` for lists and messages."""
    if meeting.number:
        return f"ครั้งที่ {meeting.number}/{be_year(meeting.date)} {meeting.title}"
    return meeting.title
