"""Taking attendance during a live call: find, tick, add, create, all from the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Attendance, Meeting, Person
from desktop.ui.meeting.attendance_model import REASON, STATUS
from desktop.ui.roster.person import PersonDialog


@pytest.fixture
def network_db(db_path):
    """A network of two authorities, a guest agency, four people, two meetings.

    The first meeting expects three people (วิไล absent); the second expects nobody yet.
    """
    database = open_database(db_path)
    with database.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง", short_name="ทต.บ้านกลาง")
        sao = services.create_organization(s, name="องค์การบริหารส่วนตำบลทุ่งต้อม", kind="sao")
        guest = services.create_organization(s, name="มูลนิธิพัฒนาเมืองน่าอยู่", kind="agency")
        network = services.create_network(s, name="เครือข่ายลุ่มน้ำปิง", member_ids=[town.id, sao.id])
        people = {
            "somchai": services.create_person(
                s, honorific="นาย", given_name="สมชาย", family_name="ใจดี", organization_id=town.id
            ),
            "wilai": services.create_person(
                s, honorific="นางสาว", given_name="วิไล", family_name="ศรีสุข", organization_id=town.id
            ),
            "malee": services.create_person(
                s, honorific="นาง", given_name="มาลี", family_name="บุญมา", organization_id=sao.id
            ),
            "john": services.create_person(
                s, honorific="Mr.", given_name="John", family_name="Smith", organization_id=guest.id
            ),
        }
        first = services.create_meeting(
            s, title="ประชุมครั้งแรก", date=date(2024, 2, 14), network_id=network.id, number=1
        )
        for key in ("somchai", "wilai", "malee"):
            services.add_attendee(s, first.id, people[key].id)
        wilai_line = next(a for a in first.attendance if a.person_id == people["wilai"].id)
        services.mark_absent(s, wilai_line.id, "ลา")
        second = services.create_meeting(
            s, title="ประชุมครั้งที่สอง", date=date(2024, 5, 8), network_id=network.id, number=2
        )
        ids = {key: p.id for key, p in people.items()}
        ids.update(first=first.id, second=second.id)
    database.close()
    return ids


def lines(db_path, meeting_id):
    database = open_database(db_path)
    with database.session() as s:
        found = {
            a.person.given_name: (a.status, a.absence_reason, a.group)
            for a in s.get(Meeting, meeting_id).attendance
        }
    database.close()
    return found


@pytest.fixture
def attendance(open_window, db_path, network_db):
    """The attendance tab of the first meeting, the table focused."""
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(network_db["first"])
    window.workspace.show_attendance()
    return window.workspace.meeting.attendance


def focused():
    return QApplication.focusWidget()


def type_in_table(keys, page, text: str) -> None:
    """The first letter goes to the table, which hands it to the finder; the rest follow
    the focus, as real key presses do."""
    keys.type(page.view, text[0])
    keys.type(focused(), text[1:])


def test_typing_a_few_letters_jumps_to_the_person_and_enter_marks_her_present(
    keys, attendance, db_path, network_db
):
    type_in_table(keys, attendance, "ศรีส")
    assert focused() is attendance.finder
    assert attendance.model.row(attendance.view.currentIndex().row()).name == "นางสาววิไล ศรีสุข"
    keys.press(focused(), Qt.Key.Key_Return)
    assert lines(db_path, network_db["first"])["วิไล"] == ("present", None, "member")
    assert attendance.finder.text() == ""


def test_letters_typed_with_the_english_layout_still_find_the_thai_name(keys, attendance):
    type_in_table(keys, attendance, "l,=kp")  # สมชาย, typed with the keyboard left on English
    assert attendance.model.row(attendance.view.currentIndex().row()).name == "นายสมชาย ใจดี"


def test_an_english_name_is_found_as_typed(keys, attendance, db_path, network_db):
    type_in_table(keys, attendance, "smi")
    assert attendance.suggestion_texts()[0].startswith("เพิ่ม: Mr. John Smith")
    keys.press(focused(), Qt.Key.Key_Return)
    # Not from a member organisation: a participant, present.
    assert lines(db_path, network_db["first"])["John"] == ("present", None, "participant")


def test_someone_not_expected_is_added_from_the_roster_with_enter(
    keys, open_window, db_path, network_db
):
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(network_db["second"])
    window.workspace.show_attendance()
    page = window.workspace.meeting.attendance
    type_in_table(keys, page, "มาลี")
    assert page.suggestion_texts()[0].startswith("เพิ่ม: นางมาลี บุญมา")
    keys.press(focused(), Qt.Key.Key_Return)
    assert lines(db_path, network_db["second"]) == {"มาลี": ("present", None, "member")}
    assert page.model.counts().present == 1
    assert "นางมาลี บุญมา: มาประชุม" in window.statusBar().currentMessage()


def test_a_new_person_is_created_in_one_small_dialog_and_put_on_the_list(
    qtbot, keys, attendance, db_path, network_db
):
    type_in_table(keys, attendance, "นายสุเมธ ขยันยิ่ง")
    texts = attendance.suggestion_texts()
    assert texts == ["เพิ่มบุคคลใหม่ “นายสุเมธ ขยันยิ่ง”…"]
    keys.press(focused(), Qt.Key.Key_Return)
    dialog = keys.dialog(PersonDialog)
    assert (
        dialog.honorific.currentText(),
        dialog.given_name.text(),
        dialog.family_name.text(),
    ) == (
        "นาย",
        "สุเมธ",
        "ขยันยิ่ง",
    )
    keys.press(dialog.given_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert lines(db_path, network_db["first"])["สุเมธ"] == ("present", None, "participant")


def test_space_and_a_click_on_the_status_toggle_present_and_absent(
    qtbot, keys, attendance, db_path, network_db
):
    view = attendance.view
    view.setCurrentIndex(attendance.model.index(0, 0))
    name = attendance.model.row(0).name
    keys.press(view, Qt.Key.Key_Space)
    editor = focused()
    assert editor is not view  # the reason is asked at once
    keys.press(editor, Qt.Key.Key_Escape)
    first_name = name.split()[0].removeprefix("นาย").removeprefix("นางสาว").removeprefix("นาง")
    assert lines(db_path, network_db["first"])[first_name][0] == "absent"

    rect = view.visualRect(attendance.model.index(0, STATUS))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lines(db_path, network_db["first"])[first_name][0] == "present"


def test_the_reason_can_be_typed_in_her_own_words(qtbot, keys, attendance, db_path, network_db):
    row = next(i for i, r in enumerate(attendance.rows()) if r.status == "absent")
    attendance.view.setCurrentIndex(attendance.model.index(row, REASON))
    keys.press(attendance.view, Qt.Key.Key_F2)
    editor = focused()
    editor.lineEdit().selectAll()
    keys.type(editor, "ไปราชการต่างจังหวัด")
    keys.press(editor, Qt.Key.Key_Return)  # the table stores it as the editor closes
    qtbot.waitUntil(
        lambda: (
            lines(db_path, network_db["first"])["วิไล"] == ("absent", "ไปราชการต่างจังหวัด", "member")
        )
    )


def test_copy_from_last_meeting_expects_the_same_people(keys, open_window, db_path, network_db):
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(network_db["second"])
    window.workspace.show_attendance()
    page = window.workspace.meeting.attendance
    keys.press(page.copy_button, Qt.Key.Key_Space)
    assert sorted(r.name for r in page.rows()) == [
        "นางมาลี บุญมา",
        "นางสาววิไล ศรีสุข",
        "นายสมชาย ใจดี",
    ]
    assert "มาประชุม 3 คน" in page.counts.text()


def test_the_whole_network_is_added_with_one_click(keys, open_window, db_path, network_db):
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(network_db["second"])
    window.workspace.show_attendance()
    page = window.workspace.meeting.attendance
    keys.press(page.network_button, Qt.Key.Key_Space)
    # The network's three people; the agency's guest is not a member.
    assert sorted(r.name for r in page.rows()) == [
        "นางมาลี บุญมา",
        "นางสาววิไล ศรีสุข",
        "นายสมชาย ใจดี",
    ]
    keys.press(page.network_button, Qt.Key.Key_Space)
    assert len(page.rows()) == 3, "nobody twice"


def test_removing_someone_asks_first(keys, attendance, db_path, network_db, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    attendance.view.setCurrentIndex(attendance.model.index(0, 0))
    message_boxes.answer = QMessageBox.StandardButton.No
    keys.press(attendance.view, Qt.Key.Key_Delete)
    assert len(lines(db_path, network_db["first"])) == 3
    message_boxes.answer = QMessageBox.StandardButton.Yes
    keys.press(attendance.view, Qt.Key.Key_Delete)
    assert len(lines(db_path, network_db["first"])) == 2
    assert message_boxes.kinds() == ["question", "question"]


def test_a_final_meeting_refuses_changes_with_a_message(
    keys, open_window, db_path, network_db, message_boxes
):
    database = open_database(db_path)
    with database.session() as s:
        services.finalise_meeting(s, network_db["first"])
    database.close()
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(network_db["first"])
    window.workspace.show_attendance()
    page = window.workspace.meeting.attendance
    assert not page.finder.isEnabled()
    page.view.setCurrentIndex(page.model.index(0, 0))
    keys.press(page.view, Qt.Key.Key_Space)
    assert message_boxes.kinds() == ["warning"]
    assert "ปิดแล้ว" in message_boxes.shown[0][2]
    database = open_database(db_path)
    with database.session() as s:
        assert [a.status for a in s.query(Attendance).order_by(Attendance.id)][:1] == ["present"]
        assert s.query(Person).count() == 4
    database.close()
