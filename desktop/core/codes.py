"""The domain's codes as StrEnums, spelled exactly as the database and the meeting file
store them. A member is its code (`AttendanceStatus.PRESENT == "present"`), so rows read
from the database compare with them as they are; code compares through these names, never
through bare strings, so that a typo is an error and not a silent `False`.
"""

from __future__ import annotations

from enum import StrEnum


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    CERTIFIED = "certified"


class MeetingMode(StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    HYBRID = "hybrid"


class AttendanceGroup(StrEnum):
    MEMBER = "member"
    PARTICIPANT = "participant"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"


class AttendanceSource(StrEnum):
    """Where a line came from: typed in the window, a meeting file, or a report, chat or form."""

    TYPED = "typed"
    ZOOM = "zoom"
    TEAMS = "teams"
    FILE = "file"
    MEET = "meet"
    WEBEX = "webex"
    LINE = "line"
    FORM = "form"


class Role(StrEnum):
    """A person's role, in the order lists show them."""

    EXECUTIVE = "executive"
    CLERK = "clerk"
    DEPUTY_CLERK = "deputy_clerk"
    OFFICER = "officer"
    COUNCIL = "council"
    GUEST = "guest"


class OrganizationKind(StrEnum):
    CITY_MUNICIPALITY = "city_municipality"
    TOWN_MUNICIPALITY = "town_municipality"
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality"
    SAO = "sao"
    PAO = "pao"
    SPECIAL = "special"
    AGENCY = "agency"


class AgendaCategory(StrEnum):
    ANNOUNCEMENTS = "announcements"
    CONFIRM_MINUTES = "confirm_minutes"
    FOLLOW_UP = "follow_up"
    FOR_CONSIDERATION = "for_consideration"
    FOR_INFORMATION = "for_information"
    OTHER = "other"


class IdentityCheck(StrEnum):
    """How an attendee's identity was checked (evidence for an electronic meeting)."""

    CAMERA = "camera"
    OTP = "otp"
    KNOWN = "known"
    SIGNATURE = "signature"


class Ballot(StrEnum):
    OPEN = "open"
    SECRET = "secret"


class ReportPlatform(StrEnum):
    """Where a participant report, chat or sign-in form came from."""

    ZOOM = "zoom"
    TEAMS = "teams"
    MEET = "meet"
    WEBEX = "webex"
    LINE = "line"
    FORM = "form"
