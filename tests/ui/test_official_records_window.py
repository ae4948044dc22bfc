"""Official meetings in the window: the quorum on the attendance page, capacities, her
order (Alt+Up/Down and dragging), the vote fields with their warning, and the checks
listed before finalising, each a click from its place."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.services.checks import meeting_checks
from desktop.ui.meeting.attendance_model import CAPACITY, IDENTITY, NAME
from desktop.ui.shell.actions import ActionId


def stored(db_path, read):
    database = open_database(db_path)
    try:
        with database.session() as s:
            return read(s)
    finally:
        database.close()


def names(attendance) -> list[str]:
    return [line.name for line in attendance.rows()]


def open_attendance(open_window, db_path, meeting_id):
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(meeting_id)
    window.workspace.show_attendance()
    return window, window.workspace.meeting.attendance


def test_the_attendance_page_shows_members_present_against_the_quorum(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    _window, page = open_attendance(open_window, db_path, ids.meeting_id)
    assert "ยังไม่กำหนดองค์ประชุม" in page.quorum_state.text()
    page.propose_quorum.click()  # three members expected: more than half is two
    assert page.quorum.value() == 2
    assert stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id).quorum) == 2
    assert page.quorum_state.text() == "ครบองค์ประชุม: มาประชุม 3 คน องค์ประชุม 2 คน"
    page.quorum.setValue(4)
    assert page.quorum_met() is False
    assert page.quorum_state.text().startswith("ไม่ครบองค์ประชุม: มาประชุม 3 คน องค์ประชุม 4 คน")
    page.quorum.setValue(3)
    assert page.quorum_met() is True
    page.toggle(0)  # someone leaves: the quorum is lost at once
    assert page.quorum_met() is False
    settle(qtbot)


def test_lines_move_with_alt_up_and_down_and_by_dragging(qtbot, keys, open_window, db_path):
    ids = two_meetings(db_path)
    _window, page = open_attendance(open_window, db_path, ids.meeting_id)
    first = names(page)
    page.view.setCurrentIndex(page.model.index(2, NAME))
    keys.press(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(page) == [first[0], first[2], first[1]]
    assert page.view.currentIndex().row() == 1  # the cursor goes with the line
    keys.press(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(page) == first
    # A drag of the last line onto the first row puts it first.
    data = page.model.mimeData([page.model.index(2, NAME)])
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert names(page) == [first[2], first[0], first[1]]
    assert stored(
        db_path,
        lambda s: [
            a.name for a in services.ordered_attendance(services.load_meeting(s, ids.meeting_id))
        ],
    ) == [first[2], first[0], first[1]]
    assert not page.model.dropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    settle(qtbot)


def test_capacities_with_the_chair_as_chair_and_identity_checks(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        services.update_meeting(s, ids.meeting_id, chair_id=ids.mayor_id)
    database.close()
    _window, page = open_attendance(open_window, db_path, ids.meeting_id)
    rows = {line.person_id: row for row, line in enumerate(page.rows())}
    chair = page.model.index(rows[ids.mayor_id], CAPACITY)
    assert chair.data() == "ประธาน"  # from the meeting's chair, until set otherwise
    clerk = page.model.index(rows[ids.clerk_id], CAPACITY)
    assert page.model.setData(clerk, "กรรมการและเลขานุการ")
    identity = page.model.index(rows[ids.clerk_id], IDENTITY)
    assert page.model.setData(identity, "otp")
    line = stored(
        db_path,
        lambda s: next(
            (a.capacity, a.identity)
            for a in services.load_meeting(s, ids.meeting_id).attendance
            if a.person_id == ids.clerk_id
        ),
    )
    assert line == ("กรรมการและเลขานุการ", "otp")
    assert page.model.index(rows[ids.clerk_id], IDENTITY).data() == "รหัส OTP"
    settle(qtbot)


def test_vote_fields_warn_while_they_add_up_to_more_than_the_members_present(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    _window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    item = next(n for n in agenda.view.items if n.category == "for_consideration")
    agenda.choose(item.id)
    vote = agenda.editor.vote
    assert not vote.warning_shown()
    keys.type(vote.votes_against, "1")
    keys.type(vote.votes_for, "3")  # in any order; 4 > the 3 present while she types
    assert vote.warning_shown()
    assert "ผลการลงคะแนนรวม 4 เสียง มากกว่าผู้มาประชุม 3 คน" in vote.warning.text()
    keys.press(vote.votes_for, Qt.Key.Key_Return)  # Enter (or leaving the field) stores it
    stored_vote = stored(
        db_path, lambda s: services.load_meeting(s, ids.meeting_id).agenda[3].vote.total
    )
    assert stored_vote == 4
    vote.votes_for.clear()
    keys.type(vote.votes_for, "2")
    assert not vote.warning_shown()
    vote.ballot.setCurrentIndex(vote.ballot.findData("secret"))
    vote.ballot.activated.emit(vote.ballot.currentIndex())
    saved = stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id).agenda[3].vote)
    assert (saved.votes_for, saved.votes_against, saved.ballot) == (2, 1, "secret")
    settle(qtbot)


def test_finalising_lists_the_checks_and_each_goes_to_its_place(
    qtbot, open_window, db_path, message_boxes
):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        meeting = services.load_meeting(s, ids.meeting_id)
        for item in meeting.agenda:
            services.update_agenda_item(s, item.id, resolution="ที่ประชุมรับทราบ")
        clerk = next(a for a in meeting.attendance if a.person_id == ids.clerk_id)
        services.mark_absent(s, clerk.id)
        services.update_meeting(s, ids.meeting_id, quorum=3)
        undecided = services.add_agenda_item(s, ids.meeting_id, title="เรื่องค้าง")
        clerk_line, undecided_id = clerk.id, undecided.id
    database.close()
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    tools = window.workspace.minutes_tools
    window.commands[ActionId.FINALISE].trigger()
    dialog = tools.finalising.checks_dialog
    assert dialog is not None and dialog.isVisible()
    expected = stored(db_path, lambda s: meeting_checks(s, ids.meeting_id))
    assert dialog.texts() == [finding.thai for finding in expected]
    assert [f.code for f in expected] == [
        "quorum_not_met",
        "absent_without_reason",
        "no_resolution",
    ]

    dialog.list.itemClicked.emit(dialog.list.item(1))  # the absent member without a reason
    assert not dialog.isVisible()
    assert window.workspace.meeting.tabs.currentWidget() is window.workspace.meeting.attendance
    page = window.workspace.meeting.attendance
    assert page.rows()[page.view.currentIndex().row()].id == clerk_line

    window.commands[ActionId.FINALISE].trigger()
    dialog = tools.finalising.checks_dialog
    dialog.list.itemClicked.emit(dialog.list.item(2))  # the item without a resolution
    assert window.workspace.meeting.tabs.currentWidget() is agenda
    assert agenda.editor.node.id == undecided_id

    window.commands[ActionId.FINALISE].trigger()
    tools.finalising.checks_dialog.finalise_button.click()  # finalised anyway
    assert stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id).status) == "final"
    assert message_boxes.kinds() == []
    settle(qtbot)


def test_a_meeting_with_nothing_wrong_is_only_asked_about(
    qtbot, open_window, db_path, message_boxes
):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        for item in services.load_meeting(s, ids.meeting_id).agenda:
            services.update_agenda_item(s, item.id, resolution="ที่ประชุมรับทราบ")
    database.close()
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    window.commands[ActionId.FINALISE].trigger()
    assert window.workspace.minutes_tools.finalising.checks_dialog is None
    assert message_boxes.kinds() == ["question"]
    settle(qtbot)


def test_the_statistics_and_search_know_voted_resolutions(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        previous = services.load_meeting(s, ids.previous_id)
        services.reopen_meeting(s, ids.previous_id)
        project = next(i for i in previous.agenda_items if i.title.startswith("โครงการอบรม"))
        services.set_vote(s, project.id, votes_for=3, ballot="secret")
    database.close()
    window = open_window(db_path)
    window.commands[ActionId.STATISTICS].trigger()
    page = window.workspace.minutes_tools.statistics
    page.set_everything()
    assert "มติ 1 เรื่อง ลงคะแนน 1 เรื่อง (ลงคะแนนลับ 1 เรื่อง)" in page.summary.text()
    dialog = window.workspace.minutes_tools.show_search()
    dialog.query.setText("อบรม")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=3000)
    found = [
        dialog.model.index(r, dialog.model.TEXT).data() for r in range(dialog.model.rowCount())
    ]
    assert any(text.endswith("เห็นชอบ 3 เสียง (ลงคะแนนลับ)") for text in found)
    dialog.close()
    settle(qtbot)


def test_the_online_details_and_the_recording_are_typed_on_the_details_page(
    qtbot, keys, open_window, db_path
):
    ids = two_meetings(db_path)
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(ids.meeting_id)
    window.workspace.show_details()
    details = window.workspace.meeting.details
    keys.type(details.online_link, "https://zoom.example/j/845")
    keys.type(details.online_meeting_id, "845 1122 3344")
    keys.type(details.recording, "ไดรฟ์กลาง/2567")
    details.title.setFocus()
    qtbot.waitUntil(
        lambda: (
            stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id).recording)
            == "ไดรฟ์กลาง/2567"
        ),
        timeout=3000,
    )
    meeting = stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id))
    meeting = (meeting.online_link, meeting.online_meeting_id)
    assert meeting == ("https://zoom.example/j/845", "845 1122 3344")
    settle(qtbot)


def test_minutes_without_a_recorder_are_warned_about_and_may_be_finalised(
    qtbot, open_window, db_path, message_boxes
):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        for item in services.load_meeting(s, ids.meeting_id).agenda:
            services.update_agenda_item(s, item.id, resolution="ที่ประชุมรับทราบ")
        services.update_meeting(s, ids.meeting_id, recorder_id=None)
    database.close()
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    tools = window.workspace.minutes_tools
    window.commands[ActionId.FINALISE].trigger()
    dialog = tools.finalising.checks_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.texts() == ["ยังไม่ได้ระบุผู้จดรายงานการประชุม: ช่องลงชื่อท้ายรายงานจะว่าง"]
    dialog.list.itemClicked.emit(dialog.list.item(0))  # to the field that names one
    details = window.workspace.meeting.details
    assert window.workspace.meeting.tabs.currentWidget() is details
    qtbot.waitUntil(details.recorder.hasFocus, timeout=1000)

    window.commands[ActionId.FINALISE].trigger()
    tools.finalising.checks_dialog.finalise_button.click()  # a warning: she may go on
    assert stored(db_path, lambda s: services.load_meeting(s, ids.meeting_id).status) == "final"
    settle(qtbot)
