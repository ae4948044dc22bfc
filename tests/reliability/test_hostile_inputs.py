"""Inputs at the edges are refused with exit 2 and change nothing: damaged worksheets,
numbers past what anything stores, devices and pipes given as files."""

from __future__ import annotations

import io
import json
import os
import re
import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.cli import main


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _meetings(db: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(db), "meetings"]) == 0
    return capsys.readouterr().out.splitlines()


def _roster_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["ชื่อ-สกุล", "ตำแหน่ง", "สังกัด", "ลำดับ"])
    sheet.append(["นายกมล ทองดี", "ปลัดเทศบาล", "ทม.ลำพูน", 1])
    sheet.append(["นางสาวมาลี บุญมา", "รองปลัดเทศบาล", "ทม.ลำพูน", 2])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_sheet(data: bytes, change) -> bytes:
    """The workbook with its first sheet's XML (and shared strings) changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def _number_cell(xml: str) -> str:
    return re.sub(r'<c r="D2"([^>]*)><v>1</v>', r'<c r="D2"\1><v>abc</v>', xml)


DAMAGE = {
    "truncated sheet": lambda xml: xml[: len(xml) // 2],
    "mismatched tags": lambda xml: xml.replace("</row>", "</rows>", 1),
    "shared string out of range": lambda xml: re.sub(
        r'<c r="B2" t="inlineStr"><is><t>[^<]*</t></is></c>',
        '<c r="B2" t="s"><v>99999</v></c>',
        xml,
    ),
    "column ZZZZZ": lambda xml: xml.replace('r="A2"', 'r="ZZZZZ2"', 1),
    "abc in a number cell": _number_cell,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("command", ["roster", "zoom"])
def test_a_damaged_worksheet_is_refused(demo_db, tmp_path, capsys, damage, command):
    spoiled = _with_sheet(_roster_xlsx(), DAMAGE[damage])
    assert spoiled != _roster_xlsx()
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(spoiled)
    before = _meetings(demo_db, capsys)
    args = ["roster", str(path), "--apply"] if command == "roster" else ["zoom", "1", str(path)]
    code = main(["--db", str(demo_db), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "fault" not in err
    assert _meetings(demo_db, capsys) == before


def test_a_workbook_named_csv_is_read_as_a_workbook(demo_db, tmp_path, capsys):
    path = tmp_path / "roster.csv"
    path.write_bytes(_roster_xlsx())
    assert main(["--db", str(demo_db), "roster", str(path)]) == 0, capsys.readouterr().err
    assert "กมล" in capsys.readouterr().out


def _meeting_file(demo_db: Path, tmp_path: Path) -> dict:
    exported = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(exported)]) == 0
    return json.loads(exported.read_text(encoding="utf-8"))


def _version(text: str, value: str) -> str:
    return re.sub('"version": [0-9]+', lambda _match: f'"version": {value}', text, count=1)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda text: _version(text, "9" * 5000),
        lambda text: text.replace("{", '{"x-note": ' + "7" * 4400 + ", ", 1),
        lambda text: _version(text, "9223372036854775808"),
        lambda text: _version(text, "NaN"),
        lambda text: _version(text, "-Infinity"),
    ],
    ids=["5000 digits", "4400 digits in an x- key", "2**63", "NaN", "-Infinity"],
)
def test_numbers_past_what_is_stored_are_a_problem_of_the_file(demo_db, tmp_path, capsys, spoil):
    data = _meeting_file(demo_db, tmp_path)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert re.search('"version": [0-9]+', text)
    path = tmp_path / "spoiled.meeting.json"
    path.write_text(spoil(text), encoding="utf-8")
    before = _meetings(demo_db, capsys)
    assert main(["--db", str(demo_db), "import", str(path)]) == 2
    assert "nothing was imported" in capsys.readouterr().err
    assert _meetings(demo_db, capsys) == before


@pytest.mark.parametrize("command", ["minutes", "export", "attendance", "evidence"])
@pytest.mark.parametrize("given", ["9223372036854775808", "-1", "0", "1" * 5000])
def test_an_id_past_what_is_stored_is_bad_input(demo_db, tmp_path, capsys, command, given):
    out = tmp_path / "out.bin"
    with pytest.raises(SystemExit) as leaving:
        main(["--db", str(demo_db), command, given, "-o", str(out)])
    assert leaving.value.code == 2
    assert "is not an id" in capsys.readouterr().err
    assert not out.exists()


def test_a_duration_of_5000_digits_is_no_duration():
    from desktop.imports.reports import parse_minutes

    assert parse_minutes("9" * 5000 + ":00:00") is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize(
    "command",
    [
        ["import", "{input}"],
        ["roster", "{input}"],
        ["zoom", "1", "{input}"],
        ["restore", "{input}"],
    ],
    ids=["import", "roster", "zoom", "restore"],
)
@pytest.mark.parametrize("kind", ["pipe", "device", "folder"])
def test_what_is_not_a_regular_file_is_not_read(demo_db, tmp_path, capsys, command, kind):
    if kind == "pipe":
        given = tmp_path / "pipe"
        os.mkfifo(given)
    elif kind == "device":
        given = Path(os.devnull if os.name == "posix" else "NUL")
        given = Path("/dev/zero") if Path("/dev/zero").exists() else given
    else:
        given = tmp_path / "a-folder.json"
        given.mkdir()
    args = [part.replace("{input}", str(given)) for part in command]
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(["--db", str(demo_db), *args])))
    worker.daemon = True
    worker.start()
    worker.join(20)
    if worker.is_alive() and kind == "pipe":
        with open(given, "wb"):  # let the reader go, then fail the test
            pass
    assert result == [2], "refused at once, without reading"
    assert "fault" not in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_given_as_the_database_is_refused(tmp_path, capsys):
    pipe = tmp_path / "db-pipe"
    os.mkfifo(pipe)
    assert main(["--db", str(pipe), "meetings"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db-pipe"], "no lock or journal left"


def test_a_file_with_thousands_of_problems_lists_the_first_hundred(demo_db, tmp_path, capsys):
    data = _meeting_file(demo_db, tmp_path)
    data["meeting"]["attendance"] = [{"person": f"nobody-{n}"} for n in range(5000)]
    path = tmp_path / "many.meeting.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(demo_db), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "(5000 problems)" in err or "5000 problems" in err
    assert len(err.splitlines()) <= 102
    assert "… and 4900 more problems" in err


@pytest.mark.parametrize(
    "case",
    [
        ("database or disk is full", "The disk is full"),
        ("attempt to write a readonly database", "is read-only"),
    ],
)
def test_a_full_disk_or_a_read_only_database_is_said_as_such(
    demo_db, tmp_path, capsys, monkeypatch, case
):
    import sqlite3

    fault, said = case

    from desktop.core.operations import meeting_file

    exported = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(exported)]) == 0

    def refused_by_the_disk(*_args, **_kwargs):
        raise sqlite3.OperationalError(fault)

    monkeypatch.setattr(meeting_file, "_import_valid", refused_by_the_disk)
    before = _meetings(demo_db, capsys)
    assert main(["--db", str(demo_db), "import", str(exported)]) == 2
    err = capsys.readouterr().err
    assert said in err and "fault" not in err
    assert _meetings(demo_db, capsys) == before
    assert not Path(f"{demo_db}.lock").exists(), "no lock left behind"


def test_reading_a_database_that_cannot_be_written_opens_it_read_only(demo_db, capsys, monkeypatch):

    monkeypatch.setattr("desktop.core.db_file.read_only_place", lambda path: True)
    opened = []
    real_open = __import__("desktop.core.db", fromlist=["open_database"]).open_database

    def watched(path, **kwargs):
        opened.append(kwargs.get("readonly"))
        return real_open(path, **kwargs)

    monkeypatch.setattr("desktop.core.db.open_database", watched)
    assert len(_meetings(demo_db, capsys)) == 3
    assert opened == [True]
