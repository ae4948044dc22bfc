"""The people of a server's database: `server init` makes its three groups (their rights
are server_rights'), `server add-user` and `server remove-user` manage who is in them.

A person is a LOGIN role of the server in one of the database's groups; her password is
made here, shown once, and reaches the server only as SCRAM's verifier.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.core.db_server import make_server_engine, upgrade_server
from desktop.core.errors import DatabaseProblem, PrachumError
from desktop.core.server import ServerAddress, connection_problem
from desktop.core.server_rights import (
    MAX_NAME_BYTES,
    Groups,
    ServerRole,
    grant_rights,
    group_role,
    groups_exist,
    quoted,
    role_exists,
)

__all__ = ["ServerRole", "add_user", "check_user_name", "group_role", "init_server", "remove_user"]

_USER_NAME = re.compile(r"[a-z][a-z0-9_]*")


def check_user_name(name: str) -> str:
    """A person's login name: lower-case English letters, digits and underscores."""
    if not _USER_NAME.fullmatch(name) or len(name) > MAX_NAME_BYTES or name.startswith("pg_"):
        raise PrachumError(
            f"ชื่อผู้ใช้ {name!r} ใช้ไม่ได้: ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษตัวเล็ก ตัวเลข และขีดล่าง "
            "ขึ้นต้นด้วยตัวอักษร ยาวไม่เกิน 63 ตัว",
            f"The user name {name!r} is not allowed: use lower-case English letters, digits "
            "and underscores, beginning with a letter, at most 63 characters.",
        )
    return name


def _refused(address: ServerAddress, exc: DBAPIError) -> PrachumError:
    if getattr(exc.orig, "sqlstate", None) == "42501":
        return DatabaseProblem(
            f"ผู้ใช้ {address.user} ไม่มีสิทธิ์จัดการผู้ใช้ของ {address.name} (ต้องเป็นผู้ดูแลหรือเจ้าของฐานข้อมูล)",
            f"The user {address.user} may not manage the users of {address.name} "
            "(an admin or the database's owner may).",
        )
    return DatabaseProblem(
        f"เซิร์ฟเวอร์ปฏิเสธคำสั่ง: {exc.orig}", f"The server refused the command: {exc.orig}"
    )


def init_server(address: ServerAddress) -> tuple[str | None, str, list[str]]:
    """Migrate to head as `server upgrade` does, then make the three groups (those
    missing) and give them their rights: (revision before, after, groups created)."""
    before, after = upgrade_server(address)
    engine = make_server_engine(address)
    created: list[str] = []
    try:
        with engine.connect() as con, con.begin():
            groups = Groups.of(con, address.database)
            for role in ServerRole:
                name = group_role(address.database, role)
                if not role_exists(con, name):
                    extra = " CREATEROLE" if role is ServerRole.ADMIN else ""
                    con.exec_driver_sql(f"CREATE ROLE {quoted(con, name)} NOLOGIN{extra}")
                    created.append(name)
            con.exec_driver_sql(f"GRANT {groups.secretary} TO {groups.admin}")
            grant_rights(con, address.database)
    except OperationalError as exc:
        raise connection_problem(address, exc.orig or exc) from None
    except DBAPIError as exc:
        raise _refused(address, exc) from None
    finally:
        engine.dispose()
    return before, after, created


def _members(con: Connection, database: str) -> set[str]:
    """The login roles in any of the database's groups."""
    names = [group_role(database, role) for role in ServerRole]
    rows = con.execute(
        text(
            "SELECT m.rolname FROM pg_auth_members a "
            "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "WHERE g.rolname = ANY(:groups) AND m.rolcanlogin"
        ),
        {"groups": names},
    )
    return {row[0] for row in rows}


def _not_initialised(address: ServerAddress) -> DatabaseProblem:
    return DatabaseProblem(
        f"ฐานข้อมูล {address.name} ยังไม่มีกลุ่มผู้ใช้ ผู้ดูแลต้องสั่ง server init ก่อน",
        f"The database {address.name} has no groups of users yet: run `server init` first.",
    )


def add_user(address: ServerAddress, name: str, role: ServerRole) -> str:
    """A new person who signs in as `name`, in `role`'s group; returns her password (shown
    once: the server keeps only its SCRAM verifier, made here, so the password itself
    never travels to the server or into its logs)."""
    check_user_name(name)
    role = ServerRole(role)
    password = secrets.token_urlsafe(18)
    engine = make_server_engine(address)
    try:
        with engine.connect() as con, con.begin():
            if not groups_exist(con, address.database):
                raise _not_initialised(address)
            if role_exists(con, name):
                raise PrachumError(
                    f"มีผู้ใช้ชื่อ {name} บนเซิร์ฟเวอร์นี้แล้ว",
                    f"There is already a user called {name} on this server.",
                )
            # An open connection always has its driver's; SQLAlchemy types it as optional.
            driver = con.connection.driver_connection
            verifier = driver.pgconn.encrypt_password(  # type: ignore[union-attr]
                password.encode(), name.encode(), b"scram-sha-256"
            ).decode()
            # An admin's CREATEROLE is the role's own: attributes are not inherited.
            extra = " CREATEROLE" if role is ServerRole.ADMIN else ""
            user = quoted(con, name)
            literal = "'" + verifier.replace("'", "''") + "'"
            con.exec_driver_sql(f"CREATE ROLE {user} LOGIN{extra} PASSWORD {literal}")
            group = quoted(con, group_role(address.database, role))
            con.exec_driver_sql(f"GRANT {group} TO {user}")
    except OperationalError as exc:
        raise connection_problem(address, exc.orig or exc) from None
    except DBAPIError as exc:
        raise _refused(address, exc) from None
    finally:
        engine.dispose()
    return password


def remove_user(address: ServerAddress, name: str) -> None:
    """Remove a person of this database (only one of its groups' members)."""
    check_user_name(name)
    engine = make_server_engine(address)
    try:
        with engine.connect() as con, con.begin():
            if not groups_exist(con, address.database):
                raise _not_initialised(address)
            if name not in _members(con, address.database):
                raise PrachumError(
                    f"ไม่มีผู้ใช้ชื่อ {name} ในฐานข้อมูล {address.name} ไม่ได้ลบสิ่งใด",
                    f"{name} is not a user of {address.name}; nothing was removed.",
                )
            if name == address.user:
                raise PrachumError(
                    "ลบผู้ใช้ที่กำลังใช้งานอยู่เองไม่ได้", "You cannot remove the user you are."
                )
            con.exec_driver_sql(f"DROP ROLE {quoted(con, name)}")
    except OperationalError as exc:
        raise connection_problem(address, exc.orig or exc) from None
    except DBAPIError as exc:
        raise _refused(address, exc) from None
    finally:
        engine.dispose()
