"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL; headless Qt.

Tests that touch the database run on both backends through the `backend` parameter; a
folder of tests that is about files (or the window) narrows it with its own `backend`
fixture. Each PostgreSQL test gets its own database, cloned from a template migrated once
per run (CREATE DATABASE … TEMPLATE), on the throwaway cluster that `make test` starts.
"""

from __future__ import annotations

import os

# Qt must be told before it is imported anywhere, or it aborts looking for a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.db import Database, open_database

# Test modules share small builders (tests/meeting_example.py) by plain import.
sys.path.insert(0, str(Path(__file__).parent))

from db_arguments import server_url
from pg_cluster import ENV_URL, Cluster, bindir, running_cluster, throwaway_cluster

TEMPLATE = "prachum_template"
_clones = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL superuser: `make test`'s cluster, or one started here."""
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI runs every test on PostgreSQL too, but {ENV_URL} is not set")
    if bindir() is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")

    def interrupted(*_):
        raise KeyboardInterrupt  # pytest then tears down, and the cluster stops

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        with throwaway_cluster() as started:
            yield started
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="session")
def pg_admin(pg_server):
    """An autocommit connection for CREATE/DROP DATABASE, and the migrated template."""
    import psycopg

    from desktop.core.db_server import upgrade_server
    from desktop.core.server import ServerAddress

    admin = psycopg.connect(pg_server.replace("postgresql://", "postgresql://", 1), autocommit=True)
    admin.execute(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    admin.execute(f"CREATE DATABASE {TEMPLATE}")
    upgrade_server(ServerAddress(server_url(pg_server, TEMPLATE)))
    yield admin
    admin.close()


@pytest.fixture
def pg_url(pg_server, pg_admin) -> str:
    """A fresh, migrated and empty Prachum database on the server, dropped afterwards."""
    name = f"test_{os.getpid()}_{next(_clones)}"
    pg_admin.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
    yield server_url(pg_server, name)
    pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class OwnServer:
    """A server of a test's own, which it may stop and start (the shared one may not)."""

    cluster: Cluster
    url: str
    """A migrated, empty Prachum database on it."""


@pytest.fixture
def own_server() -> Iterator[OwnServer]:
    if bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the tests on a server, but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    import psycopg

    from desktop.core.db_server import upgrade_server
    from desktop.core.server import ServerAddress

    with running_cluster() as cluster:
        with psycopg.connect(cluster.url, autocommit=True) as admin:
            admin.execute("CREATE DATABASE prachum")
        url = server_url(cluster.url, "prachum")
        upgrade_server(ServerAddress(url))
        yield OwnServer(cluster, url)


@pytest.fixture
def empty_server_db(pg_server, pg_admin):
    """An empty database on the server (no Prachum tables), dropped afterwards."""
    name = "empty_for_test"
    pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    pg_admin.execute(f"CREATE DATABASE {name}")
    from desktop.core.server import ServerAddress

    yield ServerAddress(server_url(pg_server, name))
    pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "prachum.db"


@pytest.fixture
def db_arg(backend, request, db_path: Path) -> str:
    """What `--db` is given: the file's path, or the server database's URL."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(db_path)


@pytest.fixture
def db(db_arg: str):
    database: Database = open_database(db_arg)
    yield database
    database.close()


@pytest.fixture
def session(db: Database):
    with db.session() as session:
        yield session


# A test that gives the command line `str(database.path)` for a server database (whose
# path is None) makes the CLI create a SQLite file called `None` where the tests run; one
# was committed that way. The run fails if a test leaves one behind again.
_STRAY_DATABASE = Path.cwd() / "None"


def pytest_sessionstart(session) -> None:
    session.config.stash[_stray_key] = _STRAY_DATABASE.exists()


def pytest_sessionfinish(session, exitstatus) -> None:
    if _STRAY_DATABASE.exists() and not session.config.stash.get(_stray_key, True):
        print(
            f"\na test wrote a database at the path 'None' ({_STRAY_DATABASE}): a None path "
            "was given as text",
            file=sys.stderr,
        )
        session.exitstatus = 1


_stray_key = pytest.StashKey[bool]()
