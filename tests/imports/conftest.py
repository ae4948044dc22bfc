"""A small network built through the services, and writers for report files.

Every report and roster here is written by the tests themselves, in the byte forms
the portals use (UTF-8 with and without BOM, UTF-16 LE with tabs).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop.core import services

# The tests here share the report writers of report_files.py by plain import.
sys.path.insert(0, str(Path(__file__).parent))


@dataclass
class Network:
    network_id: int
    meeting_id: int
    people: dict[str, int]
    """Short key → person id."""
    organizations: dict[str, int]


@pytest.fixture
def network(session) -> Network:
    """Three offices, a dozen people (two namesakes called วิไล), a draft meeting expecting
    the members' people."""
    orgs = {
        "บ้านกลาง": services.create_organization(
            session,
            name="เทศบาลตำบลบ้านกลาง",
            short_name="ทต.บ้านกลาง",
            kind="subdistrict_municipality",
        ).id,
        "ลำพูน": services.create_organization(
            session, name="เทศบาลเมืองลำพูน", short_name="ทม.ลำพูน", kind="town_municipality"
        ).id,
        "หางดง": services.create_organization(
            session, name="องค์การบริหารส่วนตำบลหางดง", short_name="อบต.หางดง", kind="sao"
        ).id,
    }
    rows = [
        ("somchai", "นาย", "สมชาย", "ใจดี", "นายกเทศมนตรีตำบลบ้านกลาง", "executive", "บ้านกลาง", None),
        ("malee", "นางสาว", "มาลี", "บุญมา", "ปลัดเทศบาล", "clerk", "บ้านกลาง", "malee@example.org"),
        ("wilai_bk", "นาง", "วิไล", "ศรีสุข", "นักวิเคราะห์นโยบายและแผน", "officer", "บ้านกลาง", None),
        ("praphat", "นาย", "ประภัสร์", "ภู่เจริญ", "นายกเทศมนตรีเมืองลำพูน", "executive", "ลำพูน", None),
        ("wilai_lp", "นางสาว", "วิไล", "คำปัน", "รองปลัดเทศบาล", "deputy_clerk", "ลำพูน", None),
        ("kamon", "นาย", "กมล", "ทองดี", "ปลัดเทศบาล", "clerk", "ลำพูน", None),
        ("suda", "นาง", "สุดา", "วงศ์ใหญ่", "ผู้อำนวยการกองคลัง", "officer", "หางดง", None),
        (
            "kasem",
            "นาย",
            "เกษม",
            "สุขเกษม",
            "นายกองค์การบริหารส่วนตำบลหางดง",
            "executive",
            "หางดง",
            None,
        ),
        ("somsri", "นาง", "สมศรี", "นันทชัย", "ปลัดองค์การบริหารส่วนตำบล", "clerk", "หางดง", None),
        ("john", "Mr.", "John", "Smith", "Adviser", "guest", None, "john@example.org"),
    ]
    people = {}
    for key, honorific, given, family, position, role, org, email in rows:
        people[key] = services.create_person(
            session,
            honorific=honorific,
            given_name=given,
            family_name=family,
            position=position,
            role=role,
            organization_id=orgs[org] if org else None,
            email=email,
        ).id
    network = services.create_network(
        session, name="เครือข่ายทดสอบ", member_ids=[orgs["บ้านกลาง"], orgs["ลำพูน"], orgs["หางดง"]]
    )
    meeting = services.create_meeting(
        session,
        title="การประชุมเครือข่ายทดสอบ",
        date=date(2024, 2, 14),
        network_id=network.id,
        number=2,
        start="09:00",
    )
    for key in ("somchai", "malee", "wilai_bk", "praphat", "wilai_lp", "kamon", "suda", "somsri"):
        services.add_attendee(session, meeting.id, people[key])
    session.flush()
    return Network(network.id, meeting.id, people, orgs)
