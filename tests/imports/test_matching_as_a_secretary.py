"""Matching as a Thai secretary would match: a mixed roster of Thai and foreign names.

Each display name below is how such people appear in real meetings: a position word, a
given name and a town; an office and a position with no name at all; a surname first;
a tenant's suffix; capitals. The expected answer is the one the secretary would give.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import services
from desktop.imports.proposal import Candidate, build_proposal
from desktop.imports.reports import Participant, Report

ORGANIZATIONS = [
    ("tpd", "เทศบาลตำบลทาปลาดุก", "ทต.ทาปลาดุก", "แม่ทา"),
    ("ko", "เทศบาลตำบลก้อ", "ทต.ก้อ", "ลี้"),
    ("li", "เทศบาลตำบลลี้", "ทต.ลี้", "ลี้"),
    ("bk", "เทศบาลตำบลบ้านกลาง", "ทต.บ้านกลาง", "เมืองลำพูน"),
    ("hd", "องค์การบริหารส่วนตำบลหางดง", "อบต.หางดง", "หางดง"),
]
PEOPLE = [
    ("somchai", "นาย", "สมชาย", "ใจดี", "ปลัดเทศบาล", "tpd"),
    ("somchai2", "นาย", "สมชาย", "รักไทย", "นักวิเคราะห์นโยบายและแผน", "bk"),
    ("wilai_li", "นาง", "วิไล", "คำปัน", "รองปลัดเทศบาล", "li"),
    ("wilai_bk", "นาง", "วิไล", "ศรีสุข", "นักทรัพยากรบุคคล", "bk"),
    ("prasert", "นาย", "ประเสริฐ", "มั่นคง", "นายกเทศมนตรีตำบลก้อ", "ko"),
    ("amphai", "นาง", "อำไพ", "แสงทอง", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "bk"),
    ("urai", "นางสาว", "อุไร", "ทองคำ", "ผู้อำนวยการกองคลัง", "bk"),
    ("malee", "นางสาว", "มาลี", "บุญมา", "ปลัดเทศบาล", "bk"),
    ("suda", "นาง", "สุดา", "วงศ์ใหญ่", "ผู้อำนวยการกองคลัง", "hd"),
    ("deniz", None, "Deniz", "Kaya", "Adviser", None),
    ("franz", None, "Franz", "Müller", "Adviser", None),
    ("juan", None, "Juan", "Pérez", "Adviser", None),
    ("john", "Mr.", "John", "Smith", "Adviser", None),
    ("anna", "Ms.", "Anna", "Lee", "Adviser", None),
]
# Display name → the person a secretary would say it is; "?" for "could be several",
# None for "nobody on the roster".
EXPECTED = {
    "ปลัด สมชาย ทาปลาดุก": "somchai",
    "รองปลัดฯ วิไล (ลี้)": "wilai_li",
    "นายก ทต.ก้อ": "prasert",
    "ผอ.กองสาธารณสุข บ้านกลาง": "amphai",
    "อุไร": "urai",
    "สุดา วงศ์ใหญ่": "suda",
    "มาลี บุญมา (ภายนอก)": "malee",
    "Kaya, Deniz": "deniz",
    "Müller Franz": "franz",
    "pérez juan": "juan",
    "JOHN SMITH (EXT)": "john",
    "Anna Lee (Guest)": "anna",
    "วิไล": "?",
    "Peter Parker": None,
    "สมปอง ใจเย็น": None,
    "iPhone": None,
}


@pytest.fixture
def roster(session):
    orgs = {
        key: services.create_organization(
            session, name=name, short_name=short, kind="subdistrict_municipality", district=district
        ).id
        for key, name, short, district in ORGANIZATIONS
    }
    people = {
        key: services.create_person(
            session,
            honorific=honorific,
            given_name=given,
            family_name=family,
            position=position,
            organization_id=orgs[org] if org else None,
        ).id
        for key, honorific, given, family, position, org in PEOPLE
    }
    network = services.create_network(session, name="เครือข่ายลุ่มน้ำลี้", member_ids=list(orgs.values()))
    meeting = services.create_meeting(
        session, title="ประชุมเครือข่าย", date=date(2024, 2, 14), network_id=network.id
    )
    for person_id in people.values():
        services.add_attendee(session, meeting.id, person_id)
    session.flush()
    return meeting.id, people


def propose(session, meeting_id):
    report = Report(
        platform="zoom",
        file_name="mixed.csv",
        participants=[Participant(name, None, None, None, None, None) for name in EXPECTED],
    )
    return build_proposal(session, meeting_id, report)


def test_a_mixed_roster_is_matched_as_a_secretary_would(session, roster):
    meeting_id, people = roster
    proposal = propose(session, meeting_id)
    got = {}
    for row in proposal.rows:
        if row.status == "matched":
            got[row.display_name] = next(k for k, v in people.items() if v == row.person_id)
        elif row.status == "ambiguous":
            got[row.display_name] = "?"
        else:
            got[row.display_name] = None
    assert got == EXPECTED
    counts = {s: proposal.count(s) for s in ("matched", "ambiguous", "unknown")}
    assert counts == {"matched": 12, "ambiguous": 1, "unknown": 3}


def test_unrelated_names_are_not_offered_because_they_share_a_few_letters(session, roster):
    meeting_id, _people = roster
    rows = {row.display_name: row for row in propose(session, meeting_id).rows}
    assert rows["Peter Parker"].candidates == []
    assert rows["สมปอง ใจเย็น"].candidates == []
    # Two วิไล: both offered, neither chosen.
    assert len(rows["วิไล"].candidates) == 2


def test_only_people_no_row_could_be_are_marked_absent(session, roster):
    meeting_id, people = roster
    proposal = propose(session, meeting_id)
    missing = set(proposal.missing())
    # Nobody wrote สมชาย รักไทย's name: he is the one to mark absent.
    assert people["somchai2"] in missing
    # Both วิไล could be the ambiguous row: neither is marked absent.
    assert people["wilai_bk"] not in missing
    assert people["wilai_li"] not in missing  # matched by `รองปลัดฯ วิไล (ลี้)`
    # An unknown row whose candidate is expected keeps that person too.
    row = next(r for r in proposal.rows if r.display_name == "iPhone")
    row.candidates = [Candidate(people["somchai2"], "สมชาย รักไทย", 50.0)]
    assert people["somchai2"] not in set(proposal.missing())


def test_a_teams_guest_of_a_members_name_is_not_taken_for_the_member(session, roster, tmp_path):
    from report_files import write_text
    from test_report_formats import TEAMS_WEBINAR

    from desktop.imports.report_cli import read_report

    meeting_id, people = roster
    path = write_text(tmp_path / "webinar.csv", TEAMS_WEBINAR, "utf-16-le", bom=True)
    proposal = build_proposal(session, meeting_id, read_report(path))
    member, guest = proposal.rows
    assert (member.status, member.person_id) == ("matched", people["somchai"])
    assert (guest.status, guest.person_id) == ("ambiguous", None)
    assert people["somchai"] in [c.person_id for c in guest.candidates]
