"""The minutes as PDF, written by Prachum itself (no Word, no LibreOffice), read back."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pdf_check import (
    assert_no_bad_glyphs,
    page_count,
    pdf_fonts,
    pdf_text,
    skip_without_poppler,
)
from pythainlp.tokenize import word_tokenize

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.exports.minutes_pdf import export_minutes_pdf
from desktop.exports.pdf_fonts import font_files
from desktop.exports.pdf_layout import Paragraph, PdfWriter, Style


@pytest.fixture(autouse=True)
def _poppler() -> None:
    skip_without_poppler()


# A paragraph with no spaces: only word segmentation can find where its lines may break.
LONG_BODY = (
    "คณะทำงานรายงานแนวทางการดำเนินงานร่วมกันของหน่วยงานสมาชิกเพื่อให้การบริหารจัดการน้ำ"
    "ในพื้นที่ลุ่มน้ำเป็นไปอย่างมีประสิทธิภาพและสอดคล้องกับแผนพัฒนาท้องถิ่นของแต่ละแห่ง"
    "โดยให้ทุกหน่วยงานส่งรายชื่อผู้ประสานงานภายในวันที่กำหนดและรายงานผลการดำเนินงาน"
    "ต่อที่ประชุมคณะทำงานทุกไตรมาสเพื่อติดตามความก้าวหน้าอย่างต่อเนื่อง"
)


def _with_long_item(session, meeting_id: int, copies: int = 1) -> None:
    for number in range(copies):
        services.add_agenda_item(
            session,
            meeting_id,
            title=f"เรื่องเพื่อทราบที่ {number + 1}",
            body=LONG_BODY,
            resolution="ที่ประชุมรับทราบ",
        )
    session.flush()


def test_the_pdf_has_the_minutes_text_in_order(session, minutes_meeting, tmp_path):
    target = export_minutes_pdf(session, minutes_meeting.meeting_id, tmp_path / "m.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target, layout=True).replace(" ", "")
    expected = [
        "รายงานการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        "ครั้งที่2/2565",
        "เมื่อวันพุธที่3สิงหาคม2565",
        "ผ่านระบบการประชุมทางไกล(ZoomMeeting)",
        "ผู้มาประชุม",
        "นายสมชายใจดี",
        "รองปลัดเทศบาลรักษาราชการแทน",
        "ผู้ไม่มาประชุม",
        "(ติดราชการ)",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา09.30น.",
        "ระเบียบวาระที่1",
        "มติที่ประชุม",
        "1.จัดตั้งคณะทำงานร่วม",
        "2.ประชุมทุกไตรมาส",
        "เลิกประชุมเวลา12.00น.",
        "ผู้จดรายงานการประชุม",
        "ผู้ตรวจรายงานการประชุม",
    ]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions, [p for p, at in zip(expected, positions, strict=True) if at < 0]
    assert positions == sorted(positions)


def test_every_font_is_embedded_and_is_sarabun(session, minutes_meeting, tmp_path):
    target = export_minutes_pdf(session, minutes_meeting.meeting_id, tmp_path / "m.pdf")
    fonts = pdf_fonts(target)
    assert fonts
    assert all(font["emb"] == "yes" and font["uni"] == "yes" for font in fonts), fonts
    expected = font_files("TH SarabunPSK").regular.stem.replace(" ", "").split("-")[0]
    assert all(expected.casefold() in font["name"].casefold() for font in fonts), fonts
    assert any("bold" in font["name"].casefold() for font in fonts), "headings are not bold"


def test_no_glyph_is_a_box_or_a_dotted_circle(session, minutes_meeting, tmp_path):
    # Stacked marks, SARA AM under a tone mark, a stray tone mark after a space, a
    # character no Thai font has.
    services.add_agenda_item(
        session,
        minutes_meeting.meeting_id,
        title="น้ำท่วมที่ตั้งของผู้ใหญ่บ้าน กรุงเทพฯ",
        body="ปู่ย่าตายายช่วยกันทำนา ่ผิด ☃ จบ",
    )
    session.flush()
    target = export_minutes_pdf(session, minutes_meeting.meeting_id, tmp_path / "m.pdf")
    assert_no_bad_glyphs(target)
    text = pdf_text(target)
    assert "น้ำท่วมที่ตั้งของผู้ใหญ่บ้าน" in text.replace(" ", "")  # SARA AM reads back whole
    assert "\u25cc" not in text


def test_lines_break_between_thai_words(session, minutes_meeting, tmp_path):
    _with_long_item(session, minutes_meeting.meeting_id)
    target = export_minutes_pdf(session, minutes_meeting.meeting_id, tmp_path / "m.pdf")
    # Justified lines spread their spare width between words, which a reader of the
    # PDF sees as spaces: compare without them.
    lines = ["".join(line.split()) for line in pdf_text(target).splitlines()]
    lines = [line for line in lines if line]
    start = next(i for i, line in enumerate(lines) if line.startswith(LONG_BODY[:25]))
    pieces, joined = [], ""
    for line in lines[start:]:
        pieces.append(line)
        joined += line
        if len(joined) >= len(LONG_BODY):
            break
    assert joined == LONG_BODY
    assert len(pieces) >= 3, "the paragraph should take several lines"
    boundaries, at = set(), 0
    for word in word_tokenize(LONG_BODY, engine="newmm"):
        at += len(word)
        boundaries.add(at)
    at = 0
    for piece in pieces[:-1]:
        at += len(piece)
        assert at in boundaries, f"a line breaks inside a word: …{piece[-8:]}|"


def test_a4_margins_and_page_numbers_from_page_two(session, minutes_meeting, tmp_path):
    _with_long_item(session, minutes_meeting.meeting_id, copies=8)
    target = export_minutes_pdf(
        session, minutes_meeting.meeting_id, tmp_path / "m.pdf", thai_digits=True
    )
    info = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Page size:\s+595\.2\d? x 841\.8\d?", info), info
    assert page_count(target) >= 2
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = bbox.split("<page ")[1:]
    first_words = re.findall(r">([^<]*)</word>", pages[0])[:3]
    assert first_words != ["-", "๑", "-"], "page 1 has no number"
    header = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', pages[1]
    )[:3]
    assert [text for _, _, text in header] == ["-", "๒", "-"]
    middle = (float(header[0][0]) + float(header[-1][1])) / 2
    assert abs(middle - (3 + (21 - 2)) / 2 / 2.54 * 72) < 3  # centred between the margins
    lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox)]
    rights = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert min(lefts) >= 3 / 2.54 * 72 - 1  # 3 cm left margin
    assert max(rights) <= 595.28 - 2 / 2.54 * 72 + 1  # 2 cm right margin


def test_the_command_writes_pdf_for_a_pdf_name(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    out = tmp_path / "minutes.pdf"
    assert main(["--db", str(db_path), "minutes", "1", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "รายงานการประชุม" in pdf_text(out).replace(" ", "")
    docx = tmp_path / "minutes.docx"
    assert main(["--db", str(db_path), "minutes", "1", "-o", str(docx)]) == 0
    assert docx.read_bytes().startswith(b"PK")


def test_a_folder_or_read_only_target_is_refused_and_nothing_is_left(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    assert main(["--db", str(db_path), "minutes", "1", "-o", str(folder)]) == 2
    assert list(folder.iterdir()) == []
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert main(["--db", str(db_path), "minutes", "1", "-o", str(locked / "m.pdf")]) == 2
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    assert "error:" in capsys.readouterr().err


def test_a_word_wider_than_the_line_is_cut_between_clusters(tmp_path):
    writer = PdfWriter(font_files("TH SarabunPSK"))
    link = "https://example.org/" + "ก้" * 200
    lines = writer.break_lines(link, 200, 200, False, 16)
    assert len(lines) > 2
    assert "".join("".join(line) for line in lines) == link
    for line in lines:
        assert not "".join(line).startswith("\u0e49"), "a tone mark was cut from its consonant"
    writer.write([Paragraph(Style(), link)])
    writer.output(tmp_path / "x.pdf")
    assert "".join(pdf_text(tmp_path / "x.pdf").split()) == link


def test_an_unknown_meeting_is_refused(session, tmp_path):
    with pytest.raises(PrachumError):
        export_minutes_pdf(session, 999, tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


def test_page_numbers_are_absent_on_a_one_page_paper(tmp_path):
    writer = PdfWriter(font_files("TH SarabunPSK"))
    writer.write([Paragraph(Style(), "หน้าเดียว")])
    writer.output(tmp_path / "one.pdf")
    assert pdf_text(Path(tmp_path / "one.pdf")).strip() == "หน้าเดียว"


def test_a_stray_mark_and_a_missing_character_draw_nothing_false(tmp_path):
    # Text that was never stored (so never normalised): a tone mark after a space, a
    # snowman no Thai font has. Neither becomes a dotted circle or a box.
    writer = PdfWriter(font_files("TH SarabunPSK"))
    writer.write([Paragraph(Style(), "ก ่ผิด ☃ น้ำ")])
    writer.output(tmp_path / "stray.pdf")
    assert_no_bad_glyphs(tmp_path / "stray.pdf")
    assert writer.missing == {"☃"}


def test_a_meeting_number_is_never_broken_after_its_noun():
    from desktop.exports.pdf_layout import words

    pieces = words("ขอเชิญประชุมคณะทำงาน ครั้งที่\u00a01/2567 และระเบียบวาระที่ 3")
    assert "ครั้งที่\u00a01/2567" in pieces
    assert "ระเบียบวาระที่" in pieces or "วาระที่" in pieces
    assert "ที่" not in pieces


def test_a_justified_line_short_of_a_kept_name_widens_its_spaces(tmp_path):
    # The next name is kept whole and goes to the next line: the line before is too
    # short for the letters alone to fill; its spaces take the rest, so it ends at the
    # right margin like the lines around it.
    skip_without_poppler()
    from desktop.exports.pdf_layout import Page

    measure = PdfWriter(font_files("TH SarabunPSK"))
    name = "เทศบาลเมืองแม่เหียะ"
    text = "จังหวัดเชียงใหม่ เทศบาลตำบลหางดง จังหวัดเชียงใหม่ " + name + " จังหวัดเชียงใหม่"
    before = measure.width("จังหวัดเชียงใหม่ เทศบาลตำบลหางดง จังหวัดเชียงใหม่", False, 16)
    width = before + measure.width(" " + name, False, 16) - 4  # the name just does not fit
    page = Page()
    page = Page(right=page.width - page.left - width)
    writer = PdfWriter(font_files("TH SarabunPSK"), page=page)
    writer.keep_whole = frozenset({name})
    writer.write([Paragraph(Style(align="justify"), text)])
    writer.output(tmp_path / "j.pdf")
    words_at = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "j.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    boxes = [
        (float(m.group(1)), float(m.group(2)), float(m.group(3)))
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', words_at)
    ]
    first_line = [box for box in boxes if abs(box[1] - boxes[0][1]) < 2]
    assert len({round(b[1]) for b in boxes}) == 2  # the name went to the second line
    right_edge = writer.page.left + width
    assert max(b[2] for b in first_line) == pytest.approx(right_edge, abs=2)


def test_a_place_the_dictionary_does_not_know_is_not_broken_inside_a_position():
    from desktop.exports.paper_names import place_of
    from desktop.exports.pdf_layout import words

    assert place_of("องค์การบริหารส่วนตำบลทุ่งต้อม") == "ทุ่งต้อม"
    assert place_of("ทต.ยุหว่า") == "ยุหว่า"
    position = "นายกองค์การบริหารส่วนตำบลทุ่งต้อม"
    assert "ทุ่งต้อม" not in words(position)  # the dictionary alone cuts it: ทุ่ง|ต้อม
    assert words(position, frozenset({"ทุ่งต้อม"}))[-1] == "ทุ่งต้อม"
