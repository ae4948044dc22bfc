"""Thai typography for a python-docx Document, set once at the root.

Word treats Thai as a complex script: it takes the font from `w:rFonts w:cs`, the size
from `w:szCs`, bold from `w:bCs`, and a theme font reference (`w:cstheme`) wins over a
named font. Measured through LibreOffice: without `cs` Thai falls back to another font,
without `szCs` it is 11 pt, without `bCs` headings are not bold. So the document
defaults and every style carry all of them, with no theme reference left, and runs
carry no formatting of their own.
"""

from __future__ import annotations

from typing import cast
from xml.sax.saxutils import quoteattr

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from desktop.core.errors import PrachumError

JUSTIFICATIONS = ("thaiDistribute", "both")
HALF_POINTS = 32  # 16 pt, the size แบบที่ 11 uses for everything
# Thai text is a complex script: its language is `w:bidi`. `w:val` is the language of
# Latin letters and Arabic digits; set to Thai, LibreOffice's Thai word breaker splits
# numbers at a line end (`25|67`, `50,0|00`: 14 times in 300 test paragraphs, none with
# en-US), and Word itself writes en-US there for a Thai document.
THAI_LANGUAGE = "th-TH"
LATIN_LANGUAGE = "en-US"

# Lengths in twentieths of a point (twips): 1 cm = 567.
A4_WIDTH, A4_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1418, 1134, 1701, 1134
HEADER_DISTANCE = 709
TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9071: 16 cm
FIRST_LINE_INDENT = 1418  # 2.5 cm
POINT_INDENT = 1843  # 3.25 cm: a point's text, its number hangs back to 2.5 cm
SIGNATURE_INDENT = 3969  # 7 cm: the signature blocks stand right of centre
RESOLUTION_TAB = 3119  # 5.5 cm: the resolution's text after its label

# Style ids: short, ASCII, stable, so that a secretary's own template can map them.
TITLE = "MinutesTitle"
HEADING = "MinutesHeading"
LINE = "MinutesLine"
ATTENDEE = "MinutesAttendee"
ITEM_TITLE = "MinutesItemTitle"
BODY = "MinutesBody"
RESOLUTION = "MinutesResolution"
POINT = "MinutesPoint"
ACTION = "MinutesAction"
SIGNATURE = "MinutesSignature"
LABEL = "MinutesLabel"
HEADER = "Header"

_THEME_ATTRIBUTES = tuple(
    qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
)


def checked_justification(justification: str) -> str:
    if justification not in JUSTIFICATIONS:
        raise PrachumError(
            f"การจัดข้อความต้องเป็น {' หรือ '.join(JUSTIFICATIONS)}",
            f"Justification must be one of {', '.join(JUSTIFICATIONS)}.",
        )
    return justification


def run_properties(font: str, *, bold: bool = False) -> str:
    """`w:rPr` with the font in all four slots, 16 pt for both scripts, Thai for Thai."""
    name = quoteattr(font)
    bold_xml = "<w:b/><w:bCs/>" if bold else ""
    return (
        f"<w:rPr><w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name}/>"
        f'{bold_xml}<w:sz w:val="{HALF_POINTS}"/><w:szCs w:val="{HALF_POINTS}"/>'
        f'<w:lang w:val="{LATIN_LANGUAGE}" w:bidi="{THAI_LANGUAGE}"/></w:rPr>'
    )


def _paragraph_style(
    style_id: str, name: str, font: str, ppr: str = "", *, bold: bool = False, default: bool = False
) -> str:
    default_xml = ' w:default="1"' if default else ""
    based = "" if default else '<w:basedOn w:val="Normal"/>'
    return (
        f'<w:style w:type="paragraph"{default_xml} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr>{run_properties(font, bold=bold)}</w:style>"
    )


def styles_xml(font: str, justification: str) -> str:
    """The whole styles part: defaults, then only the styles the minutes use."""
    keep = "<w:keepNext/><w:keepLines/>"
    single = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    before = '<w:spacing w:before="120" w:after="0"/>'
    jc = f'<w:jc w:val="{justification}"/>'
    hanging = f'<w:ind w:left="{POINT_INDENT}" w:hanging="{POINT_INDENT - FIRST_LINE_INDENT}"/>'
    # Element order inside pPr follows the schema (keepNext, keepLines, spacing, ind, jc),
    # which Word enforces strictly.
    paragraph_styles = [
        _paragraph_style("Normal", "Normal", font, single, default=True),
        _paragraph_style(TITLE, "Minutes Title", font, f'{keep}<w:jc w:val="center"/>', bold=True),
        _paragraph_style(HEADING, "Minutes Heading", font, f"{keep}{before}", bold=True),
        _paragraph_style(LINE, "Minutes Line", font, before),
        _paragraph_style(ATTENDEE, "Minutes Attendee", font, "<w:keepLines/>"),
        _paragraph_style(
            ITEM_TITLE,
            "Minutes Item Title",
            font,
            f"{keep}{before}",
            bold=True,
        ),
        _paragraph_style(
            BODY, "Minutes Body", font, f'<w:ind w:firstLine="{FIRST_LINE_INDENT}"/>{jc}'
        ),
        _paragraph_style(
            RESOLUTION,
            "Minutes Resolution",
            font,
            f'<w:tabs><w:tab w:val="left" w:pos="{RESOLUTION_TAB}"/></w:tabs>'
            f'<w:ind w:firstLine="{FIRST_LINE_INDENT}"/>{jc}',
        ),
        _paragraph_style(POINT, "Minutes Point", font, f"{hanging}{jc}"),
        _paragraph_style(ACTION, "Minutes Action", font, f"{hanging}{jc}"),
        _paragraph_style(
            SIGNATURE,
            "Minutes Signature",
            font,
            f'{keep}<w:ind w:left="{SIGNATURE_INDENT}"/><w:jc w:val="center"/>',
        ),
        _paragraph_style(HEADER, "header", font, '<w:jc w:val="center"/>'),
    ]
    rpr = run_properties(font)
    return (
        f"<w:styles {nsdecls('w')}>"
        f"<w:docDefaults><w:rPrDefault>{rpr}</w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{single}</w:pPr></w:pPrDefault></w:docDefaults>"
        + "".join(paragraph_styles)
        + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        f"{rpr}</w:style>"
        f'<w:style w:type="character" w:styleId="{LABEL}"><w:name w:val="Minutes Label"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/>{run_properties(font, bold=True)}</w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:semiHidden/><w:pPr>'
        f"{single}</w:pPr>{rpr}<w:tblPr>"
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        f'<w:name w:val="No List"/><w:semiHidden/>{rpr}</w:style>'
        "</w:styles>"
    )


def apply_typography(document: Document, font: str, justification: str) -> None:
    """Replace the template's styles with the minutes' own, and drop its theme references.

    python-docx's template carries 164 styles pointing at theme fonts (Calibri, Cambria);
    replacing them is simpler and more certain than mending each one.
    """
    # A new root for the styles part: cheaper than removing 164 styles one by one.
    styles = cast(XmlPart, document.part.part_related_by(RT.STYLES))
    styles._element = parse_xml(styles_xml(font, justification))
    # Word 2007's copy of the styles (stylesWithEffects) still points at the theme fonts.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    _declare_font(document, font)
    strip_theme_fonts(document.element)


def strip_theme_fonts(element: BaseOxmlElement) -> None:
    """Remove every theme font reference below an element (they override named fonts)."""
    for fonts in element.iter(qn("w:rFonts")):
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(attribute, None)


def _declare_font(document: Document, font: str) -> None:
    # fontTable tells Word which script a missing font served: charset DE is Thai, so
    # a machine without the font substitutes a Thai face rather than a Latin one.
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            table = parse_xml(rel.target_part.blob)
            table.append(
                parse_xml(
                    f"<w:font {nsdecls('w')} w:name={quoteattr(font)}>"
                    '<w:charset w:val="DE"/><w:family w:val="swiss"/>'
                    '<w:pitch w:val="variable"/></w:font>'
                )
            )
            rel.target_part._blob = etree.tostring(
                table, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def set_a4_page(document: Document, *, thai_digits: bool) -> None:
    """A4 with แบบที่ 11's margins; `- N -` centred in the header from page 2 on."""
    section = document.sections[0]
    sect = section._sectPr
    for tag in ("w:pgSz", "w:pgMar", "w:pgNumType", "w:titlePg"):
        for old in sect.findall(qn(tag)):
            sect.remove(old)
    number_format = ' w:fmt="thaiNumbers"' if thai_digits else ""
    page = parse_xml(
        f"<w:sectPr {nsdecls('w')}>"
        f'<w:pgSz w:w="{A4_WIDTH}" w:h="{A4_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{HEADER_DISTANCE}" '
        'w:gutter="0"/>'
        f'<w:pgNumType w:start="1"{number_format}/></w:sectPr>'
    )
    # The schema orders sectPr children: header refs, …, pgSz, pgMar, …, pgNumType, cols.
    cols = sect.find(qn("w:cols"))
    for child in list(page):
        if cols is not None:
            cols.addprevious(child)
        else:
            sect.append(child)

    # Page 1 of แบบที่ 11 has no number: a header of its own for the first page, empty.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    sample = "๒" if thai_digits else "2"
    paragraph = header.paragraphs[0]._p
    paragraph.addnext(
        parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{HEADER}"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">- </w:t></w:r>'
            f'<w:fldSimple w:instr=" PAGE "><w:r><w:t>{sample}</w:t></w:r></w:fldSimple>'
            '<w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p>'
        )
    )
    paragraph.getparent().remove(paragraph)
