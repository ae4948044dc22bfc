"""Importing a big meeting file grows linearly with it: 10× the attendees or the agenda
items takes about 10× the time, not 100× (each added item once renumbered the whole
meeting, and the set of people already matched was rebuilt for every person).

Floor: the same import ten times smaller. Target: at most 12× for ten times the size.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Figure, alternating_runs


def meeting_file(attendees: int, items: int) -> dict[str, Any]:
    """A valid meeting file: `attendees` people of 20 offices, `items` agenda items in
    top-level items of five sub-items each."""
    offices = [{"id": f"o{n}", "name": f"เทศบาลตำบลทดสอบที่ {n}"} for n in range(20)]
    people = [
        {
            "id": f"p{n}",
            "honorific": "นาย",
            "given_name": f"สมชาย{n}",
            "family_name": f"ใจดี{n % 97}",
            "position": "ปลัดเทศบาล",
            "organization": f"o{n % 20}",
        }
        for n in range(attendees)
    ]
    attendance = [{"person": f"p{n}", "status": "present"} for n in range(attendees)]
    agenda = []
    for top in range(max(1, items // 6)):
        agenda.append(
            {
                "number": f"{top + 1}",
                "title": f"เรื่องที่ {top + 1}",
                "body": "รายละเอียด " * 5,
                "items": [
                    {"number": f"{top + 1}.{sub + 1}", "title": f"เรื่องย่อย {top + 1}.{sub + 1}"}
                    for sub in range(5)
                ],
            }
        )
    return {
        "format": "prachum.meeting",
        "version": 2,
        "organizations": offices,
        "people": people,
        "meeting": {
            "title": "การประชุมทดสอบขนาดใหญ่",
            "date": "2024-03-05",
            "attendance": attendance,
            "agenda": agenda,
        },
    }


def importing(data: dict[str, Any]) -> Callable[[], None]:
    """One import of `data` into a new database, to be timed."""
    from desktop.core.db import open_database
    from desktop.core.operations.meeting_file import import_meeting

    def once() -> None:
        with tempfile.TemporaryDirectory() as folder:
            database = open_database(Path(folder) / "bench.db")
            try:
                with database.session() as session:
                    import_meeting(session, data)
            finally:
                database.close()

    return once


def run(tiny: bool = False) -> list[Figure]:
    scale, repeat = (100, 1) if tiny else (10, 3)
    attendees, items = 10_000 // scale, 2_000 // scale
    # The small import and the big one in turn: the ratio is taken pair by pair.
    big, small = alternating_runs(
        importing(meeting_file(attendees, 6)), importing(meeting_file(attendees // 10, 6)), repeat
    )
    tenth = "the same import, a tenth the size"
    figures = [
        Figure(
            f"import: {attendees:,} attendees vs {attendees // 10:,}",
            big,
            small,
            12,
            floor_label=tenth,
        )
    ]
    big, small = alternating_runs(
        importing(meeting_file(10, items)), importing(meeting_file(10, items // 10)), repeat
    )
    figures.append(
        Figure(
            f"import: {items:,} agenda items vs {items // 10:,}", big, small, 12, floor_label=tenth
        )
    )
    return figures
