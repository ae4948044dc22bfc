"""The official minutes (รายงานการประชุม, แบบที่ 11) as a DOCX a secretary can sign and file.

minutes_text decides what the minutes say; this module lays the blocks out in Word's
terms. Formatting lives in the styles (docx_typography), so a paragraph is just a style
name and text: the body is written as one XML string and parsed once, which keeps a
300-person, 40-item meeting about as fast as plain python-docx writing bare paragraphs
(bench/bench_minutes.py). The result is still an ordinary python-docx Document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml import parse_xml
from lxml import etree
from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.models import Meeting
from desktop.core.services.meetings import load_meeting
from desktop.exports import docx_typography as typo
from desktop.exports.font_setting import checked_font
from desktop.exports.minutes_text import (
    ActionLine,
    AttendeeRow,
    BodyParagraph,
    Heading,
    ItemTitle,
    Line,
    MinutesBlock,
    Resolution,
    ResolutionPointLine,
    Signature,
    TitleLine,
    minutes_blocks,
    minutes_heading,
)

Progress = Callable[[int, int], None]

# Attendee table columns (twips): the position column takes what the others leave.
MIN_NUMBER_WIDTH, CELL_PADDING = 567, 300
MIN_NAME_WIDTH, MAX_NAME_WIDTH = 3402, 4536  # 6 cm to 8 cm
MAX_CAPACITY_WIDTH, MIN_CAPACITY_WIDTH = 3402, 1985  # 6 cm down to 3.5 cm
MIN_POSITION_WIDTH = 3402  # 6 cm for the position when a capacity column shares the line
MIN_SHARED_NAME_WIDTH = 2835  # 5 cm
# An item title's text stands at a fixed place, its label hanging before it, so that
# a long title wraps under itself: top level at 5 cm, sub-items further in.
ITEM_TEXT_AT = {0: (0, 2835), 1: (709, 1418), 2: (1418, 2410)}
SIGNATURE_SPACE = 480  # 24 pt above a signature line: room to sign

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def export_minutes(
    session: Session,
    meeting_id: int,
    path: Path | str,
    *,
    thai_digits: bool = False,
    font: str | None = None,
    justification: str = "thaiDistribute",
    zero_votes_as_none: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the meeting's minutes to `path` (atomically) and return the path.

    Raises NotFound for an unknown meeting, PrachumError for a bad setting or a file
    that cannot be written (folder missing, no permission, open in Word).
    """
    report = progress or (lambda done, total: None)
    font = checked_font(font)
    justification = typo.checked_justification(justification)
    report(0, 3)
    # The session may be the one the secretary has just edited in: a meeting already in
    # its identity map keeps stale collections (a removed attendee, a missing sub-item)
    # that load_meeting does not refresh. Flushed first, so no edit is lost.
    session.flush()
    session.expire_all()
    meeting = load_meeting(session, meeting_id)
    report(1, 3)
    from desktop.exports.paper_templates import (
        meeting_context,
        paper_template,
        write_from_template,
    )

    template = paper_template(session, "minutes")
    if template is not None:  # her office's own layout
        target = write_from_template(path, template, meeting_context(meeting))
        report(3, 3)
        return target
    document = minutes_document(
        meeting,
        thai_digits=thai_digits,
        font=font,
        justification=justification,
        zero_votes_as_none=zero_votes_as_none,
    )
    report(2, 3)
    target = write_atomically(path, lambda temporary: document.save(str(temporary)))
    report(3, 3)
    return target


def minutes_document(
    meeting: Meeting,
    *,
    thai_digits: bool = False,
    font: str | None = None,
    justification: str = "thaiDistribute",
    zero_votes_as_none: bool = False,
) -> Document:
    """The minutes as a python-docx Document, not yet saved."""
    font = checked_font(font)
    justification = typo.checked_justification(justification)
    blocks = minutes_blocks(meeting, thai_digits=thai_digits, zero_votes_as_none=zero_votes_as_none)
    document = docx.Document()
    typo.apply_typography(document, font, justification)
    typo.set_a4_page(document, thai_digits=thai_digits)
    properties = document.core_properties
    properties.title = _NOT_XML.sub("", minutes_heading(meeting))[:255]  # Word's limit
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    return append_blocks(document, blocks)


def append_blocks(document: Document, blocks: Iterable[MinutesBlock]) -> Document:
    """The document with the blocks added at the end of its body; use the one returned.

    The whole document part is re-parsed with the body spliced in before the section
    properties: moving hundreds of parsed elements into a tree one by one costs lxml
    several times the parse itself.
    """
    xml = etree.tostring(document.element, encoding="unicode")
    section = xml.rfind("<w:sectPr")
    if section == -1:
        section = xml.rindex("</w:body>")
    document.part._element = parse_xml(xml[:section] + body_xml(blocks) + xml[section:])
    rebuilt: Document = document.part.document
    return rebuilt


def body_xml(blocks: Iterable[MinutesBlock]) -> str:
    """WordprocessingML for the blocks: paragraphs, and a table for each attendee list."""
    blocks = list(blocks)
    columns = attendee_columns([b for b in blocks if isinstance(b, AttendeeRow)])
    parts: list[str] = []
    rows: list[AttendeeRow] = []
    for block in blocks:
        if isinstance(block, AttendeeRow):
            rows.append(block)
            continue
        if rows:
            parts.append(_attendee_table(rows, columns))
            rows = []
        parts.append(_block_xml(block))
    if rows:
        parts.append(_attendee_table(rows, columns))
    return "".join(parts)


def _block_xml(block: MinutesBlock) -> str:  # noqa: C901 (one branch per kind of minutes block)
    match block:
        case TitleLine(text=text):
            return _paragraph(typo.TITLE, _runs(text))
        case Heading(text=text):
            return _paragraph(typo.HEADING, _runs(text))
        case Line(text=text, keep_with_next=keep):
            return _paragraph(typo.LINE, _runs(text), "<w:keepNext/>" if keep else "")
        case ItemTitle(label=label, title=title, level=level):
            start, text_at = ITEM_TEXT_AT.get(level, ITEM_TEXT_AT[2])
            indent = f'<w:ind w:left="{text_at}" w:hanging="{text_at - start}"/>'
            return _paragraph(typo.ITEM_TITLE, _runs(label) + _TAB + _runs(title), indent)
        case BodyParagraph(text=text):
            return _paragraph(typo.BODY, _runs(text))
        case Resolution(text=text, labelled=labelled):
            label = ""
            if labelled:
                label = f'<w:r><w:rPr><w:rStyle w:val="{typo.LABEL}"/></w:rPr>'
                label += f"<w:t>{block.label}</w:t></w:r>"
                label += _TAB if text else ""
            return _paragraph(typo.RESOLUTION, label + _runs(text))
        case ResolutionPointLine(number=number, text=text):
            return _paragraph(typo.POINT, _runs(number) + _TAB + _runs(text))
        case ActionLine():
            return _paragraph(typo.ACTION, _runs("-") + _TAB + _runs(block.full_text))
        case Signature():
            lines = block.lines
            first = _paragraph(
                typo.SIGNATURE,
                _runs(lines[0]),
                f'<w:spacing w:before="{SIGNATURE_SPACE}"/>',
            )
            rest = "".join(_paragraph(typo.SIGNATURE, _runs(line)) for line in lines[1:-1])
            # The last line lets the next block go to another page; the others hold on.
            last = _paragraph(typo.SIGNATURE, _runs(lines[-1]), '<w:keepNext w:val="0"/>')
            return first + rest + last
    raise TypeError(f"not a minutes block: {block!r}")


_TAB = "<w:r><w:tab/></w:r>"


def _paragraph(style: str, content: str, extra_properties: str = "") -> str:
    # Schema order in pPr: pStyle, keepNext, …, spacing, ind, jc: extras are one of these.
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra_properties}</w:pPr>{content}</w:p>'


def _runs(text: str) -> str:
    """Runs for a line of text: tabs become w:tab, nothing else is formatted here."""
    if not text:
        return ""
    text = _NOT_XML.sub("", text)
    pieces = []
    for index, piece in enumerate(text.split("\t")):
        if index:
            pieces.append("<w:tab/>")
        if piece:
            pieces.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{''.join(pieces)}</w:r>"


def attendee_columns(rows: list[AttendeeRow]) -> tuple[int, ...]:
    """Widths (twips) of the number, name and position columns (and the capacity's when
    the lists have one), shared by all the lists.

    Sized to the longest number, name and capacity, so that a name stays on one line and
    the position keeps the rest; a break inside a Thai name is worse than a wrapped position.
    """
    widest_number = max((estimated_width(r.number) for r in rows), default=0)
    widest_name = max((estimated_width(r.name) for r in rows), default=0)
    number = max(MIN_NUMBER_WIDTH, widest_number + CELL_PADDING)
    name = min(MAX_NAME_WIDTH, max(MIN_NAME_WIDTH, widest_name + CELL_PADDING))
    if not any(r.capacities for r in rows):
        return number, name, typo.TEXT_WIDTH - number - name
    # Four columns share the line: the position keeps at least its minimum, taken first
    # from a long capacity (which wraps: กรรมการและ / เลขานุการ), then from the name.
    widest_capacity = max((estimated_width(r.capacity) for r in rows), default=0)
    capacity = min(MAX_CAPACITY_WIDTH, widest_capacity + CELL_PADDING)
    short = MIN_POSITION_WIDTH - (typo.TEXT_WIDTH - number - name - capacity)
    if short > 0:
        give = min(short, max(0, capacity - MIN_CAPACITY_WIDTH))
        capacity, short = capacity - give, short - give
    if short > 0:
        name -= min(short, max(0, name - MIN_SHARED_NAME_WIDTH))
    return number, name, typo.TEXT_WIDTH - number - name - capacity, capacity


def estimated_width(text: str) -> int:
    """Roughly how wide (twips) a line is in a Sarabun-like font at 16 pt.

    Thai vowels above and below and the tone marks take no width; the figures were read
    off a LibreOffice PDF (pdftotext -bbox) set in Laksaman, TLWG's Sarabun.
    """
    width = 0
    for char in text:
        if unicodedata.category(char) == "Mn":
            continue
        if char == " ":
            width += 105
        elif char in ".,:;()-/":
            width += 90
        elif "\u0e50" <= char <= "\u0e59":
            width += 205  # Thai digits are wider than Arabic ones
        elif "\u0e00" <= char <= "\u0e7f":
            width += 185
        elif char.isupper():
            width += 190
        else:
            width += 175
    return width


def _attendee_table(rows: list[AttendeeRow], columns: tuple[int, ...]) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in columns)
    header = (
        f'<w:tblPr><w:tblW w:w="{typo.TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )
    cells = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>' for width in columns]
    start = f'<w:p><w:pPr><w:pStyle w:val="{typo.ATTENDEE}"/></w:pPr>'
    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(
            f"{cell}{start}{_runs(text)}</w:p></w:tc>"
            for cell, text in zip(
                cells, (row.number, row.name, row.position, row.capacity), strict=False
            )
        )
        + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{header}{body}</w:tbl>"
