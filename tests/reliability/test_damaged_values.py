"""Damage that integrity_check does not see (text that is not UTF-8, a date that is not
one) does not end a listing or a document: the damaged value is shown as damaged, the rest
works, and stderr says which meeting and field."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.sqlite_features import name_the_writer


@pytest.fixture
def damaged_db(tmp_path) -> Path:
    path = tmp_path / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    con = sqlite3.connect(path)
    name_the_writer(con)  # whoever writes is in the history, another program too
    try:
        con.execute("UPDATE meetings SET title = CAST(X'e0b8ff41' AS TEXT) WHERE id = 2")
        con.execute("UPDATE meetings SET date = '2024-13-45' WHERE id = 3")
        con.execute("UPDATE agenda_items SET body = CAST(X'c328' AS TEXT) WHERE meeting_id = 1")
        con.commit()
    finally:
        con.close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["meetings"],
        ["search", "ประชุม"],
        ["minutes", "2", "-o", "{out}/m.docx"],
        ["minutes", "3", "-o", "{out}/m.docx"],
        ["minutes", "1", "-o", "{out}/m.docx"],
        ["export", "2", "-o", "{out}/m.meeting.json"],
        ["attendance", "3", "-o", "{out}/a.xlsx"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_damaged_value_is_shown_as_damaged_and_the_rest_works(
    damaged_db, tmp_path, capsys, command
):
    args = [part.replace("{out}", str(tmp_path)) for part in command]
    capsys.readouterr()
    assert main(["--db", str(damaged_db), *args]) == 0
    captured = capsys.readouterr()
    assert "fault" not in captured.err
    assert "damaged values" in captured.err
    if command == ["meetings"]:
        lines = captured.out.splitlines()
        assert len(lines) == 3, "every meeting is listed"
        assert "meeting 2: title is not UTF-8 text" in captured.err
        assert "meeting 3: date is not a valid date ('2024-13-45')" in captured.err
        assert any("(ข้อมูลเสียหาย)" in line for line in lines), "the date shown as damaged"
        assert any("\ufffd" in line for line in lines), "the text shown with its bad bytes marked"
