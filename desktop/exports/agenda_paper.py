"""The agenda (ระเบียบวาระการประชุม) sent with the invitation letters, as DOCX or PDF.

The heading says which meeting, when and where; then the numbered items and their
sub-items with their titles, and on a switch the text prepared for each. It is written
from the same blocks as the minutes, so it looks like them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.errors import PrachumError
from desktop.core.models import AgendaItem, Meeting
from desktop.core.services.meetings import load_meeting
from desktop.core.thai import format_meeting_number, format_thai_date_long, format_thai_time
from desktop.exports.minutes_text import (
    BodyParagraph,
    ItemTitle,
    MinutesBlock,
    TitleLine,
    paragraphs,
    place_line,
    with_thai_digits,
)
from desktop.exports.paper_files import paper_format, write_paper
from desktop.exports.paper_names import names_in

AGENDA_HEADING = "ระเบียบวาระการประชุม"
RULE = "-" * 30


def agenda_title(meeting: Meeting) -> str:
    """`ระเบียบวาระการประชุมคณะทำงาน…`: the title with `การประชุม` said once."""
    title = meeting.title.strip()
    for prefix in (AGENDA_HEADING, "การประชุม", "ประชุม"):
        if title.startswith(prefix):
            title = title[len(prefix) :].lstrip()
            break
    return f"{AGENDA_HEADING}{title}"


def when_line(meeting: Meeting) -> str:
    """`วันพุธที่ 3 สิงหาคม 2565 เวลา 09.30 น.`"""
    when = format_thai_date_long(meeting.date)
    start = format_thai_time(meeting.start_time)
    return f"{when} เวลา {start}" if start else when


def agenda_blocks(
    meeting: Meeting, *, with_text: bool = False, thai_digits: bool = False
) -> list[MinutesBlock]:
    """The whole agenda of a meeting (best loaded with services.load_meeting), in order."""
    blocks: list[MinutesBlock] = [TitleLine(agenda_title(meeting))]
    network = meeting.network
    if network is not None and network.name not in meeting.title:
        blocks.append(TitleLine(network.name))
    if meeting.number is not None:
        blocks.append(TitleLine(format_meeting_number(meeting.number, meeting.date)))
    blocks.append(TitleLine(when_line(meeting)))
    place = place_line(meeting)
    if place:
        blocks.append(TitleLine(place))
    blocks.append(TitleLine(RULE))
    for item in meeting.agenda:
        blocks.extend(_item(item, 0, with_text))
    if thai_digits:
        blocks = [with_thai_digits(block) for block in blocks]
    return blocks


def _item(item: AgendaItem, level: int, with_text: bool) -> Iterator[MinutesBlock]:
    label = f"ระเบียบวาระที่ {item.number}" if level == 0 else item.number
    yield ItemTitle(label, item.title, level)
    if with_text:
        yield from (BodyParagraph(text, level) for text in paragraphs(item.body))
    for child in item.children:
        yield from _item(child, level + 1, with_text)


def export_agenda(
    session: Session,
    meeting_id: int,
    path: Path | str,
    *,
    with_text: bool = False,
    thai_digits: bool = False,
    font: str | None = None,
) -> Path:
    """Write the meeting's agenda to `path` (.docx or .pdf, atomically) and return it.

    Raises NotFound for an unknown meeting, PrachumError for a meeting with no agenda
    items, a name that is neither .docx nor .pdf, or a file that cannot be written.
    """
    paper_format(path)
    session.flush()
    session.expire_all()
    meeting = load_meeting(session, meeting_id)
    if not meeting.agenda:
        raise PrachumError(
            "การประชุมนี้ยังไม่มีระเบียบวาระ: เพิ่มวาระก่อนพิมพ์ระเบียบวาระการประชุม",
            "This meeting has no agenda items yet: add them before writing the agenda.",
        )
    from desktop.exports.paper_templates import (
        meeting_context,
        paper_template,
        write_from_template,
    )

    template = paper_template(session, "agenda")
    if template is not None:  # her office's own layout
        return write_from_template(path, template, meeting_context(meeting))
    blocks = agenda_blocks(meeting, with_text=with_text, thai_digits=thai_digits)
    return write_paper(
        path,
        [blocks],
        title=agenda_title(meeting),
        thai_digits=thai_digits,
        font=font,
        keep_whole=names_in(meeting),
    )
