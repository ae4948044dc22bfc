"""Characters that do not show but change what is shown: a right-to-left override (U+202E)
turns "ใจดี.docx" around in a name, C1 controls move a terminal's cursor. Typed, read from a
roster sheet or a meeting report, they are stripped as other controls are; a meeting file
holding one is refused, as one holding any control character is."""

from __future__ import annotations

import pytest
from report_files import write_text
from sqlalchemy import select

from bench.bench_import import meeting_file
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import Meeting, Person
from desktop.core.operations.meeting_file import import_meeting
from desktop.core.thai import normalize_text
from desktop.imports.report_cli import read_report
from desktop.imports.roster import run_roster_import

HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right override": "\u202d",
    "right-to-left embedding": "\u202b",
    "pop directional formatting": "\u202c",
    "right-to-left isolate": "\u2067",
    "first strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "Arabic letter mark": "\u061c",
    "C1 next line": "\x85",
    "C1 control sequence introducer": "\x9b",
    "C1 application program command": "\x9f",
    "C1 padding": "\x80",
}


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_typed_text_loses_them(session, char):
    person = services.create_person(
        session, given_name=f"สม{char}ชาย", family_name=f"ใจ{char}ดี", position=f"ปลัด{char}"
    )
    meeting = services.create_meeting(session, title=f"ประชุม{char}ครั้งที่ 1", date="2024-03-05")
    session.flush()
    assert (person.given_name, person.family_name, person.position) == ("สมชาย", "ใจดี", "ปลัด")
    assert meeting.title == "ประชุมครั้งที่ 1"


def test_tabs_and_line_breaks_are_kept():
    assert normalize_text("หนึ่ง\tสอง\nสาม\r\nสี่") == "หนึ่ง\tสอง\nสาม\r\nสี่"


def _hidden_anywhere(session) -> list[str]:
    texts = [
        text
        for person in session.scalars(select(Person))
        for text in (person.given_name, person.family_name, person.position)
        if text
    ]
    texts += [meeting.title for meeting in session.scalars(select(Meeting))]
    return [text for text in texts if any(char in text for char in HIDDEN.values())]


def test_a_roster_sheet_gives_names_without_them(session, network, tmp_path):
    rows = "\n".join(
        f"{n},นาย{name} ใจ{char}ดี{n},ปลัด{char}เทศบาล,ทต.บ้านกลาง"
        for n, (name, char) in enumerate(
            ((f"สม{char}ชาย{n}", char) for n, char in enumerate(HIDDEN.values())), start=1
        )
    )
    sheet = write_text(tmp_path / "roster.csv", f"ลำดับ,ชื่อ-นามสกุล,ตำแหน่ง,หน่วยงาน\n{rows}\n")
    run_roster_import(session, sheet, network_name=None, apply=True)
    session.flush()
    names = {person.given_name for person in session.scalars(select(Person))}
    assert {f"สมชาย{n}" for n in range(len(HIDDEN))} <= names
    assert _hidden_anywhere(session) == []


def test_a_meeting_report_gives_names_without_them(tmp_path):
    rows = "\n".join(
        f"ทต.บ้าน{char}กลาง สม{char}ชาย{n},,02/14/2024 09:00:00 AM,02/14/2024 10:00:00 AM,60,No"
        for n, char in enumerate(HIDDEN.values())
    )
    text = (
        f"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n{rows}\n"
    )
    report = read_report(write_text(tmp_path / "participants.csv", text))
    names = [participant.name for participant in report.participants]
    assert len(names) == len(HIDDEN)
    assert all(name.startswith("ทต.บ้านกลาง สมชาย") for name in names), names


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_meeting_file_holding_one_is_refused_whole(session, char):
    data = meeting_file(3, 2)
    data["people"][1]["family_name"] = f"ใจ{char}ดี"
    with pytest.raises(PrachumError, match="control character"):
        import_meeting(session, data)
    assert session.scalars(select(Meeting)).all() == []
