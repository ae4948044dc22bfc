"""The meeting file (`.meeting.json`, versions 1 and 2): validate, import, export.

The contract is the project's schema (resources/meeting-file.schema.json) plus the rules
a schema cannot say: ids unique and referenced, a person once per meeting, end not
before start, real calendar dates. An invalid file is refused whole with every problem
listed by its path, and nothing is written. Import goes through the services, so the
text is normalised exactly as if it had been typed; existing organisations (same name)
and people (same name in the same organisation) are reused.
"""

from __future__ import annotations

import json
import re
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.codes import AttendanceGroup, AttendanceSource, AttendanceStatus
from desktop.core.errors import PrachumError
from desktop.core.json_checks import SchemaChecker
from desktop.core.models import AgendaItem, Attendance, Meeting, Organization, Person, Vote
from desktop.core.services.common import BE_YEAR_THRESHOLD
from desktop.core.thai import acting_position, split_full_name

FORMAT, VERSION = "prachum.meeting", 2
"""The version written; every version from 1 up to it is read."""
# What version 2 added, by where it may appear: a version 1 file may not use them.
_V2_MEETING_KEYS = ("online", "quorum", "recording")
_V2_ATTENDANCE_KEYS = ("capacity", "identity")
_V2_ITEM_KEYS = ("vote",)
_VOTE_COUNTS = (("for", "votes_for"), ("against", "votes_against"), ("abstain", "votes_abstain"))
_ONLINE_KEYS = (
    ("link", "online_link"),
    ("meeting_id", "online_meeting_id"),
    ("passcode", "online_passcode"),
)
SCHEMA_PATH = Path(__file__).resolve().parents[3] / "resources" / "meeting-file.schema.json"
MAX_FILE_BYTES = 50 * 1024 * 1024
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_checker: SchemaChecker | None = None


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _schema_checker() -> SchemaChecker:
    global _checker  # noqa: PLW0603 - the schema is read once per process
    if _checker is None:
        _checker = SchemaChecker(schema())
    return _checker


def _refuse(problems: list[str], name: str = "") -> PrachumError:
    where = f" {name}" if name else ""
    return PrachumError(
        f"ไฟล์การประชุม{where} ไม่ถูกต้อง จึงไม่ได้นำเข้าข้อมูลใด ๆ ({len(problems)} ปัญหา)",
        f"The meeting file{where} is invalid; nothing was imported ({len(problems)} problems):",
        _first_problems(problems),
    )


SHOWN_PROBLEMS = 100


def _first_problems(problems: list[str]) -> list[str]:
    """The first hundred, and how many more: a file with 200,000 problems printed them all."""
    if len(problems) <= SHOWN_PROBLEMS:
        return problems
    rest = len(problems) - SHOWN_PROBLEMS
    return [*problems[:SHOWN_PROBLEMS], f"… and {rest} more problems"]


def read_meeting_file(path: Path | str) -> dict[str, Any]:  # noqa: C901 (one refusal per way a file can be unreadable)
    """The file's JSON (UTF-8, with or without a BOM), or a PrachumError that says why."""
    from desktop.core.input_files import read_capped, require_regular

    path = Path(path)
    size = require_regular(path).st_size  # a folder, a device or a pipe is not read
    if size > MAX_FILE_BYTES:
        raise _refuse([f"(file): {size} bytes is more than a meeting file can be"], path.name)
    raw = read_capped(path, MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse([f"(file): not UTF-8 text (byte {exc.start})"], path.name) from exc
    duplicates: list[str] = []

    def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # A key given twice would silently drop one value: the typo the format forbids.
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                duplicates.append(f"(file): the key {key!r} is given twice in one object")
            seen[key] = value
        return seen

    def bounded_int(digits: str) -> int:
        # A number past what the database stores is a problem of the file, not a fault
        # (and Python refuses to even read one of more than 4,300 digits).
        if len(digits.lstrip("-")) > 19 or not -(2**63) <= int(digits) < 2**63:
            numbers.append(f"(file): a number of {len(digits)} digits is too large")
            return 0
        return int(digits)

    def no_constant(name: str) -> float:
        numbers.append(f"(file): {name} is not a number a meeting file may hold")
        return 0.0

    numbers: list[str] = []
    try:
        data: dict[str, Any] = json.loads(
            text,
            object_pairs_hook=no_duplicate_keys,
            parse_int=bounded_int,
            parse_constant=no_constant,
        )
    except json.JSONDecodeError as exc:
        raise _refuse(
            [f"(file): not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"], path.name
        ) from exc
    except RecursionError as exc:
        raise _refuse(["(file): nested too deeply"], path.name) from exc
    if duplicates or numbers:
        raise _refuse(duplicates + numbers, path.name)
    return data


def _as_list(value: Any) -> list[Any]:
    """A value the schema wants as a list; anything else is already among the problems."""
    return value if isinstance(value, list) else []


def _ids(entries: list[Any], path: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, str):
            if ident in seen:
                problems.append(f"{path}[{index}].id: {ident!r} is used twice")
            seen.add(ident)
    return seen


def _date(text: Any, where: str, problems: list[str]) -> None:
    # Only a date in the right form can be a wrong date; the schema reports the form.
    if isinstance(text, str) and _ISO_DATE.fullmatch(text):
        try:
            year = date.fromisoformat(text).year
        except ValueError:
            problems.append(f"{where}: {text!r} is not a real date")
            return
        if year > BE_YEAR_THRESHOLD:
            problems.append(
                f"{where}: the year {year} looks like a Buddhist Era year; dates are Gregorian ({year - 543})"
            )


def _check_vote(vote: Any, where: str, people: set[str], present: int, problems: list[str]) -> None:
    if not isinstance(vote, dict):
        return
    for key in ("mover", "seconder"):
        ref = vote.get(key)
        if isinstance(ref, str) and ref not in people:
            problems.append(f"{where}.{key}: no person with id {ref!r}")
    counts = [vote.get(key) for key, _ in _VOTE_COUNTS]
    numbers = [c for c in counts if isinstance(c, int) and not isinstance(c, bool) and c >= 0]
    if sum(numbers) > present:
        problems.append(
            f"{where}: the votes add up to {sum(numbers)}, more than the {present} members present"
        )


def _check_agenda(
    items: list[Any],
    path: str,
    organizations: set[str],
    people: set[str],
    problems: list[str],
    *,
    present: int,
) -> None:
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        where = f"{path}[{index}]"
        if "vote" in item:
            _check_vote(item["vote"], f"{where}.vote", people, present, problems)
        for a_index, action in enumerate(_as_list(item.get("actions"))):
            if not isinstance(action, dict):
                continue
            owner = action.get("owner")
            if isinstance(owner, str) and owner not in organizations | people:
                problems.append(
                    f"{where}.actions[{a_index}].owner: no organisation or person with id {owner!r}"
                )
            _date(action.get("due"), f"{where}.actions[{a_index}].due", problems)
        if isinstance(item.get("items"), list):
            _check_agenda(
                item["items"], f"{where}.items", organizations, people, problems, present=present
            )


def _version_problems(data: dict[str, Any], problems: list[str]) -> list[str]:
    """A newer file is named as such; a version 1 file may not use what version 2 added."""
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        problems = [p for p in problems if not p.startswith("version:")]
        problems.insert(
            0,
            f"version: {version} is from a newer Prachum; this one reads versions 1 to {VERSION}",
        )
    if version != 1 or not isinstance(data.get("meeting"), dict):
        return problems
    hint = 'a version 2 key in a version 1 file (write "version": 2)'
    meeting = data["meeting"]
    problems += [f"meeting.{key}: {hint}" for key in _V2_MEETING_KEYS if key in meeting]
    for index, line in enumerate(_as_list(meeting.get("attendance"))):
        if isinstance(line, dict):
            where = f"meeting.attendance[{index}]"
            problems += [f"{where}.{key}: {hint}" for key in _V2_ATTENDANCE_KEYS if key in line]

    def walk(items: list[Any], path: str) -> None:
        for index, item in enumerate(items):
            if isinstance(item, dict):
                problems.extend(f"{path}[{index}].{k}: {hint}" for k in _V2_ITEM_KEYS if k in item)
                walk(_as_list(item.get("items")), f"{path}[{index}].items")

    walk(_as_list(meeting.get("agenda")), "meeting.agenda")
    return problems


def _members_present(attendance: list[Any]) -> int:
    return sum(
        1
        for line in attendance
        if isinstance(line, dict)
        and line.get("group", AttendanceGroup.MEMBER) in (AttendanceGroup.MEMBER, None)
        and line.get("status", AttendanceStatus.PRESENT) in (AttendanceStatus.PRESENT, None)
    )


def validate(data: Any) -> list[str]:  # noqa: C901 (one check per cross-reference of the format, read top to bottom)
    """Every problem of a meeting file, by path; an empty list means it can be imported."""
    problems = _schema_checker().problems(data)
    if not isinstance(data, dict):
        return problems
    problems = _version_problems(data, problems)
    organizations = _ids(_as_list(data.get("organizations")), "organizations", problems)
    people = _ids(_as_list(data.get("people")), "people", problems)
    network = data.get("network")
    if isinstance(network, dict):
        for index, member in enumerate(_as_list(network.get("members"))):
            if isinstance(member, str) and member not in organizations:
                problems.append(f"network.members[{index}]: no organisation with id {member!r}")
    for index, person in enumerate(_as_list(data.get("people"))):
        if isinstance(person, dict):
            ref = person.get("organization")
            if isinstance(ref, str) and ref not in organizations:
                problems.append(f"people[{index}].organization: no organisation with id {ref!r}")
    meeting = data.get("meeting")
    if not isinstance(meeting, dict):
        return problems
    _date(meeting.get("date"), "meeting.date", problems)
    if isinstance(meeting.get("host"), str) and meeting["host"] not in organizations:
        problems.append(f"meeting.host: no organisation with id {meeting['host']!r}")
    for key in ("chair", "recorder", "reviewer"):
        if isinstance(meeting.get(key), str) and meeting[key] not in people:
            problems.append(f"meeting.{key}: no person with id {meeting[key]!r}")
    start, end = meeting.get("start"), meeting.get("end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        problems.append(f"meeting.end: {end} is before the start {start}")
    seen: set[str] = set()
    for index, line in enumerate(_as_list(meeting.get("attendance"))):
        if not isinstance(line, dict) or not isinstance(line.get("person"), str):
            continue
        ref, where = line["person"], f"meeting.attendance[{index}]"
        if ref not in people:
            problems.append(f"{where}.person: no person with id {ref!r}")
        elif ref in seen:
            problems.append(f"{where}.person: {ref!r} appears twice in the attendance")
        seen.add(ref)
        joined, left = line.get("joined"), line.get("left")
        if isinstance(joined, str) and isinstance(left, str) and left < joined:
            problems.append(f"{where}.left: {left} is before joined {joined}")
    if isinstance(meeting.get("agenda"), list):
        present = _members_present(_as_list(meeting.get("attendance")))
        _check_agenda(
            meeting["agenda"], "meeting.agenda", organizations, people, problems, present=present
        )
    return problems


# --- import ----------------------------------------------------------------------------


def import_meeting(session: Session, data: Any, *, name: str = "") -> Meeting:
    """Create the file's meeting (reusing known organisations and people). All or nothing."""
    problems = validate(data)
    if problems:
        raise _refuse(problems, name)
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
        field: (meeting_data.get("online") or {}).get(key) for key, field in _ONLINE_KEYS
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
    fields: dict[str, Any] = {field: vote.get(key) for key, field in _VOTE_COUNTS}
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
    for key, field in _ONLINE_KEYS:
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
        for key, field in _VOTE_COUNTS:
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
