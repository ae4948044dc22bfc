"""What a secretary tripped over in the dialogs of her first meeting: typing kept unless
she says so, the name field first, the kind guessed, members ticked at once, deletions
that say what depends, and the new meeting's end time, place and agenda preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.shell.actions import ActionId


def _window_with(open_window, db_path, fill):
    database = open_database(db_path)
    with database.session() as session:
        fill(session)
    database.close()
    return open_window(db_path)


def test_escape_in_a_dialog_with_typing_asks_first(
    qtbot, keys, open_window, db_path, message_boxes
):
    window = open_window(db_path)
    dialog = window.workspace.new_network()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name  # she types the name at once
    keys.type(dialog.name, "เครือข่ายลุ่มน้ำ")
    message_boxes.answer = message_boxes.answer.No
    keys.press(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "เครือข่ายลุ่มน้ำ"
    assert message_boxes.kinds() == ["question"]
    message_boxes.answer = message_boxes.answer.Yes
    dialog.reject()
    assert not dialog.isVisible()


def test_an_empty_dialog_closes_without_asking(qtbot, keys, open_window, db_path, message_boxes):
    window = open_window(db_path)
    dialog = window.workspace.new_network()
    qtbot.waitExposed(dialog)
    keys.press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert message_boxes.shown == []


def test_the_network_dialog_says_which_organisations_it_keeps(
    qtbot, keys, open_window, db_path, message_boxes
):
    window = open_window(db_path)
    dialog = window.workspace.new_network()
    qtbot.waitExposed(dialog)
    dialog.new_organization.click()
    organization = keys.dialog(OrganizationDialog)
    keys.type(organization.name, "เทศบาลตำบลบ้านกลาง")
    organization.accept()
    dialog.reject()
    _kind, _title, text = message_boxes.shown[-1]
    assert "เทศบาลตำบลบ้านกลาง" in text


def test_the_kind_and_short_name_follow_the_name_and_save_and_add_another(
    qtbot, keys, open_window, db_path
):
    window = open_window(db_path)
    dialog = window.workspace.roster.edit_organization(None)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    keys.type(dialog.name, "องค์การบริหารส่วนตำบลทุ่งต้อม")
    assert dialog.kind.code() == "sao"
    assert dialog.short_name.text() == "อบต.ทุ่งต้อม"
    dialog.add_another.click()
    assert dialog.isVisible() and dialog.name.text() == ""
    assert "ทุ่งต้อม" in dialog.saved_note.text()
    keys.type(dialog.name, "เทศบาลเมืองลำพูน")
    assert (dialog.kind.code(), dialog.short_name.text()) == ("town_municipality", "ทม.ลำพูน")
    dialog.accept()
    names = window.workspace.store.read(lambda s: [o.name for o in services.list_organizations(s)])
    assert sorted(names) == sorted(["องค์การบริหารส่วนตำบลทุ่งต้อม", "เทศบาลเมืองลำพูน"])


def test_eight_members_are_one_click(qtbot, open_window, db_path):
    def fill(session):
        for n in range(8):
            services.create_organization(session, name=f"เทศบาลตำบลที่{n + 1}")
        services.create_organization(session, name="สำนักงานอื่น")

    window = _window_with(open_window, db_path, fill)
    dialog = window.workspace.new_network()
    qtbot.waitExposed(dialog)
    dialog.member_filter.setText("เทศบาลตำบล")
    dialog.select_all.click()
    assert len(dialog.members.checked_ids()) == 8
    dialog.select_none.click()
    assert dialog.members.checked_ids() == []


def test_deleting_a_person_says_her_meetings_keep_her_name(
    qtbot, open_window, db_path, message_boxes
):
    def fill(session):
        person = services.create_person(session, honorific="นาง", given_name="มาลี")
        for month in (1, 2, 3):
            meeting = services.create_meeting(session, title="ประชุม", date=date(2024, month, 1))
            services.add_attendee(session, meeting.id, person.id)

    window = _window_with(open_window, db_path, fill)
    window.workspace.show_roster(2)
    roster = window.workspace.roster
    roster.people.select(0)
    roster.people.delete_button.click()
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "นางมาลี" in text and "3" in text
    assert (
        window.workspace.store.read(lambda s: services.list_people(s, include_inactive=True)) == []
    )
    names = window.workspace.store.read(
        lambda s: [a.name for m in services.list_meetings(s) for a in m.attendance]
    )
    assert names == ["นางมาลี"] * 3


def test_a_finalised_meeting_is_not_deleted(qtbot, open_window, db_path, message_boxes):
    def fill(session):
        meeting = services.create_meeting(session, title="ประชุมที่ปิดแล้ว", date=date(2024, 1, 1))
        services.finalise_meeting(session, meeting.id)

    window = _window_with(open_window, db_path, fill)
    window.workspace.open_meeting(
        window.workspace.store.read(lambda s: services.list_meetings(s)[0].id)
    )
    window.commands[ActionId.DELETE_MEETING].trigger()
    assert message_boxes.kinds() == ["warning"]
    assert len(window.workspace.store.read(services.list_meetings)) == 1


def test_a_draft_meeting_is_deleted_after_the_question(qtbot, open_window, db_path, message_boxes):
    def fill(session):
        services.create_meeting(session, title="ประชุมที่สร้างผิด", date=date(2024, 1, 1))
        services.create_meeting(session, title="ประชุมจริง", date=date(2024, 2, 1))

    window = _window_with(open_window, db_path, fill)
    wrong = window.workspace.store.read(lambda s: services.list_meetings(s)[1].id)
    window.workspace.open_meeting(wrong)
    window.commands[ActionId.DELETE_MEETING].trigger()
    assert message_boxes.kinds() == ["question"]
    assert [m.title for m in window.workspace.store.read(services.list_meetings)] == ["ประชุมจริง"]


def test_the_new_meeting_has_end_time_place_and_a_preview_of_the_agenda(
    qtbot, keys, open_window, db_path
):
    window = open_window(db_path)
    dialog = window.workspace.new_meeting()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.title
    assert "ระเบียบวาระ" in dialog.template_preview.text() or dialog.template_preview.text()
    keys.type(dialog.title, "การประชุมคณะทำงาน")
    keys.type(dialog.start, "09.30")
    dialog.start.commit()
    keys.type(dialog.end, "12.00")
    dialog.end.commit()
    dialog.mode.set_code("hybrid")
    keys.type(dialog.venue, "ห้องประชุมสภา")
    dialog.platform.setCurrentText("Zoom Meeting")
    dialog.accept()
    meeting = window.workspace.store.read(lambda s: services.list_meetings(s)[0])
    assert (meeting.end_time.hour, meeting.venue, meeting.platform) == (
        12,
        "ห้องประชุมสภา",
        "Zoom Meeting",
    )


def test_the_platform_typed_as_the_place_is_said_once(qtbot, open_window, db_path):
    from desktop.ui.meeting.page import place_words

    assert place_words("Zoom Meeting", "Zoom Meeting") == "Zoom Meeting"
    assert place_words("ห้องประชุม", "Zoom Meeting") == "ห้องประชุม, Zoom Meeting"


def test_deleting_an_organisation_says_what_depends_and_keeps_its_people(
    qtbot, open_window, db_path, message_boxes
):
    def fill(session):
        wrong = services.create_organization(session, name="เทศบาลตำบลที่พิมพ์ผิด")
        right = services.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
        services.create_network(session, name="เครือข่ายลุ่มน้ำ", member_ids=[wrong.id, right.id])
        for given in ("มาลี", "วันดี"):
            services.create_person(session, given_name=given, organization_id=wrong.id)
        services.create_meeting(session, title="ประชุม", date=date(2024, 1, 1), host_id=wrong.id)

    window = _window_with(open_window, db_path, fill)
    window.workspace.show_roster(1)
    section = window.workspace.roster.organizations
    names = [section.model.index(r, 0).data() for r in range(section.model.rowCount())]
    section.select(names.index("เทศบาลตำบลที่พิมพ์ผิด"))

    message_boxes.answer = message_boxes.answer.No  # she thinks again: nothing changes
    section.delete_button.click()
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "เทศบาลตำบลที่พิมพ์ผิด" in text
    for consequence in ("บุคคล 2 คน", "เครือข่าย 1 เครือข่าย", "ร่างการประชุม 1 ครั้ง"):
        assert consequence in text
    assert len(window.workspace.store.read(services.list_organizations)) == 2

    message_boxes.answer = message_boxes.answer.Yes
    section.delete_button.click()
    left = window.workspace.store.read(lambda s: [o.name for o in services.list_organizations(s)])
    assert left == ["เทศบาลตำบลบ้านกลาง"]
    people = window.workspace.store.read(lambda s: services.list_people(s, include_inactive=True))
    assert sorted(p.given_name for p in people) == ["มาลี", "วันดี"]
    assert all(p.organization_id is None for p in people)
    assert section.model.rowCount() == 1  # the page shows it gone
