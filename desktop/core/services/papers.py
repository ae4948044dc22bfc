"""What the papers around a meeting need from the database: settings and the register.

"Our organisation" (whose point of view the news takes, and who sends the letters), the
Garuda image printed on letters, and the outgoing register (ทะเบียนหนังสือส่ง) whose `ว`
numbers run without gaps within a Buddhist year. All are kept in the database, so they
travel with a backup and are the same for everyone on a shared file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import PrachumError
from desktop.core.models import Meeting, Organization, OutgoingLetter, Setting
from desktop.core.services.common import get
from desktop.core.thai import be_year

OUR_ORGANIZATION = "our_organization"
GARUDA = "garuda_image"
MAX_IMAGE_BYTES = 5_000_000
_IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


# --- settings --------------------------------------------------------------------------


def _setting(session: Session, key: str) -> Setting | None:
    return session.get(Setting, key)


def _put(session: Session, key: str, *, text: str | None = None, data: bytes | None = None) -> None:
    row = _setting(session, key)
    if text is None and data is None:
        if row is not None:
            session.delete(row)
        session.flush()
        return
    if row is None:
        row = Setting(key=key)
        session.add(row)
    row.text, row.data = text, data
    session.flush()


def our_organization(session: Session) -> Organization | None:
    """The secretary's own organisation, when she has said which it is."""
    row = _setting(session, OUR_ORGANIZATION)
    text = row.text if row is not None else None
    if text is None or not text.isdigit():
        return None
    return session.get(Organization, int(text))


def set_our_organization(session: Session, organization_id: int | None) -> None:
    """Say which organisation is hers (None: none)."""
    if organization_id is not None:
        get(session, Organization, organization_id)
    _put(session, OUR_ORGANIZATION, text=None if organization_id is None else str(organization_id))


@dataclass(frozen=True)
class LetterFields:
    """What letters from an organisation print, and whether it is hers."""

    letter_code: str | None = None
    address: str | None = None
    letter_office: str | None = None
    phone: str | None = None
    email: str | None = None
    ours: bool = False


def letter_fields(session: Session, organization_id: int) -> LetterFields:
    organization = get(session, Organization, organization_id)
    mine = our_organization(session)
    return LetterFields(
        letter_code=organization.letter_code,
        address=organization.address,
        letter_office=organization.letter_office,
        phone=organization.phone,
        email=organization.email,
        ours=mine is not None and mine.id == organization.id,
    )


def set_letter_fields(session: Session, organization_id: int, fields: LetterFields) -> None:
    """Keep what an organisation's letters print; `ours` makes it (or stops it being)
    her own organisation. The organisation dialog and `office` both come here."""
    from desktop.core.services.roster import update_organization

    update_organization(
        session,
        organization_id,
        letter_code=fields.letter_code,
        address=fields.address,
        letter_office=fields.letter_office,
        phone=fields.phone,
        email=fields.email,
    )
    mine = our_organization(session)
    if fields.ours:
        set_our_organization(session, organization_id)
    elif mine is not None and mine.id == organization_id:
        set_our_organization(session, None)


def garuda_image(session: Session) -> bytes | None:
    row = _setting(session, GARUDA)
    return row.data if row is not None else None


def image_kind(data: bytes) -> str | None:
    """`png` or `jpeg` from the file's first bytes, else None."""
    for signature, kind in _IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    return None


def set_garuda_image(session: Session, data: bytes | None) -> None:
    """Keep the Garuda image (PNG or JPEG) printed at the head of letters; None removes it."""
    if data is not None:
        if len(data) > MAX_IMAGE_BYTES:
            raise PrachumError("ไฟล์ภาพครุฑใหญ่เกิน 5 MB", "The Garuda image is larger than 5 MB.")
        if image_kind(data) is None:
            raise PrachumError(
                "ภาพครุฑต้องเป็นไฟล์ PNG หรือ JPEG", "The Garuda image must be a PNG or JPEG file."
            )
    _put(session, GARUDA, data=data)


# --- the outgoing register ---------------------------------------------------------------


def circular_number(
    session: Session,
    meeting: Meeting,
    *,
    kind: str,
    letter_code: str,
    sender: str,
    recipients: list[str],
    subject: str,
    today: date,
) -> OutgoingLetter:
    """The register's line for this meeting's batch of letters, made at the first print.

    A batch printed again keeps its number and date (the letters already sent carry
    them). A new batch takes the next number of the Buddhist year of `today`: the
    highest of that year plus one, so the numbers run without gaps and a new year
    starts again at 1. The unique (year, number) constraint refuses a second writer
    that raced to the same number; its transaction rolls back whole.
    """
    existing = session.scalars(
        select(OutgoingLetter).where(
            OutgoingLetter.meeting_id == meeting.id, OutgoingLetter.kind == kind
        )
    ).first()
    if existing is not None:
        return existing
    year = be_year(today)
    last = session.scalar(
        select(func.max(OutgoingLetter.number)).where(OutgoingLetter.be_year == year)
    )
    number = (last or 0) + 1
    letter = OutgoingLetter(
        be_year=year,
        number=number,
        kind=kind,
        meeting_id=meeting.id,
        letter_date=today,
        code=f"{letter_code}/ว {number}",
        sender=sender,
        recipients="\n".join(recipients),
        subject=subject,
    )
    session.add(letter)
    session.flush()
    return letter


def circular_preview(
    session: Session, meeting: Meeting, *, kind: str, letter_code: str, today: date
) -> tuple[str, date]:
    """The code and date the batch would print, without taking a number: the batch's own
    when it was printed before, else the next number of the year of `today`."""
    existing = session.scalars(
        select(OutgoingLetter).where(
            OutgoingLetter.meeting_id == meeting.id, OutgoingLetter.kind == kind
        )
    ).first()
    if existing is not None:
        return existing.code, existing.letter_date
    last = session.scalar(
        select(func.max(OutgoingLetter.number)).where(OutgoingLetter.be_year == be_year(today))
    )
    return f"{letter_code}/ว {(last or 0) + 1}", today


def register(session: Session, year: int | None = None) -> list[OutgoingLetter]:
    """The outgoing register in number order; one Buddhist year, or every year."""
    query = select(OutgoingLetter).order_by(OutgoingLetter.be_year, OutgoingLetter.number)
    if year is not None:
        query = query.where(OutgoingLetter.be_year == year)
    return list(session.scalars(query))
