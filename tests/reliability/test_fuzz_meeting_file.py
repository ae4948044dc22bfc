"""Hostile meeting files, generated: each one is imported exactly or refused whole."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from meeting_example import example
from sqlalchemy import func, select

from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.core.models import Action, AgendaItem, Attendance, Meeting, Organization, Person
from desktop.core.operations import meeting_file
from desktop.core.thai import normalize_optional

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
# Text as people and broken programs produce it: Thai with its marks, Latin, combining
# accents, zero-width and control characters, NULs, very long runs.
hostile_text = st.lists(
    st.sampled_from(
        [
            *"กขคงจฉชซญฎณดตถทธนบปผพฟมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ํ",
            *"abcXYZ 019.-=+@\n\t",
            *["\u0301", "\u200b", "\x00", "\x07", "\x1b", "\u0e40\u0e40", "\u0e4d\u0e32", "\ufeff"],
        ]
    ),
    max_size=60,
).map("".join) | st.builds(lambda n: "ก" * n, st.integers(min_value=0, max_value=30_000))

TEXT_PATHS = [
    ("meeting", "title"),
    ("meeting", "opening"),
    ("meeting", "venue"),
    ("people", 0, "position"),
    ("people", 1, "given_name"),
    ("organizations", 1, "name"),
    ("meeting", "agenda", 0, "body"),
    ("meeting", "agenda", 0, "resolution"),
    ("meeting", "attendance", 2, "absence_reason"),
]
ALL_PATHS = [
    *TEXT_PATHS,
    ("meeting", "number"),
    ("meeting", "date"),
    ("meeting", "start"),
    ("meeting", "attendance", 0, "person"),
    ("meeting", "agenda", 1, "items"),
    ("people",),
    ("network", "members"),
    ("version",),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    yield db
    db.close()


def _counts(session) -> tuple[int, ...]:
    tables = (Meeting, Person, Organization, Attendance, AgendaItem, Action)
    return tuple(session.scalar(select(func.count()).select_from(t)) for t in tables)


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _get(data, path):
    for key in path:
        data = data[key]
    return data


def _import_or_refuse(database, data):
    """Import; on refusal check that nothing at all was written. Returns the export or None."""
    with database.session() as session:
        before = _counts(session)
        try:
            meeting = meeting_file.import_meeting(session, data)
        except PrachumError as error:
            assert error.message("th") and error.message("en")
            session.rollback()
            assert _counts(session) == before
            return None
        return meeting_file.export_meeting(session, meeting.id)


@FUZZ
@given(value=json_values)
def test_any_json_value_is_refused_cleanly(database, value):
    _import_or_refuse(database, value)


@FUZZ
@given(path=st.sampled_from(ALL_PATHS), value=json_values)
def test_a_wrong_value_anywhere_is_refused_or_imported_whole(database, path, value):
    data = example()
    _set(data, path, value)
    exported = _import_or_refuse(database, data)
    if exported is not None:
        assert len(exported["meeting"]["attendance"]) == len(data["meeting"]["attendance"])


@FUZZ
@given(path=st.sampled_from(TEXT_PATHS), text=hostile_text)
def test_hostile_text_is_imported_exactly_as_normalised_or_refused(database, path, text):
    data = example()
    _set(data, path, text)
    exported = _import_or_refuse(database, data)
    if exported is None:
        return
    expected = normalize_optional(text)
    if path[0] == "people":
        # People are matched and reused by name, so compare the person we gave.
        person = next(
            p
            for p in exported["people"]
            if p.get("family_name") == data["people"][path[1]]["family_name"]
        )
        assert person.get(path[-1]) == expected
    elif path[0] == "organizations":
        assert expected in {o["name"] for o in exported["organizations"]}
    else:
        try:
            got = _get(exported, path)
        except (KeyError, IndexError):
            got = None
        assert got == expected


@FUZZ
@given(extra=st.dictionaries(st.text(min_size=1, max_size=10), json_values, min_size=1, max_size=3))
def test_unknown_keys_are_refused_and_x_keys_ignored(database, extra):
    data = example()
    data["meeting"].update(extra)
    exported = _import_or_refuse(database, data)
    if all(key.startswith("x-") for key in extra):
        assert exported is not None
    elif any(key not in data["meeting"] or not key.startswith("x-") for key in extra):
        known = set(example()["meeting"])
        if any(key not in known and not key.startswith("x-") for key in extra):
            assert exported is None


def test_deep_nesting_is_refused_not_crashed(database, tmp_path):
    head = '{"format": "prachum.meeting", "version": 1, "organizations": [], "people": [], "x": '
    path = tmp_path / "deep.json"
    path.write_text(head + '{"x": ' * 50_000 + "{}" + "}" * 50_000 + "}")
    with database.session() as session, pytest.raises(PrachumError, match="nested too deeply"):
        meeting_file.import_meeting_file(session, path)
