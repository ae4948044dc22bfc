"""The meeting file: a contract with other offices, so it is checked to the letter."""

import json

import pytest
from meeting_example import example
from sqlalchemy import func, select

from desktop.core.errors import PrachumError
from desktop.core.json_checks import SchemaChecker
from desktop.core.models import Attendance, Meeting, Organization, Person
from desktop.core.operations import meeting_file


def _write(tmp_path, data, name="m.meeting.json", bom=False):
    path = tmp_path / name
    text = json.dumps(data, ensure_ascii=False)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def _counts(session):
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (Meeting, Person, Organization, Attendance)
    )


def test_the_example_is_valid():
    assert meeting_file.validate(example()) == []


def test_export_then_import_gives_back_the_same_meeting(session, tmp_path):
    meeting = meeting_file.import_meeting(session, example())
    exported = meeting_file.export_meeting(session, meeting.id)
    # A version 1 file comes back as version 2 with nothing added: optional values that
    # were absent come back absent; everything given comes back.
    expected = dict(example(), version=2)
    assert exported == expected
    again = meeting_file.import_meeting(session, exported)
    assert meeting_file.export_meeting(session, again.id) == exported


def test_a_file_with_a_bom_and_x_extensions_imports(session, tmp_path):
    data = example()
    data["x-exported-by"] = "another office"
    data["meeting"]["attendance"][0]["x-seat"] = 12
    meeting = meeting_file.import_meeting_file(session, _write(tmp_path, data, bom=True))
    assert meeting.title == data["meeting"]["title"]
    assert "x-exported-by" not in json.dumps(meeting_file.export_meeting(session, meeting.id))


def test_existing_organisations_and_people_are_reused_not_duplicated(session):
    meeting_file.import_meeting(session, example())
    before = _counts(session)
    meeting_file.import_meeting(session, example())
    after = _counts(session)
    assert after[0] == before[0] + 1  # a second meeting
    assert after[1:3] == before[1:3]  # the same people and organisations


def test_text_is_normalised_on_the_way_in(session):
    data = example()
    data["meeting"]["agenda"][0]["resolution"] = "ที่ประชุมรับทราบและด\u0e4d\u0e32เนินการ"
    meeting = meeting_file.import_meeting(session, data)
    assert meeting.agenda[0].resolution == "ที่ประชุมรับทราบและดำเนินการ"


def test_export_writes_a_file_that_imports(session, tmp_path):
    meeting = meeting_file.import_meeting(session, example())
    path = meeting_file.export_meeting_file(session, meeting.id, tmp_path / "out.meeting.json")
    assert json.loads(path.read_text(encoding="utf-8")) == dict(example(), version=2)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def _broken(change):
    data = example()
    change(data)
    return data


INVALID = [
    ("wrong format", lambda d: d.update(format="other.thing"), "format: must be 'prachum.meeting'"),
    (
        "newer version",
        lambda d: d.update(version=3),
        "version: 3 is from a newer Prachum; this one reads versions 1 to 2",
    ),
    ("version as text", lambda d: d.update(version="2"), "version: '2' is not one of 1, 2"),
    ("missing meeting title", lambda d: d["meeting"].pop("title"), "meeting.title: is required"),
    ("unknown key", lambda d: d["meeting"].update(titel="x"), "meeting.titel: unknown key"),
    (
        "dangling person",
        lambda d: d["meeting"]["attendance"][2].update(person="p9"),
        "meeting.attendance[2].person: no person with id 'p9'",
    ),
    (
        "person twice",
        lambda d: d["meeting"]["attendance"].append({"person": "p1"}),
        "meeting.attendance[3].person: 'p1' appears twice",
    ),
    (
        "bad date",
        lambda d: d["meeting"].update(date="2024-02-30"),
        "meeting.date: '2024-02-30' is not a real date",
    ),
    (
        "Thai date",
        lambda d: d["meeting"].update(date="14/2/2567"),
        "meeting.date: '14/2/2567' is not in the form",
    ),
    (
        "end before start",
        lambda d: d["meeting"].update(end="09:00"),
        "meeting.end: 09:00 is before the start 09:30",
    ),
    (
        "bad time",
        lambda d: d["meeting"].update(start="9.30"),
        "meeting.start: '9.30' is not in the form",
    ),
    (
        "bad role",
        lambda d: d["people"][0].update(role="king"),
        "people[0].role: 'king' is not one of",
    ),
    (
        "negative number",
        lambda d: d["meeting"].update(number=-1),
        "meeting.number: must be at least 1",
    ),
    (
        "number as text",
        lambda d: d["meeting"].update(number="2"),
        "meeting.number: must be a whole number",
    ),
    ("duplicate id", lambda d: d["people"][1].update(id="p1"), "people[1].id: 'p1' is used twice"),
    (
        "unknown owner",
        lambda d: d["meeting"]["agenda"][1]["items"][0]["actions"][0].update(owner="x1"),
        "meeting.agenda[1].items[0].actions[0].owner: no organisation or person with id 'x1'",
    ),
    (
        "too deep",
        lambda d: d["meeting"]["agenda"][1]["items"][0].update(
            items=[
                {"number": "2.1.1", "title": "ก", "items": [{"number": "2.1.1.1", "title": "ข"}]}
            ]
        ),
        "meeting.agenda[1].items[0].items[0].items: unknown key",
    ),
    (
        "control character",
        lambda d: d["meeting"].update(title="ประชุม\x00"),
        "meeting.title: contains a control character",
    ),
    (
        "network member",
        lambda d: d["network"]["members"].append("o7"),
        "network.members[2]: no organisation with id 'o7'",
    ),
    (
        "empty given name",
        lambda d: d["people"][2].update(given_name="  "),
        "people[2].given_name: must not be empty",
    ),
    (
        "done as text",
        lambda d: d["meeting"]["agenda"][1]["items"][0]["actions"][1].update(done="yes"),
        "meeting.agenda[1].items[0].actions[1].done: must be true or false",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_file_is_refused_whole_with_its_path(session, tmp_path, case, change, message):
    before = _counts(session)
    with pytest.raises(PrachumError) as error:
        meeting_file.import_meeting_file(session, _write(tmp_path, _broken(change)))
    assert any(message in problem for problem in error.value.problems), error.value.problems
    assert "nothing was imported" in error.value.english
    assert _counts(session) == before


def test_every_problem_is_listed_not_only_the_first(session):
    data = example()
    data["meeting"]["date"] = "soon"
    data["people"][0]["role"] = "king"
    data["meeting"]["attendance"][0]["person"] = "p9"
    problems = meeting_file.validate(data)
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not JSON"),
        ("ประชุม".encode("cp874"), "not UTF-8"),
        (b"[1, 2, 3]", "must be an object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_meeting_file_is_refused(session, tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    before = _counts(session)
    with pytest.raises(PrachumError) as error:
        meeting_file.import_meeting_file(session, path)
    assert message in error.value.message("en")
    assert _counts(session) == before


def test_the_schema_file_is_valid_json_schema_shape():
    schema = meeting_file.schema()
    assert schema["properties"]["format"]["const"] == "prachum.meeting"
    checker = SchemaChecker(schema)
    assert checker.problems(example()) == []


def test_an_import_rolled_back_by_the_caller_leaves_nothing(db):
    session = db.sessions()
    meeting_file.import_meeting(session, example())
    session.rollback()
    session.close()
    with db.session() as fresh:
        assert _counts(fresh) == (0, 0, 0, 0)


def test_a_key_given_twice_is_refused(session, tmp_path):
    path = tmp_path / "twice.json"
    text = json.dumps(example(), ensure_ascii=False)
    path.write_text(text.replace('"title": "การประชุมคณะ', '"title": "ก", "title": "การประชุมคณะ', 1))
    with pytest.raises(PrachumError) as error:
        meeting_file.import_meeting_file(session, path)
    assert "the key 'title' is given twice" in error.value.message("en")


def test_namesakes_in_one_office_stay_two_people_through_a_round_trip(session):
    data = example()
    twin = dict(data["people"][0], id="p4", position="สมาชิกสภาเทศบาล", role="council")
    data["people"].append(twin)
    data["meeting"]["attendance"].append({"person": "p4", "group": "member", "status": "present"})
    first = meeting_file.import_meeting(session, data)
    exported = meeting_file.export_meeting(session, first.id)
    assert len(exported["people"]) == 4
    again = meeting_file.import_meeting(session, exported)
    assert meeting_file.export_meeting(session, again.id) == exported
