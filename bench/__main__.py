"""`python -m bench [--tiny] [--only NAME]`: every figure, one row of a table each.

The verdict of a row is PASS, FAIL, or noisy (its runs fall on both sides of the
target: not met), or `-` for a figure shown without a target.

Each module `bench/bench_*.py` has `run(tiny: bool) -> list[Figure]`; data is made here
with a fixed seed, nothing comes from the network.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import HEADER, NOISY, Figure


def modules(only: str | None) -> list[str]:
    import bench

    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    return [n for n in names if only is None or only in n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--tiny", action="store_true", help="small sizes, one run (for tests)")
    parser.add_argument("--only", help="run only the benchmarks whose module name contains this")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(HEADER)
    figures: list[Figure] = []
    for name in modules(args.only):
        module = importlib.import_module(f"bench.{name}")
        for figure in module.run(tiny=args.tiny):
            figures.append(figure)
            print(figure.line(), flush=True)
    judged = [f for f in figures if f.has_target]
    met = [f for f in judged if f.passed]
    noisy = [f for f in judged if f.verdict == NOISY]
    print(f"the run took {time.perf_counter() - started:.0f} s")
    print(f"{len(met)} of {len(judged)} figures meet their targets ({len(noisy)} noisy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
