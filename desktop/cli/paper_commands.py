"""The papers around a meeting: agenda, invitation letters and their register, the
press release, her own templates and her office's letter details."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.exits import EXIT_OK
from desktop.cli.opening import open_database_for
from desktop.core.errors import PrachumError


def cmd_agenda(args: argparse.Namespace) -> int:
    from desktop.exports.agenda_paper import export_agenda

    db = open_database_for(args)
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

    db = open_database_for(args)
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

    db = open_database_for(args)
    with db.session() as session:
        export_news(session, args.id, args.output, thai_digits=args.thai_digits)
    print(args.output)
    return EXIT_OK


def write_bytes(path: Path, data: bytes) -> None:
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
        write_atomically(args.builtin, lambda temporary: write_bytes(temporary, builtin))
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
    db = open_database_for(args)
    with db.session() as session:
        set_paper_template(session, args.paper, data)
    print("template kept" if data is not None else "built-in layout")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from desktop.exports.register_xlsx import export_register

    db = open_database_for(args)
    with db.session() as session:
        export_register(session, args.output, year=args.year)
    print(args.output)
    return EXIT_OK


def cmd_office(args: argparse.Namespace) -> int:
    from desktop.core import services
    from desktop.core.services.papers import set_garuda_image, set_our_organization

    db = open_database_for(args)
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
