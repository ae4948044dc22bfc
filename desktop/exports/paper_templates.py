"""Her office's own DOCX templates for the papers, filled by docxtpl in Jinja's sandbox.

A template is a DOCX in which fields are marked (`{{ meeting.title }}`, a loop
`{%p for item in items %}` …). It is kept in the database (it travels with backups and a
shared file) and used instead of the built-in layout for its paper. Before one is kept it
is filled once with sample values of every field, in a sandbox where an unknown field is
an error: a broken template (not a DOCX, an unknown field, a bad loop) is refused with
the field and the paragraph named, and the one kept before stays in use. Values are
escaped, so a field's text can never become XML.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError
from desktop.core.models import AgendaItem, Meeting, Setting
from desktop.core.thai import (
    format_meeting_number,
    format_thai_date,
    format_thai_date_long,
    format_thai_time,
)
from desktop.exports.minutes_text import paragraphs, place_line
from desktop.exports.template_fill import fill

PAPERS = ("minutes", "invitation", "agenda", "news")
MAX_TEMPLATE_BYTES = 10_000_000
_KEY = "template:{}"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def checked_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise PrachumError(
            f"ไม่มีเอกสารชื่อ {paper} (มี {', '.join(PAPERS)})",
            f"No paper called {paper} (there are {', '.join(PAPERS)}).",
        )
    return paper


# --- what a template can say ----------------------------------------------------------


def _text(value: str | None) -> str:
    return _CONTROL.sub("", value or "")


def _item(item: AgendaItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": _text(item.title),
        "body": "\n".join(paragraphs(item.body)),
        "resolution": "\n".join(paragraphs(item.resolution)),
        "points": [_text(p.text) for p in item.points],
        "subitems": [_item(child) for child in item.children],
    }


def meeting_context(meeting: Meeting) -> dict[str, Any]:
    """Every field a template may use, for one meeting."""
    start, end = format_thai_time(meeting.start_time), format_thai_time(meeting.end_time)
    attendees = [
        {
            "number": number,
            "name": _text(a.name),
            "position": _text(a.position),
            "organization": _text(a.organization_name),
            "present": a.status == "present",
            "member": a.group == "member",
            "absence_reason": _text(a.absence_reason),
            "acting_as": _text(a.acting_as),
        }
        for number, a in enumerate(meeting.attendance, start=1)
    ]
    return {
        "meeting": {
            "title": _text(meeting.title),
            "number": format_meeting_number(meeting.number, meeting.date),
            "date": format_thai_date(meeting.date),
            "date_long": format_thai_date_long(meeting.date),
            "start": start,
            "end": end,
            "place": place_line(meeting),
            "venue": _text(meeting.venue),
            "network": _text(meeting.network.name) if meeting.network else "",
            "host": _text(meeting.host.name) if meeting.host else "",
            "online_link": _text(getattr(meeting, "online_link", None)),
            "online_meeting_id": _text(getattr(meeting, "online_meeting_id", None)),
            "online_passcode": _text(getattr(meeting, "online_passcode", None)),
        },
        "attendees": attendees,
        "items": [_item(item) for item in meeting.agenda],
        "paragraphs": [],
        "today": format_thai_date(date.today()),
    }


def sample_context() -> dict[str, Any]:
    """Sample values of every field: what a new template is tried with (the invitation's
    `letter` is added letter by letter: letter_templates.sample_letters)."""
    point_item = {
        "number": "1",
        "title": "เรื่องตัวอย่าง",
        "body": "ข้อความ",
        "resolution": "ที่ประชุมรับทราบ",
        "points": ["ข้อหนึ่ง"],
        "subitems": [],
    }
    sample_item = {**point_item, "subitems": [dict(point_item, number="1.1")]}
    return {
        "meeting": dict.fromkeys(
            (
                "title",
                "number",
                "date",
                "date_long",
                "start",
                "end",
                "place",
                "venue",
                "network",
                "host",
                "online_link",
                "online_meeting_id",
                "online_passcode",
            ),
            "ตัวอย่าง",
        ),
        "attendees": [
            {
                "number": 1,
                "name": "นายตัวอย่าง",
                "position": "ตำแหน่ง",
                "organization": "หน่วยงาน",
                "present": True,
                "member": True,
                "absence_reason": "",
                "acting_as": "",
            }
        ],
        "items": [sample_item],
        "paragraphs": ["ย่อหน้า"],
        "today": format_thai_date(date(2024, 1, 1)),
    }


def _try(paper: str, data: bytes) -> None:
    """Fill the template with sample values; PrachumError when it cannot be."""
    if paper == "invitation":  # filled per letter and merged: try two
        from desktop.exports.letter_templates import fill_letters, sample_letters

        fill_letters(data, sample_context(), sample_letters())
    else:
        fill(data, sample_context())


# --- kept in the database ------------------------------------------------------------


def paper_template(session: Session, paper: str) -> bytes | None:
    row = session.get(Setting, _KEY.format(checked_paper(paper)))
    return row.data if row is not None else None


def set_paper_template(session: Session, paper: str, data: bytes | None) -> None:
    """Keep her template for a paper (None: back to the built-in layout).

    The template is tried first with sample values of every field; a broken one is
    refused and the one kept before stays.
    """
    key = _KEY.format(checked_paper(paper))
    row = session.get(Setting, key)
    if data is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if len(data) > MAX_TEMPLATE_BYTES:
        raise PrachumError("แม่แบบใหญ่เกิน 10 MB", "The template is larger than 10 MB.")
    _try(paper, data)
    if row is None:
        row = Setting(key=key)
        session.add(row)
    row.data = data
    session.flush()


def write_from_template(path: Path | str, data: bytes, context: dict[str, Any]) -> Path:
    """Fill her template and write it, atomically: DOCX, or PDF through LibreOffice
    where it is installed (her layout is Word's to lay out, not Prachum's)."""
    return write_filled(path, fill(data, context))


def write_filled(path: Path | str, filled: bytes) -> Path:
    """Write a filled template: DOCX as it is, PDF through LibreOffice."""
    suffix = Path(path).suffix.casefold()
    if suffix == ".pdf":
        return write_atomically(path, lambda temporary: _pdf_by_libreoffice(filled, temporary))
    return write_atomically(path, lambda temporary: _write_bytes(temporary, filled))


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def libreoffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_by_libreoffice(docx_bytes: bytes, target: Path) -> None:
    import subprocess
    import tempfile

    program = libreoffice()
    if program is None:
        raise PrachumError(
            "เอกสารจากแม่แบบของหน่วยงานเป็น PDF ได้เมื่อติดตั้ง LibreOffice เท่านั้น: บันทึกเป็น .docx",
            "A paper from her own template becomes PDF only where LibreOffice is installed: "
            "save it as .docx.",
        )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "paper.docx"
        source.write_bytes(docx_bytes)
        profile = (Path(folder) / "profile").as_uri()
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        target.write_bytes((Path(folder) / "paper.pdf").read_bytes())
