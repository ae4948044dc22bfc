"""The standalone bundle: its size, and its cold start against `python main.py`.

The bundle (dist/prachum/, built by `make dist` or here when it is missing or stale)
starts the same window on the same database as `python main.py` from the checkout; the
floor is the checkout's start, byte-compiled as an installed app's, so the ratio is what
freezing the app costs or saves.
"""

from __future__ import annotations

import compileall
import os
import sys
import tempfile
from pathlib import Path

from bench.bench_startup import ROOT, _time_until
from bench.common import Figure
from bench.data import build_big_database
from release import build

MAX_BYTES = 250e6


def run(tiny: bool = False) -> list[Figure]:
    meetings, repeat = (100, 1) if tiny else (10_000, 7)
    program = build.build()
    size = build.bundle_size()
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        database = build_big_database(Path(folder) / "big.db", meetings=meetings)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PRACHUM_STARTUP_PROBE": "1",
            "XDG_CONFIG_HOME": folder,
            "XDG_DATA_HOME": folder,
        }
        marks = ("shown", "listed")
        bundle_command = [str(program), "--db", str(database)]
        python_command = [sys.executable, "main.py", "--db", str(database)]
        _time_until(bundle_command, env, marks)  # warm the OS file cache for both alike
        _time_until(python_command, env, marks)
        bundle, python = [], []
        for _ in range(repeat):
            python.append(_time_until(python_command, env, marks))
            bundle.append(_time_until(bundle_command, env, marks))
    checkout = "python main.py, byte-compiled"
    return [
        Figure("standalone bundle: size of dist/prachum", size, max_seconds=MAX_BYTES, unit="B"),
        Figure(
            f"bundle cold start, {meetings:,} meetings: window shown",
            [b[0] for b in bundle],
            [p[0] for p in python],
            max_ratio=1.2,
            floor_label=checkout,
        ),
        Figure(
            f"bundle cold start, {meetings:,} meetings: meetings listed",
            [b[1] for b in bundle],
            [p[1] for p in python],
            max_ratio=1.2,
            floor_label=checkout,
        ),
    ]
