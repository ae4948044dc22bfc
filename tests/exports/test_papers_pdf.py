"""Every paper as Prachum's own PDF, read back as a reader would: its words (pdftotext),
its fonts embedded (pdffonts), and no glyph drawn as a `.notdef` box or on a dotted
circle. Thai with marks above and below (ที่ ผู้ ประชุม ๆ) and SARA AM (จำนวน, นำ) is in
every one of them."""

from __future__ import annotations

from datetime import date

import pytest
from pdf_check import assert_no_bad_glyphs, pdf_fonts, pdf_text, skip_without_poppler

from desktop.core import services
from desktop.exports.agenda_paper import export_agenda
from desktop.exports.invitation_letters import export_invitations
from desktop.exports.minutes_pdf import export_minutes_pdf
from desktop.exports.news_release import export_news


def _minutes(session, meeting_id, path):
    return export_minutes_pdf(session, meeting_id, path)


def _agenda(session, meeting_id, path):
    return export_agenda(session, meeting_id, path, with_text=True)


def _letters(session, meeting_id, path):
    return export_invitations(session, meeting_id, path, today=date(2024, 1, 10))[0]


def _news(session, meeting_id, path):
    services.set_our_organization(
        session, services.find_organization(session, "เทศบาลตำบลบ้านกลาง").id
    )
    return export_news(session, meeting_id, path)


PAPERS = {
    # paper: (writer, words each must show, spaces taken out as pdftotext splits Thai)
    "minutes": (
        _minutes,
        ["รายงานการประชุม", "ผู้มาประชุม", "ผู้ไม่มาประชุม", "รักษาราชการแทน", "มติที่ประชุม"],
    ),
    "agenda": (_agenda, ["ระเบียบวาระการประชุม", "ระเบียบวาระที่1", "2.1แนวทางการดำเนินงาน"]),
    "invitations": (
        _letters,
        ["ที่ชม52001/ว1", "เรียนนายกเมืองพัทยา", "ขอแสดงความนับถือ", "สิ่งที่ส่งมาด้วย"],
    ),
    "news": (_news, ["ข่าวประชาสัมพันธ์", "ร่วมประชุม", "จำนวน2แห่ง", "1.จัดตั้งคณะทำงานร่วม"]),
}


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_each_paper_as_pdf_reads_back_whole(session, letters_meeting, tmp_path, paper):
    skip_without_poppler()
    write, words = PAPERS[paper]
    target = write(session, letters_meeting.meeting_id, tmp_path / f"{paper}.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target).replace(" ", "").replace("\n", "")
    missing = [word for word in words if word not in text]
    assert not missing, f"{paper}: {missing} not in the PDF's text"
    fonts = pdf_fonts(target)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
    assert_no_bad_glyphs(target)
