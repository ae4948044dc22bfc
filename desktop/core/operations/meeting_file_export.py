"""Writing a meeting as a meeting file: every field of the format, in its order."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.models import AgendaItem, Attendance, Organization, Person, Vote
from desktop.core.operations.meeting_file_checks import FORMAT, ONLINE_KEYS, VERSION, VOTE_COUNTS
from desktop.core.thai import acting_position, split_full_name


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    """Optional fields are written only when they have a value, as a person would."""
    if value is not None and value not in ("", []):
        target[key] = value


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def export_meeting(session: Session, meeting_id: int) -> dict[str, Any]:  # noqa: C901 (one line per optional field of the format)
    """The meeting as a version-2 meeting file (a dict ready for json.dump)."""
    meeting = services.load_meeting(session, meeting_id)
    lines = sorted(meeting.attendance, key=lambda a: (a.sort_order, a.id))
    org_ids: dict[int, str] = {}
    person_ids: dict[int, str] = {}
    org_rows: list[dict[str, Any]] = []
    person_rows: list[dict[str, Any]] = []

    def org_ref(organization: Organization | None) -> str | None:
        if organization is None:
            return None
        if organization.id not in org_ids:
            org_ids[organization.id] = f"o{len(org_ids) + 1}"
            row = {"id": org_ids[organization.id], "name": organization.name}
            _put(row, "short_name", organization.short_name)
            _put(row, "kind", organization.kind)
            _put(row, "district", organization.district)
            _put(row, "province", organization.province)
            org_rows.append(row)
        return org_ids[organization.id]

    snapshot_positions = {a.person_id: a.position for a in lines}

    def person_ref(person: Person | None) -> str | None:
        if person is None:
            return None
        if person.id not in person_ids:
            person_ids[person.id] = f"p{len(person_rows) + 1}"
            row: dict[str, Any] = {"id": person_ids[person.id]}
            _put(row, "honorific", person.honorific)
            row["given_name"] = person.given_name
            _put(row, "family_name", person.family_name)
            today = acting_position(person.position, person.acting_as) or None
            _put(row, "position", snapshot_positions.get(person.id, today))
            _put(row, "role", person.role)
            _put(row, "organization", org_ref(person.organization))
            _put(row, "email", person.email)
            _put(row, "phone", person.phone)
            person_rows.append(row)
        return person_ids[person.id]

    def snapshot_ref(line: Attendance) -> str:
        """A deleted person's line: a person row made of the name and position it keeps."""
        ref = f"p{len(person_rows) + 1}"
        honorific, given, family = split_full_name(line.name)
        row: dict[str, Any] = {"id": ref}
        _put(row, "honorific", honorific or None)
        row["given_name"] = given or line.name
        _put(row, "family_name", family or None)
        _put(row, "position", line.position)
        person_rows.append(row)
        return ref

    line_refs: dict[int, str] = {}
    # Ids follow the order a reader meets them: the network's members, then the people
    # in attendance order, then whoever else the meeting names.
    if meeting.network is not None:
        for organization in meeting.network.members:
            org_ref(organization)
    for line in lines:
        known = person_ref(line.person)
        line_refs[line.id] = known if known is not None else snapshot_ref(line)
    network: dict[str, Any] | None = None
    if meeting.network is not None:
        network = {"name": meeting.network.name}
        _put(network, "description", meeting.network.description)
        network["members"] = [org_ref(o) for o in meeting.network.members]
    body: dict[str, Any] = {"title": meeting.title}
    _put(body, "title_en", meeting.title_en)
    _put(body, "number", meeting.number)
    body["date"] = meeting.date.isoformat()
    _put(body, "start", _hhmm(meeting.start_time))
    _put(body, "end", _hhmm(meeting.end_time))
    body["mode"] = meeting.mode
    _put(body, "platform", meeting.platform)
    _put(body, "venue", meeting.venue)
    _put(body, "host", org_ref(meeting.host))
    for key in ("chair", "recorder", "reviewer"):
        _put(body, key, person_ref(getattr(meeting, key)))
    _put(body, "opening", meeting.opening)
    _put(body, "quorum", meeting.quorum)
    online: dict[str, Any] = {}
    for key, field in ONLINE_KEYS:
        _put(online, key, getattr(meeting, field))
    if online:
        body["online"] = online
    _put(body, "recording", meeting.recording)
    attendance = []
    for line in lines:
        row = {"person": line_refs[line.id], "group": line.group, "status": line.status}
        _put(row, "absence_reason", line.absence_reason)
        _put(row, "acting_as", line.acting_as)
        _put(row, "joined", _hhmm(line.joined))
        _put(row, "left", _hhmm(line.left_at))
        _put(row, "note", line.note)
        _put(row, "capacity", line.capacity)
        _put(row, "identity", line.identity)
        attendance.append(row)
    _put(body, "attendance", attendance)

    def vote_row(vote: Vote) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for key, field in VOTE_COUNTS:
            _put(row, key, getattr(vote, field))
        _put(row, "ballot", vote.ballot)
        _put(row, "mover", person_ref(vote.mover))
        _put(row, "seconder", person_ref(vote.seconder))
        return row

    def item_row(item: AgendaItem) -> dict[str, Any]:
        row: dict[str, Any] = {
            "number": item.number,
            "category": item.category,
            "title": item.title,
        }
        _put(row, "body", item.body)
        _put(row, "resolution", item.resolution)
        _put(row, "resolution_points", [p.text for p in item.points])
        actions = []
        for action in item.actions:
            entry: dict[str, Any] = {"text": action.text}
            owner = (
                org_ref(action.owner_organization)
                if action.owner_organization is not None
                else person_ref(action.owner_person)
            )
            _put(entry, "owner", owner)
            _put(entry, "due", action.due.isoformat() if action.due else None)
            entry["done"] = action.done
            actions.append(entry)
        _put(row, "actions", actions)
        if item.vote is not None:
            row["vote"] = vote_row(item.vote)
        _put(row, "items", [item_row(child) for child in item.children])
        return row

    _put(body, "agenda", [item_row(item) for item in meeting.agenda])
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if network is not None:
        document["network"] = network
    document["organizations"] = org_rows
    document["people"] = person_rows
    document["meeting"] = body
    return document


def export_meeting_file(session: Session, meeting_id: int, path: Path | str) -> Path:
    """Write the meeting file (UTF-8, no BOM, Thai kept as Thai), atomically."""
    from desktop.core.atomic import write_atomically

    text = json.dumps(export_meeting(session, meeting_id), ensure_ascii=False, indent=2) + "\n"

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    return write_atomically(Path(path), write)
