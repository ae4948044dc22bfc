"""The minutes' blocks as paragraphs of a QTextDocument, one paragraph per block.

A paragraph per block lets a refresh replace only what changed: typing in one item's
body redraws a paragraph or two, not the 300 names above it. Layout follows the DOCX
(แบบที่ 11): centred bold title lines, attendee columns on tab stops, item titles with
their label hanging, body text with its first line indented, signatures at the right.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

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
)

# The minutes' own fonts first; Laksaman is the free TLWG font drawn after TH Sarabun.
PREVIEW_FAMILIES = ("TH SarabunPSK", "TH Sarabun New", "Sarabun", "Laksaman", "Norasi")
PREVIEW_POINTS = 11.5
LINE_BREAK = "\u2028"


def preview_font() -> QFont:
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Thai))
    family = next((f for f in PREVIEW_FAMILIES if f in installed), None)
    font = QFont(family) if family else QFont()
    font.setPointSizeF(PREVIEW_POINTS)
    return font


class MinutesDocument:
    """A QTextDocument kept equal to a list of blocks, patched where they differ."""

    def __init__(self, document: QTextDocument):
        self.document = document
        self.blocks: list[MinutesBlock] = []
        font = preview_font()
        document.setDefaultFont(font)
        document.setDocumentMargin(28)
        metrics = QFontMetricsF(font)
        self.em = metrics.horizontalAdvance("ก")
        # Labels hang before their text, as in the DOCX: room for the longest label.
        self.item_label = metrics.horizontalAdvance("ระเบียบวาระที่ 10") + self.em * 1.5
        self.resolution_label = metrics.horizontalAdvance("มติที่ประชุม") + self.em * 1.5
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.plain = QTextCharFormat()
        self.plain.setFontWeight(QFont.Weight.Normal)

    def show(self, blocks: Sequence[MinutesBlock]) -> tuple[int, int]:
        """Make the document say `blocks`; returns (first changed, paragraphs rewritten)."""
        old, new = self.blocks, list(blocks)
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        if start == end_old == end_new:
            return start, 0
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        if not old:
            self.document.clear()
            cursor.setPosition(0)
            for n, block in enumerate(new):
                self._write(cursor, block, first=n == 0)
        else:
            self._replace(cursor, start, end_old, new[start:end_new])
            # Paragraphs joined or split at the edges keep a neighbour's format: set
            # the formats around the change again from the blocks.
            for n in range(max(0, start - 1), min(len(new), end_new + 1)):
                cursor.setPosition(self.document.findBlockByNumber(n).position())
                cursor.setBlockFormat(self.block_format(new[n]))
        cursor.endEditBlock()
        self.blocks = new
        return start, end_new - start

    def _replace(self, cursor: QTextCursor, start: int, end_old: int, blocks) -> None:
        doc = self.document
        if end_old > start:
            # Empty the paragraphs start … end_old-1 into one, then write the new ones.
            first = doc.findBlockByNumber(start)
            last = doc.findBlockByNumber(end_old - 1)
            cursor.setPosition(first.position())
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            if not blocks:
                if start > 0:
                    cursor.deletePreviousChar()
                else:
                    cursor.deleteChar()
                return
            self._fill(cursor, blocks[0])
            for block in blocks[1:]:
                self._write(cursor, block, first=False)
        elif start < len(self.blocks):
            # Only new paragraphs, before paragraph `start`.
            cursor.setPosition(doc.findBlockByNumber(start).position())
            for block in blocks:
                self._fill(cursor, block)
                cursor.insertBlock()
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            for block in blocks:
                self._write(cursor, block, first=False)

    # --- one paragraph ------------------------------------------------------------------

    def _write(self, cursor: QTextCursor, block: MinutesBlock, *, first: bool) -> None:
        if not first:
            cursor.insertBlock()
        self._fill(cursor, block)

    def _fill(self, cursor: QTextCursor, block: MinutesBlock) -> None:
        cursor.setBlockFormat(self.block_format(block))
        cursor.setBlockCharFormat(self.plain)
        for text, bold in self.runs(block):
            cursor.insertText(text, self.bold if bold else self.plain)

    def runs(self, block: MinutesBlock) -> list[tuple[str, bool]]:
        if isinstance(block, TitleLine | Heading):
            return [(block.text, True)]
        if isinstance(block, AttendeeRow):
            capacity = f"\t{block.capacity}" if block.capacities else ""
            return [(f"\t{block.number}\t{block.name}\t{block.position}{capacity}", False)]
        if isinstance(block, ItemTitle):
            return [(f"{block.label}\t{block.title}", True)]
        if isinstance(block, Resolution):
            if block.labelled:
                return [(block.label, True), (f"\t{block.text}", False)]
            return [(block.text, False)]
        if isinstance(block, ResolutionPointLine):
            return [(f"{block.number}\t{block.text}", False)]
        if isinstance(block, ActionLine):
            return [(f"-\t{block.full_text}", False)]
        if isinstance(block, Signature):
            return [(LINE_BREAK.join(block.lines), False)]
        return [(block.text, False)]

    def block_format(self, block: MinutesBlock) -> QTextBlockFormat:  # noqa: C901 (one branch per kind of minutes block)
        """The paragraph's layout. A tab stop counts from where the first line starts (the
        text indent included), so a hanging label's tab is the label's width."""
        em = self.em
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        level = getattr(block, "level", 0)
        if isinstance(block, TitleLine):
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif isinstance(block, Heading):
            fmt.setTopMargin(em * 0.8)
        elif isinstance(block, AttendeeRow):
            # Columns as the DOCX's table: a long position wraps under itself.
            fmt.setLeftMargin(em * 20)
            fmt.setTextIndent(-em * 20)
            tabs = [
                QTextOption.Tab(em * 3.2, QTextOption.TabType.RightTab),
                QTextOption.Tab(em * 4.0, QTextOption.TabType.LeftTab),
                QTextOption.Tab(em * 20, QTextOption.TabType.LeftTab),
            ]
            if block.capacities:
                tabs.append(QTextOption.Tab(em * 36, QTextOption.TabType.LeftTab))
            fmt.setTabPositions(tabs)
        elif isinstance(block, ItemTitle):
            indent = (0, em * 2.5, em * 5)[min(level, 2)]
            label_width = self.item_label if level == 0 else em * 3.5
            fmt.setTopMargin(em * 0.6)
            fmt.setLeftMargin(indent + label_width)
            fmt.setTextIndent(-label_width)
            fmt.setTabPositions([QTextOption.Tab(label_width, QTextOption.TabType.LeftTab)])
        elif isinstance(block, BodyParagraph):
            # Left, not justified: Qt spreads Thai (which has no spaces) letter by letter.
            fmt.setLeftMargin(em * 2.5 * level)
            fmt.setTextIndent(em * 5)
        elif isinstance(block, Resolution):
            label_width = self.resolution_label
            fmt.setLeftMargin(em * 2.5 * level + label_width)
            if block.labelled:
                fmt.setTopMargin(em * 0.3)
                fmt.setTextIndent(-label_width)
                fmt.setTabPositions([QTextOption.Tab(label_width, QTextOption.TabType.LeftTab)])
        elif isinstance(block, ResolutionPointLine | ActionLine):
            # As the DOCX: the number at the first-line indent, the text a little after.
            fmt.setLeftMargin(em * 7)
            fmt.setTextIndent(-em * 2)
            fmt.setTabPositions([QTextOption.Tab(em * 2, QTextOption.TabType.LeftTab)])
        elif isinstance(block, Signature):
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setLeftMargin(em * 6)
            fmt.setTopMargin(em * 2)
        elif isinstance(block, Line):
            fmt.setTopMargin(em * 0.4)
        return fmt

    def block_top(self, number: int) -> float:
        """Where paragraph `number` starts, in document coordinates."""
        block = self.document.findBlockByNumber(number)
        if not block.isValid():
            return 0.0
        return self.document.documentLayout().blockBoundingRect(block).top()
