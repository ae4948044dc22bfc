"""The start as she sees it: the window's frame at once, the database opened behind it on a
worker, then the pages; nothing heavy is loaded before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.core.lock import lock_path
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell import startup
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Frame:
    """The app's start up to the first paint: the host, its window's frame, and what the
    start came to ("ready" or "gave up")."""

    host: AppHost
    window: MainWindow
    outcome: list[str] = field(default_factory=list)


@pytest.fixture
def frame(qtbot, qapp, reporter):
    host = AppHost(None, AppSettings(), reporter)
    window = host.show()
    qtbot.addWidget(window)
    made = Frame(host, window)
    host.ready.connect(lambda: made.outcome.append("ready"))
    host.gave_up.connect(lambda: made.outcome.append("gave up"))
    yield made
    window.close()
    host.close()


@pytest.fixture
def held_open(monkeypatch):
    """Opening the file waits on the worker until the test lets it go; records the thread."""
    release = threading.Event()
    threads: list[bool] = []
    real = startup.open_for_writing

    def slow(path, **options):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(20)
        return real(path, **options)

    monkeypatch.setattr(startup, "open_for_writing", slow)
    yield release, threads
    release.set()


def test_the_frame_is_painted_before_the_file_is_opened_then_the_pages_come(
    qtbot, frame, filled, held_open
):
    release, threads = held_open
    host, window = frame.host, frame.window
    host.open_in_background(filled)
    qtbot.waitExposed(window)
    assert window.workspace is None
    assert window.statusBar().currentMessage() == "กำลังเปิดฐานข้อมูล…"
    assert not window.commands[ActionId.NEW_MEETING].isEnabled(), "nothing to act on yet"
    assert window.commands[ActionId.QUIT].isEnabled() and window.commands[ActionId.HELP].isEnabled()
    # The keys come right after the first paint, before the file is open.
    qtbot.waitUntil(lambda: window.commands[ActionId.QUIT].shortcut().toString() == "Ctrl+Q")
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [False], "the file is opened on a worker"
    assert frame.outcome == []

    release.set()
    qtbot.waitUntil(lambda: frame.outcome == ["ready"], timeout=20_000)
    assert window.workspace.store is not None and window.commands[ActionId.NEW_MEETING].isEnabled()
    assert window.statusBar().currentMessage() == "พร้อมใช้งาน"
    assert len(window.workspace.navigator.listed_meeting_ids()) == 1
    qtbot.waitUntil(lambda: not host._backing_up, timeout=10_000)


def test_a_window_closed_while_the_file_is_opened_lets_the_file_go(qtbot, frame, filled, held_open):
    release, _threads = held_open
    frame.host.open_in_background(filled)
    qtbot.waitExposed(frame.window)
    frame.window.close()  # nothing typed yet: closes at once
    release.set()
    qtbot.waitUntil(lambda: frame.outcome == ["gave up"], timeout=20_000)
    assert frame.host.opened is None and frame.window.workspace is None
    assert not lock_path(filled).exists(), "the file's lock is let go again"


PROBE = textwrap.dedent(
    """
    import sys
    from desktop.ui.shell import first_paint
    from desktop.ui.shell import startup_probe

    HEAVY = ("sqlalchemy", "alembic", "docx", "openpyxl", "rapidfuzz", "pythainlp",
             "psutil", "desktop.core.db", "desktop.ui.base.store", "desktop.ui.shell.navigator")
    real_arm = startup_probe.arm

    def arm(app, window, ready):
        def look():
            print("loaded", [m for m in HEAVY if m in sys.modules], flush=True)
        first_paint.after_first_paint(window, look, before_others=True)
        real_arm(app, window, ready)

    startup_probe.arm = arm
    from desktop.cli import main
    sys.exit(main(["--db", sys.argv[1]]))
    """
)


def test_nothing_heavy_is_loaded_before_the_first_paint(filled, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PRACHUM_STARTUP_PROBE": "1",
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(filled)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr
    assert "loaded []" in lines[:2], lines
    marks = [line.split()[0] for line in lines if not line.startswith("loaded")]
    assert marks == ["shown", "listed"], lines


def test_the_app_ending_while_the_file_is_opened_closes_it_again(qtbot, frame, filled, held_open):
    release, _threads = held_open
    frame.host.open_in_background(filled)
    qtbot.waitUntil(lambda: lock_path(filled).exists(), timeout=10_000)
    threading.Timer(0.2, release.set).start()  # the worker finishes while settle waits
    frame.host.settle()  # what run() does once the event loop has ended
    assert frame.outcome == [] and frame.host.opened is None
    assert not lock_path(filled).exists(), "opened after the end, and closed again"


def test_a_fault_while_answering_a_refusal_ends_the_start_instead_of_waiting(
    qtbot, frame, filled, monkeypatch
):
    filled.write_bytes(b"not a database at all" * 100)

    def broken(_path):
        raise PermissionError("the backups folder cannot be read")

    monkeypatch.setattr(startup, "list_backups", broken)
    told: list[str] = []

    class Choices:
        def failed(self, error):
            told.append(error.message("en"))

    frame.host.open_in_background(filled, Choices())
    qtbot.waitUntil(lambda: frame.outcome == ["gave up"], timeout=10_000)
    assert told and "backups folder cannot be read" in told[0]
    assert not lock_path(filled).exists()


def test_a_fault_while_building_the_pages_is_told_and_ends_the_start(
    qtbot, frame, filled, monkeypatch
):
    from desktop.ui.shell import welcome

    def broken(*_args, **_kwargs):
        raise RuntimeError("a page could not be built")

    monkeypatch.setattr(welcome.WelcomePage, "__init__", broken)
    with qtbot.capture_exceptions() as faults:
        frame.host.open_in_background(filled)
        qtbot.waitUntil(lambda: frame.outcome == ["gave up"], timeout=20_000)
    assert [str(fault[1]) for fault in faults] == ["a page could not be built"]
    assert frame.host.opened is None and not lock_path(filled).exists()
    frame.window.close()  # a half-made window closes without a fault of its own


def test_start_up_work_runs_even_when_the_window_is_never_painted(qtbot, qapp):
    from PySide6.QtWidgets import QWidget

    from desktop.ui.shell.first_paint import after_first_paint

    hidden = QWidget()  # never shown: as a window started minimised
    qtbot.addWidget(hidden)
    ran: list[str] = []

    def failing() -> None:
        ran.append("first")
        raise RuntimeError("one piece of start-up work fails")

    after_first_paint(hidden, failing)
    after_first_paint(hidden, lambda: ran.append("second"))
    with qtbot.capture_exceptions() as faults:
        qtbot.waitUntil(lambda: len(ran) == 2, timeout=5_000)
    assert ran == ["first", "second"], "the others still run"
    assert len(faults) == 1


def test_the_app_ends_only_after_the_work_on_workers_is_done(qtbot, frame, filled):
    from desktop.ui.base.worker import run_in_background

    frame.host.open_in_background(filled)
    qtbot.waitUntil(lambda: frame.outcome == ["ready"], timeout=20_000)
    finished: list[bool] = []

    def export_still_writing() -> None:
        time.sleep(0.5)
        finished.append(True)

    run_in_background(export_still_writing, lambda _result: None)
    frame.host.settle()  # the event loop has ended; the file is closed right after this
    assert finished == [True]
