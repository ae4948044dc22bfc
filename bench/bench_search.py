"""Search over 10,000 meetings: a 3-character query (trigram index) and a 1-character one.

A budget of her perception (50 ms, a keystroke's answer), shown beside its floor in the
same run: the database's own text search alone, without the hits made from it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import Connection

from bench.common import Figure, alternating_runs
from bench.data import build_big_database
from desktop.core import features, services
from desktop.core.db import open_database
from desktop.core.services.common import clean


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
                    connection = session.connection()
                    text = clean(query)

                    def floor(text: str = text, connection: Connection = connection) -> None:
                        features.of(connection).search_text(connection, text, limit=600)

                    services.search(session, query)  # its statements compiled once, as in use
                    ours, floors = alternating_runs(
                        lambda q=query: services.search(session, q), floor, repeat
                    )
                    figures.append(
                        Figure(
                            f"search {meetings:,} meetings, {label}",
                            ours,
                            floors,
                            max_seconds=target,
                            floor_label="the text search alone",
                        )
                    )
        finally:
            database.close()
    return figures
