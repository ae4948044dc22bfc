"""Who is expected, who came, who did not and why, who acts for whom."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import Any, Protocol

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Part, note_meeting_part
from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.db import one_statement
from desktop.core.errors import PrachumError
from desktop.core.models import (
    ATTENDANCE_GROUPS,
    ATTENDANCE_SOURCES,
    ATTENDANCE_STATUSES,
    IDENTITY_CHECKS,
    Attendance,
    Meeting,
    Person,
)
from desktop.core.services.common import (
    as_time,
    choice,
    clean,
    get,
    no_unknown_fields,
    optional_text,
    required,
)
from desktop.core.services.meeting_rules import (
    ensure_editable,
    meeting_label,
    previous_meeting,
    update_in_a_draft,
)
from desktop.core.services.roster import ROLE_ORDER, person_display_name
from desktop.core.thai import split_acting, thai_sort_key

ABSENCE_REASONS = ("ลา", "ติดราชการ", "ป่วย", "ลาพักผ่อน", "ติดภารกิจอื่น")
CAPACITIES = ("ประธาน", "รองประธาน", "กรรมการ", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ")
"""The capacities offered in a committee; any other text may be typed."""
CHAIR_CAPACITY = "ประธาน"
IDENTITY_LABELS = {
    "camera": ("เปิดกล้อง", "Camera"),
    "otp": ("รหัส OTP", "One-time code (OTP)"),
    "known": ("ผู้เข้าประชุมรับรอง", "Known to the meeting"),
    "signature": ("ลงลายมือชื่อ", "Signed the sheet"),
}
"""How an attendee's identity was checked, in Thai and English, by its code."""


def snapshot(attendance: Attendance, person: Person) -> None:
    """Copy the person's name, position and organisation as they are today.

    The person's acting office (`ปลัดเทศบาล…` she acts for) goes to the line's acting
    field, so the minutes say it once; an acting office already set on the line is kept.
    """
    attendance.name = person_display_name(person)
    position, acting = split_acting(person.position)  # a position stored before 0022
    attendance.position = position
    acting = person.acting_as or acting
    if acting and not attendance.acting_as:
        attendance.acting_as = acting
    attendance.organization_name = person.organization.name if person.organization else None


def add_attendee(
    session: Session,
    meeting_id: int,
    person_id: int,
    *,
    group: str | None = None,
    status: str | None = None,
    absence_reason: str | None = None,
    acting_as: str | None = None,
    joined: time | str | None = None,
    left: time | str | None = None,
    note: str | None = None,
    capacity: str | None = None,
    identity: str | None = None,
    source: str | None = None,
    sort_order: int | None = None,
) -> Attendance:
    """Put a person on the meeting's list (refused if already on it).

    Without an explicit order the person goes last, except the meeting's chair, who is
    put first: the minutes list the chair first unless the secretary moves him.
    """
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    person = get(session, Person, person_id)
    if session.scalar(
        select(Attendance.id).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    ):
        raise PrachumError(
            f"{person_display_name(person)} อยู่ในรายชื่อการประชุมนี้แล้ว",
            f"{person_display_name(person)} is already on this meeting's list.",
        )
    if sort_order is None and person_id == meeting.chair_id:
        first = session.scalar(
            select(func.min(Attendance.sort_order)).where(Attendance.meeting_id == meeting_id)
        )
        sort_order = 1 if first is None else first - 1
    elif sort_order is None:
        last = session.scalar(
            select(func.max(Attendance.sort_order)).where(Attendance.meeting_id == meeting_id)
        )
        sort_order = (last or 0) + 1
    attendance = Attendance(
        meeting_id=meeting_id,
        person_id=person_id,
        sort_order=sort_order,
        group=choice(group, ATTENDANCE_GROUPS, "group", "member"),
        source=choice(source, ATTENDANCE_SOURCES, "source", "typed"),
    )
    _apply(
        attendance,
        status=status,
        absence_reason=absence_reason,
        acting_as=acting_as,
        joined=joined,
        left=left,
        note=note,
        capacity=capacity,
        identity=identity,
    )
    snapshot(attendance, person)
    session.add(attendance)
    session.flush()
    return attendance


_UNSET = object()


def _apply(attendance: Attendance, **fields: Any) -> None:
    if fields.get("status", _UNSET) is not _UNSET:
        attendance.status = choice(fields["status"], ATTENDANCE_STATUSES, "status", "present")
    for key in ("absence_reason", "acting_as", "note"):
        if fields.get(key, _UNSET) is not _UNSET:
            setattr(attendance, key, clean(fields[key]))
    if fields.get("capacity", _UNSET) is not _UNSET:
        attendance.capacity = optional_text(fields["capacity"], "ตำแหน่งในที่ประชุม", "Capacity", 100)
    if fields.get("identity", _UNSET) is not _UNSET:
        identity = fields["identity"]
        attendance.identity = (
            None if not identity else choice(identity, IDENTITY_CHECKS, "identity", "")
        )
    if fields.get("joined", _UNSET) is not _UNSET:
        attendance.joined = as_time(fields["joined"], "joined")
    if fields.get("left", _UNSET) is not _UNSET:
        attendance.left_at = as_time(fields["left"], "left")
    if attendance.status == AttendanceStatus.PRESENT:
        attendance.absence_reason = None
    if attendance.joined and attendance.left_at and attendance.left_at < attendance.joined:
        raise PrachumError("เวลาออกต้องไม่ก่อนเวลาเข้าร่วม", "Left is before joined.")


def update_attendance(session: Session, attendance_id: int, **fields: Any) -> Attendance:
    """Change status, absence_reason, acting_as, joined, left, note, capacity, identity,
    group, minutes_present, source or sort_order of one line, or the meeting's copy of
    the person: name, position, organization_name (the person herself is not changed)."""
    attendance = get(session, Attendance, attendance_id)
    ensure_editable(attendance.meeting)
    if "name" in fields:
        attendance.name = required(fields.pop("name"), "ชื่อ", "Name", 400)
    if "organization_name" in fields:
        attendance.organization_name = optional_text(
            fields.pop("organization_name"), "หน่วยงาน", "Organisation", 300
        )
    if "position" in fields:
        position, acting = split_acting(
            optional_text(fields.pop("position"), "ตำแหน่ง", "Position", 300)
        )
        attendance.position = position
        if acting and "acting_as" not in fields:
            fields["acting_as"] = acting
    if "group" in fields:
        attendance.group = choice(fields.pop("group"), ATTENDANCE_GROUPS, "group", "member")
    if "source" in fields:
        attendance.source = choice(fields.pop("source"), ATTENDANCE_SOURCES, "source", "typed")
    if "sort_order" in fields:
        attendance.sort_order = int(fields.pop("sort_order"))
    if "minutes_present" in fields:
        value = fields.pop("minutes_present")
        attendance.minutes_present = None if value is None else max(0, int(value))
    allowed = {
        "status",
        "absence_reason",
        "acting_as",
        "joined",
        "left",
        "note",
        "capacity",
        "identity",
    }
    no_unknown_fields(set(fields) - allowed)
    _apply(attendance, **fields)
    session.flush()
    return attendance


def mark_present(session: Session, attendance_id: int) -> Attendance:
    return update_attendance(session, attendance_id, status=AttendanceStatus.PRESENT)


def mark_absent(session: Session, attendance_id: int, reason: str | None = None) -> Attendance:
    return update_attendance(
        session, attendance_id, status=AttendanceStatus.ABSENT, absence_reason=reason
    )


def toggle_attendance(session: Session, attendance_id: int) -> Attendance:
    """Present becomes absent and back: the space bar in the attendance table.

    One statement (a round trip over a network), guarded by the meeting being a draft;
    SQL reads the old status in both CASEs, so a reason is cleared only on becoming
    present, as update_attendance does.
    """
    was_present = Attendance.status == AttendanceStatus.PRESENT
    changed = update_in_a_draft(
        session,
        Attendance,
        attendance_id,
        {
            "status": case((was_present, AttendanceStatus.ABSENT), else_=AttendanceStatus.PRESENT),
            "absence_reason": case((was_present, Attendance.absence_reason), else_=None),
        },
    )
    if changed is None:  # missing, or its meeting is final: said as the long way says it
        ensure_editable(get(session, Attendance, attendance_id).meeting)
        raise AssertionError("the attendance line changed under the toggle")  # not reached
    note_meeting_part(session, changed.meeting_id, Part.ATTENDANCE)
    return changed


@one_statement
def set_attendance_status(session: Session, attendance_id: int, status: str) -> Attendance:
    """Present or absent, as she ticked it: the space bar sets what she saw it become.

    Unlike a toggle, the same tick stored twice (a replay of the journal of a dropped
    connection, or two people at the door) ends in the state she chose, not its opposite.
    One statement like the toggle; a reason is cleared only on becoming present.
    """
    status = choice(status, ATTENDANCE_STATUSES, "status", AttendanceStatus.PRESENT)
    present = status == AttendanceStatus.PRESENT
    changed = update_in_a_draft(
        session,
        Attendance,
        attendance_id,
        {
            "status": status,
            "absence_reason": None if present else Attendance.absence_reason,
        },
    )
    if changed is None:  # missing, or its meeting is final: said as the long way says it
        ensure_editable(get(session, Attendance, attendance_id).meeting)
        raise AssertionError("the attendance line changed under the tick")  # not reached
    note_meeting_part(session, changed.meeting_id, Part.ATTENDANCE)
    return changed


def remove_attendee(session: Session, attendance_id: int) -> None:
    attendance = get(session, Attendance, attendance_id)
    ensure_editable(attendance.meeting)
    session.delete(attendance)
    session.flush()


def add_network_members(session: Session, meeting_id: int) -> int:
    """Everyone active in the offices of the meeting's network who is not listed yet, as
    members, in Thai name order; how many were added (none without a network)."""
    from desktop.core.services.views import people_rows

    meeting = get(session, Meeting, meeting_id)
    if meeting.network_id is None:
        return 0
    listed = set(
        session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id))
    )
    people = [p for p in people_rows(session, network_id=meeting.network_id) if p.id not in listed]
    for person in people:
        add_attendee(session, meeting_id, person.id, group=AttendanceGroup.MEMBER)
    return len(people)


def copy_expected_attendance(
    session: Session, meeting_id: int, from_meeting_id: int | None = None
) -> list[Attendance]:
    """Expect the people of the previous meeting (or of a named one) here too.

    Everyone starts as present in the same group with the same order; acting capacity is
    copied (an acting clerk usually acts for months); absences and times are not. People
    already on the list are left alone. Returns the lines added.
    """
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    source = (
        get(session, Meeting, from_meeting_id)
        if from_meeting_id is not None
        else previous_meeting(session, meeting)
    )
    if source is None:
        return []
    present = set(
        session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id))
    )
    added = []
    for line in source.attendance:
        if line.person is None or line.person_id in present or not line.person.active:
            continue
        added.append(
            add_attendee(
                session,
                meeting_id,
                line.person.id,
                group=line.group,
                status=AttendanceStatus.PRESENT,
                acting_as=line.acting_as,
                sort_order=line.sort_order,
            )
        )
    return added


def attendance_order_key(attendance: Attendance) -> tuple[Any, ...]:
    """The secretary's order, then role (executive, clerk, …), then Thai name order."""
    person = attendance.person
    role = person.role if person is not None else "guest"
    # By given and family name: with the honorific in front, นาง/นางสาว/นาย would group.
    name = (
        (thai_sort_key(person.given_name), thai_sort_key(person.family_name))
        if person is not None
        else (thai_sort_key(attendance.name), ("", ""))
    )
    return (attendance.sort_order, ROLE_ORDER.get(role, len(ROLE_ORDER)), name)


def ordered_attendance(meeting: Meeting) -> list[Attendance]:
    return sorted(meeting.attendance, key=attendance_order_key)


class AttendanceLike(Protocol):
    """An attendance line as stored, or as the window holds it."""

    @property
    def group(self) -> str: ...
    @property
    def status(self) -> str: ...


@dataclass(frozen=True)
class AttendanceCounts:
    present: int
    absent: int
    participants: int

    @property
    def expected(self) -> int:
        return self.present + self.absent


def attendance_counts(meeting: Meeting) -> AttendanceCounts:
    """Members present, members absent, participants present: the counts always on screen."""
    return count_attendance(meeting.attendance)


def count_attendance(lines: Iterable[AttendanceLike]) -> AttendanceCounts:
    """The counts of any lines with a group and a status (the window counts its own rows)."""
    lines = list(lines)
    members = [a for a in lines if a.group == AttendanceGroup.MEMBER]
    return AttendanceCounts(
        present=sum(1 for a in members if a.status == AttendanceStatus.PRESENT),
        absent=sum(1 for a in members if a.status == AttendanceStatus.ABSENT),
        participants=sum(
            1
            for a in lines
            if a.group == AttendanceGroup.PARTICIPANT and a.status == AttendanceStatus.PRESENT
        ),
    )


def reorder_attendance(session: Session, meeting_id: int, attendance_ids: list[int]) -> None:
    """Set the order of the list as the secretary arranged it."""
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    by_id = {a.id: a for a in meeting.attendance}
    for order, attendance_id in enumerate(attendance_ids, start=1):
        if attendance_id in by_id:
            by_id[attendance_id].sort_order = order
    session.flush()


def move_attendee(session: Session, attendance_id: int, offset: int) -> list[int]:
    """Move one line up (negative) or down the list; returns the ids in their new order.

    Alt+Up/Down and dragging a row both come here; the list is renumbered 1, 2, 3 …
    """
    attendance = get(session, Attendance, attendance_id)
    meeting = attendance.meeting
    ensure_editable(meeting)
    ids = [a.id for a in ordered_attendance(meeting)]
    position = ids.index(attendance_id)
    target = max(0, min(len(ids) - 1, position + offset))
    ids.insert(target, ids.pop(position))
    reorder_attendance(session, meeting.id, ids)
    return ids


def effective_capacity(attendance: Attendance, meeting: Meeting) -> str | None:
    """The capacity the minutes print: the chair's is ประธาน unless set otherwise."""
    if attendance.capacity:
        return attendance.capacity
    if meeting.chair_id is not None and attendance.person_id == meeting.chair_id:
        return CHAIR_CAPACITY
    return None


def proposed_quorum(expected_members: int) -> int | None:
    """More than half of the members expected: the usual rule for a committee."""
    return expected_members // 2 + 1 if expected_members > 0 else None


def quorum_met(meeting: Meeting, counts: AttendanceCounts | None = None) -> bool | None:
    """True or False against the meeting's quorum; None when it has none."""
    if meeting.quorum is None:
        return None
    counts = counts or attendance_counts(meeting)
    return counts.present >= meeting.quorum


# --- the meeting's copy of a person -------------------------------------------------------


@dataclass(frozen=True)
class StaleSnapshot:
    """A draft meeting whose copy of a person differs from the person as she is now."""

    meeting_id: int
    attendance_id: int
    label: str


def stale_snapshots(session: Session, person_id: int) -> list[StaleSnapshot]:
    """The draft meetings holding an older copy of this person (final ones keep theirs)."""
    person = get(session, Person, person_id)
    query = (
        select(Attendance, Meeting)
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Attendance.person_id == person_id, Meeting.status == "draft")
        .order_by(Meeting.date, Meeting.id)
    )
    now = _copy_of(person)
    stale = []
    for line, meeting in session.execute(query):
        if now != (line.name, line.position, line.acting_as, line.organization_name):
            stale.append(StaleSnapshot(meeting.id, line.id, meeting_label(meeting)))
    return stale


def _copy_of(person: Person) -> tuple[str, str | None, str | None, str | None]:
    """What a meeting's line keeps of her: name, position, acting office, organisation.

    Unlike a new line, a refreshed one takes her acting office as she is now, none
    included: an acting office changed (or ended) on the person is what the drafts miss.
    """
    position, acting = split_acting(person.position)  # a position stored before 0022
    organization = person.organization.name if person.organization else None
    return person_display_name(person), position, person.acting_as or acting, organization


def refresh_snapshots(
    session: Session, person_id: int, meeting_ids: Iterable[int] | None = None
) -> list[int]:
    """Copy the person as she is now into her draft meetings (all, or the ones named).

    A final or certified meeting keeps the copy it was closed with. Returns the meetings
    changed.
    """
    person = get(session, Person, person_id)
    wanted = None if meeting_ids is None else set(meeting_ids)
    changed = []
    for entry in stale_snapshots(session, person_id):
        if wanted is not None and entry.meeting_id not in wanted:
            continue
        line = get(session, Attendance, entry.attendance_id)
        line.name, line.position, line.acting_as, line.organization_name = _copy_of(person)
        changed.append(entry.meeting_id)
    session.flush()
    return changed
