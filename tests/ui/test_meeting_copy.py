"""The meeting's copy of a person: edited on the attendance page, offered to the drafts
when she edits the person, acting typed into the position moved to its column."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.meeting.attendance_model import ACTING_AS, NAME, POSITION


def _meetings(db_path):
    database = open_database(db_path)
    with database.session() as session:
        person = services.create_person(
            session, honorific="นาง", given_name="วิไล", position="รองปลัดเทศบาล"
        )
        closed = services.create_meeting(session, title="ครั้งที่ปิดแล้ว", date=date(2024, 1, 1))
        services.add_attendee(session, closed.id, person.id)
        services.finalise_meeting(session, closed.id)
        draft = services.create_meeting(session, title="ครั้งที่กำลังทำ", date=date(2024, 2, 1))
        services.add_attendee(session, draft.id, person.id)
        ids = person.id, closed.id, draft.id
    database.close()
    return ids


def test_the_copy_is_edited_on_the_attendance_page(qtbot, open_window, db_path):
    _person, _closed, draft = _meetings(db_path)
    window = open_window(db_path)
    window.workspace.open_meeting(draft)
    window.workspace.show_attendance()
    model = window.workspace.meeting.attendance.model
    assert model.flags(model.index(0, POSITION)) & Qt.ItemFlag.ItemIsEditable
    tip = model.headerData(POSITION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip  # the column says it is the meeting's copy
    assert model.setData(model.index(0, POSITION), "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลเมืองลำพูน")
    qtbot.waitUntil(lambda: model.index(0, ACTING_AS).data() == "ปลัดเทศบาลเมืองลำพูน")
    assert model.index(0, POSITION).data() == "รองปลัดเทศบาล"
    assert model.setData(model.index(0, NAME), "นางวิไล ศรีสุข")
    person = window.workspace.store.read(lambda s: services.list_people(s)[0])
    assert (person.position, person.family_name) == ("รองปลัดเทศบาล", None)


def test_an_edited_person_is_offered_to_the_draft_meetings(
    qtbot, keys, open_window, db_path, message_boxes
):
    _person, closed, draft = _meetings(db_path)
    window = open_window(db_path)
    window.workspace.show_roster(2)
    window.workspace.roster.people.select(0)
    dialog = window.workspace.roster.edit_person(
        window.workspace.roster._current(window.workspace.roster.people)
    )
    qtbot.waitExposed(dialog)
    dialog.position.setText("ปลัดเทศบาล")
    dialog.accept()
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "ครั้งที่กำลังทำ" in text and "ครั้งที่ปิดแล้ว" not in text

    def positions(session):
        return {m.id: m.attendance[0].position for m in services.list_meetings(session)}

    assert window.workspace.store.read(positions) == {closed: "รองปลัดเทศบาล", draft: "ปลัดเทศบาล"}


def test_acting_typed_into_a_new_persons_position_is_moved_to_its_field(
    qtbot, keys, open_window, db_path
):
    window = open_window(db_path)
    dialog = window.workspace.roster.edit_person(None)
    qtbot.waitExposed(dialog)
    keys.type(dialog.given_name, "มาลี")
    keys.type(dialog.position, "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง")
    dialog.accept()
    (person,) = window.workspace.store.read(services.list_people)
    assert (person.position, person.acting_as) == ("รองปลัดเทศบาล", "ปลัดเทศบาลตำบลบ้านกลาง")


def _edit_her(qtbot, window):
    window.workspace.show_roster(2)
    window.workspace.roster.people.select(0)
    dialog = window.workspace.roster.edit_person(
        window.workspace.roster._current(window.workspace.roster.people)
    )
    qtbot.waitExposed(dialog)
    return dialog


def test_her_acting_office_edited_alone_is_offered_to_the_draft_meetings(
    qtbot, keys, open_window, db_path, message_boxes
):
    person, closed, draft = _meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:
        services.update_person(session, person, acting_as="ปลัดเทศบาล")
        services.refresh_snapshots(session, person)
    database.close()
    window = open_window(db_path)
    dialog = _edit_her(qtbot, window)
    # The office she holds and the one she acts for, each in its own field.
    assert (dialog.position.text(), dialog.acting_as.text()) == ("รองปลัดเทศบาล", "ปลัดเทศบาล")
    dialog.acting_as.clear()
    keys.type(dialog.acting_as, "ปลัดเทศบาลตำบลบ้านกลาง")
    dialog.accept()
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "ครั้งที่กำลังทำ" in text and "ครั้งที่ปิดแล้ว" not in text

    def lines(session):
        return {
            m.id: (m.attendance[0].position, m.attendance[0].acting_as)
            for m in services.list_meetings(session)
        }

    assert window.workspace.store.read(lines) == {
        closed: ("รองปลัดเทศบาล", None),
        draft: ("รองปลัดเทศบาล", "ปลัดเทศบาลตำบลบ้านกลาง"),
    }


def test_the_combined_line_typed_again_is_split_and_offered(
    qtbot, keys, open_window, db_path, message_boxes
):
    _person, _closed, draft = _meetings(db_path)
    window = open_window(db_path)
    dialog = _edit_her(qtbot, window)
    dialog.position.clear()
    keys.type(dialog.position, "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง")
    dialog.position.editingFinished.emit()  # as when she leaves the field
    assert (dialog.position.text(), dialog.acting_as.text()) == (
        "รองปลัดเทศบาล",
        "ปลัดเทศบาลตำบลบ้านกลาง",
    )
    dialog.accept()
    assert message_boxes.kinds() == ["question"]
    line = window.workspace.store.read(
        lambda s: (
            next(m for m in services.list_meetings(s) if m.id == draft).attendance[0].acting_as
        )
    )
    assert line == "ปลัดเทศบาลตำบลบ้านกลาง"


def test_a_new_phone_number_does_not_ask_about_the_meetings(
    qtbot, keys, open_window, db_path, message_boxes
):
    _person, _closed, draft = _meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:  # acting at this one meeting only, set on its line
        line = services.load_meeting(session, draft).attendance[0]
        services.update_attendance(session, line.id, acting_as="ปลัดเทศบาล")
    database.close()
    window = open_window(db_path)
    dialog = _edit_her(qtbot, window)
    keys.type(dialog.phone, "053000000")
    dialog.accept()
    assert message_boxes.shown == []
