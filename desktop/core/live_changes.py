"""Other people's changes on a shared database, heard as they are committed.

On PostgreSQL every table the app writes has a trigger (migration 0023) that sends a
notification on the `prachum_changes` channel for each row written: which table, which
meeting (read from the row, or from its agenda item), which person, office or network,
and which client wrote it. The server sends it at commit and never for a rolled-back
transaction, so no client can forget to tell the others. Identical notifications of one
transaction are delivered once, so ticking 500 people of one meeting is one message.

A listener holds one connection of its own that does nothing but LISTEN, turns what it
hears into the same `Changes` value a local commit produces, and hands it over in
batches; what its own database wrote (known by the client name each connection carries)
is left out, since the window has already heard of it. On SQLite one writer is the rule
and nothing is needed.

When the server goes away (restarted, the network dropped) the listener tries again
every few seconds; once it LISTENs again it delivers a change of everything, since what
others stored in the meantime was never heard.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterable
from typing import Any

from desktop import APP_NAME
from desktop.core.changes import PART_OF_TABLE, UNKNOWN, Changes, Part
from desktop.core.presence import CHANNEL as PRESENCE_CHANNEL

log = logging.getLogger(__name__)

CHANNEL = "prachum_changes"
RETRY_SECONDS = 2.0
BATCH_SECONDS = 0.01
"""Notifications this close together (one commit's arrive at once) make one `Changes`."""

# For each table: the expressions, on the written row (ROW stands for NEW or OLD), that
# say whose it is. The payload's keys: t(able), m(eeting), p(erson), o(rganisation),
# n(etwork), d(eleted meeting), b(y: the client's name).
_ITEM_MEETING = "(SELECT meeting_id FROM agenda_items WHERE id = ROW.agenda_item_id)"
NOTIFIED: dict[str, dict[str, str]] = {
    "meetings": {"m": "ROW.id"},
    "attendance": {"m": "ROW.meeting_id"},
    "agenda_items": {"m": "ROW.meeting_id"},
    "votes": {"m": _ITEM_MEETING},
    "resolution_points": {"m": _ITEM_MEETING},
    "actions": {"m": _ITEM_MEETING},
    "report_files": {"m": "ROW.meeting_id"},
    "outgoing_letters": {"m": "ROW.meeting_id"},
    "people": {"p": "ROW.id"},
    "aliases": {"p": "ROW.person_id"},
    "organizations": {"o": "ROW.id"},
    "networks": {"n": "ROW.id"},
    "network_members": {"n": "ROW.network_id", "o": "ROW.organization_id"},
    "settings": {},
    "agenda_templates": {},
    "agenda_template_items": {},
}


CAUGHT_UP = Changes(everything=True, from_others=True)
"""What a listener delivers when it hears again after a drop: anything may have changed."""


def new_client_name() -> str:
    """The name each connection of one open database carries (its `application_name`)."""
    return f"{APP_NAME} {secrets.token_hex(4)}"


def notify_function_sql(table: str) -> str:
    """The trigger function of one table (PostgreSQL)."""
    fields = NOTIFIED[table]

    def payload(row: str) -> str:
        parts = [f"'t', '{table}'", "'b', current_setting('application_name')"]
        parts += [f"'{key}', {expr.replace('ROW.', row + '.')}" for key, expr in fields.items()]
        if table == "meetings":
            parts.append("'d', TG_OP = 'DELETE'")
        return f"json_build_object({', '.join(parts)})::text"

    return f"""
CREATE OR REPLACE FUNCTION {table}_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('{CHANNEL}', {payload("OLD")});
    ELSE
        PERFORM pg_notify('{CHANNEL}', {payload("NEW")});
    END IF;
    RETURN NULL;
END $$"""


def install_notifications(execute: Callable[[str], object]) -> None:
    for table in NOTIFIED:
        execute(notify_function_sql(table))
        execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_notify()"
        )


def uninstall_notifications(execute: Callable[[str], object]) -> None:
    for table in NOTIFIED:
        execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        execute(f"DROP FUNCTION IF EXISTS {table}_notify()")


def changes_from(payloads: Iterable[str], *, own_client: str | None = None) -> Changes:
    """What a batch of notifications says changed, leaving out the client's own."""
    parts: set[tuple[int, Part]] = set()
    deleted: set[int] = set()
    people: set[int] = set()
    organizations: set[int] = set()
    networks: set[int] = set()
    added_or_removed = settings = templates = everything = False
    for payload in payloads:
        try:
            note: dict[str, Any] = json.loads(payload)
            table = str(note["t"])
        except (ValueError, KeyError, TypeError):
            everything = True  # not ours to read: refresh everything rather than miss it
            continue
        if own_client is not None and note.get("b") == own_client:
            continue
        meeting = _number(note.get("m"))
        if table in PART_OF_TABLE:
            parts.add((meeting or UNKNOWN, PART_OF_TABLE[table]))
        if table == "meetings":
            added_or_removed = True  # a new meeting or a deleted one: the list may differ
            if note.get("d") and meeting:
                deleted.add(meeting)
        _add(people, note.get("p"))
        _add(organizations, note.get("o"))
        _add(networks, note.get("n"))
        settings |= table == "settings"
        templates |= table in ("agenda_templates", "agenda_template_items")
    return Changes(
        meeting_parts=frozenset(parts),
        meetings_added_or_removed=added_or_removed,
        meetings_deleted=frozenset(deleted),
        people=frozenset(people),
        organizations=frozenset(organizations),
        networks=frozenset(networks),
        settings=settings,
        templates=templates,
        everything=everything,
        from_others=True,
    )


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _add(into: set[int], value: object) -> None:
    number = _number(value)
    if number is not None:
        into.add(number)


class ChangeListener:
    """A thread that LISTENs on the database's server and delivers others' changes.

    `connect()` returns a new DBAPI (psycopg) connection with the database's own
    settings; `deliver(changes)` is called on the listener's thread.
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        deliver: Callable[[Changes], None],
        own_client: str | None,
        on_presence: Callable[[list[str]], None] | None = None,
    ):
        self.connect = connect
        self.deliver = deliver
        self.own_client = own_client
        self.on_presence = on_presence
        """Given what other windows say they have open (desktop.core.presence)."""
        self.stopping = threading.Event()
        self.listening = threading.Event()
        self.thread = threading.Thread(target=self._run, name="prachum-listener", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self.stopping.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _run(self) -> None:
        dropped = False
        while not self.stopping.is_set():
            try:
                self._listen(caught_up=dropped)
            except Exception as error:  # the server went away: try again, quietly
                self.listening.clear()
                dropped = True
                log.info("listening for changes stopped (%r); trying again", error)
                self.stopping.wait(RETRY_SECONDS)

    def _listen(self, *, caught_up: bool) -> None:
        connection = self.connect()
        try:
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            if self.on_presence is not None:
                connection.execute(f"LISTEN {PRESENCE_CHANNEL}")
            self.listening.set()
            if caught_up:
                # Back after a drop: what others stored meanwhile was never heard, and
                # which rows it touched is not known, so every view reads itself again.
                self.deliver(CAUGHT_UP)
            while not self.stopping.is_set():
                notes = list(connection.notifies(timeout=0.5, stop_after=1))
                if not notes:
                    continue
                # More usually follows at once (one statement per row): gather a moment.
                notes += list(connection.notifies(timeout=BATCH_SECONDS))
                present = [n.payload for n in notes if n.channel == PRESENCE_CHANNEL]
                heard = [n.payload for n in notes if n.channel != PRESENCE_CHANNEL]
                if present and self.on_presence is not None:
                    self.on_presence(present)
                changes = changes_from(heard, own_client=self.own_client) if heard else None
                if changes:
                    self.deliver(changes)
        finally:
            connection.close()
