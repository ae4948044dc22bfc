"""A start-up timing hook for the benchmarks, armed only by an environment switch.

With PRACHUM_STARTUP_PROBE=1 the app prints `shown <seconds>` once the main window has
been painted for the first time (seconds since the process started) and quits, so
`bench/bench_startup.py` can time a cold start exactly as a user sees it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_SWITCH = "PRACHUM_STARTUP_PROBE"


def process_seconds() -> float:
    """Seconds since this process started (Linux: from /proc; else since import)."""
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
            started_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def arm(app: QApplication, window: QWidget) -> None:
    """If the switch is on: report the first paint of `window`, then quit."""
    if os.environ.get(ENVIRONMENT_SWITCH) != "1":
        return

    def report() -> None:
        print(f"shown {process_seconds():.4f}", flush=True, file=sys.stdout)
        app.quit()

    # A zero timer runs after the pending show and paint events have been handled.
    holder = QObject(window)
    holder.timer = QTimer(holder)
    holder.timer.setSingleShot(True)
    holder.timer.timeout.connect(report)
    holder.timer.start(0)
