"""People and what they may do on a server: the groups `server init` makes, their GRANTs,
and a reader refused by the server itself at every service that writes, nothing changed.

Roles belong to the whole cluster, not to a database: every test drops the ones it made.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import psycopg
import pytest
from psycopg import sql
from server_people import drop_roles_of, signed_in_as
from sqlalchemy import text

from desktop.cli import main
from desktop.core import services
from desktop.core.db import open_database
from desktop.core.db_file import head_revision
from desktop.core.db_server import ReadOnlyAccount, upgrade_server
from desktop.core.errors import DatabaseProblem, PrachumError
from desktop.core.models import AgendaItem, Meeting
from desktop.core.server import ServerAddress
from desktop.core.server_roles import (
    ServerRole,
    add_user,
    group_role,
    init_server,
    remove_user,
)
from desktop.core.services import agenda_restore, papers

READ_ONLY = "Your account may only read this database; nothing was changed."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
Ids = dict[str, int]


@pytest.fixture
def initialised(pg_url) -> Iterator[tuple[str, Ids]]:
    """A database with something in every table, then `server init`."""
    ids = seed(pg_url)
    init_server(ServerAddress(pg_url))
    yield pg_url, ids
    drop_roles_of(pg_url, ServerAddress(pg_url).database)


def seed(url: str) -> Ids:
    database = open_database(url)
    s = services
    with database.session() as session:
        org = s.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
        org2 = s.create_organization(session, name="องค์การบริหารส่วนตำบลทุ่งต้อม")
        lone_org = s.create_organization(session, name="หน่วยงานที่ลบได้")
        p1 = s.create_person(session, given_name="สมชาย", family_name="ใจดี", organization_id=org.id)
        p2 = s.create_person(session, given_name="วิไล", family_name="ศรีสุข", organization_id=org.id)
        p3 = s.create_person(session, given_name="มาลี", family_name="บุญมา", organization_id=org2.id)
        lone = s.create_person(session, given_name="บุคคล", family_name="ที่ลบได้")
        # Listed nowhere yet: add_network_members has someone to add.
        s.create_person(session, given_name="สมหญิง", family_name="ดีงาม", organization_id=org.id)
        net = s.create_network(session, name="เครือข่ายลุ่มน้ำปิง", member_ids=[org.id])
        earlier = s.create_meeting(
            session, title="ครั้งก่อน", date=date(2025, 1, 10), network_id=net.id
        )
        s.add_attendee(session, earlier.id, p3.id)
        old_item = s.add_agenda_item(session, earlier.id, title="เรื่องเดิม")
        s.add_action(session, old_item.id, text="ติดตามงานเดิม")
        meeting = s.create_meeting(session, title="ครั้งนี้", date=date(2025, 2, 10), network_id=net.id)
        a1 = s.add_attendee(session, meeting.id, p1.id)
        a2 = s.add_attendee(session, meeting.id, p2.id, status="absent")
        item = s.add_agenda_item(session, meeting.id, title="เรื่องที่หนึ่ง")
        item2 = s.add_agenda_item(session, meeting.id, title="เรื่องที่สอง")
        item3 = s.add_agenda_item(session, meeting.id, title="เรื่องที่ลบได้")
        child = s.add_agenda_item(session, meeting.id, title="เรื่องย่อย", parent_id=item.id)
        action = s.add_action(session, item.id, text="จัดทำรายงาน")
        s.set_vote(session, item.id, votes_for=3)
        template = s.save_agenda_as_template(session, meeting.id, "แม่แบบทดสอบ")
        s.remember_alias(session, "สมชาย (ซูม)", p1.id)
        spare = s.create_meeting(session, title="ประชุมที่ลบได้", date=date(2025, 3, 1))
        s.keep_report_file(session, meeting.id, "participants.csv", b"name\n", "zoom")
        session.flush()
        ids = {
            "org": org.id,
            "org2": org2.id,
            "lone_org": lone_org.id,
            "p1": p1.id,
            "p2": p2.id,
            "p3": p3.id,
            "lone": lone.id,
            "net": net.id,
            "earlier": earlier.id,
            "meeting": meeting.id,
            "a1": a1.id,
            "a2": a2.id,
            "item": item.id,
            "item2": item2.id,
            "item3": item3.id,
            "child": child.id,
            "action": action.id,
            "template": template.id,
            "spare": spare.id,
        }
    with database.session() as session:
        s.finalise_meeting(session, ids["earlier"])
        # Something for refresh_snapshots and renumber_agenda to put right.
        s.update_person(session, ids["p1"], position="ตำแหน่งใหม่")
        session.get(AgendaItem, ids["item2"]).number = "99"  # type: ignore[union-attr]
    database.close()
    return ids


def _meeting(session: Any, ids: Ids) -> Meeting:
    return session.get(Meeting, ids["meeting"])


# Every service that writes, and a call of it that writes (the secretary's run shows it).
WRITES: dict[str, Callable[[Any, Ids], object]] = {
    "add_action": lambda s, i: services.add_action(s, i["item"], text="งานใหม่"),
    "add_agenda_item": lambda s, i: services.add_agenda_item(s, i["meeting"], title="ใหม่"),
    "add_attendee": lambda s, i: services.add_attendee(s, i["meeting"], i["p3"]),
    "add_network_members": lambda s, i: services.add_network_members(s, i["meeting"]),
    "apply_template": lambda s, i: services.apply_template(s, i["meeting"], i["template"]),
    "carry_over_actions": lambda s, i: services.carry_over_actions(s, i["meeting"]),
    "certify_previous_minutes": lambda s, i: services.certify_previous_minutes(s, i["meeting"]),
    "circular_number": lambda s, i: papers.circular_number(
        s,
        _meeting(s, i),
        kind="invitation",
        letter_code="ลพ 52001",
        sender="นายก",
        recipients=["สมาชิก"],
        subject="ขอเชิญประชุม",
        today=date(2025, 2, 1),
    ),
    "clear_vote": lambda s, i: services.clear_vote(s, i["item"]),
    "copy_expected_attendance": lambda s, i: services.copy_expected_attendance(
        s, i["meeting"], i["earlier"]
    ),
    "create_meeting": lambda s, i: services.create_meeting(s, title="ใหม่", date="2025-04-01"),
    "create_network": lambda s, i: services.create_network(s, name="เครือข่ายใหม่"),
    "create_organization": lambda s, i: services.create_organization(s, name="หน่วยงานใหม่"),
    "create_person": lambda s, i: services.create_person(s, given_name="คนใหม่"),
    "delete_action": lambda s, i: services.delete_action(s, i["action"]),
    "delete_agenda_item": lambda s, i: services.delete_agenda_item(s, i["item3"]),
    "delete_meeting": lambda s, i: services.delete_meeting(s, i["spare"]),
    "delete_organization": lambda s, i: services.delete_organization(s, i["lone_org"]),
    "delete_person": lambda s, i: services.delete_person(s, i["lone"]),
    "delete_template": lambda s, i: services.delete_template(s, i["template"]),
    "ensure_standard_templates": lambda s, i: services.ensure_standard_templates(s),
    "finalise_meeting": lambda s, i: services.finalise_meeting(s, i["meeting"]),
    "forget_alias": lambda s, i: services.forget_alias(s, "สมชาย (ซูม)"),
    "indent_agenda_item": lambda s, i: services.indent_agenda_item(s, i["item2"]),
    "keep_report_file": lambda s, i: services.keep_report_file(
        s, i["meeting"], "again.csv", b"other\n", "zoom"
    ),
    "mark_absent": lambda s, i: services.mark_absent(s, i["a1"], "ลาป่วย"),
    "mark_present": lambda s, i: services.mark_present(s, i["a2"]),
    "move_agenda_item": lambda s, i: services.move_agenda_item(s, i["item2"], -1),
    "move_attendee": lambda s, i: services.move_attendee(s, i["a2"], -1),
    "outdent_agenda_item": lambda s, i: services.outdent_agenda_item(s, i["child"]),
    "refresh_snapshots": lambda s, i: services.refresh_snapshots(s, i["p1"]),
    "remember_alias": lambda s, i: services.remember_alias(s, "วิไล (ซูม)", i["p2"]),
    "remove_attendee": lambda s, i: services.remove_attendee(s, i["a2"]),
    "rename_template": lambda s, i: services.rename_template(s, i["template"], "ชื่อใหม่"),
    "renumber_agenda": lambda s, i: services.renumber_agenda(s, i["meeting"]),
    "reopen_meeting": lambda s, i: services.reopen_meeting(s, i["earlier"]),
    "reorder_attendance": lambda s, i: services.reorder_attendance(
        s, i["meeting"], [i["a2"], i["a1"]]
    ),
    "save_agenda_as_template": lambda s, i: services.save_agenda_as_template(
        s, i["meeting"], "แม่แบบที่สอง"
    ),
    # Not in the package's namespace, but the agenda editor writes through it.
    "set_attendance_status": lambda s, i: services.set_attendance_status(s, i["a1"], "absent"),
    "set_item_field": lambda s, i: agenda_restore.set_item_field(s, i["item"], "body", "ใหม่"),
    "set_garuda_image": lambda s, i: papers.set_garuda_image(s, PNG),
    "set_network_members": lambda s, i: services.set_network_members(
        s, i["net"], [i["org"], i["org2"]]
    ),
    "set_our_organization": lambda s, i: papers.set_our_organization(s, i["org"]),
    "set_resolution_points": lambda s, i: services.set_resolution_points(s, i["item"], ["ข้อ"]),
    "set_template_items": lambda s, i: services.set_template_items(
        s, i["template"], [("other", "เรื่องอื่น ๆ")]
    ),
    "set_vote": lambda s, i: services.set_vote(s, i["item"], votes_for=5),
    # It makes the standard templates the first time it is asked for one.
    "standard_template_id": lambda s, i: services.standard_template_id(s),
    "toggle_attendance": lambda s, i: services.toggle_attendance(s, i["a1"]),
    "update_action": lambda s, i: services.update_action(s, i["action"], text="แก้แล้ว"),
    "update_agenda_item": lambda s, i: services.update_agenda_item(s, i["item"], title="แก้"),
    "update_attendance": lambda s, i: services.update_attendance(s, i["a1"], note="มาสาย"),
    "update_meeting": lambda s, i: services.update_meeting(s, i["meeting"], title="แก้แล้ว"),
    "update_network": lambda s, i: services.update_network(s, i["net"], name="เครือข่ายแก้"),
    "update_organization": lambda s, i: services.update_organization(s, i["org"], name="แก้"),
    "update_person": lambda s, i: services.update_person(s, i["p2"], position="ปลัด"),
}

# Every service that reads: a reader may call each of them.
READS: dict[str, Callable[[Any, Ids], object]] = {
    "alias_map": lambda s, i: services.alias_map(s),
    "attendance_statistics": lambda s, i: services.attendance_statistics(s),
    "authority_attendance": lambda s, i: services.authority_attendance(s),
    "decision_statistics": lambda s, i: services.decision_statistics(s),
    "find_network": lambda s, i: services.find_network(s, "เครือข่ายลุ่มน้ำปิง"),
    "find_organization": lambda s, i: services.find_organization(s, "เทศบาลตำบลบ้านกลาง"),
    "find_person": lambda s, i: services.find_person(s, "สมชาย", "ใจดี", i["org"]),
    "garuda_image": lambda s, i: papers.garuda_image(s),
    "item_history": lambda s, i: services.item_history(s, i["item"]),
    "list_meetings": lambda s, i: services.list_meetings(s),
    "meeting_history": lambda s, i: services.meeting_history(s, i["meeting"]),
    "list_networks": lambda s, i: services.list_networks(s),
    "list_organizations": lambda s, i: services.list_organizations(s),
    "list_people": lambda s, i: services.list_people(s),
    "list_templates": lambda s, i: services.list_templates(s),
    "load_meeting": lambda s, i: services.load_meeting(s, i["meeting"]),
    "lookup_alias": lambda s, i: services.lookup_alias(s, "สมชาย (ซูม)"),
    "matching_meeting_ids": lambda s, i: services.matching_meeting_ids(s, "ครั้ง"),
    "meeting_dependents": lambda s, i: services.meeting_dependents(s, i["meeting"]),
    "open_actions": lambda s, i: services.open_actions(s, i["meeting"]),
    "organization_dependents": lambda s, i: services.organization_dependents(s, i["org"]),
    "our_organization": lambda s, i: papers.our_organization(s),
    "people_named": lambda s, i: services.people_named(s, "สมชาย", "ใจดี", i["org"]),
    "period_with_data": lambda s, i: services.period_with_data(s),
    "person_attendance": lambda s, i: services.person_attendance(s),
    "person_dependents": lambda s, i: services.person_dependents(s, i["p1"]),
    "previous_meeting": lambda s, i: services.previous_meeting(s, _meeting(s, i)),
    "propose_meeting_number": lambda s, i: services.propose_meeting_number(
        s, None, date(2025, 5, 1)
    ),
    "proposed_carry_over": lambda s, i: services.proposed_carry_over(s, i["meeting"]),
    "register": lambda s, i: papers.register(s),
    "report_files": lambda s, i: services.report_files(s, i["meeting"]),
    "search": lambda s, i: services.search(s, "เรื่อง"),
    "similar_people": lambda s, i: services.similar_people(s, "สมชาย"),
    "stale_snapshots": lambda s, i: services.stale_snapshots(s, i["p1"]),
}
# Functions of a record already read, or of plain values: no session, nothing to refuse.
PURE = {
    "attendance_counts",
    "attendance_order_key",
    "effective_capacity",
    "ensure_editable",
    "guess_organization",
    "guess_role",
    "image_kind",
    "meeting_label",
    "ordered_attendance",
    "person_display_name",
    "proposed_quorum",
    "quorum_met",
    "sha256_hex",
    "tally",
    "vote_lines",
}


def public_services() -> set[str]:
    return {
        name
        for name, value in vars(services).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and value.__module__.startswith("desktop.core.services")
    }


def test_every_service_is_known_as_a_write_or_a_read():
    """A new service must be put in WRITES (and so tried by a reader) or READS."""
    unknown = public_services() - set(WRITES) - set(READS) - PURE
    assert unknown == set()
    assert not set(WRITES) & (set(READS) | PURE)


def fingerprint(url: str) -> dict[str, str]:
    """Every table's rows, as the owner sees them."""
    with psycopg.connect(url) as con:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        return {
            table: con.execute(
                sql.SQL(
                    "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' "
                    "ORDER BY t::text)), '') FROM {} t"
                ).format(sql.Identifier(table))
            ).fetchone()[0]  # type: ignore[index]
            for table in tables
        }


def test_init_makes_three_groups_with_their_rights(initialised):
    url, _ids = initialised
    database = ServerAddress(url).database
    reader, secretary, admin = (
        group_role(database, r) for r in (ServerRole.READER, ServerRole.SECRETARY, ServerRole.ADMIN)
    )
    assert reader == f"{database}_reader"
    with psycopg.connect(url) as con:

        def may(role: str, table: str, right: str) -> bool:
            return con.execute(
                "SELECT has_table_privilege(%s, %s, %s)", (role, table, right)
            ).fetchone()[0]  # type: ignore[index]

        for table in ("meetings", "attendance", "agenda_items", "search_index"):
            assert may(reader, table, "SELECT")
            assert not may(reader, table, "INSERT")
            assert not may(reader, table, "UPDATE")
            assert not may(reader, table, "DELETE")
            for right in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                assert may(secretary, table, right)
                assert may(admin, table, right)  # through the secretary's group
        for role in (reader, secretary, admin):
            for right in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                assert not may(role, "alembic_version", right)
        # PUBLIC has nothing: a role of the server outside the groups reads nothing.
        public = con.execute(
            "SELECT count(*) FROM information_schema.role_table_grants "
            "WHERE grantee = 'PUBLIC' AND table_schema = current_schema()"
        ).fetchone()[0]  # type: ignore[index]
        assert public == 0
        assert (
            con.execute(
                "SELECT has_database_privilege('public', current_database(), 'CONNECT')"
            ).fetchone()[0]
            is False
        )  # type: ignore[index]
        attributes = dict(
            con.execute(
                "SELECT rolname, rolcreaterole FROM pg_roles WHERE rolname = ANY(%s)",
                ([reader, secretary, admin],),
            ).fetchall()
        )
        assert attributes == {reader: False, secretary: False, admin: True}
    # Init again: nothing new, nothing broken.
    assert init_server(ServerAddress(url)) == (head_revision(), head_revision(), [])


def test_a_reader_reads_everything_and_the_server_refuses_every_write(initialised):
    url, ids = initialised
    password = add_user(ServerAddress(url), "reader_somsri", ServerRole.READER)
    before = fingerprint(url)
    database = open_database(signed_in_as(url, "reader_somsri", password))
    try:
        assert isinstance(database.notice, ReadOnlyAccount)
        assert database.readonly
        assert "may only read" in database.notice.message("en")
        with database.reading() as session:
            assert session.execute(text("SELECT current_user")).scalar() == "reader_somsri"
        for read in READS.values():
            with database.session() as session:
                read(session, ids)  # no error: a reader reads
        with database.reading() as session:
            assert [m.id for m in services.list_meetings(session)]
        not_refused: dict[str, str] = {}
        for name, write in WRITES.items():
            try:
                with database.session() as session:
                    write(session, ids)
            except PrachumError as refused:
                if refused.message("en") != READ_ONLY:
                    not_refused[name] = refused.message("en")
                else:
                    assert "อ่านฐานข้อมูลนี้ได้อย่างเดียว" in refused.message("th")
            else:
                not_refused[name] = "DID NOT RAISE"
        assert not_refused == {}
    finally:
        database.close()
    assert fingerprint(url) == before


def test_a_secretary_can_make_every_write(initialised):
    url, ids = initialised
    password = add_user(ServerAddress(url), "secretary_malee", ServerRole.SECRETARY)
    database = open_database(signed_in_as(url, "secretary_malee", password))
    try:
        assert database.notice is None and not database.readonly
        for name, write in WRITES.items():
            if name == "reopen_meeting":
                continue  # an admin's (below)
            # Each against the same state: stored on the server, then rolled back.
            session = database.sessions()
            try:
                write(session, ids)
                session.flush()
            except PrachumError as exc:  # pragma: no cover - says which call is wrong
                pytest.fail(f"{name}: {exc}")
            finally:
                session.rollback()
                session.close()
        with database.session() as session:
            services.update_meeting(session, ids["meeting"], title="แก้โดยเลขานุการ")
        with database.reading() as session:
            assert services.load_meeting(session, ids["meeting"]).title == "แก้โดยเลขานุการ"
        # A finalised meeting is reopened by an admin only, and the server says so.
        with (
            pytest.raises(DatabaseProblem, match="Only an admin may reopen") as refused,
            database.session() as session,
        ):
            services.reopen_meeting(session, ids["earlier"])
        assert "ผู้ดูแล" in refused.value.message("th")
        with database.reading() as session:
            assert services.load_meeting(session, ids["earlier"]).status == "final"
        # The schema is the owner's: not even a secretary changes alembic_version.
        with (
            pytest.raises(DatabaseProblem, match="may only read"),
            database.session() as session,
        ):
            session.execute(text("UPDATE alembic_version SET version_num = 'x'"))
    finally:
        database.close()


def test_an_admin_adds_and_removes_people_and_reopens_a_meeting(initialised):
    url, ids = initialised
    password = add_user(ServerAddress(url), "admin_wilai", ServerRole.ADMIN)
    admin = signed_in_as(url, "admin_wilai", password)
    new_password = add_user(admin, "reader_new", ServerRole.READER)
    assert len(new_password) >= 20
    database = open_database(signed_in_as(url, "reader_new", new_password))
    assert isinstance(database.notice, ReadOnlyAccount)
    database.close()
    remove_user(admin, "reader_new")
    # She may also reopen a finalised meeting (a secretary may not).
    as_admin = open_database(admin)
    try:
        with as_admin.session() as session:
            services.reopen_meeting(session, ids["earlier"])
        with as_admin.reading() as session:
            assert services.load_meeting(session, ids["earlier"]).status == "draft"
    finally:
        as_admin.close()
    with psycopg.connect(url) as con:
        gone = con.execute("SELECT 1 FROM pg_roles WHERE rolname = 'reader_new'").fetchone()
        assert gone is None
        # The password is kept only as SCRAM's verifier.
        kept = con.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'admin_wilai'"
        ).fetchone()[0]  # type: ignore[index]
        assert kept.startswith("SCRAM-SHA-256$") and password not in kept
    with pytest.raises(PrachumError, match="not a user of"):
        remove_user(admin, "reader_new")
    # She may also reopen a finalised meeting (a secretary may not).
    as_admin = open_database(admin)
    try:
        with as_admin.session() as session:
            services.reopen_meeting(session, ids["earlier"])
        with as_admin.reading() as session:
            assert services.load_meeting(session, ids["earlier"]).status == "draft"
    finally:
        as_admin.close()
    with pytest.raises(PrachumError, match="already a user"):
        add_user(admin, "admin_wilai", ServerRole.SECRETARY)


@pytest.mark.parametrize(
    "name", ["Somchai", "สมศรี", "som chai", "a;drop", "1abc", "", "pg_x", "x" * 64]
)
def test_a_bad_user_name_is_refused(initialised, name):
    url, _ids = initialised
    with pytest.raises(PrachumError, match="not allowed"):
        add_user(ServerAddress(url), name, ServerRole.READER)
    with psycopg.connect(url) as con:
        count = con.execute(
            "SELECT count(*) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "WHERE g.rolname LIKE %s",
            (ServerAddress(url).database + "%",),
        ).fetchone()[0]  # type: ignore[index]
    assert count == 1  # only the admin group's membership of the secretaries'


def test_two_databases_on_one_server_have_their_own_groups(pg_url, pg_server, pg_admin):
    from db_arguments import server_url

    other = "prachum_second_office"
    pg_admin.execute(f"DROP DATABASE IF EXISTS {other}")
    pg_admin.execute(f"CREATE DATABASE {other}")
    second = server_url(pg_server, other)
    try:
        first_groups = init_server(ServerAddress(pg_url))[2]
        second_groups = init_server(ServerAddress(second))[2]
        assert len(first_groups) == len(second_groups) == 3
        assert not set(first_groups) & set(second_groups)
        password = add_user(ServerAddress(second), "reader_other", ServerRole.READER)
        # A reader of the second office cannot even connect to the first.
        with pytest.raises(DatabaseProblem):
            open_database(signed_in_as(pg_url, "reader_other", password)).close()
    finally:
        drop_roles_of(second, other)
        drop_roles_of(pg_url, ServerAddress(pg_url).database)
        pg_admin.execute(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")


def test_the_commands_init_add_and_remove(pg_url, capsys):
    try:
        assert main(["--db", pg_url, "server", "init"]) == 0
        assert "new groups" in capsys.readouterr().out
        assert main(["--db", pg_url, "server", "add-user", "reader_cli", "--role", "reader"]) == 0
        out = capsys.readouterr().out
        password = out.split("password (shown once; give it to them): ")[1].strip()
        reader = signed_in_as(pg_url, "reader_cli", password).url
        assert main(["--db", reader, "meetings"]) == 0
        assert "may only read" in capsys.readouterr().err
        assert main(["--db", pg_url, "server", "add-user", "Bad Name", "--role", "reader"]) == 2
        assert "not allowed" in capsys.readouterr().err
        with pytest.raises(SystemExit) as usage:
            main(["--db", pg_url, "server", "add-user", "x", "--role", "boss"])
        assert usage.value.code == 2
        assert main(["--db", pg_url, "server", "remove-user", "reader_cli"]) == 0
        assert "removed" in capsys.readouterr().out
        assert main(["--db", pg_url, "server", "remove-user", "reader_cli"]) == 2
    finally:
        drop_roles_of(pg_url, ServerAddress(pg_url).database)


def test_a_table_a_later_upgrade_makes_gets_the_same_rights(initialised):
    """The migrating user's default privileges: its new tables and sequences are the
    groups' as the old ones are, before `server upgrade` grants again at its end."""
    url, _ids = initialised
    database = ServerAddress(url).database
    with psycopg.connect(url) as con:
        con.execute("CREATE TABLE a_later_table (id serial PRIMARY KEY, note text)")
        rights = con.execute(
            "SELECT has_table_privilege(%s, 'a_later_table', 'SELECT'), "
            "has_table_privilege(%s, 'a_later_table', 'INSERT'), "
            "has_table_privilege(%s, 'a_later_table', 'INSERT'), "
            "has_sequence_privilege(%s, 'a_later_table_id_seq', 'USAGE')",
            (
                group_role(database, ServerRole.READER),
                group_role(database, ServerRole.READER),
                group_role(database, ServerRole.SECRETARY),
                group_role(database, ServerRole.SECRETARY),
            ),
        ).fetchone()
    assert rights == (True, False, True, True)


def test_an_owner_who_is_not_superuser_inits_and_her_later_tables_are_shared(pg_server, pg_admin):
    """As an office sets it up: the database and its tables belong to an ordinary user
    with CREATEROLE; whoever runs `server init` (here the superuser), a table she makes
    later is the groups' too, and she manages the people."""
    from db_arguments import server_url

    name, owner = "prachum_office_owned", "office_owner"
    pg_admin.execute(f"DROP DATABASE IF EXISTS {name}")
    pg_admin.execute(f"DROP ROLE IF EXISTS {owner}")
    pg_admin.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE")
    pg_admin.execute(f"CREATE DATABASE {name} OWNER {owner}")
    url = server_url(pg_server, name)
    as_owner = signed_in_as(url, owner, "unused-on-trust")
    try:
        # She made the tables; the server's superuser runs init; she adds a person.
        upgrade_server(as_owner)
        assert init_server(ServerAddress(url))[1] == head_revision()
        password = add_user(as_owner, "reader_owned", ServerRole.READER)
        with psycopg.connect(as_owner.url) as con:
            con.execute("CREATE TABLE a_later_table (id serial PRIMARY KEY)")
        with psycopg.connect(signed_in_as(url, "reader_owned", password).url) as con:
            assert con.execute("SELECT count(*) FROM a_later_table").fetchone() == (0,)
            assert con.execute("SELECT count(*) FROM meetings").fetchone() == (0,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute("INSERT INTO a_later_table DEFAULT VALUES")
    finally:
        drop_roles_of(url, name)
        pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        pg_admin.execute(f"DROP ROLE IF EXISTS {owner}")
