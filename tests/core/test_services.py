"""What a secretary does, through the same functions the GUI and the command line call."""

from datetime import date

import pytest

from desktop.core import services
from desktop.core.errors import PrachumError


def _items(session, meeting_id):
    meeting = services.load_meeting(session, meeting_id)
    session.refresh(meeting)
    out = []

    def walk(items):
        for item in items:
            out.append((item.number, item.title))
            walk(item.children)

    walk(meeting.agenda)
    return out


def test_a_meeting_from_the_standard_template_has_its_six_items(session, first_meeting):
    titles = [title for _, title in _items(session, first_meeting.id)]
    assert titles[0] == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"
    assert "เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว" in titles
    assert [number for number, _ in _items(session, first_meeting.id)] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]


def test_the_five_item_template_has_no_follow_up(session, network):
    meeting = services.create_meeting(
        session,
        title="ประชุม",
        date="2024-03-01",
        template_id=services.standard_template_id(session, six_items=False),
    )
    assert len(meeting.agenda) == 5
    assert "follow_up" not in {item.category for item in meeting.agenda}


def test_sub_items_are_numbered_and_renumbered_as_they_move(session, first_meeting):
    parent = first_meeting.agenda[3]
    a = services.add_agenda_item(session, first_meeting.id, title="ก", parent_id=parent.id)
    b = services.add_agenda_item(session, first_meeting.id, title="ข", parent_id=parent.id)
    c = services.add_agenda_item(
        session, first_meeting.id, title="ค", parent_id=parent.id, after_id=a.id
    )
    assert (a.number, c.number, b.number) == ("4.1", "4.2", "4.3")
    services.move_agenda_item(session, b.id, -1)
    assert (a.number, b.number, c.number) == ("4.1", "4.2", "4.3")
    services.indent_agenda_item(session, b.id)
    assert b.number == "4.1.1"
    services.outdent_agenda_item(session, b.id)
    assert b.number == "4.2"
    services.delete_agenda_item(session, a.id)
    assert (b.number, c.number) == ("4.1", "4.2")


def test_agenda_items_nest_at_most_three_deep(session, first_meeting):
    one = services.add_agenda_item(
        session, first_meeting.id, title="1", parent_id=first_meeting.agenda[0].id
    )
    two = services.add_agenda_item(session, first_meeting.id, title="2", parent_id=one.id)
    with pytest.raises(PrachumError, match="three levels"):
        services.add_agenda_item(session, first_meeting.id, title="3", parent_id=two.id)


def test_marking_attendance_keeps_the_reason_only_for_absence(session, first_meeting):
    line = first_meeting.attendance[0]
    services.mark_absent(session, line.id, "ติดราชการ")
    assert (line.status, line.absence_reason) == ("absent", "ติดราชการ")
    services.toggle_attendance(session, line.id)
    assert (line.status, line.absence_reason) == ("present", None)
    counts = services.attendance_counts(first_meeting)
    assert (counts.present, counts.absent, counts.participants) == (3, 0, 0)


def test_a_person_is_expected_once_per_meeting(session, first_meeting, network):
    with pytest.raises(PrachumError, match="already on this meeting"):
        services.add_attendee(session, first_meeting.id, network["people"]["mayor"].id)


def test_attendance_keeps_the_position_held_at_the_meeting(session, first_meeting, network):
    mayor = network["people"]["mayor"]
    services.update_person(session, mayor.id, position="อดีตนายกเทศมนตรี")
    line = next(a for a in first_meeting.attendance if a.person_id == mayor.id)
    assert line.position == "นายกเทศมนตรีตำบลบ้านกลาง"
    assert line.name == "นายสมชาย ใจดี"


def test_attendees_are_ordered_by_role_then_thai_name_when_no_order_was_set(session, network):
    meeting = services.create_meeting(session, title="ประชุม", date="2024-03-01")
    for key in ("officer", "deputy", "mayor"):
        services.add_attendee(session, meeting.id, network["people"][key].id, sort_order=0)
    ordered = [a.person.role for a in services.ordered_attendance(meeting)]
    assert ordered == ["executive", "deputy_clerk", "officer"]


def test_copying_expected_people_from_the_last_meeting(session, first_meeting, network):
    services.update_attendance(
        session, first_meeting.attendance[1].id, acting_as="ปลัดเทศบาลตำบลบ้านกลาง"
    )
    services.mark_absent(session, first_meeting.attendance[2].id, "ลา")
    second = services.create_meeting(
        session,
        title="ครั้งที่สอง",
        date="2024-05-08",
        network_id=network["network"].id,
        copy_attendance=True,
    )
    assert len(second.attendance) == 3
    assert all(a.status == "present" for a in second.attendance)
    assert {a.acting_as for a in second.attendance} == {None, "ปลัดเทศบาลตำบลบ้านกลาง"}


def test_the_next_number_is_proposed_within_the_buddhist_year(session, first_meeting, network):
    network_id = network["network"].id
    assert services.propose_meeting_number(session, network_id, date(2024, 9, 1)) == 2
    assert services.propose_meeting_number(session, network_id, date(2025, 1, 10)) == 1


def test_final_minutes_are_read_only_until_reopened(session, first_meeting):
    services.finalise_meeting(session, first_meeting.id)
    with pytest.raises(PrachumError, match="final"):
        services.update_meeting(session, first_meeting.id, title="แก้ไข")
    with pytest.raises(PrachumError, match="final"):
        services.add_agenda_item(session, first_meeting.id, title="เพิ่ม")
    services.reopen_meeting(session, first_meeting.id)
    services.update_meeting(session, first_meeting.id, title="แก้ไข")
    assert first_meeting.title == "แก้ไข"


def test_end_before_start_and_bad_codes_are_refused_with_a_clear_message(session, network):
    with pytest.raises(PrachumError) as error:
        services.create_meeting(
            session, title="ประชุม", date="2024-03-01", start="12:00", end="09:00"
        )
    assert "เวลาเลิกประชุม" in error.value.thai and "before the start" in error.value.english
    with pytest.raises(PrachumError, match="Invalid mode"):
        services.create_meeting(session, title="ประชุม", date="2024-03-01", mode="teleport")
    with pytest.raises(PrachumError, match="required"):
        services.create_meeting(session, title="   ", date="2024-03-01")


def test_text_is_stored_normalised(session, network):
    organization = services.create_organization(session, name="  เทศบาลตำบลน\u0e49\u0e4d\u0e32ดิบ  ")
    assert organization.name == "เทศบาลตำบลน\u0e49\u0e33ดิบ"


def _actions_setup(session, first_meeting, network):
    item = services.add_agenda_item(
        session,
        first_meeting.id,
        title="แนวทาง",
        parent_id=first_meeting.agenda[3].id,
        resolution="ที่ประชุมเห็นชอบ",
    )
    services.set_resolution_points(session, item.id, ["จัดตั้งคณะทำงานร่วม", "", "ประชุมทุกไตรมาส"])
    open_one = services.add_action(
        session,
        item.id,
        text="จัดทำร่างคำสั่ง",
        owner_organization_id=network["orgs"][0].id,
        due="2024-03-01",
    )
    services.add_action(session, item.id, text="ส่งรายชื่อแล้ว", done=True)
    return item, open_one


def test_resolution_points_skip_blank_lines(session, first_meeting, network):
    item, _ = _actions_setup(session, first_meeting, network)
    assert [p.text for p in item.points] == ["จัดตั้งคณะทำงานร่วม", "ประชุมทุกไตรมาส"]


def test_open_actions_are_carried_into_the_next_meetings_follow_up(session, first_meeting, network):
    _, open_one = _actions_setup(session, first_meeting, network)
    second = services.create_meeting(
        session,
        title="ครั้งที่สอง",
        date="2024-05-08",
        network_id=network["network"].id,
        number=2,
        template_id=services.standard_template_id(session),
    )
    proposed = services.proposed_carry_over(session, second.id)
    assert [a.text for a in proposed] == ["จัดทำร่างคำสั่ง"]
    carried = services.carry_over_actions(session, second.id)
    assert carried[0].carried_from_id == open_one.id
    assert carried[0].due == date(2024, 3, 1)
    assert carried[0].agenda_item.parent.category == "follow_up"
    assert carried[0].agenda_item.number == "3.1"
    assert services.proposed_carry_over(session, second.id) == [], "not carried twice"


def test_a_later_meeting_certifies_the_earlier_minutes(session, first_meeting, network):
    services.finalise_meeting(session, first_meeting.id)
    second = services.create_meeting(
        session,
        title="ครั้งที่สอง",
        date="2024-05-08",
        network_id=network["network"].id,
        number=2,
        template_id=services.standard_template_id(session),
    )
    services.certify_previous_minutes(session, second.id)
    assert first_meeting.status == "certified"
    assert first_meeting.certified_by_id == second.id
    confirm = next(i for i in second.agenda if i.category == "confirm_minutes")
    assert confirm.resolution == "ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ 1/2567"


def test_certifying_needs_an_earlier_meeting(session, first_meeting):
    with pytest.raises(PrachumError, match="no earlier meeting"):
        services.certify_previous_minutes(session, first_meeting.id)


@pytest.mark.parametrize(
    ("query", "expected_item"),
    [
        ("ร", {"4.1"}),  # one character: a plain scan
        ("ร่", {"4.1"}),  # two: still the scan, SQLite's trigram cannot
        ("ร่างค", {"4.1"}),  # five: the trigram index
    ],
)
def test_search_finds_thai_text_of_any_length(
    session, first_meeting, network, query, expected_item
):
    _actions_setup(session, first_meeting, network)
    hits = services.search(session, query)
    items = {h.item_number for h in hits if h.meeting_id == first_meeting.id and h.item_number}
    assert expected_item <= items
    if len(query) > 1:
        assert all(query in h.snippet for h in hits), "every hit really contains the query"


def test_search_finds_resolutions_and_ignores_what_is_not_there(session, first_meeting, network):
    _actions_setup(session, first_meeting, network)
    assert [h.item_number for h in services.search(session, "เห็นชอบ")] == ["4.1"]
    assert services.search(session, "ไม่มีคำนี้แน่นอน") == []
    assert services.search(session, "ไตรมาส")[0].item_title == "แนวทาง"


def test_search_follows_edits(session, first_meeting, network):
    item, _ = _actions_setup(session, first_meeting, network)
    services.update_agenda_item(session, item.id, resolution="ที่ประชุมอนุมัติ")
    assert services.search(session, "เห็นชอบ") == []
    assert [h.item_number for h in services.search(session, "อนุมัติ")] == ["4.1"]


def test_attendance_statistics_per_organisation_over_a_period(session, first_meeting, network):
    services.mark_absent(session, first_meeting.attendance[2].id, "ลา")
    stats = {
        s.organization: s
        for s in services.attendance_statistics(
            session, network_id=network["network"].id, date_from="2024-01-01", date_to="2024-12-31"
        )
    }
    banklang = stats["เทศบาลตำบลบ้านกลาง"]
    tungtom = stats["องค์การบริหารส่วนตำบลทุ่งต้อม"]
    assert (banklang.invited, banklang.present, banklang.absent, banklang.rate) == (2, 2, 0, 1.0)
    assert (tungtom.invited, tungtom.present, tungtom.absent, tungtom.rate) == (1, 0, 1, 0.0)
    assert services.attendance_statistics(session, date_from="2025-01-01") == []


def test_templates_can_be_edited_renamed_and_deleted(session, first_meeting):
    template = services.save_agenda_as_template(session, first_meeting.id, "ของเครือข่าย")
    services.set_template_items(
        session, template.id, [("announcements", "แจ้งเพื่อทราบ"), ("other", "อื่น ๆ")]
    )
    services.rename_template(session, template.id, "แบบย่อ")
    names = [t.name for t in services.list_templates(session, first_meeting.network_id)]
    assert "แบบย่อ" in names
    meeting = services.create_meeting(
        session, title="ใหม่", date="2024-06-01", template_id=template.id
    )
    assert [i.title for i in meeting.agenda] == ["แจ้งเพื่อทราบ", "อื่น ๆ"]
    with pytest.raises(PrachumError, match="at least one item"):
        services.set_template_items(session, template.id, [])
    services.delete_template(session, template.id)
    assert "แบบย่อ" not in [
        t.name for t in services.list_templates(session, first_meeting.network_id)
    ]


def test_a_buddhist_era_year_typed_as_iso_is_refused(session):
    with pytest.raises(PrachumError, match="Buddhist Era"):
        services.create_meeting(session, title="ประชุม", date="2567-08-21")
    meeting = services.create_meeting(session, title="ประชุม", date="21/8/2567")
    assert meeting.date == date(2024, 8, 21)


def test_a_new_action_has_no_due_date_until_she_picks_one(session, first_meeting):
    item = services.load_meeting(session, first_meeting.id).agenda[3]
    action = services.add_action(session, item.id, text="จัดทำรายงาน")
    assert action.due is None
