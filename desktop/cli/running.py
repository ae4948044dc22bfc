"""Running the command line: the window or a command, and every exit said plainly."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.cli.arguments import build_parser, with_global_options
from desktop.cli.database_commands import (
    cmd_backup,
    cmd_copy,
    cmd_delete,
    cmd_demo,
    cmd_restore,
    cmd_server,
)
from desktop.cli.exits import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK
from desktop.cli.meeting_commands import (
    cmd_attendance,
    cmd_attendance_summary,
    cmd_check,
    cmd_evidence,
    cmd_export,
    cmd_history,
    cmd_import,
    cmd_meetings,
    cmd_minutes,
    cmd_roster,
    cmd_search,
    cmd_signin,
    cmd_zoom,
)
from desktop.cli.opening import held_locks, opened_databases
from desktop.cli.paper_commands import (
    cmd_agenda,
    cmd_invitations,
    cmd_news,
    cmd_office,
    cmd_register,
    cmd_template,
)
from desktop.core.errors import PrachumError

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
    "history": cmd_history,
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
    if "desktop.core.damage" not in sys.modules or not opened_databases:
        return
    from desktop.core.damage import damage_report, damage_seen

    if damage_seen() == before:
        return
    found = damage_report(opened_databases[0].path)
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
    parser = with_global_options(_Silent(add_help=False, exit_on_error=False))
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
        while opened_databases:
            opened_databases.pop().close()
        while held_locks:
            held_locks.pop().release()
