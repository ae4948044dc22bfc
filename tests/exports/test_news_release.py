"""The press release: its sentences for a meeting with acting officers, absent members
and resolution points, as plain text and as DOCX."""

from __future__ import annotations

import docx
import pytest

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.exports.news_release import export_news, news_paragraphs


@pytest.fixture
def news_meeting(session, minutes_meeting):
    host = services.find_organization(session, "เทศบาลตำบลบ้านกลาง")
    sao = services.find_organization(session, "องค์การบริหารส่วนตำบลทุ่งต้อม")
    services.update_organization(session, host.id, province="เชียงใหม่")
    services.update_organization(session, sao.id, province="เชียงใหม่")
    services.set_our_organization(session, host.id)
    session.flush()
    return minutes_meeting


def _paragraphs(session, meeting_id):
    return news_paragraphs(session, services.load_meeting(session, meeting_id))


def test_the_opening_names_our_people_and_the_organisations_that_came(session, news_meeting):
    opening = _paragraphs(session, news_meeting.meeting_id)[0]
    assert opening == (
        "วันที่ 3 สิงหาคม 2565 เทศบาลตำบลบ้านกลาง โดย นายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านกลาง "
        "นางสาววิไล ศรีสุข รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง "
        "ร่วมประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง ผ่านโปรแกรม Zoom "
        "ซึ่งประกอบด้วย เครือข่ายเทศบาลลุ่มน้ำปิง จำนวน 2 แห่ง ได้แก่ "
        "เทศบาลตำบลบ้านกลาง จังหวัดเชียงใหม่ องค์การบริหารส่วนตำบลทุ่งต้อม จังหวัดเชียงใหม่"
    )


def test_an_absent_member_organisation_is_not_listed(session, news_meeting):
    # The SAO's only present person (the recorder) stays away: it did not come.
    meeting = services.load_meeting(session, news_meeting.meeting_id)
    recorder = next(a for a in meeting.attendance if a.person_id == news_meeting.recorder_id)
    services.mark_absent(session, recorder.id, reason="ติดราชการ")
    opening = _paragraphs(session, news_meeting.meeting_id)[0]
    assert "จำนวน 1 แห่ง ได้แก่ เทศบาลตำบลบ้านกลาง จังหวัดเชียงใหม่" in opening
    assert "ทุ่งต้อม" not in opening


def test_staff_are_the_officers_concerned(session, news_meeting):
    host = services.find_organization(session, "เทศบาลตำบลบ้านกลาง")
    clerk = services.create_person(
        session, given_name="สมศรี", position="นักจัดการงานทั่วไป", organization_id=host.id
    )
    services.add_attendee(session, news_meeting.meeting_id, clerk.id)
    opening = _paragraphs(session, news_meeting.meeting_id)[0]
    assert "รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง และเจ้าหน้าที่ที่เกี่ยวข้อง ร่วมประชุม" in opening
    assert "สมศรี" not in opening


def test_what_was_agreed_with_its_points_and_what_comes_next(session, news_meeting):
    found = _paragraphs(session, news_meeting.meeting_id)
    assert found[1:] == [
        "ในการนี้ ที่ประชุมได้พิจารณาแนวทางการดำเนินงานของเครือข่าย "
        "และเห็นชอบร่วมกันดำเนินงาน ดังนี้ 1. จัดตั้งคณะทำงานร่วม 2. ประชุมทุกไตรมาส",
        "สำหรับการดำเนินงานต่อไป 1. ทต.บ้านกลาง จัดทำร่างคำสั่งคณะทำงาน "
        "ภายในวันที่ 1 มีนาคม 2567 2. องค์การบริหารส่วนตำบลทุ่งต้อม แจ้งรายชื่อผู้แทน "
        "3. นางมาลี บุญมา รวบรวมข้อเสนอ",
    ]


def test_the_release_as_text_and_as_docx(session, news_meeting, tmp_path):
    text = export_news(session, news_meeting.meeting_id, tmp_path / "news.txt")
    content = text.read_text(encoding="utf-8")
    assert content.startswith("วันที่ 3 สิงหาคม 2565 เทศบาลตำบลบ้านกลาง โดย")
    assert content.count("\n\n") == 2
    document = export_news(
        session, news_meeting.meeting_id, tmp_path / "news.docx", thai_digits=True
    )
    lines = [p.text for p in docx.Document(str(document)).paragraphs if p.text.strip()]
    assert lines[0] == "ข่าวประชาสัมพันธ์"
    assert lines[1].startswith("วันที่ ๓ สิงหาคม ๒๕๖๕")
    with pytest.raises(PrachumError):
        export_news(session, news_meeting.meeting_id, tmp_path / "news.pdf.exe")
    pdf = export_news(session, news_meeting.meeting_id, tmp_path / "news.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_without_our_organisation_or_a_host_it_says_so(session, minutes_meeting, tmp_path):
    services.update_meeting(session, minutes_meeting.meeting_id, host_id=None)
    with pytest.raises(PrachumError) as error:
        export_news(session, minutes_meeting.meeting_id, tmp_path / "news.txt")
    assert "หน่วยงานของเรา" in error.value.message("th")
    assert not (tmp_path / "news.txt").exists()


def test_the_news_command(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    out = tmp_path / "news.txt"
    assert main(["--db", str(db_path), "news", "1", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("วันที่ ")
    assert main(["--db", str(db_path), "news", "1", "-o", str(tmp_path / "x.xlsx")]) == 2
