"""The three ways on from an empty database, and the keys every window has."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.meeting_file import export_meeting_file
from desktop.ui.base import worker
from desktop.ui.roster.network import NetworkDialog
from desktop.ui.shell.help import HelpWindow


def test_the_demo_data_opens_from_the_welcome_page_without_freezing(
    qtbot, keys, open_window, db_path
):
    window = open_window(db_path)
    keys.press(window.welcome.demo_button, Qt.Key.Key_Space)
    assert not window.welcome.isEnabled()  # filled on a worker thread meanwhile
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    assert window.pages.currentWidget() is window.meeting
    assert len(window.navigator.listed_meeting_ids()) == 3
    assert window.meeting.attendance.model.rowCount() > 10
    assert window.statusBar().currentMessage() == "สร้างข้อมูลตัวอย่างเรียบร้อยแล้ว"


def test_a_meeting_file_is_imported_from_the_welcome_page(
    keys, open_window, tmp_path, db_path, monkeypatch
):
    other = open_database(tmp_path / "other.db")
    with other.session() as session:
        network = services.create_network(session, name="เครือข่ายต้นทาง")
        meeting = services.create_meeting(
            session, title="ประชุมที่ส่งต่อมา", date=date(2024, 2, 14), network_id=network.id
        )
        export_meeting_file(session, meeting.id, tmp_path / "sent.meeting.json")
    other.close()
    assert json.loads((tmp_path / "sent.meeting.json").read_text(encoding="utf-8"))["version"] == 2
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args: (str(tmp_path / "sent.meeting.json"), "")),
    )

    window = open_window(db_path)
    keys.press(window.welcome.import_button, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is window.meeting
    assert window.meeting.heading.text() == "ประชุมที่ส่งต่อมา"
    assert window.settings.last_folder("import") == str(tmp_path)


def test_creating_a_network_can_be_cancelled_and_nothing_is_stored(keys, open_window, db_path):
    window = open_window(db_path)
    keys.press(window.welcome.network_button, Qt.Key.Key_Space)
    dialog = keys.dialog(NetworkDialog)
    keys.type(dialog.name, "ยังไม่แน่ใจ")
    keys.press(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.pages.currentWidget() is window.welcome


def test_f1_opens_the_help_beside_the_work_and_ctrl_q_quits(qtbot, keys, open_window, db_path):
    window = open_window(db_path)
    keys.press(window, Qt.Key.Key_F1)
    help_window = keys.dialog(HelpWindow)
    assert not help_window.isModal()
    assert "Ctrl+N" in help_window.guide()
    with qtbot.waitActive(window):
        window.activateWindow()
    keys.press(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not help_window.isVisible()
