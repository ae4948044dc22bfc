"""The benchmarks run in a tiny mode on every test run, so they never rot.

Nothing here is about time: speed is printed by `make bench`, never asserted in a test.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_every_benchmark_runs_in_tiny_mode_and_prints_its_line():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--tiny"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    verdicts = ("| PASS |", "| FAIL |", "| noisy |", "| - |")
    figures = [line for line in lines[3:] if line.startswith("| ") and line.endswith(verdicts)]
    modules = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    assert len(figures) >= len(modules), result.stdout
    # Each row: figure, ours, floor, ratio, target, verdict.
    assert all(line.count(" | ") == 5 for line in figures), result.stdout
    assert re.fullmatch(r"\d+ of \d+ figures meet their targets \(\d+ noisy\)", lines[-1]), lines[
        -1
    ]
