"""The minutes DOCX says what แบบที่ 11 says, in its order, and is written safely."""

from __future__ import annotations

import errno
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import NotFound, PrachumError
from desktop.core.models import AgendaItem
from desktop.exports.minutes_docx import export_minutes


def document_lines(path: Path) -> list[str]:
    """The body in reading order: a paragraph's text, or a table row as `a | b | c`."""
    document = docx.Document(str(path))
    lines = []
    for element in document.element.body:
        if element.tag == qn("w:p"):
            lines.append(docx.text.paragraph.Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            table = docx.table.Table(element, document)
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return lines


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the documents (the database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(session, meeting_id: int, tmp_path: Path, **options) -> list[str]:
    path = export_minutes(session, meeting_id, tmp_path / "minutes.docx", **options)
    return document_lines(path)


# The title names the network already: the heading says it once (spec, "Additions").
EXPECTED = [
    "รายงานการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
    "ครั้งที่ 2/2565",
    "เมื่อวันพุธที่ 3 สิงหาคม 2565",
    "ผ่านระบบการประชุมทางไกล (Zoom Meeting)",
    "ผู้มาประชุม",
    "1. | นายสมชาย ใจดี | นายกเทศมนตรีตำบลบ้านกลาง",
    "2. | นางสาววิไล ศรีสุข | รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง",
    # A network's meeting names the organisation unless the position already does.
    "3. | นางมาลี บุญมา | นักวิเคราะห์นโยบายและแผน องค์การบริหารส่วนตำบลทุ่งต้อม",
    "ผู้ไม่มาประชุม",
    "1. | นายประภัสร์ ภู่เจริญ | นายกองค์การบริหารส่วนตำบลทุ่งต้อม (ติดราชการ)",
    "ผู้เข้าร่วมประชุม",
    "1. | นายธนพล ทองดี | ท้องถิ่นจังหวัดเชียงใหม่",
    "เริ่มประชุมเวลา 09.30 น.",
    "ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
    "ระเบียบวาระที่ 1\tเรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "ประธานแจ้งกำหนดการลงนามบันทึกข้อตกลงความร่วมมือ",
    "ในวันที่ 14 มีนาคม 2567",
    "มติที่ประชุม\tที่ประชุมรับทราบ",
    "ระเบียบวาระที่ 2\tเรื่องเสนอเพื่อพิจารณา",
    "2.1\tแนวทางการดำเนินงานของเครือข่าย",
    "ฝ่ายเลขานุการเสนอแนวทางการดำเนินงาน",
    "มติที่ประชุม\tที่ประชุมเห็นชอบร่วมกันดำเนินงาน ดังนี้",
    "1.\tจัดตั้งคณะทำงานร่วม",
    "2.\tประชุมทุกไตรมาส",
    "-\tจัดทำร่างคำสั่งคณะทำงาน (ผู้รับผิดชอบ: ทต.บ้านกลาง, กำหนดแล้วเสร็จ: 1 มี.ค. 2567)",
    "-\tแจ้งรายชื่อผู้แทน (ผู้รับผิดชอบ: องค์การบริหารส่วนตำบลทุ่งต้อม)",
    "-\tรวบรวมข้อเสนอ (ผู้รับผิดชอบ: นางมาลี บุญมา)",
    "ระเบียบวาระที่ 3\tเรื่องอื่น ๆ (ถ้ามี)",
    "มติที่ประชุม\t- ไม่มี -",
    "เลิกประชุมเวลา 12.00 น.",
    "SIGNATURE",
    "(นางมาลี บุญมา)",
    "นักวิเคราะห์นโยบายและแผน",
    "ผู้จดรายงานการประชุม",
    "SIGNATURE",
    "(นางสาววิไล ศรีสุข)",
    "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง",  # the reviewer acts at this meeting
    "ผู้ตรวจรายงานการประชุม",
]


def test_every_part_of_form_11_in_order_with_the_exact_wording(session, minutes_meeting, tmp_path):
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    signature = [i for i, line in enumerate(lines) if line.startswith("ลงชื่อ")]
    assert all(set(lines[i].removeprefix("ลงชื่อ")) == {"."} for i in signature)
    assert ["SIGNATURE" if i in signature else line for i, line in enumerate(lines)] == EXPECTED


def test_empty_parts_leave_their_headings_out(session, minutes_meeting, tmp_path):
    meeting = services.load_meeting(session, minutes_meeting.meeting_id)
    for line in list(meeting.attendance):
        if line.status == "absent" and line.group == "member":
            services.mark_present(session, line.id)
        if line.group == "participant":
            services.remove_attendee(session, line.id)
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    assert "ผู้มาประชุม" in lines
    assert "ผู้ไม่มาประชุม" not in lines
    assert "ผู้เข้าร่วมประชุม" not in lines


def test_attendees_follow_her_order_else_role_then_thai_dictionary_order(session, tmp_path):
    meeting = services.create_meeting(session, title="ประชุมทดสอบ", date="2024-02-14")
    people = [
        ("นายขจร", "officer"),
        ("นายเกษม", "officer"),  # เกษม before ขจร in a Thai dictionary, not in code points
        ("นายบุญ", "clerk"),
        ("นายชาติ", "executive"),
    ]
    lines = {}
    for name, role in people:
        person = services.create_person(
            session, honorific="นาย", given_name=name.removeprefix("นาย"), role=role
        )
        lines[name] = services.add_attendee(session, meeting.id, person.id, sort_order=0)
    rows = [line for line in export(session, meeting.id, tmp_path) if " | " in line]
    assert [row.split(" | ")[1] for row in rows] == ["นายชาติ", "นายบุญ", "นายเกษม", "นายขจร"]

    order = [lines[name].id for name in ("นายขจร", "นายชาติ", "นายเกษม", "นายบุญ")]
    services.reorder_attendance(session, meeting.id, order)
    rows = [line for line in export(session, meeting.id, tmp_path) if " | " in line]
    assert [row.split(" | ")[1] for row in rows] == ["นายขจร", "นายชาติ", "นายเกษม", "นายบุญ"]


def test_signatures_use_todays_name_and_position_of_recorder(session, minutes_meeting, tmp_path):
    services.update_person(session, minutes_meeting.recorder_id, position="หัวหน้าสำนักปลัด")
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    recorder_block = lines[lines.index("(นางมาลี บุญมา)") :]
    assert recorder_block[1:3] == ["หัวหน้าสำนักปลัด", "ผู้จดรายงานการประชุม"]
    # The attendee list keeps the position she held at the meeting.
    assert "3. | นางมาลี บุญมา | นักวิเคราะห์นโยบายและแผน องค์การบริหารส่วนตำบลทุ่งต้อม" in lines


def test_without_a_reviewer_only_the_recorder_signs(session, minutes_meeting, tmp_path):
    services.update_meeting(session, minutes_meeting.meeting_id, reviewer_id=None)
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    assert lines[-1] == "ผู้จดรายงานการประชุม"
    assert "ผู้ตรวจรายงานการประชุม" not in lines


def test_onsite_and_hybrid_meetings_name_their_place(session, minutes_meeting, tmp_path):
    meeting_id = minutes_meeting.meeting_id
    services.update_meeting(session, meeting_id, mode="onsite", venue="ห้องประชุมสภาเทศบาล")
    assert export(session, meeting_id, tmp_path)[3] == "ณ ห้องประชุมสภาเทศบาล"
    services.update_meeting(session, meeting_id, mode="hybrid", platform="Microsoft Teams")
    assert export(session, meeting_id, tmp_path)[3] == (
        "ณ ห้องประชุมสภาเทศบาล และผ่านระบบการประชุมทางไกล (Microsoft Teams)"
    )


def test_text_from_the_database_goes_in_as_text(session, minutes_meeting, tmp_path):
    item = session.query(AgendaItem).filter_by(meeting_id=minutes_meeting.meeting_id).first()
    long_paragraph = "ก" * 20_000
    # Set through the model, as an older import may have stored it: the services would
    # have cleaned the control characters already, the writer must not rely on that.
    item.body = (
        'ย่อหน้าแรก <b>&amp;</b> "คำพูด"\r\nคอลัมน์\tถัดไป\x01\x0b\x1f\n\n'
        f"\t  เว้นวรรคหน้า\n{long_paragraph}"
    )
    session.flush()
    lines = export(session, minutes_meeting.meeting_id, tmp_path)
    start = lines.index("ระเบียบวาระที่ 1\tเรื่องที่ประธานแจ้งให้ที่ประชุมทราบ") + 1
    assert lines[start : start + 5] == [
        'ย่อหน้าแรก <b>&amp;</b> "คำพูด"',
        "คอลัมน์\tถัดไป",
        "เว้นวรรคหน้า",
        long_paragraph,
        "มติที่ประชุม\tที่ประชุมรับทราบ",
    ]


def test_an_unknown_meeting_is_not_found(session, out):
    with pytest.raises(NotFound):
        export_minutes(session, 999, out / "minutes.docx")
    assert not list(out.iterdir())


def test_a_missing_folder_is_explained_and_nothing_is_written(session, minutes_meeting, out):
    with pytest.raises(PrachumError) as raised:
        export_minutes(session, minutes_meeting.meeting_id, out / "gone" / "minutes.docx")
    assert "gone" in raised.value.thai
    assert not list(out.iterdir())


def test_a_failed_save_keeps_the_old_file_and_leaves_no_half_file(
    session, minutes_meeting, out, monkeypatch
):
    target = out / "minutes.docx"
    target.write_bytes(b"the minutes she already sent")

    def refuse(self, path):
        Path(path).write_bytes(b"half")
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(docx.document.Document, "save", refuse)
    with pytest.raises(PrachumError) as raised:
        export_minutes(session, minutes_meeting.meeting_id, target)
    assert "ไฟล์เปิดอยู่ในโปรแกรมอื่น" in raised.value.thai
    assert target.read_bytes() == b"the minutes she already sent"
    assert [p.name for p in out.iterdir()] == ["minutes.docx"]


def test_bad_settings_are_refused_before_anything_is_written(session, minutes_meeting, out):
    with pytest.raises(PrachumError):
        export_minutes(session, minutes_meeting.meeting_id, out / "a.docx", font="  ")
    with pytest.raises(PrachumError):
        export_minutes(session, minutes_meeting.meeting_id, out / "a.docx", justification="center")
    assert not list(out.iterdir())


def test_progress_is_reported_up_to_the_total(session, minutes_meeting, tmp_path):
    calls = []
    export_minutes(
        session,
        minutes_meeting.meeting_id,
        tmp_path / "minutes.docx",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_minutes_command_writes_the_file(db_arg, tmp_path, capsys):
    assert main(["--db", db_arg, "demo"]) == 0
    out = tmp_path / "minutes.docx"
    assert main(["--db", db_arg, "minutes", "1", "-o", str(out), "--thai-digits"]) == 0
    assert capsys.readouterr().out.strip().endswith("minutes.docx")
    assert "ครั้งที่ ๑/๒๕๖๗" in document_lines(out)
    assert main(["--db", db_arg, "minutes", "99", "-o", str(out)]) == 2
