"""The database file: open it safely, migrate it through Alembic, back it up.

Opening checks before it writes: a file that is not SQLite, is damaged, belongs to
another program or to a newer Prachum is refused with a clear message and left as it
is. Every migration is preceded by a backup made with SQLite's backup API (a plain
copy of a live WAL database can miss committed pages).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core import changes as _changes  # noqa: F401  (its listeners record every flush)
from desktop.core import history, sqlite_features
from desktop.core import text_versions as _text_versions  # noqa: F401  (it stamps written text)
from desktop.core.db_file import (
    APPLICATION_ID,
    MIGRATIONS_DIR,
    check_file,
    copy_database,
    default_db_path,
    head_revision,
    log_is_empty,
    read_only_place,
    refuse_if_read_only,
    sqlite_uri,
)
from desktop.core.errors import DatabaseProblem, folder_missing, refused_for_rights
from desktop.core.server import ServerAddress, is_server_url

if TYPE_CHECKING:
    from alembic.config import Config

    from desktop.core.changes import Changes
    from desktop.core.live_changes import ChangeListener


A = TypeVar("A")


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def sqlite_url(path: Path | str, *, readonly: bool = False) -> URL:
    """The SQLAlchemy URL of exactly the file `path` names, whatever its characters.

    Built as a URL object around SQLite's own percent-encoded URI: a string URL would be
    parsed again, and `%41`, `?` or `#` in the name would change which file is opened.
    """
    query = {"uri": "true"}
    if readonly:
        query["mode"] = "ro"
        # Where SQLite cannot create its -shm (a read-only folder or file), a database in
        # WAL mode opens only as immutable; nobody writing it there, the file is all of it.
        if read_only_place(path) and log_is_empty(path):
            query["immutable"] = "1"
    return URL.create("sqlite+pysqlite", database=sqlite_uri(path), query=query)


def make_engine(path: Path | str, *, readonly: bool = False) -> Engine:
    """An engine on the file with the pragmas and the Thai collation on every connection."""
    engine = create_engine(sqlite_url(path, readonly=readonly))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # The sqlite3 driver's own transaction handling sends no BEGIN before DDL and
        # lets a SAVEPOINT commit on RELEASE; take it over so that a migration or an
        # import is one real transaction (SQLAlchemy's documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        sqlite_features.on_connect(dbapi_connection, readonly=readonly)

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: sqlite3.Connection, *_args: object) -> None:
        # After an autocommit connection (a read) goes back to the pool, SQLAlchemy resets
        # the driver's isolation level to "" (the module's implicit transactions): take it
        # over again, as on connect.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if not is_autocommit(connection):  # a read or a single statement needs no BEGIN
            connection.exec_driver_sql("BEGIN")

    return engine


AUTOCOMMIT = "AUTOCOMMIT"


def is_autocommit(connection: Connection) -> bool:
    """A connection whose statements each stand alone: no BEGIN, COMMIT or ROLLBACK is sent."""
    return connection.get_execution_options().get("isolation_level") == AUTOCOMMIT


_ONE_STATEMENT = "prachum_one_statement"


def one_statement(action: A) -> A:
    """Mark a change (a function of a session) as writing with one statement: the window's
    store then runs it in `session(one_statement=True)`, one round trip instead of three."""
    setattr(action, _ONE_STATEMENT, True)
    return action


def is_one_statement(action: object) -> bool:
    return bool(getattr(action, _ONE_STATEMENT, False))


class NotOneStatement(RuntimeError):
    """A `session(one_statement=True)` was left with changes that need a flush: they would
    be written as several statements, each on its own, not as one transaction."""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as con:
        if not inspect(con).has_table("alembic_version"):
            return None
        return con.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, path: Path | None = None) -> Path | None:
    """Bring the schema to head. Backs up first when there is data; returns the backup."""
    revision = current_revision(engine)
    if revision == head_revision():
        with engine.begin() as con:
            sqlite_features.install_search_index(con)
            _say_it_is_ours(con)
        return None
    from alembic import command

    backup = None
    if revision is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-{head_revision()}-{stamp}{path.suffix}")
        backup_database(engine, backup, path)
    with engine.connect() as con:
        raw = cast(sqlite3.Connection, con.connection.driver_connection)
        # Batch migrations rebuild tables: with foreign keys on, dropping the old parent
        # table would cascade-delete its children. Off around the migration (the pragma
        # only works outside a transaction), checked before the commit.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with con.begin():
                # The history's triggers name other tables: out of the way of a table's
                # rebuild, and made again for the schema as it is after the upgrade.
                history.uninstall_triggers(con)
                command.upgrade(_alembic_config(con), "head")
                if history.has_history(con):
                    history.install_triggers(con)
                problems = con.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseProblem(
                        "การปรับโครงสร้างฐานข้อมูลทำให้ข้อมูลอ้างอิงไม่ครบ จึงไม่ได้เปลี่ยนแปลงไฟล์",
                        f"The upgrade would break references {problems[:5]}; nothing was changed.",
                    )
                sqlite_features.install_search_index(con)
                _say_it_is_ours(con)
        except DatabaseProblem:
            raise
        except Exception as exc:
            raise DatabaseProblem(
                f"ปรับรุ่นฐานข้อมูลไม่สำเร็จ ไฟล์ยังคงเดิม ({exc.__class__.__name__})",
                f"The database upgrade failed and nothing was changed: {exc}",
            ) from exc
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return backup


def _say_it_is_ours(con: Connection) -> None:
    """Our application_id in the file's header, on a new file and on one made before the
    header said so (check_file took it as ours by its revision): written once."""
    if con.dialect.name != "sqlite":
        return
    if con.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
        con.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def backup_database(engine: Engine, target: Path, db_path: Path | None = None) -> Path:
    """A consistent copy through SQLite's backup API, written beside and then moved.

    Never over the database (`db_path`) or a file of it; the copy being made is one of
    its files until it is in place.
    """
    import tempfile

    from desktop.core.protected_files import protected, refuse_if_protected

    target = Path(target)
    refuse_if_protected(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A short name beside the target (the target's own name plus a suffix could be too
    # long for the file system); removed whatever goes wrong.
    handle, name = tempfile.mkstemp(prefix=".prachum-", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        with protected(db_path or target, [partial]):
            raw = engine.raw_connection()
            try:
                copy_database(cast(sqlite3.Connection, raw.driver_connection), partial)
            finally:
                raw.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)  # mkstemp's file is private; a backup is not
            os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _raise_if_refused(error: BaseException) -> None:
    """A write the server refused for lack of rights, as a message instead of a trace."""
    if isinstance(error, DBAPIError):
        refusal = refused_for_rights(error)
        if refusal is not None:
            raise refusal from None


@dataclass
class Database:
    """An open database: its file or server, its engine, and a factory of sessions."""

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    readonly: bool = False
    protection: int = 0
    """While open, no writer of ours may replace its files (protected_files)."""
    address: ServerAddress | None = None
    # Said to the user on opening (a server's newer schema opened read-only).
    notice: DatabaseProblem | None = None
    client: str | None = None
    """On a server: the name its connections carry, to tell its own changes from others'."""
    listener: ChangeListener | None = None
    """On a server, once the window listens: stopped when the database is closed."""

    @property
    def name(self) -> str:
        """`prachum.db`, or `somchai@office-server/prachum`."""
        if self.address is not None:
            return self.address.name
        return self.path.name if self.path else ""

    @contextmanager
    def session(self, *, one_statement: bool = False) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on any error.

        `one_statement`: the block writes with one statement (an UPDATE … RETURNING),
        which is atomic by itself, so no BEGIN and COMMIT go with it: over a network that
        is one round trip instead of three. Reads before it are allowed; a change left
        for the flush is refused (NotOneStatement), since it would be a second write.
        """
        if not one_statement:
            session = self.sessions()
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                _raise_if_refused(exc)
                raise
            finally:
                session.close()
            return
        with self._standalone() as session:
            yield session
            if session.new or session.dirty or session.deleted:
                raise NotOneStatement("a one-statement session has changes left to flush")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only, without BEGIN and COMMIT around them.

        Each statement sees the database as it is when it runs (on PostgreSQL, an
        autocommit read; on SQLite, a plain read). A read of several statements that must
        agree with each other uses `session()` instead.
        """
        with self._standalone() as session:
            yield session
            if session.new or session.dirty or session.deleted:
                raise NotOneStatement("a reading session was given changes to write")

    @contextmanager
    def _standalone(self) -> Iterator[Session]:
        with self.engine.connect() as opened:
            connection = opened.execution_options(isolation_level=AUTOCOMMIT)
            session = self.sessions(bind=connection)
            try:
                yield session
            except DBAPIError as exc:
                _raise_if_refused(exc)
                raise
            finally:
                session.close()

    def listen_for_others(
        self,
        deliver: Callable[[Changes], None],
        on_presence: Callable[[list[str]], None] | None = None,
    ) -> ChangeListener | None:
        """On a server, start hearing what other windows commit (None on a file), and
        with `on_presence` which items they have open (desktop.core.presence)."""
        if self.address is None:
            return None
        from desktop.core.live_changes import ChangeListener

        engine = self.engine

        def connect() -> object:
            raw = engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # its own for as long as it listens, never back to the pool
            return connection

        if self.listener is not None:
            self.listener.stop()
        self.listener = ChangeListener(connect, deliver, self.client, on_presence)
        self.listener.start()
        return self.listener

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        from desktop.core.protected_files import release

        self.engine.dispose()
        release(self.protection)


def open_server(address: ServerAddress, *, readonly: bool = False) -> Database:
    """Open a database on a server; never changes its schema (see `server upgrade`)."""
    from desktop.core.db_server import ReadOnlyAccount, check_server, make_server_engine
    from desktop.core.live_changes import new_client_name

    client = new_client_name()
    engine = make_server_engine(address, readonly=readonly, client=client)
    try:
        notice = check_server(engine, address)
    except BaseException:
        engine.dispose()
        raise
    # A reader's session is not made read-only: the server's GRANTs refuse her writes,
    # and say so (refused_for_rights).
    if notice and not readonly and not isinstance(notice, ReadOnlyAccount):
        engine.dispose()
        engine = make_server_engine(address, readonly=True, client=client)
    readonly = readonly or notice is not None
    # A service that would write on the side of a read (the standard templates made
    # on first listing) asks the session whether it may.
    sessions = sessionmaker(engine, expire_on_commit=False, info={"readonly": readonly})
    return Database(
        path=None,
        engine=engine,
        sessions=sessions,
        readonly=readonly,
        address=address,
        notice=notice,
        client=client,
    )


def open_database(
    path: Path | str | ServerAddress | None = None,
    *,
    readonly: bool = False,
    checked: bool = False,
) -> Database:
    """Open (creating or upgrading) the database at `path`, or the default one.

    `path` may be a server's address (or its `postgresql://` URL). `checked`: the caller
    has just run `check_file(path)` itself (the start-up runs it beside the imports), so
    it is not run twice.
    """
    if is_server_url(path):
        path = ServerAddress(str(path))
    if isinstance(path, ServerAddress):
        return open_server(path, readonly=readonly)
    path = Path(path) if path is not None else default_db_path()
    if not readonly and not path.parent.exists():
        raise folder_missing(path.parent, DatabaseProblem)
    if not readonly:
        from desktop.core.network_share import refuse_if_shared

        refuse_if_shared(path)
    if not checked:
        check_file(path)
    if not readonly:
        refuse_if_read_only(path)
    engine = make_engine(path, readonly=readonly)
    if readonly:
        if current_revision(engine) != head_revision():
            engine.dispose()
            raise DatabaseProblem(
                "เปิดแบบอ่านอย่างเดียวไม่ได้ เพราะฐานข้อมูลยังไม่ได้ปรับรุ่น",
                "Cannot open read-only: the database needs an upgrade first.",
            )
    else:
        migrate(engine, path)
    sessions = sessionmaker(engine, expire_on_commit=False, info={"readonly": readonly})
    from desktop.core.protected_files import protect

    return Database(path, engine, sessions, readonly, protect(path))
