"""Who else has an agenda item open for writing, so that two people rarely collide.

On a server each window says which item its editor has open by one NOTIFY on the
`prachum_presence` channel: when she opens an item, every HEARTBEAT_SECONDS while it
stays open, and once more (no item) when she leaves it or closes the window. The server
fills in who (the database user) and which client; nothing is stored, so nothing is left
behind by a window that crashed: its entry simply ages out after GONE_AFTER_SECONDS.
Each window's change listener hears the channel on the connection it already holds.

The cost is fixed: one statement per item opened and one per heartbeat, whatever the
number of people. On a file there is one writer, and no presence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

CHANNEL = "prachum_presence"
HEARTBEAT_SECONDS = 15
GONE_AFTER_SECONDS = 40
"""An entry not renewed for this long is a window that went away without saying so."""

_ANNOUNCE = text(
    "SELECT pg_notify(:channel, json_build_object("
    "'b', current_setting('application_name'), 'w', current_user, 'm', :meeting, 'i', :item"
    ")::text)"
)


def announce(session: Session, meeting_id: int | None, item_id: int | None) -> None:
    """Say which item of which meeting this window has open (None: none), in one
    statement; on a file, nothing."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(_ANNOUNCE, {"channel": CHANNEL, "meeting": meeting_id, "item": item_id})


@dataclass(frozen=True)
class Seen:
    who: str
    meeting_id: int | None
    item_id: int | None
    at: float


@dataclass
class Presences:
    """What the other windows last said, by client; `own_client` is left out."""

    own_client: str | None = None
    seen: dict[str, Seen] = field(default_factory=dict)

    def heard(self, payload: str, now: float) -> bool:
        """Take one notification in; True when it may change what is shown."""
        try:
            note = json.loads(payload)
        except ValueError:
            return False
        if not isinstance(note, dict):
            return False
        client, who = note.get("b"), note.get("w")
        if not isinstance(client, str) or not isinstance(who, str) or client == self.own_client:
            return False
        self.seen[client] = Seen(who, _number(note.get("m")), _number(note.get("i")), now)
        return True

    def by_item(self, now: float) -> dict[int, list[str]]:
        """Every item someone else has open now: who, each name once, in order."""
        names: dict[int, set[str]] = {}
        for seen in self.seen.values():
            if seen.item_id is not None and now - seen.at <= GONE_AFTER_SECONDS:
                names.setdefault(seen.item_id, set()).add(seen.who)
        return {item: sorted(who) for item, who in names.items()}

    def editing(self, item_id: int | None, now: float) -> list[str]:
        """Who else has the item open now, each name once, in order."""
        if item_id is None:
            return []
        return sorted(
            {
                seen.who
                for seen in self.seen.values()
                if seen.item_id == item_id and now - seen.at <= GONE_AFTER_SECONDS
            }
        )


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
