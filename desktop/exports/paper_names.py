"""The names a paper about a meeting prints, which a PDF line must never break."""

from __future__ import annotations

from desktop.core.models import Meeting

# The kinds' prefixes: what is left of an organisation's name is its place (`ทุ่งต้อม`),
# which positions print too (`นายกองค์การบริหารส่วนตำบลทุ่งต้อม`).
KIND_PREFIXES = (
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "อบต.",
    "อบจ.",
    "ทน.",
    "ทม.",
    "ทต.",
)


def place_of(name: str) -> str:
    for prefix in KIND_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :].strip()
    return ""


def names_in(meeting: Meeting) -> frozenset[str]:
    """The names a paper about this meeting prints (people, offices, places), each piece
    between spaces: kept whole when a PDF line breaks (the dictionary does not know them)."""
    texts: list[str] = []
    organizations = list(meeting.network.members) if meeting.network is not None else []
    for attendance in meeting.attendance:
        texts.append(attendance.name)
        if attendance.person is not None and attendance.person.organization is not None:
            organizations.append(attendance.person.organization)
    for person in (meeting.chair, meeting.recorder, meeting.reviewer):
        if person is not None:
            texts.append(f"{person.honorific or ''}{person.given_name} {person.family_name or ''}")
    if meeting.host is not None:
        organizations.append(meeting.host)
    texts.extend(o.name for o in organizations)
    texts.extend(o.short_name for o in organizations if o.short_name)
    texts.extend(place_of(o.name) for o in organizations)
    return frozenset(piece for text in texts for piece in text.split() if len(piece) > 1)
