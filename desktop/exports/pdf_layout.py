"""A small page layout for the built-in papers as PDF: Thai shaped and broken between words.

The papers are plain: paragraphs with a label that hangs or tabs, rows of columns, centred
headings, a page number. This module lays them on A4 pages with the DOCX's margins and
writes the PDF through fpdf2, which shapes each run with HarfBuzz (marks stacked on their
consonants, SARA AM whole) and embeds a subset of the font.

Lines are broken here, not by fpdf2: Thai has no spaces between words, so the break
opportunities come from PyThaiNLP's word segmentation (newmm); a line breaks only between
two words or at a space, and a single word wider than the line (a long link) is cut
between its grapheme clusters. Justified lines spread the spare width over those same
word boundaries, as Word's Thai distributed justification keeps words whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import uharfbuzz as hb
from fpdf import FPDF
from fpdf.fonts import TTFFont

from desktop.exports.pdf_blocks import (
    A4,
    PT_PER_CM,
    Block,
    Page,
    PageBreak,
    Paragraph,
    Picture,
    Row,
    Spacer,
    Style,
    iter_text,
)
from desktop.exports.pdf_fonts import FontFiles
from desktop.exports.pdf_words import NBSP, clusters, words

__all__ = [
    "A4",
    "NBSP",
    "PT_PER_CM",
    "Block",
    "Page",
    "PageBreak",
    "Paragraph",
    "PdfWriter",
    "Picture",
    "Row",
    "Spacer",
    "Style",
    "clusters",
    "iter_text",
    "words",
]

# Distributed justification stops at a tenth of the size between two clusters: beyond
# that the letters drift apart and the line reads worse than a ragged one.
MAX_CLUSTER_SPREAD = 0.1


@dataclass(frozen=True)
class Shaped:
    """A shaped piece of text: its advance, and runs of glyph codes at offsets (points)."""

    advance: float
    segments: tuple[tuple[float, float, str], ...]


def _carried_text(
    text: str, infos: Sequence[Any], positions: Sequence[Any]
) -> list[tuple[int, ...]]:
    """The characters each glyph stands for, so that a reader copies the text back.

    A consonant with its marks is one cluster: its first glyph carries all of it, so the
    marks, drawn right of where the next letter starts, are not read after that letter.
    SARA AM is drawn as NIKHAHIT and SARA AA: the SARA AA glyph, last and wide, carries
    it, or the reader would see a gap with no letter and put a space in the word.
    """
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=False))
    carried: list[tuple[int, ...]] = [() for _ in infos]
    first: dict[int, int] = {}
    last_wide: dict[int, int] = {}
    for index, (info, position) in enumerate(zip(infos, positions, strict=True)):
        first.setdefault(info.cluster, index)
        if position.x_advance > 0:
            last_wide[info.cluster] = index
    for cluster, index in first.items():
        chars = text[cluster : ends[cluster]]
        am = chars.find("\u0e33")
        wide = last_wide.get(cluster, index)
        if am > 0 and wide != index:
            carried[index] = tuple(ord(c) for c in chars[:am])
            carried[wide] = tuple(ord(c) for c in chars[am:])
        else:
            carried[index] = tuple(ord(c) for c in chars)
    return carried


# --- the writer -----------------------------------------------------------------------------


class PdfWriter:
    """Lays blocks on pages and writes them; one instance per document."""

    def __init__(
        self,
        fonts: FontFiles,
        *,
        page: Page | None = None,
        page_numbers: str | None = "- {} -",
        first_numbered_page: int = 2,
        digits: str = "arabic",
        title: str = "",
        footer: Sequence[str] = (),
    ) -> None:
        self.page = page or Page()
        self.footer = tuple(footer)
        self.keep_whole: frozenset[str] = frozenset()
        """Names never broken inside (see words)."""
        """Lines at the bottom left of every page, above the bottom margin (a letter's
        office, telephone and e-mail); the text stops above them."""
        self.page_numbers = page_numbers
        self.first_numbered_page = first_numbered_page
        self.digits = digits
        self.pdf = FPDF(unit="pt", format=(self.page.width, self.page.height))
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.c_margin = 0
        self.pdf.add_font("body", "", str(fonts.regular))
        self.pdf.add_font("body", "B", str(fonts.bold))
        self.pdf.set_text_shaping(True, script="thai", language="THA")
        self.pdf.set_title(title)
        self.pdf.set_creator("Prachum")
        self.pdf.set_author("")
        self.line_height_factor = fonts.line_height
        self.ascent_factor = fonts.ascent
        self.y = 0.0
        self._font: tuple[bool, float] | None = None
        self._shaped: dict[tuple[bool, float, str], Shaped] = {}
        self.missing: set[str] = set()
        """Texts with a character the font has no glyph for (the PDF leaves it out)."""
        self._new_page()

    # -- measuring ------------------------------------------------------------------------

    def _set_font(self, bold: bool, size: float) -> None:
        if self._font != (bold, size):
            self.pdf.set_font("body", "B" if bold else "", size)
            self._font = (bold, size)

    def shaped(self, text: str, bold: bool, size: float) -> Shaped:
        """The text shaped by HarfBuzz in fpdf2's font, cached: most words recur.

        HarfBuzz is asked not to insert a dotted circle before a mark with no consonant
        (a stray tone mark typed after a space), and a character the font lacks is left
        out rather than drawn as a .notdef box; both are counted in `missing`.
        """
        key = (bold, size, text)
        found = self._shaped.get(key)
        if found is not None:
            return found
        font = self._font_object(bold, size)
        buffer = hb.Buffer()
        buffer.cluster_level = 0  # a consonant and its marks: one cluster, read back whole
        buffer.flags = hb.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hbfont = font.hbfont
        hb.shape(hbfont, buffer, {})
        units = hbfont.face.upem
        scale = size / units
        infos, positions = buffer.glyph_infos or [], buffer.glyph_positions or []
        carried = _carried_text(text, infos, positions)
        metrics = font.ttfont["hmtx"].metrics
        segments: list[tuple[float, float, str, float]] = []  # x, y, glyph codes, end x
        pen_x = pen_y = 0.0
        for info, position, chars in zip(infos, positions, carried, strict=True):
            if info.codepoint == 0:
                self.missing.add("".join(map(chr, chars)) or text)
                pen_x += position.x_advance * scale
                continue
            name = font.ttfont.getGlyphName(info.codepoint)
            glyph = font.subset.get_glyph(
                glyph=info.codepoint,
                unicode=chars,
                glyph_name=name,
                glyph_width=round(font.scale * metrics[name][0]),
            )
            if glyph is None:
                continue
            code = font.escape_text(chr(int(font.subset.pick_glyph(glyph) or 0)))
            at = (pen_x + position.x_offset * scale, pen_y + position.y_offset * scale)
            if (
                segments
                and position.x_offset == 0
                and position.y_offset == 0
                and (abs(segments[-1][3] - pen_x) < 1e-6 and segments[-1][1] == pen_y)
            ):
                x, y, run, _ = segments[-1]
                advance = metrics[name][0] * scale
                segments[-1] = (x, y, run + code, pen_x + advance)
            else:
                advance = metrics[name][0] * scale
                segments.append((*at, code, at[0] + advance))
            pen_x += position.x_advance * scale
            pen_y += position.y_advance * scale
        found = Shaped(pen_x, tuple((x, y, run) for x, y, run, _ in segments))
        self._shaped[key] = found
        return found

    def _font_object(self, bold: bool, size: float) -> TTFFont:
        self._set_font(bold, size)
        return cast(TTFFont, self.pdf.current_font)  # only TrueType fonts are added

    def width(self, text: str, bold: bool, size: float) -> float:
        return self.shaped(text, bold, size).advance

    def line_height(self, size: float) -> float:
        return size * self.line_height_factor

    # -- lines ----------------------------------------------------------------------------

    def break_lines(  # noqa: C901  (a word, a space, an overlong word: one loop reads best)
        self, text: str, first_width: float, width: float, bold: bool, size: float
    ) -> list[list[str]]:
        """The text as lines of words, each line no wider than its width."""
        lines: list[list[str]] = []
        line: list[str] = []
        used = 0.0
        available = first_width
        for word in words(text, self.keep_whole):
            if word == " ":
                if line:
                    line.append(word)
                    used += self.width(" ", bold, size)
                continue
            wide = self.width(word, bold, size)
            if used + wide <= available or (not line and wide <= available):
                line.append(word)
                used += wide
                continue
            if line:
                while line and line[-1] == " ":
                    line.pop()
                lines.append(line)
                line, used, available = [], 0.0, width
            if wide <= available:
                line, used = [word], wide
                continue
            for piece in clusters(word):  # a word wider than the line: cut between clusters
                piece_width = self.width(piece, bold, size)
                if line and used + piece_width > available:
                    lines.append(line)
                    line, used, available = [], 0.0, width
                if line and line[-1] != " " and not line[-1].isspace():
                    line[-1] += piece
                else:
                    line.append(piece)
                used += piece_width
        while line and line[-1] == " ":
            line.pop()
        if line or not lines:
            lines.append(line)
        return lines

    # -- pages ----------------------------------------------------------------------------

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.y = self.page.top
        number = self.pdf.page
        if self.page_numbers and number >= self.first_numbered_page:
            text = self.page_numbers.format(self._digits(str(number)))
            size = 16.0
            self._set_font(False, size)
            wide = self.width(text, False, size)
            x = self.page.left + (self.page.text_width - wide) / 2
            self._draw(x, self.page.header, text, False, size)
        line = self.line_height(16.0)
        top = self.page.height - self.page.bottom - line * len(self.footer)
        for index, text in enumerate(self.footer):
            self._draw(self.page.left, top + index * line, text, False, 16.0)

    def _digits(self, text: str) -> str:
        if self.digits == "thai":
            return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        return text

    def _room(self) -> float:
        footer = self.line_height(16.0) * len(self.footer)
        return self.page.height - self.page.bottom - footer - self.y

    def _draw(self, x: float, top: float, text: str, bold: bool, size: float) -> None:
        self._draw_words(top, [(x, text)], bold, size)

    def _draw_words(
        self, top: float, placed: Sequence[tuple[float, str]], bold: bool, size: float
    ) -> None:
        """Write words at their x, on the line whose top is `top`, in one text object."""
        font = self._font_object(bold, size)
        if not self.pdf.current_font_is_set_on_page:
            self.pdf._out(self.pdf._set_font_for_page(font, size))
        baseline = self.page.height - (top + size * self.ascent_factor)
        parts = [f"BT /F{font.i} {size:.2f} Tf"]
        for x, text in placed:
            for dx, dy, run in self.shaped(text, bold, size).segments:
                parts.append(f"1 0 0 1 {x + dx:.2f} {baseline + dy:.2f} Tm ({run}) Tj")
        parts.append("ET")
        self.pdf._out(" ".join(parts))

    # -- blocks ---------------------------------------------------------------------------

    def write(self, blocks: Iterable[Block]) -> None:
        blocks = list(blocks)
        laid = [self._lay(block) for block in blocks]
        index = 0
        while index < len(laid):
            block, lines = blocks[index], laid[index]
            if isinstance(block, PageBreak):
                self._new_page()
                index += 1
                continue
            if isinstance(block, Spacer):
                if self.y > self.page.top:
                    self.y += block.height
                index += 1
                continue
            if isinstance(block, Picture):
                self._picture(block)
                index += 1
                continue
            # A run of keep-with-next blocks goes over together with the first line of
            # the block after it, as Word keeps a heading with its text.
            needed = self._kept_height(blocks, laid, index)
            if needed > self._room() and self.y > self.page.top:
                self._new_page()
            self._place(block, lines)
            index += 1

    def _picture(self, block: Picture) -> None:
        if block.height > self._room() and self.y > self.page.top:
            self._new_page()
        if block.data:
            import io

            from PIL import Image

            with Image.open(io.BytesIO(block.data)) as image:
                ratio = image.width / image.height
            width = block.height * ratio
            x = self.page.left + (self.page.text_width - width) / 2
            self.pdf.image(io.BytesIO(block.data), x=x, y=self.y, h=block.height, w=width)
        self.y += block.height

    def _kept_height(self, blocks: Sequence[Block], laid: list[Any], index: int) -> float:
        total = 0.0
        while True:
            block = blocks[index]
            style = getattr(block, "style", Style())
            lines = laid[index]
            if isinstance(block, Row):
                total += style.space_before + lines[0]
            elif isinstance(block, Paragraph):
                if not style.keep_with_next:
                    return total + style.space_before + self.line_height(style.size)
                total += style.space_before + self.line_height(style.size) * len(lines)
            if not style.keep_with_next or index + 1 >= len(blocks):
                return total
            if isinstance(blocks[index + 1], PageBreak | Spacer | Picture):
                return total
            index += 1

    def _lay(self, block: Block) -> Any:
        if isinstance(block, Paragraph):
            return self._lay_paragraph(block)
        if isinstance(block, Row):
            style = block.style
            cells = [
                self.break_lines(text, width, width, style.bold, style.size)
                for _, width, text in block.cells
            ]
            height = self.line_height(style.size) * max((len(c) for c in cells), default=1)
            return (height, cells)
        return None

    def _lay_paragraph(self, block: Paragraph) -> list[tuple[float, list[str], bool]]:
        """(x, words, last line?) for each line."""
        style = block.style
        right = self.page.text_width - style.right
        first_x = style.left + style.first_line
        text_x = first_x
        if block.label:
            label_end = first_x + self.width(block.label, block.label_bold, style.size)
            stops = [stop for stop in (block.tab, style.left) if stop is not None]
            after = [stop for stop in stops if stop > label_end + 0.5]
            text_x = min(after) if after else label_end + self.width(" ", False, style.size)
        lines = self.break_lines(
            block.text, right - text_x, right - style.left, style.bold, style.size
        )
        laid = []
        for number, line in enumerate(lines):
            x = text_x if number == 0 else style.left
            laid.append((x, line, number == len(lines) - 1))
        return laid

    def _place(self, block: Paragraph | Row, laid: Any) -> None:
        style = block.style
        if self.y > self.page.top:
            self.y += style.space_before
        if isinstance(block, Row):
            height, cells = laid
            if height > self._room() and self.y > self.page.top:
                self._new_page()
            line_height = self.line_height(style.size)
            for (x, _, _), lines in zip(block.cells, cells, strict=True):
                for number, line in enumerate(lines):
                    top = self.y + number * line_height
                    self._draw(self.page.left + x, top, "".join(line), style.bold, style.size)
            self.y += height
            return
        line_height = self.line_height(style.size)
        right = self.page.text_width - style.right
        for number, (x, line, last) in enumerate(laid):
            if line_height > self._room() and self.y > self.page.top:
                self._new_page()
            if number == 0 and block.label:
                first_x = style.left + style.first_line
                self._draw(
                    self.page.left + first_x, self.y, block.label, block.label_bold, style.size
                )
            self._line(x, right, line, last, style)
            self.y += line_height

    def _line(self, x: float, right: float, line: list[str], last: bool, style: Style) -> None:
        text = "".join(line)
        if not text:
            return
        wide = self.width(text, style.bold, style.size) if len(line) > 1 else None
        if style.align == "justify" and not last and len(line) > 1:
            self._justified(x, right, line, style)
            return
        if style.align in ("center", "right"):
            wide = wide if wide is not None else self.width(text, style.bold, style.size)
            spare = right - x - wide
            x += spare / 2 if style.align == "center" else spare
        self._draw(self.page.left + x, self.y, text, style.bold, style.size)

    def _justified(self, x: float, right: float, line: list[str], style: Style) -> None:
        """Thai distributed justification, as Word's `thaiDistribute`: the spare width is
        spread evenly between the line's character clusters, not put into gaps between
        words, which a Thai reader would take for spaces."""
        pieces = clusters("".join(line))
        widths = [self.width(piece, style.bold, style.size) for piece in pieces]
        gaps = len(pieces) - 1
        spare = max(0.0, right - x - sum(widths))
        extra = spare / gaps if gaps else 0.0
        widen = 0.0
        if extra > style.size * MAX_CLUSTER_SPREAD:
            # Too much to spread between letters (a long name kept whole went to the next
            # line): the letters take what they can, the spaces between phrases the rest,
            # as Word does; a line without a space stays short rather than drift apart.
            extra = style.size * MAX_CLUSTER_SPREAD
            spaces = sum(1 for piece in pieces[:-1] if piece.isspace())
            widen = (spare - extra * gaps) / spaces if spaces else 0.0
        position = self.page.left + x
        placed = []
        for piece, wide in zip(pieces, widths, strict=True):
            if not piece.isspace():
                placed.append((position, piece))
            else:
                position += widen
            position += wide + extra
        self._draw_words(self.y, placed, style.bold, style.size)

    # -- output ---------------------------------------------------------------------------

    def output(self, path: Path) -> None:
        self.pdf.output(str(path))

    def pages(self) -> int:
        return self.pdf.page
