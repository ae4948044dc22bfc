"""Reading a meeting file (`.meeting.json`, versions 1 and 2) and checking it whole.

The contract is the project's schema (resources/meeting-file.schema.json) plus the rules
a schema cannot say: ids unique and referenced, a person once per meeting, end not
before start, real calendar dates, votes that add up. An invalid file is refused whole
with every problem listed by its path (the first hundred, and how many more).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.codes import AttendanceGroup, AttendanceStatus
from desktop.core.errors import PrachumError
from desktop.core.json_checks import SchemaChecker
from desktop.core.services.common import BE_YEAR_THRESHOLD

FORMAT, VERSION = "prachum.meeting", 2
"""The version written; every version from 1 up to it is read."""
# What version 2 added, by where it may appear: a version 1 file may not use them.
_V2_MEETING_KEYS = ("online", "quorum", "recording")
_V2_ATTENDANCE_KEYS = ("capacity", "identity")
_V2_ITEM_KEYS = ("vote",)
VOTE_COUNTS = (("for", "votes_for"), ("against", "votes_against"), ("abstain", "votes_abstain"))
ONLINE_KEYS = (
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


def refusal(problems: list[str], name: str = "") -> PrachumError:
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
        raise refusal([f"(file): {size} bytes is more than a meeting file can be"], path.name)
    raw = read_capped(path, MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refusal([f"(file): not UTF-8 text (byte {exc.start})"], path.name) from exc
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
        raise refusal(
            [f"(file): not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"], path.name
        ) from exc
    except RecursionError as exc:
        raise refusal(["(file): nested too deeply"], path.name) from exc
    if duplicates or numbers:
        raise refusal(duplicates + numbers, path.name)
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
    counts = [vote.get(key) for key, _ in VOTE_COUNTS]
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
