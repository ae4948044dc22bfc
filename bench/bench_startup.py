"""Cold start: `python main.py --db BIG` until the main window is painted, against a bare
PySide6 QMainWindow shown by the same interpreter (the floor no Qt app can beat)."""

from __future__ import annotations

import os
import statistics
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
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _time_until_shown(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    # A window that never shows must not hang the benchmark (or the test that runs it).
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        for line in process.stdout:
            if line.startswith("shown"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[1:3]} never showed its window")
        process.wait(timeout=30)
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
    return elapsed


def run(tiny: bool = False) -> list[Figure]:
    meetings, repeat = (100, 1) if tiny else (10_000, 7)
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
        _time_until_shown(ours_command, env)  # warm the OS file cache for both alike
        _time_until_shown(floor_command, env)
        ours, floor = [], []
        for _ in range(repeat):
            floor.append(_time_until_shown(floor_command, env))
            ours.append(_time_until_shown(ours_command, env))
    return [
        Figure(
            f"cold start, {meetings} meetings",
            statistics.median(ours),
            statistics.median(floor),
            max_ratio=1.3,
        )
    ]
