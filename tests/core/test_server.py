"""A database on a PostgreSQL server: the same schema through the same migrations, an
upgrade only by its administrator, and every fault said plainly with nothing changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from db_arguments import server_url
from pg_cluster import PASSWORD_ROLE
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop.cli import main
from desktop.core import db as dbmod
from desktop.core import postgresql_features, services
from desktop.core.db_file import head_revision
from desktop.core.db_server import make_server_engine, upgrade_server
from desktop.core.errors import DatabaseProblem
from desktop.core.models import Base
from desktop.core.server import ServerAddress, database_target

ROOT = Path(__file__).resolve().parents[2]


def _execute(address: ServerAddress, sql: str) -> None:
    engine = make_server_engine(address)
    with engine.begin() as con:
        con.exec_driver_sql(sql)
    engine.dispose()


def _tables(address: ServerAddress) -> set[str]:
    engine = make_server_engine(address)
    with engine.connect() as con:
        names = con.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        found = set(names)
    engine.dispose()
    return found


def test_the_migrations_have_exactly_one_head():
    """Several branches add migrations: two heads would leave a database half-built."""
    script = ScriptDirectory.from_config(dbmod._alembic_config())
    assert script.get_heads() == [head_revision()]


def test_every_migration_runs_on_postgresql_and_builds_exactly_the_models(empty_server_db):
    before, after = upgrade_server(empty_server_db)
    assert (before, after) == (None, head_revision())
    engine = make_server_engine(empty_server_db)
    with engine.connect() as con:
        context = MigrationContext.configure(
            con,
            opts={
                "include_object": lambda obj, name, type_, *_: (
                    not (type_ == "table" and postgresql_features.is_search_table(name))
                ),
                "compare_type": True,
            },
        )
        assert compare_metadata(context, Base.metadata) == []
        con.rollback()
        # Down to nothing and up again, in one transaction each.
        with con.begin():
            command.downgrade(dbmod._alembic_config(con), "base")
        assert _tables_on(con) == {"alembic_version"}
        con.rollback()
        with con.begin():
            command.upgrade(dbmod._alembic_config(con), "head")
            postgresql_features.install_search_index(con)
    engine.dispose()
    assert upgrade_server(empty_server_db) == (head_revision(), head_revision())


def _tables_on(con) -> set[str]:
    rows = con.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    return set(rows.scalars())


def test_an_empty_server_database_is_not_built_by_whichever_pc_opens_it(empty_server_db):
    with pytest.raises(DatabaseProblem, match="server upgrade"):
        dbmod.open_database(empty_server_db)
    assert _tables(empty_server_db) == set()


def test_another_programs_database_is_refused_and_left_alone(empty_server_db, capsys):
    _execute(empty_server_db, "CREATE TABLE invoices (id integer)")
    with pytest.raises(DatabaseProblem, match="another program"):
        dbmod.open_database(empty_server_db)
    assert main(["--db", empty_server_db.url, "server", "upgrade"]) == 2
    assert "another program" in capsys.readouterr().err
    assert _tables(empty_server_db) == {"invoices"}


def test_an_older_server_schema_waits_for_its_administrator(empty_server_db, capsys):
    upgrade_server(empty_server_db)
    _execute(empty_server_db, "UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(DatabaseProblem, match="administrator must upgrade"):
        dbmod.open_database(empty_server_db)
    assert main(["--db", empty_server_db.url, "meetings"]) == 2
    assert "server upgrade" in capsys.readouterr().err


def test_a_newer_server_schema_opens_read_only_and_says_so(pg_url, capsys):
    assert main(["--db", pg_url, "demo"]) == 0
    _execute(ServerAddress(pg_url), "UPDATE alembic_version SET version_num = '9999_future'")
    database = dbmod.open_database(pg_url)
    try:
        assert database.readonly
        assert "newer" in database.notice.message("en")
        with database.session() as session:
            assert len(services.list_meetings(session)) == 3
        # The server's refusal, said plainly (no driver's trace).
        with pytest.raises(DatabaseProblem, match="open read-only"), database.session() as session:
            services.create_organization(session, name="ใหม่")
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--db", pg_url, "meetings"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "read-only" in err
    assert main(["--db", pg_url, "demo"]) == 2
    assert "read-only" in capsys.readouterr().err
    with pytest.raises(DatabaseProblem, match="newer"):
        upgrade_server(ServerAddress(pg_url))


def test_server_upgrade_from_the_command_line(empty_server_db, capsys):
    assert main(["--db", empty_server_db.url, "server", "upgrade"]) == 0
    assert f"empty -> {head_revision()}" in capsys.readouterr().out
    assert main(["--db", empty_server_db.url, "server", "upgrade"]) == 0
    assert "already" in capsys.readouterr().out
    assert main(["--db", empty_server_db.url, "meetings"]) == 0


def test_a_server_without_icu_thai_is_refused_before_anything_is_created(
    empty_server_db, monkeypatch
):
    monkeypatch.setattr(postgresql_features, "ICU_THAI", "xx-XX-x-icu")
    with pytest.raises(DatabaseProblem, match="ICU"):
        upgrade_server(empty_server_db)
    assert _tables(empty_server_db) == set()


def test_an_unreachable_server_is_said_plainly(capsys):
    url = "postgresql://somchai@127.0.0.1:1/prachum"
    with pytest.raises(DatabaseProblem, match="Could not reach"):
        dbmod.open_database(url)
    assert main(["--db", url, "--lang", "th", "meetings"]) == 2
    assert "ติดต่อเซิร์ฟเวอร์ somchai@127.0.0.1/prachum ไม่ได้" in capsys.readouterr().err


def test_a_missing_database_is_said_plainly(pg_server):
    with pytest.raises(DatabaseProblem, match="There is no database nothing_here"):
        dbmod.open_database(server_url(pg_server, "nothing_here"))


def test_a_wrong_password_never_appears_in_any_output(pg_server, pg_admin, pg_url):
    secret = "Wr0ng-Secret-7731"
    pg_admin.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
    pg_admin.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'the-right-one'")
    url = pg_url.replace("postgresql://prachum_test@", f"postgresql://{PASSWORD_ROLE}:{secret}@")
    try:
        with pytest.raises(DatabaseProblem) as refused:
            dbmod.open_database(url)
        assert "wrong user name or password" in str(refused.value)
        assert secret not in repr(refused.value) and secret not in repr(ServerAddress(url))
        for argv in (["meetings"], ["--debug", "meetings"], ["--debug", "server", "upgrade"]):
            result = subprocess.run(
                [sys.executable, "main.py", "--db", url, *argv],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            assert result.returncode == 2, result.stderr
            assert "password" in result.stderr
            assert secret not in result.stdout + result.stderr
        # The right password opens it: the failure above was the password, not the role.
        right = url.replace(secret, "the-right-one")
        with pytest.raises(DatabaseProblem, match="no right to read"):
            dbmod.open_database(right)
        pg_admin.execute(f"GRANT pg_read_all_data, pg_write_all_data TO {PASSWORD_ROLE}")
        dbmod.open_database(right).close()
    finally:
        pg_admin.execute(f"DROP OWNED BY {PASSWORD_ROLE}")
        pg_admin.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")


@pytest.mark.parametrize(
    ("url", "mode"),
    [
        ("postgresql://somchai@localhost/prachum", "prefer"),
        ("postgresql://somchai@127.0.0.1:5433/prachum", "prefer"),
        ("postgresql://somchai@/prachum?host=/run/postgresql", "prefer"),
        ("postgresql://somchai@office-server/prachum", "require"),
        ("postgresql://somchai@10.0.0.5/prachum?sslmode=disable", "disable"),
        ("postgresql://somchai@office-server/prachum?sslrootcert=/c/office-ca.pem", "verify-full"),
    ],
)
def test_tls_is_required_over_a_network_and_verified_given_the_offices_ca(url, mode):
    address = ServerAddress(url)
    assert address.sslmode() == mode
    assert address.sqlalchemy_url().query["sslmode"] == mode


def test_a_value_is_a_server_only_when_it_begins_with_the_scheme(tmp_path):
    for path in ("prachum.db", "a%20b?c#d.db", "postgres://x/y", "C:\\data\\p.db"):
        assert database_target(path) == Path(path)
    address = database_target("postgresql://somchai:pw@office-server:5433/prachum")
    assert address.name == "somchai@office-server/prachum"
    assert "pw" not in repr(address) and "pw" not in str(address)
    with pytest.raises(DatabaseProblem, match="must name a database"):
        database_target("postgresql://somchai@office-server")


def test_a_server_database_is_named_without_its_password(pg_url):
    database = dbmod.open_database(pg_url)
    try:
        assert database.name == f"prachum_test@localhost/{ServerAddress(pg_url).database}"
        assert database.path is None and not database.readonly
    finally:
        database.close()


def test_a_failed_write_on_the_server_leaves_nothing_behind(pg_url):
    database = dbmod.open_database(pg_url)
    try:
        with pytest.raises(OperationalError), database.session() as session:
            services.create_organization(session, name="ครึ่งทาง")
            session.flush()
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        with database.session() as session:
            assert services.list_organizations(session) == []
    finally:
        database.close()


def test_the_history_migration_holds_on_a_server_when_later_models_add_a_table(
    empty_server_db, monkeypatch
):
    """As on a file (test_migrations): 0025 goes up and down for the schema of its time,
    whatever a later version's models add."""
    from later_models import models_a_later_version_adds

    from desktop.core import history

    models_a_later_version_adds(monkeypatch, history)
    engine = make_server_engine(empty_server_db)
    with engine.connect() as con:
        with con.begin():
            command.upgrade(dbmod._alembic_config(con), "0025")
            con.exec_driver_sql(
                "INSERT INTO organizations (name, kind, active) VALUES ('อบต.', 'agency', true)"
            )
            kept = con.exec_driver_sql("SELECT table_name FROM history").scalars().all()
        with con.begin():
            command.downgrade(dbmod._alembic_config(con), "0024")
        with con.begin():
            command.upgrade(dbmod._alembic_config(con), "0025")
    engine.dispose()
    assert kept == ["organizations"]
