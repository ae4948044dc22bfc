"""File → Back up now… and File → Restore from a backup…: a consistent copy where she wants
it, and a restore that keeps what was there and opens the window on the restored data."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.lock import lock_path
from desktop.core.operations.backups import backup_to, rotate_backups
from desktop.ui.backups.actions import RestoreDialog
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.menus import Menu
from desktop.ui.shell.startup import open_for_writing


@pytest.fixture
def host(qtbot, qapp, reporter, db_path):
    database = open_database(db_path)
    with database.session() as s:
        services.create_meeting(s, title="ประชุมก่อนสำรอง", date=date(2024, 1, 10))
    database.close()
    made = AppHost(open_for_writing(db_path), AppSettings(), reporter)
    qtbot.addWidget(made.show())
    yield made
    made.window.close()
    made.close()


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meetings ORDER BY id")]
    finally:
        con.close()


def add_meeting(host: AppHost, title: str) -> None:
    host.workspace.store.change(
        lambda s: services.create_meeting(s, title=title, date=date(2024, 2, 14))
    )


def test_the_file_menu_has_backup_and_restore(host):
    texts = [a.text() for a in host.window.menus[Menu.FILE].actions()]
    assert "สำรองข้อมูลเดี๋ยวนี้… (&B)" in texts
    assert "กู้คืนจากไฟล์สำรอง… (&R)" in texts


def test_back_up_now_writes_a_consistent_copy_where_she_chooses(
    host, tmp_path, monkeypatch, message_boxes
):
    add_meeting(host, "ประชุมหลังสำรอง")
    stick = tmp_path / "usb"
    stick.mkdir()
    offered = []

    def save_as(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(stick / "สำรอง.db"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    host.window.commands[ActionId.BACKUP].trigger()
    assert titles(stick / "สำรอง.db") == ["ประชุมก่อนสำรอง", "ประชุมหลังสำรอง"]
    assert Path(offered[0]).name.startswith("prachum-copy-")
    assert str(stick) in host.window.statusBar().currentMessage()
    assert message_boxes.shown == []


def test_backing_up_onto_the_database_itself_is_refused(host, message_boxes):
    assert host.backups.back_up_to(host.workspace.store.path) is None
    assert message_boxes.kinds() == ["warning"]
    assert titles(host.workspace.store.path) == ["ประชุมก่อนสำรอง"]


def test_restore_keeps_the_current_data_and_reopens_the_window_on_the_backup(
    qtbot, host, tmp_path, message_boxes
):
    backup = backup_to(host.workspace.store.database, tmp_path / "backup.db")
    add_meeting(host, "ประชุมหลังสำรอง")
    old_window = host.window
    assert host.backups.restore(backup)

    assert host.window is not old_window and isinstance(host.window, MainWindow)
    qtbot.addWidget(host.window)
    assert host.window.isVisible()
    db_path = host.workspace.store.path
    assert titles(db_path) == ["ประชุมก่อนสำรอง"]
    kept = [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and titles(kept[0]) == ["ประชุมก่อนสำรอง", "ประชุมหลังสำรอง"]
    assert kept[0].name in message_boxes.shown[-1][2], "she is told where the old data is"
    summaries = host.workspace.store.read(lambda s: [m.title for m in services.list_meetings(s)])
    assert summaries == ["ประชุมก่อนสำรอง"]
    assert lock_path(db_path).exists(), "still this copy's database"
    add_meeting(host, "ประชุมหลังกู้คืน")
    assert titles(db_path) == ["ประชุมก่อนสำรอง", "ประชุมหลังกู้คืน"]


def test_restore_asks_first_and_no_changes_nothing(host, tmp_path, message_boxes):
    backup = backup_to(host.workspace.store.database, tmp_path / "backup.db")
    add_meeting(host, "ประชุมหลังสำรอง")
    message_boxes.answer = QMessageBox.StandardButton.No
    window = host.window
    assert not host.backups.restore(backup)
    assert host.window is window
    assert titles(host.workspace.store.path) == ["ประชุมก่อนสำรอง", "ประชุมหลังสำรอง"]


def test_a_damaged_backup_is_refused_and_the_window_carries_on(host, tmp_path, message_boxes):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert not host.backups.restore(junk)
    assert "warning" in message_boxes.kinds()
    assert titles(host.workspace.store.path) == ["ประชุมก่อนสำรอง"]
    add_meeting(host, "ยังทำงานต่อได้")
    assert titles(host.workspace.store.path) == ["ประชุมก่อนสำรอง", "ยังทำงานต่อได้"]


def test_the_restore_dialog_lists_daily_backups_newest_first_and_sets_how_many_to_keep(qtbot, host):
    for day in (3, 5, 4):
        made = rotate_backups(host.workspace.store.database, keep=10, now=datetime(2024, 3, day))
        stamp = datetime(2024, 3, day).timestamp()
        os.utime(made, (stamp, stamp))
    dialog = host.backups.choose_backup()
    qtbot.addWidget(dialog)
    assert [p.name for p in dialog.backups()] == [
        "prachum-2024-03-05.backup.db",
        "prachum-2024-03-04.backup.db",
        "prachum-2024-03-03.backup.db",
    ]
    assert "5 มี.ค. 2567" in dialog.list.item(0).text()
    dialog.keep.setValue(4)
    assert AppSettings().backups_to_keep == 4
    chosen = []
    dialog.chosen.connect(chosen.append)
    dialog.list.setCurrentRow(1)
    wanted = dialog.backups()[1]
    dialog.restore_button.click()
    assert chosen == [wanted]
    assert titles(host.workspace.store.path) == ["ประชุมก่อนสำรอง"], "restored, after her Yes"


def test_the_restore_dialog_without_backups_offers_only_another_file(qtbot, tmp_path):
    dialog = RestoreDialog(tmp_path / "prachum.db", AppSettings())
    qtbot.addWidget(dialog)
    assert dialog.backups() == []
    assert not dialog.restore_button.isEnabled() and dialog.other_button.isEnabled()


def test_a_window_left_open_past_midnight_makes_the_next_days_backup(qtbot, host, monkeypatch):
    folder = host.workspace.store.path.parent / "backups"
    made = []

    def rotate(database, keep, now=None):
        made.append(keep)
        return rotate_backups(database, keep=keep, now=datetime(2030, 1, 2))

    monkeypatch.setattr("desktop.ui.shell.startup.rotate_backups", rotate)
    host.daily.timeout.emit()
    qtbot.waitUntil(lambda: not host._backing_up, timeout=10_000)  # copied on a worker
    assert made == [AppSettings().backups_to_keep]
    assert (folder / "prachum-2030-01-02.backup.db").exists()
