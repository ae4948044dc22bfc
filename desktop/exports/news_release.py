"""The press release (ข่าวประชาสัมพันธ์) drafted from the meeting, as Thai municipal news
items are written, from the point of view of her own organisation.

`วันที่ 14 กุมภาพันธ์ 2567 เทศบาลตำบลบ้านกลาง โดย นายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านกลาง
… และเจ้าหน้าที่ที่เกี่ยวข้อง ร่วมประชุม… ผ่านโปรแกรม Zoom ซึ่งประกอบด้วย เครือข่าย… จำนวน
6 แห่ง ได้แก่ …`, then what was agreed (points as `1. … 2. …`) and what comes next.
Plain text to paste into a website or LINE, or DOCX.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.errors import PrachumError
from desktop.core.models import AgendaItem, Attendance, Meeting, Organization
from desktop.core.services.attendance import ordered_attendance
from desktop.core.services.meetings import load_meeting
from desktop.core.services.papers import our_organization
from desktop.core.services.roster import ROLE_ORDER, action_owner_name
from desktop.core.thai import format_thai_date, normalize_text, to_thai_digits
from desktop.exports.minutes_text import ACTING, paragraphs, single_line
from desktop.exports.paper_files import paper_format

NAMED_ROLES = ("executive", "clerk", "deputy_clerk")
"""Whose names a news item gives; the others are เจ้าหน้าที่ที่เกี่ยวข้อง."""
ROUTINE = {"ที่ประชุมรับทราบ", "รับทราบ", "- ไม่มี -", "ไม่มี", "-"}
"""Resolutions that are not news."""


def news_paragraphs(
    session: Session, meeting: Meeting, *, organization: Organization | None = None
) -> list[str]:
    """The release as paragraphs of plain text."""
    ours = organization or our_organization(session) or meeting.host
    if ours is None:
        raise PrachumError(
            "ยังไม่ได้ระบุหน่วยงานของเรา: ตั้ง 'หน่วยงานของเรา' หรือหน่วยงานเจ้าภาพของการประชุม",
            "No organisation to write from: set 'our organisation' or the meeting's host.",
        )
    result = [_opening(meeting, ours)]
    result.extend(_decisions(meeting))
    next_steps = _next_steps(meeting)
    if next_steps:
        result.append(next_steps)
    return result


def _opening(meeting: Meeting, ours: Organization) -> str:
    present = [a for a in ordered_attendance(meeting) if a.status == "present"]
    own = [a for a in present if _organization_of(a) is ours]
    # A person deleted since has no role left to name her by: she counts among the officers.
    named = sorted(
        (a for a in own if a.person is not None and a.person.role in NAMED_ROLES),
        key=lambda a: ROLE_ORDER.get(a.person.role if a.person else "", 99),
    )
    text = f"วันที่ {format_thai_date(meeting.date)} {ours.name}"
    if named:
        text += " โดย " + " ".join(_named(a) for a in named)
    if len(own) > len(named) or not named:
        text += " และเจ้าหน้าที่ที่เกี่ยวข้อง" if named else " โดยเจ้าหน้าที่ที่เกี่ยวข้อง"
    text += f" ร่วม{_meeting_name(meeting)}{_where(meeting)}"
    organizations = _present_organizations(meeting, present)
    if organizations:
        listed = " ".join(_with_province(o) for o in organizations)
        if meeting.network is not None:
            group = meeting.network.name
            text += f" ซึ่งประกอบด้วย {group} จำนวน {len(organizations)} แห่ง ได้แก่ {listed}"
        else:
            text += f" ซึ่งประกอบด้วยผู้แทนจาก {len(organizations)} หน่วยงาน ได้แก่ {listed}"
    return text


def _named(attendance: Attendance) -> str:
    """`นางสาววิไล ศรีสุข รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง`"""
    text = attendance.name
    person_position = attendance.person.position if attendance.person else None
    position = (attendance.position or person_position or "").strip()
    if position:
        text += f" {position}"
    acting = (attendance.acting_as or "").strip()
    if acting:
        acting = acting.removeprefix(ACTING).strip()
        text += f" {ACTING}{acting}"
    return text


def _organization_of(attendance: Attendance) -> Organization | None:
    return attendance.person.organization if attendance.person is not None else None


def _meeting_name(meeting: Meeting) -> str:
    """`ประชุมคณะทำงาน…` (after ร่วม): the title with `การประชุม` said as `ประชุม`."""
    title = meeting.title.strip()
    for prefix in ("การประชุม", "ประชุม"):
        if title.startswith(prefix):
            return "ประชุม" + title[len(prefix) :].lstrip()
    return f"ประชุม{title}"


def _where(meeting: Meeting) -> str:
    venue = f" ณ {meeting.venue}" if meeting.venue else ""
    online = f" ผ่านโปรแกรม {meeting.platform.strip()}" if meeting.platform else " ผ่านระบบออนไลน์"
    if meeting.mode == "onsite":
        return venue
    if meeting.mode == "hybrid":
        return f"{venue} และ{online.strip()}" if venue else online
    return online


def _present_organizations(meeting: Meeting, present: list[Attendance]) -> list[Organization]:
    """The member organisations that came (someone present), in the network's order."""
    came = {id(o) for a in present if (o := _organization_of(a)) is not None}
    members = list(meeting.network.members) if meeting.network is not None else []
    if not members:
        members = []
        for attendance in present:
            organization = _organization_of(attendance)
            if organization is not None and organization not in members:
                members.append(organization)
    return [o for o in members if id(o) in came]


def _with_province(organization: Organization) -> str:
    province = (organization.province or "").strip()
    if province and province not in organization.name:
        return f"{organization.name} จังหวัด{province.removeprefix('จังหวัด')}"
    return organization.name


def _items(items: list[AgendaItem]) -> Iterator[AgendaItem]:
    for item in items:
        yield item
        yield from _items(item.children)


def _decisions(meeting: Meeting) -> list[str]:
    """What was presented and agreed: one paragraph an item, its points numbered."""
    result: list[str] = []
    for item in _items(meeting.agenda):
        resolution = " ".join(paragraphs(item.resolution))
        points = [single_line(p.text) for p in item.points if single_line(p.text)]
        if not points and (not resolution or resolution in ROUTINE):
            continue
        agreed = resolution.removeprefix("ที่ประชุม").strip() or "มีมติ ดังนี้"
        lead = "ในการนี้" if not result else "นอกจากนี้"
        text = f"{lead} ที่ประชุมได้พิจารณา{item.title.strip()} และ{agreed}"
        if points:
            text += " " + " ".join(f"{n}. {point}" for n, point in enumerate(points, start=1))
        result.append(text)
    return result


def _next_steps(meeting: Meeting) -> str:
    steps = []
    for item in _items(meeting.agenda):
        for action in item.actions:
            if action.done:
                continue
            owner = action_owner_name(action)
            step = f"{owner} {single_line(action.text)}" if owner else single_line(action.text)
            if action.due:
                step += f" ภายในวันที่ {format_thai_date(action.due)}"
            steps.append(step)
    if not steps:
        return ""
    if len(steps) == 1:
        return f"สำหรับการดำเนินงานต่อไป {steps[0]}"
    numbered = " ".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
    return f"สำหรับการดำเนินงานต่อไป {numbered}"


def news_text(paragraphs_: list[str]) -> str:
    """Plain text to paste: paragraphs separated by a blank line."""
    return "\n\n".join(paragraphs_) + "\n"


MAX_EDITED_CHARACTERS = 20_000


def edited_paragraphs(text: str) -> list[str]:
    """Her edited release as paragraphs: split at blank lines, each normalised (control
    characters dropped, Thai typing faults mended); empty or absurdly long is refused."""
    if len(text) > MAX_EDITED_CHARACTERS:
        raise PrachumError(
            f"ข่าวประชาสัมพันธ์ยาวเกิน {MAX_EDITED_CHARACTERS:,} ตัวอักษร",
            f"The press release is longer than {MAX_EDITED_CHARACTERS:,} characters.",
        )
    found = [
        " ".join(line.strip() for line in normalize_text(chunk).splitlines() if line.strip())
        for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    ]
    found = [paragraph for paragraph in found if paragraph]
    if not found:
        raise PrachumError("ข่าวประชาสัมพันธ์ว่างเปล่า", "The press release is empty.")
    return found


def export_news(
    session: Session,
    meeting_id: int,
    path: Path | str,
    *,
    thai_digits: bool = False,
    font: str | None = None,
    text: str | None = None,
) -> Path:
    """Write the release to `path`: `.txt` (UTF-8), `.docx` or `.pdf`, atomically.

    `text` is the release as she edited it in the window (paragraphs apart by a blank
    line); without it the release is drafted from the meeting.
    """
    suffix = paper_format(path, (".txt", ".docx", ".pdf"))
    session.flush()
    session.expire_all()
    meeting = load_meeting(session, meeting_id)
    found = news_paragraphs(session, meeting) if text is None else edited_paragraphs(text)
    if thai_digits:
        found = [to_thai_digits(p) for p in found]
    from desktop.exports.paper_templates import (
        meeting_context,
        paper_template,
        write_from_template,
    )

    template = paper_template(session, "news") if suffix != ".txt" else None
    if template is not None:  # her office's own layout
        context = meeting_context(meeting)
        context["paragraphs"] = found
        return write_from_template(path, template, context)
    if suffix == ".txt":
        data = news_text(found).encode("utf-8")
        return write_atomically(path, lambda temporary: _write_bytes(temporary, data))
    from desktop.exports.minutes_text import BodyParagraph, MinutesBlock, TitleLine
    from desktop.exports.paper_files import write_paper
    from desktop.exports.paper_names import names_in

    blocks: list[MinutesBlock] = [
        TitleLine("ข่าวประชาสัมพันธ์"),
        *(BodyParagraph(p) for p in found),
    ]
    return write_paper(
        path,
        [blocks],
        title="ข่าวประชาสัมพันธ์",
        thai_digits=thai_digits,
        font=font,
        keep_whole=names_in(meeting),
    )


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)
