"""The invitation letters as she will get them, in a QTextDocument: the layout of แบบที่ 1
(the Garuda's place, ที่ at the left and the address at the right, the date from the
middle, the labels hanging, the signature right of centre, the unit at the foot), one
letter after another with a rule where the pages break."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.exports.invitation_text import Letter
from desktop.ui.meeting.preview.render import preview_font

GARUDA = "(ครุฑ)"
PAGE_BREAK = "─" * 40
LEFT, CENTRE = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter


class LetterDocument:
    """Writes letters into a document, a paragraph per printed line."""

    def __init__(self, document: QTextDocument):
        self.document = document
        font = preview_font()
        document.setDefaultFont(font)
        document.setDocumentMargin(28)
        self.em = QFontMetricsF(font).horizontalAdvance("ก")
        self.plain = QTextCharFormat()
        self.grey = QTextCharFormat()
        self.grey.setForeground(Qt.GlobalColor.darkGray)
        self.cursor = QTextCursor(document)
        self.first = True

    def paragraph(
        self,
        text: str,
        *,
        align: Qt.AlignmentFlag = LEFT,
        left: float = 0.0,
        indent: float = 0.0,
        top: float = 0.0,
        tab: float | None = None,
        grey: bool = False,
    ) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        fmt.setLeftMargin(left)
        fmt.setTextIndent(indent)
        fmt.setTopMargin(top)
        if tab is not None:
            fmt.setTabPositions([QTextOption.Tab(tab, QTextOption.TabType.LeftTab)])
        if not self.first:
            self.cursor.insertBlock()
        self.first = False
        chars = self.grey if grey else self.plain
        self.cursor.setBlockFormat(fmt)
        self.cursor.setBlockCharFormat(chars)
        self.cursor.insertText(text, chars)

    def letter(self, letter: Letter) -> None:
        em = self.em
        self.paragraph(GARUDA, align=CENTRE, top=em, grey=True)
        # ที่ at the left; the sender and its address in a column at the right.
        address_at = em * 22
        lines = [letter.sender, *letter.address]
        self.paragraph(f"{letter.code}\t{lines[0]}", tab=address_at)
        for line in lines[1:]:
            self.paragraph(line, left=address_at)
        self.paragraph(letter.date, left=em * 19, top=em * 0.5)
        for label, text, width in (
            # The DOCX's 1.25 cm and 2.75 cm at 16 pt, in letters of the preview's size.
            ("เรื่อง", letter.subject, em * 4.5),
            ("เรียน", letter.salutation, em * 4.5),
            ("สิ่งที่ส่งมาด้วย", letter.enclosure, em * 10),
        ):
            self.paragraph(f"{label}\t{text}", left=width, indent=-width, tab=width)
        for text in (*letter.body, letter.closing):
            self.paragraph(text, indent=em * 6, top=em * 0.3)
        sign = em * 17
        self.paragraph(letter.regards, align=CENTRE, left=sign, top=em * 0.3)
        self.paragraph(letter.signer, align=CENTRE, left=sign, top=em * 2.5)
        for line in letter.signer_lines:
            self.paragraph(line, align=CENTRE, left=sign)
        for number, line in enumerate(letter.office):
            self.paragraph(line, top=em * 2 if number == 0 else 0.0)


def show_letters(document: QTextDocument, letters: Sequence[Letter], note: str = "") -> None:
    """Make the document say the letters, with a note above them in grey."""
    document.clear()
    writer = LetterDocument(document)
    if note:
        writer.paragraph(note, grey=True)
    for number, letter in enumerate(letters):
        if number:
            writer.paragraph(PAGE_BREAK, align=CENTRE, top=writer.em, grey=True)
        writer.letter(letter)
