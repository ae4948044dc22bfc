"""The demo network: a realistic, fictional network that a new user can look around in.

Built only through the services, exactly as a secretary would build it, so the demo is
also a walk through every kind of data: members and guests, an acting clerk, absences
with reasons, resolutions with numbered points, actions carried over, minutes certified.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.codes import AttendanceGroup, MeetingMode, OrganizationKind, Role
from desktop.core.errors import PrachumError
from desktop.core.models import Network, Organization, Person

NETWORK_NAME = "เครือข่ายเทศบาลลุ่มน้ำปิง"

# name, short name, kind, district, province
ORGANIZATIONS = [
    ("เทศบาลตำบลบ้านกลาง", "ทต.บ้านกลาง", "subdistrict_municipality", "สันป่าตอง", "เชียงใหม่"),
    ("เทศบาลเมืองลำพูน", "ทม.ลำพูน", "town_municipality", "เมืองลำพูน", "ลำพูน"),
    ("เทศบาลนครเชียงใหม่", "ทน.เชียงใหม่", "city_municipality", "เมืองเชียงใหม่", "เชียงใหม่"),
    ("เทศบาลตำบลยุหว่า", "ทต.ยุหว่า", "subdistrict_municipality", "สันป่าตอง", "เชียงใหม่"),
    ("เทศบาลตำบลหางดง", "ทต.หางดง", "subdistrict_municipality", "หางดง", "เชียงใหม่"),
    ("เทศบาลเมืองแม่เหียะ", "ทม.แม่เหียะ", "town_municipality", "เมืองเชียงใหม่", "เชียงใหม่"),
    ("องค์การบริหารส่วนตำบลทุ่งต้อม", "อบต.ทุ่งต้อม", "sao", "สันป่าตอง", "เชียงใหม่"),
    ("องค์การบริหารส่วนตำบลมะขามหลวง", "อบต.มะขามหลวง", "sao", "สันป่าตอง", "เชียงใหม่"),
    ("เทศบาลตำบลอุโมงค์", "ทต.อุโมงค์", "subdistrict_municipality", "เมืองลำพูน", "ลำพูน"),
    ("เทศบาลตำบลป่าแดด", "ทต.ป่าแดด", "subdistrict_municipality", "เมืองเชียงใหม่", "เชียงใหม่"),
    ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่", "สถ.จ.เชียงใหม่", "agency", "เมืองเชียงใหม่", "เชียงใหม่"),
    ("มูลนิธิพัฒนาเมืองน่าอยู่", "มูลนิธิฯ", "agency", None, "เชียงใหม่"),
]
MEMBER_COUNT = 10  # the first ten are the network's members; the last two are guests

GIVEN = [
    ("นาย", "สมชาย"),
    ("นาง", "มาลี"),
    ("นางสาว", "วิไล"),
    ("นาย", "ประภัสร์"),
    ("นาย", "ไพโรจน์"),
    ("นาง", "กมล"),
    ("นาย", "เกษม"),
    ("นางสาว", "ทานตะวัน"),
    ("นาย", "อนุชา"),
    ("นาง", "สุดารัตน์"),
    ("นาย", "ธนพล"),
    ("นางสาว", "พิมพ์ชนก"),
    ("นาย", "วรวุฒิ"),
    ("นาง", "จันทร์เพ็ญ"),
    ("นาย", "ชัยวัฒน์"),
    ("นางสาว", "อรุณี"),
    ("ว่าที่ร้อยตรี", "ณัฐพงษ์"),
    ("นาง", "ศิริพร"),
    ("นาย", "บุญเลิศ"),
    ("ดร.", "สุรเชษฐ์"),
]
FAMILY = [
    "ใจดี",
    "บุญมา",
    "ศรีสุข",
    "ภู่เจริญ",
    "แก้วมณี",
    "วงศ์ใหญ่",
    "อินทรสุวรรณ",
    "คำปัน",
    "ทองดี",
    "สุขเกษม",
    "ปัญญาวงศ์",
    "ชัยมงคล",
    "เรือนแก้ว",
    "นันทชัย",
    "มณีวรรณ",
]
# role, position (with the organisation's short word appended for executives and clerks)
STAFF = [
    ("executive", "นายกเทศมนตรี"),
    ("clerk", "ปลัดเทศบาล"),
    ("deputy_clerk", "รองปลัดเทศบาล"),
    ("officer", "นักวิเคราะห์นโยบายและแผน"),
    ("officer", "นักจัดการงานทั่วไป"),
    ("council", "ประธานสภาเทศบาล"),
]
SAO_STAFF = [
    ("executive", "นายกองค์การบริหารส่วนตำบล"),
    ("clerk", "ปลัดองค์การบริหารส่วนตำบล"),
    ("deputy_clerk", "รองปลัดองค์การบริหารส่วนตำบล"),
    ("officer", "นักวิเคราะห์นโยบายและแผน"),
    ("officer", "เจ้าพนักงานธุรการ"),
]
AGENCY_STAFF = [
    ("guest", "ท้องถิ่นจังหวัดเชียงใหม่"),
    ("guest", "นักส่งเสริมการปกครองท้องถิ่น"),
]

MOU_POINTS = [
    "แลกเปลี่ยนข้อมูลและองค์ความรู้ด้านการบริหารจัดการน้ำระหว่างหน่วยงานสมาชิก",
    "จัดตั้งคณะทำงานร่วมของเครือข่าย โดยมีผู้แทนจากหน่วยงานสมาชิกแห่งละ 1 คน",
    "ประชุมคณะทำงานอย่างน้อยไตรมาสละ 1 ครั้ง ผ่านระบบการประชุมทางไกลหรือ ณ หน่วยงานสมาชิก",
    "สนับสนุนบุคลากรและเครื่องมือในการเฝ้าระวังภัยน้ำท่วมและภัยแล้ง",
    "จัดทำแผนปฏิบัติการร่วมประจำปีงบประมาณ พ.ศ. 2568",
    "เผยแพร่ผลการดำเนินงานต่อสาธารณะอย่างน้อยปีละ 1 ครั้ง",
    "ทบทวนบันทึกข้อตกลงความร่วมมือเมื่อครบกำหนด 3 ปี",
]


def _add_people(session: Session, organizations: list[Organization]) -> dict[str, list[Person]]:
    people: dict[str, list[Person]] = {}
    serial = 0
    for organization in organizations:
        if organization.kind == OrganizationKind.SAO:
            staff = SAO_STAFF
        elif organization.kind == OrganizationKind.AGENCY:
            staff = AGENCY_STAFF
        else:
            staff = STAFF
        place = organization.name.removeprefix("เทศบาลตำบล").removeprefix("เทศบาลเมือง")
        place = place.removeprefix("เทศบาลนคร").removeprefix("องค์การบริหารส่วนตำบล")
        people[organization.name] = []
        for role, position in staff:
            honorific, given = GIVEN[serial % len(GIVEN)]
            family = FAMILY[(serial * 7 + 3) % len(FAMILY)]
            serial += 1
            title = (
                f"{position}{place}"
                if role in (Role.EXECUTIVE, Role.CLERK, Role.DEPUTY_CLERK, Role.COUNCIL)
                else position
            )
            if (
                organization.kind == OrganizationKind.AGENCY
                and role == Role.GUEST
                and "มูลนิธิ" in place
            ):
                title = "ผู้อำนวยการมูลนิธิ" if not people[organization.name] else "ผู้ประสานงาน"
            people[organization.name].append(
                services.create_person(
                    session,
                    honorific=honorific,
                    given_name=given,
                    family_name=family,
                    position=title,
                    role=role,
                    organization_id=organization.id,
                    email=f"staff{serial:03d}@example.org" if role == Role.OFFICER else None,
                )
            )
    return people


def _agenda(session: Session, meeting_id: int) -> dict[str, int]:
    """The meeting's top-level item ids by category."""
    return {item.category: item.id for item in services.load_meeting(session, meeting_id).agenda}


def fill_demo(session: Session) -> Network:
    """Create the demo network with its people and three meetings. Refused if present."""
    if services.find_network(session, NETWORK_NAME) is not None:
        raise PrachumError(
            "มีข้อมูลตัวอย่างในฐานข้อมูลนี้แล้ว", "The demo network is already in this database."
        )
    organizations = []
    for name, short, kind, district, province in ORGANIZATIONS:
        existing = services.find_organization(session, name)
        organizations.append(
            existing
            or services.create_organization(
                session,
                name=name,
                short_name=short,
                kind=kind,
                district=district,
                province=province,
            )
        )
    network = services.create_network(
        session,
        name=NETWORK_NAME,
        description="ความร่วมมือด้านการบริหารจัดการน้ำของท้องถิ่นในลุ่มน้ำปิงตอนบน",
        member_ids=[o.id for o in organizations[:MEMBER_COUNT]],
    )
    people = _add_people(session, organizations)
    host = organizations[0]
    chair = people[host.name][0]
    recorder = people[host.name][3]
    reviewer = people[host.name][2]
    template = services.standard_template_id(session, six_items=True)
    common: dict[str, Any] = {
        "network_id": network.id,
        "host_id": host.id,
        "chair_id": chair.id,
        "recorder_id": recorder.id,
        "reviewer_id": reviewer.id,
        "template_id": template,
        "opening": "ประธานกล่าวเปิดการประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
    }

    # Meeting 1: onsite, everyone expected, two absences, one acting clerk.
    first = services.create_meeting(
        session,
        title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        number=1,
        date=date(2024, 2, 14),
        start="09:30",
        end="12:00",
        mode=MeetingMode.ONSITE,
        venue="ห้องประชุมสภาเทศบาลตำบลบ้านกลาง",
        **common,
    )
    order = 0
    for organization in organizations:
        for person in people[organization.name]:
            if person.role in (Role.EXECUTIVE, Role.CLERK, Role.DEPUTY_CLERK) or person is recorder:
                order += 1
                group = "member" if organization in organizations[:MEMBER_COUNT] else "participant"
                services.add_attendee(session, first.id, person.id, group=group)
        if organization.kind == OrganizationKind.AGENCY:
            order += 1
            services.add_attendee(
                session,
                first.id,
                people[organization.name][0].id,
                group=AttendanceGroup.PARTICIPANT,
            )
    lines = {a.person_id: a for a in services.load_meeting(session, first.id).attendance}
    yuwa = people["เทศบาลตำบลยุหว่า"]
    services.mark_absent(session, lines[yuwa[0].id].id, "ติดราชการ")
    services.mark_absent(session, lines[yuwa[1].id].id, "ลา")
    services.update_attendance(session, lines[yuwa[2].id].id, acting_as="ปลัดเทศบาลตำบลยุหว่า")
    items = _agenda(session, first.id)
    services.update_agenda_item(
        session,
        items["announcements"],
        body="ประธานแจ้งกำหนดการลงนามบันทึกข้อตกลงความร่วมมือ (MOU) ด้านการบริหารจัดการน้ำ\n"
        "ในวันที่ 14 มีนาคม 2567 ณ ศาลากลางจังหวัดเชียงใหม่",
        resolution="ที่ประชุมรับทราบ",
    )
    services.update_agenda_item(session, items["confirm_minutes"], resolution="- ไม่มี -")
    services.update_agenda_item(session, items["follow_up"], resolution="- ไม่มี -")
    mou = services.add_agenda_item(
        session,
        first.id,
        parent_id=items["for_consideration"],
        title="ร่างบันทึกข้อตกลงความร่วมมือ (MOU) ด้านการบริหารจัดการน้ำ",
        body="ฝ่ายเลขานุการเสนอร่างบันทึกข้อตกลงความร่วมมือ 7 ข้อ ให้ที่ประชุมพิจารณา "
        "โดยได้รับข้อเสนอแนะจากหน่วยงานสมาชิกทางไปรษณีย์อิเล็กทรอนิกส์แล้ว",
        resolution="ที่ประชุมเห็นชอบร่างบันทึกข้อตกลงความร่วมมือ ดังนี้",
    )
    services.set_resolution_points(session, mou.id, MOU_POINTS)
    services.add_action(
        session,
        mou.id,
        text="จัดทำร่างคำสั่งแต่งตั้งคณะทำงานร่วมของเครือข่าย",
        owner_organization_id=host.id,
        due=date(2024, 3, 1),
    )
    services.add_action(
        session,
        mou.id,
        text="แจ้งรายชื่อผู้แทนหน่วยงานในคณะทำงาน",
        owner_person_id=people["เทศบาลเมืองลำพูน"][1].id,
        due=date(2024, 2, 28),
    )
    plan = services.add_agenda_item(
        session,
        first.id,
        parent_id=items["for_consideration"],
        title="ปฏิทินการประชุมคณะทำงาน ปี 2567",
        body="เสนอให้ประชุมทุกไตรมาส สลับเจ้าภาพตามลำดับหน่วยงานสมาชิก",
        resolution="ที่ประชุมเห็นชอบ",
    )
    services.add_action(
        session,
        plan.id,
        text="จัดทำปฏิทินการประชุมและแจ้งหน่วยงานสมาชิก",
        owner_organization_id=host.id,
        due=date(2024, 2, 29),
        done=True,
    )
    services.update_agenda_item(
        session,
        items["for_information"],
        body="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดแจ้งแนวทางการจัดทำแผนพัฒนาท้องถิ่น",
        resolution="ที่ประชุมรับทราบ",
    )
    services.update_agenda_item(session, items["other"], resolution="- ไม่มี -")
    services.finalise_meeting(session, first.id)

    # Meeting 2: over Zoom; last meeting's people copied, actions carried, minutes certified.
    second = services.create_meeting(
        session,
        title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        number=2,
        date=date(2024, 5, 8),
        start="13:30",
        end="15:45",
        mode=MeetingMode.ONLINE,
        platform="Zoom Meeting",
        copy_attendance=True,
        **common,
    )
    lines = {a.person_id: a for a in services.load_meeting(session, second.id).attendance}
    lamphun = people["เทศบาลเมืองลำพูน"]
    services.mark_absent(session, lines[lamphun[0].id].id, "ติดภารกิจอื่น")
    services.update_attendance(session, lines[yuwa[2].id].id, joined="13:25", left="15:45")
    services.certify_previous_minutes(session, second.id)
    services.carry_over_actions(session, second.id)
    items = _agenda(session, second.id)
    services.update_agenda_item(
        session,
        items["announcements"],
        body="ประธานแจ้งผลการลงนามบันทึกข้อตกลงความร่วมมือเมื่อวันที่ 14 มีนาคม 2567",
        resolution="ที่ประชุมรับทราบ",
    )
    budget = services.add_agenda_item(
        session,
        second.id,
        parent_id=items["for_consideration"],
        title="แผนปฏิบัติการร่วมประจำปีงบประมาณ พ.ศ. 2568",
        body="คณะทำงานเสนอโครงการ 3 โครงการ ได้แก่ การเฝ้าระวังระดับน้ำ การขุดลอกลำเหมือง "
        "และการอบรมอาสาสมัครเตือนภัย",
        resolution="ที่ประชุมอนุมัติในหลักการ",
    )
    services.set_resolution_points(
        session,
        budget.id,
        ["ให้หน่วยงานสมาชิกเสนอรายละเอียดงบประมาณภายในเดือนมิถุนายน", "มอบเจ้าภาพรวบรวมเป็นแผนเดียว"],
    )
    services.add_action(
        session,
        budget.id,
        text="รวบรวมรายละเอียดงบประมาณโครงการจากหน่วยงานสมาชิก",
        owner_organization_id=host.id,
        due=date(2024, 6, 30),
    )
    services.finalise_meeting(session, second.id)

    # Meeting 3: hybrid, still a draft: the one a new user continues.
    third = services.create_meeting(
        session,
        title="การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง",
        number=3,
        date=date(2024, 8, 21),
        start="09:00",
        end="11:30",
        mode=MeetingMode.HYBRID,
        platform="Zoom Meeting",
        venue="ห้องประชุมเทศบาลเมืองลำพูน",
        copy_attendance=True,
        **{**common, "host_id": organizations[1].id},
    )
    services.certify_previous_minutes(session, third.id)
    services.carry_over_actions(session, third.id)
    session.flush()
    session.expire_all()
    return network
