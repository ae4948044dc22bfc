"""The checks before finalising: each is triggered by its mistake and cleared by its fix."""

from datetime import date

import pytest
from db_arguments import db_argument

from desktop.cli import main
from desktop.core import services
from desktop.core.services.checks import meeting_checks


@pytest.fixture
def clean_meeting(session, first_meeting):
    """The conftest meeting with every item decided and a recorder: nothing to report."""
    for item in first_meeting.agenda:
        services.update_agenda_item(session, item.id, resolution="ที่ประชุมรับทราบ")
    recorder = services.ordered_attendance(first_meeting)[-1].person_id
    services.update_meeting(session, first_meeting.id, recorder_id=recorder)
    session.flush()
    return first_meeting


def _codes(session, meeting) -> list[str]:
    return [finding.code for finding in meeting_checks(session, meeting.id)]


def _lines(meeting):
    return services.ordered_attendance(meeting)


def test_a_clean_meeting_has_nothing_to_say(session, clean_meeting):
    assert meeting_checks(session, clean_meeting.id) == []


def test_minutes_without_a_recorder_are_warned_about(session, clean_meeting):
    recorder = clean_meeting.recorder_id
    services.update_meeting(session, clean_meeting.id, recorder_id=None)
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.place) == ("no_recorder", "details")
    assert "ผู้จดรายงานการประชุม" in finding.thai
    # A warning, not a refusal: the minutes can still be finalised without one.
    services.finalise_meeting(session, clean_meeting.id)
    services.reopen_meeting(session, clean_meeting.id)
    services.update_meeting(session, clean_meeting.id, recorder_id=recorder)
    assert _codes(session, clean_meeting) == []


def test_nobody_present(session, clean_meeting):
    for line in _lines(clean_meeting):
        services.mark_absent(session, line.id, "ติดราชการ")
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.place) == ("nobody_present", "attendance")
    assert finding.message("en") == "Nobody is marked present."
    services.mark_present(session, _lines(clean_meeting)[0].id)
    assert _codes(session, clean_meeting) == []


def test_quorum_not_met(session, clean_meeting):
    services.update_meeting(session, clean_meeting.id, quorum=4)
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert finding.code == "quorum_not_met"
    assert "3 members present, the quorum is 4" in finding.english
    assert "ไม่ครบองค์ประชุม" in finding.thai
    services.update_meeting(session, clean_meeting.id, quorum=3)
    assert _codes(session, clean_meeting) == []


def test_an_item_without_a_resolution(session, clean_meeting):
    item = clean_meeting.agenda[2]
    services.update_agenda_item(session, item.id, resolution="")
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.place, finding.item_id) == ("no_resolution", "agenda", item.id)
    services.set_resolution_points(session, item.id, ["รับรองโดยไม่มีการแก้ไข"])
    assert _codes(session, clean_meeting) == []


def test_an_item_with_sub_items_is_checked_through_them(session, clean_meeting):
    parent = clean_meeting.agenda[3]
    child = services.add_agenda_item(session, clean_meeting.id, parent_id=parent.id, title="ย่อย")
    assert [(f.code, f.item_id) for f in meeting_checks(session, clean_meeting.id)] == [
        ("no_resolution", child.id)
    ]
    services.set_vote(session, child.id, votes_for=3)  # a vote is a decision too
    assert _codes(session, clean_meeting) == []


def test_an_action_without_owner_or_due_or_due_before_the_meeting(session, clean_meeting, network):
    item = clean_meeting.agenda[3]
    action = services.add_action(session, item.id, text="จัดทำร่างคำสั่ง")
    found = meeting_checks(session, clean_meeting.id)
    assert [f.code for f in found] == ["action_without_owner", "action_without_due"]
    assert {(f.item_id, f.action_id) for f in found} == {(item.id, action.id)}
    services.update_action(session, action.id, owner_organization_id=network["orgs"][0].id)
    assert _codes(session, clean_meeting) == ["action_without_due"]
    services.update_action(session, action.id, due=date(2024, 1, 31))
    assert _codes(session, clean_meeting) == ["action_due_before_meeting"]
    services.update_action(session, action.id, due=date(2024, 3, 31))
    assert _codes(session, clean_meeting) == []


def test_an_absent_member_without_a_reason(session, clean_meeting):
    line = _lines(clean_meeting)[1]
    services.mark_absent(session, line.id)
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.attendance_id) == ("absent_without_reason", line.id)
    services.update_attendance(session, line.id, absence_reason="ลาป่วย")
    assert _codes(session, clean_meeting) == []


def test_a_participant_absent_without_a_reason_is_not_a_problem(session, clean_meeting):
    line = _lines(clean_meeting)[2]
    services.update_attendance(session, line.id, group="participant", status="absent")
    assert _codes(session, clean_meeting) == []


def test_a_number_already_used_that_year_by_the_network(session, clean_meeting, network):
    other = services.create_meeting(
        session,
        title="ประชุมอีกครั้ง",
        date=date(2024, 6, 1),
        network_id=network["network"].id,
        number=1,
    )
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.place) == ("number_used", "details")
    assert "1/2567" in finding.thai
    # Another year, or no network, may use the number.
    services.update_meeting(session, other.id, date=date(2025, 1, 10))
    assert _codes(session, clean_meeting) == []
    services.update_meeting(session, other.id, date=date(2024, 6, 1), network_id=None)
    assert _codes(session, clean_meeting) == []


def test_a_vote_that_does_not_add_up(session, clean_meeting):
    item = clean_meeting.agenda[3]
    services.set_vote(session, item.id, votes_for=2, votes_against=1, votes_abstain=1)
    (finding,) = meeting_checks(session, clean_meeting.id)
    assert (finding.code, finding.item_id) == ("vote_exceeds_present", item.id)
    assert "add up to 4, more than the 3 members present" in finding.english
    services.set_vote(session, item.id, votes_abstain=0)
    assert _codes(session, clean_meeting) == []


def test_the_check_command_prints_the_same_list(db, session, clean_meeting, capsys):
    services.update_meeting(session, clean_meeting.id, quorum=5)
    session.commit()
    args = ["--db", db_argument(db), "check", str(clean_meeting.id)]
    assert main(args) == 3
    assert capsys.readouterr().out == (
        "attendance: No quorum: 3 members present, the quorum is 5.\n"
    )
    assert main(["--lang", "th", *args]) == 3
    assert "ไม่ครบองค์ประชุม" in capsys.readouterr().out
    with db.session() as other:
        services.update_meeting(other, clean_meeting.id, quorum=3)
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    assert main(["--db", db_argument(db), "check", "999"]) == 2
