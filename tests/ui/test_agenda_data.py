"""Meetings for the agenda, export, import, search and statistics tests, built through
the services as a secretary builds them (no raw SQL), and small helpers to drive the
window. Other test modules import from here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.base import worker


@dataclass
class TwoMeetings:
    network_id: int
    host_id: int
    sao_id: int
    mayor_id: int
    clerk_id: int
    officer_id: int
    guest_id: int
    previous_id: int
    meeting_id: int
    open_action_ids: list[int]
    done_action_id: int


def two_meetings(db_path: Path, *, template: bool = True) -> TwoMeetings:
    """A network's final meeting 1/2567 with open actions, and the draft 2/2567 after it
    (laid out from the standard six items, or with an empty agenda)."""
    database = open_database(db_path)
    try:
        with database.session() as s:
            host = services.create_organization(
                s,
                name="เทศบาลตำบลบ้านกลาง",
                short_name="ทต.บ้านกลาง",
                kind="subdistrict_municipality",
            )
            sao = services.create_organization(
                s, name="องค์การบริหารส่วนตำบลทุ่งต้อม", short_name="อบต.ทุ่งต้อม", kind="sao"
            )
            network = services.create_network(
                s, name="เครือข่ายเทศบาลลุ่มน้ำปิง", member_ids=[host.id, sao.id]
            )
            mayor = services.create_person(
                s,
                honorific="นาย",
                given_name="สมชาย",
                family_name="ใจดี",
                position="นายกเทศมนตรีตำบลบ้านกลาง",
                role="executive",
                organization_id=host.id,
            )
            clerk = services.create_person(
                s,
                honorific="นางสาว",
                given_name="วิไล",
                family_name="ศรีสุข",
                position="ปลัดเทศบาลตำบลบ้านกลาง",
                role="clerk",
                organization_id=host.id,
                email="wilai@example.org",
            )
            officer = services.create_person(
                s,
                honorific="นาง",
                given_name="มาลี",
                family_name="บุญมา",
                position="นักวิเคราะห์นโยบายและแผน",
                role="officer",
                organization_id=sao.id,
                email="malee@example.org",
            )
            guest = services.create_person(
                s, honorific="นาย", given_name="ธนพล", family_name="ทองดี", role="guest"
            )
            six = services.standard_template_id(s, six_items=True)
            previous = services.create_meeting(
                s,
                title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
                number=1,
                date=date(2024, 2, 14),
                start="09:30",
                end="12:00",
                network_id=network.id,
                template_id=six,
                recorder_id=officer.id,
            )
            for person in (mayor, clerk, officer):
                services.add_attendee(s, previous.id, person.id)
            consider = next(i for i in previous.agenda if i.category == "for_consideration")
            project = services.add_agenda_item(
                s,
                previous.id,
                parent_id=consider.id,
                title="โครงการอบรมการบริหารจัดการน้ำ",
                resolution="ที่ประชุมเห็นชอบ",
            )
            first = services.add_action(
                s,
                project.id,
                text="จัดทำร่างคำสั่งคณะทำงาน",
                owner_organization_id=host.id,
                due=date(2024, 3, 1),
            )
            second = services.add_action(
                s, project.id, text="แจ้งรายชื่อผู้แทน", owner_person_id=officer.id
            )
            done = services.add_action(s, project.id, text="จองห้องประชุม", done=True)
            services.finalise_meeting(s, previous.id)
            meeting = services.create_meeting(
                s,
                title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
                number=2,
                date=date(2024, 5, 8),
                start="09:30",
                network_id=network.id,
                template_id=six if template else None,
                copy_attendance=True,
                recorder_id=officer.id,
            )
            return TwoMeetings(
                network.id,
                host.id,
                sao.id,
                mayor.id,
                clerk.id,
                officer.id,
                guest.id,
                previous.id,
                meeting.id,
                [first.id, second.id],
                done.id,
            )
    finally:
        database.close()


def wait(ms: int) -> None:
    """Run the event loop for `ms` (QTest.qWait keeps the GIL: workers would stall)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(qtbot, timeout: int = 5000) -> None:
    """Until every background task (preview, export, import) has reported."""
    qtbot.waitUntil(lambda: not worker.busy(), timeout=timeout)


def open_agenda(qtbot, open_window, db_path: Path, meeting_id: int):
    """The window on the meeting's agenda tab, the tree focused; (window, agenda page)."""
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(meeting_id)
    tools = window.workspace.minutes_tools
    tools.show_agenda()
    agenda = tools.agenda
    agenda.tree.setFocus()
    qtbot.waitUntil(lambda: agenda.meeting_id == meeting_id, timeout=2000)
    return window, agenda


def test_the_two_meetings_are_a_final_one_with_open_actions_and_a_draft(db_path):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as s:
        assert [
            a.id for a in services.proposed_carry_over(s, ids.meeting_id)
        ] == ids.open_action_ids
        assert services.load_meeting(s, ids.previous_id).status == "final"
    database.close()
