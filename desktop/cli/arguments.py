"""The command line's grammar: every command, its options and their types."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.exits import EXIT_BAD_INPUT
from desktop.core.errors import PrachumError


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is bad input (exit 2) with our wording."""

    def error(self, message: str) -> None:  # type: ignore[override]  # raises, as NoReturn says
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def record_id(text: str) -> int:
    """A record's id as the database stores it: 1 up to 2**63 - 1."""
    try:
        value = int(text) if len(text) <= 20 else 0
    except ValueError:
        value = 0
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{text[:30]!r} is not an id (a whole number from 1)")
    return value


def _database_target(value: str):
    from desktop.core.server import database_target

    try:
        return database_target(value)
    except PrachumError as exc:
        raise argparse.ArgumentTypeError(exc.message("en")) from None


def with_global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--db",
        type=_database_target,
        metavar="FILE|URL",
        help="the database file (default: in your data folder), "
        "or a server's postgresql://USER@HOST[:PORT]/DATABASE",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of faults")
    parser.add_argument("--lang", choices=("th", "en"), default="en", help="message language")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = with_global_options(
        _Parser(
            prog="prachum" if getattr(sys, "frozen", False) else "python main.py",
            description=(
                "Prachum: meetings, minutes and attendance for Thai local-authority networks. "
                "Without a COMMAND, the desktop window opens."
            ),
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("meetings", help="list meetings: id, date, number, title")

    p = sub.add_parser("import", help="import a meeting file (.meeting.json)")
    p.add_argument("file", type=Path)

    p = sub.add_parser("export", help="export a meeting to a meeting file")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True)

    p = sub.add_parser("minutes", help="write the official minutes (DOCX, or PDF for FILE.pdf)")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--thai-digits", action="store_true", help="every digit as ๐-๙")
    p.add_argument("--font", default=None, help="TH SarabunPSK (default) or TH Sarabun New")
    p.add_argument("--zero-votes-as-none", action="store_true", help="a vote count of zero as ไม่มี")

    p = sub.add_parser(
        "check", help="what is probably wrong before finalising (nothing printed when all is well)"
    )
    p.add_argument("id", type=record_id)

    p = sub.add_parser(
        "evidence", help="the e-meeting evidence bundle (ZIP: minutes, attendance, reports, hashes)"
    )
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True)

    p = sub.add_parser("agenda", help="write the agenda to send with the letters (DOCX or PDF)")
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--with-text", action="store_true", help="each item's prepared text too")
    p.add_argument("--thai-digits", action="store_true", help="every digit as ๐-๙")
    p.add_argument("--font", default=None)

    p = sub.add_parser("invitations", help="write the invitation letters (DOCX or PDF)")
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", type=Path, help="one file, a letter per page")
    p.add_argument("--per-organization", type=Path, metavar="FOLDER", help="a file each")
    p.add_argument("--attendees", action="store_true", help="to each expected person's office")
    p.add_argument("--signer", type=int, metavar="PERSON_ID", help="who signs for the head")
    p.add_argument(
        "--signing-as",
        choices=("self", "for", "acting"),
        default="self",
        help="for: ปฏิบัติราชการแทน, acting: รักษาราชการแทน",
    )
    p.add_argument("--thai-digits", action="store_true", help="every digit as ๐-๙")
    p.add_argument("--font", default=None)

    p = sub.add_parser("news", help="draft the press release (TXT, DOCX or PDF)")
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--thai-digits", action="store_true", help="every digit as ๐-๙")

    p = sub.add_parser("template", help="her office's own DOCX template for a paper")
    p.add_argument("paper", choices=("minutes", "invitation", "agenda", "news"))
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--fields", action="store_true", help="list the fields it can use")
    group.add_argument("--set", type=Path, metavar="FILE.docx", help="use this template")
    group.add_argument("--clear", action="store_true", help="back to the built-in layout")
    group.add_argument(
        "--builtin", type=Path, metavar="FILE.docx", help="save the built-in one to start from"
    )

    p = sub.add_parser("register", help="write the outgoing register (XLSX)")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--year", type=int, help="a Buddhist year, e.g. 2567 (default: all)")

    p = sub.add_parser("office", help="what letters from an organisation print; ours")
    p.add_argument("organization", help="the organisation's name")
    p.add_argument("--code", help="ที่: the letter code, e.g. 'ลพ 52001'")
    p.add_argument("--address", help="the address (lines separated by '\\n')")
    p.add_argument("--unit", help="ส่วนราชการเจ้าของเรื่อง, e.g. สำนักปลัดเทศบาล")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--ours", action="store_true", help="this is our organisation")
    p.add_argument("--garuda", type=Path, help="the Garuda image (PNG or JPEG) for letters")

    p = sub.add_parser("attendance", help="write the attendance workbook (XLSX)")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--font", default=None)

    p = sub.add_parser("signin", help="write the sign-in sheet for an onsite meeting (XLSX)")
    p.add_argument("id", type=record_id)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--font", default=None)

    p = sub.add_parser("attendance-summary", help="a network's attendance over a period (XLSX)")
    p.add_argument("--network", required=True, help="the network's name")
    p.add_argument("--from", dest="date_from", required=True, help="2024-01-01 or 1/1/2567")
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--font", default=None)

    p = sub.add_parser(
        "zoom",
        aliases=["report"],
        help="settle attendance from a report, a chat, a LINE export or a sign-in form "
        "(Zoom, Teams, Google Meet, Webex; told apart by content)",
    )
    p.add_argument("id", type=record_id)
    p.add_argument("report", type=Path)
    p.add_argument("--dry-run", action="store_true", help="print the proposal, change nothing")
    p.add_argument(
        "--mark-missing-absent", action="store_true", help="expected people not seen: absent"
    )

    p = sub.add_parser("roster", help="import people from a spreadsheet (XLSX or CSV)")
    p.add_argument("file", type=Path)
    p.add_argument("--network", help="add their organisations to this network")
    p.add_argument("--apply", action="store_true", help="write (the default is a dry run)")

    p = sub.add_parser("history", help="who changed what in a meeting, and when")
    p.add_argument("id", type=record_id, help="the meeting's id")
    p.add_argument("--item", type=record_id, help="only this agenda item's changes")

    p = sub.add_parser("search", help="find meetings, agenda text and resolutions")
    p.add_argument("text")
    p.add_argument("--voted", action="store_true", help="only resolutions that were voted")

    sub.add_parser(
        "demo",
        help="write the demo network into demo.db beside your database (or into an empty --db)",
    )

    p = sub.add_parser("delete", help="delete a meeting, person or organisation made by mistake")
    p.add_argument("kind", choices=("meeting", "person", "organization"))
    p.add_argument("id", type=int)
    p.add_argument("--yes", action="store_true", help="delete (the default prints what depends)")

    p = sub.add_parser("backup", help="write a consistent copy of the database")
    p.add_argument("-o", "--output", type=Path, required=True)

    p = sub.add_parser("restore", help="replace the database with a backup (the current is kept)")
    p.add_argument("file", type=Path)

    p = sub.add_parser(
        "copy", help="copy everything into an empty database (each side a file or a server URL)"
    )
    p.add_argument("source", type=_database_target, metavar="SOURCE")
    p.add_argument("target", type=_database_target, metavar="TARGET")

    p = sub.add_parser("server", help="administer a database on a PostgreSQL server")
    actions = p.add_subparsers(dest="server_action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    actions.add_parser(
        "upgrade", help="create or upgrade Prachum's tables on the server (--db URL, admin)"
    )
    actions.add_parser(
        "init",
        help="create the tables and the groups secretary, reader and admin (--db URL, admin)",
    )
    a = actions.add_parser(
        "add-user", help="add a person who signs in (her password is shown once)"
    )
    a.add_argument("name", help="her user name: lower-case English letters, digits, _")
    a.add_argument("--role", required=True, choices=("secretary", "reader", "admin"))
    a = actions.add_parser("remove-user", help="remove a person of this database")
    a.add_argument("name")
    return parser
