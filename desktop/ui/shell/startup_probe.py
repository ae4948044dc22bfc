"""A start-up timing hook for the benchmarks, armed only by an environment switch.

With PRACHUM_STARTUP_PROBE=1 the app prints `shown <seconds>` once the main window has
been painted for the first time, then `listed <seconds>` once the database is open and
the window shows its meetings (seconds since the process started), and quits, so that
`bench/bench_startup.py` can time a cold start as a user sees it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from desktop.ui.shell.first_paint import after_first_paint

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
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


def arm(app: QApplication, window: QWidget, ready: SignalInstance) -> None:
    """If the switch is on: report the first paint of `window`, then `ready`, then quit."""
    if os.environ.get(ENVIRONMENT_SWITCH) != "1":
        return

    def report(what: str, then: Callable[[], None] | None = None) -> None:
        print(f"{what} {process_seconds():.4f}", flush=True, file=sys.stdout)
        if then is not None:
            then()

    after_first_paint(window, lambda: report("shown"), before_others=True)
    ready.connect(lambda: QTimer.singleShot(0, window, lambda: report("listed", app.quit)))
