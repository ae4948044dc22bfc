"""Files from outside: every refusal says why, and nothing is changed."""

from __future__ import annotations

import struct
import zipfile

import pytest
from report_files import ZOOM_CLASSIC, write_text, write_xlsx

from desktop.cli import main
from desktop.core.errors import PrachumError
from desktop.imports.report_cli import read_report
from desktop.imports.roster import run_roster_import


def small_workbook(path):
    return write_xlsx(path, [["ชื่อ-นามสกุล", "ตำแหน่ง"], ["นางสาวมาลี บุญมา", "ปลัดเทศบาล"]])


def rewrite_zip(path, replace=None, add=None):
    """The same workbook with one part replaced or one added."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.update(replace or {})
    parts.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def declare_size(path, member: str, size: int):
    """Patch the central directory so that a part claims to unpack to `size` bytes."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    start = data.find(b"PK\x01\x02")
    while start >= 0:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == name:
            struct.pack_into("<I", data, start + 24, size)
            break
        start = data.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(data))
    return path


def test_a_pdf_named_csv_is_refused(tmp_path):
    path = tmp_path / "participants.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(PrachumError, match="PDF file, not a CSV or XLSX"):
        read_report(path)


def test_an_old_excel_file_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "roster.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(PrachumError, match=r"save it as \.xlsx"):
        read_report(path)


def test_binary_bytes_are_not_a_csv(tmp_path):
    path = tmp_path / "report.csv"
    path.write_bytes(bytes(range(1, 40)) + b"\x00\x01\x02" + bytes(range(200, 256)))
    with pytest.raises(PrachumError, match="not a readable CSV"):
        read_report(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(PrachumError, match="not an Excel workbook"):
        read_report(path)


def test_a_csv_without_a_recognisable_header_is_refused(tmp_path):
    path = write_text(tmp_path / "notes.csv", "วันนี้,ประชุม,เรื่อง\nอื่น ๆ,ไม่มี,อะไร\n")
    with pytest.raises(PrachumError, match="no participant report or sign-in Prachum knows"):
        read_report(path)
    with pytest.raises(PrachumError, match="No roster header"):
        run_roster_import(None, path, network_name=None, apply=False)


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(PrachumError, match="larger than 20 MB"):
        read_report(path)


def test_a_workbook_that_unpacks_to_over_200_mb_is_refused(tmp_path):
    path = small_workbook(tmp_path / "roster.xlsx")
    declare_size(path, "xl/worksheets/sheet1.xml", 250 * 1024 * 1024)
    with pytest.raises(PrachumError, match="more than 200 MB"):
        run_roster_import(None, path, network_name=None, apply=False)


def test_a_zip_bomb_part_is_refused(tmp_path):
    path = small_workbook(tmp_path / "roster.xlsx")
    rewrite_zip(path, add={"xl/media/padding.bin": b"\x00" * (5 * 1024 * 1024)})
    with pytest.raises(PrachumError, match="zip bomb"):
        run_roster_import(None, path, network_name=None, apply=False)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_xml_entities_in_a_workbook_are_refused(tmp_path, part):
    path = small_workbook(tmp_path / "roster.xlsx")
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheets>&lol2;</sheets></workbook>"
    )
    rewrite_zip(path, replace={part: laughs})
    with pytest.raises(PrachumError, match="declares XML entities or a DTD"):
        run_roster_import(None, path, network_name=None, apply=False)


def test_a_10000_character_name_in_a_report_is_refused(tmp_path):
    text = ZOOM_CLASSIC.replace("มาลี บุญมา,malee", "ก" * 10_000 + ",malee")
    with pytest.raises(PrachumError, match="10,000 characters is absurd"):
        read_report(write_text(tmp_path / "p.csv", text))


def test_a_10000_character_name_in_a_roster_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "roster.xlsx", [["ชื่อ-นามสกุล"], ["ข" * 10_000]])
    with pytest.raises(PrachumError, match="absurd"):
        run_roster_import(None, path, network_name=None, apply=False)


def test_the_commands_exit_2_on_a_refused_file_and_change_nothing(
    db_arg, session, network, tmp_path, capsys
):
    session.commit()
    path = tmp_path / "participants.csv"
    path.write_bytes(b"%PDF-1.7\n")
    db_args = ["--db", db_arg]
    assert main([*db_args, "zoom", str(network.meeting_id), str(path)]) == 2
    assert "not a CSV or XLSX" in capsys.readouterr().err
    assert main([*db_args, "roster", str(path), "--apply"]) == 2
