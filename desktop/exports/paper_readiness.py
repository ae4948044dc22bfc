"""What the papers of a meeting can be written from, and what they still lack.

The window's Papers dialog reads this once when it opens (and again after she fills a
gap): which organisation sends the letters, what of its letter fields and of the
meeting's online details is missing (and where each is filled in), who may sign, and
which papers follow her own template. The previews are read here too, without writing
anything: the invitations show the register number the batch has or would take.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.core.models import Meeting, Organization, Person
from desktop.core.services.common import get
from desktop.core.services.meetings import load_meeting
from desktop.core.services.papers import our_organization
from desktop.core.services.roster import person_display_name
from desktop.core.thai import thai_sort_key
from desktop.exports.agenda_paper import agenda_blocks
from desktop.exports.invitation_text import Letter, invitation_letters, recipients
from desktop.exports.minutes_text import MinutesBlock, minutes_blocks
from desktop.exports.news_release import news_paragraphs, news_text
from desktop.exports.paper_templates import PAPERS, libreoffice, paper_template

ORGANIZATION = "organization"
MEETING = "meeting"
AGENDA = "agenda"
NETWORK = "network"
INVITATIONS = "invitations"
NEWS = "news"


@dataclass(frozen=True)
class Missing:
    """One thing a paper needs that nobody has typed in yet, and where it belongs."""

    place: str
    """ORGANIZATION (its dialog), MEETING (the details page), AGENDA or NETWORK."""
    field: str
    """The field to put the cursor in: `letter_code`, `online_link`, `host` …"""
    thai: str
    english: str
    stops: tuple[str, ...] = ()
    """The papers that cannot be written without it (empty: they print without it)."""
    organization_id: int | None = None

    def message(self, language: str) -> str:
        return self.thai if language == "th" else self.english


@dataclass(frozen=True)
class Signer:
    id: int
    name: str
    position: str


@dataclass(frozen=True)
class PapersState:
    meeting_id: int
    sender_id: int | None
    sender_name: str
    missing: tuple[Missing, ...]
    signers: tuple[Signer, ...]
    """The sending organisation's people: who may sign for its head."""
    templates: frozenset[str]
    """The papers (of PAPERS) that follow her own template."""
    libreoffice: bool
    """A paper from her template becomes PDF only through LibreOffice."""

    def stopped(self, paper: str) -> list[Missing]:
        return [m for m in self.missing if paper in m.stops]


def _organization_gaps(sender: Organization) -> list[Missing]:
    gaps = []
    for field, thai, english, stops in (
        ("letter_code", "รหัสหนังสือ (ที่)", "letter code (ที่)", (INVITATIONS,)),
        ("address", "ที่อยู่", "address", (INVITATIONS,)),
        ("letter_office", "ส่วนราชการเจ้าของเรื่อง", "unit in charge", ()),
        ("phone", "โทรศัพท์", "telephone", ()),
        ("email", "ไปรษณีย์อิเล็กทรอนิกส์", "e-mail", ()),
    ):
        if not (getattr(sender, field) or "").strip():
            gaps.append(
                Missing(
                    ORGANIZATION,
                    field,
                    f"{sender.name} ยังไม่มี{thai}",
                    f"{sender.name} has no {english}",
                    stops,
                    sender.id,
                )
            )
    return gaps


def _meeting_gaps(meeting: Meeting) -> list[Missing]:
    if meeting.mode == "onsite":
        return []
    gaps = []
    for field, thai, english in (
        ("online_link", "ลิงก์เข้าร่วมประชุม", "online link"),
        ("online_meeting_id", " Meeting ID", "meeting ID"),
        ("online_passcode", " Passcode", "passcode"),
    ):
        if not (getattr(meeting, field) or "").strip():
            gaps.append(
                Missing(
                    MEETING,
                    field,
                    f"การประชุมออนไลน์นี้ยังไม่มี{thai}",
                    f"This online meeting has no {english}",
                )
            )
    return gaps


def papers_state(session: Session, meeting_id: int) -> PapersState:
    """Everything the Papers dialog needs to know before showing any paper."""
    meeting = get(session, Meeting, meeting_id)
    sender = our_organization(session) or meeting.host
    missing: list[Missing] = []
    if sender is None:
        missing.append(
            Missing(
                MEETING,
                "host",
                "ยังไม่มีหน่วยงานผู้ส่ง: เลือกหน่วยงานเจ้าภาพ หรือระบุ 'หน่วยงานของเรา' ในข้อมูลหน่วยงาน",
                "No sending organisation: choose the host, or mark your organisation as ours",
                (INVITATIONS, NEWS),
            )
        )
    else:
        missing.extend(_organization_gaps(sender))
        if not recipients(meeting, sender, to_attendees=False):
            missing.append(
                Missing(
                    NETWORK,
                    "members",
                    "เครือข่ายของการประชุมนี้ไม่มีหน่วยงานสมาชิกที่จะส่งหนังสือเชิญ",
                    "The meeting's network has no member organisations to invite",
                )
            )
    missing.extend(_meeting_gaps(meeting))
    if not meeting.agenda:
        missing.append(
            Missing(
                AGENDA,
                "items",
                "การประชุมนี้ยังไม่มีระเบียบวาระ",
                "This meeting has no agenda items yet",
                (AGENDA,),
            )
        )
    signers: list[Person] = list(sender.people) if sender is not None else []
    return PapersState(
        meeting_id=meeting_id,
        sender_id=sender.id if sender is not None else None,
        sender_name=sender.name if sender is not None else "",
        missing=tuple(missing),
        signers=tuple(
            Signer(p.id, person_display_name(p), (p.position or "").strip())
            for p in sorted(
                (p for p in signers if p.active), key=lambda p: thai_sort_key(p.given_name)
            )
        ),
        templates=frozenset(p for p in PAPERS if paper_template(session, p) is not None),
        libreoffice=libreoffice() is not None,
    )


# --- previews: read only ---------------------------------------------------------------


def agenda_preview(session: Session, meeting_id: int, *, with_text: bool) -> list[MinutesBlock]:
    return agenda_blocks(load_meeting(session, meeting_id), with_text=with_text)


def minutes_preview(session: Session, meeting_id: int) -> list[MinutesBlock]:
    return minutes_blocks(load_meeting(session, meeting_id))


def news_preview(session: Session, meeting_id: int) -> str:
    return news_text(news_paragraphs(session, load_meeting(session, meeting_id)))


def invitations_preview(
    session: Session,
    meeting_id: int,
    *,
    to_attendees: bool = False,
    signer_id: int | None = None,
    signing_as: str = "self",
    today: date | None = None,
) -> list[Letter]:
    """The letters as they will print, with the register number the batch has or would
    take: nothing is numbered or written."""
    meeting = load_meeting(session, meeting_id)
    signer = get(session, Person, signer_id) if signer_id is not None else None
    return invitation_letters(
        session,
        meeting,
        today=today or date.today(),
        to_attendees=to_attendees,
        signer=signer,
        signing_as=signing_as,
        numbered=False,
    )
