"""The load test's clients: each a process of its own with its own connection, signed in
as a person of its own, writing to one meeting for a bounded time (ticks, typing, new
items) or reading it, then reading the meeting's state once every writer has finished.

Each client keeps what it knows it stored (the last text typed into its own item, the
last tick of its own lines, the items it added), so that the test can say no write was
lost; a write the server aborts for a deadlock is tried again and counted.
"""

from __future__ import annotations

import random
import time
import traceback
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from desktop.core import services
from desktop.core.db import Database, open_database
from desktop.core.models import AgendaItem, Attendance
from desktop.core.server import ServerAddress

RETRIED = {"40P01", "40001"}  # deadlock detected, serialization failure: the server undid it
WORDS = ["ที่ประชุม", "รับทราบ", "และ", "มอบหมาย", "กองช่าง", "ดำเนินการ", "ต่อไป", "โดยเร็ว"]


def state(database: Database, meeting_id: int) -> dict[str, Any]:
    """The meeting as one transaction sees it: items and attendance."""
    with database.session() as session:
        items = session.execute(
            select(AgendaItem.id, AgendaItem.number, AgendaItem.title, AgendaItem.body)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.id)
        ).all()
        lines = session.execute(
            select(Attendance.id, Attendance.status)
            .where(Attendance.meeting_id == meeting_id)
            .order_by(Attendance.id)
        ).all()
    return {"items": [tuple(r) for r in items], "attendance": [tuple(r) for r in lines]}


def _stored(database: Database, write, report: dict[str, Any]) -> bool:
    """Store one change, again while the server aborts it for a deadlock; its wait timed."""
    while True:
        started = time.perf_counter()
        try:
            with database.session() as session:
                write(session)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) in RETRIED:
                report["retried"] += 1
                continue
            raise
        report["longest_wait"] = max(report["longest_wait"], time.perf_counter() - started)
        report["changes"] += 1
        return True


def writer(url: str, plan: dict[str, Any], seconds: float, sync: tuple[Any, Any, Any]) -> None:
    """One person at one PC: types into her item, ticks her lines and the shared ones,
    now and then adds an item; then, once all have finished, reads the meeting.
    `sync`: the barrier all start at, the one all finish at, the queue of reports."""
    start, done, results = sync
    report: dict[str, Any] = {
        "client": plan["client"],
        "changes": 0,
        "retried": 0,
        "longest_wait": 0.0,
        "kinds": {"typing": 0, "tick": 0, "shared_tick": 0, "new_item": 0},
        "typed": None,
        "ticks": {},
        "added": [],
        "error": None,
    }
    database = None
    try:
        database = open_database(ServerAddress(url))
        rng = random.Random(plan["client"])
        meeting_id, item_id = plan["meeting"], plan["item"]
        words: list[str] = []
        start.wait()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            draw = rng.random()
            if draw < 0.5:
                words.append(rng.choice(WORDS))
                text = " ".join(words)
                _stored(
                    database,
                    lambda s, text=text: services.update_agenda_item(s, item_id, body=text),
                    report,
                )
                report["typed"] = text
                kind = "typing"
            elif draw < 0.8:
                line = rng.choice(plan["lines"])
                status = rng.choice(["present", "absent"])
                _stored(
                    database,
                    lambda s, line=line, status=status: services.update_attendance(
                        s, line, status=status
                    ),
                    report,
                )
                report["ticks"][line] = status
                kind = "tick"
            elif draw < 0.95:
                line = rng.choice(plan["shared"])
                _stored(database, lambda s, line=line: services.toggle_attendance(s, line), report)
                kind = "shared_tick"
            else:
                added: list[int] = []
                title = f"วาระที่เสนอโดยผู้ใช้ {plan['client']} ลำดับ {len(report['added']) + 1}"

                def add(s, title=title, added=added) -> None:
                    added[:] = [services.add_agenda_item(s, meeting_id, title=title).id]

                _stored(database, add, report)
                report["added"].append(added[0])
                kind = "new_item"
            report["kinds"][kind] += 1
    except Exception:
        report["error"] = traceback.format_exc()
    finally:
        done.wait()  # every writer has finished: now all read the same meeting
        try:
            if database is not None:
                report["state"] = state(database, plan["meeting"])
                database.close()
        except Exception:
            report["error"] = (report["error"] or "") + traceback.format_exc()
        results.put(report)


def reader(url: str, meeting_id: int, seconds: float, sync: tuple[Any, Any, Any]) -> None:
    """The clerk reading the draft from his office: the agenda and attendance, again and
    again, while the others write."""
    start, done, results = sync
    report: dict[str, Any] = {"client": "reader", "reads": 0, "longest_read": 0.0, "error": None}
    database = None
    try:
        database = open_database(ServerAddress(url))
        start.wait()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            started = time.perf_counter()
            with database.reading() as session:
                meeting = services.load_meeting(session, meeting_id)
                services.ordered_attendance(meeting)
                services.meeting_history(session, meeting_id)
            report["longest_read"] = max(report["longest_read"], time.perf_counter() - started)
            report["reads"] += 1
    except Exception:
        report["error"] = traceback.format_exc()
    finally:
        done.wait()
        try:
            if database is not None:
                report["state"] = state(database, meeting_id)
                database.close()
        except Exception:
            report["error"] = (report["error"] or "") + traceback.format_exc()
        results.put(report)
