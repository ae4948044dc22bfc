"""Finding a table's header and its columns by name, whatever the language or case.

Zoom and Teams write headers in the account's language and change their case between
versions; a roster's columns are whatever the office typed. So columns are matched by
known names (folded by sheets.header_key), never by position; a column whose name is
unknown may still be recognised by the shape of its values (dates, e-mail addresses).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop.imports.sheets import Row, header_key


@dataclass
class Header:
    """Where a table starts, and which column holds which field."""

    row: int
    columns: dict[str, int]

    def get(self, values: Row, name: str) -> str:
        index = self.columns.get(name)
        if index is None or index >= len(values):
            return ""
        return values[index]

    def has(self, name: str) -> bool:
        return name in self.columns


@lru_cache(maxsize=256)
def _keys(names: tuple[str, ...]) -> frozenset[str]:
    # The known names are constants: normalise them once, not on every row looked at.
    return frozenset(header_key(n) for n in names)


def match_columns(values: Row, aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Which of the fields a row's cells name, first cell winning for a field."""
    keys = {field: _keys(names) for field, names in aliases.items()}
    found: dict[str, int] = {}
    for index, cell in enumerate(values):
        key = header_key(cell)
        if not key:
            continue
        for field, known in keys.items():
            if field not in found and key in known:
                found[field] = index
                break
    return found


def find_headers(
    rows: list[Row],
    aliases: dict[str, tuple[str, ...]],
    required: set[str],
    *,
    at_least: int = 2,
) -> list[Header]:
    """Every row that names all `required` fields and `at_least` known ones in all."""
    headers = []
    for number, values in enumerate(rows):
        if len([v for v in values if v]) < at_least:
            continue
        columns = match_columns(values, aliases)
        if required <= columns.keys() and len(columns) >= at_least:
            headers.append(Header(number, columns))
    return headers


def table_rows(rows: list[Row], header: Header, stop_at_blank: bool = True) -> list[Row]:
    """The rows under a header, up to the first blank row (or the end)."""
    body = []
    for values in rows[header.row + 1 :]:
        if not any(v.strip() for v in values):
            if stop_at_blank:
                break
            continue
        body.append(values)
    return body


def looks_like_email(value: str) -> bool:
    return "@" in value and "." in value.rsplit("@", 1)[-1] and " " not in value.strip()
