"""Thai typography at the root: defaults and styles, A4 and margins, the page number, digits."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from lxml import etree

from desktop.exports.minutes_docx import export_minutes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture
def write(session, minutes_meeting, tmp_path):
    """Export the fixture meeting with the given options; return the DOCX path."""

    def export(name: str = "minutes.docx", **options) -> Path:
        folder = tmp_path / "out"
        folder.mkdir(exist_ok=True)
        return export_minutes(session, minutes_meeting.meeting_id, folder / name, **options)

    return export


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}


def assert_thai_run_properties(rpr: etree._Element, font: str, where: str) -> None:
    fonts = rpr.find("w:rFonts", NS)
    assert fonts is not None, where
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(w(slot)) == font, f"{where}: rFonts {slot}"
    for attribute in THEME_FONT_ATTRIBUTES:
        assert fonts.get(w(attribute)) is None, f"{where}: {attribute} left on"
    assert rpr.find("w:sz", NS).get(w("val")) == "32", where
    assert rpr.find("w:szCs", NS).get(w("val")) == "32", where
    lang = rpr.find("w:lang", NS)
    assert lang.get(w("bidi")) == "th-TH", where


def test_document_defaults_set_font_size_and_thai_for_both_scripts(write):
    styles = part(write(), "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert_thai_run_properties(rpr, "TH SarabunPSK", "docDefaults")


def test_every_style_carries_the_font_in_all_slots_and_bold_for_thai_too(write):
    styles = part(write(font="TH Sarabun New"), "word/styles.xml")
    all_styles = styles.findall("w:style", NS)
    assert len(all_styles) >= 10
    bold_styles = []
    for style in all_styles:
        style_id = style.get(w("styleId"))
        assert_thai_run_properties(style.find("w:rPr", NS), "TH Sarabun New", style_id)
        bold = style.find("w:rPr/w:b", NS)
        bold_cs = style.find("w:rPr/w:bCs", NS)
        assert (bold is None) == (bold_cs is None), f"{style_id}: b without bCs"
        if bold is not None:
            bold_styles.append(style_id)
    assert {"MinutesTitle", "MinutesHeading", "MinutesItemTitle", "MinutesLabel"} <= set(
        bold_styles
    )


def test_no_theme_font_reference_is_left_in_any_part(write):
    pattern = re.compile(rb"w:(%s)=" % b"|".join(a.encode() for a in THEME_FONT_ATTRIBUTES))
    for name, content in xml_parts(write()).items():
        assert not pattern.search(content), name


def test_runs_carry_no_formatting_of_their_own(write):
    body = part(write(), "word/document.xml")
    for rpr in body.iter(w("rPr")):
        assert [child.tag for child in rpr] == [w("rStyle")]


def test_a4_with_the_margins_of_form_11(write):
    section = docx.Document(str(write())).sections[0]
    expected = {
        "page_width": Cm(21),
        "page_height": Cm(29.7),
        "top_margin": Cm(2.5),
        "bottom_margin": Cm(2),
        "left_margin": Cm(3),
        "right_margin": Cm(2),
    }
    for name, length in expected.items():
        assert abs(getattr(section, name) - length) < Cm(0.01), name


def test_body_is_thai_distributed_with_a_two_and_a_half_cm_first_line(write):
    styles = part(write(), "word/styles.xml")
    body = styles.find("w:style[@w:styleId='MinutesBody']/w:pPr", NS)
    assert body.find("w:jc", NS).get(w("val")) == "thaiDistribute"
    assert body.find("w:ind", NS).get(w("firstLine")) == "1418"  # 2.5 cm in twips

    styles = part(write("both.docx", justification="both"), "word/styles.xml")
    body = styles.find("w:style[@w:styleId='MinutesBody']/w:pPr", NS)
    assert body.find("w:jc", NS).get(w("val")) == "both"


def test_page_number_centred_in_the_header_from_page_two(write):
    path = write()
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header = section.header._element
    paragraph = header.find("w:p", NS)
    assert paragraph.find("w:pPr/w:pStyle", NS).get(w("val")) == "Header"
    styles = part(path, "word/styles.xml")
    jc = styles.find("w:style[@w:styleId='Header']/w:pPr/w:jc", NS)
    assert jc.get(w("val")) == "center"
    texts = [t.text for t in paragraph.iter(w("t"))]
    field = paragraph.find("w:fldSimple", NS)
    assert field.get(w("instr")).strip() == "PAGE"
    assert texts[0] == "- " and texts[-1] == " -"
    number_type = document.sections[0]._sectPr.find("w:pgNumType", NS)
    assert number_type.get(w("fmt")) is None


def test_thai_digits_leave_no_arabic_digit_in_the_text(write):
    path = write(thai_digits=True)
    texts = []
    for name, content in xml_parts(path).items():
        if name.startswith("word/") and ("document" in name or "header" in name):
            texts.extend(t.text or "" for t in etree.fromstring(content).iter(w("t")))
    text = "".join(texts)
    assert "ครั้งที่ ๒/๒๕๖๕" in text
    assert "เมื่อวันพุธที่ ๓ สิงหาคม ๒๕๖๕" in text
    assert "เริ่มประชุมเวลา ๐๙.๓๐ น." in text
    assert "ระเบียบวาระที่ ๒" in text
    assert "กำหนดแล้วเสร็จ: ๑ มี.ค. ๒๕๖๗" in text
    assert not re.search(r"[0-9]", text)
    section = part(path, "word/document.xml").find("w:body/w:sectPr", NS)
    assert section.find("w:pgNumType", NS).get(w("fmt")) == "thaiNumbers"


def test_the_font_is_a_setting_and_word_is_told_it_serves_thai(write):
    path = write(font="TH Sarabun New")
    fonts = part(path, "word/fontTable.xml")
    declared = fonts.find("w:font[@w:name='TH Sarabun New']", NS)
    assert declared.find("w:charset", NS).get(w("val")) == "DE"  # the Thai charset
    assert b"TH SarabunPSK" not in xml_parts(path)["word/styles.xml"]
