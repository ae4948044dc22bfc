"""`python -m bench [--tiny] [--only NAME]`: every figure, one line each, PASS or FAIL.

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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import HEADER, Figure


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
    failed = [f.name for f in figures if not f.passed]
    print(f"{len(figures) - len(failed)} of {len(figures)} figures meet their targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
