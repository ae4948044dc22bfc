"""The store tells every view what a change touched, from the transaction itself: no
caller names a topic, and a worker's write is heard the same way as a click's."""

from __future__ import annotations

from datetime import date

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.ui.base.store import Store, Stored
from desktop.ui.meeting.attendance_model import POSITION


def _person_in_a_draft(db_path) -> tuple[int, int]:
    database = open_database(db_path)
    with database.session() as s:
        person = services.create_person(
            s, honorific="นาง", given_name="วิไล", family_name="ศรีสุข", position="รองปลัด"
        )
        meeting = services.create_meeting(s, title="ประชุมสามัญ", date=date(2026, 2, 1))
        services.add_attendee(s, meeting.id, person.id)
        ids = person.id, meeting.id
    database.close()
    return ids


def test_a_change_returns_its_value_and_what_it_touched(qtbot, reporter, db_path):
    database = open_database(db_path)
    store = Store(database, reporter)
    heard: list[Changes] = []
    store.committed.connect(heard.append)
    stored = store.change(
        lambda s: services.create_meeting(s, title="ครั้งที่ ๑", date=date(2026, 1, 5)).id
    )
    assert isinstance(stored, Stored) and isinstance(stored.value, int)
    assert heard == [stored.changes]
    assert stored.changes.touches_meeting_list()
    assert stored.changes.touches_details(stored.value)
    database.close()


def test_a_refusal_goes_to_the_error_callback_and_nobody_hears_of_it(
    qtbot, reporter, db_path, message_boxes
):
    database = open_database(db_path)
    store = Store(database, reporter)
    heard: list[Changes] = []
    failures: list[BaseException] = []
    store.committed.connect(heard.append)
    stored = store.change(
        lambda s: services.create_meeting(s, title="", date=date(2026, 1, 5)),
        on_failed=failures.append,
    )
    assert stored is None
    assert len(failures) == 1 and isinstance(failures[0], PrachumError)
    assert heard == []
    assert store.read(services.list_meetings) == []
    database.close()


def test_a_write_on_a_worker_is_heard_like_any_other(qtbot, reporter, db_path):
    database = open_database(db_path)
    store = Store(database, reporter)
    results: list[int] = []
    with qtbot.waitSignal(store.committed, timeout=5000) as signal:
        store.change_in_background(
            lambda s: services.create_person(s, honorific="นาย", given_name="สมชาย").id,
            results.append,
        )
    qtbot.waitUntil(lambda: bool(results))
    changes = signal.args[0]
    assert changes.touches_person(results[0]) and changes.touches_roster()
    database.close()


def test_a_refused_write_on_a_worker_reaches_its_callback(qtbot, reporter, db_path, message_boxes):
    database = open_database(db_path)
    store = Store(database, reporter)
    failures: list[BaseException] = []
    heard: list[Changes] = []
    store.committed.connect(heard.append)
    store.change_in_background(
        lambda s: services.update_person(s, 999, given_name="ไม่มีใคร"),
        lambda _value: None,
        failures.append,
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], PrachumError) and heard == []
    database.close()


def test_her_updated_drafts_show_the_new_position_on_the_open_attendance_page(
    qtbot, open_window, db_path
):
    """Refreshing her copies in the draft meetings touches their attendance: the page that
    shows one of them reads it again (a topic chosen by hand once missed this)."""
    person, meeting = _person_in_a_draft(db_path)
    window = open_window(db_path)
    window.workspace.open_meeting(meeting)
    window.workspace.show_attendance()
    model = window.workspace.meeting.attendance.model
    assert model.index(0, POSITION).data() == "รองปลัด"

    def promote(s) -> None:
        services.update_person(s, person, position="ปลัดเทศบาล")
        services.refresh_snapshots(s, person)

    assert window.workspace.store.change(promote) is not None
    qtbot.waitUntil(lambda: model.index(0, POSITION).data() == "ปลัดเทศบาล", timeout=3000)


def test_people_made_by_a_report_reach_the_roster_without_being_announced(
    qtbot, open_window, db_path
):
    _person, _meeting = _person_in_a_draft(db_path)
    window = open_window(db_path)
    window.workspace.show_roster(2)
    people = window.workspace.roster.people.model
    before = people.rowCount()
    window.workspace.store.change(
        lambda s: services.create_person(s, honorific="นาย", given_name="ใหม่")
    )
    qtbot.waitUntil(lambda: people.rowCount() == before + 1, timeout=3000)
