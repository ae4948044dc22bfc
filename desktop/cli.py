"""The command line: an argparse front over services, exports and imports.

A public interface: command names, options and exit codes are kept stable.
Exit 0 on success; 2 on bad input, with the reason on stderr and nothing changed;
1 on an unexpected fault (the traceback only under --debug). No Qt on this path.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.errors import DatabaseProblem, PrachumError

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2
EXIT_FOUND = 3
"""`check` found something probably wrong (listed on stdout)."""


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


def _with_global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
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
    parser = _with_global_options(
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


_held_locks: list = []
_opened: list = []  # closed when the command ends: its files are no longer protected


def _writes(args: argparse.Namespace) -> bool:
    """Commands that change the database take its lock: a window open on it refuses them."""
    if args.command == "zoom":
        return not args.dry_run
    if args.command == "roster":
        return args.apply
    if args.command == "delete":
        return args.yes
    if args.command == "template":
        return args.set is not None or args.clear
    # The letters take a number in the outgoing register: they write too.
    return args.command in ("import", "demo", "restore", "invitations", "office")


def _on_server(args: argparse.Namespace) -> bool:
    from desktop.core.server import ServerAddress

    return isinstance(args.db, ServerAddress)


def _lock(args: argparse.Namespace) -> None:
    from desktop.core.db_file import default_db_path
    from desktop.core.lock import lock_for_writing

    if _on_server(args):  # the server keeps its own locks
        return
    path = Path(args.db or default_db_path())
    if _writes(args) and path.parent.is_dir():  # else open_database says the folder is missing
        from desktop.core.network_share import refuse_if_shared

        refuse_if_shared(path)  # not even a lock file is written on a share
        # DatabaseInUse, or a folder where the lock cannot be written: exit 2
        _held_locks.append(lock_for_writing(path))


def _open(args: argparse.Namespace):
    from desktop.core.db import open_database
    from desktop.core.db_file import default_db_path, read_only_place
    from desktop.core.network_share import NetworkShare

    _lock(args)
    if _on_server(args):
        database = open_database(args.db)
    else:
        path = Path(args.db or default_db_path())
        # A command that only reads opens a read-only file (or one in a read-only folder)
        # read-only, instead of failing where it would have written.
        readonly = not _writes(args) and read_only_place(path)
        try:
            database = open_database(path, readonly=readonly)
        except NetworkShare as refused:
            if _writes(args):
                raise
            # A reading command reads it as it is, and says why it was not opened to write.
            print(refused.message(args.lang), file=sys.stderr)
            database = open_database(path, readonly=True)
    if database.notice:
        if _writes(args):
            database.close()
            raise database.notice
        print(database.notice.message(args.lang), file=sys.stderr)
    _opened.append(database)
    return database


def cmd_meetings(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.thai import format_thai_date_short

    db = _open(args)
    with db.session() as session:
        for meeting in services.list_meetings(session):
            number = f"{meeting.number}" if meeting.number else "-"
            print(
                f"{meeting.id}\t{format_thai_date_short(meeting.date)}\t{number}\t{meeting.title}"
            )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.operations.meeting_file import import_meeting_file

    db = _open(args)
    with db.session() as session:
        meeting_id = import_meeting_file(session, args.file).id
    print(meeting_id)  # only once it is committed
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.operations.meeting_file import export_meeting_file

    db = _open(args)
    with db.session() as session:
        export_meeting_file(session, args.id, args.output)
    print(args.output)
    return EXIT_OK


def cmd_minutes(args: argparse.Namespace) -> int:
    if args.output.suffix.casefold() == ".pdf":
        from desktop.exports.minutes_pdf import export_minutes_pdf as export_minutes
    else:
        from desktop.exports.minutes_docx import export_minutes

    db = _open(args)
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

    db = _open(args)
    with db.session() as session:
        findings = meeting_checks(session, args.id)
    for finding in findings:
        print(f"{finding.place}: {finding.message(args.lang)}")
    return EXIT_FOUND if findings else EXIT_OK


def cmd_evidence(args: argparse.Namespace) -> int:
    from desktop.exports.evidence import export_evidence

    db = _open(args)
    with db.session() as session:
        export_evidence(session, args.id, args.output)
    print(args.output)
    return EXIT_OK


def cmd_agenda(args: argparse.Namespace) -> int:
    from desktop.exports.agenda_paper import export_agenda

    db = _open(args)
    with db.session() as session:
        export_agenda(
            session,
            args.id,
            args.output,
            with_text=args.with_text,
            thai_digits=args.thai_digits,
            font=args.font,
        )
    print(args.output)
    return EXIT_OK


def cmd_invitations(args: argparse.Namespace) -> int:
    from desktop.exports.invitation_letters import export_invitations

    db = _open(args)
    with db.session() as session:
        written = export_invitations(
            session,
            args.id,
            args.output,
            per_organization=args.per_organization,
            to_attendees=args.attendees,
            signer_id=args.signer,
            signing_as=args.signing_as,
            thai_digits=args.thai_digits,
            font=args.font,
        )
    for path in written:
        print(path)
    return EXIT_OK


def cmd_news(args: argparse.Namespace) -> int:
    from desktop.exports.news_release import export_news

    db = _open(args)
    with db.session() as session:
        export_news(session, args.id, args.output, thai_digits=args.thai_digits)
    print(args.output)
    return EXIT_OK


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def cmd_template(args: argparse.Namespace) -> int:
    from desktop.core.atomic import write_atomically
    from desktop.exports.builtin_templates import builtin_template
    from desktop.exports.paper_templates import set_paper_template

    if args.fields:
        from desktop.exports.template_fields import fields_text

        print(fields_text(args.paper, args.lang))
        return EXIT_OK
    if args.builtin is not None:
        builtin = builtin_template(args.paper)
        write_atomically(args.builtin, lambda temporary: _write_bytes(temporary, builtin))
        print(args.builtin)
        return EXIT_OK
    data: bytes | None = None
    if args.set is not None:
        try:
            data = args.set.read_bytes()
        except OSError as exc:
            raise PrachumError(
                f"อ่านไฟล์ {args.set} ไม่ได้", f"Cannot read {args.set} ({exc.strerror})."
            ) from exc
    db = _open(args)
    with db.session() as session:
        set_paper_template(session, args.paper, data)
    print("template kept" if data is not None else "built-in layout")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from desktop.exports.register_xlsx import export_register

    db = _open(args)
    with db.session() as session:
        export_register(session, args.output, year=args.year)
    print(args.output)
    return EXIT_OK


def cmd_office(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.services.papers import set_garuda_image, set_our_organization

    db = _open(args)
    with db.session() as session:
        organization = services.find_organization(session, args.organization)
        if organization is None:
            raise PrachumError(
                f"ไม่พบหน่วยงาน {args.organization}", f"No organisation {args.organization}."
            )
        fields = {
            key: value.replace("\\n", "\n") if isinstance(value, str) else value
            for key, value in (
                ("letter_code", args.code),
                ("address", args.address),
                ("letter_office", args.unit),
                ("phone", args.phone),
                ("email", args.email),
            )
            if value is not None
        }
        services.update_organization(session, organization.id, **fields)
        if args.ours:
            set_our_organization(session, organization.id)
        if args.garuda is not None:
            try:
                data = args.garuda.read_bytes()
            except OSError as exc:
                raise PrachumError(
                    f"อ่านไฟล์ {args.garuda} ไม่ได้", f"Cannot read {args.garuda} ({exc})."
                ) from exc
            set_garuda_image(session, data)
    print(organization.name)
    return EXIT_OK


def cmd_attendance(args: argparse.Namespace) -> int:
    from desktop.exports.attendance_xlsx import export_attendance

    db = _open(args)
    with db.session() as session:
        export_attendance(session, args.id, args.output, font=args.font)
    print(args.output)
    return EXIT_OK


def cmd_signin(args: argparse.Namespace) -> int:
    from desktop.exports.attendance_xlsx import export_signin_sheet

    db = _open(args)
    with db.session() as session:
        export_signin_sheet(session, args.id, args.output, font=args.font)
    print(args.output)
    return EXIT_OK


def cmd_attendance_summary(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.errors import NotFound
    from desktop.core.services.common import as_date
    from desktop.exports.attendance_xlsx import export_network_summary

    db = _open(args)
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

    db = _open(args)
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

    db = _open(args)
    with db.session() as session:
        text = run_roster_import(session, args.file, network_name=args.network, apply=args.apply)
        if not args.apply:
            session.rollback()
    print(text)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.thai import format_thai_date_short

    db = _open(args)
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


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.core.db_file import default_db_path
    from desktop.core.demo_file import (
        demo_path,
        file_holds_data,
        refuse_if_holds_data,
        session_holds_data,
    )
    from desktop.core.operations.demo import fill_demo

    if args.db is None:
        # Her own database is never touched: the demo has a file of its own beside it.
        args.db = demo_path(default_db_path())
        if file_holds_data(args.db):
            print(f"the demo is already in {args.db}")
            return EXIT_OK
    elif not _on_server(args):
        refuse_if_holds_data(args.db)  # before the lock and any migration: nothing changes
    db = _open(args)
    with db.session() as session:
        if _on_server(args):  # asked before anything is written: nothing changes
            refuse_if_holds_data(args.db.name, holds_data=session_holds_data(session))
        network = fill_demo(session)
        where = args.db.name if _on_server(args) else db.path
        print(f"demo network: {network.name} ({len(network.meetings)} meetings) in {where}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    from desktop.core import services

    dependents_of, delete = {
        "meeting": (services.meeting_dependents, services.delete_meeting),
        "person": (services.person_dependents, services.delete_person),
        "organization": (services.organization_dependents, services.delete_organization),
    }[args.kind]
    db = _open(args)
    with db.session() as session:
        dependents = dependents_of(session, args.id)
        if dependents.refusal is not None:
            raise dependents.refusal
        thai = args.lang == "th"
        name = dependents.thai_name if thai else dependents.english_name
        if args.yes:
            delete(session, args.id)
        print(("ลบ " if thai else "deleted: ") + name if args.yes else name)
        for line in dependents.lines(args.lang):
            print(f"  - {line}")
        if not args.yes:
            print(
                "nothing deleted: add --yes to delete" if not thai else "ยังไม่ได้ลบ: เพิ่ม --yes เพื่อลบ"
            )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.operations.backups import backup_to

    db = _open(args)
    print(backup_to(db, args.output))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.db_file import default_db_path
    from desktop.core.operations.backups import restore_from

    if _on_server(args):
        raise DatabaseProblem(
            "การกู้คืนลงเซิร์ฟเวอร์ทำด้วยคำสั่ง copy ไปยังฐานข้อมูลว่าง",
            "A backup is restored onto a server with `copy BACKUP URL` into an empty database.",
        )
    _lock(args)
    kept = restore_from(args.file, args.db or default_db_path())
    print(f"restored; the previous database is kept as {kept}" if kept else "restored")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from desktop.core.lock import acquire
    from desktop.core.network_share import refuse_if_shared
    from desktop.core.operations.copying import copy_database_to

    if isinstance(args.target, Path) and args.target.parent.is_dir():
        refuse_if_shared(args.target)
        _held_locks.append(acquire(args.target))  # a window open on it refuses the copy
    report = copy_database_to(args.source, args.target)
    print(report.summary())
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    from desktop.core import server_roles
    from desktop.core.db_server import upgrade_server

    if not _on_server(args):
        raise DatabaseProblem(
            "คำสั่ง server ต้องระบุ --db postgresql://ผู้ใช้@เซิร์ฟเวอร์/ฐานข้อมูล",
            "`server` needs --db postgresql://USER@HOST/DATABASE.",
        )
    thai = args.lang == "th"
    if args.server_action == "add-user":
        password = server_roles.add_user(args.db, args.name, server_roles.ServerRole(args.role))
        if thai:
            print(f"เพิ่มผู้ใช้ {args.name} ({args.role}) ใน {args.db.name} แล้ว")
            print(f"รหัสผ่าน (แสดงครั้งเดียว จดไว้ให้เจ้าตัว): {password}")
        else:
            print(f"{args.name} added to {args.db.name} as {args.role}")
            print(f"password (shown once; give it to them): {password}")
        return EXIT_OK
    if args.server_action == "remove-user":
        server_roles.remove_user(args.db, args.name)
        print(
            f"ลบผู้ใช้ {args.name} ออกจาก {args.db.name} แล้ว"
            if thai
            else f"{args.name} removed from {args.db.name}"
        )
        return EXIT_OK
    if args.server_action == "init":
        before, after, created = server_roles.init_server(args.db)
        groups = ", ".join(created)
        if thai:
            print(f"{args.db.name}: โครงสร้างรุ่น {after}; กลุ่มที่สร้างใหม่: {groups or 'ไม่มี'}")
        else:
            print(
                f"{args.db.name}: schema {before or 'empty'} -> {after}; new groups: {groups or 'none'}"
            )
        return EXIT_OK
    before, after = upgrade_server(args.db)
    if before == after:
        print(f"{args.db.name}: already at schema {after}")
    else:
        print(f"{args.db.name}: schema {before or 'empty'} -> {after}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "meetings": cmd_meetings,
    "import": cmd_import,
    "export": cmd_export,
    "minutes": cmd_minutes,
    "check": cmd_check,
    "evidence": cmd_evidence,
    "agenda": cmd_agenda,
    "invitations": cmd_invitations,
    "register": cmd_register,
    "news": cmd_news,
    "template": cmd_template,
    "office": cmd_office,
    "attendance": cmd_attendance,
    "signin": cmd_signin,
    "attendance-summary": cmd_attendance_summary,
    "zoom": cmd_zoom,
    "roster": cmd_roster,
    "search": cmd_search,
    "demo": cmd_demo,
    "delete": cmd_delete,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "copy": cmd_copy,
    "server": cmd_server,
}


def _run_command(args: argparse.Namespace) -> int:
    """The command, then a word on any damaged value it read."""
    damage = sys.modules.get("desktop.core.damage")
    before = damage.damage_seen() if damage else 0
    code = COMMANDS[args.command](args)
    _warn_of_damage(before)
    return code


def _warn_of_damage(before: int) -> None:
    """Values the command read as damaged (text not UTF-8, a date that is none) are named
    on stderr, by meeting and field; the command itself did its work with the rest."""
    if "desktop.core.damage" not in sys.modules or not _opened:
        return
    from desktop.core.damage import damage_report, damage_seen

    if damage_seen() == before:
        return
    found = damage_report(_opened[0].path)
    print(
        "warning: the database holds damaged values (shown as damaged, the rest is as it "
        "was; restore a backup to mend them):",
        file=sys.stderr,
    )
    for line in found:
        print(f"  {line}", file=sys.stderr)


def run_gui(args: argparse.Namespace) -> int:
    try:
        from desktop.ui.shell.app import run as run_app
    except ImportError as exc:  # the GUI is not built or PySide6 is missing
        print(f"The desktop window is not available ({exc}).", file=sys.stderr)
        build_parser().print_help()
        return EXIT_FAULT
    return run_app(db_path=args.db)


class _Silent(argparse.ArgumentParser):
    """A mistake is left to the full parser to explain."""

    def error(self, message: str) -> None:  # type: ignore[override]  # raises, as NoReturn says
        raise ValueError(message)


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` only starts the window (no command, no help), else None.

    The window's start does not wait for the fifteen commands' parsers to be built
    (about 5 ms); anything else, a mistake included, goes to the full parser.
    """
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    parser = _with_global_options(_Silent(add_help=False, exit_on_error=False))
    try:
        args, rest = parser.parse_known_args(list(argv))
    except (argparse.ArgumentError, ValueError):
        return None
    if rest:
        return None
    args.command = None
    return args


def _fault(args: argparse.Namespace, exc: Exception) -> int:
    """Exit 2 for a full disk or a read-only place, said as such; 1 for a fault of ours."""
    from desktop.core.errors import explain_fault

    db = getattr(args, "db", None)
    problem = explain_fault(exc, db if isinstance(db, (str, Path)) else None)
    if problem is not None:
        print(f"error: {problem.message(args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.debug:
        traceback.print_exc()
    else:
        print(
            f"fault: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
    return EXIT_FAULT


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = window_arguments(argv) or build_parser().parse_args(argv)
    if getattr(args, "command", None) == "report":
        args.command = "zoom"  # the alias: one command, two names
    try:
        if args.command is None:
            return run_gui(args)
        return _run_command(args)
    except PrachumError as exc:
        print(f"error: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_FAULT
    except BrokenPipeError:
        # `... | head`: the reader has gone; not a fault. Quiet the interpreter's own flush.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        return EXIT_OK
    except Exception as exc:
        return _fault(args, exc)
    finally:
        while _opened:
            _opened.pop().close()
        while _held_locks:
            _held_locks.pop().release()
