"""Votes on an agenda item: for, against, abstain, open or secret ballot, mover, seconder.

She may type the counts in any order, so a count that does not (yet) add up is kept; the
window warns while it does not and the finalise check lists it. Only a meeting file,
which is finished work from elsewhere, is refused when its counts exceed the members
present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.codes import Ballot
from desktop.core.errors import PrachumError
from desktop.core.models import BALLOTS, AgendaItem, Person, Vote
from desktop.core.services.common import choice, get, no_unknown_fields
from desktop.core.services.meeting_rules import ensure_editable
from desktop.core.services.roster import person_display_name

SECRET_BALLOT = "(ลงคะแนนลับ)"
NO_VOTES = "ไม่มี"
_COUNTS = {"votes_for": "เห็นชอบ", "votes_against": "ไม่เห็นชอบ", "votes_abstain": "งดออกเสียง"}
_PEOPLE = ("mover_id", "seconder_id")


def _count(value: object, thai: str, key: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PrachumError(
            f"จำนวน{thai}ต้องเป็นจำนวนเต็มไม่ติดลบ",
            f"{key.removeprefix('votes_')} must be a whole number, zero or more.",
        )
    return value


def set_vote(session: Session, item_id: int, **fields: Any) -> Vote | None:
    """Set any of votes_for, votes_against, votes_abstain, ballot, mover_id, seconder_id.

    A field given as None is cleared; a vote left with nothing in it is removed, so an
    item that was not voted on has no vote at all.
    """
    item = get(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    vote = item.vote or Vote(agenda_item_id=item.id)
    for key, thai in _COUNTS.items():
        if key in fields:
            setattr(vote, key, _count(fields.pop(key), thai, key))
    if "ballot" in fields:
        ballot = fields.pop("ballot")
        vote.ballot = None if not ballot else choice(ballot, BALLOTS, "ballot", "open")
    for key in _PEOPLE:
        if key in fields:
            person_id = fields.pop(key)
            if person_id is not None:
                get(session, Person, person_id)
            setattr(vote, key, person_id)
    no_unknown_fields(fields)
    empty = not vote.has_counts and all(getattr(vote, key) is None for key in ("ballot", *_PEOPLE))
    if empty:
        if item.vote is not None:
            item.vote = None
        session.flush()
        return None
    item.vote = vote
    session.flush()
    return vote


def clear_vote(session: Session, item_id: int) -> None:
    set_vote(
        session,
        item_id,
        **dict.fromkeys((*_COUNTS, "ballot", *_PEOPLE)),
    )


@dataclass(frozen=True)
class VoteTally:
    """A vote's counts against the members present: what the warning and the check say."""

    total: int
    present: int

    @property
    def exceeds_present(self) -> bool:
        return self.total > self.present


def tally(vote: Vote, members_present: int) -> VoteTally:
    return VoteTally(total=vote.total, present=members_present)


def vote_lines(vote: Vote | None, *, zero_as_none: bool = False) -> list[str]:
    """`เห็นชอบ 12 เสียง ไม่เห็นชอบ 1 เสียง งดออกเสียง 2 เสียง (ลงคะแนนลับ)`, then
    `ผู้เสนอ … ผู้รับรอง …`: what was recorded of a vote, in the Thai form."""
    if vote is None:
        return []
    counts = []
    for word, count in (
        ("เห็นชอบ", vote.votes_for),
        ("ไม่เห็นชอบ", vote.votes_against),
        ("งดออกเสียง", vote.votes_abstain),
    ):
        if count is not None:
            counts.append(
                f"{word} {NO_VOTES}" if count == 0 and zero_as_none else f"{word} {count} เสียง"
            )
    if vote.ballot == Ballot.SECRET:
        counts.append(SECRET_BALLOT)
    people = []
    if vote.mover is not None:
        people.append(f"ผู้เสนอ {person_display_name(vote.mover)}")
    if vote.seconder is not None:
        people.append(f"ผู้รับรอง {person_display_name(vote.seconder)}")
    return [line for line in (" ".join(counts), " ".join(people)) if line]
