"""Big, deterministic databases for the benchmarks (a fixed seed; nothing from outside)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop.core.db import open_database
from desktop.core.models import AgendaItem, Meeting, Network, Organization, Person, ResolutionPoint

WORDS = [
    "การประชุม",
    "คณะทำงาน",
    "เครือข่าย",
    "บริหารจัดการน้ำ",
    "งบประมาณ",
    "โครงการ",
    "แผนพัฒนา",
    "ท้องถิ่น",
    "บันทึกข้อตกลง",
    "ความร่วมมือ",
    "เห็นชอบ",
    "รับทราบ",
    "อนุมัติ",
    "ติดตาม",
    "ประเมินผล",
    "สาธารณสุข",
    "การศึกษา",
    "ขยะมูลฝอย",
    "ถนน",
    "ประปา",
    "ภัยแล้ง",
    "น้ำท่วม",
    "อาสาสมัคร",
    "ผู้สูงอายุ",
    "เด็กและเยาวชน",
]


def _sentence(rng: random.Random, words: int) -> str:
    return "".join(
        rng.choice(WORDS) + (" " if rng.random() < 0.3 else "") for _ in range(words)
    ).strip()


def build_big_database(path: Path, *, meetings: int = 10_000, seed: int = 7) -> Path:
    """A database of `meetings` meetings with six items each and a resolution point each.

    Rows are inserted in bulk (this is data for measuring, not a user's action); the
    search index fills itself through its triggers as it would for typed rows.
    """
    rng = random.Random(seed)
    database = open_database(path)
    with database.session() as session:
        organization = Organization(
            name="เทศบาลตำบลทดสอบ", kind="subdistrict_municipality", active=True
        )
        network = Network(name="เครือข่ายทดสอบความเร็ว", active=True)
        session.add_all([organization, network])
        session.flush()
        session.add(
            Person(given_name="ทดสอบ", role="officer", organization_id=organization.id, active=True)
        )
        start = date(2000, 1, 1)
        rows = [
            {
                "id": i + 1,
                "network_id": network.id,
                "title": _sentence(rng, 4),
                "number": i % 12 + 1,
                "date": start + timedelta(days=i),
                "mode": "onsite",
                "status": "final",
            }
            for i in range(meetings)
        ]
        session.execute(insert(Meeting), rows)
        items, points = [], []
        for meeting in range(1, meetings + 1):
            for n in range(1, 7):
                item_id = len(items) + 1
                items.append(
                    {
                        "id": item_id,
                        "meeting_id": meeting,
                        "number": str(n),
                        "category": "other",
                        "title": _sentence(rng, 3),
                        "body": _sentence(rng, 12),
                        "resolution": rng.choice(["ที่ประชุมรับทราบ", "ที่ประชุมเห็นชอบ", "ที่ประชุมอนุมัติ"]),
                        "sort_order": n,
                    }
                )
                points.append(
                    {"agenda_item_id": item_id, "text": _sentence(rng, 5), "sort_order": 1}
                )
        session.execute(insert(AgendaItem), items)
        session.execute(insert(ResolutionPoint), points)
    database.close()
    return path
