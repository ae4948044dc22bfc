"""The services behind quorum, capacities, the attendees' order, votes and kept reports."""

from datetime import date

import pytest

from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import ReportFile


def test_a_quorum_is_a_positive_whole_number(session, first_meeting):
    services.update_meeting(session, first_meeting.id, quorum=2)
    assert first_meeting.quorum == 2
    for wrong in (0, -1, "2", True):
        with pytest.raises(PrachumError, match="quorum"):
            services.update_meeting(session, first_meeting.id, quorum=wrong)
    services.update_meeting(session, first_meeting.id, quorum=None)
    assert first_meeting.quorum is None


def test_the_proposed_quorum_is_more_than_half_of_the_members_expected():
    assert [services.proposed_quorum(n) for n in (0, 1, 2, 3, 4, 15)] == [None, 1, 2, 2, 3, 8]


def test_the_quorum_is_met_by_members_present_only(session, first_meeting):
    assert services.quorum_met(first_meeting) is None
    services.update_meeting(session, first_meeting.id, quorum=3)
    assert services.quorum_met(first_meeting) is True
    line = services.ordered_attendance(first_meeting)[0]
    services.mark_absent(session, line.id, "ลา")
    assert services.quorum_met(first_meeting) is False


def test_online_details_and_recording_are_kept(session, first_meeting):
    services.update_meeting(
        session,
        first_meeting.id,
        online_link=" https://meet.example/abc ",
        online_meeting_id="845 1122 3344",
        online_passcode="1234",
        recording="ไดรฟ์กลาง",
    )
    assert first_meeting.online_link == "https://meet.example/abc"
    assert (first_meeting.online_meeting_id, first_meeting.online_passcode) == (
        "845 1122 3344",
        "1234",
    )
    assert first_meeting.recording == "ไดรฟ์กลาง"


def test_the_chair_is_put_first_when_added(session, network):
    people = network["people"]
    meeting = services.create_meeting(
        session, title="ประชุม", date=date(2024, 3, 1), chair_id=people["mayor"].id
    )
    services.add_attendee(session, meeting.id, people["deputy"].id)
    services.add_attendee(session, meeting.id, people["officer"].id)
    services.add_attendee(session, meeting.id, people["mayor"].id)
    order = [a.person_id for a in services.ordered_attendance(meeting)]
    assert order == [people["mayor"].id, people["deputy"].id, people["officer"].id]
    chair_line = services.ordered_attendance(meeting)[0]
    assert chair_line.capacity is None
    assert services.effective_capacity(chair_line, meeting) == "ประธาน"
    services.update_attendance(session, chair_line.id, capacity="ประธานกรรมการ")
    assert services.effective_capacity(chair_line, meeting) == "ประธานกรรมการ"


def test_lines_move_up_and_down_and_stay_numbered(session, first_meeting):
    lines = services.ordered_attendance(first_meeting)
    ids = [a.id for a in lines]
    assert services.move_attendee(session, ids[2], -1) == [ids[0], ids[2], ids[1]]
    assert services.move_attendee(session, ids[2], -5) == [ids[2], ids[0], ids[1]]
    assert services.move_attendee(session, ids[1], +9) == [ids[2], ids[0], ids[1]]
    ordered = services.ordered_attendance(first_meeting)
    assert [a.id for a in ordered] == [ids[2], ids[0], ids[1]]
    assert [a.sort_order for a in ordered] == [1, 2, 3]


def test_capacity_and_identity_are_checked(session, first_meeting):
    line = services.ordered_attendance(first_meeting)[0]
    services.update_attendance(session, line.id, capacity=" กรรมการ ", identity="otp")
    assert (line.capacity, line.identity) == ("กรรมการ", "otp")
    with pytest.raises(PrachumError, match="identity"):
        services.update_attendance(session, line.id, identity="face")
    services.update_attendance(session, line.id, capacity="", identity=None)
    assert (line.capacity, line.identity) == (None, None)


def test_a_vote_may_be_typed_in_any_order_and_cleared(session, first_meeting, network):
    item = first_meeting.agenda[3]
    vote = services.set_vote(session, item.id, votes_for="12")
    assert vote.votes_for == 12 and vote.total == 12
    # More than the three present: kept while she types; the warning is the window's.
    assert services.tally(vote, 3).exceeds_present
    services.set_vote(
        session,
        item.id,
        votes_for=2,
        votes_against=0,
        votes_abstain=1,
        ballot="secret",
        mover_id=network["people"]["deputy"].id,
    )
    assert not services.tally(item.vote, 3).exceeds_present
    assert item.vote.ballot == "secret"
    with pytest.raises(PrachumError, match="whole number"):
        services.set_vote(session, item.id, votes_against=-1)
    with pytest.raises(PrachumError, match="ballot"):
        services.set_vote(session, item.id, ballot="hands")
    services.clear_vote(session, item.id)
    assert item.vote is None


def test_a_final_meeting_refuses_a_vote(session, first_meeting):
    services.finalise_meeting(session, first_meeting.id)
    with pytest.raises(PrachumError, match="final"):
        services.set_vote(session, first_meeting.agenda[3].id, votes_for=1)


def test_an_imported_report_is_kept_byte_for_byte_once(session, first_meeting):
    content = "\ufeffชื่อ,อีเมล\r\nสมชาย,a@example.org\r\n".encode("utf-16")
    kept = services.keep_report_file(session, first_meeting.id, "participants.csv", content, "zoom")
    again = services.keep_report_file(session, first_meeting.id, "copy.csv", content, "zoom")
    assert again.id == kept.id
    stored = session.get(ReportFile, kept.id)
    assert stored.content == content
    assert stored.sha256 == services.sha256_hex(content) and len(stored.sha256) == 64
    assert [r.id for r in services.report_files(session, first_meeting.id)] == [kept.id]
