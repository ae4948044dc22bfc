"""Search over 10,000 meetings: a 3-character query (trigram index) and a 1-character one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Figure, median_seconds
from bench.data import build_big_database
from desktop.core import services
from desktop.core.db import open_database


def run(tiny: bool = False) -> list[Figure]:
    meetings, repeat = (200, 1) if tiny else (10_000, 15)
    with tempfile.TemporaryDirectory() as folder:
        path = build_big_database(Path(folder) / "big.db", meetings=meetings)
        database = open_database(path)
        figures = []
        try:
            with database.session() as session:
                for query, label, target in (
                    ("งบประ", "5-char", 0.05),
                    ("น้ำ", "3-char", 0.05),
                    ("ภ", "1-char", 0.05),
                    # No match for a short query scans all text: shown, not targeted.
                    ("ฌฌ", "2-char, no match (full scan)", None),
                ):
                    seconds = median_seconds(lambda q=query: services.search(session, q), repeat)
                    figures.append(
                        Figure(f"search {meetings} meetings, {label}", seconds, max_seconds=target)
                    )
        finally:
            database.close()
    return figures
