"""The pieces every benchmark shares: a figure, medians of timed runs, peak memory."""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    """One line of the table: ours against the floor, and the target it must meet."""

    name: str
    ours: float
    """Median seconds (or bytes for a memory figure)."""
    floor: float | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.ours / self.floor

    @property
    def passed(self) -> bool:
        ok = True
        if self.max_ratio is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.max_ratio
        if self.max_seconds is not None:
            ok = ok and self.ours <= self.max_seconds
        return ok

    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.max_seconds is not None and self.unit == "trips":
            parts.append(f"≤ {self.max_seconds:g}")
        elif self.max_seconds is not None:
            parts.append(f"< {_show(self.max_seconds, self.unit)}")
        return ", ".join(parts) or "-"

    def line(self) -> str:
        floor = _show(self.floor, self.unit) if self.floor is not None else "-"
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "-"
        verdict = "PASS" if self.passed else "FAIL"
        return (
            f"{self.name:<52} {_show(self.ours, self.unit):>10} {floor:>10} {ratio:>8} "
            f"{self.target():>16}  {verdict}"
        )


def _show(value: float, unit: str) -> str:
    if unit == "trips":
        return f"{value:g}"
    if unit == "B":
        return f"{value / 1e6:.1f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


HEADER = f"{'figure':<52} {'ours':>10} {'floor':>10} {'ratio':>8} {'target':>16}  verdict"


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` runs, with a collection before each."""
    times = []
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating_medians(
    ours: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Run ours and the floor in turn, so that machine noise falls on both alike."""
    mine, theirs = [], []
    for _ in range(max(1, repeat)):
        for run, bucket in ((floor, theirs), (ours, mine)):
            gc.collect()
            start = time.perf_counter()
            run()
            bucket.append(time.perf_counter() - start)
    return statistics.median(mine), statistics.median(theirs)


def peak_memory(run: Callable[[], object]) -> int:
    """Peak Python allocation (bytes) while `run` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
