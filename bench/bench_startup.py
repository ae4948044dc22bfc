"""Cold start: `python main.py --db BIG` until the main window is painted, against a bare
PySide6 QMainWindow painted by the same interpreter (the floor no Qt app can beat); and
until the database is open and its meetings are listed, the start as she waits for it,
against the same floor. The starts alternate with the floor's, start by start."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import Figure
from bench.data import build_big_database

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)


class FirstPaint(QObject):
    # Shown means painted, for the floor as for the app (desktop/ui/first_paint.py): a
    # zero timer after show() alone fires before the window is painted.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
        return False


first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def _time_until(command: list[str], env: dict[str, str], marks: tuple[str, ...]) -> list[float]:
    """Seconds from starting `command` until each of `marks` is printed, in that order."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    # A window that never shows must not hang the benchmark (or the test that runs it).
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    seen: list[float] = []
    try:
        for line in process.stdout:
            if line.startswith(marks[len(seen)]):
                seen.append(time.perf_counter() - start)
                if len(seen) == len(marks):
                    break
        else:
            raise RuntimeError(f"{command[1:3]} printed only {seen} of {marks}")
        process.wait(timeout=30)
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
    return seen


def run(tiny: bool = False) -> list[Figure]:
    meetings, repeat = (100, 1) if tiny else (10_000, 9)
    # As installed: pip byte-compiles a package it installs, an editable install is
    # compiled by `make` (and a first run), so no start below compiles our modules.
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        database = build_big_database(Path(folder) / "big.db", meetings=meetings)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PRACHUM_STARTUP_PROBE": "1",
            # Settings of its own, so a developer's last meeting does not change the figure.
            "XDG_CONFIG_HOME": folder,
            "XDG_DATA_HOME": folder,
        }
        ours_command = [sys.executable, "main.py", "--db", str(database)]
        floor_command = [sys.executable, "-c", FLOOR]
        ours_marks = ("shown", "listed")
        _time_until(ours_command, env, ours_marks)  # warm the OS file cache for both alike
        _time_until(floor_command, env, ("shown",))
        shown, listed, floor = [], [], []
        for _ in range(repeat):
            floor.append(_time_until(floor_command, env, ("shown",))[0])
            until_shown, until_listed = _time_until(ours_command, env, ours_marks)
            shown.append(until_shown)
            listed.append(until_listed)
    bare = "a bare QMainWindow, painted"
    return [
        Figure(
            f"cold start, {meetings:,} meetings: window shown",
            shown,
            floor,
            max_ratio=1.3,
            floor_label=bare,
        ),
        # The file checked and opened on a worker, the pages built, the meetings listed.
        Figure(
            f"cold start, {meetings:,} meetings: meetings listed",
            listed,
            floor,
            max_ratio=3.0,
            floor_label=bare,
        ),
    ]
