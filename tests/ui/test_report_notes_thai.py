"""The Zoom import's warning in a Thai window: Thai words and Buddhist Era dates."""

from __future__ import annotations

from datetime import date

from desktop.core import services
from desktop.core.db import open_database
from desktop.imports.proposal import build_proposal
from desktop.imports.reports import Participant, Report
from desktop.ui.base.store import Store
from desktop.ui.reports.dialog import ReportReviewDialog


def test_the_review_says_the_wrong_day_in_thai_with_be_dates(qtbot, db_path, reporter):
    database = open_database(db_path)
    with database.session() as session:
        meeting = services.create_meeting(session, title="ประชุม", date=date(2024, 8, 21))
        meeting_id = meeting.id
    from datetime import datetime

    report = Report(
        platform="zoom",
        file_name="participants.csv",
        participants=[
            Participant(
                name="มาลี บุญมา",
                original_name=None,
                email=None,
                joined=datetime(2024, 2, 14, 9, 0),
                left=datetime(2024, 2, 14, 12, 0),
                minutes=180,
            )
        ],
        start=datetime(2024, 2, 14, 9, 0),
    )
    with database.session() as session:
        proposal = build_proposal(session, meeting_id, report)
    dialog = ReportReviewDialog(Store(database, reporter), proposal, [])
    qtbot.addWidget(dialog)
    text = dialog.notes.text()
    assert "14 กุมภาพันธ์ 2567" in text and "21 สิงหาคม 2567" in text
    assert "2024" not in text and "The report" not in text
    database.close()


def test_a_final_meetings_report_import_is_refused_before_the_file_is_asked_for(
    qtbot, open_window, db_path, message_boxes, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    database = open_database(db_path)
    with database.session() as session:
        meeting = services.create_meeting(session, title="ประชุมที่ปิดแล้ว", date=date(2024, 8, 21))
        services.finalise_meeting(session, meeting.id)
        meeting_id = meeting.id
    database.close()
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", ""))
    )
    window = open_window(db_path)
    window.workspace.open_meeting(meeting_id)
    assert window.workspace.minutes_tools.report_import.start(meeting_id) is False
    assert asked == []
    assert message_boxes.kinds() == ["warning"]
    assert "ปิดแล้ว" in message_boxes.shown[0][2]
