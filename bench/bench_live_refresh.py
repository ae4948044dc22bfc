"""How soon a tick stored by one window is heard by another on the same server.

Measured from her click in the first window (the write and its commit included) to the
moment the second's listener hands over the `Changes` (the window then refreshes the one
page it touches).
The target is a budget of her perception: within 2 s. Beside it, the floor of the same
run: a bare LISTEN/NOTIFY round trip on the same server, with nothing of ours in between.
"""

from __future__ import annotations

import queue
import tempfile
import time
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from bench.bench_round_trips import _server, _server_copy
from bench.common import Figure
from bench.data import build_big_database
from desktop.core import services
from desktop.core.db import open_database
from desktop.core.services.views import attendance_rows


def _bare_notify(url: str, repeat: int) -> list[float]:
    import psycopg

    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    with (
        psycopg.connect(conninfo, autocommit=True) as listener,
        psycopg.connect(conninfo, autocommit=True) as sender,
    ):
        listener.execute("LISTEN bench_floor")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            sender.execute("NOTIFY bench_floor, 'x'")
            next(listener.notifies(timeout=5, stop_after=1))
            times.append(time.perf_counter() - start)
    return times


def _tick_heard(url: str, repeat: int) -> list[float]:
    first, second = open_database(url), open_database(url)
    heard: queue.Queue[object] = queue.Queue()
    listener = second.listen_for_others(heard.put)
    try:
        assert listener is not None and listener.listening.wait(10)
        with first.session() as s:
            person = services.create_person(s, honorific="นาย", given_name="ทดสอบ")
            meeting = services.create_meeting(s, title="วัดความเร็ว", date=date(2026, 6, 1))
            services.add_attendee(s, meeting.id, person.id)
            meeting_id = meeting.id
        heard.get(timeout=10)  # the set-up itself, heard
        time.sleep(0.2)
        while not heard.empty():
            heard.get_nowait()
        with first.session() as s:
            line_id = attendance_rows(s, meeting_id)[0].id
        times = []
        for _ in range(repeat):
            start = time.perf_counter()  # her click: the write, its commit, the other hearing
            with first.session() as s:
                services.toggle_attendance(s, line_id)
            heard.get(timeout=10)
            times.append(time.perf_counter() - start)
        return times
    finally:
        first.close()
        second.close()


def run(tiny: bool = False) -> list[Figure]:
    repeat = 3 if tiny else 21
    with tempfile.TemporaryDirectory() as name, ExitStack() as stack:
        admin = _server(stack)
        if admin is None:
            return []
        path = build_big_database(Path(name) / "live.db", meetings=20)
        url = _server_copy(admin, path)
        floor = _bare_notify(url, repeat)
        ours = _tick_heard(url, repeat)
    return [
        Figure(
            "a tick heard by another window on the server",
            ours,
            floor,
            max_seconds=2.0,
            floor_label="a bare LISTEN/NOTIFY",
        )
    ]
