"""The command line is a public interface: names, output and exit codes are kept."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main, window_arguments

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo_db(db_arg):
    """The demo network, in a file or on a server: what `--db` is given."""
    assert main(["--db", db_arg, "demo"]) == 0
    return db_arg


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def test_demo_fills_an_empty_database_and_refuses_twice(demo_db, capsys):
    assert main(["--db", str(demo_db), "demo"]) == 2
    assert "already" in capsys.readouterr().err


def test_meetings_lists_id_be_date_number_and_title(demo_db, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_db), "meetings"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["3", "21 ส.ค. 2567", "3", "การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"]
    assert len(lines) == 3


def test_export_and_import_through_the_command_line(demo_db, tmp_path, capsys):
    out = tmp_path / "m.meeting.json"
    assert main(["--db", str(demo_db), "export", "1", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meeting"]["number"] == 1
    capsys.readouterr()
    assert main(["--db", str(demo_db), "import", str(out)]) == 0
    assert capsys.readouterr().out.strip() == "4"


def test_a_broken_meeting_file_exits_2_with_the_path_of_the_problem(demo_db, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "prachum.meeting",
                "version": 1,
                "organizations": [],
                "people": [],
                "meeting": {"title": "x", "date": "2024-02-30"},
            }
        )
    )
    assert main(["--db", str(demo_db), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "meeting.date: '2024-02-30' is not a real date" in err
    main(["--db", str(demo_db), "meetings"])
    assert len(capsys.readouterr().out.splitlines()) == 3, "nothing was imported"


def test_errors_speak_thai_on_request(demo_db, capsys):
    assert main(["--db", str(demo_db), "--lang", "th", "export", "99", "-o", "x.json"]) == 2
    assert "ไม่พบการประชุม รหัส 99" in capsys.readouterr().err


def test_search_prints_where_it_matched(demo_db, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_db), "search", "ร่างบันทึก"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True), "newest first"
    first = next(r for r in rows if r[0] == "1")
    assert first[1] == "14 ก.พ. 2567"
    assert first[4].startswith("ระเบียบวาระที่ 4.1 ร่างบันทึกข้อตกลง")
    assert "ร่างบันทึก" in first[5]


def test_search_with_no_match_says_so(demo_db, capsys):
    assert main(["--db", str(demo_db), "search", "ไม่มีคำนี้"]) == 0
    assert "no match" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2


def test_an_unexpected_fault_exits_1_without_a_traceback_unless_debugging(
    tmp_path, capsys, monkeypatch
):
    from desktop.core import services

    def explode(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "list_meetings", explode)
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "meetings"]) == 1
    err = capsys.readouterr().err
    assert "disk on fire" in err and "Traceback" not in err
    assert main(["--db", db, "--debug", "meetings"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_a_damaged_database_exits_2_and_is_left_alone(tmp_path, capsys):
    path = tmp_path / "broken.db"
    path.write_bytes(b"not a database at all" * 20)
    assert main(["--db", str(path), "meetings"]) == 2
    assert "not a database" in capsys.readouterr().err
    assert path.read_bytes() == b"not a database at all" * 20


def test_backup_and_restore(demo_file, tmp_path, capsys):
    demo_db = demo_file
    copy = tmp_path / "copy.db"
    assert main(["--db", str(demo_db), "backup", "-o", str(copy)]) == 0
    assert main(["--db", str(demo_db), "import", "/nonexistent.json"]) == 2
    # Change the database, then restore the backup over it.
    out = tmp_path / "m.json"
    main(["--db", str(demo_db), "export", "1", "-o", str(out)])
    main(["--db", str(demo_db), "import", str(out)])
    capsys.readouterr()
    assert main(["--db", str(demo_db), "restore", str(copy)]) == 0
    assert "previous database is kept" in capsys.readouterr().out
    main(["--db", str(demo_db), "meetings"])
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_the_command_line_does_not_load_qt(tmp_path):
    code = (
        "import sys; from desktop.cli import main; "
        "assert main(['--db', sys.argv[1], 'demo']) == 0; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "no-qt.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--db", "x.db"], True),
        (["--db=x.db", "--lang", "th", "--debug"], True),
        (["meetings"], False),
        (["--db", "x.db", "meetings"], False),
        (["--help"], False),
        (["--db"], False),  # a mistake: the full parser explains it
        (["--lang", "xx"], False),
        (["--d", "x.db"], False),  # ambiguous between --db and --debug
    ],
)
def test_only_a_plain_start_of_the_window_skips_the_full_parser(argv, window, capsys):
    args = window_arguments(argv)
    assert (args is not None) == window
    if window:
        assert args.command is None
    assert capsys.readouterr() == ("", ""), "a mistake is told once, by the full parser"
