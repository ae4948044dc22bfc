"""The schema is made and changed only by Alembic, and a migration never loses a row."""

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from later_models import models_a_later_version_adds

from desktop.core import db as dbmod
from desktop.core import db_file, history
from desktop.core.errors import DatabaseProblem
from desktop.core.models import Base
from desktop.core.sqlite_features import is_search_table

FIXTURE_SQL = Path(__file__).parent / "data" / "filled-0001.sql"
TABLES = [
    "organizations",
    "networks",
    "network_members",
    "people",
    "meetings",
    "attendance",
    "agenda_items",
    "resolution_points",
    "actions",
    "aliases",
    "agenda_templates",
    "agenda_template_items",
]


@pytest.fixture
def backend() -> str:
    """About the SQLite file; the server's migrations are tested in test_server.py."""
    return "sqlite"


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _build_at_first_revision(path: Path) -> None:
    """A database made by the first migration only, then filled by the kept SQL script."""
    engine = dbmod.make_engine(path)
    with engine.connect() as con:
        command.upgrade(dbmod._alembic_config(con), "0001")
        con.commit()
    engine.dispose()
    con = sqlite3.connect(path)
    con.executescript(FIXTURE_SQL.read_text(encoding="utf-8"))
    con.close()


def test_an_empty_file_is_migrated_to_the_newest_schema(tmp_path):
    database = dbmod.open_database(tmp_path / "new.db")
    assert dbmod.current_revision(database.engine) == dbmod.head_revision()
    database.close()


def test_the_migrations_build_exactly_the_models(tmp_path):
    database = dbmod.open_database(tmp_path / "new.db")
    with database.engine.connect() as con:
        context = MigrationContext.configure(
            con,
            opts={
                "include_object": lambda obj, name, type_, *_: (
                    not (type_ == "table" and is_search_table(name))
                ),
                "compare_type": True,
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    database.close()


def test_migrating_a_filled_database_loses_nothing_and_keeps_references(tmp_path):
    path = tmp_path / "old.db"
    _build_at_first_revision(path)
    before = _counts(path)
    assert all(count > 0 for count in before.values()), before
    database = dbmod.open_database(path)
    assert dbmod.current_revision(database.engine) == dbmod.head_revision()
    database.close()
    assert _counts(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The search index is rebuilt and its triggers are back after the table rebuild.
    assert con.execute("SELECT count(*) FROM search_index").fetchone()[0] > 0
    triggers = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE '%_search_%'"
    ).fetchone()[0]
    assert triggers == 12
    con.close()
    # And so are the history's, every one the models call for.
    database = dbmod.open_database(path)
    with database.engine.connect() as connection:
        assert history.missing_triggers(connection) == []
    database.close()
    backups = list(tmp_path.glob("old.before-*.db"))
    assert len(backups) == 1, "a backup is made before a migration"
    assert _counts(backups[0]) == before


def test_every_migration_goes_down_and_up_again(tmp_path):
    path = tmp_path / "cycle.db"
    dbmod.open_database(path).close()
    engine = dbmod.make_engine(path)
    with engine.connect() as con:
        con.exec_driver_sql("PRAGMA foreign_keys = OFF")
        con.commit()
        command.downgrade(dbmod._alembic_config(con), "base")
        command.upgrade(dbmod._alembic_config(con), "head")
        con.commit()
    engine.dispose()
    assert dbmod.current_revision(dbmod.make_engine(path)) == dbmod.head_revision()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.db"
    dbmod.open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version"):
        dbmod.open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a letter, not a database" * 10, "not a database"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "damaged"),
    ],
)
def test_a_file_that_is_not_a_healthy_database_is_refused_and_left_alone(
    tmp_path, content, message
):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseProblem, match=message):
        dbmod.open_database(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="another program"):
        dbmod.open_database(path)
    assert path.read_bytes() == before


def test_every_connection_gets_the_pragmas(db):
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_migration_that_fails_changes_nothing_and_can_be_retried(tmp_path):
    path = tmp_path / "old.db"
    _build_at_first_revision(path)
    con = sqlite3.connect(path)
    # A row the new constraint refuses: the upgrade must stop, whole.
    con.execute("UPDATE meetings SET certified_by_id = id WHERE id = 1")
    con.commit()
    con.close()
    for _attempt in range(2):
        with pytest.raises(DatabaseProblem, match="nothing was changed"):
            dbmod.open_database(path)
        con = sqlite3.connect(path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        con.close()
        assert "ix_people_names" not in names
        assert not any(name.startswith("_alembic_tmp") for name in names)
    con = sqlite3.connect(path)
    con.execute("UPDATE meetings SET certified_by_id = 2 WHERE id = 1")
    con.commit()
    con.close()
    dbmod.open_database(path).close()


def test_a_folder_name_with_uri_characters_is_checked_like_any_other(tmp_path):
    folder = tmp_path / "ห้อง#2?x=1%20"
    folder.mkdir()
    path = folder / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem, match="another program"):
        dbmod.open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]


def test_the_quick_revision_reader_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod._alembic_config())
    assert dbmod.head_revision() == script.get_current_head()
    assert db_file.known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_the_history_migration_holds_when_later_models_add_a_table_and_a_column(
    tmp_path, monkeypatch
):
    """0025 installs the history's triggers for the schema of its time: a table or column
    that a later migration adds must not make it fail, nor make a write between the two."""
    models_a_later_version_adds(monkeypatch, history)
    engine = dbmod.make_engine(tmp_path / "chain.db")
    with engine.connect() as con:
        command.upgrade(dbmod._alembic_config(con), "0025")
        con.exec_driver_sql(
            "INSERT INTO organizations (name, kind, active) VALUES ('อบต.', 'agency', 1)"
        )
        kept = con.exec_driver_sql("SELECT table_name FROM history").scalars().all()
        command.downgrade(dbmod._alembic_config(con), "0024")
        command.upgrade(dbmod._alembic_config(con), "0025")
        con.commit()
    engine.dispose()
    assert kept == ["organizations"]
