"""Attendance XLSX at scale: a 50,000-row list against plain openpyxl write-only writing
the same rows, and a network summary of 500 people × 100 meetings.

Both sides of the 50,000-row figure start from the same rows in memory (what the export
builds from the attendance lines) and end with a saved file: the difference is all that
ours adds (the Thai default font, safe text, times as times, widths, the title block,
the frame, print settings and the counts sheet).
"""

from __future__ import annotations

import random
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import insert

from bench.common import Figure, alternating_runs, peak_memory
from desktop.core.db import open_database
from desktop.core.models import Attendance, Meeting, Network, Organization, Person
from desktop.exports.attendance_xlsx import (
    ATTENDANCE_HEADERS,
    OrganizationCount,
    attendance_workbook,
    export_network_summary,
)

GIVEN = ["สมชาย", "มาลี", "วิไล", "ประภัสร์", "ไพโรจน์", "กมล", "เกษม", "ทานตะวัน", "อนุชา"]
FAMILY = ["ใจดี", "ศรีสุข", "ภู่เจริญ", "ปัญญาวงศ์", "ทองดี", "คำปัน", "เรือนแก้ว", "วงศ์ใหญ่"]
HONORIFICS = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี"]
POSITIONS = [
    "นายกเทศมนตรีตำบลบ้านกลาง",
    "ปลัดเทศบาล",
    "รองปลัดเทศบาล",
    "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
    "นักวิเคราะห์นโยบายและแผนชำนาญการ",
]
REASONS = ["ลา", "ติดราชการ", "ป่วย", None]


def organization_names(count: int) -> list[str]:
    return [f"เทศบาลตำบลทดสอบที่{n}" for n in range(1, count + 1)]


def attendance_rows(count: int, seed: int = 7) -> list[tuple]:
    """Rows as the export builds them: names, Thai words, times, minutes, a few notes."""
    rng = random.Random(seed)
    organizations = organization_names(100)
    rows = []
    for n in range(1, count + 1):
        present = rng.random() < 0.85
        joined = time(9, rng.randrange(0, 30)) if present else None
        left = time(rng.randrange(11, 13), rng.randrange(0, 60)) if present else None
        if n % 1000 == 0:
            name = '=HYPERLINK("http://x","y")'  # the odd hostile name, kept as text
        else:
            name = f"{rng.choice(HONORIFICS)}{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        rows.append(
            (
                n,
                name,
                rng.choice(POSITIONS),
                rng.choice(organizations),
                "สมาชิก" if rng.random() < 0.9 else "ผู้เข้าร่วม",
                "มา" if present else "ไม่มา",
                None if present else rng.choice(REASONS),
                joined,
                left,
                rng.randrange(60, 180) if present else None,
                "รักษาราชการแทนปลัดเทศบาล" if rng.random() < 0.05 else None,
            )
        )
    return rows


def _counts(rows: list[tuple]) -> list[OrganizationCount]:
    counts: dict[str, OrganizationCount] = {}
    for row in rows:
        count = counts.setdefault(row[3], OrganizationCount(row[3]))
        if row[4] == "สมาชิก":
            count.invited += 1
            count.present += row[5] == "มา"
            count.absent += row[5] != "มา"
        else:
            count.participants += row[5] == "มา"
    return list(counts.values())


def _plain_write_only(path: Path, headers: list[str], rows: list[tuple]) -> None:
    """The floor: openpyxl's write-only mode appending the same values, nothing else."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("attendance")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _list_figures(folder: Path, count: int, repeat: int) -> list[Figure]:
    rows = attendance_rows(count)
    counts = _counts(rows)
    # Memory is flat in write-only mode whatever the length; traced allocations slow a
    # run threefold, so the peak is taken on a fifth of the rows.
    few = rows[: count // 5]
    few_counts = _counts(few)
    headings = ["การประชุมใหญ่เครือข่าย", "ครั้งที่ 1/2567", "วันพุธที่ 3 มกราคม 2567"]

    def ours() -> None:
        attendance_workbook(headings, rows, counts).save(folder / "ours.xlsx")

    def floor() -> None:
        _plain_write_only(folder / "floor.xlsx", ATTENDANCE_HEADERS, rows)

    mine, theirs = alternating_runs(ours, floor, repeat)
    plain = "openpyxl write-only, values only"
    return [
        Figure(f"attendance {count:,} rows: write", mine, theirs, max_ratio=1.1, floor_label=plain),
        Figure(
            f"attendance {len(few):,} rows: peak memory",
            peak_memory(
                lambda: attendance_workbook(headings, few, few_counts).save(folder / "few.xlsx")
            ),
            peak_memory(
                lambda: _plain_write_only(folder / "few-floor.xlsx", ATTENDANCE_HEADERS, few)
            ),
            1.2,
            unit="B",
            floor_label=plain,
        ),
    ]


def build_summary_database(path: Path, people: int, meetings: int, seed: int = 7) -> int:
    """A network with `people` members in 50 organisations and `meetings` meetings that
    all of them are invited to; inserted in bulk (data for measuring, not a user's action)."""
    rng = random.Random(seed)
    database = open_database(path)
    try:
        with database.session() as session:
            network = Network(name="เครือข่ายทดสอบความเร็ว", active=True)
            session.add(network)
            names = organization_names(50)
            session.execute(
                insert(Organization),
                [
                    {"id": i, "name": n, "kind": "sao", "active": True}
                    for i, n in enumerate(names, 1)
                ],
            )
            session.execute(
                insert(Person),
                [
                    {
                        "id": p,
                        "honorific": rng.choice(HONORIFICS),
                        "given_name": f"{rng.choice(GIVEN)}{p}",
                        "family_name": rng.choice(FAMILY),
                        "position": rng.choice(POSITIONS),
                        "role": "officer",
                        "organization_id": p % 50 + 1,
                        "active": True,
                    }
                    for p in range(1, people + 1)
                ],
            )
            session.flush()
            start = date(2020, 1, 6)
            session.execute(
                insert(Meeting),
                [
                    {
                        "id": m,
                        "network_id": network.id,
                        "title": "การประชุมคณะทำงาน",
                        "number": m,
                        "date": start + timedelta(days=14 * m),
                        "mode": "online",
                        "status": "final",
                    }
                    for m in range(1, meetings + 1)
                ],
            )
            lines = []
            for m in range(1, meetings + 1):
                for p in range(1, people + 1):
                    present = rng.random() < 0.8
                    lines.append(
                        {
                            "meeting_id": m,
                            "person_id": p,
                            "name": f"นาย{GIVEN[p % len(GIVEN)]}{p} {FAMILY[p % len(FAMILY)]}",
                            "organization_name": names[p % 50],
                            "group": "member",
                            "status": "present" if present else "absent",
                            "absence_reason": None if present else rng.choice(REASONS),
                            "source": "zoom",
                            "sort_order": p,
                        }
                    )
            session.execute(insert(Attendance), lines)
            return network.id
    finally:
        database.close()


def _summary_figures(folder: Path, people: int, meetings: int) -> list[Figure]:
    network_id = build_summary_database(folder / "summary.db", people, meetings)
    database = open_database(folder / "summary.db")
    try:
        with database.session() as session:

            def ours() -> None:
                export_network_summary(
                    session, network_id, date(2000, 1, 1), date(2100, 1, 1), folder / "s.xlsx"
                )

            seconds, _ = alternating_runs(ours, lambda: None, 1)
            memory = peak_memory(ours)
    finally:
        database.close()
    label = f"summary {people} people×{meetings} mtg"
    # No floor: the figure says what a secretary waits for, from the database to the file.
    return [
        Figure(f"{label}: export", seconds),
        Figure(f"{label}: peak memory", memory, unit="B"),
    ]


def run(tiny: bool = False) -> list[Figure]:
    count, repeat = (2_000, 1) if tiny else (50_000, 4)
    people, meetings = (50, 10) if tiny else (500, 100)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        return [*_list_figures(folder, count, repeat), *_summary_figures(folder, people, meetings)]
