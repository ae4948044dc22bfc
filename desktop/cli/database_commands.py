"""The commands on a whole database: the demo, deleting a record, backup and
restore, copying to and from a server, and the server's own commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.exits import EXIT_OK
from desktop.cli.opening import held_locks, on_server, open_database_for, take_lock
from desktop.core.errors import DatabaseProblem


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
    elif not on_server(args):
        refuse_if_holds_data(args.db)  # before the lock and any migration: nothing changes
    db = open_database_for(args)
    with db.session() as session:
        if on_server(args):  # asked before anything is written: nothing changes
            refuse_if_holds_data(args.db.name, holds_data=session_holds_data(session))
        network = fill_demo(session)
        where = args.db.name if on_server(args) else db.path
        print(f"demo network: {network.name} ({len(network.meetings)} meetings) in {where}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    from desktop.core import services

    dependents_of, delete = {
        "meeting": (services.meeting_dependents, services.delete_meeting),
        "person": (services.person_dependents, services.delete_person),
        "organization": (services.organization_dependents, services.delete_organization),
    }[args.kind]
    db = open_database_for(args)
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

    db = open_database_for(args)
    print(backup_to(db, args.output))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.db_file import default_db_path
    from desktop.core.operations.backups import restore_from

    if on_server(args):
        raise DatabaseProblem(
            "การกู้คืนลงเซิร์ฟเวอร์ทำด้วยคำสั่ง copy ไปยังฐานข้อมูลว่าง",
            "A backup is restored onto a server with `copy BACKUP URL` into an empty database.",
        )
    take_lock(args)
    kept = restore_from(args.file, args.db or default_db_path())
    print(f"restored; the previous database is kept as {kept}" if kept else "restored")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from desktop.core.lock import acquire
    from desktop.core.network_share import refuse_if_shared
    from desktop.core.operations.copying import copy_database_to

    if isinstance(args.target, Path) and args.target.parent.is_dir():
        refuse_if_shared(args.target)
        held_locks.append(acquire(args.target))  # a window open on it refuses the copy
    report = copy_database_to(args.source, args.target)
    print(report.summary())
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    from desktop.core import server_roles
    from desktop.core.db_server import upgrade_server

    if not on_server(args):
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
