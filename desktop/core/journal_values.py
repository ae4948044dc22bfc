"""The values a journalled action carries, as JSON and back (desktop.core.journal).

Plain values (text, numbers, True/False, None, lists, text-keyed dicts) are JSON as they
are. Anything else is written as a one-key object whose key is a tag, so that reading it
back gives the same type the service expects, not a look-alike string or dict:
- dates and times: `{"$date": "2026-05-01"}`, `{"$datetime": ...}`, `{"$time": ...}`;
- enumerations: their value (a service takes the code as well as the member);
- the small row types the window hands to services (the vote of an item): the tag names
  the type, the object holds its fields, each itself encoded.

Only the types marked with `journal_row` can be read back: a journal file cannot make
the app build any other object. The mark is where the type is defined (a service module,
a floor above this one); the service that takes the type imports it, so naming the
service (as reading an entry does first) has marked it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

Row = TypeVar("Row", bound=type)

_ROW_TAGS: dict[type, str] = {}
"""Frozen dataclasses a service takes as a value, and their tags in the journal."""


def journal_row(tag: str) -> Callable[[Row], Row]:
    """Mark a frozen dataclass as a value the journal keeps, as `{"$tag": {fields}}`."""

    def mark(kind: Row) -> Row:
        params = getattr(kind, "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise TypeError(f"{kind.__name__} is not a frozen dataclass")
        _ROW_TAGS[kind] = "$" + tag
        _TAGS["$" + tag] = _row(kind)
        return kind

    return mark


def encoded(value: Any) -> Any:
    """`value` as JSON; TypeError for a value the journal cannot keep."""
    if isinstance(value, Enum):
        return encoded(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    tag = _ROW_TAGS.get(type(value))
    if tag is not None:
        return {tag: {f.name: encoded(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, list | tuple):
        return [encoded(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: encoded(item) for key, item in value.items()}
    raise TypeError(f"a {type(value).__name__} cannot be kept in the journal")


def _row(kind: type) -> Callable[[Any], Any]:
    names = {f.name for f in dataclasses.fields(kind)}

    def read(fields: Any) -> Any:
        if not isinstance(fields, dict) or not set(fields) <= names:
            raise ValueError(f"not the fields of a {kind.__name__}: {fields!r}")
        return kind(**{name: decoded(value) for name, value in fields.items()})

    return read


_TAGS: dict[str, Callable[[Any], Any]] = {
    "$datetime": datetime.fromisoformat,
    "$date": date.fromisoformat,
    "$time": time.fromisoformat,
}


def decoded(value: Any) -> Any:
    """The value `encoded` wrote (a tagged object as its type)."""
    if isinstance(value, list):
        return [decoded(item) for item in value]
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, inner),) = value.items()
            read = _TAGS.get(tag)
            if read is not None:
                return read(inner)
        return {key: decoded(item) for key, item in value.items()}
    return value
