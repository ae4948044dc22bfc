"""`python -m tests.tools.screenshots FOLDER`: the main screens on the demo data, as PNGs.

Run under Xvfb (`make screenshots`) so that real fonts are used. Everything happens in a
temporary folder (database and settings), so the user's own data is never touched.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QWidget

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.operations.demo import fill_demo
from desktop.core.services.views import attendance_rows, meeting_summaries
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.roster import ORGANIZATIONS_TAB, PEOPLE_TAB
from desktop.ui.shell.app import application
from desktop.ui.shell.fonts import ensure_thai_font
from desktop.ui.shell.main_window import MainWindow

WINDOW_SIZE = (1366, 768)
WIDE_WINDOW_SIZE = (1366, 768)
"""The most common office laptop screen: every shot is what she sees on 1366×768."""


def _settle(ms: int = 150) -> None:
    # An event loop, not QTest.qWait: that keeps the interpreter's lock while it waits,
    # and the preview's worker thread would not run meanwhile.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait_for(done: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not done() and waited < timeout_ms:
        _settle(50)
        waited += 50


def _minutes_in_progress(session, meeting_id: int) -> int:
    """What she has typed by mid-meeting: the announcements and a matter decided with
    points and actions. Returns the id of the item to show."""
    items = {i.category: i for i in services.load_meeting(session, meeting_id).agenda}
    services.update_agenda_item(
        session,
        items["announcements"].id,
        body="ประธานแจ้งว่าจังหวัดได้รับงบประมาณสนับสนุนการเฝ้าระวังน้ำหลาก เวลา 09.20 น.\n"
        "ขอให้หน่วยงานสมาชิกเตรียมข้อมูลจุดเสี่ยงภายในเดือนกันยายน",
        resolution="ที่ประชุมรับทราบ",
    )
    drill = services.add_agenda_item(
        session,
        meeting_id,
        parent_id=items["for_consideration"].id,
        title="การซ้อมแผนเผชิญเหตุน้ำหลากร่วมกันของเครือข่าย",
        body="ฝ่ายเลขานุการเสนอให้ซ้อมแผนร่วมกันในเดือนตุลาคม ณ ลุ่มน้ำแม่ขาน "
        "โดยแต่ละหน่วยงานส่งเจ้าหน้าที่ป้องกันและบรรเทาสาธารณภัยเข้าร่วม\n"
        "นายกเทศมนตรีเมืองลำพูนเสนอให้เชิญอาสาสมัครเตือนภัยร่วมซ้อมด้วย",
        resolution="ที่ประชุมเห็นชอบ ดังนี้",
    )
    services.set_resolution_points(
        session,
        drill.id,
        [
            "ซ้อมแผนร่วมกันในวันที่ 17 ตุลาคม 2567",
            "เทศบาลเมืองลำพูนเป็นเจ้าภาพ",
            "เชิญอาสาสมัครเตือนภัยเข้าร่วม",
        ],
    )
    network = services.load_meeting(session, meeting_id).network
    services.add_action(
        session,
        drill.id,
        text="จัดทำแผนการซ้อมและแจ้งหน่วยงานสมาชิก",
        owner_organization_id=network.members[1].id,
        due=date(2024, 9, 30),
    )
    services.add_action(
        session,
        drill.id,
        text="ส่งรายชื่อเจ้าหน้าที่และอาสาสมัคร",
        owner_organization_id=network.members[0].id,
        due=date(2024, 10, 4),
    )
    return drill.id


def _our_office(session, meeting_id: int) -> None:
    """Her office sends the letters: its code and address are filled in, once."""
    from desktop.core.services.papers import set_our_organization

    meeting = services.load_meeting(session, meeting_id)
    ours = meeting.host or meeting.network.members[0]
    services.update_organization(
        session,
        ours.id,
        letter_code="ลพ 52001",
        address="ถนนลำพูน-ป่าซาง\nอำเภอเมืองลำพูน จังหวัดลำพูน 51000",
        letter_office="สำนักปลัดเทศบาล",
        phone="053-511-000",
        email="saraban@example.go.th",
    )
    set_our_organization(session, ours.id)


def _zoom_report(path: Path, lines) -> Path:
    """A Zoom participant report of the meeting, as Zoom writes it: names as people type
    them (short, with their office, a phone), and one visitor nobody knows."""
    rows = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        "81234567890,การประชุมคณะทำงานเครือข่าย ครั้งที่ 3,08/21/2024 08:55:10 AM,"
        "08/21/2024 11:34:02 AM,secretary@example.org,159,9",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
        "Recording Consent,In Waiting Room",
    ]
    shown = []
    for n, line in enumerate(lines[:7]):
        parts = line.name.split()
        given = parts[0].removeprefix("นางสาว").removeprefix("นาย").removeprefix("นาง")
        office = (line.organization_name or "").replace("เทศบาลตำบล", "ทต.")
        office = office.replace("เทศบาลเมือง", "ทม.").replace("เทศบาลนคร", "ทน.")
        shown.append(
            f"{office} {given}" if n % 3 == 0 else f"{given} {parts[-1]}" if n % 3 == 1 else given
        )
    shown += ["iPhone ของ ผู้ใช้", "ผู้สังเกตการณ์ จากมหาวิทยาลัย"]
    for n, name in enumerate(shown):
        minute = 56 + n
        rows.append(
            f"{name},,08/21/2024 {8 + minute // 60:02d}:{minute % 60:02d}:00 AM,"
            "08/21/2024 11:30:00 AM,150,Yes,Y,N"
        )
    path.write_text("\ufeff" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    _settle()
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    return path


def _window(folder: Path, db_file: Path) -> tuple[MainWindow, Callable[[], None]]:
    database = open_database(db_file)
    store = Store(database, ErrorReporter(folder / "screenshots.log"))
    window = MainWindow.on(AppSettings(), store)
    window.resize(*WINDOW_SIZE)
    window.show()
    # Active, as her window is: the focused field shows its frame. The pointer out of
    # the way: under it the welcome page's last choice looked chosen.
    window.activateWindow()
    QCursor.setPos(window.screen().geometry().bottomRight())
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
        shown_item = _minutes_in_progress(session, busiest.id)
        report = _zoom_report(work / "participants_81234567890.csv", lines[9:])
        _our_office(session, busiest.id)
    database.close()

    window, close = _window(work, demo_file)
    window.workspace.navigator.choose_network(window.workspace.navigator.network_model.row(1).id)
    window.workspace.navigator.select_meeting(busiest.id)
    window.workspace.show_attendance()
    written.append(_save(window, folder, "attendance"))

    # The finder, as she types the first letters of someone who was not expected.
    attendance = window.workspace.meeting.attendance
    listed = {line.person_id for line in attendance.rows()}
    guest = next(p for p in window.workspace.roster_cache.people() if p.id not in listed)
    letters = guest.given_name[:3]
    attendance.focus_finder()
    attendance.finder.setText(letters)
    attendance.finder.textEdited.emit(letters)
    written.append(_save(window, folder, "attendance-finder"))
    attendance.finder.cancelled.emit()

    window.workspace.show_details()
    written.append(_save(window, folder, "meeting-details"))
    date_field = window.workspace.meeting.details.date
    date_field.show_calendar()
    written.append(_save(date_field.popup, folder, "calendar"))
    date_field.popup.hide()

    window.workspace.show_roster(PEOPLE_TAB)
    written.append(_save(window, folder, "roster-people"))
    window.workspace.show_roster(ORGANIZATIONS_TAB)
    written.append(_save(window, folder, "roster-organisations"))

    dialog = window.workspace.new_meeting()
    written.append(_save(dialog, folder, "new-meeting"))
    dialog.reject()

    window.workspace.show_attendance()
    dialog = window.workspace.roster.edit_person(None, prefill="นางสาวพิมพ์ใจ รักงาน")
    written.append(_save(dialog, folder, "new-person"))
    dialog.reject()

    # The agenda with the minutes preview, on the matter being written.
    tools = window.workspace.minutes_tools
    window.resize(*WIDE_WINDOW_SIZE)
    window.workspace.navigator.select_meeting(busiest.id)
    tools.show_agenda()
    agenda = tools.agenda
    agenda.choose(shown_item)
    _wait_for(lambda: agenda.preview.content is not None)
    agenda.preview.show_item(shown_item)
    agenda.editor.body.setFocus()
    written.append(_save(window, folder, "agenda"))

    # The review of a Zoom report of that meeting.
    tools.report_import.read(busiest.id, report)
    _wait_for(lambda: tools.report_import.dialog is not None)
    review = tools.report_import.dialog
    unsettled = next((n for n, r in enumerate(review.proposal.rows) if r.status == "ambiguous"), 0)
    review.table.selectRow(unsettled)
    written.append(_save(review, folder, "report-review"))
    review.reject()

    # Who attends: the statistics page over the demo year.
    tools.show_statistics()
    statistics = tools.statistics
    statistics.network.setCurrentIndex(statistics.network.findData(busiest.network_id))
    statistics.set_year(2024)
    written.append(_save(window, folder, "statistics"))

    # The papers of the meeting: the letters previewed, then the news she can edit.
    papers = tools.show_papers(busiest.id)
    _wait_for(lambda: papers.state is not None and papers.reading == 0)
    _settle(300)
    written.append(_save(papers, folder, "papers-invitations"))
    papers.tabs.setCurrentWidget(papers.news)
    _wait_for(lambda: bool(papers.news.text.toPlainText()) and papers.reading == 0)
    written.append(_save(papers, folder, "papers-news"))
    # Where her office's code, address, telephone and e-mail are asked, once.
    office = tools.fill_organization(papers.state.sender_id, "letter_code")
    written.append(_save(office, folder, "organisation-letters"))
    office.reject()
    papers.close()
    close()
    del translator
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.tools.screenshots")
    parser.add_argument("folder", type=Path, help="where to write the PNG files")
    parser.add_argument("--lang", choices=("th", "en"), default="th")
    args = parser.parse_args(argv)
    for path in take(args.folder, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
