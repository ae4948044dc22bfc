"""The agenda (ระเบียบวาระ): items and sub-items, resolutions, points, actions, templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.core.changes import NOTED, Part, note_meeting_part
from desktop.core.errors import PrachumError
from desktop.core.models import (
    AGENDA_CATEGORIES,
    Action,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Meeting,
    Organization,
    Person,
    ResolutionPoint,
)
from desktop.core.services.common import as_date, choice, clean, get, no_unknown_fields, required
from desktop.core.services.meeting_rules import ensure_editable, of_a_draft
from desktop.core.text_versions import Stored, read_written, stamp_row, store_versioned

MAX_DEPTH = 3

# The standard layouts a Thai office uses; a network may save its own beside them.
STANDARD_TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "มาตรฐาน 5 วาระ": [
        ("announcements", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        ("confirm_minutes", "รับรองรายงานการประชุมครั้งที่แล้ว"),
        ("for_consideration", "เรื่องเสนอเพื่อพิจารณา"),
        ("for_information", "เรื่องเพื่อทราบ"),
        ("other", "เรื่องอื่น ๆ (ถ้ามี)"),
    ],
    "มาตรฐาน 6 วาระ": [
        ("announcements", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        ("confirm_minutes", "รับรองรายงานการประชุมครั้งที่แล้ว"),
        ("follow_up", "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว"),
        ("for_consideration", "เรื่องเสนอเพื่อพิจารณา"),
        ("for_information", "เรื่องเพื่อทราบ"),
        ("other", "เรื่องอื่น ๆ (ถ้ามี)"),
    ],
}


def _siblings(session: Session, meeting_id: int, parent_id: int | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    query = query.where(
        AgendaItem.parent_id.is_(None) if parent_id is None else AgendaItem.parent_id == parent_id
    )
    return list(session.scalars(query.order_by(AgendaItem.sort_order, AgendaItem.id)))


def _depth(item: AgendaItem | None) -> int:
    depth = 0
    while item is not None:
        depth += 1
        item = item.parent
    return depth


def renumber_agenda(session: Session, meeting_id: int) -> None:
    """Numbers follow the order: 1, 2, 2.1, 2.1.1 … with no gaps.

    One query for the whole agenda, the tree walked in memory: a query per item made
    every added item cost as much as the agenda so far (an import of 1,000 items took
    minutes).
    """
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    children: dict[int | None, list[AgendaItem]] = {}
    for item in session.scalars(query.order_by(AgendaItem.sort_order, AgendaItem.id)):
        children.setdefault(item.parent_id, []).append(item)

    def walk(parent_id: int | None, prefix: str) -> None:
        for order, item in enumerate(children.get(parent_id, []), start=1):
            number = f"{prefix}{order}"
            if item.sort_order != order:
                item.sort_order = order
            if item.number != number:
                item.number = number
            walk(item.id, f"{number}.")

    walk(None, "")
    session.flush()


def add_agenda_item(
    session: Session,
    meeting_id: int,
    *,
    title: str,
    category: str | None = None,
    parent_id: int | None = None,
    body: str | None = None,
    resolution: str | None = None,
    after_id: int | None = None,
    sort_order: int | None = None,
) -> AgendaItem:
    """A new item (or sub-item, up to three levels), at the end or after a sibling.

    `sort_order` puts it there without looking at its siblings or renumbering: for a
    caller that adds a whole agenda in order and renumbers once at the end (an import).
    """
    if sort_order is None:
        # Placing reads the siblings and numbers after them: on a server, two people adding
        # at once would both read the same siblings and give one number twice, so the
        # meeting's row is held until this one commits. (SQLite has one writer already.)
        session.get(Meeting, meeting_id, with_for_update=True)
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    parent = get(session, AgendaItem, parent_id) if parent_id is not None else None
    if parent is not None and parent.meeting_id != meeting_id:
        raise PrachumError("วาระหลักไม่ใช่ของการประชุมนี้", "The parent item is another meeting's.")
    if _depth(parent) >= MAX_DEPTH:
        raise PrachumError(
            "แบ่งวาระย่อยได้ไม่เกิน 3 ระดับ", "Agenda items nest at most three levels deep."
        )
    if sort_order is not None:
        position = sort_order - 1
    else:
        siblings = _siblings(session, meeting_id, parent_id)
        position = len(siblings)
        if after_id is not None:
            ids = [s.id for s in siblings]
            if after_id in ids:
                position = ids.index(after_id) + 1
        for later in siblings[position:]:
            later.sort_order += 1
    item = AgendaItem(
        meeting_id=meeting_id,
        parent_id=parent_id,
        number="",
        title=required(title, "หัวข้อวาระ", "Item title", 2000),
        category=choice(
            category, AGENDA_CATEGORIES, "category", parent.category if parent else "other"
        ),
        body=clean(body),
        resolution=clean(resolution),
        sort_order=position + 1,
    )
    session.add(item)
    session.flush()
    if sort_order is None:
        renumber_agenda(session, meeting_id)
    return item


def update_agenda_item(
    session: Session,
    item_id: int,
    *,
    version: int | None = None,
    base: dict[str, Any] | None = None,
    **fields: Any,
) -> AgendaItem:
    """Change title, category, body or resolution of an item.

    Text typed into the title, body or resolution (stored at each pause in typing) is one
    statement, a round trip over a network, guarded by the meeting being a draft. With
    `version` (what the window's text was based on) the same statement stores it only
    at that version: text another person has changed since raises EditConflict (see
    desktop.core.text_versions; `base` is the text she started from).
    """
    if fields and set(fields) <= {"title", "body", "resolution"}:
        values = {
            key: required(value, "หัวข้อวาระ", "Item title", 2000) if key == "title" else clean(value)
            for key, value in fields.items()
        }
        changed = store_versioned(
            session,
            AgendaItem,
            item_id,
            values,
            guard=of_a_draft(AgendaItem),
            version=version,
            base={key: clean(value) for key, value in (base or {}).items()},
            execution_options={NOTED: True},
        )
        if changed is not None:
            note_meeting_part(session, changed.meeting_id, Part.AGENDA)
            return changed
        # Missing, or its meeting is final: the long way below says which.
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    if "title" in fields:
        item.title = required(fields.pop("title"), "หัวข้อวาระ", "Item title", 2000)
    if "category" in fields:
        item.category = choice(fields.pop("category"), AGENDA_CATEGORIES, "category", "other")
    for key in ("body", "resolution"):
        if key in fields:
            value = fields.pop(key)
            # Bodies keep their line breaks and inner spacing; only the ends are trimmed.
            setattr(item, key, clean(value))
    no_unknown_fields(fields)
    session.flush()
    return item


def delete_agenda_item(session: Session, item_id: int) -> None:
    """Delete an item with its sub-items, points and actions; the rest is renumbered."""
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    meeting_id = item.meeting_id
    session.delete(item)
    session.flush()
    renumber_agenda(session, meeting_id)


def move_agenda_item(session: Session, item_id: int, delta: int) -> AgendaItem:
    """Move an item up (-1) or down (+1) among its siblings."""
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    siblings = _siblings(session, item.meeting_id, item.parent_id)
    index = siblings.index(item)
    target = max(0, min(len(siblings) - 1, index + delta))
    siblings.insert(target, siblings.pop(index))
    for order, sibling in enumerate(siblings, start=1):
        sibling.sort_order = order
    session.flush()
    renumber_agenda(session, item.meeting_id)
    return item


def indent_agenda_item(session: Session, item_id: int) -> AgendaItem:
    """Make the item the last sub-item of the sibling above it (Tab)."""
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    siblings = _siblings(session, item.meeting_id, item.parent_id)
    index = siblings.index(item)
    if index == 0:
        raise PrachumError(
            "ไม่มีวาระด้านบนให้ย่อเข้าไป", "There is no item above to move this one under."
        )
    new_parent = siblings[index - 1]
    if _depth(new_parent) + _subtree_height(item) > MAX_DEPTH:
        raise PrachumError(
            "แบ่งวาระย่อยได้ไม่เกิน 3 ระดับ", "Agenda items nest at most three levels deep."
        )
    item.parent_id = new_parent.id
    item.sort_order = len(_siblings(session, item.meeting_id, new_parent.id)) + 1
    session.flush()
    session.expire(new_parent, ["children"])
    renumber_agenda(session, item.meeting_id)
    return item


def outdent_agenda_item(session: Session, item_id: int) -> AgendaItem:
    """Make the item a sibling of its parent, just after it (Shift+Tab)."""
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    parent = item.parent
    if parent is None:
        raise PrachumError("วาระนี้อยู่ระดับบนสุดแล้ว", "This item is already at the top level.")
    for later in _siblings(session, item.meeting_id, parent.parent_id):
        if later.sort_order > parent.sort_order:
            later.sort_order += 1
    item.parent_id = parent.parent_id
    item.sort_order = parent.sort_order + 1
    session.flush()
    session.expire(parent, ["children"])
    renumber_agenda(session, item.meeting_id)
    return item


def _subtree_height(item: AgendaItem) -> int:
    return 1 + max((_subtree_height(child) for child in item.children), default=0)


def set_resolution_points(
    session: Session,
    item_id: int,
    points: list[str],
    *,
    version: int | None = None,
    base: list[str] | None = None,
) -> AgendaItem:
    """Replace the numbered points of the item's resolution; blank lines are dropped.

    The points are text of their item: storing them makes a new version of the item,
    and with `version` (what the window's points were based on, `base`) they are stored
    only over the points she started from (EditConflict otherwise)."""
    cleaned = [text for text in (clean(p) for p in points) if text]
    item: AgendaItem | None = None
    if version is not None:
        # The version claimed first, by the UPDATE that asks for it; the points follow in
        # the same transaction, the row held against other writers until the commit.
        item = store_versioned(
            session,
            AgendaItem,
            item_id,
            {},
            guard=of_a_draft(AgendaItem),
            version=version,
            base={"points": [text for text in (clean(p) for p in base or []) if text]},
            read_stored=_stored_points,
            execution_options={NOTED: True},
        )
    if item is None:
        item = get(session, AgendaItem, item_id)
        ensure_editable(item.meeting)
        stamp_row(session, item)
    item.points.clear()
    session.flush()
    for order, text in enumerate(cleaned, start=1):
        item.points.append(ResolutionPoint(text=text, sort_order=order))
    session.flush()
    return item


def _stored_points(session: Session, item_id: int) -> Stored | None:
    """The item's points as stored now, with its version, who and when."""
    stored = read_written(session, AgendaItem, item_id, [], of_a_draft(AgendaItem))
    if stored is None:
        return None
    texts = session.scalars(
        select(ResolutionPoint.text)
        .where(ResolutionPoint.agenda_item_id == item_id)
        .order_by(ResolutionPoint.sort_order, ResolutionPoint.id)
    )
    return Stored(stored.version, stored.who, stored.when, {"points": list(texts)})


def _owner(session: Session, organization_id: int | None, person_id: int | None) -> None:
    if organization_id is not None and person_id is not None:
        raise PrachumError(
            "ผู้รับผิดชอบเป็นได้ทั้งหน่วยงานหรือบุคคลอย่างใดอย่างหนึ่ง",
            "An action is owned by an organisation or a person, not both.",
        )
    if organization_id is not None:
        get(session, Organization, organization_id)
    if person_id is not None:
        get(session, Person, person_id)


def add_action(
    session: Session,
    item_id: int,
    *,
    text: str,
    owner_organization_id: int | None = None,
    owner_person_id: int | None = None,
    due: date | str | None = None,
    done: bool = False,
    carried_from_id: int | None = None,
) -> Action:
    """A follow-up action under an item, owned by an organisation or a person."""
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    _owner(session, owner_organization_id, owner_person_id)
    action = Action(
        agenda_item_id=item_id,
        text=required(text, "งานที่ต้องดำเนินการ", "Action text", 5000),
        owner_organization_id=owner_organization_id,
        owner_person_id=owner_person_id,
        due=as_date(due, "due date"),
        done=bool(done),
        carried_from_id=carried_from_id,
    )
    session.add(action)
    session.flush()
    return action


def update_action(
    session: Session,
    action_id: int,
    *,
    version: int | None = None,
    base: str | None = None,
    **fields: Any,
) -> Action:
    """Change text, owner_organization_id, owner_person_id, due or done.

    Done is a choice: the last tick stored wins. The text, given alone with `version`
    (what the window's text was based on, `base`), is stored only over the text she
    started from (EditConflict otherwise)."""
    if version is not None and set(fields) == {"text"}:
        text = required(fields["text"], "งานที่ต้องดำเนินการ", "Action text", 5000)
        of_an_editable_item = exists().where(
            AgendaItem.id == Action.agenda_item_id, of_a_draft(AgendaItem)
        )
        changed = store_versioned(
            session,
            Action,
            action_id,
            {"text": text},
            guard=of_an_editable_item,
            version=version,
            base={"text": clean(base)},
        )
        if changed is not None:
            return changed
    action = get(session, Action, action_id)
    if "done" in fields and len(fields) == 1:
        # Ticking an action off is follow-up work, allowed on final minutes too.
        action.done = bool(fields["done"])
        session.flush()
        return action
    ensure_editable(action.agenda_item.meeting)
    if "text" in fields:
        action.text = required(fields.pop("text"), "งานที่ต้องดำเนินการ", "Action text", 5000)
    if "owner_organization_id" in fields or "owner_person_id" in fields:
        organization_id = fields.pop("owner_organization_id", action.owner_organization_id)
        person_id = fields.pop("owner_person_id", action.owner_person_id)
        _owner(session, organization_id, person_id)
        action.owner_organization_id, action.owner_person_id = organization_id, person_id
    if "due" in fields:
        action.due = as_date(fields.pop("due"), "due date")
    if "done" in fields:
        action.done = bool(fields.pop("done"))
    no_unknown_fields(fields)
    session.flush()
    return action


def delete_action(session: Session, action_id: int) -> None:
    action = get(session, Action, action_id)
    ensure_editable(action.agenda_item.meeting)
    session.delete(action)
    session.flush()


# --- templates -----------------------------------------------------------------------


def ensure_standard_templates(session: Session) -> None:
    """The standard 5- and 6-item templates exist (they may be edited, not lost)."""
    existing = set(
        session.scalars(select(AgendaTemplate.name).where(AgendaTemplate.network_id.is_(None)))
    )
    for name, items in STANDARD_TEMPLATES.items():
        if name not in existing:
            _store_template(session, None, name, items)


def _store_template(
    session: Session, network_id: int | None, name: str, items: list[tuple[str, str]]
) -> AgendaTemplate:
    template = AgendaTemplate(network_id=network_id, name=name)
    for order, (category, title) in enumerate(items, start=1):
        template.items.append(AgendaTemplateItem(category=category, title=title, sort_order=order))
    session.add(template)
    session.flush()
    return template


def list_templates(session: Session, network_id: int | None = None) -> list[AgendaTemplate]:
    """The standard templates, then the network's own (made here the first time, unless
    the database is open read-only: a reader lists what there is)."""
    if not session.info.get("readonly"):
        ensure_standard_templates(session)
    query = select(AgendaTemplate).where(
        AgendaTemplate.network_id.is_(None)
        if network_id is None
        else (AgendaTemplate.network_id.is_(None) | (AgendaTemplate.network_id == network_id))
    )
    return list(session.scalars(query.order_by(AgendaTemplate.network_id, AgendaTemplate.id)))


def standard_template_id(session: Session, six_items: bool = True) -> int:
    ensure_standard_templates(session)
    name = "มาตรฐาน 6 วาระ" if six_items else "มาตรฐาน 5 วาระ"
    return session.execute(
        select(AgendaTemplate.id).where(
            AgendaTemplate.network_id.is_(None), AgendaTemplate.name == name
        )
    ).scalar_one()


def apply_template(session: Session, meeting_id: int, template_id: int) -> list[AgendaItem]:
    """Append the template's items to the meeting's agenda."""
    template = get(session, AgendaTemplate, template_id)
    return [
        add_agenda_item(session, meeting_id, title=item.title, category=item.category)
        for item in template.items
    ]


def save_agenda_as_template(
    session: Session, meeting_id: int, name: str, network_id: int | None = None
) -> AgendaTemplate:
    """The meeting's top-level items, as a template for the network."""
    meeting = get(session, Meeting, meeting_id)
    value = required(name, "ชื่อแม่แบบ", "Template name", 200)
    network_id = network_id if network_id is not None else meeting.network_id
    clash = session.scalars(
        select(AgendaTemplate).where(
            AgendaTemplate.name == value,
            AgendaTemplate.network_id.is_(None)
            if network_id is None
            else AgendaTemplate.network_id == network_id,
        )
    ).first()
    if clash:
        raise PrachumError(f"มีแม่แบบชื่อ {value} อยู่แล้ว", f"A template named {value} exists.")
    items = [(item.category, item.title) for item in _siblings(session, meeting_id, None)]
    return _store_template(session, network_id, value, items)


def rename_template(session: Session, template_id: int, name: str) -> AgendaTemplate:
    template = get(session, AgendaTemplate, template_id)
    value = required(name, "ชื่อแม่แบบ", "Template name", 200)
    clash = session.scalars(
        select(AgendaTemplate).where(
            AgendaTemplate.name == value,
            AgendaTemplate.id != template_id,
            AgendaTemplate.network_id.is_(None)
            if template.network_id is None
            else AgendaTemplate.network_id == template.network_id,
        )
    ).first()
    if clash:
        raise PrachumError(f"มีแม่แบบชื่อ {value} อยู่แล้ว", f"A template named {value} exists.")
    template.name = value
    session.flush()
    return template


def set_template_items(
    session: Session, template_id: int, items: list[tuple[str, str]]
) -> AgendaTemplate:
    """Replace a template's items with (category, title) pairs, in order."""
    template = get(session, AgendaTemplate, template_id)
    cleaned = [
        (
            choice(category, AGENDA_CATEGORIES, "category", "other"),
            required(title, "หัวข้อวาระ", "Item title", 2000),
        )
        for category, title in items
    ]
    if not cleaned:
        raise PrachumError("แม่แบบต้องมีอย่างน้อยหนึ่งวาระ", "A template needs at least one item.")
    template.items.clear()
    session.flush()
    for order, (category, title) in enumerate(cleaned, start=1):
        template.items.append(AgendaTemplateItem(category=category, title=title, sort_order=order))
    session.flush()
    return template


def delete_template(session: Session, template_id: int) -> None:
    """Delete a template; the standard ones come back as they were the next time."""
    session.delete(get(session, AgendaTemplate, template_id))
    session.flush()
