"""Two windows on one server: what one commits, the other hears, and not its own."""

from __future__ import annotations

import queue
import time
from datetime import date

import pytest

from desktop.core import services
from desktop.core.changes import Changes, Part
from desktop.core.db import open_database
from desktop.core.live_changes import changes_from
from desktop.core.services.views import attendance_rows

HEARD_WITHIN = 10.0  # seconds; the bench says how fast it really is


@pytest.fixture
def two_windows(pg_url):
    first, second = open_database(pg_url), open_database(pg_url)
    yield first, second
    first.close()
    second.close()


def _meeting_with_two(db) -> tuple[int, int, int]:
    with db.session() as s:
        a = services.create_person(s, honorific="นาย", given_name="สมชาย")
        b = services.create_person(s, honorific="นาง", given_name="สมศรี")
        meeting = services.create_meeting(s, title="ประชุมเครือข่าย", date=date(2026, 5, 1))
        services.add_attendee(s, meeting.id, a.id)
        services.add_attendee(s, meeting.id, b.id)
        return meeting.id, a.id, b.id


def _listen(db) -> tuple[queue.Queue[Changes], object]:
    heard: queue.Queue[Changes] = queue.Queue()
    listener = db.listen_for_others(heard.put)
    assert listener is not None
    assert listener.listening.wait(HEARD_WITHIN), "the listener never got its connection"
    return heard, listener


def test_a_tick_in_one_window_is_heard_by_the_other(two_windows):
    first, second = two_windows
    meeting_id, _a, _b = _meeting_with_two(first)
    heard, listener = _listen(second)
    try:
        with first.session() as s:
            line = attendance_rows(s, meeting_id)[0]
            services.toggle_attendance(s, line.id)
        changes = heard.get(timeout=HEARD_WITHIN)
        assert changes.from_others
        assert changes.touches_attendance(meeting_id)
        assert not changes.touches_agenda(meeting_id)
    finally:
        listener.stop()


def test_a_window_does_not_hear_its_own_changes(two_windows):
    first, second = two_windows
    meeting_id, _a, _b = _meeting_with_two(first)
    heard, listener = _listen(second)
    try:
        with second.session() as s:
            services.update_meeting(s, meeting_id, venue="ห้องประชุมสภา")
        with first.session() as s:  # then someone else's, to know the first has had time
            services.update_meeting(s, meeting_id, title="ประชุมเครือข่ายครั้งที่ ๒")
        changes = heard.get(timeout=HEARD_WITHIN)
        assert changes.touches_details(meeting_id)
        time.sleep(0.3)
        assert heard.empty(), "its own venue came back as someone else's"
    finally:
        listener.stop()


def test_a_rolled_back_change_is_never_heard(two_windows):
    first, second = two_windows
    meeting_id, _a, _b = _meeting_with_two(first)
    heard, listener = _listen(second)
    try:
        session = first.sessions()
        services.update_meeting(session, meeting_id, title="ไม่บันทึก")
        session.flush()
        session.rollback()
        session.close()
        with first.session() as s:
            services.create_person(s, honorific="นาย", given_name="มาทีหลัง")
        changes = heard.get(timeout=HEARD_WITHIN)
        assert not changes.touches_details(meeting_id)
        assert changes.people
    finally:
        listener.stop()


def test_a_vote_is_heard_as_its_meetings_agenda(two_windows):
    first, second = two_windows
    meeting_id, _a, _b = _meeting_with_two(first)
    with first.session() as s:
        item_id = services.add_agenda_item(s, meeting_id, title="ร่าง MOU").id
    heard, listener = _listen(second)
    try:
        with first.session() as s:
            services.set_vote(s, item_id, votes_for=7, votes_against=0, votes_abstain=1)
        changes = heard.get(timeout=HEARD_WITHIN)
        assert changes.touches_agenda(meeting_id) and (meeting_id, Part.AGENDA) in (
            changes.meeting_parts
        )
    finally:
        listener.stop()


def test_a_deleted_meeting_is_said_to_be_gone(two_windows):
    first, second = two_windows
    meeting_id, _a, _b = _meeting_with_two(first)
    heard, listener = _listen(second)
    try:
        with first.session() as s:
            services.delete_meeting(s, meeting_id)
        changes = heard.get(timeout=HEARD_WITHIN)
        while not changes.deleted(meeting_id):  # its lines may come in a batch before it
            changes = changes.merged(heard.get(timeout=HEARD_WITHIN))
        assert changes.touches_meeting_list()
    finally:
        listener.stop()


def test_a_file_has_no_one_else_to_hear(db_path):
    database = open_database(db_path)
    assert database.listen_for_others(lambda _changes: None) is None
    database.close()


def test_what_is_not_ours_to_read_refreshes_everything():
    changes = changes_from(["not json", '{"t": "people", "p": 3, "b": "x"}'], own_client="me")
    assert changes.everything and changes.touches_person(3)
    assert not changes_from(['{"t": "people", "p": 3, "b": "me"}'], own_client="me")


def test_the_listener_listens_again_after_the_server_comes_back(own_server):
    """A server restarted under her window: the listener reconnects by itself, says that
    anything may have changed meanwhile, and hears the others' ticks again."""
    hers = open_database(own_server.url)
    try:
        heard, listener = _listen(hers)
        own_server.cluster.stop()
        deadline = time.monotonic() + HEARD_WITHIN
        while listener.listening.is_set() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not listener.listening.is_set(), "the listener did not notice the server go"
        own_server.cluster.start()
        assert listener.listening.wait(HEARD_WITHIN), "the listener never listened again"
        caught_up = heard.get(timeout=HEARD_WITHIN)
        assert caught_up.everything and caught_up.from_others
        other = open_database(own_server.url)  # another computer, after the restart
        try:
            meeting_id, _a, _b = _meeting_with_two(other)
        finally:
            other.close()
        changes = heard.get(timeout=HEARD_WITHIN)
        assert changes.touches_attendance(meeting_id)
    finally:
        hers.close()
