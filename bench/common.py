"""The pieces every benchmark shares: a figure, timed runs, peak memory.

A figure holds every timed run, not only a median: the verdict must hold over the spread.
A figure whose spread crosses its target (the fastest run meets it, the slowest does not)
is "noisy" and counts as not met, so that a verdict never flips with the machine's load.
Ratios are taken run by run against a floor measured in the same run, interleaved with
ours, so that the load of the moment falls on both alike.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass

PASS, NOISY, FAIL, NO_TARGET = "PASS", "noisy", "FAIL", "-"


def _as_list(value: Sequence[float] | float | None) -> list[float]:
    if value is None:
        return []
    if isinstance(value, int | float):
        return [float(value)]
    return [float(v) for v in value]


def _judge(values: list[float], limit: float) -> str:
    if max(values) <= limit:
        return PASS
    if min(values) <= limit:
        return NOISY
    return FAIL


@dataclass
class Figure:
    """One line of the table: ours against the floor, and the target it must meet.

    `ours` and `floor` are the runs (seconds, or bytes for a memory figure, or one exact
    count). With as many floor runs as ours they were interleaved, and the ratio is
    taken pair by pair. `max_ratio` is the target against the floor; `max_seconds` is a
    budget of a person's perception (a stall, a scroll step) or a count's ceiling, shown
    with the floor of the same run beside it.
    """

    name: str
    ours: Sequence[float] | float
    floor: Sequence[float] | float | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    unit: str = "s"
    floor_label: str = ""
    """What the floor is, in a few words (`a bare QMainWindow, painted`)."""

    @property
    def runs(self) -> list[float]:
        return _as_list(self.ours)

    @property
    def floor_runs(self) -> list[float]:
        return [f for f in _as_list(self.floor) if f > 0]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def ratios(self) -> list[float]:
        ours, floor = self.runs, self.floor_runs
        if not floor:
            return []
        if len(floor) == len(ours):
            return [o / f for o, f in zip(ours, floor, strict=True)]
        middle = statistics.median(floor)
        return [o / middle for o in ours]

    @property
    def ratio(self) -> float | None:
        ratios = self.ratios
        return statistics.median(ratios) if ratios else None

    @property
    def verdict(self) -> str:
        verdicts = []
        if self.max_ratio is not None and self.ratios:
            verdicts.append(_judge(self.ratios, self.max_ratio))
        if self.max_seconds is not None:
            verdicts.append(_judge(self.runs, self.max_seconds))
        if not verdicts:
            return NO_TARGET
        for worst in (FAIL, NOISY):
            if worst in verdicts:
                return worst
        return PASS

    @property
    def has_target(self) -> bool:
        return self.verdict != NO_TARGET

    @property
    def passed(self) -> bool:
        return self.verdict in (PASS, NO_TARGET)

    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.max_seconds is not None and self.unit == "trips":
            parts.append(f"≤ {self.max_seconds:g}")
        elif self.max_seconds is not None:
            parts.append(f"< {_show(self.max_seconds, self.unit)}")
        return ", ".join(parts) or "-"

    def cells(self) -> list[str]:
        """The row of the table: figure, ours, floor, ratio, target, verdict."""
        floor = _spread(self.floor_runs, self.unit) if self.floor_runs else "-"
        if self.floor_label:
            floor = f"{floor} ({self.floor_label})" if self.floor_runs else self.floor_label
        ratios = self.ratios
        ratio = _spread_ratio(ratios) if ratios else "-"
        return [self.name, _spread(self.runs, self.unit), floor, ratio, self.target(), self.verdict]

    def line(self) -> str:
        return "| " + " | ".join(self.cells()) + " |"


def _show(value: float, unit: str) -> str:
    if unit == "trips":
        return f"{value:g}"
    if unit == "B":
        return f"{value / 1e6:.1f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _spread(values: list[float], unit: str) -> str:
    """The median, then the fastest and slowest run: `133.0 ms (128.1–140.2 ms)`."""
    middle = _show(statistics.median(values), unit)
    if len(values) < 2 or min(values) == max(values):
        return middle
    return f"{middle} ({_show(min(values), unit)}–{_show(max(values), unit)})"


def _spread_ratio(values: list[float]) -> str:
    middle = f"{statistics.median(values):.2f}×"
    if len(values) < 2:
        return middle
    return f"{middle} ({min(values):.2f}–{max(values):.2f}×)"


HEADER = (
    "| figure | ours: median (min–max) | floor, same run | ratio | target | verdict |\n"
    "| --- | --- | --- | --- | --- | --- |"
)


def timed_runs(run: Callable[[], object], repeat: int) -> list[float]:
    """The wall time of each of `repeat` runs, with a collection before each."""
    times = []
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` runs, with a collection before each."""
    return statistics.median(timed_runs(run, repeat))


def alternating_runs(
    ours: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Run the floor and ours in turn, so that machine noise falls on both alike; the
    times of each run, in pairs."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(max(1, repeat)):
        for run, bucket in ((floor, theirs), (ours, mine)):
            gc.collect()
            start = time.perf_counter()
            run()
            bucket.append(time.perf_counter() - start)
    return mine, theirs


def peak_memory(run: Callable[[], object]) -> int:
    """Peak Python allocation (bytes) while `run` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
