"""Never overwrite silently: versions of the text people write, checked by the database.

A meeting's details, an agenda item (title, body, resolution, points) and an action carry
a `version` (models.Written). Every write of their text adds one to it in the same
UPDATE, with who stored it and when; whatever path writes (a window, the command line, an
import), the flush stamps it here, so no path can forget.

An edit from a window names the version its text was based on. The UPDATE that stores it
has `version = :based_on` in its WHERE: when another person has stored a change since,
no row matches and the database has refused it, atomically, with no read in between that
could race. Only then is the row read, to say what the other person stored:
- when the fields she edits still hold the text she started from (the other person
  changed another field of the row), her edit is stored at the newer version;
- otherwise `EditConflict` carries their text, who stored it and when, and the version
  to store hers at if she keeps it.

Choices (attendance, an action's done box, the order of items) carry no version: the
last one stored wins and nothing is refused.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, event, func, literal, select, update
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.attributes import get_history

from desktop.core.errors import PrachumError
from desktop.core.models import Action, AgendaItem, Meeting, Written
from desktop.core.thai import format_thai_time

WRITTEN_TEXT: dict[type, tuple[str, ...]] = {
    Meeting: (
        "title",
        "title_en",
        "platform",
        "venue",
        "recording",
        "online_link",
        "online_meeting_id",
        "online_passcode",
        "opening",
    ),
    AgendaItem: ("title", "body", "resolution"),
    Action: ("text",),
}
"""The columns of each versioned table that people write as text. Writing any of them
makes a new version; writing anything else (a date, a tick, the order) does not."""

NOT_KNOWN = 0
"""The version of an edit whose own version was never learnt (kept while the server was
away, stored later): no row is at it (versions start at 1), so the edit's UPDATE is
refused and it is stored only where the row still holds the text it started from."""

ATTEMPTS = 4
"""Tries of a versioned UPDATE while other people keep changing other fields of the row."""

Row = TypeVar("Row", bound=Written)

_NONE = object()
"""No value given (None is a value: an emptied field)."""


@dataclass(frozen=True)
class Stored:
    """What the row holds now, as the refusal's follow-up read it."""

    version: int
    who: str | None
    when: datetime | None
    values: dict[str, Any]


class EditConflict(PrachumError):
    """Her edit was based on text another person has changed since; nothing was stored.

    `theirs` is what they stored (field → value; the points as a list of lines),
    `version` the version to store hers at if she keeps it over theirs.
    """

    def __init__(self, stored: Stored):
        self.theirs = dict(stored.values)
        self.who = stored.who or ""
        self.when = stored.when
        self.version = stored.version
        at = f" {format_thai_time(stored.when.time())}" if stored.when else ""
        at_en = f" at {stored.when:%H.%M}" if stored.when else ""
        super().__init__(
            f"{self.who or 'ผู้อื่น'} แก้ไขข้อความนี้แล้ว{at} ข้อความของคุณยังไม่ได้บันทึก",
            f"{self.who or 'Someone else'} changed this text{at_en}; yours is not stored yet.",
        )


def operating_system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor the password file
        return ""


def who_writes(session: Session) -> ColumnElement[str]:
    """The database user on a server (the server says, no client can pretend otherwise);
    the operating-system user on a file, where the database has no users."""
    if session.get_bind().dialect.name == "postgresql":
        return func.current_user()
    return literal(operating_system_user())


def written_when(session: Session) -> ColumnElement[datetime]:
    """The database's clock in local time, as she reads a clock (on a file, this PC's)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.localtimestamp()
    return func.datetime("now", "localtime")


def stamp(session: Session, model: type[Written]) -> dict[str, Any]:
    """The values that make a write of text a new version: one more, who, when."""
    return {
        "version": model.version + 1,
        "last_changed_by": who_writes(session),
        "last_changed_at": written_when(session),
    }


def stamp_row(session: Session, row: Written) -> None:
    """Make the row's next UPDATE a new version (its text is written beside it)."""
    if get_history(row, "version").has_changes():
        return  # already stamped in this flush, or by a versioned UPDATE of the caller
    for key, value in stamp(session, type(row)).items():
        setattr(row, key, value)


@event.listens_for(Session, "before_flush")
def _stamp_written_text(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """Every ORM write of text (the command line, an import, a form) makes a version."""
    for row in session.dirty:
        columns = WRITTEN_TEXT.get(type(row))
        if (
            columns
            and isinstance(row, Written)
            and any(get_history(row, name).has_changes() for name in columns)
        ):
            stamp_row(session, row)


def store_versioned(
    session: Session,
    model: type[Row],
    ident: int,
    values: dict[str, Any],
    *,
    guard: ColumnElement[bool],
    version: int | None,
    base: dict[str, Any] | None = None,
    read_stored: Callable[[Session, int], Stored | None] | None = None,
    execution_options: dict[str, Any] | None = None,
) -> Row | None:
    """One UPDATE … RETURNING of `values` into row `ident`, a new version of it, while
    `guard` holds (its meeting is a draft) and, when `version` is given, only if the row
    is still at that version. None when no row matched but for the version (missing, or
    `guard` refused: the caller says which).

    Refused for its version: when what the row holds of `values`' fields is what she
    started from (`base`) or already what she stores, the edit is stored at the row's
    version now (another field had changed); otherwise EditConflict with their text.
    """
    read = read_stored or (lambda s, i: read_written(s, model, i, list(values), guard))
    stored: Stored | None = None
    for _attempt in range(ATTEMPTS):
        where = [model.id == ident, guard]  # type: ignore[attr-defined]  # every model given has an id
        if version is not None:
            where.append(model.version == version)
        statement = (
            update(model)
            .where(*where)
            .values({**values, **stamp(session, model)})
            .returning(model)
            .execution_options(
                synchronize_session=False, populate_existing=True, **(execution_options or {})
            )
        )
        row = session.scalars(statement).one_or_none()
        if row is not None or version is None:
            return row
        stored = read(session, ident)
        if stored is None:
            return None
        started_from = base or {}
        unchanged = all(
            value in (values.get(name, _NONE), started_from.get(name, _NONE))
            for name, value in stored.values.items()
        )
        if not unchanged:
            raise EditConflict(stored)
        version = stored.version
    # Others kept changing the row faster than she could store: say so, rather than loop.
    raise EditConflict(stored)  # type: ignore[arg-type]  # the loop ran, so it read a row


def read_written(
    session: Session,
    model: type[Written],
    ident: int,
    fields: list[str],
    guard: ColumnElement[bool],
) -> Stored | None:
    """The row's version, who wrote it last and when, and `fields` as it holds them."""
    columns = [getattr(model, name) for name in fields]
    row = session.execute(
        select(model.version, model.last_changed_by, model.last_changed_at, *columns).where(
            model.id == ident,  # type: ignore[attr-defined]  # every model given has an id
            guard,
        )
    ).one_or_none()
    if row is None:
        return None
    return Stored(row[0], row[1], row[2], dict(zip(fields, row[3:], strict=True)))
