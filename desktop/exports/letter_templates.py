"""Her office's own template for the invitation letters.

The template is one letter, written as she writes them (her letterhead, her habits),
with the letter's fields marked: `{{ letter.salutation }}`, `{{ letter.code }}`,
`{%p for paragraph in letter.body %}`… and every field of the meeting (`meeting.*`) as
the other papers have them. Prachum fills it once for each organisation of the batch,
with the words the built-in letters print (invitation_text: the same `เรียน` lines, the
batch's one `ว` number from the register), and puts the letters one after another, each
from a new page, in one DOCX; or one file each.

Every copy comes from the same template, so the copies share its styles, numbering and
relationships (pictures, links): a later letter's body can be moved into the first
document as it is, and only the drawings' ids are numbered again (Word wants them unique).
"""

from __future__ import annotations

import copy
import io
from typing import Any

from desktop.exports.invitation_text import Letter
from desktop.exports.template_fields import LETTER_FIELDS, LETTER_LISTS
from desktop.exports.template_fill import fill


def letter_context(letter: Letter) -> dict[str, Any]:
    """One letter's fields, as the built-in letter prints them."""
    code = letter.code.removeprefix("ที่").strip()
    return {
        "code": code,
        # The batch's number is the last part of the code: `…/ว 12`.
        "number": code.rsplit("/ว", 1)[-1].strip() if "/ว" in code else "",
        "date": letter.date,
        "recipient": letter.recipient,
        "salutation": letter.salutation,
        "subject": letter.subject,
        "enclosure": letter.enclosure,
        "sender": letter.sender,
        "address": list(letter.address),
        "body": list(letter.body),
        "online": list(letter.online),
        "closing": letter.closing,
        "regards": letter.regards,
        "signer": letter.signer,
        "signer_lines": list(letter.signer_lines),
        "office": list(letter.office),
    }


def sample_letters() -> list[dict[str, Any]]:
    """Two letters of sample values: a new template is tried with them (and their merging)."""
    sample: dict[str, Any] = {}
    for name, _thai, _english, example in LETTER_FIELDS:
        key = name.removeprefix("letter.")
        sample[key] = ["ตัวอย่าง"] if key in LETTER_LISTS else example or "ตัวอย่าง"
    return [sample, dict(sample, recipient="หน่วยงานที่สอง", salutation="นายกที่สอง")]


def fill_letters(data: bytes, context: dict[str, Any], letters: list[dict[str, Any]]) -> bytes:
    """Her template filled once per letter, the letters one after another in one DOCX."""
    filled = [fill(data, {**context, "letter": letter}) for letter in letters]
    return merge_letters(filled) if len(filled) > 1 else filled[0]


def merge_letters(documents: list[bytes]) -> bytes:
    """The first document with the bodies of the others after it, each from a new page."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    first = docx.Document(io.BytesIO(documents[0]))
    body = first.element.body
    # The last sectPr is the document's page setup: the letters go before it.
    end = body.find(qn("w:sectPr"))
    for data in documents[1:]:
        other = docx.Document(io.BytesIO(data)).element.body
        parts = [copy.deepcopy(c) for c in other.iterchildren() if c.tag != qn("w:sectPr")]
        if not parts:
            continue
        if parts[0].tag != qn("w:p"):
            # A letter that opens with a table (a letterhead): a paragraph one point high
            # carries the page break, as a table cannot.
            carrier = OxmlElement("w:p")
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:line"), "20")
            spacing.set(qn("w:lineRule"), "exact")
            spacing.set(qn("w:before"), "0")
            spacing.set(qn("w:after"), "0")
            properties = carrier.get_or_add_pPr()
            properties.append(spacing)
            parts.insert(0, carrier)
        Paragraph(parts[0], first).paragraph_format.page_break_before = True
        for part in parts:
            if end is not None:
                end.addprevious(part)
            else:
                body.append(part)
    for number, drawing in enumerate(body.iter(qn("wp:docPr")), start=1):
        drawing.set("id", str(number))
    out = io.BytesIO()
    first.save(out)
    return out.getvalue()
