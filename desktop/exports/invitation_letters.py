"""The invitation letters laid out as แบบที่ 1 (หนังสือภายนอก), DOCX or PDF, and written.

invitation_text decides the words and takes the register's number; this module places
them: the Garuda 3 cm high at the top centre (or its space, for paper with the emblem
printed), `ที่` at the left and the sender's address at the right, the date from the
middle, เรื่อง / เรียน / สิ่งที่ส่งมาด้วย, the body, the closing, ขอแสดงความนับถือ and the
signature right of centre, the office and its telephone and e-mail at the bottom left.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError, folder_missing
from desktop.core.models import Person
from desktop.core.services.common import get
from desktop.core.services.meetings import load_meeting
from desktop.core.services.papers import garuda_image
from desktop.exports import docx_typography as typo
from desktop.exports.font_setting import checked_font
from desktop.exports.invitation_text import Letter, invitation_letters
from desktop.exports.paper_files import paper_format
from desktop.exports.paper_names import names_in
from desktop.exports.pdf_fonts import font_files
from desktop.exports.pdf_layout import (
    PT_PER_CM,
    Block,
    Page,
    PageBreak,
    Paragraph,
    PdfWriter,
    Picture,
    Row,
    Spacer,
    Style,
)

GARUDA_HEIGHT_CM = 3.0
LETTER_TOP_CM = 1.5  # the Garuda stands 1.5 cm from the top edge
ADDRESS_AT_CM = 9.0  # the sender's address column, from the left margin
DATE_AT_CM = 8.0  # the date starts a little left of the middle
LABEL_WIDTH_CM = 1.25  # เรื่อง and เรียน; their text hangs after
ENCLOSURE_WIDTH_CM = 2.75
SIGNATURE_AT_CM = 7.0
SIGN_SPACE_PT = 24  # room to sign between ขอแสดงความนับถือ and the name
# python-docx finds a style by its name (by id is deprecated).
STYLE_NAMES = {
    typo.LINE: "Minutes Line",
    typo.BODY: "Minutes Body",
    typo.SIGNATURE: "Minutes Signature",
}
_FILE_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def export_invitations(
    session: Session,
    meeting_id: int,
    path: Path | str | None,
    *,
    per_organization: Path | str | None = None,
    to_attendees: bool = False,
    signer_id: int | None = None,
    signing_as: str = "self",
    today: date | None = None,
    thai_digits: bool = False,
    font: str | None = None,
    folder_format: str = ".docx",
) -> list[Path]:
    """Write the batch: one file with a letter per page at `path`, and/or one file per
    organisation in the folder `per_organization` (same format as `path`, else
    `folder_format`: `.docx` or `.pdf`).

    Every check is made before anything is written or numbered: a bad name, a missing
    folder, a meeting without what a letter needs. The register's number is taken in
    the caller's session, which commits it only when the command succeeds.
    """
    if path is None and per_organization is None:
        raise PrachumError("ระบุไฟล์หรือโฟลเดอร์ที่จะบันทึก", "Give a file or a folder to write.")
    suffix = paper_format(path if path is not None else Path(f"letter{folder_format}"))
    folder = Path(per_organization) if per_organization is not None else None
    if folder is not None and not folder.is_dir():
        raise folder_missing(folder)
    font = checked_font(font)
    session.flush()
    session.expire_all()
    meeting = load_meeting(session, meeting_id)
    signer = get(session, Person, signer_id) if signer_id is not None else None
    letters = invitation_letters(
        session,
        meeting,
        today=today or date.today(),
        to_attendees=to_attendees,
        signer=signer,
        signing_as=signing_as,
        thai_digits=thai_digits,
    )
    from desktop.exports.paper_templates import meeting_context, paper_template

    image = garuda_image(session)
    template = paper_template(session, "invitation")
    writer = _Writer(
        suffix,
        image,
        font,
        names_in(meeting),
        template,
        meeting_context(meeting) if template is not None else {},
    )
    written = []
    if path is not None:
        written.append(writer.write(Path(path), letters))
    if folder is not None:
        for number, letter in enumerate(letters, start=1):
            name = _FILE_NAME_UNSAFE.sub("_", letter.recipient).strip(" .") or "letter"
            written.append(writer.write(folder / f"{number:03d} {name}{suffix}", [letter]))
    return written


@dataclass(frozen=True)
class _Writer:
    """Writes letters of the batch: from her own template when she keeps one (DOCX, or
    PDF through LibreOffice), else in the built-in layout."""

    suffix: str
    image: bytes | None
    font: str
    keep: frozenset[str]
    template: bytes | None
    context: dict[str, Any]

    def write(self, path: Path, letters: list[Letter]) -> Path:
        if self.template is not None:
            from desktop.exports.letter_templates import fill_letters, letter_context
            from desktop.exports.paper_templates import write_filled

            filled = fill_letters(
                self.template, self.context, [letter_context(letter) for letter in letters]
            )
            return write_filled(path, filled)
        return _write(path, self.suffix, letters, self.image, self.font, keep=self.keep)


def _write(
    path: Path,
    suffix: str,
    letters: list[Letter],
    image: bytes | None,
    font: str,
    *,
    keep: frozenset[str],
) -> Path:
    if suffix == ".pdf":
        writer = letters_pdf(letters, image, font, keep)
        return write_atomically(path, writer.output)
    document = letters_docx(letters, image, font)
    return write_atomically(path, lambda temporary: document.save(str(temporary)))


# --- PDF -------------------------------------------------------------------------------------


def letter_blocks(letter: Letter, image: bytes | None) -> list[Block]:
    cm = PT_PER_CM
    label = Style(left=LABEL_WIDTH_CM * cm, first_line=-LABEL_WIDTH_CM * cm)
    enclosure = Style(left=ENCLOSURE_WIDTH_CM * cm, first_line=-ENCLOSURE_WIDTH_CM * cm)
    body = Style(align="justify", first_line=2.5 * cm)
    sign = Style(align="center", left=SIGNATURE_AT_CM * cm)
    text_width = Page().text_width
    address = "\n".join((letter.sender, *letter.address))
    address_at = ADDRESS_AT_CM * cm
    head = Row(
        ((0.0, address_at - 6, letter.code), (address_at, text_width - address_at, address)),
    )
    blocks: list[Block] = [
        Picture(image, GARUDA_HEIGHT_CM * cm),
        head,
        Paragraph(Style(left=DATE_AT_CM * cm, space_before=6), letter.date),
        Paragraph(label, letter.subject, "เรื่อง"),
        Paragraph(label, letter.salutation, "เรียน"),
        Paragraph(enclosure, letter.enclosure, "สิ่งที่ส่งมาด้วย"),
    ]
    blocks.extend(Paragraph(body, text) for text in letter.body)
    blocks.append(Paragraph(replace(body, space_before=3), letter.closing))
    blocks.append(Paragraph(replace(sign, space_before=3), letter.regards))
    blocks.append(Spacer(SIGN_SPACE_PT))
    for line in (letter.signer, *letter.signer_lines):
        blocks.append(Paragraph(sign, line))
    return blocks


def letters_pdf(
    letters: list[Letter], image: bytes | None, font: str, keep: frozenset[str] = frozenset()
) -> PdfWriter:
    page = Page(top=LETTER_TOP_CM * PT_PER_CM)
    # One sender for the batch: its office, telephone and e-mail stand at the foot of
    # every page, as the DOCX puts them in the page footer.
    writer = PdfWriter(
        font_files(font),
        page=page,
        page_numbers=None,
        title=letters[0].subject,
        footer=letters[0].office,
    )
    writer.keep_whole = keep
    blocks: list[Block] = []
    for index, letter in enumerate(letters):
        if index:
            blocks.append(PageBreak())
        blocks.extend(letter_blocks(letter, image))
    writer.write(_split_rows(blocks))
    return writer


def _split_rows(blocks: list[Block]) -> list[Block]:
    """A row's cell text may hold line breaks (the address): each becomes a line."""
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Row) and any("\n" in text for _, _, text in block.cells):
            columns = [text.split("\n") for _, _, text in block.cells]
            for line in range(max(len(c) for c in columns)):
                cells = tuple(
                    (x, width, column[line] if line < len(column) else "")
                    for (x, width, _), column in zip(block.cells, columns, strict=True)
                )
                result.append(Row(cells, block.style))
        else:
            result.append(block)
    return result


# --- DOCX ----------------------------------------------------------------------------------


def letters_docx(letters: list[Letter], image: bytes | None, font: str) -> Any:
    document = docx.Document()
    typo.apply_typography(document, font, "thaiDistribute")
    typo.set_a4_page(document, thai_digits=False)
    section = document.sections[0]
    section.top_margin = Cm(LETTER_TOP_CM)
    section.header.is_linked_to_previous = True  # a letter has no page number
    section.different_first_page_header_footer = False
    document.core_properties.title = letters[0].subject[:255]
    document.core_properties.author = ""
    # One sender for the batch: its office, telephone and e-mail at the foot of each page.
    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.text = letters[0].office[0] if letters[0].office else ""
    footer.style = document.styles[STYLE_NAMES[typo.LINE]]
    for line in letters[0].office[1:]:
        section.footer.add_paragraph(line, style=STYLE_NAMES[typo.LINE])
    for index, letter in enumerate(letters):
        _letter_docx(document, letter, image, first=index == 0)
    return document


def _paragraph(document: Any, text: str = "", style: str = typo.LINE, **format_: Any) -> Any:
    paragraph = document.add_paragraph(text, style=STYLE_NAMES[style])
    formatting = paragraph.paragraph_format
    formatting.space_before = Pt(format_.get("before", 0))
    for key in ("left_indent", "first_line_indent"):
        if key in format_:
            setattr(formatting, key, format_[key])
    if "align" in format_:
        paragraph.alignment = format_["align"]
    if "tab" in format_:
        formatting.tab_stops.add_tab_stop(format_["tab"])
    return paragraph


def _letter_docx(document: Any, letter: Letter, image: bytes | None, *, first: bool) -> None:
    garuda = _paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    if not first:
        garuda.paragraph_format.page_break_before = True
    if image:
        garuda.add_run().add_picture(io.BytesIO(image), height=Cm(GARUDA_HEIGHT_CM))
    else:  # the emblem's space, for paper with it printed
        garuda.paragraph_format.line_spacing = Cm(GARUDA_HEIGHT_CM)
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    widths = (Cm(ADDRESS_AT_CM), Cm(16 - ADDRESS_AT_CM))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    code_cell, address_cell = table.rows[0].cells
    code_cell.paragraphs[0].text = letter.code
    code_cell.paragraphs[0].style = document.styles[STYLE_NAMES[typo.LINE]]
    lines = (letter.sender, *letter.address)
    address_cell.paragraphs[0].text = lines[0]
    address_cell.paragraphs[0].style = document.styles[STYLE_NAMES[typo.LINE]]
    for line in lines[1:]:
        address_cell.add_paragraph(line, style=STYLE_NAMES[typo.LINE])
    _paragraph(document, letter.date, before=6, left_indent=Cm(DATE_AT_CM))
    for label, text, label_width in (
        ("เรื่อง", letter.subject, LABEL_WIDTH_CM),
        ("เรียน", letter.salutation, LABEL_WIDTH_CM),
        ("สิ่งที่ส่งมาด้วย", letter.enclosure, ENCLOSURE_WIDTH_CM),
    ):
        _paragraph(
            document,
            f"{label}\t{text}",
            before=0,
            left_indent=Cm(label_width),
            first_line_indent=Cm(-label_width),
            tab=Cm(label_width),
        )
    for text in letter.body:
        _paragraph(document, text, typo.BODY)
    _paragraph(document, letter.closing, typo.BODY, before=3)
    regards = _paragraph(document, letter.regards, typo.SIGNATURE, before=3)
    regards.paragraph_format.space_after = Pt(SIGN_SPACE_PT)
    for line in (letter.signer, *letter.signer_lines):
        _paragraph(document, line, typo.SIGNATURE)


# --- the built-in letter as a template ------------------------------------------------


def builtin_letter_template(font: str | None = None) -> bytes:
    """The built-in letter with its fields marked: the layout she can start her own from."""

    def loop(name: str, var: str) -> tuple[str, ...]:
        return (f"{{%p for {var} in letter.{name} %}}", f"{{{{ {var} }}}}", "{%p endfor %}")

    marked = Letter(
        code="ที่ {{ letter.code }}",
        sender="{{ letter.sender }}",
        address=loop("address", "line"),
        date="{{ letter.date }}",
        subject="{{ letter.subject }}",
        salutation="{{ letter.salutation }}",
        enclosure="{{ letter.enclosure }}",
        body=loop("body", "paragraph"),
        closing="{{ letter.closing }}",
        regards="{{ letter.regards }}",
        signer="{{ letter.signer }}",
        signer_lines=loop("signer_lines", "line"),
        office=loop("office", "line"),
    )
    document = letters_docx([marked], None, checked_font(font))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
