"""Windows' file rules, where they differ from Linux, tested here by simulation.

What cannot happen on Linux is made to happen: os.replace failing with Windows' sharing
violation, the Windows data folder chosen from %LOCALAPPDATA%. The rest is real: names
and paths are checked by the same functions on every system, and the data folder under
a Thai user name is a real folder with a real database, lock, backups and log in it.
"""

import unicodedata
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import atomic, file_names
from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError
from desktop.core.file_names import check_new_file, mend_file_name, proposed_path
from desktop.ui.exporting import names


def _held_by_another_program(winerror: int):
    """os.replace as Windows does it when Word, Excel or a PDF reader has the target open."""

    def replace(_source, target):
        error = PermissionError(13, "The process cannot access the file", str(target))
        error.winerror = winerror
        raise error

    return replace


@pytest.mark.parametrize("winerror", [32, 33])
def test_a_file_open_in_another_program_is_named_and_left_as_it_was(
    tmp_path, monkeypatch, winerror
):
    target = tmp_path / "รายงานการประชุม.docx"
    target.write_bytes(b"the copy she has open in Word")
    monkeypatch.setattr(atomic.os, "replace", _held_by_another_program(winerror))
    with pytest.raises(PrachumError) as refused:
        write_atomically(target, lambda temporary: temporary.write_bytes(b"new minutes"))
    english, thai = refused.value.message("en"), refused.value.message("th")
    assert "open in another program" in english
    assert all(program in english for program in ("Word", "Excel", "PDF reader"))
    assert "Close it in that program" in english
    assert "เปิดอยู่ในโปรแกรมอื่น" in thai and "ปิดไฟล์ในโปรแกรมนั้น" in thai
    assert target.read_bytes() == b"the copy she has open in Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_access_denied_on_windows_names_the_programs_and_the_permission(tmp_path, monkeypatch):
    target = tmp_path / "attendance.xlsx"
    monkeypatch.setattr(atomic.os, "replace", _held_by_another_program(5))
    with pytest.raises(PrachumError) as refused:
        write_atomically(target, lambda temporary: temporary.write_bytes(b"x"))
    english = refused.value.message("en")
    assert "Word, Excel" in english and "cannot be written to" in english
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_says_so_with_exit_code_2(tmp_path, monkeypatch, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    monkeypatch.setattr(atomic.os, "replace", _held_by_another_program(32))
    out = tmp_path / "minutes.docx"
    assert main(["--db", str(db), "minutes", "1", "-o", str(out)]) == 2
    assert "Word, Excel or a PDF reader" in capsys.readouterr().err
    assert not out.exists()


# --- names the app proposes are mended -------------------------------------------------


@pytest.mark.parametrize(
    ("proposed", "mended"),
    [
        ('เครือข่าย: "ลุ่มน้ำ" <ปิง>|วัง?*.xlsx', "เครือข่าย- -ลุ่มน้ำ- -ปิง-วัง.xlsx"),
        ("a/b\\c.docx", "a-b-c.docx"),
        ("CON.docx", "_CON.docx"),
        ("nul.meeting.json", "_nul.meeting.json"),
        ("Com1 .xlsx", "_Com1.xlsx"),
        ("LPT9", "_LPT9"),
        ("รายงาน. .docx", "รายงาน.docx"),
        ("\x00\x1f.docx", "prachum.docx"),
    ],
)
def test_names_the_app_proposes_are_mended(proposed, mended):
    assert mend_file_name(proposed) == mended
    check_new_file(Path(mended), windows=True)  # and what is proposed is accepted


def test_a_long_thai_name_is_shortened_to_fit_and_keeps_its_suffix_and_marks():
    network = "เครือข่ายองค์กรปกครองส่วนท้องถิ่นเพื่อการพัฒนาที่ยั่งยืนลุ่มน้ำเจ้าพระยาตอนบน" * 3
    name = names.summary_name(network, None, None)
    assert name.endswith(".xlsx") and name.startswith("สรุปการเข้าประชุม-เครือข่าย")
    assert len(name.encode("utf-8")) <= 255  # 85 Thai letters: 120 would not be
    stem = name.removesuffix(".xlsx")
    assert unicodedata.category(stem[-1]) != "Mn"  # no vowel or tone mark cut from its letter
    check_new_file(Path(name), windows=True)


def test_the_proposed_path_fits_windows_limit_in_a_deep_folder(tmp_path):
    folder = tmp_path / ("โฟลเดอร์ของสำนักปลัด" * 9)[:200]
    assert len(str(folder)) < 259
    path = proposed_path(folder, names.minutes_name(3, names.date(2024, 8, 21)), windows=True)
    assert len(str(path)) <= 259
    assert path.suffix == ".docx" and path.parent == folder
    check_new_file(path, windows=True)
    assert proposed_path(folder, "รายงานการประชุม.docx", windows=False).name == (
        "รายงานการประชุม.docx"
    )


# --- names she types are refused with the reason ---------------------------------------


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("minutes:final.docx", "Windows does not allow"),
        ("รายงาน?.docx", "?"),
        ('a"b".xlsx', "Windows does not allow"),
        ("CON.docx", "Windows keeps CON for a device"),
        ("aux", "Windows keeps aux for a device"),
        ("com7.meeting.json", "Windows keeps com7"),
        ("รายงาน.", "ends with a dot or a space"),
        ("รายงาน.docx ", "ends with a dot or a space"),
        ("ก" * 86 + ".docx", "too long"),
    ],
)
def test_a_typed_name_windows_cannot_hold_is_refused_with_the_reason(tmp_path, typed, reason):
    with pytest.raises(PrachumError) as refused:
        write_atomically(tmp_path / typed, lambda temporary: temporary.write_bytes(b"x"))
    assert reason in refused.value.message("en")
    assert refused.value.message("th") != refused.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_refuses_a_reserved_name_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    before = sorted(tmp_path.iterdir())
    assert main(["--db", str(db), "attendance", "1", "-o", str(tmp_path / "PRN.xlsx")]) == 2
    assert "Windows keeps PRN for a device" in capsys.readouterr().err
    assert main(["--db", str(db), "backup", "-o", str(tmp_path / "copy|2567.db")]) == 2
    assert sorted(tmp_path.iterdir()) == before


def test_a_path_over_259_characters_is_refused_on_windows_only(tmp_path):
    folder = tmp_path.joinpath(*[letter * 60 for letter in "กขคง"])
    if not file_names.on_windows():  # Windows itself may refuse to make it
        folder.mkdir(parents=True)
    target = folder / "รายงานการประชุม.docx"
    assert len(str(target)) > 259
    with pytest.raises(PrachumError) as refused:
        check_new_file(target, windows=True)
    assert "259" in refused.value.message("en") and "Word" in refused.value.message("en")
    check_new_file(target, windows=False)  # Linux takes 4,096
    if not file_names.on_windows():
        assert write_atomically(target, lambda t: t.write_bytes(b"x")).read_bytes() == b"x"


# --- the data folder, the lock and the backups under %LOCALAPPDATA% -----------------------


def test_data_lock_backups_and_log_live_under_localappdata_of_a_thai_user(tmp_path, monkeypatch):
    from desktop.core.db import open_database
    from desktop.core.db_file import data_folder, default_db_path
    from desktop.core.lock import lock_for_writing
    from desktop.core.operations.backups import list_backups, rotate_backups
    from desktop.ui.base.errors import default_log_path

    profile = tmp_path / "Users" / "สมหญิง ใจดี"
    local = profile / "AppData" / "Local"
    home = tmp_path / "elsewhere"
    home.mkdir()
    monkeypatch.setattr(file_names, "on_windows", lambda: True)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)

    assert data_folder() == local / "Prachum"
    db_path = default_db_path()
    assert db_path == local / "Prachum" / "prachum.db"
    with lock_for_writing(db_path):
        database = open_database(db_path)
        try:
            assert main(["--db", str(db_path), "meetings"]) == 0
            made = rotate_backups(database)
        finally:
            database.close()
        held = {p.name for p in db_path.parent.iterdir()}
        assert any(name.startswith("prachum.db") and "lock" in name for name in held)
    log = default_log_path()
    log.write_text("ทดสอบ", encoding="utf-8")
    assert made is not None and list_backups(db_path) == [made]
    created = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert created and all(local / "Prachum" in p.parents for p in created)
    assert list(home.iterdir()) == []  # nothing in her profile's top folder
