"""The journal of a dropped connection: her actions on her disk, stored once, in order."""

from __future__ import annotations

import json
import os
from datetime import date, time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.journal import (
    Journal,
    UserAction,
    connection_lost,
    journal_path,
    run_committed,
)
from desktop.core.models import AgendaItem, Setting
from desktop.core.services.agenda_restore import set_item_field
from desktop.core.services.agenda_view import VoteRow, read_agenda
from desktop.core.services.views import attendance_rows
from desktop.core.text_versions import EditConflict


class Crash(BaseException):
    """The app dying half-way (a kill, a dead battery): nothing after it runs."""


@pytest.fixture
def meeting(db) -> dict[str, int]:
    with db.session() as s:
        meeting = services.create_meeting(s, title="ประชุมเครือข่าย", date=date(2026, 5, 1))
        person = services.create_person(s, honorific="นาย", given_name="สมชาย")
        services.add_attendee(s, meeting.id, person.id)
        item = services.add_agenda_item(s, meeting.id, title="เรื่องที่ประธานแจ้ง")
        line = attendance_rows(s, meeting.id)[0]
        return {"meeting": meeting.id, "item": item.id, "line": line.id}


def _journal(tmp_path: Path) -> Journal:
    return Journal(journal_path(tmp_path, "somchai@office/prachum"), "somchai@office/prachum")


def _body(db, item_id: int) -> str | None:
    with db.session() as s:
        return s.get(AgendaItem, item_id).body


def test_each_action_is_on_the_disk_before_add_returns(tmp_path, monkeypatch):
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    journal = _journal(tmp_path)
    journal.add(UserAction.of(set_item_field, 7, "body", value="ประธานแจ้งว่า"))
    assert len(synced) == 2  # the file's text, then the folder's entry for its new name
    data = json.loads(journal.path.read_text(encoding="utf-8"))
    assert data["entries"][0]["action"] == {
        "service": "desktop.core.services.agenda_restore.set_item_field",
        "args": [7, "body"],
        "kwargs": {"value": "ประธานแจ้งว่า"},
    }
    assert [p.name for p in journal.path.parent.iterdir()] == [journal.path.name]


def test_a_write_that_fails_half_way_leaves_the_previous_journal_whole(tmp_path, monkeypatch):
    journal = _journal(tmp_path)
    journal.add(UserAction.of(set_item_field, 7, "body", value="ข้อความแรก"))
    before = journal.path.read_bytes()

    def power_cut(_source, _target):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        journal.add(UserAction.of(services.set_attendance_status, 3, status="absent"))
    assert journal.path.read_bytes() == before
    assert [p.name for p in journal.path.parent.iterdir()] == [journal.path.name]


def test_typing_replaces_its_own_last_entry_and_the_order_is_kept(tmp_path):
    journal = _journal(tmp_path)
    body = "body"
    journal.add(UserAction.of(set_item_field, 7, body, value="ประ", version=4, base=""))
    journal.add(UserAction.of(set_item_field, 7, body, value="ประธาน", version=4, base="ประ"))
    journal.add(UserAction.of(services.set_attendance_status, 3, status="absent"))
    journal.add(UserAction.of(set_item_field, 7, body, value="ประธานแจ้ง", version=4, base="ประธาน"))
    journal.add(UserAction.of(set_item_field, 7, "resolution", value="รับทราบ"))
    loaded = Journal.load(journal.path)
    assert loaded is not None and loaded.ident == journal.ident
    assert [(e.number, e.action.args, dict(e.action.kwargs)) for e in loaded.entries] == [
        # One edit from the text the server held when she began to what she typed last.
        (1, (7, body), {"value": "ประธาน", "version": 4, "base": ""}),
        (2, (3,), {"status": "absent"}),
        (3, (7, body), {"value": "ประธานแจ้ง", "version": 4, "base": "ประธาน"}),
        (4, (7, "resolution"), {"value": "รับทราบ"}),
    ]


def test_dates_times_and_keywords_come_back_as_they_went(tmp_path):
    journal = _journal(tmp_path)
    action = UserAction.of(
        services.update_meeting, 5, date=date(2026, 5, 1), start=time(9, 30), title="ประชุม"
    )
    journal.add(action)
    loaded = Journal.load(journal.path)
    assert loaded is not None and loaded.entries[0].action == action


def test_a_vote_is_kept_and_stored_as_the_row_it_was(db, meeting, tmp_path):
    journal = _journal(tmp_path)
    before = VoteRow(votes_for=3)
    vote = VoteRow(votes_for=9, votes_against=1, votes_abstain=0, ballot="open")
    journal.add(UserAction.of(set_item_field, meeting["item"], "vote", value=before, base=None))
    journal.add(UserAction.of(set_item_field, meeting["item"], "vote", value=vote, base=before))
    loaded = Journal.load(journal.path)
    assert loaded is not None and len(loaded) == 1  # a vote edited twice is one entry
    assert dict(loaded.entries[0].action.kwargs) == {"value": vote, "base": None}
    assert loaded.replay(run_committed(db.session)).stored == 1
    with db.session() as s:
        node = read_agenda(s, meeting["meeting"]).find(meeting["item"])
        assert node is not None and node.vote == vote


def test_a_journal_cannot_build_a_row_with_fields_it_does_not_have(tmp_path):
    journal = _journal(tmp_path)
    journal.add(UserAction.of(set_item_field, 7, "vote", value=VoteRow(votes_for=1)))
    data = json.loads(journal.path.read_text(encoding="utf-8"))
    data["entries"][0]["action"]["kwargs"]["value"] = {"$vote": {"password": "x"}}
    journal.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        Journal.load(journal.path)


def test_only_service_functions_are_named_or_read(tmp_path):
    with pytest.raises(ValueError):
        UserAction.of(os.remove, "/")
    journal = _journal(tmp_path)
    journal.add(UserAction.of(set_item_field, 7, "body", value="x"))
    data = json.loads(journal.path.read_text(encoding="utf-8"))
    data["entries"][0]["action"]["service"] = "os.remove"
    journal.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        Journal.load(journal.path)


def test_what_cannot_be_written_as_json_is_not_kept(tmp_path):
    action = UserAction.of(set_item_field, 7, "vote", value=object())
    assert not action.can_be_kept()
    with pytest.raises(TypeError):
        _journal(tmp_path).add(action)


def test_a_replay_stores_in_order_once_and_removes_the_file(db, meeting, tmp_path):
    journal = _journal(tmp_path)
    item, line = meeting["item"], meeting["line"]
    journal.add(UserAction.of(set_item_field, item, "body", value="ร่างแรก"))
    journal.add(UserAction.of(services.set_attendance_status, line, status="absent"))
    journal.add(UserAction.of(set_item_field, item, "body", value="ร่างสุดท้าย"))
    replayed = Journal.load(journal.path)
    assert replayed is not None
    outcome = replayed.replay(run_committed(db.session))
    assert outcome.stored == 3 and not outcome.refused
    assert outcome.changes.touches_agenda(meeting["meeting"])
    assert outcome.changes.touches_attendance(meeting["meeting"])
    assert _body(db, item) == "ร่างสุดท้าย"  # the last typed, not the first
    with db.session() as s:
        assert attendance_rows(s, meeting["meeting"])[0].status == "absent"
        assert s.get(Setting, "journal:" + replayed.ident) is None  # the mark is cleared
    assert not journal.path.exists() and Journal.load(journal.path) is None


def test_a_crash_in_the_middle_of_a_replay_applies_nothing_twice(db, meeting, tmp_path):
    journal = _journal(tmp_path)
    add = UserAction.of(services.add_agenda_item, meeting["meeting"], title="เรื่องเพิ่มเติม")
    journal.add(UserAction.of(set_item_field, meeting["item"], "body", value="ข้อความ"))
    journal.add(add)  # not idempotent: stored twice, there would be two new items
    journal.add(UserAction.of(services.set_attendance_status, meeting["line"], status="absent"))
    committed = run_committed(db.session)
    calls = 0

    def dies_after_the_second_entry(action):
        nonlocal calls
        result = committed(action)
        calls += 1
        if calls == 3:  # the mark read, the first entry, the second entry: then it dies
            raise Crash
        return result

    with pytest.raises(Crash):
        journal.replay(dies_after_the_second_entry)
    left = Journal.load(journal.path)
    assert left is not None and [e.number for e in left.entries] == [2, 3]  # 2 not yet off

    outcome = left.replay(committed)
    assert outcome.stored == 1
    with db.session() as s:
        titles = s.scalars(select(AgendaItem.title)).all()
        assert titles.count("เรื่องเพิ่มเติม") == 1
        assert attendance_rows(s, meeting["meeting"])[0].status == "absent"
    assert not journal.path.exists()


def test_a_refused_action_is_reported_and_the_rest_is_stored(db, meeting, tmp_path):
    journal = _journal(tmp_path)
    journal.add(UserAction.of(set_item_field, meeting["item"], "body", value="ข้อความ"))
    journal.add(UserAction.of(services.set_attendance_status, 999_999, status="absent"))  # deleted
    journal.add(UserAction.of(set_item_field, meeting["item"], "resolution", value="รับทราบ"))
    outcome = journal.replay(run_committed(db.session))
    assert outcome.stored == 2
    assert [action.args for action, _error in outcome.refused] == [(999_999,)]
    assert isinstance(outcome.refused[0][1], PrachumError)
    with db.session() as s:
        assert s.get(AgendaItem, meeting["item"]).resolution == "รับทราบ"
    assert not journal.path.exists()


def test_a_tick_stored_twice_stays_what_she_ticked(db, meeting):
    for _ in range(2):
        with db.session() as s:
            services.set_attendance_status(s, meeting["line"], "absent")
    with db.session() as s:
        assert attendance_rows(s, meeting["meeting"])[0].status == "absent"


def test_a_server_that_went_away_is_told_from_a_refusal(pg_url, pg_admin):
    from desktop.core.db import open_database

    database = open_database(pg_url)
    try:
        with database.engine.connect() as con:
            pid = con.execute(text("SELECT pg_backend_pid()")).scalar()
        pg_admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(OperationalError) as gone, database.engine.connect() as con:
            con.execute(text("SELECT 1"))
        assert connection_lost(gone.value)
    finally:
        database.close()
    assert connection_lost(psycopg.OperationalError("connection refused"))
    assert not connection_lost(psycopg.errors.DeadlockDetected("deadlock detected"))
    assert not connection_lost(psycopg.errors.InsufficientPrivilege("permission denied"))
    assert not connection_lost(ValueError("not a database error"))


def test_text_another_person_changed_meanwhile_is_refused_with_theirs_and_hers_kept(
    db, meeting, tmp_path
):
    """Her body typed while the server was away, based on version v; another person
    stored theirs in between: the replay does not overwrite it, and says what they wrote."""
    with db.session() as s:
        version = s.get(AgendaItem, meeting["item"]).version
    journal = _journal(tmp_path)
    journal.add(
        UserAction.of(
            set_item_field, meeting["item"], "body", value="ของเธอ", version=version, base=None
        )
    )
    journal.add(UserAction.of(services.set_attendance_status, meeting["line"], status="absent"))
    with db.session() as s:
        services.update_agenda_item(s, meeting["item"], body="ของอีกคน")
    outcome = journal.replay(run_committed(db.session))
    assert outcome.stored == 1
    ((action, conflict),) = outcome.refused
    assert isinstance(conflict, EditConflict) and conflict.theirs == {"body": "ของอีกคน"}
    assert dict(action.kwargs)["value"] == "ของเธอ"  # hers, to show beside theirs
    assert _body(db, meeting["item"]) == "ของอีกคน"


def test_typing_on_after_a_replay_lost_its_answer_is_not_skipped_as_stored(db, meeting, tmp_path):
    """A replay's commit reaches the server but its answer is lost with the connection; she
    types on in the same field. Her newer text is a new entry, not a change of the one the
    server's mark already counts as stored (which the next replay would skip)."""
    item = meeting["item"]
    with db.session() as s:
        version = s.get(AgendaItem, item).version
    journal = _journal(tmp_path)
    journal.add(
        UserAction.of(set_item_field, item, "body", value="ร่างแรก", version=version, base="")
    )
    committed = run_committed(db.session)
    calls = 0

    def answer_lost_after_the_first_entry(action):
        nonlocal calls
        result = committed(action)
        calls += 1
        if calls == 2:  # the mark read, then the first entry: committed, its answer lost
            raise OperationalError("COMMIT", {}, Exception("server closed the connection"))
        return result

    with pytest.raises(OperationalError):
        journal.replay(answer_lost_after_the_first_entry)
    assert _body(db, item) == "ร่างแรก"
    journal.add(
        UserAction.of(set_item_field, item, "body", value="ร่างที่สอง", version=version, base="ร่างแรก")
    )

    outcome = journal.replay(committed)

    assert not outcome.refused
    assert _body(db, item) == "ร่างที่สอง"
