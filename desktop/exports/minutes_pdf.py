"""The minutes as PDF, from the same blocks as the DOCX, laid out as the DOCX's styles say.

minutes_text decides every word; docx_typography holds the lengths (margins, indents,
tab stops, spacing) and this module reads them from there, so the PDF and the DOCX do
not drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.models import Meeting
from desktop.core.services.meetings import load_meeting
from desktop.exports import docx_typography as typo
from desktop.exports.font_setting import checked_font
from desktop.exports.minutes_docx import ITEM_TEXT_AT, SIGNATURE_SPACE, attendee_columns
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
from desktop.exports.paper_names import names_in
from desktop.exports.pdf_fonts import font_files
from desktop.exports.pdf_layout import Block, Paragraph, PdfWriter, Row, Style

Progress = Callable[[int, int], None]


def twips(value: int) -> float:
    """Word's twentieths of a point as points."""
    return value / 20


BEFORE = twips(120)
INDENT = twips(typo.FIRST_LINE_INDENT)
POINT_AT = twips(typo.POINT_INDENT)
CELL_MARGIN = twips(108)  # the table style's left and right cell margins

TITLE = Style(bold=True, align="center", keep_with_next=True)
HEADING = Style(bold=True, space_before=BEFORE, keep_with_next=True)
LINE = Style(space_before=BEFORE)
ITEM = Style(bold=True, space_before=BEFORE, keep_with_next=True)
ATTENDEE = Style()


def export_minutes_pdf(
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
    """Write the meeting's minutes as PDF to `path` (atomically) and return the path."""
    report = progress or (lambda done, total: None)
    font = checked_font(font)
    typo.checked_justification(justification)
    report(0, 3)
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
    if template is not None:  # her own layout: to PDF through LibreOffice, if installed
        return write_from_template(path, template, meeting_context(meeting))
    writer = minutes_pdf(
        meeting, thai_digits=thai_digits, font=font, zero_votes_as_none=zero_votes_as_none
    )
    report(2, 3)
    target = write_atomically(path, writer.output)
    report(3, 3)
    return target


def minutes_pdf(
    meeting: Meeting,
    *,
    thai_digits: bool = False,
    font: str | None = None,
    zero_votes_as_none: bool = False,
) -> PdfWriter:
    """The minutes laid out on pages, ready to write."""
    writer = PdfWriter(
        font_files(checked_font(font)),
        digits="thai" if thai_digits else "arabic",
        title=minutes_heading(meeting),
    )
    writer.keep_whole = names_in(meeting)
    blocks = minutes_blocks(meeting, thai_digits=thai_digits, zero_votes_as_none=zero_votes_as_none)
    writer.write(pdf_blocks(blocks))
    return writer


def pdf_blocks(blocks: Iterable[MinutesBlock]) -> list[Block]:
    """The minutes' blocks as the layout's paragraphs and rows."""
    blocks = list(blocks)
    widths = attendee_columns([b for b in blocks if isinstance(b, AttendeeRow)])
    columns = []
    x = 0.0
    for width in widths:  # number, name, position (and the capacity when any has one)
        columns.append((x, twips(width) - CELL_MARGIN))
        x += twips(width)
    result: list[Block] = []
    for block in blocks:
        result.extend(_pdf_block(block, columns))
    return result


def _pdf_block(block: MinutesBlock, columns: list[tuple[float, float]]) -> list[Block]:  # noqa: C901  (one case per block type)
    justify = Style(align="justify", first_line=INDENT)
    match block:
        case TitleLine(text=text):
            return [Paragraph(TITLE, text)]
        case Heading(text=text):
            return [Paragraph(HEADING, text)]
        case Line(text=text, keep_with_next=keep):
            return [Paragraph(Style(space_before=BEFORE, keep_with_next=keep), text)]
        case AttendeeRow(number=number, name=name, position=position, capacity=capacity):
            # The capacity is a fourth column only when the lists have one (as in the DOCX).
            texts = (number, name, position, capacity)[: len(columns)]
            cells = tuple((x, width, text) for (x, width), text in zip(columns, texts, strict=True))
            return [Row(cells, ATTENDEE)]
        case ItemTitle(label=label, title=title, level=level):
            start, text_at = ITEM_TEXT_AT.get(level, ITEM_TEXT_AT[2])
            style = Style(
                bold=True,
                left=twips(text_at),
                first_line=-twips(text_at - start),
                space_before=BEFORE,
                keep_with_next=True,
            )
            return [Paragraph(style, title, label=label, label_bold=True)]
        case BodyParagraph(text=text):
            return [Paragraph(justify, text)]
        case Resolution(text=text, labelled=labelled):
            if labelled:
                return [
                    Paragraph(
                        justify,
                        text,
                        label=block.label,
                        label_bold=True,
                        tab=twips(typo.RESOLUTION_TAB),
                    )
                ]
            return [Paragraph(justify, text)]
        case ResolutionPointLine(number=number, text=text):
            style = Style(align="justify", left=POINT_AT, first_line=INDENT - POINT_AT)
            return [Paragraph(style, text, label=number)]
        case ActionLine():
            style = Style(align="justify", left=POINT_AT, first_line=INDENT - POINT_AT)
            return [Paragraph(style, block.full_text, label="-")]
        case Signature():
            left = twips(typo.SIGNATURE_INDENT)
            lines = block.lines
            result: list[Block] = []
            for index, line in enumerate(lines):
                style = Style(
                    align="center",
                    left=left,
                    space_before=twips(SIGNATURE_SPACE) if index == 0 else 0.0,
                    keep_with_next=index < len(lines) - 1,
                )
                result.append(Paragraph(style, line))
            return result
    raise TypeError(f"not a minutes block: {block!r}")
