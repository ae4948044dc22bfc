"""Her office's own DOCX templates: kept in the database, filled in Jinja's sandbox,
refused when broken with the field and paragraph named, the previous one kept."""

from __future__ import annotations

import io

import docx
import pytest

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.exports.agenda_paper import export_agenda
from desktop.exports.builtin_templates import builtin_template
from desktop.exports.minutes_docx import export_minutes
from desktop.exports.paper_templates import (
    paper_template,
    set_paper_template,
)


def _template(*lines: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("หัวกระดาษของสำนักงาน")
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _lines(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_her_agenda_template_is_filled_instead_of_the_built_in(session, minutes_meeting, tmp_path):
    set_paper_template(
        session,
        "agenda",
        _template(
            "วาระ {{ meeting.title }} {{ meeting.date_long }}",
            "{%p for item in items %}",
            "{{ item.number }}) {{ item.title }}",
            "{%p endfor %}",
        ),
    )
    target = export_agenda(session, minutes_meeting.meeting_id, tmp_path / "agenda.docx")
    assert _lines(target) == [
        "หัวกระดาษของสำนักงาน",
        "วาระ การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง วันพุธที่ 3 สิงหาคม 2565",
        "1) เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "2) เรื่องเสนอเพื่อพิจารณา",
        "3) เรื่องอื่น ๆ (ถ้ามี)",
    ]
    set_paper_template(session, "agenda", None)
    built_in = export_agenda(session, minutes_meeting.meeting_id, tmp_path / "again.docx")
    assert _lines(built_in)[0].startswith("ระเบียบวาระการประชุม")


def test_an_unknown_field_is_refused_naming_it_and_the_old_template_stays(session):
    good = _template("{{ meeting.title }}")
    set_paper_template(session, "news", good)
    with pytest.raises(PrachumError) as error:
        set_paper_template(session, "news", _template("ก่อน", "เรื่อง {{ meeting.colour }}"))
    message = error.value.message("th")
    assert "meeting.colour" in message
    assert "ย่อหน้าที่ 3" in message  # the letterhead, then ก่อน, then the field
    assert paper_template(session, "news") == good


@pytest.mark.parametrize(
    "lines",
    [
        ("{%p for item in items %}", "{{ item.title }}"),  # a loop never closed
        ("{%p for x in meeting.title.nope %}", "{%p endfor %}"),  # over nothing
        ("{{ meeting.title.__class__.__mro__ }}",),  # the sandbox refuses this
    ],
)
def test_a_broken_template_is_refused(session, lines):
    with pytest.raises(PrachumError):
        set_paper_template(session, "minutes", _template(*lines))
    assert paper_template(session, "minutes") is None


def test_not_a_docx_is_refused(session):
    with pytest.raises(PrachumError) as error:
        set_paper_template(session, "agenda", b"%PDF-1.7 not a word file")
    assert ".docx" in error.value.message("en")


def test_a_value_cannot_inject_xml(session, minutes_meeting, tmp_path):
    services.update_meeting(
        session,
        minutes_meeting.meeting_id,
        title='ประชุม</w:t></w:r><w:r><w:t>แทรก & "ทดสอบ" \x07',
    )
    set_paper_template(session, "minutes", _template("{{ meeting.title }}"))
    target = export_minutes(session, minutes_meeting.meeting_id, tmp_path / "m.docx")
    assert _lines(target)[1] == 'ประชุม</w:t></w:r><w:r><w:t>แทรก & "ทดสอบ"'


def test_the_built_in_layouts_are_templates_that_fill(session, minutes_meeting, tmp_path):
    for paper in ("minutes", "agenda", "news"):
        set_paper_template(session, paper, builtin_template(paper))
    agenda = _lines(export_agenda(session, minutes_meeting.meeting_id, tmp_path / "a.docx"))
    assert agenda[0] == "ระเบียบวาระการประชุม การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"
    assert "2.1 แนวทางการดำเนินงานของเครือข่าย" in agenda
    minutes = _lines(export_minutes(session, minutes_meeting.meeting_id, tmp_path / "m.docx"))
    assert "1. นายสมชาย ใจดี\tนายกเทศมนตรีตำบลบ้านกลาง" in minutes


def test_the_template_command(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo"]) == 0
    start = tmp_path / "agenda-template.docx"
    assert main(["--db", str(db_path), "template", "agenda", "--builtin", str(start)]) == 0
    assert main(["--db", str(db_path), "template", "agenda", "--set", str(start)]) == 0
    broken = tmp_path / "broken.docx"
    broken.write_bytes(_template("{{ nothing_here }}"))
    assert main(["--db", str(db_path), "template", "agenda", "--set", str(broken)]) == 2
    assert "nothing_here" in capsys.readouterr().err
    out = tmp_path / "agenda.docx"
    assert main(["--db", str(db_path), "agenda", "1", "-o", str(out)]) == 0
    assert _lines(out)[0].startswith("ระเบียบวาระการประชุม ")
    assert main(["--db", str(db_path), "template", "agenda", "--clear"]) == 0
