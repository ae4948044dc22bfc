"""What she did while the server could not be reached, kept on her own disk until it is back.

On a shared database the window's edits go to a server over the office's network, and
the network drops: in the middle of a Zoom meeting, or when the laptop changes rooms.
Her work must not wait for it, and must survive the window being closed, a crash or a
dead battery before the server is back. So each edit that could not be sent is written
to a journal file in her data folder at once (written beside, flushed to the disk, then
moved into place: the file is always either the old list or the new one, never half),
and stored on the server, in order, when it answers again.

The journal holds the user's actions, not SQL: the name of a service function (one
function per user action, shared by the window and the command line) and its arguments,
as JSON. A replay calls the same function an online edit calls, so every rule, every
trigger and every check applies to it as it would have then; an edit the database now
refuses (the meeting was finalised meanwhile) is refused with its reason, not forced in.

Each entry is stored once even if the app dies in the middle of a replay: the number of
the last entry stored is written on the server in the same transaction as the entry
(a row of `settings` named after the journal), so a replay that starts again skips what
is already there, whether or not the file had been told.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.core.changes import NOTHING, Changes, take_changes
from desktop.core.db import is_one_statement
from desktop.core.errors import PrachumError
from desktop.core.journal_values import decoded, encoded

FORMAT = "prachum-journal"
VERSION = 1
SERVICES = "desktop.core.services."
"""Only service functions may be named in a journal: a file cannot make the app call
anything else."""
BASED_ON = frozenset({"version", "base"})
"""Keyword arguments that say what an edit was based on, not what it writes."""
MARK_PREFIX = "journal:"
"""The `settings` row that says how far a journal's replay has got on the server."""

# SQLSTATEs that mean the server itself went away, not that it refused the statement:
# class 08 (connection exception) and the shutdown family of class 57.
_GONE_STATES = ("57P01", "57P02", "57P03")


def connection_lost(error: BaseException) -> bool:
    """True when a database error means the server could not be reached (it stopped, the
    network dropped, it is restarting), so that trying again later may succeed; False for
    a refusal (rights, a constraint, a deadlock), which trying again would not cure."""
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        error = error.orig if error.orig is not None else error
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the server's driver is a core dependency
        return False
    if not isinstance(error, psycopg.OperationalError):
        return False
    state = getattr(error, "sqlstate", None)
    # No SQLSTATE: the client library failed (could not connect, the socket closed).
    return state is None or state.startswith("08") or state in _GONE_STATES


class ServerUnreachable(PrachumError):
    """The server could not be reached: the status bar says so already, so the window
    shows no message box for it (one per click would stop her in the meeting)."""


def server_unreachable(*, reading: bool = False) -> ServerUnreachable:
    """Why a change that could not be kept for later was not made (or a read)."""
    if reading:
        return ServerUnreachable(
            "ติดต่อเซิร์ฟเวอร์ไม่ได้ จึงแสดงข้อมูลล่าสุดไม่ได้ สิ่งที่พิมพ์ไว้ยังอยู่ครบ",
            "The server cannot be reached, so the latest data cannot be shown; what you "
            "typed is kept.",
        )
    return ServerUnreachable(
        "ติดต่อเซิร์ฟเวอร์ไม่ได้ จึงทำรายการนี้ไม่ได้ในตอนนี้ ทำอีกครั้งเมื่อเซิร์ฟเวอร์กลับมา",
        "The server cannot be reached, so this cannot be done now; do it again once the "
        "server is back.",
    )


def server_answers(engine: Engine) -> None:
    """Return when the server answers a query; raise its error when it does not."""
    for attempt in (1, 2):  # the first may take a pooled connection the restart killed
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except DBAPIError as error:
            if attempt == 2 or not error.connection_invalidated:
                raise


# --- one user action ---------------------------------------------------------------------


@dataclass(frozen=True)
class UserAction:
    """A call of one service function, as the window makes it: callable with a session,
    so the store runs it like any change, and kept as JSON when the server is away.

    The positional arguments say which place it writes (an item and its field), the
    keyword arguments the values: two actions that differ only in their values write the
    same place, and the later one takes the earlier's place in the journal. What the
    earlier was based on (`version`, `base`: the text the server held when she began,
    desktop.core.text_versions) stays: the two together are one edit from that text.
    """

    service: str
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, function: Callable[..., Any], *args: Any, **kwargs: Any) -> UserAction:
        name = f"{function.__module__}.{function.__qualname__}"
        if not name.startswith(SERVICES):
            raise ValueError(f"{name} is not a service function")
        return cls(name, tuple(args), tuple(sorted(kwargs.items())))

    def function(self) -> Callable[..., Any]:
        module, _, name = self.service.rpartition(".")
        if not module.startswith(SERVICES) or not name.isidentifier():
            raise ValueError(f"{self.service} is not a service function")
        found = getattr(importlib.import_module(module), name, None)
        if not callable(found):
            raise ValueError(f"{self.service} is not a service function")
        return cast(Callable[..., Any], found)

    def __call__(self, session: Session) -> Any:
        return self.function()(session, *self.args, **dict(self.kwargs))

    @property
    def prachum_one_statement(self) -> bool:
        """The store runs it as one statement when the service is marked so (db.py)."""
        return is_one_statement(self.function())

    def place(self) -> tuple[Any, ...]:
        """What it writes, without the values: the same place is written by the latest."""
        return (self.service, encoded(self.args), tuple(k for k, _v in self.kwargs))

    def after(self, earlier: UserAction) -> UserAction:
        """This action in the place of `earlier`, kept from where `earlier` began."""
        began = {k: v for k, v in earlier.kwargs if k in BASED_ON}
        values = tuple(sorted({**dict(self.kwargs), **began}.items()))
        return UserAction(self.service, self.args, values)

    def to_json(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "args": encoded(self.args),
            "kwargs": {key: encoded(value) for key, value in self.kwargs},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UserAction:
        service = str(data["service"])
        # Named first: an unknown name is refused when read, not half-way through, and
        # the service's module marks the row types it takes (journal_values).
        cls(service).function()
        return cls(
            service,
            tuple(decoded(value) for value in data.get("args", [])),
            tuple(sorted((str(k), decoded(v)) for k, v in data.get("kwargs", {}).items())),
        )

    def can_be_kept(self) -> bool:
        """True when its arguments fit in the journal (journal_values: plain values, dates,
        times, the vote)."""
        try:
            json.dumps(self.to_json())
        except (TypeError, ValueError):
            return False
        return True


# --- the file ----------------------------------------------------------------------------


def journal_path(folder: Path, database_key: str) -> Path:
    """Her journal for one server database, in `folder` (her data folder)."""
    digest = hashlib.sha256(database_key.encode("utf-8")).hexdigest()[:16]
    return folder / "journals" / f"{digest}.json"


@dataclass
class Entry:
    number: int
    action: UserAction
    at: str


@dataclass
class Replayed:
    """What a replay stored, what the database refused (with why), and what it touched."""

    stored: int = 0
    refused: list[tuple[UserAction, PrachumError]] = field(default_factory=list)
    changes: Changes = NOTHING


class Journal:
    """The waiting actions for one database, mirrored to a file after every change."""

    def __init__(self, path: Path, database_name: str = ""):
        self.path = path
        self.database_name = database_name
        self.ident = uuid.uuid4().hex
        self.entries: list[Entry] = []
        self.next_number = 1
        self.tried = 0
        """The last entry a replay may have stored on the server (its commit done, but the
        answer lost with the connection): never replaced by a later edit, which the mark
        on the server would then skip as stored. A journal read from the disk may have
        been replayed by a run that died: all its entries count as tried."""

    @classmethod
    def load(cls, path: Path) -> Journal | None:
        """The journal left at `path`, or None when there is none (or it is empty)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise PrachumError(
                f"อ่านไฟล์การแก้ไขที่รอบันทึก {path.name} ไม่ได้ ({exc})",
                f"The journal of changes waiting to be stored, {path.name}, cannot be read "
                f"({exc}).",
            ) from exc
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise PrachumError(
                f"ไฟล์ {path.name} ไม่ใช่ไฟล์การแก้ไขที่รอบันทึกของรุ่นนี้",
                f"{path.name} is not a journal this version can read.",
            )
        journal = cls(path, str(data.get("database", "")))
        journal.ident = str(data["id"])
        for item in data["entries"]:
            entry = Entry(int(item["n"]), UserAction.from_json(item["action"]), str(item["at"]))
            journal.entries.append(entry)
        journal.next_number = max((e.number for e in journal.entries), default=0) + 1
        journal.tried = journal.next_number - 1
        return journal if journal.entries else None

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, action: UserAction) -> None:
        """Keep `action` after the others, on the disk before this returns. Typing stores a
        field every half second: the same field written again replaces its last entry, as
        long as nothing was written after it (the order of what she did is kept)."""
        if not action.can_be_kept():
            raise TypeError(f"{action.service} has arguments the journal cannot keep")
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        last = self.entries[-1] if self.entries else None
        if last is not None and last.number > self.tried and last.action.place() == action.place():
            self.entries[-1] = Entry(last.number, action.after(last.action), now)
        else:
            self.entries.append(Entry(self.next_number, action, now))
            self.next_number += 1
        self.save()

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "id": self.ident,
            "database": self.database_name,
            "entries": [
                {"n": e.number, "at": e.at, "action": e.action.to_json()} for e in self.entries
            ],
        }
        write_durably(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    def remove(self) -> None:
        self.entries.clear()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        _sync_folder(self.path.parent)

    # --- storing on the server -----------------------------------------------------------

    def replay(self, run: Callable[[Callable[[Session], Any]], tuple[Any, Changes]]) -> Replayed:
        """Store the waiting actions in order, each in its own transaction through `run`
        (which commits a function of a session: what it returned, and what it changed).

        Stops at the first lost connection (the error is raised; what was stored is off
        the list, on the disk too). The journal's file is removed when every entry is done.
        """
        outcome = Replayed()
        self.tried = self.next_number - 1
        done, _nothing = run(self._read_mark)
        while self.entries:
            entry = self.entries[0]
            if entry.number > done:
                try:
                    _result, changes = run(self._stores(entry))
                except PrachumError as refusal:
                    outcome.refused.append((entry.action, refusal))
                    run(self._marks(entry.number))  # refused once is refused: not again
                else:
                    outcome.stored += 1
                    outcome.changes = outcome.changes.merged(changes)
            done = entry.number
            self.entries.pop(0)
            self.save()
        self.remove()
        run(self._forget_mark)
        return outcome

    @property
    def _mark_key(self) -> str:
        return MARK_PREFIX + self.ident

    def _read_mark(self, session: Session) -> int:
        from desktop.core.models import Setting

        text = session.scalar(select(Setting.text).where(Setting.key == self._mark_key))
        return int(text) if text else 0

    def _marks(self, number: int) -> Callable[[Session], None]:
        def mark(session: Session) -> None:
            from desktop.core.models import Setting

            row = session.get(Setting, self._mark_key)
            if row is None:
                session.add(Setting(key=self._mark_key, text=str(number)))
            else:
                row.text = str(number)
            session.flush()

        return mark

    def _stores(self, entry: Entry) -> Callable[[Session], None]:
        def store(session: Session) -> None:
            entry.action(session)
            self._marks(entry.number)(session)  # the same transaction: both or neither

        return store

    def _forget_mark(self, session: Session) -> None:
        from desktop.core.models import Setting

        row = session.get(Setting, self._mark_key)
        if row is not None:
            session.delete(row)


def run_committed(
    sessions: Callable[[], Any],
) -> Callable[[Callable[[Session], Any]], tuple[Any, Changes]]:
    """A `run` for `Journal.replay` over `Database.session`: each call its own commit."""

    def run(action: Callable[[Session], Any]) -> tuple[Any, Changes]:
        with sessions() as session:
            result = action(session)
        return result, take_changes(session)

    return run


# --- writing that survives a power cut ---------------------------------------------------


def write_durably(target: Path, text: str) -> None:
    """Replace `target` by `text` so that after a crash or a power cut it holds either the
    old text or the new, whole: written beside, flushed to the disk, moved into place,
    and the folder's entry flushed too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".journal-", suffix=".partial", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows flushes a rename with the file (and cannot open a folder)
        return
    with contextlib.suppress(FileNotFoundError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
