"""The agenda as the window shows it: frozen rows read in one short session.

The tree, the editor and the undo commands keep these after the session has closed,
so they hold plain values, never ORM objects. A deleted item's snapshot is also what
its undo puts back, sub-items, points and actions included.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from desktop.core.codes import MeetingStatus
from desktop.core.journal_values import journal_row
from desktop.core.models import Action, AgendaItem, Meeting, ResolutionPoint
from desktop.core.services.common import get
from desktop.core.services.meeting_rules import previous_meeting_id
from desktop.core.services.roster import action_owner_name
from desktop.core.thai import format_meeting_number, format_thai_date_short


@dataclass(frozen=True)
class ActionRow:
    id: int
    text: str
    owner_organization_id: int | None
    owner_person_id: int | None
    owner: str
    """The owner as the minutes name it (short name of an organisation, or a person)."""
    due: date | None
    done: bool
    carried_from_id: int | None
    version: int = 1
    """The version of its text the window shows (desktop.core.text_versions)."""


@journal_row("vote")  # the window's vote edit is kept while the server is away
@dataclass(frozen=True)
class VoteRow:
    """How an item was voted: each part optional."""

    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    ballot: str | None = None
    mover_id: int | None = None
    seconder_id: int | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in self.fields().values())

    @property
    def total(self) -> int:
        return sum(v or 0 for v in (self.votes_for, self.votes_against, self.votes_abstain))

    def fields(self) -> dict[str, object]:
        """As services.set_vote takes them."""
        return {
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "votes_abstain": self.votes_abstain,
            "ballot": self.ballot,
            "mover_id": self.mover_id,
            "seconder_id": self.seconder_id,
        }


NO_VOTE = VoteRow()


@dataclass(frozen=True)
class AgendaNode:
    id: int
    parent_id: int | None
    number: str
    category: str
    title: str
    body: str
    resolution: str
    points: tuple[str, ...]
    actions: tuple[ActionRow, ...]
    children: tuple[AgendaNode, ...]
    vote: VoteRow | None = None
    version: int = 1
    """The version of its text (title, body, resolution, points) the window shows: an
    edit names it, and is refused if someone else has stored a newer one."""

    def walk(self) -> Iterator[AgendaNode]:
        """This item, then its sub-items depth first (the order of the minutes)."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class PreviousMeeting:
    id: int
    label: str
    """`ครั้งที่ 2/2567`, or the title when it has no number."""
    status: str
    certified_by_id: int | None


@dataclass(frozen=True)
class AgendaView:
    meeting_id: int
    network_id: int | None
    status: str
    items: tuple[AgendaNode, ...]
    previous: PreviousMeeting | None

    @property
    def editable(self) -> bool:
        return self.status == MeetingStatus.DRAFT

    def walk(self) -> Iterator[AgendaNode]:
        for item in self.items:
            yield from item.walk()

    def find(self, item_id: int | None) -> AgendaNode | None:
        return next((node for node in self.walk() if node.id == item_id), None)


def owner_and_due(owner: str, due: date | None) -> str:
    """`  (กองช่าง, 15 มี.ค. 2567)` after an action's text in a list; empty with neither."""
    details = [d for d in (owner, format_thai_date_short(due) if due else "") if d]
    return f"  ({', '.join(details)})" if details else ""


def action_row(action: Action) -> ActionRow:
    return ActionRow(
        id=action.id,
        text=action.text,
        owner_organization_id=action.owner_organization_id,
        owner_person_id=action.owner_person_id,
        owner=action_owner_name(action),
        due=action.due,
        done=action.done,
        carried_from_id=action.carried_from_id,
        version=action.version,
    )


def _points_of_each_item() -> Any:
    """An item's resolution points packed into one text, `order:id:length:text` each, as
    a column of the items' query (no query of their own). Lengths, not separators, so any
    text is safe; the order is restored in Python, whatever order the database joined."""
    one = (
        cast(func.coalesce(ResolutionPoint.sort_order, 0), String)
        + ":"
        + cast(ResolutionPoint.id, String)
        + ":"
        + cast(func.length(ResolutionPoint.text), String)
        + ":"
        + ResolutionPoint.text
    )
    return (
        select(func.aggregate_strings(one, ""))
        .where(ResolutionPoint.agenda_item_id == AgendaItem.id)
        .correlate(AgendaItem)
        .scalar_subquery()
    )


def unpack_points(packed: str | None) -> tuple[str, ...]:
    """The texts packed by `_points_of_each_item`, in the points' order."""
    points: list[tuple[int, int, str]] = []
    at = 0
    while packed and at < len(packed):
        order, ident, length, at = *packed[at:].split(":", 3)[:3], at
        at += len(order) + len(ident) + len(length) + 3
        points.append((int(order), int(ident), packed[at : at + int(length)]))
        at += int(length)
    return tuple(text for _order, _id, text in sorted(points))


def read_agenda(session: Session, meeting_id: int) -> AgendaView:
    """The meeting's whole agenda in two queries, whatever its size: the meeting, the one
    before it and the items, with their votes and points; then the items' actions."""
    this, before = aliased(Meeting), aliased(Meeting)
    query = (
        select(this, before, AgendaItem, _points_of_each_item())
        .select_from(this)
        .outerjoin(before, before.id == previous_meeting_id(this))
        .outerjoin(AgendaItem, AgendaItem.meeting_id == this.id)
        .where(this.id == meeting_id)
        .options(
            joinedload(AgendaItem.vote),
            selectinload(AgendaItem.actions).joinedload(Action.owner_organization),
            selectinload(AgendaItem.actions).joinedload(Action.owner_person),
        )
        .order_by(AgendaItem.sort_order, AgendaItem.id)
    )
    rows = session.execute(query).all()
    if not rows:
        get(session, Meeting, meeting_id)  # says that it is not there
    meeting, previous = rows[0][0], rows[0][1]
    children: dict[int | None, list[AgendaItem]] = {}
    points: dict[int, tuple[str, ...]] = {}
    for _meeting, _previous, row, packed in rows:
        if row is not None:
            children.setdefault(row.parent_id, []).append(row)
            points[row.id] = unpack_points(packed)

    def node(item: AgendaItem) -> AgendaNode:
        return AgendaNode(
            id=item.id,
            parent_id=item.parent_id,
            number=item.number,
            category=item.category,
            title=item.title,
            body=item.body or "",
            resolution=item.resolution or "",
            points=points[item.id],
            actions=tuple(action_row(a) for a in item.actions),
            children=tuple(node(c) for c in children.get(item.id, [])),
            vote=VoteRow(**{k: getattr(item.vote, k) for k in NO_VOTE.fields()})
            if item.vote is not None
            else None,
            version=item.version,
        )

    return AgendaView(
        meeting_id=meeting.id,
        network_id=meeting.network_id,
        status=meeting.status,
        items=tuple(node(item) for item in children.get(None, [])),
        previous=PreviousMeeting(
            id=previous.id,
            label=format_meeting_number(previous.number, previous.date) or previous.title,
            status=previous.status,
            certified_by_id=previous.certified_by_id,
        )
        if previous is not None
        else None,
    )
