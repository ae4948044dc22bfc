"""Templates on the agenda tab: the standard five and six items laid out in one step
(and undone in one), a meeting's agenda kept as the network's own template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.meeting.agenda.templates import TemplateNameDialog
from desktop.ui.shell.actions import ActionId


def menu_entries(agenda) -> list[str]:
    agenda.structure.fill_template_menu()
    return [a.text() for a in agenda.template_menu.actions() if a.text()]


def test_the_standard_templates_lay_out_an_empty_agenda_in_one_undo_step(
    qtbot, open_window, db_path
):
    ids = two_meetings(db_path, template=False)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    entries = menu_entries(agenda)
    assert any("มาตรฐาน 5 วาระ" in e and "5" in e for e in entries)
    assert any("มาตรฐาน 6 วาระ" in e for e in entries)
    five = next(a for a in agenda.template_menu.actions() if "มาตรฐาน 5 วาระ" in a.text())
    five.trigger()
    titles = [n.title for n in agenda.read().items]
    assert titles == [
        "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "รับรองรายงานการประชุมครั้งที่แล้ว",
        "เรื่องเสนอเพื่อพิจารณา",
        "เรื่องเพื่อทราบ",
        "เรื่องอื่น ๆ (ถ้ามี)",
    ]
    assert agenda.editor.node.title == titles[0]
    window.commands[ActionId.UNDO].trigger()
    assert agenda.read().items == ()
    settle(qtbot)


def test_an_agenda_saved_as_a_template_is_offered_to_the_networks_next_meeting(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(agenda.view.items[-1].id)
    agenda.new_item()
    keys.type(agenda.editor.title, "รายงานผลการดำเนินงานรายไตรมาส")
    agenda.structure.ask_template_name()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, TemplateNameDialog) and w.isVisible()
    )
    dialog.name.selectAll()
    keys.type(dialog.name, "วาระประจำไตรมาส")
    keys.press(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    database = open_database(db_path)
    with database.session() as session:
        template = next(
            t
            for t in services.list_templates(session, ids.network_id)
            if t.name == "วาระประจำไตรมาส"
        )
        assert template.network_id == ids.network_id
        assert [i.title for i in template.items][-1] == "รายงานผลการดำเนินงานรายไตรมาส"
        assert len(template.items) == 7
    database.close()
    assert any("วาระประจำไตรมาส" in e for e in menu_entries(agenda))
    assert "วาระประจำไตรมาส" in window.statusBar().currentMessage()
    settle(qtbot)


def test_the_status_bar_says_when_the_agenda_was_last_saved(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.editor.body.setFocus()
    keys.type(agenda.editor.body, "ประธานแจ้ง")
    assert agenda.read().items[0].body == ""
    agenda.tree.setFocus()  # leaving the field stores it at once
    assert agenda.read().items[0].body == "ประธานแจ้ง"
    assert window.statusBar().currentMessage().startswith("บันทึกแล้ว · ")
    assert window.statusBar().currentMessage().endswith(" น.")
    settle(qtbot)


def test_alt_down_in_a_date_field_still_opens_its_calendar(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    first = agenda.editor.node.id
    agenda.editor.actions_editor.new_action()
    actions = agenda.editor.actions_editor
    keys.press(actions.has_due, Qt.Key.Key_Space)
    actions.due.edit.setFocus()
    keys.press(actions.due.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert actions.due.popup.isVisible()
    assert agenda.editor.node.id == first  # not taken for "next item"
    actions.due.popup.hide()
    agenda.editor.body.setFocus()
    keys.press(agenda.editor.body, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert agenda.editor.node.id != first
    settle(qtbot)
