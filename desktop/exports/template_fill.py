"""Filling a DOCX template with docxtpl in Jinja's sandbox, and saying where it broke.

An unknown field is an error (StrictUndefined), every value is escaped (no field's text
can become XML), and a template that cannot be filled is refused with the field and the
paragraph named, as she wrote them.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from desktop.core.errors import PrachumError


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
        field = _field_of(exc.message or "", data)
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


def _field_of(message: str, data: bytes) -> str:
    """The field Jinja could not find, as she wrote it (`letter.colour`, not Jinja's
    `'dict object' has no attribute 'colour'`)."""
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", message)
    if match is None:
        return message
    if not match.group(2):
        return match.group(1)
    attribute = match.group(2)
    for text in _paragraph_texts(data):
        written = re.search(r"([A-Za-z_][\w.]*)\." + re.escape(attribute) + r"\b", text)
        if written:
            return f"{written.group(1)}.{attribute}"
    return f"{match.group(1)}.{attribute}"


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
