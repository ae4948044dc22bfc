"""People on the test server: signing in as one, and dropping a database's groups and
people afterwards (roles belong to the whole cluster and outlive a test's database)."""

from __future__ import annotations

import psycopg
from psycopg import sql

from desktop.core.server import ServerAddress
from desktop.core.server_rights import ServerRole, group_role


def signed_in_as(url: str, name: str, password: str) -> ServerAddress:
    """The same database, signed in as `name` (the test cluster's superuser is replaced)."""
    owner = ServerAddress(url).user
    return ServerAddress(url.replace(f"{owner}@", f"{name}@", 1)).with_password(password)


def drop_roles_of(url: str, database: str) -> None:
    """The database's groups and their members, with what was granted to them."""
    with psycopg.connect(url, autocommit=True) as con:
        groups = [group_role(database, role) for role in ServerRole]
        members = [
            row[0]
            for row in con.execute(
                "SELECT DISTINCT m.rolname FROM pg_auth_members a "
                "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                "WHERE g.rolname = ANY(%s) AND m.rolcanlogin",
                (groups,),
            )
        ]
        existing = [
            row[0]
            for row in con.execute(
                "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (groups + members,)
            )
        ]
        if existing:
            names = sql.SQL(", ").join(sql.Identifier(n) for n in existing)
            con.execute(sql.SQL("DROP OWNED BY {} CASCADE").format(names))
            for name in members + groups:
                con.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
