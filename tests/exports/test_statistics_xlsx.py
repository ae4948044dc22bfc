"""The statistics workbook: the page's two tables, read back."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop.core import services
from desktop.exports.statistics_xlsx import export_statistics


def test_the_statistics_workbook_has_authorities_and_people(session, tmp_path):
    banklang = services.create_organization(session, name="เทศบาลตำบลบ้านกลาง")
    network = services.create_network(session, name="เครือข่ายลุ่มน้ำ", member_ids=[banklang.id])
    people = [
        services.create_person(session, given_name=name, organization_id=banklang.id)
        for name in ("สมชาย", "=วิไล")
    ]
    meeting = services.create_meeting(
        session, title="ประชุม", date=date(2024, 3, 1), network_id=network.id
    )
    for person in people:
        services.add_attendee(session, meeting.id, person.id)
    services.mark_absent(session, meeting.attendance[1].id)

    path = export_statistics(session, tmp_path / "stats.xlsx", network_id=network.id)
    book = load_workbook(path)
    assert book.sheetnames == ["รายหน่วยงาน", "รายบุคคล"]
    authorities = [r for r in book["รายหน่วยงาน"].iter_rows(values_only=True) if r and r[0]]
    assert authorities[0][0] == "สถิติการเข้าประชุมเครือข่ายลุ่มน้ำ"
    assert authorities[-1] == (1, "เทศบาลตำบลบ้านกลาง", 1, 1, 1)
    people_rows = [r for r in book["รายบุคคล"].iter_rows(values_only=True) if r and r[0]]
    assert people_rows[-2:] == [
        (1, "=วิไล", "เทศบาลตำบลบ้านกลาง", 1, 0, 0),
        (2, "สมชาย", "เทศบาลตำบลบ้านกลาง", 1, 1, 1),
    ]
    assert book["รายบุคคล"]["B5"].data_type == "s"  # a name starting `=` stays text
