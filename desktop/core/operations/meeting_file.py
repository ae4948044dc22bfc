"""The meeting file (`.meeting.json`, versions 1 and 2): import, and the front of the format.

Reading and checking are in `meeting_file_checks`, writing in `meeting_file_export`; their
names are offered here too, so that a caller has one module for the format. Import goes
through the services, so the text is normalised exactly as if it had been typed;
existing organisations (same name) and people (same name in the same organisation) are
reused. An invalid file is refused whole and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.codes import AttendanceSource
from desktop.core.models import Meeting, Organization, Person
from desktop.core.operations.meeting_file_checks import (
    FORMAT,
    MAX_FILE_BYTES,
    ONLINE_KEYS,
    SCHEMA_PATH,
    SHOWN_PROBLEMS,
    VERSION,
    VOTE_COUNTS,
    read_meeting_file,
    refusal,
    schema,
    validate,
)
from desktop.core.operations.meeting_file_export import export_meeting, export_meeting_file

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "SCHEMA_PATH",
    "SHOWN_PROBLEMS",
    "VERSION",
    "export_meeting",
    "export_meeting_file",
    "import_meeting",
    "import_meeting_file",
    "read_meeting_file",
    "schema",
    "validate",
]


def import_meeting(session: Session, data: Any, *, name: str = "") -> Meeting:
    """Create the file's meeting (reusing known organisations and people). All or nothing."""
    problems = validate(data)
    if problems:
        raise refusal(problems, name)
    with session.begin_nested():
        return _import_valid(session, data)


def import_meeting_file(session: Session, path: Path | str) -> Meeting:
    path = Path(path)
    return import_meeting(session, read_meeting_file(path), name=path.name)


def _import_valid(session: Session, data: dict[str, Any]) -> Meeting:
    organizations: dict[str, Organization] = {}
    for entry in data["organizations"]:
        found: Organization | None = services.find_organization(session, entry["name"])
        if found is None or found.name != services.common.clean(entry["name"]):
            found = services.create_organization(
                session,
                name=entry["name"],
                short_name=entry.get("short_name"),
                kind=entry.get("kind"),
                district=entry.get("district"),
                province=entry.get("province"),
            )
        organizations[entry["id"]] = found
    people: dict[str, Person] = {}
    claimed: set[int] = set()
    positions: dict[str, str | None] = {}
    for entry in data["people"]:
        organization = organizations.get(entry.get("organization") or "")
        organization_id = organization.id if organization else None
        # Namesakes in one office stay two people: each file id takes an unclaimed match.
        person: Person | None = next(
            (
                p
                for p in services.people_named(
                    session, entry["given_name"], entry.get("family_name"), organization_id
                )
                if p.id not in claimed
            ),
            None,
        )
        if person is None:
            person = services.create_person(
                session,
                given_name=entry["given_name"],
                honorific=entry.get("honorific"),
                family_name=entry.get("family_name"),
                position=entry.get("position"),
                role=entry.get("role"),
                organization_id=organization_id,
                email=entry.get("email"),
                phone=entry.get("phone"),
            )
        people[entry["id"]] = person
        claimed.add(person.id)  # kept as it grows: rebuilt for each person, it was quadratic
        positions[entry["id"]] = services.common.clean(entry.get("position"))
    network_id = None
    if data.get("network"):
        network_id = _import_network(session, data["network"], organizations)
    meeting_data = data["meeting"]

    def ref(table: dict[str, Organization] | dict[str, Person], key: str) -> int | None:
        value = meeting_data.get(key)
        return table[value].id if value else None

    online: dict[str, Any] = {
        field: (meeting_data.get("online") or {}).get(key) for key, field in ONLINE_KEYS
    }
    meeting = services.create_meeting(
        session,
        title=meeting_data["title"],
        title_en=meeting_data.get("title_en"),
        date=meeting_data["date"],
        network_id=network_id,
        number=meeting_data.get("number"),
        start=meeting_data.get("start"),
        end=meeting_data.get("end"),
        mode=meeting_data.get("mode"),
        platform=meeting_data.get("platform"),
        venue=meeting_data.get("venue"),
        host_id=ref(organizations, "host"),
        chair_id=ref(people, "chair"),
        recorder_id=ref(people, "recorder"),
        reviewer_id=ref(people, "reviewer"),
        opening=meeting_data.get("opening"),
        quorum=meeting_data.get("quorum"),
        recording=meeting_data.get("recording"),
        **online,
    )
    for order, line in enumerate(meeting_data.get("attendance") or [], start=1):
        attendance = services.add_attendee(
            session,
            meeting.id,
            people[line["person"]].id,
            group=line.get("group"),
            status=line.get("status"),
            absence_reason=line.get("absence_reason"),
            acting_as=line.get("acting_as"),
            joined=line.get("joined"),
            left=line.get("left"),
            note=line.get("note"),
            capacity=line.get("capacity"),
            identity=line.get("identity"),
            source=AttendanceSource.FILE,
            sort_order=order,
        )
        # The minutes must say the position the person held then, as the file says it.
        attendance.position = positions[line["person"]]
    owners: dict[str, tuple[str, Organization | Person]] = {
        **{k: ("o", v) for k, v in organizations.items()},
        **{k: ("p", v) for k, v in people.items()},
    }
    _import_items(
        session, meeting.id, None, meeting_data.get("agenda") or [], owners, people=people
    )
    services.renumber_agenda(session, meeting.id)  # once, for the whole agenda
    return meeting


def _import_network(
    session: Session, entry: dict[str, Any], organizations: dict[str, Organization]
) -> int:
    member_ids = [organizations[m].id for m in entry.get("members") or []]
    network = services.find_network(session, entry["name"])
    if network is None:
        network = services.create_network(
            session, name=entry["name"], description=entry.get("description"), member_ids=member_ids
        )
    else:
        known = [m.organization_id for m in network.memberships]
        services.set_network_members(session, network.id, known + member_ids)
    return network.id


def _import_vote(
    session: Session, item_id: int, vote: dict[str, Any], people: dict[str, Person]
) -> None:
    fields: dict[str, Any] = {field: vote.get(key) for key, field in VOTE_COUNTS}
    fields["ballot"] = vote.get("ballot")
    for key in ("mover", "seconder"):
        fields[f"{key}_id"] = people[vote[key]].id if vote.get(key) else None
    services.set_vote(session, item_id, **fields)


def _import_items(
    session: Session,
    meeting_id: int,
    parent_id: int | None,
    items: list[dict[str, Any]],
    owners: dict[str, tuple[str, Organization | Person]],
    *,
    people: dict[str, Person],
) -> None:
    for order, entry in enumerate(items, start=1):
        item = services.add_agenda_item(
            session,
            meeting_id,
            sort_order=order,
            parent_id=parent_id,
            title=entry["title"],
            category=entry.get("category"),
            body=entry.get("body"),
            resolution=entry.get("resolution"),
        )
        if entry.get("resolution_points"):
            services.set_resolution_points(session, item.id, entry["resolution_points"])
        for action in entry.get("actions") or []:
            kind, owner = owners.get(action.get("owner") or "", ("", None))
            services.add_action(
                session,
                item.id,
                text=action["text"],
                owner_organization_id=owner.id if owner and kind == "o" else None,
                owner_person_id=owner.id if owner and kind == "p" else None,
                due=action.get("due"),
                done=action.get("done", False),
            )
        if isinstance(entry.get("vote"), dict):
            _import_vote(session, item.id, entry["vote"], people)
        _import_items(session, meeting_id, item.id, entry.get("items") or [], owners, people=people)


# --- export ------------------------------------------------------------------------------
