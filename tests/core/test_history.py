"""Who changed what: the history the database keeps by its own triggers, on both backends.

An imported meeting and an edit each show who and what; many quick edits of one field
are one entry; the triggers are exactly what the models say (a missing one is named);
and on a server nobody the app's users log in as may change or delete the history.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from meeting_example import example
from sqlalchemy import Column, MetaData, Table, Text, create_engine, event, select, text
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.core import history, services
from desktop.core.db import Database, make_engine, open_database
from desktop.core.errors import DatabaseProblem, NotFound
from desktop.core.models import AgendaItem, Base, HistoryEntry
from desktop.core.operations.meeting_file import import_meeting_file
from desktop.core.server import ServerAddress
from desktop.core.sqlite_features import name_the_writer, writer_name


def me(db: Database) -> str:
    """Who the history says wrote: the server's user, or the PC's."""
    return db.address.user if db.address is not None else writer_name()


def entries(db: Database, **where: object) -> list[HistoryEntry]:
    with db.reading() as session:
        statement = select(HistoryEntry).filter_by(**where).order_by(HistoryEntry.id)
        return list(session.scalars(statement))


@contextmanager
def written_by(db: Database, name: str) -> Iterator[Session]:
    """A session of the same database in which another person writes."""
    if db.address is None:
        engine = make_engine(db.path)  # type: ignore[arg-type]

        @event.listens_for(engine, "connect")
        def _named(dbapi_connection, _record) -> None:
            name_the_writer(dbapi_connection, name)
    else:
        role = f"history_{name}_{uuid.uuid4().hex[:8]}"
        with db.engine.begin() as con:
            # A member of the owner: the owner's rights on the tables, a name of her own.
            con.exec_driver_sql(f'CREATE ROLE "{role}" IN ROLE "{db.address.user}"')
        engine = create_engine(db.engine.url)

        @event.listens_for(engine, "connect")
        def _as(dbapi_connection, _record) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f'SET SESSION AUTHORIZATION "{role}"')
            dbapi_connection.commit()

    try:
        with Session(engine) as session, session.begin():
            yield session
    finally:
        engine.dispose()


def new_meeting(db: Database) -> tuple[int, int]:
    with db.session() as session:
        meeting = services.create_meeting(session, title="ประชุมประจำเดือน", date=date(2026, 3, 4))
        item = services.add_agenda_item(session, meeting.id, title="เรื่องแจ้งเพื่อทราบ")
        return meeting.id, item.id


def test_an_imported_meeting_and_an_edit_show_who_and_what(db, tmp_path, capsys):
    path = tmp_path / "m.meeting.json"
    path.write_text(json.dumps(example(), ensure_ascii=False), encoding="utf-8")
    with db.session() as session:
        meeting_id = import_meeting_file(session, path).id
    with db.reading() as session:
        imported = services.meeting_history(session, meeting_id)
    assert imported and {row.user for row in imported} == {me(db)}
    added = {(row.table, row.action) for row in imported}
    assert ("meetings", "insert") in added and ("agenda_items", "insert") in added
    assert ("attendance", "insert") in added
    title = next(row for row in imported if row.table == "meetings").new
    assert title is not None and json.loads(title)["title"] == example()["meeting"]["title"]

    with db.reading() as session:
        item = session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.id)
        ).first()
    assert item is not None
    before = item.resolution
    with db.session() as session:
        services.update_agenda_item(session, item.id, resolution="ที่ประชุมมีมติอนุมัติ")
    with db.reading() as session:
        changes = [r for r in services.item_history(session, item.id) if r.field == "resolution"]
    assert [(r.user, r.field, r.old, r.new) for r in changes] == [
        (me(db), "resolution", before, "ที่ประชุมมีมติอนุมัติ")
    ]
    assert "มติ" in changes[0].what() and "ที่ประชุมมีมติอนุมัติ" in changes[0].what()
    assert abs(changes[0].at - datetime.now()) < timedelta(minutes=2)  # local time

    # The command prints it: BE date, Thai time, the user and the change.
    capsys.readouterr()
    assert main(["--db", db_arg(db), "--lang", "th", "history", str(meeting_id)]) == 0
    out = capsys.readouterr().out
    last = out.strip().splitlines()[-1]
    assert me(db) in last and "ที่ประชุมมีมติอนุมัติ" in last and "มติ" in last
    assert str(datetime.now().year + 543) in last and " น." in last
    assert "เพิ่ม การประชุม" in out


def db_arg(db: Database) -> str:
    return db.address.url if db.address is not None else str(db.path)


def test_quick_edits_of_one_field_by_one_person_are_one_entry(db):
    meeting_id, item_id = new_meeting(db)
    typed = ""
    for word in ["ที่", "ประชุม", "รับทราบ", " ", "และ", "มอบหมาย", "ผู้อำนวยการ"] * 5:
        typed += word
        with db.session() as session:
            services.update_agenda_item(session, item_id, body=typed)
    with db.session() as session:
        services.update_agenda_item(session, item_id, resolution="รับทราบ")
    updates = entries(db, table_name="agenda_items", row_key=str(item_id), action="update")
    updates = [e for e in updates if e.field != "number"]  # numbered when it was added
    assert [(e.field, e.old_value, e.new_value) for e in updates] == [
        ("body", None, typed.strip()),
        ("resolution", None, "รับทราบ"),
    ]
    assert {e.meeting_id for e in updates} == {meeting_id}
    assert {e.item_id for e in updates} == {item_id}

    # Someone else's change of the same field starts an entry of its own...
    with written_by(db, "somsri") as session:
        session.execute(
            text("UPDATE agenda_items SET body = :b WHERE id = :i"),
            {"b": "แก้โดยสมศรี", "i": item_id},
        )
    # ...and so does mine after her, and mine after a pause of more than a few minutes.
    with db.session() as session:
        services.update_agenda_item(session, item_id, body="แก้กลับ")
    with db.engine.begin() as con:  # as if it were written ten minutes ago
        con.execute(
            text("UPDATE history SET at = :at WHERE id = (SELECT max(id) FROM history)"),
            {"at": datetime.now() - timedelta(minutes=history.COALESCE_MINUTES + 10)},
        )
    with db.session() as session:
        services.update_agenda_item(session, item_id, body="แก้อีกครั้ง")
    bodies = entries(db, table_name="agenda_items", row_key=str(item_id), field="body")
    assert [
        (e.user_name.startswith("history_somsri") or e.user_name, e.new_value) for e in bodies
    ] == [
        (me(db), typed.strip()),
        (True if db.address else "somsri", "แก้โดยสมศรี"),
        (me(db), "แก้กลับ"),
        (me(db), "แก้อีกครั้ง"),
    ]
    assert [e.old_value for e in bodies[1:]] == [typed.strip(), "แก้โดยสมศรี", "แก้กลับ"]


def test_a_deleted_meeting_keeps_its_history(db):
    meeting_id, _item_id = new_meeting(db)
    with db.session() as session:
        services.delete_meeting(session, meeting_id)
    with db.reading() as session:
        rows = services.meeting_history(session, meeting_id)
    gone = next(r for r in rows if (r.table, r.action) == ("meetings", "delete"))
    assert "ประชุมประจำเดือน" in gone.what() and gone.user == me(db)
    assert ("agenda_items", "delete") in [(r.table, r.action) for r in rows]
    with db.reading() as session, pytest.raises(NotFound):
        services.meeting_history(session, meeting_id + 1000)


def test_the_triggers_are_what_the_models_say_and_a_missing_one_is_named(db):
    new_meeting(db)
    with db.engine.begin() as con:
        assert history.missing_triggers(con) == []
    # A planted missing trigger.
    with db.engine.begin() as con:
        if con.dialect.name == "postgresql":
            con.exec_driver_sql("DROP TRIGGER history ON agenda_items")
            planted = "history on agenda_items"
        else:
            con.exec_driver_sql("DROP TRIGGER history_agenda_items_set_resolution")
            planted = "history_agenda_items_set_resolution"
        assert history.missing_triggers(con) == [planted]
        history.install_triggers(con)
        assert history.missing_triggers(con) == []
    # A table and a text column added to the models without their triggers.
    later = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(later)
    Table("minutes_notes", later, Column("id", Text, primary_key=True), Column("note", Text))
    later.tables["agenda_items"].append_column(Column("summary", Text))
    with db.engine.begin() as con:
        con.exec_driver_sql("CREATE TABLE minutes_notes (id TEXT PRIMARY KEY, note TEXT)")
        con.exec_driver_sql("ALTER TABLE agenda_items ADD COLUMN summary TEXT")
        missing = history.missing_triggers(con, later.sorted_tables)
        assert "history on minutes_notes" in missing or "history_minutes_notes_insert" in missing
        if con.dialect.name == "sqlite":
            assert "history_agenda_items_set_summary" in missing
        history.install_triggers(con, later.sorted_tables)
        assert history.missing_triggers(con, later.sorted_tables) == []
        con.exec_driver_sql("INSERT INTO minutes_notes VALUES ('a', 'บันทึก')")
        con.exec_driver_sql("UPDATE agenda_items SET summary = 'สรุป'")
        kept = con.execute(
            text(
                "SELECT table_name, field, new_value FROM history WHERE new_value = 'สรุป' "
                "OR table_name = 'minutes_notes'"
            )
        ).all()
    assert ("agenda_items", "summary", "สรุป") in [tuple(r) for r in kept]
    assert any(r[0] == "minutes_notes" for r in kept)


@pytest.fixture
def server_people(pg_url) -> Iterator[dict[str, ServerAddress]]:
    """A server database after `server init`, with a secretary and a reader."""
    from server_people import drop_roles_of, signed_in_as

    from desktop.core.server_roles import ServerRole, add_user, init_server

    address = ServerAddress(pg_url)
    init_server(address)
    suffix = uuid.uuid4().hex[:6]
    people = {}
    try:
        for role in (ServerRole.SECRETARY, ServerRole.READER, ServerRole.ADMIN):
            name = f"{role.value}_{suffix}"
            people[role.value] = signed_in_as(pg_url, name, add_user(address, name, role))
        yield people
    finally:
        drop_roles_of(pg_url, address.database)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_nobody_who_logs_in_may_change_or_delete_the_history(server_people, backend):
    secretary = open_database(server_people["secretary"])
    try:
        _meeting_id, item_id = new_meeting(secretary)
        with secretary.session() as session:
            services.update_agenda_item(session, item_id, resolution="อนุมัติ")
        mine = entries(secretary, item_id=item_id, field="resolution")
        assert [(e.user_name, e.new_value) for e in mine] == [
            (server_people["secretary"].user, "อนุมัติ")
        ]
    finally:
        secretary.close()
    before = _history_rows(server_people["secretary"])
    attempts = [
        "UPDATE history SET new_value = 'ไม่อนุมัติ'",
        "DELETE FROM history",
        "TRUNCATE history",
        "INSERT INTO history (at, user_name, table_name, row_key, action) "
        "VALUES (now(), 'someone', 'meetings', '1', 'insert')",
        "SELECT setval(pg_get_serial_sequence('history', 'id'), 1)",
    ]
    for who in ("secretary", "reader", "admin"):
        database = open_database(server_people[who])
        try:
            for statement in attempts:
                with (
                    pytest.raises(DatabaseProblem, match="may only read"),
                    database.session() as session,
                ):
                    session.execute(text(statement))
            # Nor may she hang the history's functions on a table of her own.
            with database.reading() as session:
                may_run = session.execute(
                    text("SELECT has_function_privilege('history_meetings()', 'EXECUTE')")
                ).scalar_one()
            assert may_run is False
        finally:
            database.close()
    assert _history_rows(server_people["secretary"]) == before
    # The one entry a trigger changes is hers, of the field she is changing, to its value.
    secretary = open_database(server_people["secretary"])
    try:
        with secretary.session() as session:
            services.update_agenda_item(session, item_id, resolution="อนุมัติตามเสนอ")
        assert [e.new_value for e in entries(secretary, item_id=item_id, field="resolution")] == [
            "อนุมัติตามเสนอ"
        ]
    finally:
        secretary.close()


def _history_rows(address: ServerAddress) -> list[tuple[object, ...]]:
    database = open_database(address)
    try:
        with database.reading() as session:
            return [tuple(r) for r in session.execute(text("SELECT * FROM history ORDER BY id"))]
    finally:
        database.close()
