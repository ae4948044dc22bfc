"""Untrusted CSV and XLSX files as plain rows of text, after the safety checks.

Zoom writes UTF-8 (with or without a BOM), Teams UTF-16 with tabs despite `.csv`,
Excel on a Thai Windows saves CSV as TIS-620 (cp874): the encoding and the delimiter
are decided from the bytes, never from the file name.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from desktop.core.errors import PrachumError
from desktop.core.input_files import read_capped
from desktop.core.thai import normalize_text
from desktop.imports.safety import (
    MAX_CELL_LENGTH,
    MAX_FILE_BYTES,
    check_row_count,
    check_xlsx,
    file_kind,
    refuse,
)

Row = list[str]


@dataclass
class Table:
    """All the rows of a file (the first sheet of a workbook), every cell as text."""

    name: str
    rows: list[Row]
    encoding: str


def read_table(path: Path | str) -> Table:
    """The rows of a CSV or XLSX file; refuses what is not one, or is dangerous."""
    path = Path(path)
    kind = file_kind(path)
    if kind == "xlsx":
        check_xlsx(path)
        return Table(path.name, _read_xlsx(path), "xlsx")
    data = read_capped(path, MAX_FILE_BYTES)
    text, encoding = decode(data, path.name)
    return Table(path.name, parse_csv_text(text, path.name), encoding)


def decode(data: bytes, file_name: str) -> tuple[str, str]:
    """Text from bytes: BOM first, then UTF-16 without BOM, UTF-8, and Thai Windows."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _not_text(file_name) from exc
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: the zero bytes sit on the odd (LE) or even (BE) side.
        odd_zeros = sample[1::2].count(0)
        encoding = "utf-16-le" if odd_zeros >= sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise _not_text(file_name) from exc
    if b"\x00" in sample:
        raise _not_text(file_name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError as exc:
        raise _not_text(file_name) from exc
    return text, "cp874"


def _not_text(file_name: str) -> PrachumError:
    return refuse(
        f"ไฟล์ {file_name} ไม่ใช่ไฟล์ CSV ที่อ่านได้",
        f"{file_name} is not a readable CSV (text) file.",
    )


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_count = ",", 0
    for candidate in ("\t", ",", ";"):
        count = sum(line.count(candidate) for line in lines)
        if count > best_count:
            best, best_count = candidate, count
    return best


def parse_csv_text(text: str, file_name: str) -> list[Row]:
    """Rows of a CSV text, cells normalised (NFC, Thai typing faults) and stripped."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[Row] = []
    try:
        for row in reader:
            rows.append([_cell(value) for value in row])
            check_row_count(len(rows), file_name)
    except csv.Error as exc:
        raise refuse(
            f"ไฟล์ {file_name} อ่านเป็น CSV ไม่ได้ (แถวที่ {reader.line_num})",
            f"{file_name} cannot be read as CSV (line {reader.line_num}: {exc}).",
        ) from exc
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if len(text) > MAX_CELL_LENGTH * 4:
        # Kept long enough for the caller to say which row and how long, not more.
        text = text[: MAX_CELL_LENGTH * 4]
    return normalize_text(text).strip()


def _read_xlsx(path: Path) -> list[Row]:
    """The first sheet's rows. A read-only workbook is parsed while it is iterated, so the
    whole reading is inside the guard: a truncated sheet, mismatched tags, a shared string
    that is not there, a column `ZZZZZ` or `abc` in a number cell is a refusal, not a
    fault. Opened from its bytes: openpyxl would refuse a workbook named `.csv`."""
    from openpyxl import load_workbook

    try:
        with path.open("rb") as handle:
            workbook = load_workbook(io.BytesIO(handle.read()), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                rows: list[Row] = []
                for values in sheet.iter_rows(values_only=True):
                    row = [_cell(v) for v in values]
                    while row and not row[-1]:
                        row.pop()
                    rows.append(row)
                    check_row_count(len(rows), path.name)
                return rows
            finally:
                workbook.close()
    except PrachumError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many kinds for damage
        raise refuse(
            f"ไฟล์ {path.name} เสียหาย อ่านเป็น XLSX ไม่ได้",
            f"{path.name} is damaged and cannot be read as XLSX ({type(exc).__name__}: {exc}).",
        ) from exc


def header_key(text: str) -> str:
    """A header cell as compared with the known names: case, spaces and marks folded."""
    # NFKC: full-width brackets and spaces (`名前（元の名前）`) as their plain forms.
    folded = unicodedata.normalize("NFKC", normalize_text(text)).casefold().replace("\ufeff", "")
    # Thai vowels and tone marks are combining marks (M*), not alphanumeric: keep them.
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LNM" or ch in "()")
