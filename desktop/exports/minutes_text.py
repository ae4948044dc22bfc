"""The minutes (แบบที่ 11) as an ordered list of typed blocks, with every word decided.

The DOCX writer and the GUI's live preview both render these blocks, so the two never
disagree about what the minutes say: this module decides wording, order, numbering and
digits; a renderer decides only how a block looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace

from desktop.core.codes import AttendanceGroup, AttendanceStatus, MeetingMode
from desktop.core.models import Action, AgendaItem, Attendance, Meeting, Person
from desktop.core.services.attendance import (
    attendance_counts,
    effective_capacity,
    ordered_attendance,
    quorum_met,
)
from desktop.core.services.roster import action_owner_name, person_display_name
from desktop.core.services.votes import vote_lines
from desktop.core.thai import (
    acting_position,
    format_meeting_number,
    format_thai_date_long,
    format_thai_date_short,
    format_thai_time,
    to_thai_digits,
)

PRESENT_HEADING = "ผู้มาประชุม"
ABSENT_HEADING = "ผู้ไม่มาประชุม"
PARTICIPANT_HEADING = "ผู้เข้าร่วมประชุม"
RESOLUTION_LABEL = "มติที่ประชุม"
RECORDER_ROLE = "ผู้จดรายงานการประชุม"
REVIEWER_ROLE = "ผู้ตรวจรายงานการประชุม"
ACTING = "รักษาราชการแทน"
ONLINE = "ผ่านระบบการประชุมทางไกล"
SIGNATURE_LINE = "ลงชื่อ" + "." * 45
# A time or name not yet known is left as dots to fill in by hand, as paper forms do.
BLANK_TIME = "........... น."
BLANK_NAME = "(" + "." * 45 + ")"
QUORUM_MET = "เมื่อครบองค์ประชุมแล้ว"
DEFAULT_OPENING = "ประธานกล่าวเปิดประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"
# The prefixes of an organisation's name or short name before its place name: a position
# that names the place (นายกเทศมนตรีตำบลบ้านกลาง) already names the organisation.
_ORGANIZATION_PREFIXES = (
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "ทต.",
    "ทม.",
    "ทน.",
    "อบต.",
    "อบจ.",
)

# Platforms as a Thai office names them in the minutes.
_PLATFORM_NAMES = {
    "zoom": "Zoom Meeting",
    "zoom meeting": "Zoom Meeting",
    "teams": "Microsoft Teams",
    "microsoft teams": "Microsoft Teams",
    "ms teams": "Microsoft Teams",
    "meet": "Google Meet",
    "google meet": "Google Meet",
    "webex": "Cisco Webex",
}


# --- the blocks ------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleLine:
    """One of the centred, bold lines at the head: title, network, ครั้งที่, date, place."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A part's heading: ผู้มาประชุม, ผู้ไม่มาประชุม, ผู้เข้าร่วมประชุม."""

    text: str


@dataclass(frozen=True)
class Line:
    """A plain line at the margin: เริ่มประชุมเวลา …, เลิกประชุมเวลา …"""

    text: str
    keep_with_next: bool = False
    """On the same page as what follows (the end time goes with the signatures)."""


@dataclass(frozen=True)
class AttendeeRow:
    """One person in an attendee list: number, name, position and capacity in columns.

    The capacity (ประธาน, กรรมการ …) is a column only when some attendee has one: the
    lists then share a `capacities` flag so that every table has the same columns.
    """

    number: str
    name: str
    position: str
    capacity: str = ""
    capacities: bool = False

    @property
    def text(self) -> str:
        return f"{self.number} {self.name} {self.position} {self.capacity}".rstrip()


@dataclass(frozen=True)
class ItemTitle:
    """`ระเบียบวาระที่ 2 เรื่อง…` (level 0) or a sub-item `2.1 เรื่อง…` (level 1, 2)."""

    label: str
    title: str
    level: int = 0

    @property
    def text(self) -> str:
        return f"{self.label} {self.title}"


@dataclass(frozen=True)
class BodyParagraph:
    """A paragraph of the opening or of an item's body, justified, first line indented."""

    text: str
    level: int = 0


@dataclass(frozen=True)
class Resolution:
    """A paragraph of a resolution; the first one carries the มติที่ประชุม label."""

    text: str
    labelled: bool = True
    level: int = 0

    @property
    def label(self) -> str:
        return RESOLUTION_LABEL if self.labelled else ""


@dataclass(frozen=True)
class ResolutionPointLine:
    """A numbered point of a resolution: `1. …`."""

    number: str
    text: str


@dataclass(frozen=True)
class ActionLine:
    """A follow-up action with its owner and due date, listed under the resolution."""

    text: str
    owner: str = ""
    due: str = ""

    @property
    def details(self) -> str:
        parts = []
        if self.owner:
            parts.append(f"ผู้รับผิดชอบ: {self.owner}")
        if self.due:
            parts.append(f"กำหนดแล้วเสร็จ: {self.due}")
        return f"({', '.join(parts)})" if parts else ""

    @property
    def full_text(self) -> str:
        return f"{self.text} {self.details}".rstrip()


@dataclass(frozen=True)
class Signature:
    """A signature block: dotted line, (name), position, then the role it signs in."""

    name: str
    position: str
    role: str

    @property
    def lines(self) -> list[str]:
        name = f"({self.name})" if self.name else BLANK_NAME
        return [SIGNATURE_LINE, name, *([self.position] if self.position else []), self.role]


MinutesBlock = (
    TitleLine
    | Heading
    | Line
    | AttendeeRow
    | ItemTitle
    | BodyParagraph
    | Resolution
    | ResolutionPointLine
    | ActionLine
    | Signature
)


def block_text(block: MinutesBlock) -> str:
    """The block as one line of plain text (for previews, search and tests)."""
    if isinstance(block, Signature):
        return "\n".join(block.lines)
    if isinstance(block, ActionLine):
        return block.full_text
    if isinstance(block, Resolution):
        return f"{block.label} {block.text}".strip()
    if isinstance(block, ResolutionPointLine):
        return f"{block.number} {block.text}"
    return block.text


# --- building them -------------------------------------------------------------------


def minutes_blocks(
    meeting: Meeting,
    *,
    thai_digits: bool = False,
    organizations: bool | None = None,
    zero_votes_as_none: bool = False,
) -> list[MinutesBlock]:
    """The whole minutes of a meeting (best loaded with services.load_meeting), in order.

    `organizations` adds each attendee's organisation to the position (by default for
    a meeting of a network); `zero_votes_as_none` writes a count of zero as ไม่มี.
    """
    if organizations is None:
        organizations = meeting.network is not None
    blocks = [*_head(meeting), *_attendees(meeting, organizations)]
    start = format_thai_time(meeting.start_time) or BLANK_TIME
    blocks.append(Line(f"เริ่มประชุมเวลา {start}"))
    blocks.extend(BodyParagraph(p) for p in opening_paragraphs(meeting))
    for item in meeting.agenda:
        blocks.extend(_item(item, 0, zero_votes_as_none))
    end = format_thai_time(meeting.end_time) or BLANK_TIME
    blocks.append(Line(f"เลิกประชุมเวลา {end}", keep_with_next=True))
    blocks.append(_signature(meeting, meeting.recorder, RECORDER_ROLE))
    if meeting.reviewer is not None:
        blocks.append(_signature(meeting, meeting.reviewer, REVIEWER_ROLE))
    if thai_digits:
        blocks = [with_thai_digits(b) for b in blocks]
    return blocks


def minutes_heading(meeting: Meeting) -> str:
    """`รายงานการประชุมคณะทำงาน…`: the title with `การประชุม` said once, not twice."""
    title = meeting.title.strip()
    for prefix in ("รายงานการประชุม", "การประชุม", "ประชุม"):
        if title.startswith(prefix):
            title = title[len(prefix) :].lstrip()
            break
    return f"รายงานการประชุม{title}"


def place_line(meeting: Meeting) -> str:
    """`ณ <venue>`, `ผ่านระบบการประชุมทางไกล (Zoom Meeting)`, or both for a hybrid meeting."""
    venue = f"ณ {meeting.venue}" if meeting.venue else ""
    if meeting.mode == MeetingMode.ONSITE:
        return venue
    online = ONLINE
    if meeting.platform:
        name = _PLATFORM_NAMES.get(meeting.platform.strip().casefold(), meeting.platform.strip())
        online = f"{ONLINE} ({name})"
    if meeting.mode == MeetingMode.HYBRID and venue:
        if meeting.platform and meeting.platform.strip().casefold() in venue.casefold():
            return online  # the platform typed as the place: said once
        return f"{venue} และ{online}"
    return online


def _head(meeting: Meeting) -> Iterator[MinutesBlock]:
    heading = minutes_heading(meeting)
    yield TitleLine(heading)
    if meeting.network is not None and not _names(heading, meeting.network.name):
        yield TitleLine(meeting.network.name)
    if meeting.number is not None:
        yield TitleLine(format_meeting_number(meeting.number, meeting.date))
    yield TitleLine(f"เมื่อ{format_thai_date_long(meeting.date)}")
    place = place_line(meeting)
    if place:
        yield TitleLine(place)


def _names(text: str, name: str) -> bool:
    """Whether `text` already says `name` (spaces aside: a title may be typed without them)."""
    return "".join(name.split()) in "".join(text.split())


def opening_paragraphs(meeting: Meeting) -> list[str]:
    """The opening, which says the quorum was reached only when the members present did."""
    opening = paragraphs(meeting.opening)
    if not quorum_met(meeting, attendance_counts(meeting)):
        return opening
    first, *rest = opening or [DEFAULT_OPENING]
    if not first.startswith(QUORUM_MET):
        first = f"{QUORUM_MET} {first}"
    return [first, *rest]


def _attendees(meeting: Meeting, organizations: bool) -> Iterator[MinutesBlock]:
    ordered = ordered_attendance(meeting)
    capacities = any(a.capacity for a in ordered)
    groups = (
        (
            PRESENT_HEADING,
            [
                a
                for a in ordered
                if a.group == AttendanceGroup.MEMBER and a.status == AttendanceStatus.PRESENT
            ],
        ),
        (
            ABSENT_HEADING,
            [
                a
                for a in ordered
                if a.group == AttendanceGroup.MEMBER and a.status == AttendanceStatus.ABSENT
            ],
        ),
        (
            PARTICIPANT_HEADING,
            [
                a
                for a in ordered
                if a.group == AttendanceGroup.PARTICIPANT and a.status == AttendanceStatus.PRESENT
            ],
        ),
    )
    for heading, lines in groups:
        if not lines:
            continue  # แบบที่ 11 leaves an empty part out, heading and all
        yield Heading(heading)
        for number, attendance in enumerate(lines, start=1):
            capacity = (effective_capacity(attendance, meeting) or "") if capacities else ""
            yield AttendeeRow(
                f"{number}.",
                attendance.name,
                attendee_position(attendance, organization=organizations),
                capacity,
                capacities,
            )


def attendee_organization(attendance: Attendance) -> str:
    """The organisation as the minutes name it: its short name, else its name (as then)."""
    snapshot = (attendance.organization_name or "").strip()
    person = attendance.person
    organization = person.organization if person is not None else None
    if organization is not None and organization.name == snapshot and organization.short_name:
        return organization.short_name.strip()
    return snapshot


def _names_organization(position: str, organization: str, full_name: str) -> bool:
    """Whether the position already names the organisation (by name, short name or place)."""
    places = {organization, full_name}
    for name in (organization, full_name):
        for prefix in _ORGANIZATION_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix) + 1:
                places.add(name[len(prefix) :].strip())
    if len(position) >= 4 and position in full_name:
        return True  # ท้องถิ่นจังหวัดเชียงใหม่ heads the office whose name holds it
    return any(place and place in position for place in places)


def attendee_position(attendance: Attendance, *, organization: bool = False) -> str:
    """The position as the minutes write it: acting capacity, the organisation when asked
    for and not already named, and for an absence the reason."""
    position = acting_position(attendance.position, attendance.acting_as)
    if organization:
        name = attendee_organization(attendance)
        full_name = (attendance.organization_name or "").strip()
        if name and not _names_organization(position, name, full_name):
            position = f"{position} {name}".strip()
    if attendance.status == AttendanceStatus.ABSENT and attendance.absence_reason:
        reason = attendance.absence_reason.strip().strip("()").strip()
        if reason:
            position = f"{position} ({reason})".strip()
    return position


def _item(item: AgendaItem, level: int, zero_votes_as_none: bool) -> Iterator[MinutesBlock]:
    label = f"ระเบียบวาระที่ {item.number}" if level == 0 else item.number
    yield ItemTitle(label, item.title, level)
    yield from (BodyParagraph(p, level) for p in paragraphs(item.body))
    for child in item.children:
        yield from _item(child, level + 1, zero_votes_as_none)
    resolution = paragraphs(item.resolution)
    votes = vote_lines(item.vote, zero_as_none=zero_votes_as_none)
    if not resolution and not item.points:
        resolution, votes = votes, []  # the vote is the resolution: next to its label
    if resolution or item.points or item.actions:
        first, *rest = resolution or [""]
        yield Resolution(first, True, level)
        yield from (Resolution(p, False, level) for p in rest)
    for number, point in enumerate(item.points, start=1):
        yield ResolutionPointLine(f"{number}.", single_line(point.text))
    yield from (Resolution(line, False, level) for line in votes)
    for action in item.actions:
        yield _action(action)


def _action(action: Action) -> ActionLine:
    due = format_thai_date_short(action.due) if action.due else ""
    return ActionLine(single_line(action.text), action_owner_name(action), due)


def _signature(meeting: Meeting, person: Person | None, role: str) -> Signature:
    # Today's name and position from the people table: the minutes are signed now; the
    # office she acts for is the meeting's (an acting clerk signs as acting).
    if person is None:
        return Signature("", "", role)
    line = next((line for line in meeting.attendance if line.person_id == person.id), None)
    acting = line.acting_as if line is not None else person.acting_as
    return Signature(person_display_name(person), acting_position(person.position, acting), role)


# --- text from the database ----------------------------------------------------------

# Characters XML 1.0 cannot carry at all; a body pasted from elsewhere may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c")


def paragraphs(text: str | None) -> list[str]:
    """The secretary's text as paragraphs: one per line, blank lines dropped.

    Spaces and tabs at the ends of a line go (the style indents the first line; a leading
    tab copied from an old document would indent it twice); tabs inside a line stay.
    """
    if not text:
        return []
    lines = (_NOT_XML.sub("", line).strip(" \t\u00a0") for line in _LINE_BREAK.split(text))
    return [line for line in lines if line]


def single_line(text: str | None) -> str:
    """A short text (a point, an action) on one line, whatever line breaks it was typed with."""
    return " ".join(paragraphs(text))


def with_thai_digits(block: MinutesBlock) -> MinutesBlock:
    changes = {
        f.name: to_thai_digits(getattr(block, f.name))
        for f in fields(block)
        if isinstance(getattr(block, f.name), str)
    }
    return replace(block, **changes)  # type: ignore[arg-type]  # the union's replace() is checked per member
