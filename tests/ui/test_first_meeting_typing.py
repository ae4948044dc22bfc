"""What the second walk-through of her first meeting still tripped over, each tried in the
window: Enter in the organisation box saves, the role follows the position, people
entered in a row, Ctrl+3 lands in the agenda tree, a pasted short name picks the owner,
the end time hints an end, and a new action's due date stays empty."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Action, Person
from desktop.ui.roster import PEOPLE_TAB
from desktop.ui.roster.person import PersonDialog
from desktop.ui.widgets.fields import end_hint

CTRL = Qt.KeyboardModifier.ControlModifier


def people(db_path) -> list[tuple[str, str | None, int | None, str]]:
    database = open_database(db_path)
    with database.session() as s:
        found = [
            (p.given_name, p.position, p.organization_id, p.role)
            for p in s.query(Person).order_by(Person.id)
        ]
    database.close()
    return found


@pytest.fixture
def person_dialog(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    window = open_window(db_path)
    window.workspace.show_roster(PEOPLE_TAB)
    keys.press(window.workspace.roster.people.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(PersonDialog)
    qtbot.waitExposed(dialog)
    return dialog, ids


def test_enter_in_the_organisation_box_saves_with_the_one_it_names(
    qtbot, keys, db_path, person_dialog
):
    dialog, ids = person_dialog
    keys.type(dialog.given_name, "ประภา")
    dialog.organization.setFocus()
    keys.type(dialog.organization.lineEdit(), "ทุ่งต้อม")  # a part of its name
    keys.press(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert people(db_path)[-1][::2] == ("ประภา", ids.sao_id)


def test_a_pasted_short_name_is_the_organisation(qtbot, keys, db_path, person_dialog):
    dialog, ids = person_dialog
    keys.type(dialog.given_name, "ประภา")
    dialog.organization.setEditText("ทต.บ้านกลาง")
    keys.press(dialog.organization.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert people(db_path)[-1][2] == ids.host_id


def test_a_pasted_short_name_opens_the_list_on_its_organisation(qtbot, person_dialog):
    dialog, _ids = person_dialog
    box = dialog.organization
    box.setFocus()
    line = box.lineEdit()
    line.selectAll()
    QApplication.clipboard().setText("ทต.บ้านกลาง")
    line.paste()  # one edit of the whole text
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["เทศบาลตำบลบ้านกลาง"]
    assert line.text() == "ทต.บ้านกลาง"  # what she pasted is left as it was


@pytest.mark.parametrize(
    ("position", "role"),
    [
        ("นายกเทศมนตรีเมืองลำพูน", "executive"),
        ("รองนายกองค์การบริหารส่วนตำบลทุ่งต้อม", "executive"),
        ("ปลัดเทศบาลตำบลบ้านกลาง", "clerk"),
        ("รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลเมืองลำพูน", "deputy_clerk"),
        ("สมาชิกสภาเทศบาล", "council"),
        ("ปลัดอำเภอเมืองลำพูน", "officer"),
        ("นักพัฒนาชุมชนชำนาญการ", "officer"),
    ],
)
def test_the_role_follows_the_position_she_types(keys, person_dialog, position, role):
    dialog, _ids = person_dialog
    keys.type(dialog.position, position)
    assert dialog.role.code() == role


def test_a_role_she_chose_is_not_guessed_over(keys, person_dialog):
    dialog, _ids = person_dialog
    dialog.role.setCurrentIndex(dialog.role.findData("guest"))
    dialog.role.activated.emit(dialog.role.currentIndex())
    keys.type(dialog.position, "นายกเทศมนตรี")
    assert dialog.role.code() == "guest"


def test_save_and_add_another_person_keeps_the_organisation(qtbot, keys, db_path, person_dialog):
    dialog, ids = person_dialog
    keys.type(dialog.given_name, "ประภา")
    keys.type(dialog.position, "นายกองค์การบริหารส่วนตำบลทุ่งต้อม")
    dialog.organization.setCurrentIndex(dialog.organization.findData(ids.sao_id))
    dialog.add_another.click()
    assert dialog.isVisible()
    assert dialog.given_name.text() == "" and dialog.position.text() == ""
    assert dialog.organization.currentData() == ids.sao_id
    assert dialog.role.code() == "officer"
    assert "ประภา" in dialog.saved_note.text()
    assert QApplication.focusWidget() is dialog.first_field()
    keys.type(dialog.given_name, "สมศรี")
    keys.type(dialog.position, "ปลัดองค์การบริหารส่วนตำบลทุ่งต้อม")
    dialog.accept()
    assert people(db_path)[-2:] == [
        ("ประภา", "นายกองค์การบริหารส่วนตำบลทุ่งต้อม", ids.sao_id, "executive"),
        ("สมศรี", "ปลัดองค์การบริหารส่วนตำบลทุ่งต้อม", ids.sao_id, "clerk"),
    ]


def test_ctrl_3_puts_her_in_the_agenda_tree_on_her_item(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    third = agenda.model.index(2, 0)
    agenda.tree.setCurrentIndex(third)
    window.workspace.show_details()
    keys.press(window, Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is agenda.tree, timeout=2000)
    assert agenda.tree.currentIndex() == third
    # Ctrl+Shift+Enter from there adds under the item she sees chosen, not under item 1.
    title = agenda.model.data(third)
    keys.press(agenda.tree, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert agenda.model.data(agenda.tree.currentIndex().parent()) == title


def test_a_pasted_short_name_picks_the_owner_of_an_action(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    actions = agenda.editor.actions_editor
    actions.new_action()
    owner = actions.owner
    owner.setFocus()
    owner.setEditText("อบต.ทุ่งต้อม")
    keys.press(owner.lineEdit(), Qt.Key.Key_Return)
    settle(qtbot)
    assert owner.currentData() == f"o:{ids.sao_id}"
    database = open_database(db_path)
    with database.session() as s:
        stored = s.get(Action, actions.action_id)
        assert (stored.owner_organization_id, stored.due) == (ids.sao_id, None)
    database.close()
    # Text naming nobody goes back to the owner chosen.
    owner.setEditText("ไม่มีหน่วยงานนี้")
    owner.lineEdit().editingFinished.emit()
    assert owner.currentData() == f"o:{ids.sao_id}"


def test_a_new_action_shows_no_due_date_until_she_picks_one(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    actions = agenda.editor.actions_editor
    actions.new_action()
    assert not actions.has_due.isChecked()
    assert actions.due.edit.text() == ""
    assert actions.due.edit.placeholderText()
    assert not actions.due.isEnabled()
    actions.has_due.setChecked(True)
    assert actions.due.edit.text() != ""


def test_the_end_time_hints_an_end_not_the_start(qtbot, keys, open_window, db_path):
    window = open_window(db_path)
    dialog = window.workspace.new_meeting()
    qtbot.waitExposed(dialog)
    assert dialog.end.placeholderText() == "12.00"
    dialog.start.setText("13.30")
    assert dialog.end.placeholderText() == "16.30"
    assert (end_hint(None), end_hint(time(9, 30)), end_hint(time(13))) == (
        "12.00",
        "12.00",
        "16.30",
    )
    dialog.reject()


def test_guess_role_reads_the_held_position_only():
    assert services.guess_role("รองปลัดเทศบาล ร.ร.ท. ปลัดเทศบาล") == "deputy_clerk"
    assert services.guess_role("นาย ก ข") is None  # a name, not นายก…
    assert services.guess_role("นายกอบต.ทุ่งต้อม") == "executive"
    assert services.guess_role(None) is None


def test_the_window_opens_again_where_she_was(qtbot, open_window, db_path):
    # Leaving the demo opens her file again: on the agenda item she was at, not the
    # meeting's details.
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    item = agenda.view.items[3].id
    agenda.choose(item)
    window.close()
    again = open_window(db_path)
    tools = again.workspace.minutes_tools
    qtbot.waitUntil(
        lambda: again.workspace.meeting.tabs.currentWidget() is tools.agenda, timeout=2000
    )
    assert tools.agenda.editor.node is not None and tools.agenda.editor.node.id == item
    again.workspace.show_attendance()
    again.close()
    third = open_window(db_path)
    assert third.workspace.meeting.tabs.currentIndex() == 1  # the attendance tab


def test_qt_file_dialogs_list_dates_in_be(qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.widgets.file_dialogs import MODIFIED_COLUMN, SIZE_COLUMN, file_size_text

    (tmp_path / "รายงานการประชุม.docx").write_bytes(b"x" * 13_500)
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    # Given by the application when the dialog takes the focus, as the static
    # functions' dialogs do.
    qtbot.waitUntil(lambda: dialog.proxyModel() is not None, timeout=3000)
    model = dialog.proxyModel()
    root = model.mapFromSource(model.sourceModel().index(str(tmp_path)))
    qtbot.waitUntil(lambda: model.rowCount(root) == 1, timeout=3000)
    shown = model.index(0, MODIFIED_COLUMN, root).data()
    assert str(date.today().year + 543) in shown and shown.endswith("น.")
    assert model.index(0, SIZE_COLUMN, root).data() == "14 KB"  # not Qt's "13.2 KiB"
    assert [file_size_text(n) for n in (0, 1, 1024, 1025, 2_500_000, 3 * 1024**3)] == [
        "0 KB",
        "1 KB",
        "1 KB",
        "2 KB",
        "2.4 MB",
        "3.0 GB",
    ]
    dialog.reject()
