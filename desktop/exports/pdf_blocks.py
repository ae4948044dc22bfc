"""What a paper is made of, for the PDF writer: the page, styles, paragraphs, rows of
columns, spacers, pictures and page breaks, and the text they hold in reading order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

PT_PER_CM = 72 / 2.54
A4 = (595.28, 841.89)  # points


@dataclass(frozen=True)
class Page:
    """Page size and margins in points; the header's distance from the top edge."""

    width: float = A4[0]
    height: float = A4[1]
    top: float = 2.5 * PT_PER_CM
    bottom: float = 2 * PT_PER_CM
    left: float = 3 * PT_PER_CM
    right: float = 2 * PT_PER_CM
    header: float = 1.25 * PT_PER_CM

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


@dataclass(frozen=True)
class Style:
    """How a paragraph sits: all lengths in points from the left margin."""

    bold: bool = False
    align: str = "left"  # left, center, right, justify
    left: float = 0.0
    """Where the lines after the first start."""
    first_line: float = 0.0
    """The first line's start relative to `left` (negative: hanging)."""
    right: float = 0.0
    space_before: float = 0.0
    keep_with_next: bool = False
    size: float = 16.0


@dataclass(frozen=True)
class Paragraph:
    """Text in a style; a label (`ระเบียบวาระที่ 1`, `1.`, `มติที่ประชุม`) may start it.

    The label is written at the first line's start, then the text goes on at `tab`, or
    at the hanging indent, or a space after the label, whichever is the first one past it.
    """

    style: Style
    text: str
    label: str = ""
    label_bold: bool = False
    tab: float | None = None


@dataclass(frozen=True)
class Row:
    """Columns side by side, never split over two pages: (x from the margin, width, text)."""

    cells: tuple[tuple[float, float, str], ...]
    style: Style = field(default_factory=Style)


@dataclass(frozen=True)
class Spacer:
    """Empty vertical space, in points (dropped at the top of a page)."""

    height: float


@dataclass(frozen=True)
class Picture:
    """An image centred between the margins, `height` points high (PNG or JPEG bytes);
    without data, only its space is kept (paper with the emblem printed on it)."""

    data: bytes | None
    height: float


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a new page (one letter per page)."""


Block = Paragraph | Row | Spacer | Picture | PageBreak


def iter_text(blocks: Iterable[Block]) -> Iterator[str]:
    """The blocks' text in order (for tests and previews)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield f"{block.label} {block.text}".strip()
        elif isinstance(block, Row):
            yield " ".join(text for _, _, text in block.cells)
