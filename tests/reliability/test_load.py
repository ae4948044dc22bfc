"""Load: eight people write to the same meeting at once for a bounded time while a ninth
reads it, each in a process of its own with its own connection and its own login.

No write is lost (each writer's last text and ticks are what the database holds, and
every item added is there), a deadlock the server detects is tried again and none is
left unresolved, every client reads the same meeting at the end, and the history holds
every change: for each row and field its entries chain (each one's old value is the one
before's new value) up to the value the row holds now. The figures (changes per second,
the longest wait) are printed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
import uuid
from collections import defaultdict
from datetime import date
from itertools import pairwise

import psycopg
import pytest
from load_clients import reader, writer
from psycopg import sql
from sqlalchemy import select

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.models import AgendaItem, Attendance, HistoryEntry
from desktop.core.server import ServerAddress

WRITERS = 8
SECONDS = float(os.environ.get("PRACHUM_LOAD_SECONDS", "20"))
OWN_LINES = 3
SHARED_LINES = 4


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def people(pg_url):
    """A login of her own for each client (trusted on the test cluster), able to write as
    the owner does; dropped afterwards (roles belong to the whole cluster)."""
    owner = ServerAddress(pg_url).user
    names = [f"load_{uuid.uuid4().hex[:6]}_{n}" for n in range(WRITERS + 1)]
    with psycopg.connect(pg_url, autocommit=True) as con:
        for name in names:
            con.execute(
                sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                    sql.Identifier(name), sql.Identifier(owner)
                )
            )
    yield [pg_url.replace(f"{owner}@", f"{name}@", 1) for name in names]
    with psycopg.connect(pg_url, autocommit=True) as con:
        for name in names:
            con.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def _meeting(url: str) -> dict:
    """A draft meeting with an item per writer, three lines of her own and four shared."""
    database = open_database(url)
    try:
        with database.session() as s:
            meeting = services.create_meeting(s, title="ประชุมภายใต้ภาระงาน", date=date(2026, 5, 1))
            items = [
                services.add_agenda_item(s, meeting.id, title=f"วาระของผู้ใช้ {n}").id
                for n in range(WRITERS)
            ]
            lines = []
            for n in range(WRITERS * OWN_LINES + SHARED_LINES):
                person = services.create_person(s, given_name=f"ผู้เข้าประชุม{n}", family_name="ทดสอบ")
                lines.append(services.add_attendee(s, meeting.id, person.id).id)
        return {"meeting": meeting.id, "items": items, "lines": lines}
    finally:
        database.close()


@pytest.mark.slow
def test_eight_writers_and_a_reader_lose_nothing_and_agree(pg_url, people, capsys):
    made = _meeting(pg_url)
    shared = made["lines"][-SHARED_LINES:]
    plans = [
        {
            "client": n,
            "meeting": made["meeting"],
            "item": made["items"][n],
            "lines": made["lines"][n * OWN_LINES : (n + 1) * OWN_LINES],
            "shared": shared,
        }
        for n in range(WRITERS)
    ]
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    sync = (context.Barrier(WRITERS + 1), context.Barrier(WRITERS + 1), results)
    processes = [
        context.Process(target=writer, args=(people[n], plans[n], SECONDS, sync))
        for n in range(WRITERS)
    ]
    processes.append(
        context.Process(target=reader, args=(people[WRITERS], made["meeting"], SECONDS, sync))
    )
    for process in processes:
        process.start()
    began = time.monotonic()
    reports = [results.get(timeout=SECONDS + 90) for _ in processes]
    elapsed = time.monotonic() - began
    for process in processes:
        process.join(timeout=10)
    assert [r["error"] for r in reports if r["error"]] == []
    writers = sorted((r for r in reports if r["client"] != "reader"), key=lambda r: r["client"])
    the_reader = next(r for r in reports if r["client"] == "reader")

    # Every client, the reader too, reads the same meeting once the writing is over.
    states = [r["state"] for r in reports]
    assert all(state == states[0] for state in states)

    bodies, statuses, entries = _stored(pg_url, made["meeting"])
    _nothing_lost(writers, plans, bodies, statuses)
    _history_holds_every_change(writers, plans, people, entries, bodies=bodies, statuses=statuses)

    changes = sum(r["changes"] for r in writers)
    numbers = [n for _i, n, _t, _b in states[0]["items"]]
    with capsys.disabled():
        print(
            f"\nload: {WRITERS} writers for {SECONDS:.0f} s: {changes} changes, "
            f"{changes / SECONDS:.0f} per second; longest wait "
            f"{max(r['longest_wait'] for r in writers) * 1000:.0f} ms; deadlocks retried "
            f"{sum(r['retried'] for r in writers)}; kinds "
            f"{dict(sum_kinds(writers))}; reader {the_reader['reads']} reads, longest "
            f"{the_reader['longest_read'] * 1000:.0f} ms; history entries {len(entries)}; "
            f"items {len(numbers)}, numbers given twice {len(numbers) - len(set(numbers))}; "
            f"whole run {elapsed:.0f} s"
        )
    assert changes > WRITERS  # it did write under load
    assert len(numbers) == len(set(numbers)), "two people adding at once gave one number twice"


def sum_kinds(reports: list[dict]) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for report in reports:
        for kind, count in report["kinds"].items():
            total[kind] += count
    return total


def _stored(url: str, meeting_id: int):
    """The items' text, the lines' status and the history, as the owner reads them."""
    database = open_database(url)
    try:
        with database.reading() as s:
            bodies = dict(
                s.execute(
                    select(AgendaItem.id, AgendaItem.body).where(
                        AgendaItem.meeting_id == meeting_id
                    )
                ).all()
            )
            statuses = dict(
                s.execute(
                    select(Attendance.id, Attendance.status).where(
                        Attendance.meeting_id == meeting_id
                    )
                ).all()
            )
            entries = s.scalars(
                select(HistoryEntry)
                .where(HistoryEntry.meeting_id == meeting_id)
                .order_by(HistoryEntry.id)
            ).all()
    finally:
        database.close()
    return bodies, statuses, entries


def _nothing_lost(writers, plans, bodies, statuses) -> None:
    """Her last text, her last ticks, every item she added."""
    for report, plan in zip(writers, plans, strict=True):
        assert bodies[plan["item"]] == report["typed"], report["client"]
        for line, status in report["ticks"].items():
            assert statuses[int(line)] == status, (report["client"], line)
        assert set(report["added"]) <= set(bodies)


def _history_holds_every_change(writers, plans, people, entries, *, bodies, statuses) -> None:
    """Each row's field's entries chain up to its value now; every item added is there;
    her typing is hers."""
    chains: dict[tuple[str, str, str], list[HistoryEntry]] = defaultdict(list)
    added = {e.row_key for e in entries if e.table_name == "agenda_items" and e.action == "insert"}
    first = {
        (e.table_name, e.row_key): json.loads(e.new_value or "{}")
        for e in entries
        if e.action == "insert"
    }
    for entry in entries:
        if entry.action == "update":
            chains[(entry.table_name, entry.row_key, entry.field or "")].append(entry)
    now = {("agenda_items", "body"): bodies, ("attendance", "status"): statuses}
    for (table, row, field), chain in chains.items():
        for before, after in pairwise(chain):
            assert after.old_value == before.new_value, (table, row, field)
        if (table, field) in now:
            assert chain[-1].new_value == now[(table, field)][int(row)], (table, row, field)
    for report, plan in zip(writers, plans, strict=True):
        assert {str(i) for i in report["added"]} <= added
        for line in report["ticks"]:  # ticked to what it was added as, nothing changed
            changed = statuses[int(line)] != first[("attendance", str(line))]["status"]
            assert chains[("attendance", str(line), "status")] or not changed, line
        body = chains[("agenda_items", str(plan["item"]), "body")]
        assert body and {e.user_name for e in body} == {
            ServerAddress(people[report["client"]]).user
        }
