"""`copy SOURCE TARGET`: a file onto a server and back, ids kept, into an empty target
only, all or nothing; a server's backup is a SQLite file that the same restore opens."""

from __future__ import annotations

import json

import pytest
from meeting_example import example
from sqlalchemy import select

from desktop.cli import main
from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import Meeting
from desktop.core.operations import copying
from desktop.core.operations.meeting_file import export_meeting
from desktop.core.server import ServerAddress


@pytest.fixture
def backend() -> str:
    return "postgresql"  # each test names both sides itself


@pytest.fixture
def filled_file(tmp_path):
    """The demo network and the example meeting, certified minutes included."""
    path = tmp_path / "office.db"
    assert main(["--db", str(path), "demo"]) == 0
    meeting_file = tmp_path / "example.meeting.json"
    meeting_file.write_text(json.dumps(example(), ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(path), "import", str(meeting_file)]) == 0
    return path


def _exports(target) -> dict[int, dict]:
    database = open_database(target, readonly=True)
    try:
        with database.session() as session:
            ids = session.scalars(select(Meeting.id).order_by(Meeting.id)).all()
            return {i: export_meeting(session, i) for i in ids}
    finally:
        database.close()


def _counts(target) -> dict[str, int]:
    database = open_database(target, readonly=True)
    try:
        with database.engine.connect() as con:
            return copying.row_counts(con)
    finally:
        database.close()


def test_a_file_onto_a_server_and_back_exports_every_meeting_identically(
    filled_file, empty_server_db, tmp_path, capsys
):
    capsys.readouterr()
    assert main(["copy", str(filled_file), empty_server_db.url]) == 0
    assert "4 meetings export identically" in capsys.readouterr().out
    home = tmp_path / "home.db"
    assert main(["copy", empty_server_db.url, str(home)]) == 0
    original = _exports(filled_file)
    assert len(original) == 4
    assert _exports(empty_server_db) == original
    assert _exports(home) == original
    assert _counts(home) == _counts(filled_file)
    # The server's ids continue after the copied ones.
    database = open_database(empty_server_db)
    with database.session() as session:
        organization = services.create_organization(session, name="เทศบาลใหม่")
        session.flush()
        assert organization.id == max(o.id for o in services.list_organizations(session))
    database.close()


def test_a_target_with_data_is_refused_and_nothing_is_written(filled_file, pg_url, capsys):
    assert main(["--db", pg_url, "demo"]) == 0
    before = _counts(pg_url)
    assert main(["copy", str(filled_file), pg_url]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert _counts(pg_url) == before


def test_a_copy_that_fails_halfway_leaves_the_target_empty_and_a_second_run_works(
    filled_file, pg_url, monkeypatch
):
    real = copying._copy_table

    def dies_at_attendance(source, target, table):
        if table.name == "attendance":
            raise KeyboardInterrupt  # as if the copy were stopped here
        return real(source, target, table)

    monkeypatch.setattr(copying, "_copy_table", dies_at_attendance)
    with pytest.raises(KeyboardInterrupt):
        copying.copy_database_to(filled_file, ServerAddress(pg_url))
    assert not any(_counts(pg_url).values())
    monkeypatch.setattr(copying, "_copy_table", real)
    report = copying.copy_database_to(filled_file, ServerAddress(pg_url))
    assert report.meetings_compared == 4


def test_a_servers_backup_is_a_file_that_restore_and_the_app_open(filled_file, pg_url, tmp_path):
    copying.copy_database_to(filled_file, ServerAddress(pg_url))
    backup = tmp_path / "server-backup.db"
    assert main(["--db", pg_url, "backup", "-o", str(backup)]) == 0
    assert not backup.with_name(backup.name + ".partial").exists()
    assert _exports(backup) == _exports(filled_file)
    other = tmp_path / "restored.db"
    assert main(["--db", str(other), "demo"]) == 0
    assert main(["--db", str(other), "restore", str(backup)]) == 0
    assert _exports(other) == _exports(filled_file)


def test_a_copy_onto_itself_is_refused(filled_file, capsys):
    assert main(["copy", str(filled_file), str(filled_file)]) == 2
    assert "same database" in capsys.readouterr().err
