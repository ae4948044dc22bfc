"""Fixtures for the exports: meetings built through the services, as a secretary would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop.core import services
from desktop.core.models import Organization
from desktop.core.thai import split_full_name


@dataclass
class MinutesMeeting:
    """A small meeting with one of everything the minutes show, and the ids to find it."""

    meeting_id: int
    recorder_id: int
    reviewer_id: int
    host_id: int


@pytest.fixture
def minutes_meeting(session) -> MinutesMeeting:
    """An online meeting of a network on Wednesday 3 August 2022 (2565): members present
    and absent, an acting deputy clerk, a guest, a sub-item with points and actions."""
    host = services.create_organization(
        session,
        name="เทศบาลตำบลบ้านกลาง",
        short_name="ทต.บ้านกลาง",
        kind="subdistrict_municipality",
    )
    sao = services.create_organization(session, name="องค์การบริหารส่วนตำบลทุ่งต้อม", kind="sao")
    agency = services.create_organization(
        session, name="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่", kind="agency"
    )
    network = services.create_network(
        session, name="เครือข่ายเทศบาลลุ่มน้ำปิง", member_ids=[host.id, sao.id]
    )

    def person(name: str, position: str, role: str, organization):
        honorific, given, family = split_full_name(name)
        return services.create_person(
            session,
            honorific=honorific,
            given_name=given,
            family_name=family,
            position=position,
            role=role,
            organization_id=organization.id,
        )

    mayor = person("นายสมชาย ใจดี", "นายกเทศมนตรีตำบลบ้านกลาง", "executive", host)
    deputy = person("นางสาววิไล ศรีสุข", "รองปลัดเทศบาล", "deputy_clerk", host)
    recorder = person("นางมาลี บุญมา", "นักวิเคราะห์นโยบายและแผน", "officer", sao)
    absent = person("นายประภัสร์ ภู่เจริญ", "นายกองค์การบริหารส่วนตำบลทุ่งต้อม", "executive", sao)
    guest = person("นายธนพล ทองดี", "ท้องถิ่นจังหวัดเชียงใหม่", "guest", agency)
    stayed_away = person("นายวรวุฒิ คำปัน", "ผู้อำนวยการมูลนิธิ", "guest", agency)

    meeting = services.create_meeting(
        session,
        title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        number=2,
        date=date(2022, 8, 3),
        start="09:30",
        end="12:00",
        mode="online",
        platform="Zoom",
        network_id=network.id,
        host_id=host.id,
        chair_id=mayor.id,
        recorder_id=recorder.id,
        reviewer_id=deputy.id,
        opening="ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
    )
    services.add_attendee(session, meeting.id, mayor.id)
    services.add_attendee(session, meeting.id, deputy.id, acting_as="ปลัดเทศบาลตำบลบ้านกลาง")
    services.add_attendee(session, meeting.id, recorder.id)
    services.add_attendee(
        session, meeting.id, absent.id, status="absent", absence_reason="ติดราชการ"
    )
    services.add_attendee(session, meeting.id, guest.id, group="participant")
    services.add_attendee(session, meeting.id, stayed_away.id, group="participant", status="absent")

    services.add_agenda_item(
        session,
        meeting.id,
        title="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        category="announcements",
        body="ประธานแจ้งกำหนดการลงนามบันทึกข้อตกลงความร่วมมือ\nในวันที่ 14 มีนาคม 2567",
        resolution="ที่ประชุมรับทราบ",
    )
    second = services.add_agenda_item(
        session, meeting.id, title="เรื่องเสนอเพื่อพิจารณา", category="for_consideration"
    )
    sub = services.add_agenda_item(
        session,
        meeting.id,
        parent_id=second.id,
        title="แนวทางการดำเนินงานของเครือข่าย",
        body="ฝ่ายเลขานุการเสนอแนวทางการดำเนินงาน",
        resolution="ที่ประชุมเห็นชอบร่วมกันดำเนินงาน ดังนี้",
    )
    services.set_resolution_points(session, sub.id, ["จัดตั้งคณะทำงานร่วม", "ประชุมทุกไตรมาส"])
    services.add_action(
        session,
        sub.id,
        text="จัดทำร่างคำสั่งคณะทำงาน",
        owner_organization_id=host.id,
        due=date(2024, 3, 1),
    )
    services.add_action(session, sub.id, text="แจ้งรายชื่อผู้แทน", owner_organization_id=sao.id)
    services.add_action(session, sub.id, text="รวบรวมข้อเสนอ", owner_person_id=recorder.id)
    services.add_agenda_item(
        session, meeting.id, title="เรื่องอื่น ๆ (ถ้ามี)", category="other", resolution="- ไม่มี -"
    )
    session.flush()
    session.expire_all()
    return MinutesMeeting(meeting.id, recorder.id, deputy.id, host.id)


@pytest.fixture
def letters_meeting(session, minutes_meeting):
    """The minutes meeting, its host ready to send letters, a network of every kind."""
    host = session.get(Organization, minutes_meeting.host_id)
    services.update_organization(
        session,
        host.id,
        letter_code="ชม 52001",
        address="ถนนสันป่าตอง\nอำเภอสันป่าตอง จังหวัดเชียงใหม่ 50120",
        letter_office="สำนักปลัดเทศบาล",
        phone="053-311-111",
        email="saraban@bankang.go.th",
    )
    network = services.find_network(session, "เครือข่ายเทศบาลลุ่มน้ำปิง")
    extra = [
        services.create_organization(session, name=name, kind=kind)
        for name, kind in (
            ("เทศบาลนครเชียงใหม่", "city_municipality"),
            ("เทศบาลเมืองลำพูน", "town_municipality"),
            ("องค์การบริหารส่วนจังหวัดลำปาง", "pao"),
            ("เมืองพัทยา", "special"),
            ("ทต.ยุหว่า", "subdistrict_municipality"),
        )
    ]
    members = [o.id for o in network.members] + [o.id for o in extra]
    services.set_network_members(session, network.id, members)
    session.flush()
    return minutes_meeting
