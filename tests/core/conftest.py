"""A small network built through the services, as a secretary would build it."""

from datetime import date

import pytest

from desktop.core import services


@pytest.fixture
def network(session):
    banklang = services.create_organization(
        session, name="เทศบาลตำบลบ้านกลาง", short_name="ทต.บ้านกลาง", kind="subdistrict_municipality"
    )
    tungtom = services.create_organization(
        session, name="องค์การบริหารส่วนตำบลทุ่งต้อม", short_name="อบต.ทุ่งต้อม", kind="sao"
    )
    network = services.create_network(
        session, name="เครือข่ายทดสอบ", member_ids=[banklang.id, tungtom.id]
    )
    people = {
        "mayor": services.create_person(
            session,
            honorific="นาย",
            given_name="สมชาย",
            family_name="ใจดี",
            position="นายกเทศมนตรีตำบลบ้านกลาง",
            role="executive",
            organization_id=banklang.id,
        ),
        "deputy": services.create_person(
            session,
            honorific="นางสาว",
            given_name="วิไล",
            family_name="ศรีสุข",
            position="รองปลัดเทศบาล",
            role="deputy_clerk",
            organization_id=banklang.id,
        ),
        "officer": services.create_person(
            session,
            honorific="นาง",
            given_name="มาลี",
            family_name="บุญมา",
            position="นักวิเคราะห์นโยบายและแผน",
            role="officer",
            organization_id=tungtom.id,
        ),
    }
    session.flush()
    return {"network": network, "orgs": [banklang, tungtom], "people": people}


@pytest.fixture
def first_meeting(session, network):
    meeting = services.create_meeting(
        session,
        title="การประชุมคณะทำงาน",
        date=date(2024, 2, 14),
        network_id=network["network"].id,
        number=1,
        start="09:30",
        end="12:00",
        template_id=services.standard_template_id(session, six_items=True),
    )
    for person in network["people"].values():
        services.add_attendee(session, meeting.id, person.id)
    return meeting
