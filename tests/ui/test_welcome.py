"""The three ways on from an empty database, and the keys every window has."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.operations.meeting_file import export_meeting_file
from desktop.ui.base import worker
from desktop.ui.roster.network import NetworkDialog
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.help import HelpWindow


def test_the_demo_opens_as_its_own_file_and_leaving_it_goes_back_to_hers(
    qtbot, keys, qapp, reporter, db_path
):
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.shell.app import AppHost
    from desktop.ui.shell.startup import open_for_writing

    hers = open_database(db_path)
    with hers.session() as session:
        services.create_organization(session, name="เทศบาลตำบลของเธอ")
    hers.close()
    host = AppHost(open_for_writing(db_path), AppSettings(), reporter)
    host.show()  # closed by the test: the window is replaced twice
    host.window.commands[ActionId.OPEN_DEMO].trigger()
    qtbot.waitUntil(
        lambda: (
            host.window.workspace is not None and host.window.workspace.store.path.name == "demo.db"
        ),
        timeout=20_000,
    )
    qtbot.waitUntil(
        lambda: len(host.window.workspace.navigator.listed_meeting_ids()) == 3, timeout=30_000
    )
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    window = host.window
    assert window.workspace.store.path == db_path.with_name("demo.db")
    assert "DEMO" in window.windowTitle() or "ตัวอย่าง" in window.windowTitle()
    assert window.workspace.leave_demo_button.isVisible()
    assert window.workspace.pages.currentWidget() is window.workspace.meeting
    assert window.workspace.meeting.attendance.model.rowCount() > 10
    # Her file has none of it.
    with open_database(db_path).session() as session:
        assert [o.name for o in services.list_organizations(session)] == ["เทศบาลตำบลของเธอ"]
        assert services.list_networks(session) == []

    keys.press(window.workspace.leave_demo_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: (
            host.window is not window
            and host.window.workspace is not None
            and host.window.workspace.store.path == db_path
        ),
        timeout=20_000,
    )
    assert not host.window.commands[ActionId.LEAVE_DEMO].isVisible()
    assert host.window.commands[ActionId.OPEN_DEMO].isVisible()
    host.window.close()
    host.close()


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
    keys.press(window.workspace.welcome.import_button, Qt.Key.Key_Space)
    assert window.workspace.pages.currentWidget() is window.workspace.meeting
    assert window.workspace.meeting.heading.text() == "ประชุมที่ส่งต่อมา"
    assert window.settings.last_folder("import") == str(tmp_path)


def test_creating_a_network_can_be_cancelled_and_nothing_is_stored(keys, open_window, db_path):
    window = open_window(db_path)
    keys.press(window.workspace.welcome.network_button, Qt.Key.Key_Space)
    dialog = keys.dialog(NetworkDialog)
    keys.type(dialog.name, "ยังไม่แน่ใจ")
    keys.press(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.workspace.pages.currentWidget() is window.workspace.welcome


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
