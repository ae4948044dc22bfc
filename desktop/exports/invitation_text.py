"""The invitation letters (หนังสือเชิญประชุม), every word decided, before any layout.

One letter to each member organisation of the meeting's network (or, on a switch, to
each expected person's organisation), in the form of a หนังสือภายนอก (แบบที่ 1 of the
correspondence regulation). The batch is a circular: one `ว` number from the outgoing
register for all of its letters (services.papers.circular_number).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import PrachumError
from desktop.core.models import Meeting, Organization, Person
from desktop.core.services.attendance import ordered_attendance
from desktop.core.services.papers import circular_number, circular_preview, our_organization
from desktop.core.services.roster import person_display_name
from desktop.core.thai import (
    format_meeting_number,
    format_thai_date,
    format_thai_date_long,
    format_thai_time,
    to_thai_digits,
)
from desktop.exports.minutes_text import place_line

NBSP = "\u00a0"
SIGNING_AS = {"self": "", "for": "ปฏิบัติราชการแทน", "acting": "รักษาราชการแทน"}
ENCLOSURE = "ระเบียบวาระการประชุม จำนวน 1 ชุด"
CLOSING = "จึงเรียนมาเพื่อโปรดพิจารณาเข้าร่วมประชุม"
REGARDS = "ขอแสดงความนับถือ"

# An organisation's kind: the prefix of its name, and the office of its head.
HEAD_OFFICES = {
    "city_municipality": ("เทศบาลนคร", "นายกเทศมนตรีนคร"),
    "town_municipality": ("เทศบาลเมือง", "นายกเทศมนตรีเมือง"),
    "subdistrict_municipality": ("เทศบาลตำบล", "นายกเทศมนตรีตำบล"),
    "sao": ("องค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล"),
    "pao": ("องค์การบริหารส่วนจังหวัด", "นายกองค์การบริหารส่วนจังหวัด"),
}
SPECIAL_HEADS = {"เมืองพัทยา": "นายกเมืองพัทยา", "กรุงเทพมหานคร": "ผู้ว่าราชการกรุงเทพมหานคร"}
# The short forms people type for the same prefixes.
SHORT_PREFIXES = {
    "ทน.": "เทศบาลนคร",
    "ทม.": "เทศบาลเมือง",
    "ทต.": "เทศบาลตำบล",
    "อบต.": "องค์การบริหารส่วนตำบล",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
}


@dataclass(frozen=True)
class Letter:
    """One letter of the batch, with every line as printed."""

    code: str
    """`ที่ ลพ 52001/ว 123`."""
    sender: str
    address: tuple[str, ...]
    date: str
    subject: str
    salutation: str
    enclosure: str
    body: tuple[str, ...]
    closing: str
    regards: str
    signer: str
    """`(นายสมชาย ใจดี)`, or dots to sign over when no head is recorded."""
    signer_lines: tuple[str, ...]
    office: tuple[str, ...] = field(default=())
    recipient: str = ""
    """The receiving organisation's name (for file names and the register)."""
    online: tuple[str, ...] = field(default=())
    """How to join online (link, meeting ID, passcode), also said in the body."""


def with_thai_digits(letter: Letter) -> Letter:
    changes: dict[str, Any] = {}
    for item in fields(letter):
        value = getattr(letter, item.name)
        if isinstance(value, str):
            changes[item.name] = to_thai_digits(value)
        elif isinstance(value, tuple):
            changes[item.name] = tuple(to_thai_digits(v) for v in value)
    return replace(letter, **changes)


# --- who is written to ---------------------------------------------------------------


def _is_head(person: Person) -> bool:
    position = (person.position or "").strip()
    return person.active and person.role == "executive" and not position.startswith("รอง")


def recorded_head(organization: Organization) -> Person | None:
    """The organisation's head as the roster has him: an executive who is not a deputy."""
    heads = [p for p in organization.people if _is_head(p)]
    return min(heads, key=lambda p: p.id) if heads else None


def head_office(organization: Organization) -> str:
    """The office of the organisation's head, from its kind and name.

    `เทศบาลนครเชียงใหม่` → `นายกเทศมนตรีนครเชียงใหม่`; `องค์การบริหารส่วนตำบลทุ่งต้อม`
    → `นายกองค์การบริหารส่วนตำบลทุ่งต้อม`; `เมืองพัทยา` → `นายกเมืองพัทยา`; any other
    office: `หัวหน้า` and its name, unless its head is recorded (recorded_head).
    """
    name = organization.name.strip()
    for short, full in SHORT_PREFIXES.items():
        if name.startswith(short):
            name = full + name[len(short) :].strip()
    if organization.kind in HEAD_OFFICES:
        prefix, office = HEAD_OFFICES[organization.kind]
        place = name[len(prefix) :].strip() if name.startswith(prefix) else name
        return f"{office}{place}"
    for special, office in SPECIAL_HEADS.items():
        if special in name:
            return office
    return f"หัวหน้า{name}"


def salutation(organization: Organization) -> str:
    """The เรียน line: the recorded head's own position, else the office by kind."""
    head = recorded_head(organization)
    position = (head.position or "").strip() if head is not None else ""
    return position or head_office(organization)


def recipients(meeting: Meeting, sender: Organization, *, to_attendees: bool) -> list[Organization]:
    """The organisations written to, in the network's order (or the attendance order)."""
    found: list[Organization] = []
    if to_attendees:
        for attendance in ordered_attendance(meeting):
            # A person deleted since keeps her line, but no organisation to write to.
            organization = attendance.person.organization if attendance.person else None
            if organization is not None and organization not in found:
                found.append(organization)
    elif meeting.network is not None:
        found = list(meeting.network.members)
    return [o for o in found if o.id != sender.id]


# --- the batch ---------------------------------------------------------------------------


def sending_organization(session: Session, meeting: Meeting) -> Organization:
    sender = our_organization(session) or meeting.host
    if sender is None:
        raise PrachumError(
            "ยังไม่ได้ระบุหน่วยงานผู้ส่ง: ตั้ง 'หน่วยงานของเรา' หรือหน่วยงานเจ้าภาพของการประชุม",
            "No sending organisation: set 'our organisation' or the meeting's host.",
        )
    missing = [
        (thai, english)
        for value, thai, english in (
            (sender.letter_code, "รหัสหนังสือ (ที่)", "letter code"),
            (sender.address, "ที่อยู่", "address"),
        )
        if not (value or "").strip()
    ]
    if missing:
        raise PrachumError(
            f"หน่วยงาน {sender.name} ยังไม่มี{' และ'.join(t for t, _ in missing)}: กรอกที่หน้าข้อมูลหน่วยงาน",
            f"{sender.name} has no {' and '.join(e for _, e in missing)}: "
            "fill it in on the organisation.",
        )
    return sender


def invitation_subject(meeting: Meeting) -> str:
    title = meeting.title.strip()
    for prefix in ("การประชุม", "ประชุม"):
        if title.startswith(prefix):
            title = title[len(prefix) :].lstrip()
            break
    number = format_meeting_number(meeting.number, meeting.date) if meeting.number else ""
    # A no-break space: `ครั้งที่ 1/2567` is never split over two lines.
    return f"ขอเชิญประชุม{title}" + (f" {number.replace(' ', NBSP)}" if number else "")


def online_details(meeting: Meeting) -> list[str]:
    """How to join online: the link, meeting ID and passcode, those the meeting has.

    Read by name so that the letters use them wherever the meeting record carries them.
    """
    lines = []
    for attribute, label in (
        ("online_link", "ลิงก์เข้าร่วมประชุม"),
        ("online_meeting_id", "Meeting ID"),
        ("online_passcode", "Passcode"),
    ):
        value = (getattr(meeting, attribute, None) or "").strip()
        if value:
            lines.append(f"{label} {value}")
    return lines


def body(meeting: Meeting, sender: Organization) -> list[str]:
    title = meeting.title.strip()
    number = format_meeting_number(meeting.number, meeting.date) if meeting.number else ""
    when = format_thai_date_long(meeting.date)
    start = format_thai_time(meeting.start_time)
    end = format_thai_time(meeting.end_time)
    time_text = f" เวลา {start}" if start else ""
    if start and end:
        time_text = f" เวลา {format_thai_time(meeting.start_time, suffix=False)} - {end}"
    place = place_line(meeting)
    first = (
        f"ด้วย{sender.name} กำหนดจัด{title}"
        + (f" {number}" if number else "")
        + f" ใน{when}{time_text}"
        + (f" {place}" if place else "")
    )
    paragraphs = [first]
    online = online_details(meeting)
    if online and meeting.mode != "onsite":
        paragraphs.append("สามารถเข้าร่วมประชุมผ่านระบบการประชุมทางไกลได้ ดังนี้ " + " ".join(online))
    paragraphs.append(
        "ในการนี้ จึงขอเชิญท่านหรือผู้แทนเข้าร่วมประชุมในวัน เวลา และสถานที่ดังกล่าว รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"
    )
    return paragraphs


def signature(
    sender: Organization, signer: Person | None, signing_as: str
) -> tuple[str, tuple[str, ...]]:
    """`(name)` and the lines under it: the head himself, or someone signing for him."""
    if signing_as not in SIGNING_AS:
        raise PrachumError(
            "การลงนามต้องเป็น self, for หรือ acting", "Signing must be self, for or acting."
        )
    office = head_office(sender)
    head = recorded_head(sender)
    person = signer or head
    name = f"({person_display_name(person)})" if person else "(" + "." * 40 + ")"
    if signing_as == "self" or signer is None:
        position = ((head.position or "").strip() if head else "") or office
        return name, (position,)
    position = (signer.position or "").strip()
    return name, (f"{position} {SIGNING_AS[signing_as]}".strip(), office)


def invitation_letters(
    session: Session,
    meeting: Meeting,
    *,
    today: date,
    to_attendees: bool = False,
    signer: Person | None = None,
    signing_as: str = "self",
    thai_digits: bool = False,
    numbered: bool = True,
) -> list[Letter]:
    """The batch's letters, after taking (or finding) its number in the register.

    `numbered=False` is the preview: the number the batch has, or would take, is shown
    and nothing is written to the register.
    """
    if meeting.date is None:
        raise PrachumError("การประชุมนี้ยังไม่มีวันที่", "This meeting has no date.")
    sender = sending_organization(session, meeting)
    to = recipients(meeting, sender, to_attendees=to_attendees)
    if not to:
        raise PrachumError(
            "ไม่มีหน่วยงานที่จะส่งหนังสือเชิญ: การประชุมนี้ไม่มีเครือข่ายที่มีสมาชิก"
            + (" หรือไม่มีผู้ได้รับเชิญ" if to_attendees else ""),
            "Nobody to invite: the meeting's network has no members"
            + (" and nobody is expected" if to_attendees else "")
            + ".",
        )
    name, lines = signature(sender, signer, signing_as)
    subject = invitation_subject(meeting)
    letter_code = (sender.letter_code or "").strip()
    if numbered:
        entry = circular_number(
            session,
            meeting,
            kind="invitation",
            letter_code=letter_code,
            sender=sender.name,
            recipients=[salutation(o) for o in to],
            subject=subject,
            today=today,
        )
        code, letter_date = entry.code, entry.letter_date
    else:
        code, letter_date = circular_preview(
            session, meeting, kind="invitation", letter_code=letter_code, today=today
        )
    online = tuple(online_details(meeting)) if meeting.mode != "onsite" else ()
    office = tuple(
        line
        for line in (
            (sender.letter_office or "").strip(),
            f"โทร. {(sender.phone or '').strip()}" if (sender.phone or "").strip() else "",
            f"ไปรษณีย์อิเล็กทรอนิกส์ {(sender.email or '').strip()}"
            if (sender.email or "").strip()
            else "",
        )
        if line
    )
    letters = [
        Letter(
            code=f"ที่ {code}",
            sender=sender.name,
            address=tuple(line for line in (sender.address or "").splitlines() if line.strip()),
            date=format_thai_date(letter_date),
            subject=subject,
            salutation=salutation(organization),
            enclosure=ENCLOSURE,
            body=tuple(body(meeting, sender)),
            closing=CLOSING,
            regards=REGARDS,
            signer=name,
            signer_lines=lines,
            office=office,
            recipient=organization.name,
            online=online,
        )
        for organization in to
    ]
    return [with_thai_digits(letter) for letter in letters] if thai_digits else letters
