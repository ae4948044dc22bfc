"""Read-only views for the desktop window: plain rows, fetched in one query each.

The window keeps what it shows after the session has closed, so it is given frozen
rows rather than ORM objects (which would try to load more from a closed session).
Nothing here changes data; that goes through the other service modules.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.models import (
    Attendance,
    Meeting,
    Network,
    NetworkMember,
    Organization,
    Person,
)
from desktop.core.services.common import get
from desktop.core.services.roster import ROLE_ORDER
from desktop.core.thai import acting_position, full_name, normalize_text, thai_sort_key


@dataclass(frozen=True)
class NetworkRow:
    id: int
    name: str
    description: str | None
    active: bool
    member_ids: tuple[int, ...]
    meeting_count: int


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    name: str
    short_name: str | None
    kind: str
    district: str | None
    province: str | None
    active: bool
    people_count: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    honorific: str | None
    given_name: str
    family_name: str | None
    position: str | None
    role: str
    organization_id: int | None
    organization_name: str | None
    organization_short_name: str | None
    email: str | None
    phone: str | None
    active: bool
    held_position: str | None = None
    """The office she holds, without the one she acts for (`position` joins the two)."""
    acting_as: str | None = None

    @property
    def display_name(self) -> str:
        return full_name(self.honorific, self.given_name, self.family_name)

    @property
    def organization_label(self) -> str:
        """The organisation as lists show it: its short name when it has one."""
        return self.organization_short_name or self.organization_name or ""


@dataclass(frozen=True)
class MeetingSummary:
    """A line of the meeting list: enough to show and to filter it."""

    id: int
    network_id: int | None
    number: int | None
    date: date
    title: str
    status: str


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    person_id: int | None
    name: str
    position: str | None
    organization_name: str | None
    group: str
    status: str
    absence_reason: str | None
    acting_as: str | None
    joined: time | None
    left: time | None
    source: str
    sort_order: int
    role: str
    capacity: str | None = None
    identity: str | None = None


@dataclass(frozen=True)
class MeetingDetails:
    """Every field of the meeting's details form."""

    id: int
    network_id: int | None
    network_name: str | None
    title: str
    number: int | None
    date: date
    start: time | None
    end: time | None
    mode: str
    platform: str | None
    venue: str | None
    host_id: int | None
    chair_id: int | None
    recorder_id: int | None
    reviewer_id: int | None
    opening: str | None
    status: str
    quorum: int | None = None
    recording: str | None = None
    online_link: str | None = None
    online_meeting_id: str | None = None
    online_passcode: str | None = None
    version: int = 1
    """The version of its text the form shows: an edit names it (text_versions)."""


def nothing_recorded(session: Session) -> bool:
    """No network (active or not) and no meeting yet: the welcome page's case.

    Asked at every start and after every change on the welcome page: two one-row reads,
    not the whole meeting list.
    """
    return (
        session.scalar(select(Network.id).limit(1)) is None
        and session.scalar(select(Meeting.id).limit(1)) is None
    )


def network_rows(session: Session, *, include_inactive: bool = False) -> list[NetworkRow]:
    """Networks in Thai order, each with its member ids and how many meetings it has."""
    counts = dict(
        session.execute(
            select(Meeting.network_id, func.count(Meeting.id)).group_by(Meeting.network_id)
        ).all()
    )
    members: dict[int, list[int]] = {}
    for network_id, organization_id in session.execute(
        select(NetworkMember.network_id, NetworkMember.organization_id).order_by(
            NetworkMember.network_id, NetworkMember.sort_order
        )
    ):
        members.setdefault(network_id, []).append(organization_id)
    query = select(Network)
    if not include_inactive:
        query = query.where(Network.active.is_(True))
    rows = [
        NetworkRow(
            id=n.id,
            name=n.name,
            description=n.description,
            active=n.active,
            member_ids=tuple(members.get(n.id, ())),
            meeting_count=counts.get(n.id, 0),
        )
        for n in session.scalars(query)
    ]
    return sorted(rows, key=lambda r: thai_sort_key(r.name))


def organization_rows(session: Session, *, include_inactive: bool = False) -> list[OrganizationRow]:
    """Organisations in Thai order, with the number of active people in each."""
    # The count as a subquery of the same statement: one round trip over a network.
    people_count = (
        select(func.count(Person.id))
        .where(Person.organization_id == Organization.id, Person.active.is_(True))
        .correlate(Organization)
        .scalar_subquery()
    )
    query = select(Organization, people_count)
    if not include_inactive:
        query = query.where(Organization.active.is_(True))
    rows = [
        OrganizationRow(
            id=o.id,
            name=o.name,
            short_name=o.short_name,
            kind=o.kind,
            district=o.district,
            province=o.province,
            active=o.active,
            people_count=count,
        )
        for o, count in session.execute(query)
    ]
    return sorted(rows, key=lambda r: thai_sort_key(r.name))


def people_rows(
    session: Session,
    *,
    include_inactive: bool = False,
    network_id: int | None = None,
    ids: Collection[int] | None = None,
) -> list[PersonRow]:
    """People in Thai name order with their organisation's names, in one query.

    All of them, a network's (through its member organisations) or those with `ids`
    (inactive ones included: a past meeting's chair stays its chair).

    Columns are selected rather than entities: for a roster of ten thousand this is
    several times quicker than building ORM objects the window would only read.
    """
    query = select(
        Person.id,
        Person.honorific,
        Person.given_name,
        Person.family_name,
        Person.position,
        Person.acting_as,
        Person.role,
        Person.organization_id,
        Organization.name.label("organization_name"),
        Organization.short_name.label("organization_short_name"),
        Person.email,
        Person.phone,
        Person.active,
    ).outerjoin(Organization, Person.organization_id == Organization.id)
    if ids is not None:
        query = query.where(Person.id.in_(list(ids)))
    elif not include_inactive:
        query = query.where(Person.active.is_(True))
    if network_id is not None:
        members = select(NetworkMember.organization_id).where(
            NetworkMember.network_id == network_id
        )
        query = query.where(Person.organization_id.in_(members))
    rows = []
    for row in session.execute(query):
        values = dict(row._mapping)
        # The position as she reads (and edits) it: the acting office after the held one.
        values["held_position"] = values["position"]
        values["position"] = acting_position(values["position"], values["acting_as"]) or None
        rows.append(PersonRow(**values))
    return sorted(rows, key=lambda r: (thai_sort_key(r.given_name), thai_sort_key(r.family_name)))


def meeting_summaries(session: Session, *, network_id: int | None = None) -> list[MeetingSummary]:
    """Meetings newest first, as the meeting list shows them."""
    query = select(
        Meeting.id, Meeting.network_id, Meeting.number, Meeting.date, Meeting.title, Meeting.status
    ).order_by(Meeting.date.desc(), Meeting.number.desc(), Meeting.id.desc())
    if network_id is not None:
        query = query.where(Meeting.network_id == network_id)
    return [MeetingSummary(*row) for row in session.execute(query)]


def meeting_details(session: Session, meeting_id: int) -> MeetingDetails:
    meeting = get(session, Meeting, meeting_id)
    return MeetingDetails(
        id=meeting.id,
        network_id=meeting.network_id,
        network_name=meeting.network.name if meeting.network else None,
        title=meeting.title,
        number=meeting.number,
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        mode=meeting.mode,
        platform=meeting.platform,
        venue=meeting.venue,
        host_id=meeting.host_id,
        chair_id=meeting.chair_id,
        recorder_id=meeting.recorder_id,
        reviewer_id=meeting.reviewer_id,
        opening=meeting.opening,
        status=meeting.status,
        quorum=meeting.quorum,
        recording=meeting.recording,
        online_link=meeting.online_link,
        online_meeting_id=meeting.online_meeting_id,
        online_passcode=meeting.online_passcode,
        version=meeting.version,
    )


def attendance_rows(session: Session, meeting_id: int) -> list[AttendanceRow]:
    """The meeting's list in the order of services.ordered_attendance, in one query."""
    query = (
        select(
            Attendance.id,
            Attendance.person_id,
            Attendance.name,
            Attendance.position,
            Attendance.organization_name,
            Attendance.group,
            Attendance.status,
            Attendance.absence_reason,
            Attendance.acting_as,
            Attendance.joined,
            Attendance.left_at.label("left"),
            Attendance.source,
            Attendance.sort_order,
            func.coalesce(Person.role, "guest").label("role"),
            Attendance.capacity,
            Attendance.identity,
        )
        .outerjoin(Person, Attendance.person_id == Person.id)  # a deleted person's line stays
        .where(Attendance.meeting_id == meeting_id)
    )
    rows = [AttendanceRow(**row._mapping) for row in session.execute(query)]
    return sorted(
        rows,
        key=lambda r: (
            r.sort_order,
            ROLE_ORDER.get(r.role, len(ROLE_ORDER)),
            thai_sort_key(r.name),
        ),
    )


def known_honorifics(session: Session) -> list[str]:
    """Honorifics already used in the roster, most used first."""
    query = (
        select(Person.honorific, func.count(Person.id))
        .where(Person.honorific.is_not(None))
        .group_by(Person.honorific)
        .order_by(func.count(Person.id).desc())
    )
    return [name for name, _count in session.execute(query) if name]


def similar_organizations(session: Session, name: str, *, threshold: float = 90) -> list[str]:
    """Names of organisations that may be the one she is about to create again.

    The same short name, or a name that differs only by spacing or a typing slip
    (rapidfuzz ratio at or above `threshold`); an exact clash is the service's error.
    """
    value = normalize_text(name or "").strip()
    if not value:
        return []
    folded = "".join(value.split()).casefold()
    found = []
    for full, short in session.execute(select(Organization.name, Organization.short_name)):
        if full == value:
            continue
        candidates = ["".join(full.split()).casefold()]
        if short:
            candidates.append("".join(short.split()).casefold())
        if any(c == folded or fuzz.ratio(c, folded) >= threshold for c in candidates):
            found.append(full)
    return found
