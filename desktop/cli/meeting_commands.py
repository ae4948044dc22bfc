"""The commands about meetings: list, import and export, minutes, checks, evidence,
attendance sheets, reports, roster sheets and search."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.exits import EXIT_FOUND, EXIT_OK
from desktop.cli.opening import open_database_for


def cmd_meetings(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.thai import format_thai_date_short

    db = open_database_for(args)
    with db.session() as session:
        for meeting in services.list_meetings(session):
            number = f"{meeting.number}" if meeting.number else "-"
            print(
                f"{meeting.id}\t{format_thai_date_short(meeting.date)}\t{number}\t{meeting.title}"
            )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.operations.meeting_file import import_meeting_file

    db = open_database_for(args)
    with db.session() as session:
        meeting_id = import_meeting_file(session, args.file).id
    print(meeting_id)  # only once it is committed
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.operations.meeting_file import export_meeting_file

    db = open_database_for(args)
    with db.session() as session:
        export_meeting_file(session, args.id, args.output)
    print(args.output)
    return EXIT_OK


def cmd_minutes(args: argparse.Namespace) -> int:
    if args.output.suffix.casefold() == ".pdf":
        from desktop.exports.minutes_pdf import export_minutes_pdf as export_minutes
    else:
        from desktop.exports.minutes_docx import export_minutes

    db = open_database_for(args)
    with db.session() as session:
        export_minutes(
            session,
            args.id,
            args.output,
            thai_digits=args.thai_digits,
            font=args.font,
            zero_votes_as_none=args.zero_votes_as_none,
        )
    print(args.output)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.core.services.checks import meeting_checks

    db = open_database_for(args)
    with db.session() as session:
        findings = meeting_checks(session, args.id)
    for finding in findings:
        print(f"{finding.place}: {finding.message(args.lang)}")
    return EXIT_FOUND if findings else EXIT_OK


def cmd_evidence(args: argparse.Namespace) -> int:
    from desktop.exports.evidence import export_evidence

    db = open_database_for(args)
    with db.session() as session:
        export_evidence(session, args.id, args.output)
    print(args.output)
    return EXIT_OK


def cmd_attendance(args: argparse.Namespace) -> int:
    from desktop.exports.attendance_xlsx import export_attendance

    db = open_database_for(args)
    with db.session() as session:
        export_attendance(session, args.id, args.output, font=args.font)
    print(args.output)
    return EXIT_OK


def cmd_signin(args: argparse.Namespace) -> int:
    from desktop.exports.attendance_xlsx import export_signin_sheet

    db = open_database_for(args)
    with db.session() as session:
        export_signin_sheet(session, args.id, args.output, font=args.font)
    print(args.output)
    return EXIT_OK


def cmd_attendance_summary(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.errors import NotFound
    from desktop.core.services.common import as_date
    from desktop.exports.attendance_xlsx import export_network_summary

    db = open_database_for(args)
    with db.session() as session:
        network = services.find_network(session, args.network)
        if network is None:
            raise NotFound(f"ไม่พบเครือข่าย {args.network}", f"No network named {args.network}.")
        export_network_summary(
            session,
            network.id,
            as_date(args.date_from, "--from"),
            as_date(args.date_to, "--to"),
            args.output,
            font=args.font,
        )
    print(args.output)
    return EXIT_OK


def cmd_zoom(args: argparse.Namespace) -> int:
    from desktop.imports.report_cli import run_report_import

    db = open_database_for(args)
    with db.session() as session:
        text = run_report_import(
            session,
            args.id,
            args.report,
            dry_run=args.dry_run,
            mark_missing_absent=args.mark_missing_absent,
            language=args.lang,
        )
        if args.dry_run:
            session.rollback()
    print(text)
    return EXIT_OK


def cmd_roster(args: argparse.Namespace) -> int:
    from desktop.imports.roster import run_roster_import

    db = open_database_for(args)
    with db.session() as session:
        text = run_roster_import(session, args.file, network_name=args.network, apply=args.apply)
        if not args.apply:
            session.rollback()
    print(text)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.thai import format_thai_date_short

    db = open_database_for(args)
    with db.session() as session:
        hits = services.search(session, args.text, voted=args.voted)
        for hit in hits:
            number = f"{hit.number}" if hit.number else "-"
            where = f"ระเบียบวาระที่ {hit.item_number} {hit.item_title}" if hit.item_id else "meeting"
            vote = f"\t{hit.vote}" if hit.vote else ""
            print(
                f"{hit.meeting_id}\t{format_thai_date_short(hit.date)}\t{number}\t{hit.title}"
                f"\t{where}\t{hit.snippet}{vote}"
            )
        if not hits:
            print(f"no match for {args.text!r}", file=sys.stderr)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    """Who changed what: one line per change, oldest first (time, user, what)."""
    from desktop.core import services

    db = open_database_for(args)
    language = "en" if args.lang == "en" else "th"
    with db.reading() as session:
        if args.item is not None:
            rows = services.item_history(session, args.item)
            rows = [row for row in rows if row.meeting_id in (args.id, None)]
        else:
            rows = services.meeting_history(session, args.id)
    for row in rows:
        print(f"{row.when}\t{row.user}\t{row.what(language, width=HISTORY_WIDTH)}")
    return EXIT_OK


HISTORY_WIDTH = 80
"""A value longer than this is cut in a line of `history` (the window shows it whole)."""
