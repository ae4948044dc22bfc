"""The `zoom` (or `report`) command: read a report, propose, and apply or just show."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.codes import ReportPlatform
from desktop.core.models import Meeting
from desktop.core.services.common import get
from desktop.core.services.meeting_rules import ensure_editable
from desktop.core.thai import format_thai_time
from desktop.imports.chats import read_chat
from desktop.imports.forms import looks_like_form, parse_form
from desktop.imports.meet_webex import looks_like_meet, looks_like_webex, parse_meet, parse_webex
from desktop.imports.proposal import Proposal, apply_proposal, build_proposal
from desktop.imports.reports import Report, note_text
from desktop.imports.safety import file_kind, refuse
from desktop.imports.sheets import decode, read_table
from desktop.imports.teams import looks_like_teams, parse_teams
from desktop.imports.teams_json import looks_like_json, read_teams_json
from desktop.imports.teams_live import looks_like_teams_live, parse_teams_live
from desktop.imports.zoom import looks_like_zoom, parse_zoom

PLATFORM_NAMES: dict[str, str] = {
    ReportPlatform.ZOOM: "Zoom",
    ReportPlatform.TEAMS: "Microsoft Teams",
    ReportPlatform.MEET: "Google Meet",
    ReportPlatform.WEBEX: "Webex",
    ReportPlatform.LINE: "LINE",
    ReportPlatform.FORM: "sign-in form",
}

# Most particular first: Zoom's reader, which also reads headers by their shape, last;
# a form before it (Microsoft's has `Name` and `Email` too, and a time it was sent).
_TABLE_READERS = (
    (looks_like_teams_live, parse_teams_live),
    (looks_like_teams, parse_teams),
    (looks_like_meet, parse_meet),
    (looks_like_webex, parse_webex),
    (looks_like_form, parse_form),
    (looks_like_zoom, parse_zoom),
)


def read_report(path: Path | str, meeting_date: date | None = None) -> Report:
    """A participant report, told apart by its content, not its name.

    The meeting's date, when given, settles an ambiguous day-month order, dates a report
    that writes times alone, and picks the session of a file that holds several."""
    path = Path(path)
    report = None
    if file_kind(path) == "csv":  # text: a saved chat before any table
        text, _encoding = decode(path.read_bytes(), path.name)
        if looks_like_json(text):
            report = read_teams_json(text, path.name, meeting_date)
        if report is None:
            report = read_chat(text, path.name, meeting_date)
    if report is None:
        report = _read_table_report(path, meeting_date)
    if not report.participants:
        raise refuse(
            f"รายงาน {path.name} ไม่มีรายชื่อผู้เข้าร่วม",
            f"The report {path.name} lists no participants.",
        )
    report.original = path.read_bytes()
    return report


def _read_table_report(path: Path, meeting_date: date | None) -> Report:
    table = read_table(path)
    for looks_like, parse in _TABLE_READERS:
        if looks_like(table.rows):
            return parse(table.rows, path.name, meeting_date)
    raise refuse(
        f"ไฟล์ {path.name} ไม่ใช่รายงานผู้เข้าร่วมหรือการลงชื่อที่รู้จัก "
        "(Zoom, Teams, Google Meet, Webex, แชท Zoom/Teams/LINE, Google/Microsoft Forms)",
        f"{path.name} is no participant report or sign-in Prachum knows (Zoom, Teams, "
        "Google Meet, Webex, a Zoom/Teams/LINE chat, a Google/Microsoft Forms sheet).",
    )


def propose_from_file(session: Session, meeting_id: int, path: Path | str) -> Proposal:
    """Read a report with the meeting's date as a hint, and propose (the window's way in)."""
    meeting = get(session, Meeting, meeting_id)
    return build_proposal(session, meeting_id, read_report(path, meeting.date))


def run_report_import(
    session: Session,
    meeting_id: int,
    report_path: Path | str,
    *,
    dry_run: bool,
    mark_missing_absent: bool,
    language: str = "en",
) -> str:
    """The text the command prints: the proposal on a dry run, else what was applied.

    The report's notes are said in `language` (`th` or `en`), as the window says them."""
    meeting = get(session, Meeting, meeting_id)
    ensure_editable(meeting)  # before reading and matching
    report = read_report(report_path, meeting.date)
    proposal = build_proposal(session, meeting_id, report)
    lines = [_heading(proposal, report)]
    label = "หมายเหตุ" if language == "th" else "note"
    lines += [f"{label}: {note_text(note, language)}" for note in proposal.notes]
    lines.append(proposal_table(proposal))
    maybe = [p for p in proposal.expected if p in proposal.maybe_seen()]
    if maybe:
        names = ", ".join(proposal.expected[p] for p in maybe)
        lines.append(f"Expected and perhaps in an undecided row, left as they are: {names}")
    missing = proposal.missing()
    if missing:
        names = ", ".join(proposal.expected[p] for p in missing)
        verb = "would become" if mark_missing_absent else "stay as they are; not"
        lines.append(
            f"Expected but not in the report ({len(missing)}): {names}"
            + (f" ({verb} absent)" if mark_missing_absent else f" ({verb} marked absent)")
        )
    if dry_run:
        lines.append("Dry run: nothing was changed.")
        return "\n".join(lines)
    result = apply_proposal(session, meeting_id, proposal, mark_missing_absent=mark_missing_absent)
    lines.append(
        f"Applied: {result.present} on the list marked present, {result.added} added, "
        f"{result.absent} marked absent, {result.aliases} display names remembered; "
        f"{result.left_alone} rows left for review (ambiguous or unknown)."
    )
    return "\n".join(lines)


def _heading(proposal: Proposal, report: Report) -> str:
    platform = PLATFORM_NAMES.get(proposal.platform, proposal.platform)
    title = f" “{report.title}”" if report.title else ""
    return (
        f"{platform} report {proposal.file_name}{title}: {len(proposal.rows)} participants; "
        f"{proposal.count('matched')} matched, {proposal.count('ambiguous')} ambiguous, "
        f"{proposal.count('unknown')} unknown."
    )


def display_width(text: str) -> int:
    """Columns a terminal gives the text: Thai vowel and tone marks take none."""
    return sum(
        0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 2 if _wide(c) else 1 for c in text
    )


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    out = ""
    for char in text:
        if display_width(out + char) > width - 1:
            break
        out += char
    return out + "…" + " " * (width - 1 - display_width(out))


def proposal_table(proposal: Proposal) -> str:
    """The proposal as a text table: one line per report row, candidates under it."""
    widths = (3, 9, 5, 34, 5, 5, 4)
    head = ("#", "status", "score", "name in report", "in", "out", "min")
    lines = ["  ".join(_cut(h, w) for h, w in zip(head, widths, strict=True)) + "  person"]
    for number, row in enumerate(proposal.rows, start=1):
        cells = (
            str(number),
            row.status,
            f"{row.score:.0f}" if row.score else "-",
            row.report_name,
            format_thai_time(row.joined, suffix=False) or "-",
            format_thai_time(row.left, suffix=False) or "-",
            str(row.minutes) if row.minutes is not None else "-",
        )
        person = ""
        if row.person_id is not None:
            person = proposal.labels.get(row.person_id, str(row.person_id))
            person += f"  [{row.via}]" if row.via else ""
        elif row.status == "unknown":
            person = "(not on the roster: add as a new person, or ignore)"
        line = "  ".join(_cut(c, w) for c, w in zip(cells, widths, strict=True)) + "  " + person
        lines.append(line.rstrip())
        if row.person_id is None:
            for candidate in row.candidates:
                label = proposal.labels.get(candidate.person_id, candidate.name)
                lines.append(f"{'':>24}? {candidate.score:.0f}  {label}")
    return "\n".join(lines)
