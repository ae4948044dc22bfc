"""Finding past decisions by a word, and who attends over a period."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, joinedload

from desktop.core import features
from desktop.core.codes import AttendanceGroup, AttendanceStatus, Ballot
from desktop.core.models import AgendaItem, Attendance, Meeting, Vote
from desktop.core.services.common import as_date, clean
from desktop.core.services.votes import vote_lines
from desktop.core.thai import thai_sort_key


@dataclass(frozen=True)
class SearchHit:
    """One place a query matched: a meeting, and the item when it was in the agenda."""

    meeting_id: int
    date: date
    number: int | None
    title: str
    item_id: int | None
    item_number: str | None
    item_title: str | None
    snippet: str
    vote: str = ""
    """How the item was voted (`เห็นชอบ 12 เสียง …`), when it was."""


def _snippet(body: str, query: str, width: int = 60) -> str:
    body = " ".join(body.split())
    index = body.lower().find(query.lower())
    if index < 0:
        return body[:width]
    start = max(0, index - width // 2)
    # Never start on a vowel or tone mark: they belong to the consonant before them.
    while start > 0 and unicodedata.category(body[start]) == "Mn":
        start -= 1
    end = min(len(body), index + len(query) + width // 2)
    while end < len(body) and unicodedata.category(body[end]) == "Mn":
        end += 1
    return (
        ("…" if start else "")
        + body[start:end].replace("\n", " ")
        + ("…" if end < len(body) else "")
    )


def search(
    session: Session, query: str, *, limit: int = 200, voted: bool = False
) -> list[SearchHit]:
    """Meetings, agenda text and resolutions containing the query (Thai substring match).

    Newest meetings first; one hit per meeting and item. A hit on a voted item says
    how it was voted; `voted` keeps only those.
    """
    text = clean(query)
    if not text:
        return []
    connection = session.connection()
    rows = features.of(connection).search_text(connection, text, limit=limit * 3)
    meeting_ids = {row[0] for row in rows}
    item_ids = {row[1] for row in rows if row[1] is not None}
    # The hits' meetings and items, with each item's vote and its mover and seconder, in
    # one query (a round trip over a network), however many hits.
    together = (
        select(Meeting, AgendaItem)
        .outerjoin(AgendaItem, (AgendaItem.meeting_id == Meeting.id) & AgendaItem.id.in_(item_ids))
        .where(Meeting.id.in_(meeting_ids))
        .options(joinedload(AgendaItem.vote).joinedload(Vote.mover))
        .options(joinedload(AgendaItem.vote).joinedload(Vote.seconder))
    )
    meetings: dict[int, Meeting] = {}
    items: dict[int, AgendaItem] = {}
    if meeting_ids:
        for meeting_row, item_row in session.execute(together):
            meetings[meeting_row.id] = meeting_row
            if item_row is not None:
                items[item_row.id] = item_row
    hits: dict[tuple[int, int | None], SearchHit] = {}
    for meeting_id, item_id, body in rows:
        meeting = meetings.get(meeting_id)
        if meeting is None or (meeting_id, item_id) in hits:
            continue
        item = items.get(item_id) if item_id is not None else None
        vote = " ".join(vote_lines(item.vote)) if item is not None else ""
        if voted and not vote:
            continue
        hits[(meeting_id, item_id)] = SearchHit(
            meeting_id=meeting_id,
            date=meeting.date,
            number=meeting.number,
            title=meeting.title,
            item_id=item_id,
            item_number=item.number if item else None,
            item_title=item.title if item else None,
            snippet=_snippet(body, text),
            vote=vote,
        )
    for hit in _attendee_hits(session, text, limit):
        hits.setdefault((hit.meeting_id, None), hit)
    ordered = sorted(hits.values(), key=lambda h: (h.date, h.meeting_id), reverse=True)
    return ordered[:limit]


def _attendee_hits(session: Session, text: str, limit: int) -> list[SearchHit]:
    """The meetings a person was on the list of, found by a part of her name as it was
    written at the meeting: `สมชาย` finds every meeting สมชาย attended or was expected at."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    query = (
        select(Meeting, Attendance.name, Attendance.status)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Attendance.name.like(pattern, escape="\\"))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(limit)
    )
    hits = []
    for meeting, name, status in session.execute(query):
        came = "มาประชุม" if status == "present" else "ไม่มาประชุม"
        hits.append(
            SearchHit(
                meeting_id=meeting.id,
                date=meeting.date,
                number=meeting.number,
                title=meeting.title,
                item_id=None,
                item_number=None,
                item_title=None,
                snippet=f"{name} ({came})",
            )
        )
    return hits


def matching_meeting_ids(session: Session, query: str) -> set[int]:
    """The meetings a query finds: for filtering a list as she types.

    Only the ids: no meetings loaded, no snippets cut, since it runs on every pause in
    typing.
    """
    text = clean(query)
    if not text:
        return set()
    connection = session.connection()
    rows = features.of(connection).search_text(connection, text, limit=30_000)
    return {row[0] for row in rows}


@dataclass(frozen=True)
class OrganizationAttendance:
    """How one organisation attended over a period (members' lines; participants apart)."""

    organization: str
    invited: int
    present: int
    absent: int
    participants: int

    @property
    def rate(self) -> float:
        return self.present / self.invited if self.invited else 0.0


def _count(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def attendance_statistics(
    session: Session,
    *,
    network_id: int | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> list[OrganizationAttendance]:
    """Per organisation (as named at each meeting): invited, present, absent, participants."""
    start, end = as_date(date_from), as_date(date_to)
    organization = func.coalesce(Attendance.organization_name, "")
    is_member = Attendance.group == AttendanceGroup.MEMBER
    query = (
        select(
            organization,
            _count(is_member),
            _count(is_member & (Attendance.status == AttendanceStatus.PRESENT)),
            _count(is_member & (Attendance.status == AttendanceStatus.ABSENT)),
            _count(
                (Attendance.group == AttendanceGroup.PARTICIPANT)
                & (Attendance.status == AttendanceStatus.PRESENT)
            ),
        )
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .group_by(organization)
    )
    if network_id is not None:
        query = query.where(Meeting.network_id == network_id)
    if start is not None:
        query = query.where(Meeting.date >= start)
    if end is not None:
        query = query.where(Meeting.date <= end)
    rows = [
        OrganizationAttendance(name or "-", int(i or 0), int(p or 0), int(a or 0), int(q or 0))
        for name, i, p, a, q in session.execute(query)
    ]
    return sorted(rows, key=lambda r: thai_sort_key(r.organization))


@dataclass(frozen=True)
class DecisionCounts:
    """Over a period: items with a resolution, how many were voted, how many secretly."""

    resolutions: int
    voted: int
    secret: int


def decision_statistics(
    session: Session,
    *,
    network_id: int | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> DecisionCounts:
    """Resolutions recorded and resolutions voted, in the meetings of a period."""
    start, end = as_date(date_from), as_date(date_to)
    has_resolution = AgendaItem.resolution.is_not(None) | Vote.agenda_item_id.is_not(None)
    query = (
        select(
            _count(has_resolution),
            _count(Vote.agenda_item_id.is_not(None)),
            _count(Vote.ballot == Ballot.SECRET),
        )
        .select_from(AgendaItem)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .outerjoin(Vote, Vote.agenda_item_id == AgendaItem.id)
    )
    if network_id is not None:
        query = query.where(Meeting.network_id == network_id)
    if start is not None:
        query = query.where(Meeting.date >= start)
    if end is not None:
        query = query.where(Meeting.date <= end)
    resolutions, voted, secret = session.execute(query).one()
    return DecisionCounts(int(resolutions or 0), int(voted or 0), int(secret or 0))
