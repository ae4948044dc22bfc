"""Every dialog and page of the window, its first opening and its second: < 150 ms each.

The first opening is what a new user meets (imports, translations, the first query of
its kind); each probe is a process of its own (`bench/first_openings.py`), started as
the app starts, so that nothing another benchmark loaded makes it look faster. The
150 ms is a budget of her perception; beside it, the floor of the same process: a bare
QDialog opened the same way, the first time and the second.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_gui import build
from bench.common import Figure

ROOT = Path(__file__).resolve().parents[1]
FLOOR = "a bare QDialog (floor)"
BUDGET = 0.15


def _probe(database: Path) -> dict[str, tuple[float, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run(
        [sys.executable, "-m", "bench.first_openings", str(database)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    openings = {}
    for line in result.stdout.splitlines():
        name, first, second = line.split("\t")
        openings[name] = (float(first), float(second))
    return openings


def run(tiny: bool = False) -> list[Figure]:
    people, attendees, repeat = (200, 20, 1) if tiny else (2_000, 200, 3)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "openings.db"
        build(database, people=people, attendees=attendees)
        if not tiny:
            _probe(database)  # the OS file cache warmed, as for the other probes' starts
        probes = [_probe(database) for _ in range(repeat)]
    figures = []
    floors = [[p[FLOOR][turn] for p in probes] for turn in (0, 1)]
    for name in probes[0]:
        if name == FLOOR:
            continue
        for turn, which in enumerate(("first", "second")):
            figures.append(
                Figure(
                    f"{name}, {which} opening",
                    [p[name][turn] for p in probes],
                    floors[turn],
                    max_seconds=BUDGET,
                    floor_label="a bare QDialog",
                )
            )
    return figures
