"""Invitation letters and the outgoing register, read back from DOCX, PDF and XLSX."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest
from pdf_check import assert_no_bad_glyphs, pdf_fonts, pdf_text, skip_without_poppler

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import Organization
from desktop.exports.invitation_letters import export_invitations
from desktop.exports.invitation_text import body, head_office, salutation
from desktop.exports.register_xlsx import export_register

TODAY = date(2024, 1, 10)  # 2567


def _letters(path) -> list[list[str]]:
    """Each letter's paragraphs (table cells included, in reading order)."""
    document = docx.Document(str(path))
    letters: list[list[str]] = []
    body_element = document.element.body
    for child in body_element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            if paragraph.paragraph_format.page_break_before or not letters:
                letters.append([])
            if paragraph.text.strip():
                letters[-1].append(paragraph.text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            if not letters:  # a letter that opens with a table (her letterhead)
                letters.append([])
            for cell in table.rows[0].cells:
                letters[-1].extend(p.text for p in cell.paragraphs if p.text.strip())
    return letters


def test_the_head_of_each_kind_of_organisation():
    def org(name, kind):
        return Organization(name=name, kind=kind, people=[])

    assert head_office(org("เทศบาลนครเชียงใหม่", "city_municipality")) == "นายกเทศมนตรีนครเชียงใหม่"
    assert head_office(org("เทศบาลเมืองลำพูน", "town_municipality")) == "นายกเทศมนตรีเมืองลำพูน"
    assert head_office(org("เทศบาลตำบลบ้านกลาง", "subdistrict_municipality")) == (
        "นายกเทศมนตรีตำบลบ้านกลาง"
    )
    assert head_office(org("ทต.ยุหว่า", "subdistrict_municipality")) == "นายกเทศมนตรีตำบลยุหว่า"
    assert head_office(org("องค์การบริหารส่วนตำบลทุ่งต้อม", "sao")) == ("นายกองค์การบริหารส่วนตำบลทุ่งต้อม")
    assert head_office(org("องค์การบริหารส่วนจังหวัดลำปาง", "pao")) == ("นายกองค์การบริหารส่วนจังหวัดลำปาง")
    assert head_office(org("เมืองพัทยา", "special")) == "นายกเมืองพัทยา"
    assert head_office(org("กรุงเทพมหานคร", "special")) == "ผู้ว่าราชการกรุงเทพมหานคร"
    assert head_office(org("มูลนิธิพัฒนาเมือง", "agency")) == "หัวหน้ามูลนิธิพัฒนาเมือง"


def test_a_recorded_head_is_written_to_by_his_own_position(session, letters_meeting):
    sao = services.find_organization(session, "องค์การบริหารส่วนตำบลทุ่งต้อม")
    agency = services.find_organization(session, "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่")
    services.create_person(
        session,
        given_name="ทดสอบ",
        position="ท้องถิ่นจังหวัดเชียงใหม่",
        role="executive",
        organization_id=agency.id,
    )
    services.create_person(  # a deputy is not the head
        session, given_name="รอง", position="รองนายก", role="executive", organization_id=sao.id
    )
    session.flush()
    session.expire_all()
    assert salutation(sao) == "นายกองค์การบริหารส่วนตำบลทุ่งต้อม"
    assert salutation(agency) == "ท้องถิ่นจังหวัดเชียงใหม่"


def test_a_letter_per_member_with_every_part_in_order(session, letters_meeting, tmp_path):
    target = tmp_path / "letters.docx"
    export_invitations(session, letters_meeting.meeting_id, target, today=TODAY)
    letters = _letters(target)
    # Every member but the sender, in the network's order.
    assert [letter[6] for letter in letters] == [
        "เรียน\tนายกองค์การบริหารส่วนตำบลทุ่งต้อม",
        "เรียน\tนายกเทศมนตรีนครเชียงใหม่",
        "เรียน\tนายกเทศมนตรีเมืองลำพูน",
        "เรียน\tนายกองค์การบริหารส่วนจังหวัดลำปาง",
        "เรียน\tนายกเมืองพัทยา",
        "เรียน\tนายกเทศมนตรีตำบลยุหว่า",
    ]
    first = letters[0]
    assert first[:8] == [
        "ที่ ชม 52001/ว 1",
        "เทศบาลตำบลบ้านกลาง",
        "ถนนสันป่าตอง",
        "อำเภอสันป่าตอง จังหวัดเชียงใหม่ 50120",
        "10 มกราคม 2567",
        "เรื่อง\tขอเชิญประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง ครั้งที่\u00a02/2565",
        "เรียน\tนายกองค์การบริหารส่วนตำบลทุ่งต้อม",
        "สิ่งที่ส่งมาด้วย\tระเบียบวาระการประชุม จำนวน 1 ชุด",
    ]
    assert first[8].startswith("ด้วยเทศบาลตำบลบ้านกลาง กำหนดจัดการประชุมคณะทำงาน")
    assert "ในวันพุธที่ 3 สิงหาคม 2565 เวลา 09.30 - 12.00 น." in first[8]
    assert first[8].endswith("ผ่านระบบการประชุมทางไกล (Zoom Meeting)")
    assert first[-4:] == [
        "จึงเรียนมาเพื่อโปรดพิจารณาเข้าร่วมประชุม",
        "ขอแสดงความนับถือ",
        "(นายสมชาย ใจดี)",
        "นายกเทศมนตรีตำบลบ้านกลาง",
    ]
    footer = [p.text for p in docx.Document(str(target)).sections[0].footer.paragraphs]
    assert footer == [
        "สำนักปลัดเทศบาล",
        "โทร. 053-311-111",
        "ไปรษณีย์อิเล็กทรอนิกส์ saraban@bankang.go.th",
    ]


def test_someone_signing_for_the_head(session, letters_meeting, tmp_path):
    deputy = services.create_person(
        session,
        honorific="นาย",
        given_name="วีระ",
        family_name="ทองคำ",
        position="รองนายกเทศมนตรี",
        role="executive",
        organization_id=letters_meeting.host_id,
    )
    target = tmp_path / "letters.docx"
    export_invitations(
        session,
        letters_meeting.meeting_id,
        target,
        today=TODAY,
        signer_id=deputy.id,
        signing_as="for",
    )
    assert _letters(target)[0][-3:] == [
        "(นายวีระ ทองคำ)",
        "รองนายกเทศมนตรี ปฏิบัติราชการแทน",
        "นายกเทศมนตรีตำบลบ้านกลาง",
    ]


def test_the_online_link_meeting_id_and_passcode_when_the_meeting_has_them(
    session, letters_meeting
):
    meeting = services.load_meeting(session, letters_meeting.meeting_id)
    host = session.get(Organization, letters_meeting.host_id)
    assert not any("Meeting ID" in p for p in body(meeting, host))
    meeting.online_link = "https://zoom.us/j/84511223344"
    meeting.online_meeting_id = "845 1122 3344"
    meeting.online_passcode = "ping67"
    online = [p for p in body(meeting, host) if "Meeting ID" in p]
    assert online == [
        "สามารถเข้าร่วมประชุมผ่านระบบการประชุมทางไกลได้ ดังนี้ "
        "ลิงก์เข้าร่วมประชุม https://zoom.us/j/84511223344 Meeting ID 845 1122 3344 "
        "Passcode ping67"
    ]


def test_one_number_per_batch_kept_on_reprint_no_gaps_and_a_new_year(
    session, letters_meeting, tmp_path
):
    meeting_id = letters_meeting.meeting_id
    export_invitations(session, meeting_id, tmp_path / "a.docx", today=TODAY)
    # Printed again a week later: the same number and date.
    export_invitations(session, meeting_id, tmp_path / "b.docx", today=date(2024, 1, 17))
    assert _letters(tmp_path / "b.docx")[0][:5] == _letters(tmp_path / "a.docx")[0][:5]
    network = services.find_network(session, "เครือข่ายเทศบาลลุ่มน้ำปิง")

    def another(day: date) -> int:
        meeting = services.create_meeting(
            session,
            title="การประชุมครั้งต่อไป",
            date=day,
            network_id=network.id,
            host_id=letters_meeting.host_id,
        )
        session.flush()
        return meeting.id

    second, third = another(date(2024, 3, 1)), another(date(2025, 2, 1))
    export_invitations(session, second, tmp_path / "c.docx", today=date(2024, 2, 1))
    export_invitations(session, third, tmp_path / "d.docx", today=date(2025, 1, 5))  # 2568
    lines = [(e.be_year, e.number, e.code) for e in services.register(session)]
    assert lines == [
        (2567, 1, "ชม 52001/ว 1"),
        (2567, 2, "ชม 52001/ว 2"),
        (2568, 1, "ชม 52001/ว 1"),
    ]
    assert _letters(tmp_path / "d.docx")[0][0] == "ที่ ชม 52001/ว 1"

    export_register(session, tmp_path / "register.xlsx", year=2567)
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").active
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert [row[:3] for row in rows] == [
        ("1/2567", "ชม 52001/ว 1", "10 มกราคม 2567"),
        ("2/2567", "ชม 52001/ว 2", "1 กุมภาพันธ์ 2567"),
    ]
    assert rows[0][3] == "เทศบาลตำบลบ้านกลาง"
    assert "นายกเมืองพัทยา" in rows[0][4]


def test_one_file_per_organisation(session, letters_meeting, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    written = export_invitations(
        session, letters_meeting.meeting_id, None, per_organization=folder, today=TODAY
    )
    assert len(written) == 6
    assert sorted(p.name for p in folder.iterdir())[0] == "001 องค์การบริหารส่วนตำบลทุ่งต้อม.docx"
    assert all(len(_letters(path)) == 1 for path in written)
    assert len(services.register(session)) == 1  # still one batch, one number


def test_the_letters_as_pdf(session, letters_meeting, tmp_path):
    skip_without_poppler()
    target = tmp_path / "letters.pdf"
    export_invitations(session, letters_meeting.meeting_id, target, today=TODAY)
    text = pdf_text(target).replace(" ", "")
    assert text.count("ขอแสดงความนับถือ") == 6
    assert "ที่ชม52001/ว1" in text
    assert "เรียนนายกเมืองพัทยา" in text
    assert all(font["emb"] == "yes" for font in pdf_fonts(target))
    assert_no_bad_glyphs(target)


def test_what_a_letter_needs_is_asked_for_and_nothing_is_written(
    session, minutes_meeting, tmp_path
):
    target = tmp_path / "letters.docx"
    with pytest.raises(PrachumError) as error:  # the host has no code or address yet
        export_invitations(session, minutes_meeting.meeting_id, target, today=TODAY)
    assert "รหัสหนังสือ" in error.value.message("th")
    services.update_meeting(session, minutes_meeting.meeting_id, host_id=None)
    with pytest.raises(PrachumError) as error:
        export_invitations(session, minutes_meeting.meeting_id, target, today=TODAY)
    assert "หน่วยงานผู้ส่ง" in error.value.message("th")
    lonely = services.create_organization(session, name="เทศบาลตำบลเดียวดาย")
    services.update_organization(session, lonely.id, letter_code="ชม 1", address="ที่ใด")
    services.set_our_organization(session, lonely.id)
    solo = services.create_meeting(session, title="ประชุมภายใน", date=TODAY)
    session.flush()
    with pytest.raises(PrachumError) as error:
        export_invitations(session, solo.id, target, today=TODAY)
    assert "ไม่มีหน่วยงานที่จะส่งหนังสือเชิญ" in error.value.message("th")
    with pytest.raises(PrachumError):
        export_invitations(session, solo.id, tmp_path / "letters.txt", today=TODAY)
    assert not target.exists()
    assert services.register(session) == []


def test_control_characters_and_a_huge_address_are_refused(session, minutes_meeting):
    with pytest.raises(PrachumError):
        services.update_organization(session, minutes_meeting.host_id, address="ก" * 20_000)
    with pytest.raises(PrachumError):
        services.update_organization(session, minutes_meeting.host_id, phone="053\x07111")


def test_the_commands(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    out = tmp_path / "letters.docx"
    assert main(["--db", str(db_path), "invitations", "1", "-o", str(out)]) == 2
    assert not out.exists()
    assert (
        main(
            [
                "--db",
                str(db_path),
                "office",
                "เทศบาลตำบลบ้านกลาง",
                "--code",
                "ชม 52001",
                "--address",
                "ถนนสันป่าตอง\\nเชียงใหม่",
                "--ours",
            ]
        )
        == 0
    )
    assert main(["--db", str(db_path), "invitations", "1", "-o", str(out)]) == 0
    assert _letters(out)[0][0].startswith("ที่ ชม 52001/ว ")
    register = tmp_path / "register.xlsx"
    assert main(["--db", str(db_path), "register", "-o", str(register)]) == 0
    assert openpyxl.load_workbook(register).active["B3"].value.startswith("ชม 52001/ว ")
