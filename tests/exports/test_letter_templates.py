"""Her own template for the invitation letters: one letter, filled for each organisation of
the batch with the built-in letters' words and the batch's one register number, the
letters one after another (each from a new page) or a file each; refused when broken."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from exports.test_invitations import TODAY, _letters

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.exports.builtin_templates import builtin_template
from desktop.exports.invitation_letters import export_invitations
from desktop.exports.letter_templates import letter_context
from desktop.exports.paper_templates import (
    meeting_context,
    paper_template,
    set_paper_template,
)
from desktop.exports.template_fields import LETTER_FIELDS, PAPER_FIELDS


def _png() -> bytes:
    """A 2×2 grey PNG: her letterhead's logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def her_letter(*, extra: str = "") -> bytes:
    """A letter as her office writes it: the letterhead in a table with the logo, then
    her own wording around the fields."""
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.rows[0].cells[0].paragraphs[0].add_run().add_picture(io.BytesIO(_png()), height=Cm(2))
    head.rows[0].cells[1].paragraphs[0].text = "{{ letter.sender }}"
    for line in (
        "ที่ {{ letter.code }} (ทะเบียนเลข {{ letter.number }})",
        "{{ letter.date }}",
        "เรื่อง {{ letter.subject }}",
        "เรียน {{ letter.salutation }}",
        "ถึง {{ letter.recipient }}",
        "{%p for paragraph in letter.body %}",
        "{{ paragraph }}",
        "{%p endfor %}",
        "{%p for line in letter.online %}",
        "ออนไลน์: {{ line }}",
        "{%p endfor %}",
        "ประชุม {{ meeting.date_long }} เวลา {{ meeting.start }}",
        "{{ letter.regards }}",
        "{{ letter.signer }}",
        "{%p for line in letter.signer_lines %}",
        "{{ line }}",
        "{%p endfor %}",
        *([extra] if extra else []),
    ):
        document.add_paragraph(line)
    document.sections[0].footer.paragraphs[0].text = "{{ letter.office[0] }}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _online(session, meeting_id: int) -> None:
    meeting = services.load_meeting(session, meeting_id)
    meeting.online_link = "https://zoom.us/j/84511223344"
    meeting.online_meeting_id = "845 1122 3344"
    meeting.online_passcode = "ping67"
    session.flush()


def test_her_letter_is_filled_once_per_organisation_with_one_number(
    session, letters_meeting, tmp_path
):
    meeting_id = letters_meeting.meeting_id
    _online(session, meeting_id)
    set_paper_template(session, "invitation", her_letter())
    target = tmp_path / "letters.docx"
    export_invitations(session, meeting_id, target, today=TODAY)
    letters = _letters(target)
    assert [letter[4] for letter in letters] == [
        "เรียน นายกองค์การบริหารส่วนตำบลทุ่งต้อม",
        "เรียน นายกเทศมนตรีนครเชียงใหม่",
        "เรียน นายกเทศมนตรีเมืองลำพูน",
        "เรียน นายกองค์การบริหารส่วนจังหวัดลำปาง",
        "เรียน นายกเมืองพัทยา",
        "เรียน นายกเทศมนตรีตำบลยุหว่า",
    ]
    first = letters[0]
    assert first[:4] == [
        "เทศบาลตำบลบ้านกลาง",  # the letterhead's table cell
        "ที่ ชม 52001/ว 1 (ทะเบียนเลข 1)",
        "10 มกราคม 2567",
        "เรื่อง ขอเชิญประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง ครั้งที่\u00a02/2565",
    ]
    assert first[5] == "ถึง องค์การบริหารส่วนตำบลทุ่งต้อม"
    assert first[6].startswith("ด้วยเทศบาลตำบลบ้านกลาง กำหนดจัดการประชุม")
    assert "ออนไลน์: ลิงก์เข้าร่วมประชุม https://zoom.us/j/84511223344" in first
    assert "ออนไลน์: Passcode ping67" in first
    assert "ประชุม วันพุธที่ 3 สิงหาคม 2565 เวลา 09.30 น." in first
    assert first[-3:] == ["ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลบ้านกลาง"]
    # Every letter carries the batch's one number; the register has one line.
    assert {letter[1] for letter in letters} == {"ที่ ชม 52001/ว 1 (ทะเบียนเลข 1)"}
    assert [e.code for e in services.register(session)] == ["ชม 52001/ว 1"]
    document = docx.Document(str(target))
    assert [p.text for p in document.sections[0].footer.paragraphs] == ["สำนักปลัดเทศบาล"]
    # Her logo is in every letter, each drawing with an id of its own (Word wants that).
    drawings = list(document.element.body.iter(qn("wp:docPr")))
    assert len(drawings) == 6
    assert len({d.get("id") for d in drawings}) == 6


def test_printed_again_and_a_file_each_keep_the_number(session, letters_meeting, tmp_path):
    meeting_id = letters_meeting.meeting_id
    set_paper_template(session, "invitation", her_letter())
    export_invitations(session, meeting_id, tmp_path / "a.docx", today=TODAY)
    folder = tmp_path / "each"
    folder.mkdir()
    written = export_invitations(
        session, meeting_id, None, per_organization=folder, today=date(2024, 1, 20)
    )
    assert len(written) == 6
    assert all(len(_letters(path)) == 1 for path in written)
    assert _letters(written[1])[0][1:3] == ["ที่ ชม 52001/ว 1 (ทะเบียนเลข 1)", "10 มกราคม 2567"]
    assert _letters(written[1])[0][4] == "เรียน นายกเทศมนตรีนครเชียงใหม่"
    assert len(services.register(session)) == 1


def test_the_built_in_letter_as_a_template_prints_what_the_built_in_letter_prints(
    session, letters_meeting, tmp_path
):
    meeting_id = letters_meeting.meeting_id
    _online(session, meeting_id)
    built_in = tmp_path / "built-in.docx"
    export_invitations(session, meeting_id, built_in, today=TODAY)
    set_paper_template(session, "invitation", builtin_template("invitation"))
    from_template = tmp_path / "from-template.docx"
    export_invitations(session, meeting_id, from_template, today=TODAY)
    assert _letters(from_template) == _letters(built_in)
    footer = [p.text for p in docx.Document(str(from_template)).sections[0].footer.paragraphs]
    assert footer == [p.text for p in docx.Document(str(built_in)).sections[0].footer.paragraphs]


def test_an_unknown_field_is_refused_naming_it_and_her_letter_stays(session):
    good = her_letter()
    set_paper_template(session, "invitation", good)
    with pytest.raises(PrachumError) as error:
        set_paper_template(session, "invitation", her_letter(extra="สี {{ letter.colour }}"))
    assert "letter.colour" in error.value.message("en").split("(")[0]
    assert "สี {{ letter.colour }}" in error.value.message("th")
    assert paper_template(session, "invitation") == good
    # A letter's fields belong to the letter: the agenda has none.
    with pytest.raises(PrachumError) as error:
        set_paper_template(session, "agenda", her_letter())
    assert "letter" in error.value.message("en")
    assert paper_template(session, "agenda") is None


def test_the_fields_she_reads_are_the_fields_a_template_gets(session, letters_meeting):
    meeting = services.load_meeting(session, letters_meeting.meeting_id)
    from desktop.exports.invitation_text import invitation_letters

    letter = invitation_letters(session, meeting, today=TODAY, numbered=False)[0]
    documented = {name.removeprefix("letter.") for name, *_ in LETTER_FIELDS}
    assert documented == set(letter_context(letter))
    context = meeting_context(meeting)
    written = {name for name, *_ in PAPER_FIELDS["invitation"]}
    assert {f"meeting.{key}" for key in context["meeting"]} <= written
    assert {"items", "today"} <= written


def test_the_template_command_for_the_invitation(db_path, tmp_path, capsys):
    assert main(["template", "invitation", "--fields"]) == 0
    assert "letter.salutation" in capsys.readouterr().out
    assert main(["--db", str(db_path), "demo"]) == 0
    start = tmp_path / "letter-template.docx"
    assert main(["--db", str(db_path), "template", "invitation", "--builtin", str(start)]) == 0
    assert "{{ letter.salutation }}" in "\n".join(
        p.text for p in docx.Document(str(start)).paragraphs
    )
    broken = tmp_path / "broken.docx"
    broken.write_bytes(her_letter(extra="{{ letter.nothing_here }}"))
    assert main(["--db", str(db_path), "template", "invitation", "--set", str(broken)]) == 2
    assert "letter.nothing_here" in capsys.readouterr().err
    assert main(["--db", str(db_path), "template", "invitation", "--set", str(start)]) == 0
    assert main(["--db", str(db_path), "template", "invitation", "--clear"]) == 0
