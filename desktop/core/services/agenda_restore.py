"""Put a deleted agenda item back as it was: sub-items, points and actions included.

Undoing a delete cannot bring back the old rows' ids (they are gone), so the item is
made again through the services and the old ids are mapped to the new ones; the undo
commands made before it then find the item under its new id.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.models import AgendaItem
from desktop.core.services.agenda_view import NO_VOTE, ActionRow, AgendaNode
from desktop.core.services.common import get

ITEM, ACTION = "item", "action"


class Handles:
    """Stable keys for items and actions across deletes and their undos.

    SQLite may give a new row the id of one deleted before it, so an undo command never
    keeps a database id: it keeps a key from here, which is re-bound when the row is made
    again and released when the row is deleted.
    """

    def __init__(self) -> None:
        self._next = 1
        self._rows: dict[int, tuple[str, int | None]] = {}
        self._keys: dict[tuple[str, int], int] = {}

    def key(self, kind: str, row_id: int) -> int:
        found = self._keys.get((kind, row_id))
        if found is None:
            found = self._next
            self._next += 1
            self._keys[(kind, row_id)] = found
            self._rows[found] = (kind, row_id)
        return found

    def row(self, key: int | None) -> int | None:
        """The row's id now, or None while it is deleted."""
        if key is None:
            return None
        _kind, row_id = self._rows.get(key, ("", None))
        return row_id

    def released(self, kind: str, row_id: int) -> None:
        key = self._keys.pop((kind, row_id), None)
        if key is not None:
            self._rows[key] = (kind, None)

    def rebound(self, key: int, kind: str, row_id: int) -> None:
        self._keys.pop((kind, row_id), None)
        self._rows[key] = (kind, row_id)
        self._keys[(kind, row_id)] = key


def release_subtree(handles: Handles, node: AgendaNode) -> dict[tuple[str, int], int]:
    """Keys of every row under `node` (to re-bind on restore), released from their ids."""
    keys: dict[tuple[str, int], int] = {}
    for item in node.walk():
        keys[(ITEM, item.id)] = handles.key(ITEM, item.id)
        handles.released(ITEM, item.id)
        for action in item.actions:
            keys[(ACTION, action.id)] = handles.key(ACTION, action.id)
            handles.released(ACTION, action.id)
    return keys


def place_item(session: Session, item_id: int, index: int) -> None:
    """Move an item to `index` among its siblings."""
    item = get(session, AgendaItem, item_id)
    siblings = [s.id for s in _siblings(session, item)]
    delta = index - siblings.index(item_id)
    if delta:
        services.move_agenda_item(session, item_id, delta)


def _siblings(session: Session, item: AgendaItem) -> list[AgendaItem]:
    query = select(AgendaItem).where(
        AgendaItem.meeting_id == item.meeting_id,
        AgendaItem.parent_id.is_(None)
        if item.parent_id is None
        else AgendaItem.parent_id == item.parent_id,
    )
    return list(session.scalars(query.order_by(AgendaItem.sort_order, AgendaItem.id)))


def set_item_field(
    session: Session,
    item_id: int,
    field: str,
    value: Any,
    *,
    version: int | None = None,
    base: Any = None,
) -> int | None:
    """One field of an item as the editor (and its undo) hands it over: the points as a
    list of lines, the vote as the editor's row (None: no vote), any other field as is.

    Its text (title, body, resolution, points) with `version`, the version the window's
    text was based on and `base` the text it started from, is stored only over that
    text (EditConflict otherwise); the item's version after it is returned."""
    if field == "points":
        item = services.set_resolution_points(
            session, item_id, list(value), version=version, base=list(base or [])
        )
    elif field == "vote":
        services.set_vote(session, item_id, **(value or NO_VOTE).fields())
        return None
    elif field in TEXT and version is not None:
        item = services.update_agenda_item(
            session, item_id, version=version, base={field: base}, **{field: value}
        )
    else:
        services.update_agenda_item(session, item_id, **{field: value})
        return None
    return item.version if version is not None else None


TEXT = ("title", "body", "resolution", "points")
"""The fields of an item that people write: versioned (desktop.core.text_versions)."""


def add_action_row(session: Session, item_id: int, action: ActionRow) -> int:
    return services.add_action(
        session,
        item_id,
        text=action.text,
        owner_organization_id=action.owner_organization_id,
        owner_person_id=action.owner_person_id,
        due=action.due,
        done=action.done,
        carried_from_id=action.carried_from_id,
    ).id


def restore_subtree(
    session: Session,
    meeting_id: int,
    node: AgendaNode,
    parent_id: int | None,
    index: int,
) -> dict[tuple[str, int], int]:
    """Make the item again at `index` under `parent_id`; (kind, old id) → new id."""
    made: dict[tuple[str, int], int] = {}

    def make(item: AgendaNode, parent: int | None, position: int | None) -> None:
        new = services.add_agenda_item(
            session,
            meeting_id,
            title=item.title,
            category=item.category,
            parent_id=parent,
            body=item.body or None,
            resolution=item.resolution or None,
        )
        made[(ITEM, item.id)] = new.id
        if position is not None:
            place_item(session, new.id, position)
        if item.points:
            services.set_resolution_points(session, new.id, list(item.points))
        if item.vote is not None:
            services.set_vote(session, new.id, **item.vote.fields())
        for action in item.actions:
            made[(ACTION, action.id)] = add_action_row(session, new.id, action)
        for child in item.children:
            make(child, new.id, None)

    make(node, parent_id, index)
    return made
