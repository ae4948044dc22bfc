"""The daily backup while the window stays open is made off the UI thread."""

from __future__ import annotations

from desktop.core.operations import backups
from desktop.core.operations.backups import list_backups
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.startup import open_for_writing


def test_the_days_backup_is_copied_on_a_worker_and_reported_back(
    qtbot, reporter, db_path, watch_thread
):
    threads = watch_thread(backups, "backup_to")
    host = AppHost(open_for_writing(db_path), AppSettings(), reporter)
    window = host.show()
    qtbot.addWidget(window)
    try:
        host.back_up_today()
        host.back_up_today()  # a second tick while the first runs starts nothing
        qtbot.waitUntil(lambda: not host._backing_up, timeout=10_000)
        assert len(list_backups(db_path)) == 1
        assert threads == [False], "copied once, and not on the UI thread"
    finally:
        window.close()
        host.close()
