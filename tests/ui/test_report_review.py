"""File → Import a Zoom or Teams report: the review dialog shows how sure each match is,
she settles the rest (a candidate, someone from the roster, a new person, or ignore),
and Apply stores the attendance and remembers the names she confirmed."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Attendance, Person
from desktop.ui.reports.dialog import ReportReviewDialog
from desktop.ui.reports.model import ProposalModel
from desktop.ui.shell.actions import ActionId

ZOOM = """\
Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
81234567890,การประชุมคณะทำงาน ครั้งที่ 2,05/08/2024 09:20:00 AM,05/08/2024 12:00:00 PM,secretary@example.org,160,4

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room
มาลี บุญมา,malee@example.org,05/08/2024 09:20:00 AM,05/08/2024 12:00:00 PM,160,No,Y,N
ทต.บ้านกลาง นายก สมชาย,,05/08/2024 09:25:00 AM,05/08/2024 11:40:00 AM,135,Yes,Y,N
ห้องประชุมชั้น 2,,05/08/2024 09:30:00 AM,05/08/2024 11:30:00 AM,120,Yes,Y,N
ผู้มาเยือน ไม่รู้จัก,,05/08/2024 09:45:00 AM,05/08/2024 10:45:00 AM,60,Yes,Y,N
"""


@pytest.fixture
def report(tmp_path, monkeypatch):
    path = tmp_path / "participants_81234567890.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ZOOM.replace("\n", "\r\n").encode("utf-8"))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    return path


def row_number(dialog: ReportReviewDialog, name: str) -> int:
    return next(n for n, r in enumerate(dialog.proposal.rows) if r.display_name == name)


def test_the_review_applies_the_report_and_remembers_the_names(qtbot, open_window, db_path, report):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    importer = window.workspace.minutes_tools.report_import
    window.commands[ActionId.REPORT_IMPORT].trigger()
    qtbot.waitUntil(
        lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=10_000
    )
    dialog = importer.dialog
    model = dialog.model

    malee = row_number(dialog, "มาลี บุญมา")
    assert dialog.proposal.rows[malee].status == "matched"
    assert model.index(malee, ProposalModel.MATCH).data().endswith("100")
    assert "มาลี บุญมา" in model.index(malee, ProposalModel.PERSON).data()

    # The mayor's row: settled through the box, as she would pick from it.
    mayor = row_number(dialog, "ทต.บ้านกลาง นายก สมชาย")
    dialog.table.setCurrentIndex(model.index(mayor, ProposalModel.NAME))
    wanted = next(
        n
        for n in range(dialog.choices.rowCount())
        if dialog.choices.choice(n)[0].endswith(f":{ids.mayor_id}")
    )
    dialog.choice.activated.emit(wanted)
    assert dialog.proposal.rows[mayor].person_id == ids.mayor_id
    # The meeting room's screen is nobody; the visitor is a new person.
    dialog.decide(row_number(dialog, "ห้องประชุมชั้น 2"), "ignore")
    dialog.decide(row_number(dialog, "ผู้มาเยือน ไม่รู้จัก"), "new")
    assert "4 of 4" in dialog.heading.text() or "4 จาก 4" in dialog.heading.text()

    dialog.apply_button.click()
    assert not dialog.isVisible()
    settle(qtbot)
    assert window.workspace.meeting.tabs.currentWidget() is window.workspace.meeting.attendance

    database = open_database(db_path)
    with database.session() as session:
        lines = {
            line.person_id: line
            for line in session.scalars(
                select(Attendance).where(Attendance.meeting_id == ids.meeting_id)
            )
        }
        assert lines[ids.officer_id].source == "zoom"
        assert lines[ids.officer_id].joined == time(9, 20)
        assert lines[ids.mayor_id].left_at == time(11, 40)
        visitor = session.scalars(select(Person).where(Person.given_name == "ไม่รู้จัก")).first()
        visitor = (
            visitor or session.scalars(select(Person).where(Person.family_name == "ไม่รู้จัก")).first()
        )
        assert visitor is not None and lines[visitor.id].group == "participant"
        aliases = services.alias_map(session)
        assert aliases[services.aliases.alias_key("ทต.บ้านกลาง นายก สมชาย")] == ids.mayor_id
        assert services.aliases.alias_key("ห้องประชุมชั้น 2") not in aliases
    database.close()


def test_cancel_stores_nothing(qtbot, open_window, db_path, report):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    importer = window.workspace.minutes_tools.report_import
    assert importer.start(ids.meeting_id)
    qtbot.waitUntil(
        lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=10_000
    )
    importer.dialog.reject()
    settle(qtbot)
    database = open_database(db_path)
    with database.session() as session:
        sources = set(
            session.scalars(
                select(Attendance.source).where(Attendance.meeting_id == ids.meeting_id)
            )
        )
        assert sources == {"typed"} and services.alias_map(session) == {}
    database.close()


def test_a_file_that_is_not_a_report_is_refused_clearly(
    qtbot, open_window, db_path, monkeypatch, message_boxes
):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    other = db_path.parent / "budget.csv"
    other.write_text("รายการ,จำนวนเงิน\nค่าอาหาร,500\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    importer = window.workspace.minutes_tools.report_import
    importer.start(ids.meeting_id)
    qtbot.waitUntil(lambda: not importer.reading, timeout=10_000)
    settle(qtbot)
    assert message_boxes.kinds() == ["warning"]
    assert "budget.csv" in message_boxes.shown[0][2]
    assert importer.dialog is None


SIGN_INS = {
    "zoom": (
        "meeting_saved_chat.txt",
        "09:31:05 From ทต.บ้านกลาง to Everyone:\n\tนายสมชาย ใจดี นายก ทต.บ้านกลาง\n"
        "09:32:10 From มาลี to Everyone:\n\tมาลี บุญมา เจ้าหน้าที่ ทต.บ้านกลาง\n",
        time(9, 32),
    ),
    "line": (
        "[LINE] Chat with the network.txt",
        "[LINE] Chat history in เครือข่ายเทศบาลลุ่มน้ำปิง\n\n2024.05.07 Tuesday\n"
        "20:00\tมาลี\tมาลี บุญมา เจ้าหน้าที่ ทต.บ้านกลาง\n2024.05.08 Wednesday\n"
        "09:31\tสมชาย\tนายสมชาย ใจดี นายก ทต.บ้านกลาง\n"
        "09:32\tมาลี\tมาลี บุญมา เจ้าหน้าที่ ทต.บ้านกลาง\n",
        time(9, 32),
    ),
    # A Teams meeting chat from the data export (messages.json), times in UTC.
    "teams": (
        "messages.json",
        '{"userId": "8:live:x", "exportDate": "2024-05-10T00:00:00Z", "conversations": [{'
        '"id": "19:meeting@thread.v2", "displayName": "ประชุมคณะทำงาน", "MessageList": ['
        '{"displayName": "ทต.บ้านกลาง", "originalarrivaltime": "2024-05-08T02:31:05.1Z",'
        ' "messagetype": "RichText/Html", "content": "<p>นายสมชาย ใจดี นายก ทต.บ้านกลาง</p>"},'
        '{"displayName": "มาลี", "originalarrivaltime": "2024-05-08T02:32:40Z",'
        ' "messagetype": "RichText/Html", "content": "<p>มาลี บุญมา เจ้าหน้าที่ ทต.บ้านกลาง</p>"}'
        "]}]}",
        time(9, 32),
    ),
    "form": (
        "sign-in (responses).csv",
        "ประทับเวลา,ชื่อ-สกุล,ตำแหน่ง,หน่วยงาน\n"
        "8/5/2024 9:31:00,สมชาย ใจดี,นายกเทศมนตรี,ทต.บ้านกลาง\n"
        "8/5/2024 9:32:40,มาลี บุญมา,เจ้าหน้าที่,ทต.บ้านกลาง\n",
        time(9, 32),
    ),
}


@pytest.fixture(params=sorted(SIGN_INS))
def sign_in(request, tmp_path, monkeypatch):
    name, text, seen = SIGN_INS[request.param]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    return request.param, seen


def test_chat_line_and_form_sign_ins_settle_attendance_through_the_review(
    qtbot, open_window, db_path, sign_in
):
    source, seen = sign_in
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    importer = window.workspace.minutes_tools.report_import
    window.commands[ActionId.REPORT_IMPORT].trigger()
    qtbot.waitUntil(
        lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=10_000
    )
    dialog = importer.dialog
    assert [row.person_id for row in dialog.proposal.rows] == [ids.mayor_id, ids.officer_id]
    dialog.apply_button.click()
    settle(qtbot)
    database = open_database(db_path)
    with database.session() as session:
        line = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == ids.meeting_id, Attendance.person_id == ids.officer_id
            )
        ).one()
        assert (line.status, line.source, line.joined) == ("present", source, seen)
    database.close()


def test_the_review_names_who_would_be_marked_absent_before_it_is_done(
    qtbot, open_window, db_path, report
):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    importer = window.workspace.minutes_tools.report_import
    window.commands[ActionId.REPORT_IMPORT].trigger()
    qtbot.waitUntil(
        lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=10_000
    )
    dialog = importer.dialog
    missing = [dialog.proposal.expected[p] for p in dialog.proposal.missing()]
    assert missing, "the test meeting expects someone the report does not name"
    assert f"({len(missing)}" in dialog.absent.text()
    assert all(name in dialog.absent_names.text() for name in missing)
    # Ignoring the row that named the mayor makes him one of those to be marked.
    mayor = row_number(dialog, "ทต.บ้านกลาง นายก สมชาย")
    dialog.decide(mayor, "ignore")
    assert f"({len(missing) + 1}" in dialog.absent.text()
    dialog.reject()
