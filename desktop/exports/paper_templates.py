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

import io
import re
import zipfile
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

PAPERS = ("minutes", "agenda", "news")
MAX_TEMPLATE_BYTES = 10_000_000
_KEY = "template:{}"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _checked_paper(paper: str) -> str:
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
    """Sample values of every field: what a new template is tried with."""
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


# --- filling ---------------------------------------------------------------------------


def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined)


def fill(data: bytes, context: dict[str, Any]) -> bytes:
    """The template filled with the context, as DOCX bytes; PrachumError when it cannot be."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PrachumError(
            "แม่แบบต้องเป็นไฟล์ Word (.docx)", "The template must be a Word file (.docx)."
        )
    try:
        template = DocxTemplate(io.BytesIO(data))
        template.render(context, jinja_env=_environment(), autoescape=True)
        out = io.BytesIO()
        template.save(out)
    except TemplateSyntaxError as exc:
        where = _paragraph_of(data, exc.source, exc.lineno)
        raise PrachumError(
            f"แม่แบบผิดรูปแบบ{where.th}: {exc.message}",
            f"The template is malformed{where.en}: {exc.message}",
        ) from exc
    except UndefinedError as exc:
        field = _field_of(exc.message or "")
        where = _paragraph_with(data, field)
        raise PrachumError(
            f"แม่แบบใช้ช่องข้อมูลที่ไม่มี: {field}{where.th}",
            f"The template uses a field that does not exist: {field}{where.en}",
        ) from exc
    except (TemplateError, TypeError, AttributeError) as exc:
        # A loop over something that is not a list, a filter the sandbox refuses…
        raise PrachumError(f"แม่แบบใช้ไม่ได้: {exc}", f"The template cannot be used: {exc}") from exc
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PrachumError(
            "แม่แบบไม่ใช่ไฟล์ Word ที่ถูกต้อง", f"The template is not a valid Word file ({exc})."
        ) from exc
    return out.getvalue()


class _Where:
    def __init__(self, number: int | None, text: str = "") -> None:
        self.th = f" (ย่อหน้าที่ {number}: {text})" if number else ""
        self.en = f" (paragraph {number}: {text})" if number else ""


def _field_of(message: str) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", message)
    if match is None:
        return message
    return f"{match.group(1)}.{match.group(2)}" if match.group(2) else match.group(1)


def _paragraph_texts(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found.extend(cell.text for cell in row.cells)
    return found


def _paragraph_with(data: bytes, field: str) -> _Where:
    last = field.rsplit(".", 1)[-1]
    for number, text in enumerate(_paragraph_texts(data), start=1):
        if last and last in text and "{" in text:
            return _Where(number, text.strip()[:80])
    return _Where(None)


def _paragraph_of(data: bytes, source: str | None, lineno: int | None) -> _Where:
    """The paragraph that holds the tag Jinja stopped at (its line in docxtpl's text)."""
    if source and lineno:
        lines = source.splitlines()
        line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
        tags = re.findall(r"\{[{%].*?[}%]\}", re.sub(r"<[^>]+>", "", line))
        for tag in tags:
            for number, text in enumerate(_paragraph_texts(data), start=1):
                if tag.strip("{}% ")[:20] in text:
                    return _Where(number, text.strip()[:80])
    return _Where(None)


# --- kept in the database ------------------------------------------------------------


def paper_template(session: Session, paper: str) -> bytes | None:
    row = session.get(Setting, _KEY.format(_checked_paper(paper)))
    return row.data if row is not None else None


def set_paper_template(session: Session, paper: str, data: bytes | None) -> None:
    """Keep her template for a paper (None: back to the built-in layout).

    The template is tried first with sample values of every field; a broken one is
    refused and the one kept before stays.
    """
    key = _KEY.format(_checked_paper(paper))
    row = session.get(Setting, key)
    if data is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if len(data) > MAX_TEMPLATE_BYTES:
        raise PrachumError("แม่แบบใหญ่เกิน 10 MB", "The template is larger than 10 MB.")
    fill(data, sample_context())
    if row is None:
        row = Setting(key=key)
        session.add(row)
    row.data = data
    session.flush()


def write_from_template(path: Path | str, data: bytes, context: dict[str, Any]) -> Path:
    """Fill her template and write it, atomically: DOCX, or PDF through LibreOffice
    where it is installed (her layout is Word's to lay out, not Prachum's)."""
    suffix = Path(path).suffix.casefold()
    filled = fill(data, context)
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


# --- the built-in layouts, as templates she can start from ----------------------------

_BUILTIN = {
    "agenda": [
        ("MinutesTitle", "ระเบียบวาระการประชุม {{ meeting.title }}"),
        ("MinutesTitle", "{{ meeting.number }}"),
        ("MinutesTitle", "{{ meeting.date_long }} เวลา {{ meeting.start }}"),
        ("MinutesTitle", "{{ meeting.place }}"),
        ("MinutesLine", "{%p for item in items %}"),
        ("MinutesItemTitle", "ระเบียบวาระที่ {{ item.number }}\t{{ item.title }}"),
        ("MinutesLine", "{%p for sub in item.subitems %}"),
        ("MinutesBody", "{{ sub.number }} {{ sub.title }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "{%p endfor %}"),
    ],
    "news": [
        ("MinutesTitle", "ข่าวประชาสัมพันธ์"),
        ("MinutesLine", "{%p for paragraph in paragraphs %}"),
        ("MinutesBody", "{{ paragraph }}"),
        ("MinutesLine", "{%p endfor %}"),
    ],
    "minutes": [
        ("MinutesTitle", "รายงานการประชุม{{ meeting.title }}"),
        ("MinutesTitle", "{{ meeting.number }}"),
        ("MinutesTitle", "เมื่อ{{ meeting.date_long }}"),
        ("MinutesTitle", "{{ meeting.place }}"),
        ("MinutesHeading", "ผู้มาประชุม"),
        ("MinutesLine", "{%p for person in attendees if person.present %}"),
        ("MinutesLine", "{{ loop.index }}. {{ person.name }}\t{{ person.position }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "เริ่มประชุมเวลา {{ meeting.start }}"),
        ("MinutesLine", "{%p for item in items %}"),
        ("MinutesItemTitle", "ระเบียบวาระที่ {{ item.number }}\t{{ item.title }}"),
        ("MinutesBody", "{{ item.body }}"),
        ("MinutesResolution", "มติที่ประชุม\t{{ item.resolution }}"),
        ("MinutesLine", "{%p endfor %}"),
        ("MinutesLine", "เลิกประชุมเวลา {{ meeting.end }}"),
    ],
}


def builtin_template(paper: str, font: str | None = None) -> bytes:
    """The built-in layout of a paper as a template (fields marked), to start hers from."""
    import docx

    from desktop.exports import docx_typography as typo
    from desktop.exports.font_setting import checked_font

    document = docx.Document()
    typo.apply_typography(document, checked_font(font), "thaiDistribute")
    typo.set_a4_page(document, thai_digits=False)
    names = {style.style_id: style.name for style in document.styles}
    for style, text in _BUILTIN[_checked_paper(paper)]:
        document.add_paragraph(text, style=names[style])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
