"""The main window, driven as a secretary drives it: from an empty database to a meeting
with its attendance taken, by keyboard, then found again after a restart."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Attendance, Meeting, Network, Organization, Person
from desktop.ui.meeting.new_meeting import NewMeetingDialog
from desktop.ui.roster.network import NetworkDialog
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.roster.person import PersonDialog
from desktop.ui.shell.actions import ActionId

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def back_to(qtbot, window):
    """Make the window active again, as the window manager does when a dialog closes."""
    with qtbot.waitActive(window):
        window.activateWindow()


def focus(qtbot):
    """The widget with the keyboard focus: where a real key press would go."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    return QApplication.focusWidget()


def add_organization(qtbot, keys, network_dialog, name: str, short: str) -> None:
    keys.press(network_dialog.new_organization, Qt.Key.Key_Space)
    dialog = keys.dialog(OrganizationDialog)
    keys.type(dialog.name, name)
    keys.type(dialog.short_name, short)
    keys.press(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def add_person(qtbot, keys, window, person: tuple[str, str, str, str, str]) -> None:
    honorific, given, family, position, organization = person
    keys.press(window.workspace.roster.people.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(PersonDialog)
    keys.type(dialog.honorific.lineEdit(), honorific)
    keys.type(dialog.given_name, given)
    keys.type(dialog.family_name, family)
    keys.type(dialog.position, position)
    keys.type(dialog.organization.lineEdit(), organization)
    keys.press(dialog.given_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_network_its_people_a_meeting_and_attendance_by_keyboard_survive_a_restart(
    qtbot, keys, open_window, db_path, message_boxes
):
    window = open_window(db_path)
    assert window.workspace.pages.currentWidget() is window.workspace.welcome

    # A network with two organisations, made from the welcome page.
    keys.press(window.workspace.welcome.network_button, Qt.Key.Key_Space)
    network_dialog = keys.dialog(NetworkDialog)
    keys.type(network_dialog.name, "เครือข่ายเทศบาลลุ่มน้ำปิง")
    add_organization(qtbot, keys, network_dialog, "เทศบาลตำบลบ้านกลาง", "ทต.บ้านกลาง")
    add_organization(qtbot, keys, network_dialog, "องค์การบริหารส่วนตำบลทุ่งต้อม", "อบต.ทุ่งต้อม")
    keys.press(network_dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not network_dialog.isVisible())

    # Three people, through the roster's people tab.
    back_to(qtbot, window)
    keys.press(window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.pages.currentWidget() is window.workspace.roster
    for person in (
        ("นาย", "สมชาย", "ใจดี", "นายกเทศมนตรี", "เทศบาลตำบลบ้านกลาง"),
        ("นางสาว", "วิไล", "ศรีสุข", "รองปลัดเทศบาล", "เทศบาลตำบลบ้านกลาง"),
        ("นาง", "มาลี", "บุญมา", "นักวิเคราะห์นโยบายและแผน", "องค์การบริหารส่วนตำบลทุ่งต้อม"),
    ):
        add_person(qtbot, keys, window, person)
    assert window.workspace.roster.people.model.rowCount() == 3

    # A meeting: Ctrl+N, the proposed title and number, Enter.
    back_to(qtbot, window)
    keys.press(window, Qt.Key.Key_N, CTRL)
    meeting_dialog = keys.dialog(NewMeetingDialog)
    assert meeting_dialog.number.value() == 1
    keys.press(meeting_dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.meeting.meeting_id is not None)
    assert window.workspace.pages.currentWidget() is window.workspace.meeting

    # Attendance: Ctrl+2, then type a name and Enter, three times.
    back_to(qtbot, window)
    keys.press(window, Qt.Key.Key_2, CTRL)
    assert focus(qtbot) is window.workspace.meeting.attendance.view
    for letters in ("สมช", "วิไล", "บุญ"):
        keys.type(focus(qtbot), letters)
        keys.press(focus(qtbot), Qt.Key.Key_Return)
    # The last one came in present; she was in fact absent, on official duty.
    keys.press(focus(qtbot), Qt.Key.Key_Escape)
    assert focus(qtbot) is window.workspace.meeting.attendance.view
    keys.press(focus(qtbot), Qt.Key.Key_Space)
    reason_editor = focus(qtbot)
    keys.press(reason_editor, Qt.Key.Key_Down)  # ลา
    keys.press(reason_editor, Qt.Key.Key_Down)  # ติดราชการ
    keys.press(reason_editor, Qt.Key.Key_Return)

    assert "บันทึกแล้ว" in window.statusBar().currentMessage()
    counts = window.workspace.meeting.attendance.model.counts()
    assert (counts.present, counts.absent) == (2, 1)
    assert message_boxes.shown == []
    window.close()

    # Everything is in the file: read it back without the window …
    database = open_database(db_path)
    with database.session() as session:
        network = session.query(Network).one()
        assert [o.name for o in network.members] == [
            "เทศบาลตำบลบ้านกลาง",
            "องค์การบริหารส่วนตำบลทุ่งต้อม",
        ]
        assert session.query(Person).count() == 3
        meeting = session.query(Meeting).one()
        lines = {a.name: (a.status, a.absence_reason) for a in meeting.attendance}
        assert lines == {
            "นายสมชาย ใจดี": ("present", None),
            "นางสาววิไล ศรีสุข": ("present", None),
            "นางมาลี บุญมา": ("absent", "ติดราชการ"),
        }
    database.close()

    # … and in a new window, which opens on the same meeting.
    again = open_window(db_path)
    assert again.workspace.pages.currentWidget() is again.workspace.meeting
    assert again.workspace.meeting.meeting_id == meeting.id
    shown = {
        r.name: (r.status, r.absence_reason) for r in again.workspace.meeting.attendance.rows()
    }
    assert shown == lines


def test_an_empty_database_shows_the_welcome_page_and_a_filled_one_does_not(open_window, tmp_path):
    window = open_window(tmp_path / "empty.db")
    assert window.workspace.pages.currentWidget() is window.workspace.welcome
    assert not window.commands[ActionId.DETAILS].isEnabled()

    filled = tmp_path / "filled.db"
    database = open_database(filled)
    with database.session() as session:
        services.create_network(session, name="เครือข่ายทดสอบ")
    database.close()
    window = open_window(filled)
    assert window.workspace.pages.currentWidget() is not window.workspace.welcome


def _meetings(path):
    database = open_database(path)
    with database.session() as session:
        network = services.create_network(session, name="เครือข่ายเทศบาลลุ่มน้ำปิง")
        first = services.create_meeting(
            session, title="ประชุมคณะทำงาน", date=date(2024, 2, 14), network_id=network.id, number=1
        )
        services.add_agenda_item(
            session, first.id, title="โครงการธนาคารขยะ", category="for_consideration"
        )
        second = services.create_meeting(
            session, title="ประชุมคณะทำงาน", date=date(2024, 5, 8), network_id=network.id, number=2
        )
        third = services.create_meeting(
            session,
            title="สัมมนาเชิงปฏิบัติการ",
            date=date(2025, 1, 20),
            network_id=network.id,
            number=1,
        )
        ids = first.id, second.id, third.id
    database.close()
    return ids


def test_search_narrows_the_meeting_list_as_she_types(qtbot, keys, open_window, db_path):
    first, second, third = _meetings(db_path)
    window = open_window(db_path)
    navigator = window.workspace.navigator
    assert navigator.listed_meeting_ids() == [third, second, first]  # newest first

    keys.press(window, Qt.Key.Key_F, CTRL)
    assert focus(qtbot) is navigator.search
    keys.type(navigator.search, "ขยะ")  # only in an agenda item of the first meeting
    qtbot.waitUntil(lambda: navigator.listed_meeting_ids() == [first])

    navigator.search.clear()
    keys.type(navigator.search, "ประชุม")
    qtbot.waitUntil(lambda: navigator.listed_meeting_ids() == [second, first])

    navigator.search.clear()
    keys.type(navigator.search, "2/2567")  # the number as the list shows it
    qtbot.waitUntil(lambda: navigator.listed_meeting_ids() == [second])

    navigator.search.clear()
    qtbot.waitUntil(lambda: navigator.listed_meeting_ids() == [third, second, first])


def test_the_window_remembers_its_meeting_network_and_splitter(qtbot, open_window, db_path):
    _first, second, _third = _meetings(db_path)
    window = open_window(db_path)
    network_id = window.workspace.navigator.network_model.row(1).id
    window.workspace.navigator.choose_network(network_id)
    window.workspace.navigator.select_meeting(second)
    assert window.workspace.meeting.meeting_id == second
    # Narrow: the offscreen screen is 800 pixels wide, the window fits it, and the centre
    # needs most of it (its minimum may take a little of the 100 asked for).
    window.workspace.splitter.setSizes([100, 700])
    width = window.workspace.splitter.sizes()[0]
    assert 50 < width <= 100
    window.close()

    again = open_window(db_path)
    assert again.workspace.meeting.meeting_id == second
    assert again.workspace.navigator.network_id == network_id
    assert again.workspace.splitter.sizes()[0] == width
    assert again.settings.window_state("geometry") is not None


def test_meeting_details_are_stored_as_she_leaves_each_field(qtbot, keys, open_window, db_path):
    first, _second, _third = _meetings(db_path)
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(first)
    details = window.workspace.meeting.details
    details.venue.setFocus()
    keys.type(details.venue, "ห้องประชุมสภาเทศบาล")
    keys.press(details.venue, Qt.Key.Key_Tab)
    details.start.setFocus()
    keys.type(details.start, "9.30")
    keys.press(details.start, Qt.Key.Key_Return)
    details.date.edit.setFocus()
    details.date.edit.selectAll()
    keys.type(details.date.edit, "15/2/2567")
    keys.press(details.date.edit, Qt.Key.Key_Return)

    database = open_database(db_path)
    with database.session() as session:
        meeting = session.get(Meeting, first)
        assert meeting.venue == "ห้องประชุมสภาเทศบาล"
        assert meeting.start_time == time(9, 30)
        assert meeting.date == date(2024, 2, 15)
    database.close()
    assert "15 กุมภาพันธ์ 2567" in window.workspace.meeting.subheading.text()
    assert "บันทึกแล้ว" in window.statusBar().currentMessage()


def test_text_typed_just_before_the_window_closes_is_stored(keys, open_window, db_path):
    first, _second, _third = _meetings(db_path)
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(first)
    opening = window.workspace.meeting.details.opening
    opening.setFocus()
    keys.type(opening, "ประธานกล่าวเปิดการประชุม")
    window.close()  # well within the pause that would have stored it
    database = open_database(db_path)
    with database.session() as session:
        assert session.get(Meeting, first).opening == "ประธานกล่าวเปิดการประชุม"
    database.close()


def test_a_refused_change_shows_the_reason_and_changes_nothing(
    qtbot, keys, open_window, db_path, message_boxes
):
    first, _second, _third = _meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:
        services.update_meeting(session, first, start="09:30", end="12:00")
    database.close()
    window = open_window(db_path)
    window.workspace.navigator.select_meeting(first)
    end = window.workspace.meeting.details.end
    end.setFocus()
    end.selectAll()
    keys.type(end, "08.00")
    keys.press(end, Qt.Key.Key_Return)

    assert message_boxes.kinds() == ["warning"]
    assert "เวลาเลิกประชุมต้องไม่ก่อนเวลาเริ่มประชุม" in message_boxes.shown[0][2]
    assert end.text() == "12.00"  # the form shows what is stored again
    database = open_database(db_path)
    with database.session() as session:
        assert session.get(Meeting, first).end_time == time(12, 0)
    database.close()


def test_a_duplicate_organisation_is_refused_with_a_message_and_nothing_is_added(
    qtbot, keys, open_window, db_path, message_boxes
):
    _meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:
        services.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
    database.close()
    window = open_window(db_path)
    window.workspace.show_roster(1)
    keys.press(window.workspace.roster.organizations.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(OrganizationDialog)
    keys.type(dialog.name, "เทศบาลตำบลบ้านกลาง")
    keys.press(dialog.name, Qt.Key.Key_Return)

    assert message_boxes.kinds() == ["warning"]
    assert "มีหน่วยงาน เทศบาลตำบลบ้านกลาง อยู่แล้ว" in message_boxes.shown[0][2]
    assert dialog.isVisible()  # her typing is still there to correct
    database = open_database(db_path)
    with database.session() as session:
        assert session.query(Organization).count() == 1
        assert session.query(Attendance).count() == 0
    database.close()
    dialog.reject()
