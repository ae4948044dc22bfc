"""The proposal: each report row with the person it seems to be, for review, then applied.

Nothing is applied blindly. A row is `matched` (one person, clearly), `ambiguous`
(candidates listed, none chosen) or `unknown` (nobody close: a new person, or
ignored). The command line applies what is matched; the review dialog lets the
secretary choose, and the same `apply_proposal` stores her choices, remembering
them as aliases so that the next report matches those names by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.codes import AttendanceGroup, AttendanceStatus, Role
from desktop.core.models import Attendance, Meeting, NetworkMember, Person
from desktop.core.services.aliases import remember_alias
from desktop.core.services.attendance import add_attendee, mark_absent, update_attendance
from desktop.core.services.common import get
from desktop.core.services.meeting_rules import ensure_editable
from desktop.core.services.report_files import keep_report_file
from desktop.core.services.roster import create_person
from desktop.core.thai import format_thai_date, split_full_name
from desktop.imports.matching import (
    AMBIGUOUS_FLOOR,
    CLEAR_LEAD,
    MATCH_THRESHOLD,
    SUGGESTION_FLOOR,
    RosterIndex,
    Scored,
)
from desktop.imports.reports import Note, Participant, Report

STATUSES = ("matched", "ambiguous", "unknown")


class Candidate(NamedTuple):
    person_id: int
    name: str
    score: float


@dataclass
class ProposalRow:
    """One participant of the report and who it seems to be."""

    display_name: str
    original_name: str | None
    email: str | None
    joined: time | None
    left: time | None
    minutes: int | None
    status: str
    score: float
    candidates: list[Candidate]
    person_id: int | None
    """The chosen person: set for a matched row; the reviewer sets or changes it."""
    ignore: bool = False
    new_person: bool = False
    """An unknown row the reviewer wants added as a new person (a participant)."""
    via: str | None = None
    """How it was matched: alias, email, name, romanized (or chosen by the reviewer)."""
    joins: int = 1
    intervals: list[tuple[datetime, datetime]] = field(default_factory=list, repr=False)
    rememberable: bool = True
    """False for names that say nothing of the person (`iPhone`, `Zoom user`)."""
    guest: bool = False
    """Joined as a guest (`Name (Guest)` in Teams): not the member of that name unasked."""

    @property
    def report_name(self) -> str:
        """The cell as the report wrote it: `Name (Original Name)`."""
        if self.original_name:
            return f"{self.display_name} ({self.original_name})"
        return self.display_name

    def choose(self, person_id: int | None) -> None:
        """The reviewer's choice (None to clear it)."""
        self.person_id = person_id
        self.ignore = False
        self.new_person = False
        if person_id is not None:
            self.via = "chosen"


@dataclass
class Proposal:
    meeting_id: int
    platform: str
    file_name: str
    rows: list[ProposalRow]
    expected: dict[int, str]
    """The people on the meeting's list: person id → name."""
    labels: dict[int, str]
    """Name and organisation of every person a row names, to tell namesakes apart."""
    notes: list[str] = field(default_factory=list)
    report_date: date | None = None
    original: bytes | None = field(default=None, repr=False)
    """The report file's bytes, kept with the meeting when the proposal is applied."""

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status and not row.ignore)

    def missing(self) -> list[int]:
        """Expected people no row names, nor may name: those an undecided row lists as
        candidates could be the one who came, so they are never marked absent."""
        seen = {row.person_id for row in self.rows if row.person_id and not row.ignore}
        return [p for p in self.expected if p not in seen and p not in self.maybe_seen()]

    def maybe_seen(self) -> set[int]:
        """Expected people among the candidates of rows still waiting for a choice, be
        they ambiguous or unknown: any row that could be the person keeps them."""
        return {
            candidate.person_id
            for row in self.rows
            if row.person_id is None and not row.ignore and not row.new_person
            for candidate in row.candidates
            if candidate.person_id in self.expected
        }


@dataclass
class ApplyResult:
    present: int = 0
    added: int = 0
    created: int = 0
    absent: int = 0
    aliases: int = 0
    left_alone: int = 0


def _local(moment: datetime | None) -> time | None:
    return moment.time().replace(second=0, microsecond=0) if moment else None


def _decide(
    scored: list[Scored], labels: dict[int, str], index: RosterIndex
) -> tuple[str, float, list[Candidate], int | None, str | None]:
    if not scored:
        return "unknown", 0.0, [], None, None
    best = scored[0]
    rival = scored[1].score if len(scored) > 1 else 0.0
    shown = [s for s in scored if s.score >= max(SUGGESTION_FLOOR, best.score - 20)][:5]
    for s in shown:
        labels[s.person_id] = index.entries[s.person_id].label
    candidates = [
        Candidate(s.person_id, index.entries[s.person_id].name, min(100.0, round(s.score, 1)))
        for s in shown
    ]
    score = min(100.0, round(best.score, 1))
    if best.score >= MATCH_THRESHOLD and best.score - rival >= CLEAR_LEAD:
        return "matched", score, candidates, best.person_id, best.via
    if best.score >= AMBIGUOUS_FLOOR:
        return "ambiguous", score, candidates, None, None
    return "unknown", score, candidates, None, None


def propose_row(
    participant: Participant, index: RosterIndex, labels: dict[int, str]
) -> ProposalRow:
    """The proposal for one participant: alias, then e-mail, then names."""
    cell = (
        f"{participant.name} ({participant.original_name})"
        if participant.original_name
        else participant.name
    )
    cleaned = [index.clean(participant.name)]
    if participant.original_name:
        cleaned.append(index.clean(participant.original_name))
    left = participant.left
    if left and participant.joined and left.date() > participant.joined.date():
        left = None  # past midnight: a time of day alone would put it before the join
    row = ProposalRow(
        display_name=participant.name,
        original_name=participant.original_name,
        email=participant.email,
        joined=_local(participant.joined),
        left=_local(left),
        minutes=participant.minutes,
        status="unknown",
        score=0.0,
        candidates=[],
        person_id=None,
        joins=participant.joins,
        intervals=participant.intervals,
        rememberable=any(c.variants for c in cleaned),
        guest=bool(participant.guest),
    )
    aliased = index.by_alias([cell])
    email_ids = index.by_email.get((participant.email or "").strip().casefold(), [])
    if aliased is not None:
        scored = [Scored(aliased, 100.0, "alias")]
    elif len(email_ids) == 1:
        scored = [Scored(email_ids[0], 100.0, "email")]
    else:
        hinted = index.hinted_organizations(cleaned)
        scored = index.score_names(cleaned, hinted)
        for person_id in email_ids:  # a shared address: each holder is a candidate
            scored.insert(0, Scored(person_id, 100.0, "email"))
    row.status, row.score, row.candidates, row.person_id, row.via = _decide(scored, labels, index)
    return row


def _lines(session: Session, meeting_id: int) -> list[Attendance]:
    # Queried, not meeting.attendance: a collection loaded earlier in the session
    # would not show lines added since through add_attendee.
    query = select(Attendance).where(Attendance.meeting_id == meeting_id)
    return list(session.scalars(query.order_by(Attendance.sort_order, Attendance.id)))


def build_proposal(session: Session, meeting_id: int, report: Report) -> Proposal:
    """Match every participant of the report against the meeting's people, then the roster.

    A final meeting is refused first: there is no point matching what cannot be applied.
    """
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    # A deleted person's line (no person) cannot be matched to anyone: left out.
    expected = {
        line.person_id: line.name
        for line in _lines(session, meeting_id)
        if line.person_id is not None
    }
    index = RosterIndex.from_session(session, expected=expected)
    labels: dict[int, str] = {}
    rows = [propose_row(p, index, labels) for p in report.participants]
    _guests_apart(rows)
    proposal = Proposal(
        meeting_id=meeting_id,
        platform=report.platform,
        file_name=report.file_name,
        rows=rows,
        expected=expected,
        labels=labels,
        notes=list(report.notes),
        original=report.original,
    )
    joins = [p.joined for p in report.participants if p.joined]
    day = report.start or (min(joins) if joins else None)
    if day is not None:
        proposal.report_date = day.date()
        if day.date() != meeting.date:
            report_day, meeting_day = day.date(), meeting.date
            proposal.notes.append(
                Note(
                    f"The report is of {report_day.isoformat()} but the meeting is "
                    f"on {meeting_day.isoformat()}: is it the right report?",
                    f"รายงานนี้เป็นของวันที่ {format_thai_date(report_day)} แต่การประชุมเป็นวันที่ "
                    f"{format_thai_date(meeting_day)} ใช่รายงานที่ถูกต้องหรือไม่",
                )
            )
    return proposal


def _guests_apart(rows: list[ProposalRow]) -> None:
    """A guest row matched to a member who also came as a member: two people of one name
    (Teams' `(Guest)`), so the guest row waits for the secretary's choice."""
    members = {row.person_id for row in rows if row.person_id is not None and not row.guest}
    for row in rows:
        if row.guest and row.person_id in members and row.via != "alias":
            row.status, row.person_id, row.via = "ambiguous", None, None


# --- applying ---------------------------------------------------------------------


def _union_minutes(rows: list[ProposalRow]) -> int | None:
    intervals = sorted(i for row in rows for i in row.intervals)
    if not intervals:
        minutes = [row.minutes for row in rows if row.minutes is not None]
        return sum(minutes) if minutes else None
    total, (start, end) = timedelta(), intervals[0]
    for next_start, next_end in intervals[1:]:
        if next_start <= end:
            end = max(end, next_end)
        else:
            total += end - start
            start, end = next_start, next_end
    total += end - start
    return round(total.total_seconds() / 60)


def _new_person(session: Session, row: ProposalRow) -> int:
    name = row.original_name or row.display_name
    honorific, given, family = split_full_name(name)
    person = create_person(
        session,
        honorific=honorific or None,
        given_name=given or name,
        family_name=family or None,
        email=row.email,
        role=Role.GUEST,
    )
    return person.id


def apply_proposal(  # noqa: C901 (one branch per decision a reviewed row can carry)
    session: Session,
    meeting_id: int,
    proposal: Proposal,
    *,
    mark_missing_absent: bool = False,
    remember_aliases: bool = True,
) -> ApplyResult:
    """Store the chosen rows as attendance (present, times, minutes, source zoom/teams).

    Rows without a person, or ignored, are left alone. Several rows for one person
    (a rename, two devices) become one line: first join, last leave, minutes of the
    union. Expected people no row names become absent only with mark_missing_absent.
    """
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    result = ApplyResult()
    by_person: dict[int, list[ProposalRow]] = {}
    for row in proposal.rows:
        if row.ignore:
            continue
        if row.person_id is None and row.new_person:
            row.person_id = _new_person(session, row)
            row.via = "chosen"
            result.created += 1
        if row.person_id is None:
            result.left_alone += 1
            continue
        by_person.setdefault(row.person_id, []).append(row)
    members = set(
        session.scalars(
            select(NetworkMember.organization_id).where(
                NetworkMember.network_id == meeting.network_id
            )
        )
    )
    lines = {
        line.person_id: line for line in _lines(session, meeting_id) if line.person_id is not None
    }
    for person_id, rows in by_person.items():
        joins = [r.joined for r in rows if r.joined]
        leaves = [r.left for r in rows if r.left]
        joined = min(joins) if joins else None
        left = max(leaves) if leaves else None
        if joined and left and left < joined:
            left = None
        line = lines.get(person_id)
        if line is None:
            person = get(session, Person, person_id)
            line = add_attendee(
                session,
                meeting_id,
                person_id,
                group=AttendanceGroup.MEMBER
                if person.organization_id in members
                else AttendanceGroup.PARTICIPANT,
                status=AttendanceStatus.PRESENT,
                source=proposal.platform,
            )
            result.added += 1
        else:
            result.present += 1
        update_attendance(
            session,
            line.id,
            status=AttendanceStatus.PRESENT,
            joined=joined,
            left=left,
            minutes_present=_union_minutes(rows),
            source=proposal.platform,
        )
        if remember_aliases:
            for row in rows:
                if row.via != "alias" and row.rememberable:
                    remember_alias(session, row.report_name, person_id)
                    result.aliases += 1
    if proposal.original is not None:
        keep_report_file(
            session, meeting_id, proposal.file_name, proposal.original, proposal.platform
        )
    if mark_missing_absent:
        missing = set(proposal.missing()) - set(by_person)
        for person_id, line in lines.items():
            if person_id in missing and line.status == AttendanceStatus.PRESENT:
                mark_absent(session, line.id)
                result.absent += 1
    session.flush()
    return result
