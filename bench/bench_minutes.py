"""The minutes of a large meeting: 300 attendees, 40 agenda items, 120 resolution points.

Floor: plain python-docx writing the same paragraphs, one add_paragraph each, with no
styling work. Ours builds the styles, the page, the header and the attendee tables too.
"""

from __future__ import annotations

import io
import random
import tempfile
from datetime import date
from pathlib import Path

import docx

from bench.common import Figure, alternating_runs
from desktop.core import services
from desktop.core.db import open_database
from desktop.exports.minutes_docx import export_minutes, minutes_document
from desktop.exports.minutes_text import Signature, block_text, minutes_blocks

GIVEN = ("สมชาย", "มาลี", "วิไล", "ประภัสร์", "ไพโรจน์", "กมล", "เกษม", "ทานตะวัน", "อนุชา")
FAMILY = ("ใจดี", "บุญมา", "ศรีสุข", "ภู่เจริญ", "ทองดี", "คำปัน", "นันทชัย", "วงศ์ใหญ่")
POSITIONS = (
    ("นายกเทศมนตรีตำบล", "executive"),
    ("ปลัดเทศบาลตำบล", "clerk"),
    ("รองปลัดเทศบาลตำบล", "deputy_clerk"),
    ("นักวิเคราะห์นโยบายและแผน", "officer"),
    ("สมาชิกสภาเทศบาลตำบล", "council"),
)
SENTENCE = (
    "ฝ่ายเลขานุการเสนอแนวทางการดำเนินงานร่วมกันของหน่วยงานสมาชิก "
    "เพื่อให้การบริหารจัดการน้ำในพื้นที่ลุ่มน้ำเป็นไปอย่างมีประสิทธิภาพ "
)


def build_meeting(session, attendees: int, items: int, points_per_item: int) -> int:
    """A meeting of the given size, made through the services with a fixed seed."""
    rng = random.Random(2565)
    organizations = [
        services.create_organization(session, name=f"เทศบาลตำบลทดสอบ{n}", short_name=f"ทต.{n}")
        for n in range(1, attendees // 10 + 2)
    ]
    people = []
    for n in range(attendees):
        organization = organizations[n // 10]
        position, role = POSITIONS[n % len(POSITIONS)]
        people.append(
            services.create_person(
                session,
                honorific=rng.choice(("นาย", "นาง", "นางสาว")),
                given_name=f"{rng.choice(GIVEN)}{n}",
                family_name=rng.choice(FAMILY),
                position=f"{position}ทดสอบ{n // 10 + 1}",
                role=role,
                organization_id=organization.id,
            )
        )
    meeting = services.create_meeting(
        session,
        title="การประชุมคณะทำงานเครือข่ายเทศบาลขนาดใหญ่",
        number=1,
        date=date(2024, 2, 14),
        start="09:30",
        end="16:30",
        mode="hybrid",
        platform="Zoom",
        venue="ห้องประชุมสภา",
        recorder_id=people[3].id,
        reviewer_id=people[2].id,
        opening="ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
    )
    for n, person in enumerate(people):
        absent = n % 17 == 0
        services.add_attendee(
            session,
            meeting.id,
            person.id,
            group="participant" if n % 29 == 0 else "member",
            status="absent" if absent else "present",
            absence_reason="ติดราชการ" if absent else None,
            acting_as="ปลัดเทศบาล" if n % 23 == 0 else None,
        )
    top_level = max(1, items // 4)
    made = 0
    parents = []
    for n in range(top_level):
        parents.append(
            services.add_agenda_item(session, meeting.id, title=f"เรื่องเพื่อพิจารณาที่ {n + 1}")
        )
        made += 1
    while made < items:
        parent = parents[made % top_level]
        item = services.add_agenda_item(
            session,
            meeting.id,
            parent_id=parent.id,
            title=f"เรื่องย่อยที่ {made}",
            body="\n".join(SENTENCE * rng.randint(1, 3) for _ in range(3)),
            resolution="ที่ประชุมเห็นชอบ ดังนี้",
        )
        services.set_resolution_points(session, item.id, [SENTENCE for _ in range(points_per_item)])
        services.add_action(
            session,
            item.id,
            text="จัดทำรายละเอียดเสนอที่ประชุมครั้งต่อไป",
            owner_organization_id=organizations[made % len(organizations)].id,
            due=date(2024, 3, 1),
        )
        made += 1
    return meeting.id


def plain_paragraphs(meeting) -> list[str]:
    """The same paragraphs as the minutes, as plain text lines."""
    lines: list[str] = []
    for block in minutes_blocks(meeting):
        if isinstance(block, Signature):
            lines.extend(block.lines)
        else:
            lines.append(block_text(block))
    return lines


def floor_write(lines: list[str]) -> None:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(io.BytesIO())


def floor_write_file(lines: list[str], path: Path) -> None:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def run(tiny: bool = False) -> list[Figure]:
    attendees, items, points = (30, 8, 2) if tiny else (300, 40, 4)
    repeat = 1 if tiny else 7
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.db")
        try:
            with database.session() as session:
                # 40 items: 10 top-level, 30 sub-items with 4 points each (120 points).
                meeting_id = build_meeting(session, attendees, items, points)
            with database.session() as session:
                meeting = services.load_meeting(session, meeting_id)
                lines = plain_paragraphs(meeting)

                def ours() -> None:
                    minutes_document(meeting).save(io.BytesIO())

                mine, floor = alternating_runs(ours, lambda: floor_write(lines), repeat)
                target = Path(folder) / "minutes.docx"
                end_to_end, plain = alternating_runs(
                    lambda: export_minutes(session, meeting_id, target),
                    lambda: floor_write_file(lines, Path(folder) / "plain.docx"),
                    repeat,
                )
        finally:
            database.close()
    size = f"{attendees} people, {items} items"
    plain_docx = "plain python-docx, a paragraph a line"
    return [
        Figure(f"minutes DOCX ({size})", mine, floor, max_ratio=1.3, floor_label=plain_docx),
        # From the database to the file: the meeting read, the document built and saved.
        Figure(
            "minutes export, load to file",
            end_to_end,
            plain,
            max_ratio=3.0,
            floor_label=plain_docx + ", to file",
        ),
    ]
