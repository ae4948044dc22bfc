"""The blocks the preview shows: the stored meeting, with what she is typing laid over it.

Runs on a worker thread with a session of its own (no Qt here). The text not yet stored
is set on the loaded rows only to word the blocks, then rolled back: nothing of it
reaches the database by this way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.models import AgendaItem, ResolutionPoint
from desktop.core.services.meetings import load_meeting
from desktop.exports.minutes_text import ItemTitle, MinutesBlock, minutes_blocks


@dataclass(frozen=True)
class PreviewContent:
    blocks: list[MinutesBlock]
    item_blocks: dict[int, int]
    """Item id → index of its title block, to scroll the preview to the item she edits."""


def _in_reading_order(items: list[AgendaItem]) -> list[int]:
    order: list[int] = []
    for item in items:
        order.append(item.id)
        order.extend(_in_reading_order(item.children))
    return order


def _lay_over(item: AgendaItem, values: dict[str, Any]) -> None:
    if values.get("title", "").strip():
        item.title = values["title"]
    if "body" in values:
        item.body = values["body"]
    if "resolution" in values:
        item.resolution = values["resolution"]
    if "points" in values:
        item.points = [
            ResolutionPoint(text=text, sort_order=n)
            for n, text in enumerate(values["points"], start=1)
        ]


def preview_content(
    session: Session,
    meeting_id: int,
    typed: dict[int, dict[str, Any]] | None = None,
    *,
    thai_digits: bool = False,
) -> PreviewContent:
    """The minutes' blocks, with `typed` (item id → field values) in place of the stored."""
    try:
        with session.no_autoflush:
            meeting = load_meeting(session, meeting_id)
            for item in meeting.agenda_items:
                if typed and item.id in typed:
                    _lay_over(item, typed[item.id])
            blocks = minutes_blocks(meeting, thai_digits=thai_digits)
            order = _in_reading_order(list(meeting.agenda))
    finally:
        session.rollback()
    titles = [n for n, block in enumerate(blocks) if isinstance(block, ItemTitle)]
    return PreviewContent(blocks, dict(zip(order, titles, strict=False)))
