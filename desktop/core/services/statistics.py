"""Who attends, counted the way an office asks it: per authority and per person.

An authority attended a meeting when at least one of its people came (two invited, one
came: it attended, not "50 %"); a person attended when she came. Both count member lines
only (participants are guests, not expected). The period that has data is where the
statistics open, so they are never empty while there are meetings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from desktop.core.models import Attendance, Meeting
from desktop.core.services.common import as_date
from desktop.core.thai import thai_sort_key


@dataclass(frozen=True)
class AuthorityAttendance:
    """One organisation over a period: meetings it was expected at, and came to."""

    organization: str
    meetings: int
    attended: int

    @property
    def rate(self) -> float:
        return self.attended / self.meetings if self.meetings else 0.0


@dataclass(frozen=True)
class PersonAttendance:
    """One person over a period (as named at her latest meeting in it)."""

    name: str
    organization: str
    invited: int
    present: int

    @property
    def rate(self) -> float:
        return self.present / self.invited if self.invited else 0.0


_SelectT = TypeVar("_SelectT", bound=Select[*tuple[Any, ...]])


def _period(
    query: _SelectT,
    network_id: int | None,
    date_from: date | str | None,
    date_to: date | str | None,
) -> _SelectT:
    start, end = as_date(date_from), as_date(date_to)
    if network_id is not None:
        query = query.where(Meeting.network_id == network_id)
    if start is not None:
        query = query.where(Meeting.date >= start)
    if end is not None:
        query = query.where(Meeting.date <= end)
    return query


def period_with_data(session: Session, network_id: int | None = None) -> tuple[date, date] | None:
    """The first and last date of the meetings that took attendance (of one network)."""
    query = _period(
        select(func.min(Meeting.date), func.max(Meeting.date)).where(
            Meeting.id.in_(select(Attendance.meeting_id))
        ),
        network_id,
        None,
        None,
    )
    first, last = session.execute(query).one()
    return (first, last) if first is not None else None


def authority_attendance(
    session: Session,
    *,
    network_id: int | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> list[AuthorityAttendance]:
    """Per organisation (as named at each meeting): meetings expected, meetings attended."""
    organization = func.coalesce(Attendance.organization_name, "")
    # One row per organisation and meeting: did anyone of it come?
    per_meeting = _period(
        select(
            organization.label("organization"),
            Attendance.meeting_id,
            func.max(case((Attendance.status == "present", 1), else_=0)).label("came"),
        )
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Attendance.group == "member")
        .group_by(organization, Attendance.meeting_id),
        network_id,
        date_from,
        date_to,
    ).subquery()
    query = select(per_meeting.c.organization, func.count(), func.sum(per_meeting.c.came)).group_by(
        per_meeting.c.organization
    )
    rows = [
        AuthorityAttendance(name or "-", int(meetings), int(came or 0))
        for name, meetings, came in session.execute(query)
    ]
    return sorted(rows, key=lambda r: thai_sort_key(r.organization))


def person_attendance(
    session: Session,
    *,
    network_id: int | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> list[PersonAttendance]:
    """Per person, members' lines: invited and present, by organisation then name."""
    query = _period(
        select(
            Attendance.person_id,
            Attendance.name,
            Attendance.organization_name,
            Attendance.status,
        )
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Attendance.group == "member"),
        network_id,
        date_from,
        date_to,
    ).order_by(Meeting.date, Meeting.id)  # oldest first: the latest name is kept
    people: dict[object, list[Any]] = {}
    for person_id, name, organization, status in session.execute(query):
        # A deleted person's lines still count, under the name they keep.
        key = person_id if person_id is not None else (name, organization)
        record = people.setdefault(key, [name, organization or "-", 0, 0])
        record[0], record[1] = name, organization or "-"
        record[2] += 1
        record[3] += status == "present"
    rows = [PersonAttendance(*record) for record in people.values()]
    return sorted(rows, key=lambda r: (thai_sort_key(r.organization), thai_sort_key(r.name)))
