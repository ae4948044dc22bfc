"""Display names seen in Zoom and Teams reports, remembered as the people they were.

The only place that writes Alias rows: a choice the secretary confirmed once is found
again by the next report, whatever the fuzzy matching would have said.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import PrachumError
from desktop.core.models import Alias, Person
from desktop.core.services.common import get
from desktop.core.thai import normalize_text

MAX_ALIAS_LENGTH = 400


def alias_key(display_name: str) -> str:
    """NFC, Thai typing faults mended, case folded, spaces collapsed."""
    return " ".join(normalize_text(display_name or "").casefold().split())


def lookup_alias(session: Session, display_name: str) -> Person | None:
    """The person this display name was confirmed as, if it ever was."""
    key = alias_key(display_name)
    if not key:
        return None
    alias = session.scalars(select(Alias).where(Alias.display_name == key)).first()
    return alias.person if alias is not None else None


def alias_map(session: Session) -> dict[str, int]:
    """Every remembered display name (as keyed) → person id, for matching a whole report."""
    return dict(session.execute(select(Alias.display_name, Alias.person_id)).all())


def remember_alias(session: Session, display_name: str, person_id: int) -> Alias | None:
    """Remember (or correct) which person a display name is; blank names are not kept."""
    key = alias_key(display_name)
    if not key:
        return None
    if len(key) > MAX_ALIAS_LENGTH:
        raise PrachumError(
            f"ชื่อที่แสดงยาวเกิน {MAX_ALIAS_LENGTH} ตัวอักษร",
            f"A display name is longer than {MAX_ALIAS_LENGTH} characters.",
        )
    get(session, Person, person_id)
    alias = session.scalars(select(Alias).where(Alias.display_name == key)).first()
    if alias is None:
        alias = Alias(display_name=key, person_id=person_id)
        session.add(alias)
    else:
        alias.person_id = person_id
    session.flush()
    return alias


def forget_alias(session: Session, display_name: str) -> bool:
    """Forget a display name (it was remembered wrongly); True when there was one."""
    alias = session.scalars(
        select(Alias).where(Alias.display_name == alias_key(display_name))
    ).first()
    if alias is None:
        return False
    session.delete(alias)
    session.flush()
    return True


def person_aliases(session: Session, person_id: int) -> list[str]:
    """The display names remembered for one person, for the roster's person view."""
    query = select(Alias.display_name).where(Alias.person_id == person_id)
    return sorted(session.scalars(query.order_by(Alias.display_name)))
