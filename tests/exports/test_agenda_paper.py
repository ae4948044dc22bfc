"""The agenda sent with the letters: read back from DOCX and from PDF."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from pdf_check import assert_no_bad_glyphs, pdf_fonts, pdf_text, skip_without_poppler

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.exports.agenda_paper import export_agenda


def _lines(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_the_agenda_has_its_heading_then_the_items_in_order(session, minutes_meeting, tmp_path):
    target = export_agenda(session, minutes_meeting.meeting_id, tmp_path / "agenda.docx")
    assert _lines(target) == [
        "ระเบียบวาระการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        "ครั้งที่ 2/2565",
        "วันพุธที่ 3 สิงหาคม 2565 เวลา 09.30 น.",
        "ผ่านระบบการประชุมทางไกล (Zoom Meeting)",
        "-" * 30,
        "ระเบียบวาระที่ 1\tเรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "ระเบียบวาระที่ 2\tเรื่องเสนอเพื่อพิจารณา",
        "2.1\tแนวทางการดำเนินงานของเครือข่าย",
        "ระเบียบวาระที่ 3\tเรื่องอื่น ๆ (ถ้ามี)",
    ]


def test_the_prepared_text_is_printed_on_the_switch(session, minutes_meeting, tmp_path):
    target = export_agenda(
        session, minutes_meeting.meeting_id, tmp_path / "agenda.docx", with_text=True
    )
    lines = _lines(target)
    first = lines.index("ระเบียบวาระที่ 1\tเรื่องที่ประธานแจ้งให้ที่ประชุมทราบ")
    assert lines[first + 1 : first + 3] == [
        "ประธานแจ้งกำหนดการลงนามบันทึกข้อตกลงความร่วมมือ",
        "ในวันที่ 14 มีนาคม 2567",
    ]
    assert "ฝ่ายเลขานุการเสนอแนวทางการดำเนินงาน" in lines
    # What was decided is not on the agenda: the meeting has not decided it yet.
    assert not any("มติที่ประชุม" in line or "จัดตั้งคณะทำงานร่วม" in line for line in lines)


def test_thai_digits_and_a_network_not_named_in_the_title(session, minutes_meeting, tmp_path):
    services.update_meeting(session, minutes_meeting.meeting_id, title="การประชุมประจำไตรมาส")
    target = export_agenda(
        session, minutes_meeting.meeting_id, tmp_path / "agenda.docx", thai_digits=True
    )
    lines = _lines(target)
    assert lines[:3] == [
        "ระเบียบวาระการประชุมประจำไตรมาส",
        "เครือข่ายเทศบาลลุ่มน้ำปิง",
        "ครั้งที่ ๒/๒๕๖๕",
    ]


def test_the_agenda_as_pdf(session, minutes_meeting, tmp_path):
    skip_without_poppler()
    target = export_agenda(
        session, minutes_meeting.meeting_id, tmp_path / "agenda.pdf", with_text=True
    )
    text = pdf_text(target, layout=True).replace(" ", "")
    for line in ("ระเบียบวาระการประชุมคณะทำงาน", "ระเบียบวาระที่1", "2.1แนวทางการดำเนินงาน"):
        assert line in text
    assert all(font["emb"] == "yes" for font in pdf_fonts(target))
    assert_no_bad_glyphs(target)


def test_a_meeting_without_items_or_a_bad_name_writes_nothing(session, tmp_path):
    meeting = services.create_meeting(session, title="การประชุมทดสอบ", date=date(2024, 1, 5))
    session.flush()
    with pytest.raises(PrachumError) as error:
        export_agenda(session, meeting.id, tmp_path / "agenda.docx")
    assert "ระเบียบวาระ" in error.value.message("th")
    with pytest.raises(PrachumError):
        export_agenda(session, meeting.id, tmp_path / "agenda.txt")
    assert not list(tmp_path.glob("agenda*"))


def test_the_agenda_command(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    out = tmp_path / "agenda.docx"
    assert main(["--db", str(db_path), "agenda", "1", "-o", str(out), "--with-text"]) == 0
    assert _lines(out)[0].startswith("ระเบียบวาระการประชุม")
    assert main(["--db", str(db_path), "agenda", "99", "-o", str(out)]) == 2
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert main(["--db", str(db_path), "agenda", "1", "-o", str(folder)]) == 2
    assert list(folder.iterdir()) == []
