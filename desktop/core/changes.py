"""What a transaction changed, collected as it flushes and handed over as one value.

A view does not need to be told by hand what an action touched: every session records,
at each flush, which meetings (and which of their parts), people, organisations and
networks it wrote, and the window's store emits the frozen `Changes` after the commit.
Each view asks it what it cares about (`changes.touches_attendance(meeting_id)`). The
shared database's notifications, arriving from other computers, will feed the same value.

Collecting costs no SQL: the flush already knows its objects, and a row's meeting is read
from the object or from an agenda item already in the session. When it cannot be known
without asking the database (a vote whose item was never loaded, a bulk UPDATE), the
meeting is UNKNOWN, which every meeting's view takes as its own: refreshing once too
often is harmless, missing a change is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.util import identity_key

from desktop.core import models as m

UNKNOWN = 0
"""A meeting id no row has: "some meeting", which every meeting's view takes as its own."""

_KEY = "prachum.changes"
NOTED = "prachum.noted"
"""An execution option: this bulk statement's caller notes what it changed itself
(`note_meeting_part`), so it is not taken as a change to some unknown meeting."""


class Part(StrEnum):
    """The parts of a meeting that different views show."""

    DETAILS = "details"  # title, date, times, place, chair, status: the heading and lists
    ATTENDANCE = "attendance"
    AGENDA = "agenda"  # items, resolutions, votes, actions
    FILES = "files"  # imported reports, letters sent


@dataclass(frozen=True)
class Changes:
    """What one committed transaction (or several, merged) wrote."""

    meeting_parts: frozenset[tuple[int, Part]] = frozenset()
    meetings_added_or_removed: bool = False
    meetings_deleted: frozenset[int] = frozenset()
    """Gone: a view showing one of them has nothing left to read (the window moves on)."""
    people: frozenset[int] = frozenset()
    organizations: frozenset[int] = frozenset()
    networks: frozenset[int] = frozenset()
    settings: bool = False
    templates: bool = False
    everything: bool = False
    """The whole database may differ (a restore, a copy, another computer's bulk change)."""
    from_others: bool = False
    """Stored by another window on the shared database, not by this one."""

    def __bool__(self) -> bool:
        return replace(self, from_others=False) != NOTHING

    def _touches(self, meeting_id: int | None, parts: Iterable[Part]) -> bool:
        if self.everything:
            return True
        if meeting_id is None:
            return False
        wanted = set(parts)
        return any(
            part in wanted and changed in (meeting_id, UNKNOWN)
            for changed, part in self.meeting_parts
        )

    def deleted(self, meeting_id: int | None) -> bool:
        return meeting_id is not None and meeting_id in self.meetings_deleted

    def touches_meeting(self, meeting_id: int | None) -> bool:
        """Anything of this meeting: the preview of its minutes shows all of it."""
        return self._touches(meeting_id, Part)

    def touches_details(self, meeting_id: int | None) -> bool:
        return self._touches(meeting_id, (Part.DETAILS,))

    def touches_attendance(self, meeting_id: int | None) -> bool:
        return self._touches(meeting_id, (Part.ATTENDANCE,))

    def touches_agenda(self, meeting_id: int | None) -> bool:
        return self._touches(meeting_id, (Part.AGENDA,))

    def touches_files(self, meeting_id: int | None) -> bool:
        return self._touches(meeting_id, (Part.FILES,))

    def touches_meeting_list(self) -> bool:
        """A meeting came or went, or what the list shows of one (its details) changed."""
        return (
            self.everything
            or self.meetings_added_or_removed
            or any(part is Part.DETAILS for _id, part in self.meeting_parts)
        )

    def touches_any_attendance(self) -> bool:
        return self.everything or any(p is Part.ATTENDANCE for _id, p in self.meeting_parts)

    def touches_networks(self) -> bool:
        return self.everything or bool(self.networks)

    def touches_roster(self) -> bool:
        """People, organisations or networks: the roster and every list of names."""
        return self.everything or bool(self.people or self.organizations or self.networks)

    def touches_person(self, person_id: int) -> bool:
        return self.everything or person_id in self.people

    def merged(self, other: Changes) -> Changes:
        return Changes(
            meeting_parts=self.meeting_parts | other.meeting_parts,
            meetings_added_or_removed=self.meetings_added_or_removed
            or other.meetings_added_or_removed,
            meetings_deleted=self.meetings_deleted | other.meetings_deleted,
            people=self.people | other.people,
            organizations=self.organizations | other.organizations,
            networks=self.networks | other.networks,
            settings=self.settings or other.settings,
            templates=self.templates or other.templates,
            everything=self.everything or other.everything,
            from_others=self.from_others and other.from_others,
        )


NOTHING = Changes()
EVERYTHING = Changes(everything=True)


@dataclass
class _Collector:
    """The mutable record kept in a session's `info` until the changes are taken."""

    meeting_parts: set[tuple[int, Part]] = field(default_factory=set)
    meetings_added_or_removed: bool = False
    meetings_deleted: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    organizations: set[int] = field(default_factory=set)
    networks: set[int] = field(default_factory=set)
    settings: bool = False
    templates: bool = False
    everything: bool = False

    def frozen(self) -> Changes:
        return Changes(
            meeting_parts=frozenset(self.meeting_parts),
            meetings_added_or_removed=self.meetings_added_or_removed,
            meetings_deleted=frozenset(self.meetings_deleted),
            people=frozenset(self.people),
            organizations=frozenset(self.organizations),
            networks=frozenset(self.networks),
            settings=self.settings,
            templates=self.templates,
            everything=self.everything,
        )


def _collector(session: Session) -> _Collector:
    found = session.info.get(_KEY)
    if found is None:
        found = session.info[_KEY] = _Collector()
    assert isinstance(found, _Collector)
    return found


def take_changes(session: Session) -> Changes:
    """What the session wrote since it began (or since the last take), and forget it."""
    found = session.info.pop(_KEY, None)
    return found.frozen() if found is not None else NOTHING


def note_meeting_part(session: Session, meeting_id: int | None, part: Part) -> None:
    """Record a change made by a statement the flush does not see (a core UPDATE)."""
    _collector(session).meeting_parts.add((meeting_id or UNKNOWN, part))


def note_everything(session: Session) -> None:
    _collector(session).everything = True


def _item_meeting(session: Session, item_id: int | None) -> int:
    """The meeting of an agenda item, from the session's own objects: never a query."""
    if item_id is None:
        return UNKNOWN
    item = session.identity_map.get(identity_key(m.AgendaItem, item_id))
    return item.meeting_id if isinstance(item, m.AgendaItem) and item.meeting_id else UNKNOWN


def _own_meeting(_session: Session, obj: Any) -> int | None:
    meeting_id: int | None = obj.meeting_id
    return meeting_id


def _items_meeting(session: Session, obj: Any) -> int | None:
    return _item_meeting(session, obj.agenda_item_id)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    """What was rolled back was never written: nobody is to hear of it."""
    session.info.pop(_KEY, None)


# Which part of which meeting a row belongs to.
_MEETING_PARTS: dict[type[Any], tuple[Part, Callable[[Session, Any], int | None]]] = {
    m.Meeting: (Part.DETAILS, lambda _session, meeting: meeting.id),
    m.Attendance: (Part.ATTENDANCE, _own_meeting),
    m.AgendaItem: (Part.AGENDA, _own_meeting),
    m.Vote: (Part.AGENDA, _items_meeting),
    m.ResolutionPoint: (Part.AGENDA, _items_meeting),
    m.Action: (Part.AGENDA, _items_meeting),
    m.ReportFile: (Part.FILES, _own_meeting),
    m.OutgoingLetter: (Part.FILES, _own_meeting),
}

PART_OF_TABLE: dict[str, Part] = {
    model.__tablename__: part for model, (part, _meeting_of) in _MEETING_PARTS.items()
}
"""The same parts by table name, for changes told by the server (live_changes)."""


def _membership(record: _Collector, member: m.NetworkMember) -> None:
    record.networks.add(member.network_id)
    record.organizations.add(member.organization_id)


# The rest: what the roster, the settings and the templates show.
_OTHER_ROWS: dict[type[Any], Callable[[_Collector, Any], None]] = {
    m.Person: lambda record, person: record.people.add(person.id),
    m.Alias: lambda record, alias: record.people.add(alias.person_id),
    m.Organization: lambda record, organization: record.organizations.add(organization.id),
    m.Network: lambda record, network: record.networks.add(network.id),
    m.NetworkMember: _membership,
    m.Setting: lambda record, _setting: setattr(record, "settings", True),
    m.AgendaTemplate: lambda record, _template: setattr(record, "templates", True),
    m.AgendaTemplateItem: lambda record, _item: setattr(record, "templates", True),
}


def _record(session: Session, record: _Collector, obj: Any, added_or_removed: bool) -> None:
    """One flushed row: new, deleted, or changed (`added_or_removed` False)."""
    kind = type(obj)
    if kind in _MEETING_PARTS:
        part, meeting_of = _MEETING_PARTS[kind]
        record.meeting_parts.add((meeting_of(session, obj) or UNKNOWN, part))
        if kind is m.Meeting:
            record.meetings_added_or_removed |= added_or_removed
    elif kind in _OTHER_ROWS:
        _OTHER_ROWS[kind](record, obj)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    record = _collector(session)
    for obj in session.new:
        _record(session, record, obj, added_or_removed=True)
    for obj in session.deleted:
        _record(session, record, obj, added_or_removed=True)
        if isinstance(obj, m.Meeting) and obj.id is not None:
            record.meetings_deleted.add(obj.id)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _record(session, record, obj, added_or_removed=False)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    """An ORM UPDATE or DELETE by criteria: the flush never sees its rows."""
    if not (state.is_update or state.is_delete) or state.execution_options.get(NOTED):
        return
    mapper = state.bind_mapper
    entity = mapper.class_ if mapper is not None else None
    record = _collector(state.session)
    known = _MEETING_PARTS.get(entity) if entity is not None else None
    if known is not None:
        record.meeting_parts.add((UNKNOWN, known[0]))  # which meetings: not known
        record.meetings_added_or_removed |= entity is m.Meeting and state.is_delete
    elif entity is m.Setting:
        record.settings = True
    elif entity in (m.AgendaTemplate, m.AgendaTemplateItem):
        record.templates = True
    else:
        record.everything = True  # people, organisations, networks: which ones is unknown
