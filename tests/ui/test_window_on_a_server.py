"""The window on a PostgreSQL server's database: a smoke test of the whole start."""

from __future__ import annotations

from desktop.cli import main
from desktop.core.server import ServerAddress
from desktop.ui.shell.opening import open_for_writing_on_worker


def test_the_window_opens_a_server_database_and_names_it(pg_url, open_window, qtbot):
    assert main(["--db", pg_url, "demo"]) == 0
    opened = open_for_writing_on_worker(ServerAddress(pg_url), preload=True)
    assert opened.lock is None and not opened.readonly
    opened.close()
    window = open_window(pg_url)
    name = f"prachum_test@localhost/{ServerAddress(pg_url).database}"
    assert window.database_label.text() == name
    assert ":" not in window.database_label.toolTip().split("@")[0]
    qtbot.waitUntil(lambda: window.workspace.navigator.meeting_model.rowCount() == 3, timeout=5000)
