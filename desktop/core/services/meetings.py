"""Meetings: create (from a template, with last meeting's people), edit, finalise, list."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.core.changes import NOTED, Part, note_meeting_part
from desktop.core.codes import MeetingMode, MeetingStatus
from desktop.core.errors import PrachumError
from desktop.core.models import (
    MEETING_MODES,
    AgendaItem,
    Attendance,
    Meeting,
    Network,
    Organization,
    Person,
)
from desktop.core.services.agenda import apply_template
from desktop.core.services.attendance import copy_expected_attendance
from desktop.core.services.common import (
    as_date,
    as_time,
    choice,
    clean,
    get,
    no_unknown_fields,
    required,
)
from desktop.core.services.meeting_rules import ensure_editable
from desktop.core.text_versions import store_versioned

_PLAIN_FIELDS = {
    "title": 500,
    "title_en": 500,
    "platform": 100,
    "venue": 500,
    "recording": 1000,
    "online_link": 2000,
    "online_meeting_id": 100,
    "online_passcode": 100,
}
_PERSON_FIELDS = ("chair_id", "recorder_id", "reviewer_id")
_WRITTEN = {*_PLAIN_FIELDS, "opening"}
"""The details people write as text: versioned (desktop.core.text_versions)."""


def _apply_fields(session: Session, meeting: Meeting, fields: dict[str, Any]) -> None:  # noqa: C901 (one validated assignment per field of the form)
    for key, limit in _PLAIN_FIELDS.items():
        if key in fields:
            value = fields.pop(key)
            if key == "title":
                meeting.title = required(value, "ชื่อการประชุม", "Meeting title", limit)
            else:
                value = clean(value)
                if value is not None and len(value) > limit:
                    raise PrachumError(f"{key} ยาวเกินไป", f"{key} is too long.")
                setattr(meeting, key, value)
    if "opening" in fields:
        meeting.opening = clean(fields.pop("opening"))
    if "date" in fields:
        value = as_date(fields.pop("date"))
        if value is None:
            raise PrachumError("กรุณาระบุวันที่ประชุม", "The meeting date is required.")
        meeting.date = value
    if "number" in fields:
        number = fields.pop("number")
        if number is not None and (not isinstance(number, int) or number < 1):
            raise PrachumError(
                "ครั้งที่ต้องเป็นจำนวนเต็มบวก", "The meeting number must be a positive integer."
            )
        meeting.number = number
    if "quorum" in fields:
        quorum = fields.pop("quorum")
        if quorum is not None and (
            not isinstance(quorum, int) or isinstance(quorum, bool) or quorum < 1
        ):
            raise PrachumError(
                "องค์ประชุมต้องเป็นจำนวนเต็มบวก", "The quorum must be a positive whole number."
            )
        meeting.quorum = quorum
    if "start" in fields:
        meeting.start_time = as_time(fields.pop("start"), "start time")
    if "end" in fields:
        meeting.end_time = as_time(fields.pop("end"), "end time")
    if "mode" in fields:
        meeting.mode = choice(fields.pop("mode"), MEETING_MODES, "mode", "onsite")
    if "network_id" in fields:
        network_id = fields.pop("network_id")
        if network_id is not None:
            get(session, Network, network_id)
        meeting.network_id = network_id
    if "host_id" in fields:
        host_id = fields.pop("host_id")
        if host_id is not None:
            get(session, Organization, host_id)
        meeting.host_id = host_id
    for key in _PERSON_FIELDS:
        if key in fields:
            person_id = fields.pop(key)
            if person_id is not None:
                get(session, Person, person_id)
            setattr(meeting, key, person_id)
    no_unknown_fields(fields)
    if meeting.start_time and meeting.end_time and meeting.end_time < meeting.start_time:
        raise PrachumError(
            "เวลาเลิกประชุมต้องไม่ก่อนเวลาเริ่มประชุม", "The end time is before the start time."
        )


def create_meeting(
    session: Session,
    *,
    title: str,
    date: date | str,
    network_id: int | None = None,
    number: int | None = None,
    start: time | str | None = None,
    end: time | str | None = None,
    mode: str | None = None,
    template_id: int | None = None,
    copy_attendance: bool = False,
    **fields: Any,
) -> Meeting:
    """A new draft meeting, optionally laid out from an agenda template and given the
    previous meeting's expected people. Other fields as in update_meeting."""
    meeting = Meeting(status=MeetingStatus.DRAFT, mode=MeetingMode.ONSITE)
    _apply_fields(
        session,
        meeting,
        {
            "title": title,
            "date": date,
            "network_id": network_id,
            "number": number,
            "start": start,
            "end": end,
            "mode": mode,
            **fields,
        },
    )
    session.add(meeting)
    session.flush()
    if template_id is not None:
        apply_template(session, meeting.id, template_id)
    if copy_attendance:
        copy_expected_attendance(session, meeting.id)
    return meeting


def update_meeting(
    session: Session,
    meeting_id: int,
    *,
    version: int | None = None,
    base: dict[str, Any] | None = None,
    **fields: Any,
) -> Meeting:
    """Change the meeting's details: title, title_en, number, date, start, end, mode,
    platform, venue, network_id, host_id, chair_id, recorder_id, reviewer_id, opening,
    quorum, recording, online_link, online_meeting_id, online_passcode.

    With `version` (what the window's text was based on, `base` the text she started
    from), text fields are stored only over what she started from: text another person
    has changed since raises EditConflict. Choices (the date, times, people) are last
    write wins and take no version."""
    if version is not None and fields and set(fields) <= _WRITTEN:
        checked = Meeting()
        _apply_fields(session, checked, dict(fields))  # the form's rules, on a scratch row
        values = {key: getattr(checked, key) for key in fields}
        changed = store_versioned(
            session,
            Meeting,
            meeting_id,
            values,
            guard=Meeting.status == MeetingStatus.DRAFT,
            version=version,
            base={key: clean(value) for key, value in (base or {}).items()},
            execution_options={NOTED: True},
        )
        if changed is not None:
            note_meeting_part(session, meeting_id, Part.DETAILS)
            return changed
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)
    _apply_fields(session, meeting, dict(fields))
    session.flush()
    return meeting


def finalise_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = get(session, Meeting, meeting_id)
    if meeting.status == MeetingStatus.DRAFT:
        meeting.status = MeetingStatus.FINAL
    session.flush()
    return meeting


def reopen_meeting(session: Session, meeting_id: int) -> Meeting:
    """Back to draft; a certified meeting loses its certification (the GUI warns first)."""
    meeting = get(session, Meeting, meeting_id)
    meeting.status = MeetingStatus.DRAFT
    meeting.certified_by_id = None
    session.flush()
    return meeting


def propose_meeting_number(session: Session, network_id: int | None, on: date) -> int:
    """Last number + 1 among the network's meetings in the same Buddhist Era year."""
    year = on.year
    query = select(func.max(Meeting.number)).where(
        Meeting.date >= date(year, 1, 1), Meeting.date <= date(year, 12, 31)
    )
    query = query.where(
        Meeting.network_id.is_(None) if network_id is None else Meeting.network_id == network_id
    )
    last = session.scalar(query)
    return (last or 0) + 1


def list_meetings(session: Session, *, network_id: int | None = None) -> list[Meeting]:
    """Meetings newest first (all of them, or one network's)."""
    query = select(Meeting).order_by(Meeting.date.desc(), Meeting.number.desc(), Meeting.id.desc())
    if network_id is not None:
        query = query.where(Meeting.network_id == network_id)
    return list(session.scalars(query))


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting with everything its minutes need loaded in a few queries (no query per row)."""
    query = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        # A meeting already in the session is refreshed, not returned as it was.
        .execution_options(populate_existing=True)
        .options(
            selectinload(Meeting.network),
            selectinload(Meeting.host),
            selectinload(Meeting.chair),
            selectinload(Meeting.recorder),
            selectinload(Meeting.reviewer),
            selectinload(Meeting.attendance).selectinload(Attendance.person),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.points),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.actions),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.children),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.vote),
        )
    )
    meeting = session.scalars(query).first()
    if meeting is None:
        return get(session, Meeting, meeting_id)  # raises NotFound with the usual message
    return meeting
