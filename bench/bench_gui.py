"""The window at scale: a meeting of 500 attendees opened into it, a roster of 10,000.

Opening a meeting is measured from the click to a painted page (the details form, the
attendance table and its counts), against the floor of the same rows read by the
services alone. The roster figures are what she feels while typing and scrolling: the
rows read and put in the table model, one scroll step repainted, one filter keystroke.
Those are budgets of her perception (100 ms, a 16 ms frame, 50 ms), each shown with a
floor of the same run: the services' read alone, a bare table view over a plain model
of as many rows, a plain substring filter over the same names.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import insert

from bench.common import Figure, alternating_runs, timed_runs
from desktop.core.db import open_database
from desktop.core.models import Attendance, Meeting, Network, NetworkMember, Organization, Person
from desktop.core.services.views import attendance_rows, meeting_details, people_rows
from desktop.core.thai import full_name

GIVEN = ["สมชาย", "มาลี", "วิไล", "ประภัสร์", "ไพโรจน์", "กมล", "เกษม", "ทานตะวัน", "อนุชา", "พิมพ์ชนก"]
FAMILY = ["ใจดี", "ศรีสุข", "ภู่เจริญ", "ปัญญาวงศ์", "ทองดี", "คำปัน", "เรือนแก้ว", "วงศ์ใหญ่"]
HONORIFICS = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี"]
POSITIONS = ["นายกเทศมนตรี", "ปลัดเทศบาล", "รองปลัดเทศบาล", "นักวิเคราะห์นโยบายและแผน"]
ROLES = ["executive", "clerk", "deputy_clerk", "officer"]


def build(path: Path, *, people: int, attendees: int, seed: int = 11) -> tuple[int, int]:
    """A network of 50 organisations, `people` people, two meetings of `attendees` each."""
    rng = random.Random(seed)
    database = open_database(path)
    with database.session() as session:
        session.execute(
            insert(Organization),
            [
                {
                    "id": n,
                    "name": f"เทศบาลตำบลทดสอบที่{n}",
                    "short_name": f"ทต.ทดสอบ{n}",
                    "kind": "subdistrict_municipality",
                    "active": True,
                }
                for n in range(1, 51)
            ],
        )
        network = Network(name="เครือข่ายทดสอบ", active=True)
        session.add(network)
        session.flush()
        session.execute(
            insert(NetworkMember),
            [
                {"network_id": network.id, "organization_id": n, "sort_order": n}
                for n in range(1, 51)
            ],
        )
        rows = []
        for n in range(1, people + 1):
            rows.append(
                {
                    "id": n,
                    "honorific": rng.choice(HONORIFICS),
                    "given_name": rng.choice(GIVEN) + ("" if n < 100 else str(n)),
                    "family_name": rng.choice(FAMILY),
                    "position": rng.choice(POSITIONS),
                    "role": rng.choice(ROLES),
                    "organization_id": rng.randint(1, 50),
                    "active": True,
                }
            )
        session.execute(insert(Person), rows)
        meetings = []
        for number in (1, 2):
            meeting = Meeting(
                network_id=network.id,
                title="การประชุมใหญ่สามัญประจำปีของเครือข่าย",
                number=number,
                date=date(2024, number * 3, 14),
                mode="hybrid",
                venue="หอประชุมเทศบาล",
                platform="Zoom Meeting",
                status="draft",
            )
            session.add(meeting)
            session.flush()
            meetings.append(meeting.id)
            session.execute(
                insert(Attendance),
                [
                    {
                        "meeting_id": meeting.id,
                        "person_id": p["id"],
                        "name": full_name(p["honorific"], p["given_name"], p["family_name"]),
                        "position": p["position"],
                        "organization_name": f"เทศบาลตำบลทดสอบที่{p['organization_id']}",
                        "group": "member",
                        "status": "present" if rng.random() < 0.9 else "absent",
                        "source": "typed",
                        "sort_order": i,
                    }
                    for i, p in enumerate(rows[:attendees], start=1)
                ],
            )
    database.close()
    return meetings[0], meetings[1]


class PlainModel(QAbstractTableModel):
    """The floor of a table: fixed strings, nothing worked out per cell."""

    def __init__(self, cells: list[list[str]]):
        super().__init__()
        self.cells = cells

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.cells else len(self.cells[0])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.verticalHeader().setDefaultSectionSize(30)
    view.verticalHeader().setSectionResizeMode(view.verticalHeader().ResizeMode.Fixed)
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    return view


def _stepper(view: QTableView):
    """One scroll step of `view` and a repaint, through 200 steps of its length."""
    bar = view.verticalScrollBar()
    positions = iter(range(0, bar.maximum(), max(1, bar.maximum() // 200)))

    def step() -> None:
        bar.setValue(next(positions, bar.maximum()))
        view.viewport().repaint()

    return step


def run(tiny: bool = False) -> list[Figure]:
    from desktop.ui.base.errors import ErrorReporter
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.base.store import Store
    from desktop.ui.roster.models import PersonTableModel
    from desktop.ui.shell.app import application
    from desktop.ui.shell.fonts import ensure_thai_font
    from desktop.ui.shell.main_window import MainWindow

    people, attendees, repeat = (1_000, 50, 3) if tiny else (10_000, 500, 15)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
        app = application()
        ensure_thai_font(app)
        first, second = build(work / "gui.db", people=people, attendees=attendees)
        database = open_database(work / "gui.db")
        window = MainWindow.on(AppSettings(), Store(database, ErrorReporter(work / "log.txt")))
        workspace = window.workspace
        assert workspace is not None
        window.resize(1280, 800)
        window.show()
        workspace.show_attendance()
        app.processEvents()
        try:
            # Each side alternates between the two meetings (ours never reopens the one
            # on show), whatever the other side did in between.
            turn, read_turn = [first, second], [first, second]

            def open_in_window() -> None:
                turn.reverse()
                workspace.open_meeting(turn[0])
                workspace.meeting.attendance.view.viewport().repaint()
                app.processEvents()

            def read_only() -> None:
                read_turn.reverse()
                with database.session() as session:
                    meeting_details(session, read_turn[0])
                    attendance_rows(session, read_turn[0])

            # The first opening of the page is its own figure (bench_first_openings).
            for _ in range(2):
                open_in_window()
            ours, floor = alternating_runs(open_in_window, read_only, repeat)
            services_read = "the services' read alone"
            figures.append(
                Figure(
                    f"gui: open a meeting of {attendees}",
                    ours,
                    floor,
                    max_seconds=0.1,
                    floor_label=services_read,
                )
            )
            # On the details tab the chair and recorder lists hold the network's people
            # (the whole roster here), taken from the roster read once for the window.
            workspace.show_details()
            app.processEvents()
            for _ in range(2):
                open_in_window()
            ours, floor = alternating_runs(open_in_window, read_only, repeat)
            figures.append(
                Figure(
                    f"gui: open it on details ({people} people)",
                    ours,
                    floor,
                    max_seconds=0.1,
                    floor_label=services_read,
                )
            )

            model = PersonTableModel()
            with database.session() as session:
                rows = people_rows(session)

            def load_roster() -> None:
                with database.session() as session:
                    model.set_rows(people_rows(session))

            figures.append(
                Figure(f"gui: roster of {people}, read + model", timed_runs(load_roster, repeat))
            )
            view = _table(model)
            columns = model.columnCount()
            plain = _table(PlainModel([[row.display_name] * columns for row in rows]))
            app.processEvents()
            ours, floor = alternating_runs(_stepper(view), _stepper(plain), 60)
            figures.append(
                Figure(
                    f"gui: roster of {len(rows)}, one scroll step",
                    ours,
                    floor,
                    max_seconds=0.016,
                    floor_label="a plain model's table",
                )
            )
            keys = ["ส", "สม", "สมช", "สมชา", "สมชาย"] * 10
            letters, plain_letters = iter(keys), iter(keys)
            names = [row.display_name for row in rows]

            def plain_filter() -> list[str]:
                typed = next(plain_letters)
                return [name for name in names if typed in name]

            ours, floor = alternating_runs(
                lambda: model.set_filter(next(letters)), plain_filter, 10
            )
            figures.append(
                Figure(
                    f"gui: roster of {len(rows)}, filter keystroke",
                    ours,
                    floor,
                    max_seconds=0.05,
                    floor_label="a plain substring filter",
                )
            )
            plain.close()
            view.close()
        finally:
            window.close()
            database.close()
    return figures
