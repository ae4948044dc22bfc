"""Between meetings: carry open actions forward, certify the last minutes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.core.codes import AgendaCategory, MeetingStatus
from desktop.core.errors import PrachumError
from desktop.core.models import Action, AgendaItem, Meeting
from desktop.core.services.agenda import add_action, add_agenda_item
from desktop.core.services.common import get
from desktop.core.services.meeting_rules import ensure_editable, previous_meeting
from desktop.core.thai import format_meeting_number


def open_actions(session: Session, meeting_id: int) -> list[Action]:
    """Actions of a meeting not yet done, in agenda order."""
    query = (
        select(Action)
        .join(AgendaItem, Action.agenda_item_id == AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id, Action.done.is_(False))
        .options(selectinload(Action.agenda_item))
    )
    actions = list(session.scalars(query))
    return sorted(actions, key=lambda a: (_number_key(a.agenda_item.number), a.id))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split("."))


def proposed_carry_over(session: Session, meeting_id: int) -> list[Action]:
    """The previous meeting's open actions that this meeting has not carried yet."""
    meeting = get(session, Meeting, meeting_id)
    previous = previous_meeting(session, meeting)
    if previous is None:
        return []
    carried = set(
        session.scalars(
            select(Action.carried_from_id)
            .join(AgendaItem, Action.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting_id, Action.carried_from_id.is_not(None))
        )
    )
    return [a for a in open_actions(session, previous.id) if a.id not in carried]


def follow_up_item(session: Session, meeting_id: int) -> AgendaItem:
    """The meeting's เรื่องสืบเนื่อง item, made when the agenda has none."""
    item = session.scalars(
        select(AgendaItem).where(
            AgendaItem.meeting_id == meeting_id,
            AgendaItem.parent_id.is_(None),
            AgendaItem.category == AgendaCategory.FOLLOW_UP,
        )
    ).first()
    if item is not None:
        return item
    confirm = session.scalars(
        select(AgendaItem).where(
            AgendaItem.meeting_id == meeting_id,
            AgendaItem.parent_id.is_(None),
            AgendaItem.category == AgendaCategory.CONFIRM_MINUTES,
        )
    ).first()
    return add_agenda_item(
        session,
        meeting_id,
        title="เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว",
        category=AgendaCategory.FOLLOW_UP,
        after_id=confirm.id if confirm else None,
    )


def carry_over_actions(
    session: Session, meeting_id: int, action_ids: list[int] | None = None
) -> list[Action]:
    """Carry the previous meeting's open actions (all, or the chosen ones) into this
    meeting's follow-up item: each becomes a sub-item with the action under it."""
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    proposed = proposed_carry_over(session, meeting_id)
    if action_ids is not None:
        wanted = set(action_ids)
        proposed = [a for a in proposed if a.id in wanted]
    if not proposed:
        return []
    parent = follow_up_item(session, meeting_id)
    carried = []
    for old in proposed:
        sub = add_agenda_item(
            session,
            meeting_id,
            parent_id=parent.id,
            title=old.text,
            category=AgendaCategory.FOLLOW_UP,
            body=f"สืบเนื่องจากระเบียบวาระที่ {old.agenda_item.number} {old.agenda_item.title}",
        )
        carried.append(
            add_action(
                session,
                sub.id,
                text=old.text,
                owner_organization_id=old.owner_organization_id,
                owner_person_id=old.owner_person_id,
                due=old.due,
                carried_from_id=old.id,
            )
        )
    return carried


def certify_previous_minutes(session: Session, meeting_id: int) -> Meeting:
    """This meeting certifies the previous meeting's minutes (ระเบียบวาระ รับรองรายงาน…).

    The earlier meeting becomes certified and read-only; this meeting's confirm-minutes
    item gets the resolution, unless the secretary already wrote one.
    """
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    previous = previous_meeting(session, meeting)
    if previous is None:
        raise PrachumError(
            "ไม่มีการประชุมครั้งก่อนให้รับรองรายงาน", "There is no earlier meeting to certify."
        )
    if previous.status == MeetingStatus.CERTIFIED and previous.certified_by_id not in (
        None,
        meeting_id,
    ):
        raise PrachumError(
            "รายงานการประชุมครั้งก่อนได้รับการรับรองแล้ว",
            "The earlier meeting's minutes are already certified.",
        )
    previous.status = "certified"
    previous.certified_by_id = meeting_id
    label = format_meeting_number(previous.number, previous.date) or previous.title
    item = session.scalars(
        select(AgendaItem).where(
            AgendaItem.meeting_id == meeting_id,
            AgendaItem.parent_id.is_(None),
            AgendaItem.category == AgendaCategory.CONFIRM_MINUTES,
        )
    ).first()
    if item is None:
        item = add_agenda_item(
            session,
            meeting_id,
            title=f"รับรองรายงานการประชุม{label}",
            category=AgendaCategory.CONFIRM_MINUTES,
        )
    if not item.resolution:
        item.resolution = f"ที่ประชุมมีมติรับรองรายงานการประชุม{label}"
    session.flush()
    return previous
