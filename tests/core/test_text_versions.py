"""Never overwrite silently: text carries a version the database checks; choices do not.

Two windows are two open databases on the same file or server database, each with its
own connections, as two computers would be.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Action, AgendaItem, Attendance, Meeting
from desktop.core.services.agenda_view import read_agenda
from desktop.core.text_versions import EditConflict, operating_system_user


@pytest.fixture
def two_windows(db_arg):
    first, second = open_database(db_arg), open_database(db_arg)
    yield first, second
    first.close()
    second.close()


def _meeting(db) -> tuple[int, int]:
    with db.session() as s:
        meeting = services.create_meeting(s, title="ประชุมเครือข่าย", date=date(2026, 5, 1))
        item = services.add_agenda_item(s, meeting.id, title="เรื่องงบประมาณ", body="ร่างแรก")
        return meeting.id, item.id


def _node(db, meeting_id: int, item_id: int):
    with db.reading() as s:
        return read_agenda(s, meeting_id).find(item_id)


def _stored(db, model, ident):
    with db.reading() as s:
        return s.get(model, ident)


def _user(db) -> str:
    if db.address is None:
        return operating_system_user()
    with db.reading() as s:
        return s.execute(text("SELECT current_user")).scalar_one()


def test_an_edit_on_text_changed_since_is_refused_with_what_the_other_stored(two_windows):
    mine, theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    seen = _node(mine, meeting_id, item_id)  # both windows show version 1
    assert seen.version == 1
    with theirs.session() as s:
        services.update_agenda_item(
            s, item_id, body="ข้อความของสมศรี", version=seen.version, base={"body": seen.body}
        )
    with pytest.raises(EditConflict) as refused, mine.session() as s:
        services.update_agenda_item(
            s, item_id, body="ข้อความของฉัน", version=seen.version, base={"body": seen.body}
        )
    conflict = refused.value
    assert conflict.theirs == {"body": "ข้อความของสมศรี"}
    assert conflict.version == 2
    assert conflict.who == _user(theirs) and conflict.who
    assert conflict.when is not None
    assert _stored(mine, AgendaItem, item_id).body == "ข้อความของสมศรี"  # theirs untouched

    # She keeps hers: stored over theirs, at their version.
    with mine.session() as s:
        kept = services.update_agenda_item(
            s, item_id, body="ข้อความของฉัน", version=conflict.version, base=conflict.theirs
        )
        assert kept.version == 3
    assert _stored(theirs, AgendaItem, item_id).body == "ข้อความของฉัน"


def test_the_refusal_is_in_the_update_itself_not_a_read_before_it(two_windows):
    """The stored version moves on behind the service's back (another program's UPDATE):
    the versioned UPDATE still matches no row, so nothing read in Python can be stale."""
    mine, _theirs = two_windows
    _meeting_id, item_id = _meeting(mine)
    with mine.session() as s:
        s.execute(
            text("UPDATE agenda_items SET body = 'จากที่อื่น', version = version + 1 WHERE id = :i"),
            {"i": item_id},
        )
    with pytest.raises(EditConflict), mine.session() as s:
        services.update_agenda_item(s, item_id, body="ของฉัน", version=1, base={"body": "ร่างแรก"})
    assert _stored(mine, AgendaItem, item_id).body == "จากที่อื่น"


def test_another_field_changed_since_is_no_conflict(two_windows):
    mine, theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    seen = _node(mine, meeting_id, item_id)
    with theirs.session() as s:
        services.update_agenda_item(s, item_id, resolution="อนุมัติ", version=seen.version)
    with mine.session() as s:
        services.update_agenda_item(
            s, item_id, body="ร่างที่สอง", version=seen.version, base={"body": seen.body}
        )
    stored = _stored(theirs, AgendaItem, item_id)
    assert (stored.body, stored.resolution, stored.version) == ("ร่างที่สอง", "อนุมัติ", 3)


def test_every_path_that_writes_text_makes_a_version(two_windows):
    """The command line and imports write without a version: the flush stamps them, so a
    window's edit made before them is refused all the same."""
    mine, theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    with theirs.session() as s:  # the ORM way (category and title together)
        services.update_agenda_item(s, item_id, title="เรื่องใหม่", category="for_consideration")
        services.update_meeting(s, meeting_id, venue="ห้องประชุมใหญ่")
    with theirs.session() as s:  # a choice alone makes no version
        services.update_meeting(s, meeting_id, start="09.30")
    assert _stored(mine, AgendaItem, item_id).version == 2
    assert _stored(mine, Meeting, meeting_id).version == 2
    assert _stored(mine, Meeting, meeting_id).last_changed_by == _user(theirs)
    with pytest.raises(EditConflict) as refused, mine.session() as s:
        services.update_agenda_item(
            s, item_id, title="ชื่อของฉัน", version=1, base={"title": "เรื่องงบประมาณ"}
        )
    assert refused.value.theirs == {"title": "เรื่องใหม่"}


def test_meeting_details_points_and_actions_are_versioned_too(two_windows):
    mine, theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    with mine.session() as s:
        action = services.add_action(s, item_id, text="จัดทำรายงาน")
        action_id = action.id
        services.set_resolution_points(s, item_id, ["ข้อหนึ่ง"])
    item_version = _stored(mine, AgendaItem, item_id).version
    assert item_version == 2  # the points are text of their item

    with theirs.session() as s:
        services.update_meeting(s, meeting_id, version=1, venue="ห้องของเขา", base={"venue": None})
        services.set_resolution_points(
            s, item_id, ["ข้อของเขา"], version=item_version, base=["ข้อหนึ่ง"]
        )
        services.update_action(s, action_id, text="งานของเขา", version=1, base="จัดทำรายงาน")

    with pytest.raises(EditConflict) as venue, mine.session() as s:
        services.update_meeting(s, meeting_id, version=1, venue="ห้องของฉัน", base={"venue": None})
    assert venue.value.theirs == {"venue": "ห้องของเขา"}
    with pytest.raises(EditConflict) as points, mine.session() as s:
        services.set_resolution_points(
            s, item_id, ["ข้อของฉัน"], version=item_version, base=["ข้อหนึ่ง"]
        )
    assert points.value.theirs == {"points": ["ข้อของเขา"]}
    with pytest.raises(EditConflict) as action_text, mine.session() as s:
        services.update_action(s, action_id, text="งานของฉัน", version=1, base="จัดทำรายงาน")
    assert action_text.value.theirs == {"text": "งานของเขา"}

    with mine.reading() as s:
        node = read_agenda(s, meeting_id).find(item_id)
        assert node.points == ("ข้อของเขา",)
        assert node.actions[0].text == "งานของเขา"
        assert s.get(Meeting, meeting_id).venue == "ห้องของเขา"


def test_a_final_meeting_still_refuses_a_versioned_edit_as_final(two_windows):
    mine, _theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    with mine.session() as s:
        services.finalise_meeting(s, meeting_id)
    with pytest.raises(Exception, match="final") as refused, mine.session() as s:
        services.update_agenda_item(s, item_id, body="สาย", version=1, base={"body": "ร่างแรก"})
    assert not isinstance(refused.value, EditConflict)


# --- choices: the last one stored wins, and nothing is refused ----------------------------


def test_the_same_row_ticked_twice_ends_in_the_last_tick_with_no_message(two_windows):
    mine, theirs = two_windows
    meeting_id, item_id = _meeting(mine)
    with mine.session() as s:
        person = services.create_person(s, honorific="นาง", given_name="สมศรี")
        line = services.add_attendee(s, meeting_id, person.id)
        line_id = line.id
        action_id = services.add_action(s, item_id, text="ติดตามผล").id
        second = services.add_agenda_item(s, meeting_id, title="เรื่องที่สอง").id

    # Both read the row as it was, then both store a choice: no version, no refusal.
    with mine.session() as s:
        services.update_attendance(s, line_id, status="absent", absence_reason="ติดราชการ")
    with theirs.session() as s:
        services.update_attendance(s, line_id, status="absent", absence_reason="ลาป่วย")
    with mine.session() as s:
        services.update_attendance(s, line_id, joined="09.45")
    with theirs.session() as s:
        services.update_attendance(s, line_id, joined="10.05")
    with mine.session() as s:
        services.update_action(s, action_id, done=True)
    with theirs.session() as s:
        services.update_action(s, action_id, done=False)
    with mine.session() as s:
        services.move_agenda_item(s, second, -1)
    with theirs.session() as s:
        services.move_agenda_item(s, second, -1)  # already first: stays first

    with mine.reading() as s:
        line = s.get(Attendance, line_id)
        assert (line.status, line.absence_reason) == ("absent", "ลาป่วย")
        assert line.joined.strftime("%H.%M") == "10.05"
        assert s.get(Action, action_id).done is False
        assert s.get(Action, action_id).version == 1  # a tick is no new text
        order = s.scalars(
            select(AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.sort_order)
        ).all()
        assert order == [second, item_id]
        assert s.get(AgendaItem, item_id).version == 1  # nor is its place
