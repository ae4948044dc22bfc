"""What every service needs: fetching by id, cleaning text, checking enum codes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.core.errors import NotFound, PrachumError
from desktop.core.thai import normalize_optional, parse_date, parse_time

# Stored dates are Gregorian; a year past this one was almost surely typed in the BE.
BE_YEAR_THRESHOLD = 2400

T = TypeVar("T")

_LABELS_TH = {
    "Organization": "หน่วยงาน",
    "Network": "เครือข่าย",
    "Person": "บุคคล",
    "Meeting": "การประชุม",
    "Attendance": "รายชื่อผู้ประชุม",
    "AgendaItem": "ระเบียบวาระ",
    "Action": "งานที่ต้องติดตาม",
    "AgendaTemplate": "แม่แบบระเบียบวาระ",
}


def get(session: Session, model: type[T], ident: int | None) -> T:
    """The row with this id, or a NotFound that names what was looked for."""
    row = session.get(model, ident) if ident is not None else None
    if row is None:
        name = model.__name__
        raise NotFound(
            f"ไม่พบ{_LABELS_TH.get(name, name)} รหัส {ident}",
            f"No {name.lower()} with id {ident}.",
        )
    return row


def clean(text: str | None) -> str | None:
    """Normalised Thai text; blank becomes None."""
    return normalize_optional(text)


def required(text: str | None, thai_label: str, english_label: str, max_length: int) -> str:
    """Normalised text that must be present and not absurdly long."""
    value = clean(text)
    if not value:
        raise PrachumError(f"กรุณากรอก{thai_label}", f"{english_label} is required.")
    if len(value) > max_length:
        raise PrachumError(
            f"{thai_label}ยาวเกิน {max_length} ตัวอักษร",
            f"{english_label} is longer than {max_length} characters.",
        )
    return value


def optional_text(
    text: str | None, thai_label: str, english_label: str, max_length: int
) -> str | None:
    value = clean(text)
    if value is not None and len(value) > max_length:
        raise PrachumError(
            f"{thai_label}ยาวเกิน {max_length} ตัวอักษร",
            f"{english_label} is longer than {max_length} characters.",
        )
    return value


def choice(value: str | None, allowed: tuple[str, ...], label: str, default: str) -> str:
    """An enum code from `allowed`; None gives the default."""
    if value is None or value == "":
        return default
    if value not in allowed:
        raise PrachumError(
            f"ค่า {label} ไม่ถูกต้อง: {value!r} (ใช้ได้: {', '.join(allowed)})",
            f"Invalid {label}: {value!r} (allowed: {', '.join(allowed)}).",
        )
    return value


def as_date(value: date | str | None, label: str = "date") -> date | None:
    """A date from a date, an ISO string, or a Thai day-first string."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        parsed = value
    else:
        try:
            parsed = parse_date(value)
        except ValueError as exc:
            raise PrachumError(
                f"วันที่ไม่ถูกต้อง: {value!r}", f"Invalid {label}: {value!r} (use 2024-02-14)."
            ) from exc
    if parsed.year > BE_YEAR_THRESHOLD:
        raise PrachumError(
            f"ปี {parsed.year} น่าจะเป็นปีพุทธศักราช กรุณาใช้ปีคริสต์ศักราช ({parsed.year - 543})",
            f"{label}: the year {parsed.year} looks like a Buddhist Era year; use {parsed.year - 543}.",
        )
    return parsed


def as_time(value: time | str | None, label: str = "time") -> time | None:
    """A time from a time or text such as `09:30` or `09.30 น.`."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    try:
        return parse_time(value)
    except ValueError as exc:
        raise PrachumError(
            f"เวลาไม่ถูกต้อง: {value!r}", f"Invalid {label}: {value!r} (use 09:30)."
        ) from exc


def no_unknown_fields(names: Iterable[str]) -> None:
    """Refuse field names a service does not know: a typo must not be silently dropped."""
    unknown = sorted(names)
    if unknown:
        listed = ", ".join(unknown)
        raise PrachumError(f"ไม่รู้จักช่องข้อมูล: {listed}", f"Unknown fields: {listed}.")
