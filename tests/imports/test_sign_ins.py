"""Thai ways of taking attendance online: the Zoom chat, a Teams chat, LINE, sign-in forms.

The chats and sheets here are written for the tests in the forms the programs save them.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from db_arguments import db_argument
from report_files import write_text, write_xlsx
from sqlalchemy import select

from desktop.cli import main
from desktop.core.models import Attendance
from desktop.imports.proposal import apply_proposal, build_proposal
from desktop.imports.report_cli import read_report
from desktop.imports.signins import sign_in_people

MEETING_DAY = date(2024, 2, 14)


def names(report):
    return [p.name for p in report.participants]


def test_what_is_a_sign_in_and_what_is_not():
    assert sign_in_people("นายสมชาย ใจดี ตำแหน่ง นายกเทศมนตรี หน่วยงาน ทต.บ้านกลาง") == [
        "นายสมชาย ใจดี ตำแหน่ง นายกเทศมนตรี หน่วยงาน ทต.บ้านกลาง"
    ]
    assert sign_in_people("กมล ทองดี ปลัด ทม.ลำพูน ครับ") == ["กมล ทองดี ปลัด ทม.ลำพูน"]
    assert sign_in_people("1. นางสุดา วงศ์ใหญ่ ผอ.กองคลัง 2. นางสมศรี นันทชัย ปลัด อบต.หางดง") == [
        "นางสุดา วงศ์ใหญ่ ผอ.กองคลัง",
        "นางสมศรี นันทชัย ปลัด อบต.หางดง",
    ]
    for chatter in ("สวัสดีครับ", "ได้ยินเสียงไหมครับ", "https://example.org/slides", "ok", "👍"):
        assert sign_in_people(chatter) == [], chatter


ZOOM_CHAT_OLD = """\
09:02:11\t From  มาลี บุญมา : สวัสดีค่ะ
09:03:40\t From  ทต.บ้านกลาง นายก : นายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านกลาง
09:04:05\t From  iPad ของ กมล to  มาลี บุญมา(Privately) : กมล ทองดี ปลัด ทม.ลำพูน
09:05:12\t From  วิไล ศรีสุข : ได้ยินเสียงไหมคะ
"""

ZOOM_CHAT_NEW = """\
09:03:40 From ทต.บ้านกลาง นายก to Everyone:
\tนายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านกลาง
09:04:05 From iPad ของ กมล to มาลี บุญมา(Direct Message):
\tกมล ทองดี ปลัด ทม.ลำพูน
09:06:30 From อบต.หางดง to Everyone:
\t1. นางสุดา วงศ์ใหญ่ ผอ.กองคลัง
\t2. นางสมศรี นันทชัย ปลัด อบต.หางดง
09:07:00 From มาลี บุญมา to Everyone:
\tขอบคุณค่ะ
"""


@pytest.mark.parametrize("text", [ZOOM_CHAT_OLD, ZOOM_CHAT_NEW], ids=["one-line", "newer"])
def test_zoom_saved_chat_sign_ins_without_private_messages(tmp_path, text):
    report = read_report(write_text(tmp_path / "meeting_saved_chat.txt", text), MEETING_DAY)
    assert report.platform == "zoom"
    first = report.participants[0]
    assert first.name == "นายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านกลาง"
    assert first.original_name == "ทต.บ้านกลาง นายก"
    assert first.joined == datetime(2024, 2, 14, 9, 3, 40)
    assert not any("กมล" in name for name in names(report))
    assert any("private" in n for n in report.notes)


def test_a_message_signing_in_two_people_gives_two_rows(tmp_path):
    report = read_report(write_text(tmp_path / "chat.txt", ZOOM_CHAT_NEW), MEETING_DAY)
    assert "นางสุดา วงศ์ใหญ่ ผอ.กองคลัง" in names(report)
    assert "นางสมศรี นันทชัย ปลัด อบต.หางดง" in names(report)


TEAMS_CHAT = """\
[2/14/2024 9:01 AM] มาลี บุญมา:
สวัสดีค่ะ ขอให้ทุกท่านพิมพ์ ชื่อ-สกุล ตำแหน่ง หน่วยงาน ค่ะ?
[2/14/2024 9:03 AM] Kamon Thongdee (Guest):
กมล ทองดี ปลัดเทศบาล ทม.ลำพูน
[2/14/2024 9:04 AM] สุดา วงศ์ใหญ่: สุดา วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง
"""


def test_teams_chat_sign_ins(tmp_path):
    report = read_report(write_text(tmp_path / "chat.txt", TEAMS_CHAT), MEETING_DAY)
    assert report.platform == "teams"
    assert names(report) == ["กมล ทองดี ปลัดเทศบาล ทม.ลำพูน", "สุดา วงศ์ใหญ่ ผอ.กองคลัง อบต.หางดง"]
    assert report.participants[0].joined == datetime(2024, 2, 14, 9, 3)


LINE_EN = """\
[LINE] Chat history in เครือข่ายทดสอบ
Saved on: 2024/02/14 12:00

2024.02.13 Tuesday
20:15\tมาลี บุญมา\tพรุ่งนี้ประชุมเครือข่าย 09.00 น. ค่ะ
2024.02.14 Wednesday
08:55\tมาลี บุญมา\tลงชื่อเข้าร่วมประชุมได้เลยค่ะ
09:01\tสมชาย ทต.บ้านกลาง\tนายสมชาย ใจดี นายก ทต.บ้านกลาง
09:02\tkamon\t"กมล ทองดี
ปลัดเทศบาล ทม.ลำพูน"
09:03\tสุดา\t[Sticker]
"""

LINE_TH = """\
[LINE] ประวัติการแชทกลุ่ม เครือข่ายทดสอบ
บันทึกเมื่อ: 14/02/2567 12:00

อ. 13/02/2567
20:15\tมาลี บุญมา\tนางสาววิไล คำปัน รองปลัด ทม.ลำพูน
พ. 14/02/2567
09:01\tสมชาย ทต.บ้านกลาง\tนายสมชาย ใจดี นายก ทต.บ้านกลาง
09:02\tkamon\t"กมล ทองดี
ปลัดเทศบาล ทม.ลำพูน"
"""


@pytest.mark.parametrize("text", [LINE_EN, LINE_TH], ids=["english", "thai"])
def test_line_export_reads_the_sign_ins_of_the_meetings_date_only(tmp_path, text):
    report = read_report(write_text(tmp_path / "[LINE] chat.txt", text), MEETING_DAY)
    assert report.platform == "line"
    assert names(report) == ["นายสมชาย ใจดี นายก ทต.บ้านกลาง", "กมล ทองดี ปลัดเทศบาล ทม.ลำพูน"]
    assert report.participants[0].original_name == "สมชาย ทต.บ้านกลาง"
    assert report.participants[1].joined == datetime(2024, 2, 14, 9, 2)


GOOGLE_FORM = """\
ประทับเวลา,หน่วยงาน / สังกัด,ชื่อ - นามสกุล (ไม่ต้องใส่คำนำหน้า),ตำแหน่ง,เบอร์โทรศัพท์,ที่อยู่อีเมล
14/2/2024 9:01:12,ทต.บ้านกลาง,สมชาย ใจดี,นายกเทศมนตรี,0811111111,
14/2/2024 9:03:40,เทศบาลเมืองลำพูน,กมล ทองดี,ปลัดเทศบาล,0822222222,kamon@example.org
13/2/2024 16:00:00,อบต.หางดง,สุดา วงศ์ใหญ่,ผอ.กองคลัง,,
"""


def test_google_form_sheet_in_any_column_order(tmp_path):
    report = read_report(write_text(tmp_path / "responses.csv", GOOGLE_FORM), MEETING_DAY)
    assert report.platform == "form"
    assert [p.name for p in report.participants] == [
        "สมชาย ใจดี นายกเทศมนตรี ทต.บ้านกลาง",
        "กมล ทองดี ปลัดเทศบาล เทศบาลเมืองลำพูน",
    ]
    assert report.participants[1].email == "kamon@example.org"
    assert report.participants[1].joined == datetime(2024, 2, 14, 9, 3, 40)
    assert any("other days" in n for n in report.notes)


def test_microsoft_forms_workbook(tmp_path):
    rows = [
        ["ID", "Start time", "Completion time", "Email", "Name", "ชื่อ-สกุล", "ตำแหน่ง", "หน่วยงาน"],
        [
            1,
            datetime(2024, 2, 14, 9, 0),
            datetime(2024, 2, 14, 9, 1),
            "anonymous",
            "anonymous",
            "สุดา วงศ์ใหญ่",
            "ผู้อำนวยการกองคลัง",
            "อบต.หางดง",
        ],
    ]
    report = read_report(write_xlsx(tmp_path / "ms-form.xlsx", rows), MEETING_DAY)
    (suda,) = report.participants
    assert suda.name == "สุดา วงศ์ใหญ่ ผู้อำนวยการกองคลัง อบต.หางดง"
    assert suda.joined == datetime(2024, 2, 14, 9, 1)


def test_line_sign_ins_settle_attendance_through_the_proposal(session, network, tmp_path):
    path = write_text(tmp_path / "line.txt", LINE_EN)
    proposal = build_proposal(session, network.meeting_id, read_report(path, MEETING_DAY))
    chosen = {row.display_name: row.person_id for row in proposal.rows if row.status == "matched"}
    assert chosen == {
        "นายสมชาย ใจดี นายก ทต.บ้านกลาง": network.people["somchai"],
        "กมล ทองดี ปลัดเทศบาล ทม.ลำพูน": network.people["kamon"],
    }
    apply_proposal(session, network.meeting_id, proposal)
    line = session.scalars(
        select(Attendance).where(Attendance.person_id == network.people["kamon"])
    ).one()
    assert (line.status, line.source, line.joined) == ("present", "line", time(9, 2))


def test_the_report_alias_reads_a_zoom_chat_and_a_form(db, session, network, tmp_path, capsys):
    session.commit()  # the command opens the file on its own
    chat = write_text(tmp_path / "meeting_saved_chat.txt", ZOOM_CHAT_NEW)
    form = write_text(tmp_path / "form.csv", GOOGLE_FORM)
    db_args = ["--db", db_argument(db)]
    meeting = str(network.meeting_id)
    assert main([*db_args, "report", meeting, str(chat), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Zoom report meeting_saved_chat.txt" in out
    assert "Dry run" in out
    assert main([*db_args, "zoom", meeting, str(form)]) == 0
    assert capsys.readouterr().out.startswith("sign-in form report form.csv")
    with db.session() as fresh:
        line = fresh.scalars(
            select(Attendance).where(Attendance.person_id == network.people["somchai"])
        ).one()
        assert (line.status, line.source) == ("present", "form")
