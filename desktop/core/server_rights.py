"""The rights of a server database's three groups, given by `server init` and again at
the end of every `server upgrade` (see server_roles for the people in them).

PostgreSQL's roles belong to the whole server, not to one database, so each group is named
after its database (`prachum_office_secretary`): two databases on one server never share
a group. The rights are the server's own GRANTs, so a reader is refused by the database
itself whatever program she uses:

- reader: reads every table;
- secretary: reads and writes every table (and takes the sequences' next numbers) but
  the history, which only the database's triggers write (desktop.core.history);
- admin: a secretary who may also add and remove people (CREATEROLE) and reopen a
  finalised meeting (a trigger: the only rule about rows rather than tables).

Nobody but the owner (who runs `server upgrade`) may change `alembic_version`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, text

from desktop.core.errors import REOPEN_REFUSED, DatabaseProblem
from desktop.core.models import HistoryEntry

HISTORY = HistoryEntry.__tablename__

MAX_NAME_BYTES = 63  # PostgreSQL cuts longer names silently
_WRITES = "SELECT, INSERT, UPDATE, DELETE"


class ServerRole(StrEnum):
    SECRETARY = "secretary"
    READER = "reader"
    ADMIN = "admin"


def group_role(database: str, role: ServerRole) -> str:
    """The server-wide name of a database's group: `prachum_office_reader`."""
    name = f"{database}_{role}"
    if len(name.encode()) > MAX_NAME_BYTES:
        raise DatabaseProblem(
            f"ชื่อฐานข้อมูล {database} ยาวเกินไปสำหรับตั้งชื่อกลุ่มผู้ใช้",
            f"The database name {database} is too long to name its groups of users.",
        )
    return name


def quoted(con: Connection, name: str) -> str:
    return con.dialect.identifier_preparer.quote_identifier(name)


@dataclass(frozen=True)
class Groups:
    """The quoted names of one database's three groups."""

    reader: str
    secretary: str
    admin: str

    @classmethod
    def of(cls, con: Connection, database: str) -> Groups:
        return cls(**{role.value: quoted(con, group_role(database, role)) for role in ServerRole})

    def all(self) -> str:
        return f"{self.reader}, {self.secretary}, {self.admin}"


def role_exists(con: Connection, name: str) -> bool:
    return bool(con.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first())


def groups_exist(con: Connection, database: str) -> bool:
    return all(role_exists(con, group_role(database, role)) for role in ServerRole)


def grant_rights(con: Connection, database: str) -> None:
    """The groups' rights on every table and sequence there is now, and on those a later
    upgrade creates (default privileges of the migrating user, re-applied after it too)."""
    groups = Groups.of(con, database)
    db = quoted(con, database)
    schema_name, owner_name = con.execute(
        text(
            "SELECT current_schema(), coalesce((SELECT tableowner FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = 'alembic_version'), "
            "current_user)"
        )
    ).one()
    schema = quoted(con, schema_name)
    # The tables a later upgrade makes belong to whoever migrates, the owner of the
    # tables so far: `init` run by the server's superuser still covers them.
    later = f"ALTER DEFAULT PRIVILEGES FOR ROLE {quoted(con, owner_name)} IN SCHEMA {schema}"
    statements = [
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {groups.all()}",
        # The tables belong to the migrating user: PUBLIC has no right on them.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {groups.reader}",
        f"GRANT {_WRITES} ON ALL TABLES IN SCHEMA {schema} TO {groups.secretary}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {groups.secretary}",
        f"{later} GRANT SELECT ON TABLES TO {groups.reader}",
        f"{later} GRANT {_WRITES} ON TABLES TO {groups.secretary}",
        f"{later} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {groups.secretary}",
        # Which schema the database has is the owner's to say, not a secretary's.
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {groups.all()}",
        # The history is written by the database's triggers alone (desktop.core.history):
        # everyone reads it, nobody changes or deletes it, nor moves its numbering.
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {HISTORY} FROM {groups.all()}",
        f"REVOKE ALL ON SEQUENCE {HISTORY}_id_seq FROM {groups.all()}",
    ]
    for statement in statements:
        con.exec_driver_sql(statement)
    may_grant_schema = con.execute(
        text("SELECT has_schema_privilege(current_schema(), 'USAGE WITH GRANT OPTION')")
    ).scalar_one()
    if may_grant_schema:
        con.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {groups.all()}")
    _only_an_admin_reopens(con, group_role(database, ServerRole.ADMIN), owner_name)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _only_an_admin_reopens(con: Connection, admin_group: str, owner: str) -> None:
    """A finalised or certified meeting goes back to draft only by an admin (or the
    owner, or the server's superuser): a row rule GRANTs cannot say, kept by a trigger."""
    con.exec_driver_sql(
        f"""CREATE OR REPLACE FUNCTION prachum_only_admin_reopens() RETURNS trigger
LANGUAGE plpgsql AS $guard$
BEGIN
    IF OLD.status <> 'draft' AND NEW.status = 'draft'
       AND NOT pg_has_role(current_user, {_literal(admin_group)}, 'MEMBER')
       AND NOT pg_has_role(current_user, {_literal(owner)}, 'MEMBER') THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = {_literal(REOPEN_REFUSED)};
    END IF;
    RETURN NEW;
END $guard$"""
    )
    con.exec_driver_sql("DROP TRIGGER IF EXISTS prachum_only_admin_reopens ON meetings")
    con.exec_driver_sql(
        "CREATE TRIGGER prachum_only_admin_reopens BEFORE UPDATE OF status ON meetings "
        "FOR EACH ROW EXECUTE FUNCTION prachum_only_admin_reopens()"
    )


def regrant_if_initialised(con: Connection, database: str) -> None:
    """After an upgrade: the new tables get the groups' rights, when the groups exist."""
    if groups_exist(con, database):
        grant_rights(con, database)
