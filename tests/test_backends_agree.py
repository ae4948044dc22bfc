"""The same data on SQLite and on PostgreSQL gives the same documents and the same
search results: same text, same order (Thai order included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from meeting_example import example
from openpyxl import load_workbook

from desktop.cli import main

# Thai of one, two and three characters, a longer phrase, Latin in either case, and
# words that are nowhere.
QUERIES = ["ร", "รา", "ราย", "น้ำ", "การประชุม", "ร่างบันทึก", "MOU", "mou", "ก", "zzz", "ไม่มีคำนี้"]


def _document_text(path: Path) -> list[str]:
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["|".join(cell.text for cell in row.cells) for row in table.rows]
    return lines


def _workbook_values(path: Path) -> list[list[tuple]]:
    workbook = load_workbook(path)
    return [list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]


def _everything(db: str, folder: Path, capsys) -> dict:
    """What a secretary gets out of a database: files, documents, listings, searches."""
    folder.mkdir()
    capsys.readouterr()
    assert main(["--db", db, "meetings"]) == 0
    listing = capsys.readouterr().out
    ids = [int(line.split("\t")[0]) for line in listing.splitlines()]
    out: dict = {"meetings": listing}
    for meeting_id in ids:
        meeting_file = folder / f"{meeting_id}.meeting.json"
        minutes = folder / f"{meeting_id}.docx"
        attendance = folder / f"{meeting_id}.xlsx"
        assert main(["--db", db, "export", str(meeting_id), "-o", str(meeting_file)]) == 0
        assert main(["--db", db, "minutes", str(meeting_id), "-o", str(minutes)]) == 0
        assert main(["--db", db, "attendance", str(meeting_id), "-o", str(attendance)]) == 0
        out[meeting_id] = (
            json.loads(meeting_file.read_text(encoding="utf-8")),
            _document_text(minutes),
            _workbook_values(attendance),
        )
    for query in QUERIES:
        capsys.readouterr()
        assert main(["--db", db, "search", query]) == 0
        out[query] = capsys.readouterr().out
    return out


@pytest.fixture
def backend() -> str:
    return "postgresql"  # the test compares both itself


def test_sqlite_and_postgresql_give_the_same_documents_and_searches(pg_url, tmp_path, capsys):
    example_file = tmp_path / "example.meeting.json"
    example_file.write_text(json.dumps(example(), ensure_ascii=False), encoding="utf-8")
    results = {}
    for name, db in (("sqlite", str(tmp_path / "prachum.db")), ("postgresql", pg_url)):
        assert main(["--db", db, "demo"]) == 0
        assert main(["--db", db, "import", str(example_file)]) == 0
        results[name] = _everything(db, tmp_path / name, capsys)
    sqlite, server = results["sqlite"], results["postgresql"]
    assert len(sqlite) == len(QUERIES) + 5, "four meetings and the listing"
    assert any(sqlite[query] for query in ("ร", "รา", "ราย")), "short Thai queries find text"
    for key in sqlite:
        assert server[key] == sqlite[key], key
