"""`python -m desktop.ui.screenshots FOLDER`: the main screens on the demo data, as PNGs.

Run under Xvfb (`make screenshots`) so that real fonts are used. Everything happens in a
temporary folder (database and settings), so the user's own data is never touched.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.demo import fill_demo
from desktop.core.services.views import attendance_rows, meeting_summaries
from desktop.ui.app import application
from desktop.ui.errors import ErrorReporter
from desktop.ui.fonts import ensure_thai_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.roster import ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.settings import AppSettings
from desktop.ui.store import Store

WINDOW_SIZE = (1280, 800)


def _settle(ms: int = 150) -> None:
    QTest.qWait(ms)


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    _settle()
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    return path


def _window(folder: Path, db_file: Path) -> tuple[MainWindow, Callable[[], None]]:
    database = open_database(db_file)
    store = Store(database, ErrorReporter(folder / "screenshots.log"))
    window = MainWindow(store, AppSettings())
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle(300)

    def close() -> None:
        window.close()
        database.close()

    return window, close


def take(folder: Path, language: str = "th") -> list[Path]:
    """Write the screenshots into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="prachum-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = application()
    translator = install_language(app, language)
    ensure_thai_font(app)
    written: list[Path] = []

    window, close = _window(work, work / "empty.db")
    written.append(_save(window, folder, "welcome"))
    close()

    demo_file = work / "demo.db"
    database = open_database(demo_file)
    with database.session() as session:
        fill_demo(session)
        meetings = meeting_summaries(session)

        # The meeting still being written, as she has it during the call: two people
        # have sent word that they cannot come.
        busiest = next(m for m in meetings if m.status == "draft")
        lines = attendance_rows(session, busiest.id)
        for line, reason in zip(lines[4:9:4], ("ติดราชการ", "ลา"), strict=False):
            services.mark_absent(session, line.id, reason)
    database.close()

    window, close = _window(work, demo_file)
    window.navigator.choose_network(window.navigator.network_model.network(1).id)
    window.navigator.select_meeting(busiest.id)
    window.show_attendance()
    written.append(_save(window, folder, "attendance"))

    # The finder, as she types the first letters of someone who was not expected.
    attendance = window.meeting.attendance
    listed = {line.person_id for line in attendance.rows()}
    guest = next(p for p in window.roster_cache.people() if p.id not in listed)
    letters = guest.given_name[:3]
    attendance.focus_finder()
    attendance.finder.setText(letters)
    attendance.finder.textEdited.emit(letters)
    written.append(_save(window, folder, "attendance-finder"))
    attendance.finder.cancelled.emit()

    window.show_details()
    written.append(_save(window, folder, "meeting-details"))
    date_field = window.meeting.details.date
    date_field.show_calendar()
    written.append(_save(date_field.popup, folder, "calendar"))
    date_field.popup.hide()

    window.show_roster(PEOPLE_TAB)
    written.append(_save(window, folder, "roster-people"))
    window.show_roster(ORGANIZATIONS_TAB)
    written.append(_save(window, folder, "roster-organisations"))

    dialog = window.new_meeting()
    written.append(_save(dialog, folder, "new-meeting"))
    dialog.reject()

    window.show_attendance()
    dialog = window.roster.edit_person(None, prefill="นางสาวพิมพ์ใจ รักงาน")
    written.append(_save(dialog, folder, "new-person"))
    dialog.reject()
    close()
    del translator
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshots")
    parser.add_argument("folder", type=Path, help="where to write the PNG files")
    parser.add_argument("--lang", choices=("th", "en"), default="th")
    args = parser.parse_args(argv)
    for path in take(args.folder, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
