"""The roster: duplicates warned about before they exist, deactivation, filtering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Organization, Person
from desktop.ui.roster import ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.roster.person import PersonDialog


@pytest.fixture
def roster_db(db_path):
    database = open_database(db_path)
    with database.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง", short_name="ทต.บ้านกลาง")
        services.create_network(s, name="เครือข่ายลุ่มน้ำปิง", member_ids=[town.id])
        services.create_person(
            s, honorific="นาย", given_name="สมชาย", family_name="ใจดี", organization_id=town.id
        )
        services.create_person(s, honorific="นาง", given_name="มาลี", family_name="บุญมา")
    database.close()


def count(db_path, model) -> int:
    database = open_database(db_path)
    with database.session() as s:
        found = s.query(model).count()
    database.close()
    return found


@pytest.fixture
def roster(open_window, db_path, roster_db):
    window = open_window(db_path)
    window.workspace.show_roster(PEOPLE_TAB)
    return window.workspace.roster


@pytest.mark.parametrize("insist", [False, True])
def test_a_second_person_with_the_same_name_is_warned_about_first(
    keys, roster, db_path, message_boxes, insist
):
    message_boxes.answer = (
        QMessageBox.StandardButton.Yes if insist else QMessageBox.StandardButton.No
    )
    keys.press(roster.people.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(PersonDialog)
    keys.type(dialog.given_name, "สมชาย")
    keys.type(dialog.family_name, "ใจดี")
    keys.press(dialog.given_name, Qt.Key.Key_Return)

    assert message_boxes.kinds() == ["question"]
    assert "นายสมชาย ใจดี — เทศบาลตำบลบ้านกลาง" in message_boxes.shown[0][2]
    assert count(db_path, Person) == (3 if insist else 2)
    assert dialog.isVisible() is not insist
    dialog.reject()


def test_an_organisation_known_by_its_short_name_is_warned_about_first(
    keys, roster, db_path, message_boxes
):
    message_boxes.answer = QMessageBox.StandardButton.No
    roster.show_tab(ORGANIZATIONS_TAB)
    keys.press(roster.organizations.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(OrganizationDialog)
    keys.type(dialog.name, "ทต.บ้านกลาง")
    keys.press(dialog.name, Qt.Key.Key_Return)
    assert message_boxes.kinds() == ["question"]
    assert "เทศบาลตำบลบ้านกลาง" in message_boxes.shown[0][2]
    assert count(db_path, Organization) == 1
    dialog.reject()


def test_a_person_is_deactivated_not_deleted(keys, roster, db_path):
    people = roster.people
    people.view.setCurrentIndex(people.model.index(0, 0))
    name = people.model.row(0).display_name
    keys.press(people.active_button, Qt.Key.Key_Space)
    assert name not in [people.model.row(r).display_name for r in range(people.model.rowCount())]
    assert count(db_path, Person) == 2

    keys.press(people.show_inactive, Qt.Key.Key_Space)
    shown = [people.model.index(r, 0).data() for r in range(people.model.rowCount())]
    assert f"{name} (เลิกใช้งาน)" in shown


def test_the_people_filter_narrows_as_she_types(keys, roster):
    people = roster.people
    assert people.model.rowCount() == 2
    keys.type(people.filter, "บ้านกลาง")  # by organisation
    assert [people.model.row(r).given_name for r in range(people.model.rowCount())] == ["สมชาย"]
    people.filter.clear()
    keys.type(people.filter, ";y")  # วั… typed on the English layout: nobody
    assert people.model.rowCount() == 0
    people.filter.clear()
    keys.type(people.filter, ",k]u")  # มาลี typed on the English layout
    assert [people.model.row(r).given_name for r in range(people.model.rowCount())] == ["มาลี"]
    assert people.total.text() == "แสดง 1 จาก 2 คน"


def test_her_own_honorifics_are_offered_when_adding_a_person(keys, roster):
    roster.settings.honorifics = ["ผู้ใหญ่บ้าน", "นาย"]
    keys.press(roster.people.add_button, Qt.Key.Key_Space)
    dialog = keys.dialog(PersonDialog)
    offered = [dialog.honorific.itemText(i) for i in range(dialog.honorific.count())]
    assert offered[:2] == ["ผู้ใหญ่บ้าน", "นาย"]
    assert "นาง" in offered  # used in the roster already
    dialog.reject()


def test_the_people_command_puts_her_in_the_filter_with_a_row_chosen(
    qtbot, keys, open_window, db_path, roster_db
):
    from ui.test_agenda_keyboard import focused

    from desktop.ui.shell.actions import ActionId

    window = open_window(db_path)
    window.commands[ActionId.PEOPLE].trigger()
    roster = window.workspace.roster
    assert focused(qtbot) is roster.people.filter
    # Edit works at once: a row is chosen without a click.
    assert roster.people.current_row() == 0
    assert roster.people.edit_button.isEnabled()
    keys.type(focused(qtbot), "มาลี")
    assert roster.person_model.rowCount() == 1
