"""Checks on files that come from outside, made before anything parses them.

Reports and rosters are downloaded from portals or mailed in; a damaged or hostile
file must be refused with a message a secretary can act on, and nothing changed.
Every check here runs before openpyxl sees an XLSX: openpyxl reads worksheets through
defusedxml, but with lxml installed (python-docx brings it) it reads the workbook,
styles and shared strings through lxml with only entity resolution turned off, which
still accepts a DTD. So every XML part of the zip is read here first, with defusedxml,
up to its root element, and a DTD or an entity anywhere before it refuses the file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from desktop.core.errors import PrachumError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# Spreadsheet XML compresses well (10-30x); a zip bomb compresses thousands of times.
MAX_COMPRESSION_RATIO = 200
MAX_ZIP_MEMBERS = 5_000
MAX_ROWS = 50_000
MAX_NAME_LENGTH = 300
MAX_CELL_LENGTH = 5_000

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and other Office 97 files
_SIGNATURES = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"Rar!": "RAR",
    b"\x1f\x8b": "gzip",
    b"7z\xbc\xaf": "7-Zip",
    b"MZ": "program",
    b"\x7fELF": "program",
}


def refuse(thai: str, english: str) -> PrachumError:
    return PrachumError(thai, english)


def file_kind(path: Path) -> str:
    """`csv` or `xlsx`, decided by the bytes (the name may lie); refuses anything else."""
    from desktop.core.input_files import not_regular

    path = Path(path)
    if not path.exists():
        raise refuse(f"ไม่พบไฟล์ {path.name}", f"The file {path.name} does not exist.")
    if not path.is_file():  # a folder, a device or a pipe: never opened
        raise not_regular(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise refuse(
            f"ไฟล์ {path.name} ใหญ่เกิน 20 MB ({size / 1e6:.1f} MB) จะไม่เปิด",
            f"{path.name} is larger than 20 MB ({size / 1e6:.1f} MB); it is not opened.",
        )
    if size == 0:
        raise refuse(f"ไฟล์ {path.name} ว่างเปล่า", f"{path.name} is empty.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        raise refuse(
            f"ไฟล์ {path.name} เป็น Excel รุ่นเก่า (.xls) กรุณาบันทึกเป็น .xlsx หรือ .csv ก่อน",
            f"{path.name} is an old Excel (.xls) file; save it as .xlsx or .csv first.",
        )
    for magic, name in _SIGNATURES.items():
        if head.startswith(magic):
            raise refuse(
                f"ไฟล์ {path.name} เป็นไฟล์ {name} ไม่ใช่ CSV หรือ XLSX",
                f"{path.name} is a {name} file, not a CSV or XLSX.",
            )
    return "csv"


def check_xlsx(path: Path) -> None:
    """Refuse a zip that is not a workbook, is too big unpacked, or carries a DTD."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, NotImplementedError, OSError) as exc:
        raise refuse(
            f"ไฟล์ {path.name} เสียหาย เปิดเป็น XLSX ไม่ได้",
            f"{path.name} is damaged and cannot be read as XLSX ({exc}).",
        ) from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise refuse(
                f"ไฟล์ {path.name} มีส่วนประกอบมากผิดปกติ ({len(members)}) จะไม่เปิด",
                f"{path.name} has an absurd number of parts ({len(members)}); not opened.",
            )
        names = {m.filename for m in members}
        if "[Content_Types].xml" not in names or not any(
            n.startswith("xl/worksheets/") for n in names
        ):
            raise refuse(
                f"ไฟล์ {path.name} ไม่ใช่สมุดงาน Excel (.xlsx)",
                f"{path.name} is a zip file but not an Excel workbook (.xlsx).",
            )
        unpacked = sum(m.file_size for m in members)
        packed = sum(m.compress_size for m in members)
        if unpacked > MAX_UNCOMPRESSED_BYTES:
            raise refuse(
                f"ไฟล์ {path.name} เมื่อคลายออกจะใหญ่เกิน 200 MB ({unpacked / 1e6:.0f} MB) จะไม่เปิด",
                f"{path.name} unpacks to more than 200 MB ({unpacked / 1e6:.0f} MB); not opened.",
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > 1_000_000 and ratio > MAX_COMPRESSION_RATIO:
                raise refuse(
                    f"ไฟล์ {path.name} มีส่วนที่บีบอัดไว้ผิดปกติ ({ratio:.0f} เท่า) อาจเป็นไฟล์อันตราย",
                    f"{path.name} has a part compressed {ratio:.0f} times: a zip bomb, not opened.",
                )
        if packed and unpacked / packed > MAX_COMPRESSION_RATIO and unpacked > 1_000_000:
            raise refuse(
                f"ไฟล์ {path.name} บีบอัดไว้ผิดปกติ อาจเป็นไฟล์อันตราย",
                f"{path.name} is compressed {unpacked / packed:.0f} times: a zip bomb, not opened.",
            )
        _check_xml_prologs(archive, members, path.name)


def _check_xml_prologs(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], file_name: str
) -> None:
    try:
        for member in members:
            if member.filename.endswith((".xml", ".rels", ".vml")):
                _check_xml_prolog(archive, member, file_name)
    except (NotImplementedError, zipfile.BadZipFile, EOFError) as exc:
        # A damaged header can ask for a zip feature Python lacks ("zip file version
        # 6.4", an unknown compression): damaged, as any other broken zip.
        raise refuse(
            f"ไฟล์ {file_name} เสียหาย เปิดเป็น XLSX ไม่ได้",
            f"{file_name} is damaged and cannot be read as XLSX ({exc}).",
        ) from exc


class _RootReached(Exception):
    """The parser met the root element: the prolog, where a DTD would be, was clean."""


class _StopAtRoot:
    def start(self, tag: str, attrs: dict[str, str]) -> None:
        raise _RootReached

    def end(self, tag: str) -> None:
        return None

    def data(self, text: str) -> None:
        return None

    def close(self) -> None:
        return None


def _check_xml_prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo, file_name: str) -> None:
    parser = DefusedXMLParser(
        target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        with archive.open(member) as stream:
            # A DTD can only come before the root element; 64 KB of prolog is already absurd.
            for _ in range(16):
                chunk = stream.read(4096)
                if not chunk:
                    break
                parser.feed(chunk)
    except _RootReached:
        return
    except DefusedXmlException as exc:
        raise refuse(
            f"ไฟล์ {file_name} มีการประกาศ XML ที่ไม่ปลอดภัย (DTD/entity) จะไม่เปิด",
            f"{file_name} declares XML entities or a DTD in {member.filename}; not opened.",
        ) from exc
    except Exception as exc:  # expat errors, damaged deflate streams
        raise refuse(
            f"ไฟล์ {file_name} เสียหาย อ่านส่วน {member.filename} ไม่ได้",
            f"{file_name} is damaged: {member.filename} cannot be read ({exc}).",
        ) from exc


def check_cell(value: str, what: str, row_number: int) -> str:
    """Refuse an absurd cell (a 10,000-character name is an attack or a broken file)."""
    limit = MAX_NAME_LENGTH if what == "name" else MAX_CELL_LENGTH
    if len(value) > limit:
        raise refuse(
            f"แถวที่ {row_number}: {'ชื่อ' if what == 'name' else 'ข้อมูล'}ยาวผิดปกติ "
            f"({len(value):,} ตัวอักษร) จะไม่นำเข้าไฟล์นี้",
            f"Row {row_number}: a {what} of {len(value):,} characters is absurd; "
            "the file is not imported.",
        )
    return value


def check_row_count(count: int, file_name: str) -> None:
    if count > MAX_ROWS:
        raise refuse(
            f"ไฟล์ {file_name} มีมากกว่า {MAX_ROWS:,} แถว จะไม่นำเข้า",
            f"{file_name} has more than {MAX_ROWS:,} rows; not imported.",
        )
