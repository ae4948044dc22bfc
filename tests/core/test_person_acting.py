"""A person's acting office in its own field: typed into the position it is split off (as
each meeting's line does), the roster shows it after the held office, a meeting copies it
to the line, and migration 0022 splits what the roster held before, on SQLite and on a
PostgreSQL server alike."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import command

from desktop.core import db as dbmod
from desktop.core import services
from desktop.core.db_server import make_server_engine
from desktop.core.models import Person
from desktop.core.services.views import people_rows

TYPED = "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาลตำบลบ้านกลาง"
ABBREVIATED = "รองนายก ร.ร.ท. นายกเทศมนตรีตำบลบ้านกลาง"


def test_an_acting_office_typed_into_the_position_is_split_off(session):
    person = services.create_person(session, given_name="วิไล", position=TYPED)
    assert (person.position, person.acting_as) == ("รองปลัดเทศบาล", "ปลัดเทศบาลตำบลบ้านกลาง")
    row = next(r for r in people_rows(session) if r.id == person.id)
    # Read (and edited) in one line, as the minutes print it.
    assert row.position == "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง"
    services.update_person(session, person.id, position="รองปลัดเทศบาล")  # acting no more
    assert (person.position, person.acting_as) == ("รองปลัดเทศบาล", None)
    services.update_person(session, person.id, acting_as="รักษาราชการแทนปลัดเทศบาล")
    assert person.acting_as == "ปลัดเทศบาล"  # the word typed in front is not kept twice
    services.update_person(session, person.id, position=ABBREVIATED)
    assert (person.position, person.acting_as) == ("รองนายก", "นายกเทศมนตรีตำบลบ้านกลาง")


def test_a_meeting_copies_the_acting_office_to_its_line(session):
    person = services.create_person(session, given_name="วิไล", position=TYPED)
    meeting = services.create_meeting(session, title="ประชุมทดสอบ", date=date(2024, 2, 14))
    line = services.add_attendee(session, meeting.id, person.id)
    assert (line.position, line.acting_as) == ("รองปลัดเทศบาล", "ปลัดเทศบาลตำบลบ้านกลาง")


def _fill_at_0021(con) -> None:
    con.execute(
        sa.text(
            "INSERT INTO people (id, given_name, position, role, active) VALUES "
            "(1, 'วิไล', :typed, 'deputy_clerk', true), "
            "(2, 'สมชาย', :abbreviated, 'executive', true), "
            "(3, 'มาลี', 'นักวิเคราะห์นโยบายและแผน', 'officer', true), "
            "(4, 'ไร้ตำแหน่ง', NULL, 'officer', true)"
        ),
        {"typed": TYPED, "abbreviated": ABBREVIATED},
    )


def _people(con) -> list[tuple]:
    return list(con.execute(sa.text("SELECT id, position, acting_as FROM people ORDER BY id")))


EXPECTED = [
    (1, "รองปลัดเทศบาล", "ปลัดเทศบาลตำบลบ้านกลาง"),
    (2, "รองนายก", "นายกเทศมนตรีตำบลบ้านกลาง"),
    (3, "นักวิเคราะห์นโยบายและแผน", None),
    (4, None, None),
]


def _migrate_and_check(con) -> None:
    with con.begin():
        command.upgrade(dbmod._alembic_config(con), "0021")
        _fill_at_0021(con)
    with con.begin():
        command.upgrade(dbmod._alembic_config(con), "0022")
    assert _people(con) == EXPECTED
    con.rollback()
    with con.begin():
        command.downgrade(dbmod._alembic_config(con), "0021")
    positions = [row[0] for row in con.execute(sa.text("SELECT position FROM people ORDER BY id"))]
    assert positions[:2] == [
        "รองปลัดเทศบาล รักษาราชการแทน ปลัดเทศบาลตำบลบ้านกลาง",
        "รองนายก รักษาราชการแทน นายกเทศมนตรีตำบลบ้านกลาง",
    ]


def test_migration_0022_splits_the_roster_on_sqlite(tmp_path):
    engine = dbmod.make_engine(tmp_path / "old.db")
    with engine.connect() as con:
        _migrate_and_check(con)
    engine.dispose()


def test_migration_0022_splits_the_roster_on_postgresql(empty_server_db):
    engine = make_server_engine(empty_server_db)
    with engine.connect() as con:
        _migrate_and_check(con)
    engine.dispose()


def test_the_model_has_the_field():
    assert "acting_as" in Person.__table__.columns
