"""Meeting details and a new meeting: the proposed number, the template, last meeting's
people, and the chair chosen from the network's people."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Meeting
from desktop.ui.meeting.new_meeting import NewMeetingDialog


@pytest.fixture
def last_meeting(db_path):
    """A network's meeting no. 4 of 2567 with two people expected, and an outsider."""
    database = open_database(db_path)
    with database.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง")
        network = services.create_network(s, name="เครือข่ายลุ่มน้ำปิง", member_ids=[town.id])
        mayor = services.create_person(
            s, honorific="นาย", given_name="สมชาย", family_name="ใจดี", organization_id=town.id
        )
        clerk = services.create_person(
            s, honorific="นาง", given_name="มาลี", family_name="บุญมา", organization_id=town.id
        )
        services.create_person(s, honorific="นาย", given_name="คนนอก", family_name="เครือข่าย")
        meeting = services.create_meeting(
            s, title="ประชุมคณะทำงาน", date=date(2024, 6, 5), network_id=network.id, number=4
        )
        for person in (mayor, clerk):
            services.add_attendee(s, meeting.id, person.id)
        ids = {"network": network.id, "meeting": meeting.id, "mayor": mayor.id}
    database.close()
    return ids


def test_a_new_meeting_gets_the_next_number_the_standard_agenda_and_last_meetings_people(
    qtbot, keys, open_window, db_path, last_meeting
):
    window = open_window(db_path)
    window.workspace.navigator.choose_network(last_meeting["network"])
    dialog = window.workspace.new_meeting()
    assert dialog.title.text() == "ประชุมคณะทำงาน"
    dialog.date.edit.selectAll()
    keys.type(dialog.date.edit, "7/8/2567")
    keys.press(dialog.date.edit, Qt.Key.Key_Return)  # Enter saves the dialog
    qtbot.waitUntil(lambda: not dialog.isVisible())

    database = open_database(db_path)
    with database.session() as s:
        meeting = s.get(Meeting, window.workspace.meeting.meeting_id)
        assert (meeting.number, meeting.date) == (5, date(2024, 8, 7))
        assert [i.title for i in meeting.agenda][:2] == [
            "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
            "รับรองรายงานการประชุมครั้งที่แล้ว",
        ]
        assert sorted(a.name for a in meeting.attendance) == ["นางมาลี บุญมา", "นายสมชาย ใจดี"]
    database.close()


def test_the_number_starts_again_in_a_new_buddhist_era_year(
    keys, open_window, db_path, last_meeting
):
    window = open_window(db_path)
    window.workspace.navigator.choose_network(last_meeting["network"])
    dialog: NewMeetingDialog = window.workspace.new_meeting()
    dialog.date.edit.selectAll()
    keys.type(dialog.date.edit, "10/1/2568")
    dialog.date.commit()
    assert dialog.number.value() == 1
    assert dialog.number_label.text() == "ครั้งที่ 1/2568"
    dialog.reject()


def test_the_chair_is_chosen_from_the_networks_people_and_stored(
    keys, open_window, db_path, last_meeting
):
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(last_meeting["meeting"])
    window.workspace.show_details()
    chair = window.workspace.meeting.details.chair
    offered = [chair.itemText(i) for i in range(chair.count())]
    assert offered == ["(ไม่ระบุ)", "นางมาลี บุญมา", "นายสมชาย ใจดี"]  # not the outsider
    chair.setFocus()
    keys.press(chair, Qt.Key.Key_Down)
    keys.press(chair, Qt.Key.Key_Down)
    database = open_database(db_path)
    with database.session() as s:
        assert s.get(Meeting, last_meeting["meeting"]).chair_id == last_meeting["mayor"]
    database.close()


def test_enter_in_a_choice_goes_on_and_does_not_save_the_meeting(
    keys, open_window, db_path, last_meeting
):
    window = open_window(db_path)
    window.workspace.navigator.choose_network(last_meeting["network"])
    dialog: NewMeetingDialog = window.workspace.new_meeting()
    created: list[int] = []
    dialog.created.connect(created.append)
    dialog.mode.setFocus()
    keys.press(dialog.mode, Qt.Key.Key_Return)
    assert dialog.isVisible() and not created
    assert dialog.venue.hasFocus() or not dialog.mode.hasFocus()
    dialog.mode.set_code("online")
    platform = dialog.platform
    platform.setFocus()
    platform.lineEdit().clear()
    keys.type(platform.lineEdit(), "Zoom")
    keys.press(platform.lineEdit(), Qt.Key.Key_Return)
    assert dialog.isVisible() and not created
    assert platform.currentText() == "Zoom Meeting"  # the completion she accepted
    assert not platform.lineEdit().hasFocus()
    # Enter in the title still saves.
    dialog.title.setFocus()
    keys.press(dialog.title, Qt.Key.Key_Return)
    keys.qtbot.waitUntil(lambda: bool(created), timeout=3000)
