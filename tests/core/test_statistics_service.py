"""Statistics as an office asks: per authority (anyone of it came), per person, the period."""

from __future__ import annotations

from datetime import date

from desktop.core import services


def _meeting(session, network, day, absent=()):
    meeting = services.create_meeting(
        session, title="การประชุม", date=day, network_id=network["network"].id
    )
    for key, person in network["people"].items():
        line = services.add_attendee(session, meeting.id, person.id)
        if key in absent:
            services.mark_absent(session, line.id, "ติดราชการ")
    return meeting


def test_an_authority_attended_when_one_of_its_two_people_came(session, network):
    _meeting(session, network, date(2023, 5, 1), absent=("deputy",))
    _meeting(session, network, date(2023, 6, 1), absent=("mayor", "deputy", "officer"))
    rows = {r.organization: r for r in services.authority_attendance(session)}
    banklang = rows["เทศบาลตำบลบ้านกลาง"]
    assert (banklang.meetings, banklang.attended, banklang.rate) == (2, 1, 0.5)
    tungtom = rows["องค์การบริหารส่วนตำบลทุ่งต้อม"]
    assert (tungtom.meetings, tungtom.attended) == (2, 1)
    # The people's count is another figure: 1 of the 4 lines of บ้านกลาง were present.
    people = {r.name: r for r in services.person_attendance(session)}
    assert (people["นายสมชาย ใจดี"].invited, people["นายสมชาย ใจดี"].present) == (2, 1)
    assert people["นางสาววิไล ศรีสุข"].present == 0


def test_the_period_with_data_is_that_of_the_meetings_with_attendance(session, network):
    assert services.period_with_data(session) is None
    _meeting(session, network, date(2023, 5, 1))
    _meeting(session, network, date(2023, 11, 30))
    services.create_meeting(session, title="ยังไม่มีใคร", date=date(2025, 1, 1))
    assert services.period_with_data(session) == (date(2023, 5, 1), date(2023, 11, 30))
    assert services.period_with_data(session, network["network"].id) == (
        date(2023, 5, 1),
        date(2023, 11, 30),
    )
    rows = services.authority_attendance(session, date_from=date(2023, 6, 1))
    assert {r.meetings for r in rows} == {1}


def test_a_deleted_persons_lines_still_count(session, network):
    _meeting(session, network, date(2023, 5, 1))
    services.delete_person(session, network["people"]["officer"].id)
    people = {r.name: r for r in services.person_attendance(session)}
    assert people["นางมาลี บุญมา"].present == 1
