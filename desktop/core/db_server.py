"""Opening a database on a PostgreSQL server, and upgrading its schema.

A server's schema is upgraded only by `server upgrade`, run by its administrator, never
by whichever PC updates first. An app older than the server's schema opens it read-only
and says so; an app newer than it is refused until the administrator upgrades.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from desktop import APP_NAME
from desktop.core import postgresql_features
from desktop.core.db_file import head_revision, known_revisions
from desktop.core.errors import DatabaseProblem
from desktop.core.server import ServerAddress, connection_problem

UPGRADE_COMMAND = "python main.py server upgrade --db {url}"


def make_server_engine(
    address: ServerAddress, *, readonly: bool = False, client: str = APP_NAME
) -> Engine:
    """An engine on the server; read-only is the server's own setting for the session.
    `client` names its connections, so that the notifications of its own writes are
    known as its own (live_changes)."""
    connect_args: dict[str, object] = {"application_name": client, "connect_timeout": 10}
    if readonly:
        connect_args["options"] = "-c default_transaction_read_only=on"
    # hide_parameters: a statement's values never reach an error message or a log.
    return create_engine(address.sqlalchemy_url(), connect_args=connect_args, hide_parameters=True)


_STATE = text(
    "SELECT to_regclass('alembic_version') IS NOT NULL, "
    "EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()), "
    "EXISTS (SELECT 1 FROM pg_collation WHERE collname = :icu), "
    # Whether this user may write (a reader may not), learnt in the same round trip;
    # the oid form is NULL, not an error, while there is no table yet.
    "COALESCE(has_table_privilege(to_regclass('meetings'), 'INSERT'), true)"
)


class ReadOnlyAccount(DatabaseProblem):
    """The user's account may only read: the database opens read-only, saying why."""


def read_only_account(address: ServerAddress) -> ReadOnlyAccount:
    return ReadOnlyAccount(
        f"บัญชีผู้ใช้ {address.user} อ่านฐานข้อมูล {address.name} ได้อย่างเดียว "
        "จึงเปิดแบบอ่านอย่างเดียว แก้ไขข้อมูลไม่ได้",
        f"Your account ({address.user}) may only read {address.name}: it is open read-only.",
    )


def server_revision(engine: Engine, address: ServerAddress) -> tuple[str | None, bool, bool, bool]:
    """(revision, has any table, has ICU's Thai collation, the user may write), or a
    DatabaseProblem to show."""
    try:
        with engine.connect() as con:
            versioned, has_tables, icu, may_write = con.execute(
                _STATE, {"icu": postgresql_features.ICU_THAI}
            ).one()
            revision = None
            if versioned:
                revision = con.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        raise connection_problem(address, exc.orig or exc) from None
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        raise DatabaseProblem(
            f"ผู้ใช้ {address.user} ไม่มีสิทธิ์อ่านฐานข้อมูล {address.name} ขอสิทธิ์จากผู้ดูแลเซิร์ฟเวอร์",
            f"The user {address.user} has no right to read {address.name}; "
            "ask the server's administrator.",
        ) from None
    return revision, has_tables, icu, may_write


def _not_prachums(address: ServerAddress) -> DatabaseProblem:
    return DatabaseProblem(
        f"ฐานข้อมูล {address.name} เป็นของโปรแกรมอื่น จะไม่แก้ไขฐานข้อมูลนี้",
        f"The database {address.name} belongs to another program; it will not be touched.",
    )


def _no_icu(address: ServerAddress) -> DatabaseProblem:
    return DatabaseProblem(
        f"เซิร์ฟเวอร์ของ {address.name} ไม่มีการเรียงลำดับภาษาไทยของ ICU (th-TH-x-icu)",
        f"The server of {address.name} has no ICU Thai collation (th-TH-x-icu); "
        "install a PostgreSQL built with ICU.",
    )


def check_server(engine: Engine, address: ServerAddress) -> DatabaseProblem | None:
    """Refuse what the app cannot use; return what to say when it opens read-only."""
    revision, has_tables, icu, may_write = server_revision(engine, address)
    if not icu:
        raise _no_icu(address)
    if revision is None:
        if has_tables:
            raise _not_prachums(address)
        raise DatabaseProblem(
            f"ฐานข้อมูล {address.name} ยังว่างอยู่ ผู้ดูแลเซิร์ฟเวอร์ต้องสั่ง "
            f"server upgrade เพื่อสร้างตารางของ {APP_NAME} ก่อน",
            f"The database {address.name} is empty: the server's administrator first runs "
            f"`{UPGRADE_COMMAND.format(url=address.url_without_password())}` to create "
            f"{APP_NAME}'s tables.",
        )
    if revision not in known_revisions():
        return DatabaseProblem(
            f"ฐานข้อมูล {address.name} ใช้ {APP_NAME} รุ่นที่ใหม่กว่า จึงเปิดแบบอ่านอย่างเดียว "
            "กรุณาปรับรุ่นโปรแกรมเพื่อแก้ไขข้อมูล",
            f"The database {address.name} is from a newer {APP_NAME}: it is open read-only. "
            "Update the app to make changes.",
        )
    if revision != head_revision():
        raise DatabaseProblem(
            f"ฐานข้อมูล {address.name} ยังเป็นรุ่นเก่า ผู้ดูแลเซิร์ฟเวอร์ต้องสั่ง server upgrade ก่อน",
            f"The database {address.name} has an older schema than this app: the server's "
            f"administrator must upgrade it first "
            f"(`{UPGRADE_COMMAND.format(url=address.url_without_password())}`).",
        )
    if not may_write:
        return read_only_account(address)
    return None


def upgrade_server(address: ServerAddress) -> tuple[str | None, str]:
    """Bring the server's schema to head in one transaction: (revision before, after)."""
    from alembic import command
    from alembic.config import Config

    from desktop.core.db_file import MIGRATIONS_DIR

    def _alembic_config(connection: Connection) -> Config:
        # As desktop.core.db builds it (imported from there, the two modules would
        # import each other).
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        return config

    engine = make_server_engine(address)
    try:
        revision, has_tables, icu, _may_write = server_revision(engine, address)
        if not icu:
            raise _no_icu(address)
        if revision is None and has_tables:
            raise _not_prachums(address)
        if revision is not None and revision not in known_revisions():
            raise DatabaseProblem(
                f"ฐานข้อมูล {address.name} เป็นของ {APP_NAME} รุ่นที่ใหม่กว่าโปรแกรมนี้",
                f"The database {address.name} is from a newer {APP_NAME} than this one.",
            )
        if revision == head_revision():
            return revision, revision
        # PostgreSQL's DDL is transactional: a failed upgrade leaves the schema as it was.
        with engine.connect() as con, con.begin():
            command.upgrade(_alembic_config(con), "head")
            postgresql_features.install_search_index(con)
            # A table or column this upgrade made gets its history kept too.
            from desktop.core import history

            history.install_triggers(con)
            # Tables this upgrade made get the groups' rights (when `server init` made
            # them): the default privileges cover most, this covers the rest.
            from desktop.core.server_rights import regrant_if_initialised

            regrant_if_initialised(con, address.database)
        return revision, head_revision()
    except OperationalError as exc:
        raise connection_problem(address, exc.orig or exc) from None
    finally:
        engine.dispose()
