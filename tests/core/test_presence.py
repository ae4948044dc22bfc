"""Who else has an item open: one statement to say it, heard by the others' listeners."""

from __future__ import annotations

import json
import queue

from sqlalchemy import text

from bench.round_trips import counting
from desktop.core.db import open_database
from desktop.core.presence import GONE_AFTER_SECONDS, Presences, announce

HEARD_WITHIN = 10.0


def _note(client: str, who: str, item: int | None) -> str:
    return json.dumps({"b": client, "w": who, "m": 1, "i": item})


def test_presences_leave_out_her_own_window_age_out_and_refuse_nonsense():
    presences = Presences(own_client="Prachum mine")
    assert not presences.heard(_note("Prachum mine", "somchai", 5), now=0)
    assert presences.heard(_note("Prachum a", "somsri", 5), now=0)
    assert presences.heard(_note("Prachum b", "somsri", 5), now=1)  # her second PC
    assert presences.heard(_note("Prachum c", "malee", 5), now=2)
    assert presences.editing(5, now=3) == ["malee", "somsri"]
    assert presences.heard(_note("Prachum c", "malee", 6), now=4)  # moved on
    assert presences.by_item(now=5) == {5: ["somsri"], 6: ["malee"]}
    assert presences.editing(5, now=1 + GONE_AFTER_SECONDS + 1) == []  # gone quiet
    for nonsense in ("", "[]", "{}", '{"b": 1, "w": "x"}', "not json"):
        assert not presences.heard(nonsense, now=0)


def test_a_window_says_what_it_has_open_in_one_statement_and_the_others_hear_who(pg_url):
    hers, his = open_database(pg_url), open_database(pg_url)
    heard: queue.Queue[list[str]] = queue.Queue()
    listener = his.listen_for_others(lambda _changes: None, on_presence=heard.put)
    try:
        assert listener is not None and listener.listening.wait(HEARD_WITHIN)
        with hers.reading() as s, counting(hers.engine) as statements:
            announce(s, 7, 42)
        assert statements.count == 1
        payloads = heard.get(timeout=HEARD_WITHIN)
        presences = Presences(own_client=his.client)
        assert all(presences.heard(p, now=0) for p in payloads)
        with hers.reading() as s:
            user = s.execute(text("SELECT current_user")).scalar_one()
        assert presences.editing(42, now=1) == [user]
    finally:
        listener.stop()
        hers.close()
        his.close()


def test_a_file_has_no_presence(db_path):
    database = open_database(db_path)
    try:
        with database.reading() as s, counting(database.engine) as statements:
            announce(s, 1, 2)
        assert statements.count == 0
    finally:
        database.close()
