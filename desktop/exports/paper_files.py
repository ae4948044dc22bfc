"""Writing a paper made of minutes-style blocks as DOCX or PDF, chosen by the file's name.

The agenda, the invitation letters and the minutes share the blocks of minutes_text
(title lines, item titles, justified paragraphs, signatures), the DOCX styles of
docx_typography and the PDF layout of minutes_pdf. A paper decides its words; this
module writes them, atomically, in the format the name asks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError
from desktop.core.protected_files import refuse_if_protected
from desktop.exports.font_setting import checked_font
from desktop.exports.minutes_text import MinutesBlock

# The writers (fpdf2 with fontTools, python-docx) are imported when a paper is written:
# a third of a second that the papers dialog, which imports this module, would wait.

FORMATS = (".docx", ".pdf")


def paper_format(path: Path | str, formats: Sequence[str] = FORMATS) -> str:
    """`.docx` or `.pdf` (or another of `formats`) from the file's name, else a clear error."""
    # Aimed at the database itself? Say that first: a wrong suffix is the lesser news.
    refuse_if_protected(Path(path), document=True)
    suffix = Path(path).suffix.casefold()
    if suffix not in formats:
        wanted = " / ".join(formats)
        raise PrachumError(
            f"ชื่อไฟล์ต้องลงท้ายด้วย {wanted}: {Path(path).name}",
            f"The file name must end in {wanted}: {Path(path).name}",
        )
    return suffix


def write_paper(
    path: Path | str,
    pages: Sequence[Iterable[MinutesBlock]],
    *,
    title: str,
    thai_digits: bool = False,
    font: str | None = None,
    page_numbers: bool = True,
    keep_whole: frozenset[str] = frozenset(),
) -> Path:
    """Write the pages (each a list of blocks, each starting a new page) to `path`."""
    suffix = paper_format(path)
    font = checked_font(font)
    pages = [list(blocks) for blocks in pages]
    if suffix == ".pdf":
        from desktop.exports.minutes_pdf import pdf_blocks
        from desktop.exports.pdf_fonts import font_files
        from desktop.exports.pdf_layout import Block, PageBreak, PdfWriter

        writer = PdfWriter(
            font_files(font),
            digits="thai" if thai_digits else "arabic",
            title=title,
            page_numbers="- {} -" if page_numbers else None,
        )
        writer.keep_whole = keep_whole
        laid: list[Block] = []
        for index, blocks in enumerate(pages):
            if index:
                laid.append(PageBreak())
            laid.extend(pdf_blocks(blocks))
        writer.write(laid)
        return write_atomically(path, writer.output)
    import docx

    from desktop.exports import docx_typography as typo
    from desktop.exports.minutes_docx import append_blocks

    document = docx.Document()
    typo.apply_typography(document, font, "thaiDistribute")
    typo.set_a4_page(document, thai_digits=thai_digits)
    if not page_numbers:  # letters: each is its own paper, numbered by nobody
        section = document.sections[0]
        section.header.is_linked_to_previous = True
        section.different_first_page_header_footer = False
    document.core_properties.title = title[:255]
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    for index, blocks in enumerate(pages):
        document = append_blocks(document, blocks)
        if index < len(pages) - 1:
            document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx is untyped here
    return write_atomically(path, lambda temporary: document.save(str(temporary)))
