"""Any text stored in the database goes through the exporters without a crash, and gives
DOCX and XLSX files that python-docx and openpyxl open again.

The text is set on the rows directly (the services would clean it): a database written
by an older version, by a file import of long ago or by another tool may hold anything:
NULs and control characters, 20,000 characters, RTL marks and overrides, emoji, lone
combining marks, text that a spreadsheet would run as a formula. (A lone surrogate
cannot be stored: Python's sqlite3 refuses to encode it, so no export ever sees one.)
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Action, AgendaItem, Attendance, Meeting, ResolutionPoint
from desktop.exports.attendance_summary_xlsx import export_network_summary
from desktop.exports.attendance_xlsx import export_attendance, export_signin_sheet
from desktop.exports.minutes_docx import export_minutes

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PIECES = [
    *"กขคงจฉชซญณดตถทนบปผพฟมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ๆฯ",
    *"abcXYZ 0123456789.,;:-()/&<>\"'\t\n\r",
    "\x00",
    "\x01",
    "\x07",
    "\x0b",
    "\x1b",
    "\x7f",
    "\u200b",
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u0301",  # a combining accent alone
    "\u0e31\u0e48",  # Thai marks with no consonant under them
    "\ufeff",
    "\ufffe",
    "😀",
    "👩‍👩‍👧",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "+1",
    "-2",
    "@SUM(A1)",
    "]]>",
    "<w:p>",
]
stored_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.builds(lambda n: "ก" * n, st.integers(min_value=19_000, max_value=20_000)),
)
# Where a stored text shows up in a document: (table, column) on the rows made below.
FIELDS = [
    (Meeting, "title"),
    (Meeting, "opening"),
    (Meeting, "venue"),
    (Meeting, "platform"),
    (AgendaItem, "title"),
    (AgendaItem, "body"),
    (AgendaItem, "resolution"),
    (ResolutionPoint, "text"),
    (Action, "text"),
    (Attendance, "name"),
    (Attendance, "position"),
    (Attendance, "organization_name"),
    (Attendance, "absence_reason"),
    (Attendance, "acting_as"),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A network's meeting with an agenda item, a point, an action, and three attendees:
    present, absent with a reason, and a guest acting for someone."""
    db = open_database(tmp_path_factory.mktemp("fuzz-exports") / "fuzz.db")
    with db.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง")
        network = services.create_network(s, name="เครือข่ายทดสอบ", member_ids=[town.id])
        meeting = services.create_meeting(
            s, title="ประชุม", date=date(2024, 2, 14), network_id=network.id, start="09:00"
        )
        item = services.add_agenda_item(s, meeting.id, title="เรื่องที่ประธานแจ้ง", body="ข้อความ")
        services.set_resolution_points(s, item.id, ["ข้อแรก"])
        services.add_action(s, item.id, text="ติดตามผล")
        for number, given in enumerate(("สมชาย", "มาลี", "วิไล")):
            person = services.create_person(
                s, honorific="นาย", given_name=given, family_name="ใจดี", organization_id=town.id
            )
            services.add_attendee(
                s, meeting.id, person.id, status="absent" if number == 1 else "present"
            )
        db.ids = {"meeting": meeting.id, "network": network.id}
    yield db
    db.close()


def store_directly(session, model, column: str, value: str) -> None:
    """Put the text on every row of the kind, as a foreign writer would (no cleaning)."""
    for row in session.query(model).all():
        setattr(row, column, value)
    session.flush()


def export_everything(session, ids: dict[str, int], folder: Path) -> dict[str, Path]:
    return {
        "minutes": export_minutes(session, ids["meeting"], folder / "minutes.docx"),
        "digits": export_minutes(session, ids["meeting"], folder / "digits.docx", thai_digits=True),
        "attendance": export_attendance(session, ids["meeting"], folder / "attendance.xlsx"),
        "signin": export_signin_sheet(session, ids["meeting"], folder / "signin.xlsx"),
        "summary": export_network_summary(
            session, ids["network"], None, None, folder / "summary.xlsx"
        ),
    }


def reopen(files: dict[str, Path]) -> tuple[str, list]:
    """Every file opened again as Word and Excel would be asked to: their text and cells."""
    text = []
    for name in ("minutes", "digits"):
        document = Document(str(files[name]))
        text += [p.text for p in document.paragraphs]
        text += [c.text for t in document.tables for r in t.rows for c in r.cells]
    cells = []
    for name in ("attendance", "signin", "summary"):
        workbook = load_workbook(files[name])
        cells += [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
        workbook.close()
    return "\n".join(text), cells


@FUZZ
@given(field=st.sampled_from(FIELDS), value=stored_text)
def test_any_stored_text_exports_to_files_that_open_again(database, field, value):
    model, column = field
    with database.session() as session, tempfile.TemporaryDirectory() as folder:
        store_directly(session, model, column, value)
        text, cells = reopen(export_everything(session, database.ids, Path(folder)))
        assert not [c.coordinate for c in cells if c.data_type == "f"], "text ran as a formula"
        session.rollback()
    if value.startswith("ก" * 1000) and column in ("opening", "body", "resolution"):
        assert "ก" * 19_000 in text, "long text is kept whole"


def test_the_longest_title_the_app_allows_exports(database, tmp_path):
    with database.session() as session:
        services.update_meeting(session, database.ids["meeting"], title="ประชุม" + "ก" * 494)
        text, _cells = reopen(export_everything(session, database.ids, tmp_path))
        session.rollback()
    assert "ก" * 494 in text


def test_formula_like_text_stays_text_in_every_workbook(database, tmp_path):
    with database.session() as session:
        store_directly(session, Attendance, "name", "=cmd|' /C calc'!A0")
        store_directly(session, Attendance, "position", "@SUM(A1)")
        _text, cells = reopen(export_everything(session, database.ids, tmp_path))
        session.rollback()
    values = {c.value for c in cells if isinstance(c.value, str)}
    assert "=cmd|' /C calc'!A0" in values
    assert not [c for c in cells if c.data_type == "f"]


def test_control_characters_are_dropped_and_the_words_kept(database, tmp_path):
    with database.session() as session:
        store_directly(session, AgendaItem, "body", "ที่ประชุม\x00รับ\x07ทราบ\u202e😀")
        store_directly(session, Attendance, "absence_reason", "ติด\x1bราชการ")
        text, cells = reopen(export_everything(session, database.ids, tmp_path))
        session.rollback()
    assert "ที่ประชุมรับทราบ" in text.replace("\u202e", "").replace("😀", "")
    assert any(isinstance(c.value, str) and "ติดราชการ" in c.value for c in cells)
