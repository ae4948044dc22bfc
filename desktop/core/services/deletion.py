"""Deleting what she made by mistake: a meeting, a person, an organisation.

Each deletion first says what depends on the record (the confirmation shows it, the
command line prints it), then deletes or refuses. Finalised minutes are never changed
by a deletion: a final or certified meeting cannot be deleted, and a person or an
organisation that such minutes name (as chair, recorder, reviewer, host or an action's
owner) cannot be deleted until the meeting is reopened. Attendance lines keep their copy
of a deleted person's name, position and organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import PrachumError
from desktop.core.models import (
    Action,
    AgendaItem,
    Alias,
    Attendance,
    Meeting,
    NetworkMember,
    Organization,
    Person,
)
from desktop.core.services.common import get
from desktop.core.services.meeting_rules import meeting_label
from desktop.core.services.roster import person_display_name


@dataclass(frozen=True)
class Consequence:
    """One thing that goes or changes with the deletion, in Thai and English."""

    thai: str
    english: str


@dataclass(frozen=True)
class Dependents:
    """What a deletion would touch; `refusal` set when it must not go ahead."""

    thai_name: str
    english_name: str
    consequences: list[Consequence] = field(default_factory=list)
    refusal: PrachumError | None = None

    def lines(self, language: str = "th") -> list[str]:
        return [c.thai if language == "th" else c.english for c in self.consequences]


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _closed(meetings: list[Meeting]) -> list[Meeting]:
    return [m for m in meetings if m.status != "draft"]


def _refusal(thai_name: str, english_name: str, closed: list[Meeting]) -> PrachumError:
    labels = [meeting_label(m) for m in closed[:5]]
    return PrachumError(
        f"ลบ{thai_name}ไม่ได้ เพราะรายงานการประชุมที่ปิดแล้วอ้างถึง "
        f"(เปิดแก้ไขการประชุมนั้นก่อน): {', '.join(labels)}",
        f"Cannot delete {english_name}: finalised minutes name it "
        f"(reopen the meeting first): {', '.join(labels)}",
    )


# --- meetings ----------------------------------------------------------------------------


def meeting_dependents(session: Session, meeting_id: int) -> Dependents:
    meeting = get(session, Meeting, meeting_id)
    label = meeting_label(meeting)
    thai_name, english_name = f"การประชุม {label}", f"the meeting {label}"
    if meeting.status != "draft":
        return Dependents(
            thai_name,
            english_name,
            refusal=PrachumError(
                f"ลบ{thai_name}ไม่ได้ เพราะรายงานการประชุมปิดแล้ว (เปิดแก้ไขก่อนจึงจะลบได้)",
                f"Cannot delete {english_name}: its minutes are final (reopen them first).",
            ),
        )
    items = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
    people = _count(session, select(Attendance.id).where(Attendance.meeting_id == meeting_id))
    agenda = _count(session, items)
    actions = _count(session, select(Action.id).where(Action.agenda_item_id.in_(items)))
    carried = _count(
        session,
        select(Action.id).where(
            Action.carried_from_id.in_(select(Action.id).where(Action.agenda_item_id.in_(items))),
            Action.agenda_item_id.not_in(items),
        ),
    )
    certified = list(session.scalars(select(Meeting).where(Meeting.certified_by_id == meeting_id)))
    consequences = [
        Consequence(f"รายชื่อผู้ประชุม {people} คน", f"{people} attendance lines"),
        Consequence(f"ระเบียบวาระ {agenda} เรื่อง", f"{agenda} agenda items"),
        Consequence(f"งานที่ต้องติดตาม {actions} งาน", f"{actions} actions"),
    ]
    if carried:
        consequences.append(
            Consequence(
                f"งาน {carried} งานในการประชุมครั้งต่อไปจะไม่อ้างถึงครั้งนี้อีก (ตัวงานยังอยู่)",
                f"{carried} actions carried into a later meeting lose their link (they stay)",
            )
        )
    for earlier in certified:
        consequences.append(
            Consequence(
                f"{meeting_label(earlier)} จะกลับเป็นยังไม่ได้รับรองรายงาน",
                f"{meeting_label(earlier)} is no longer certified",
            )
        )
    return Dependents(thai_name, english_name, consequences)


def delete_meeting(session: Session, meeting_id: int) -> Dependents:
    """Delete a draft meeting with its attendance, agenda and actions; a final one refused."""
    dependents = meeting_dependents(session, meeting_id)
    if dependents.refusal is not None:
        raise dependents.refusal
    for earlier in session.scalars(select(Meeting).where(Meeting.certified_by_id == meeting_id)):
        earlier.certified_by_id = None
    session.delete(get(session, Meeting, meeting_id))
    session.flush()
    return dependents


# --- people ------------------------------------------------------------------------------


def _meetings_naming_person(session: Session, person_id: int) -> list[Meeting]:
    """Meetings whose minutes name the person other than in the attendance list."""
    owned = select(AgendaItem.meeting_id).join(Action).where(Action.owner_person_id == person_id)
    query = select(Meeting).where(
        or_(
            Meeting.chair_id == person_id,
            Meeting.recorder_id == person_id,
            Meeting.reviewer_id == person_id,
            Meeting.id.in_(owned),
        )
    )
    return list(session.scalars(query.order_by(Meeting.date, Meeting.id)))


def person_dependents(session: Session, person_id: int) -> Dependents:
    person = get(session, Person, person_id)
    name = person_display_name(person)
    thai_name, english_name = name, name
    attended = _count(session, select(Attendance.id).where(Attendance.person_id == person_id))
    naming = _meetings_naming_person(session, person_id)
    closed = _closed(naming)
    if closed:
        return Dependents(
            thai_name, english_name, refusal=_refusal(thai_name, english_name, closed)
        )
    actions = _count(session, select(Action.id).where(Action.owner_person_id == person_id))
    aliases = _count(session, select(Alias.id).where(Alias.person_id == person_id))
    consequences = []
    if attended:
        consequences.append(
            Consequence(
                f"การประชุม {attended} ครั้งยังคงชื่อ ตำแหน่ง และหน่วยงานของเธอในรายชื่อผู้ประชุม",
                f"{attended} meetings keep her name, position and organisation in their attendance",
            )
        )
    roles = sum(
        (m.chair_id == person_id) + (m.recorder_id == person_id) + (m.reviewer_id == person_id)
        for m in naming
    )
    if roles:
        consequences.append(
            Consequence(
                f"ร่างการประชุมจะไม่มีประธาน ผู้จด หรือผู้ตรวจรายงานคนนี้ ({roles} ตำแหน่ง)",
                f"draft meetings lose her as chair, recorder or reviewer ({roles} places)",
            )
        )
    if actions:
        consequences.append(
            Consequence(f"งาน {actions} งานจะไม่มีผู้รับผิดชอบ", f"{actions} actions lose their owner")
        )
    if aliases:
        consequences.append(
            Consequence(
                f"ชื่อในรายงาน Zoom/Teams ที่จำไว้ {aliases} ชื่อจะถูกลืม",
                f"{aliases} remembered report names are forgotten",
            )
        )
    return Dependents(thai_name, english_name, consequences)


def delete_person(session: Session, person_id: int) -> Dependents:
    """Delete a person; her meetings keep her line as it was. Refused while finalised
    minutes name her as chair, recorder, reviewer or an action's owner."""
    dependents = person_dependents(session, person_id)
    if dependents.refusal is not None:
        raise dependents.refusal
    # The foreign keys clear the rest (SET NULL, CASCADE); done here too so that the
    # objects already in the session agree with the file.
    for line in session.scalars(select(Attendance).where(Attendance.person_id == person_id)):
        line.person_id = None
    for meeting in _meetings_naming_person(session, person_id):
        for key in ("chair_id", "recorder_id", "reviewer_id"):
            if getattr(meeting, key) == person_id:
                setattr(meeting, key, None)
    for action in session.scalars(select(Action).where(Action.owner_person_id == person_id)):
        action.owner_person_id = None
    for alias in session.scalars(select(Alias).where(Alias.person_id == person_id)):
        session.delete(alias)
    session.flush()
    session.delete(get(session, Person, person_id))
    session.flush()
    return dependents


# --- organisations -----------------------------------------------------------------------


def _meetings_naming_organization(session: Session, organization_id: int) -> list[Meeting]:
    owned = (
        select(AgendaItem.meeting_id)
        .join(Action)
        .where(Action.owner_organization_id == organization_id)
    )
    query = select(Meeting).where(or_(Meeting.host_id == organization_id, Meeting.id.in_(owned)))
    return list(session.scalars(query.order_by(Meeting.date, Meeting.id)))


def organization_dependents(session: Session, organization_id: int) -> Dependents:
    organization = get(session, Organization, organization_id)
    thai_name, english_name = f"หน่วยงาน {organization.name}", organization.name
    naming = _meetings_naming_organization(session, organization_id)
    closed = _closed(naming)
    if closed:
        return Dependents(
            thai_name, english_name, refusal=_refusal(thai_name, english_name, closed)
        )
    people = _count(session, select(Person.id).where(Person.organization_id == organization_id))
    networks = _count(
        session,
        select(NetworkMember.network_id).where(NetworkMember.organization_id == organization_id),
    )
    actions = _count(
        session, select(Action.id).where(Action.owner_organization_id == organization_id)
    )
    hosted = sum(1 for m in naming if m.host_id == organization_id)
    consequences = []
    if people:
        consequences.append(
            Consequence(
                f"บุคคล {people} คนยังอยู่ แต่จะไม่มีหน่วยงาน",
                f"{people} people stay, without an organisation",
            )
        )
    if networks:
        consequences.append(
            Consequence(
                f"ออกจากการเป็นสมาชิกเครือข่าย {networks} เครือข่าย",
                f"it leaves {networks} networks",
            )
        )
    if hosted:
        consequences.append(
            Consequence(
                f"ร่างการประชุม {hosted} ครั้งจะไม่มีเจ้าภาพ", f"{hosted} draft meetings lose their host"
            )
        )
    if actions:
        consequences.append(
            Consequence(f"งาน {actions} งานจะไม่มีผู้รับผิดชอบ", f"{actions} actions lose their owner")
        )
    consequences.append(
        Consequence(
            "รายชื่อผู้ประชุมของการประชุมที่ผ่านมายังคงชื่อหน่วยงานไว้",
            "past attendance lines keep the organisation's name",
        )
    )
    return Dependents(thai_name, english_name, consequences)


def delete_organization(session: Session, organization_id: int) -> Dependents:
    """Delete an organisation: its people stay without one, it leaves its networks.
    Refused while finalised minutes name it as host or an action's owner."""
    dependents = organization_dependents(session, organization_id)
    if dependents.refusal is not None:
        raise dependents.refusal
    for person in session.scalars(select(Person).where(Person.organization_id == organization_id)):
        person.organization_id = None
    for meeting in session.scalars(select(Meeting).where(Meeting.host_id == organization_id)):
        meeting.host_id = None
    for action in session.scalars(
        select(Action).where(Action.owner_organization_id == organization_id)
    ):
        action.owner_organization_id = None
    for membership in session.scalars(
        select(NetworkMember).where(NetworkMember.organization_id == organization_id)
    ):
        session.delete(membership)
    session.flush()
    session.delete(get(session, Organization, organization_id))
    session.flush()
    return dependents
