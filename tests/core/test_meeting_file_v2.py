"""Version 2 of the meeting file: quorum, online details, recording, capacities, votes."""

import json

import pytest
from meeting_example import example, example_v2
from sqlalchemy import func, select

from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import Attendance, Meeting, Vote
from desktop.core.operations import meeting_file


def _write(tmp_path, data):
    path = tmp_path / "v2.meeting.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _meetings(session):
    return session.scalar(select(func.count()).select_from(Meeting))


def test_the_version_2_example_is_valid():
    assert meeting_file.validate(example_v2()) == []


def test_a_version_2_file_round_trips_exactly(session, tmp_path):
    meeting = meeting_file.import_meeting_file(session, _write(tmp_path, example_v2()))
    assert meeting.quorum == 2
    assert meeting.online_meeting_id == "845 1122 3344"
    assert [a.capacity for a in services.ordered_attendance(meeting)] == [
        "ประธาน",
        "กรรมการและเลขานุการ",
        "ผู้ช่วยเลขานุการ",
    ]
    exported = meeting_file.export_meeting(session, meeting.id)
    assert exported == example_v2()
    again = meeting_file.import_meeting(session, exported)
    assert meeting_file.export_meeting(session, again.id) == exported


def test_the_vote_is_stored_with_its_people(session):
    meeting = meeting_file.import_meeting(session, example_v2())
    item = meeting.agenda[1].children[0]
    vote = session.get(Vote, item.id)
    assert (vote.votes_for, vote.votes_against, vote.votes_abstain) == (1, 0, 1)
    assert vote.ballot == "secret"
    assert vote.mover.given_name == "วิไล"
    assert vote.seconder.given_name == "สมชาย"


def test_a_version_1_file_still_imports_and_gains_nothing(session):
    meeting = meeting_file.import_meeting(session, example())
    assert meeting.quorum is None and meeting.recording is None
    assert session.scalar(select(func.count()).select_from(Vote)) == 0
    assert all(a.capacity is None and a.identity is None for a in meeting.attendance)
    assert meeting_file.export_meeting(session, meeting.id) == dict(example(), version=2)


def test_the_order_of_the_attendance_is_the_order_kept(session):
    data = example_v2()
    attendance = data["meeting"]["attendance"]
    data["meeting"]["attendance"] = [attendance[2], attendance[0], attendance[1]]
    meeting = meeting_file.import_meeting(session, data)
    names = [a.person.given_name for a in services.ordered_attendance(meeting)]
    assert names == ["มาลี", "สมชาย", "วิไล"]
    exported = meeting_file.export_meeting(session, meeting.id)
    people = {p["id"]: p["given_name"] for p in exported["people"]}
    assert [people[a["person"]] for a in exported["meeting"]["attendance"]] == names


def _broken(change):
    data = example_v2()
    change(data)
    return data


def _vote(data):
    return data["meeting"]["agenda"][1]["items"][0]["vote"]


INVALID = [
    (
        "votes above the members present",
        lambda d: _vote(d).update({"for": 2, "abstain": 1}),
        "meeting.agenda[1].items[0].vote: the votes add up to 3, more than the 2 members present",
    ),
    (
        "a present member marked absent makes the vote too large",
        lambda d: d["meeting"]["attendance"][1].update(status="absent"),
        "the votes add up to 2, more than the 1 members present",
    ),
    (
        "unknown mover",
        lambda d: _vote(d).update(mover="p9"),
        "meeting.agenda[1].items[0].vote.mover: no person with id 'p9'",
    ),
    (
        "negative count",
        lambda d: _vote(d).update(against=-1),
        "meeting.agenda[1].items[0].vote.against: must be at least 0",
    ),
    (
        "count as text",
        lambda d: _vote(d).update({"for": "1"}),
        "meeting.agenda[1].items[0].vote.for: must be a whole number",
    ),
    (
        "ballot",
        lambda d: _vote(d).update(ballot="hands"),
        "vote.ballot: 'hands' is not one of open, secret",
    ),
    ("vote key typo", lambda d: _vote(d).update(aginst=1), "vote.aginst: unknown key"),
    (
        "identity",
        lambda d: d["meeting"]["attendance"][0].update(identity="face"),
        "meeting.attendance[0].identity: 'face' is not one of camera, otp, known, signature",
    ),
    ("quorum zero", lambda d: d["meeting"].update(quorum=0), "meeting.quorum: must be at least 1"),
    ("online typo", lambda d: d["meeting"]["online"].update(pin="1"), "online.pin: unknown key"),
    (
        "a version 1 file with a vote",
        lambda d: d.update(version=1),
        'meeting.agenda[1].items[0].vote: a version 2 key in a version 1 file (write "version": 2)',
    ),
    (
        "a version 1 file with a quorum",
        lambda d: d.update(version=1),
        "meeting.quorum: a version 2 key in a version 1 file",
    ),
    (
        "a version 1 file with a capacity",
        lambda d: d.update(version=1),
        "meeting.attendance[0].capacity: a version 2 key in a version 1 file",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_version_2_file_is_refused_whole(session, tmp_path, case, change, message):
    before = _meetings(session)
    with pytest.raises(PrachumError) as error:
        meeting_file.import_meeting_file(session, _write(tmp_path, _broken(change)))
    assert any(message in problem for problem in error.value.problems), error.value.problems
    assert _meetings(session) == before
    assert session.scalar(select(func.count()).select_from(Attendance)) == 0


def test_votes_equal_to_the_members_present_are_accepted(session):
    data = example_v2()
    _vote(data).update({"for": 2, "against": 0, "abstain": 0})
    assert meeting_file.validate(data) == []
