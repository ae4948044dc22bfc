"""People from a spreadsheet: names split, roles guessed, offices reused or created."""

from __future__ import annotations

import pytest
from report_files import write_text, write_xlsx
from sqlalchemy import func, select

from desktop.core import services
from desktop.core.models import Organization, Person
from desktop.imports.roster import guess_role, read_roster, run_roster_import


def counts(session):
    return (
        session.scalar(select(func.count(Person.id))),
        session.scalar(select(func.count(Organization.id))),
    )


ROSTER_CSV = """\
ลำดับ,ชื่อ-นามสกุล,ตำแหน่ง,หน่วยงาน,อีเมล
1,นางสาวมาลี บุญมา,ปลัดเทศบาล,ทต.บ้านกลาง,malee@example.org
2,นายสมชาย ใจดี,นายกเทศมนตรีตำบลบ้านกลาง,เทศบาลตำบลบ้านกลาง,
3,ว่าที่ร้อยตรีวิชัย ดีงาม,รองปลัดเทศบาล,ทต.ดอยสะเก็ด,
4,นางอรุณี แสงทอง,สมาชิกสภาเทศบาล,ทต.ดอยสะเก็ด,
5,,,,
"""


def test_one_full_name_column_is_split_into_honorific_given_and_family(tmp_path):
    _name, lines, _skipped = read_roster(write_text(tmp_path / "r.csv", ROSTER_CSV, bom=True))
    first = lines[0]
    assert (first.honorific, first.given_name, first.family_name) == ("นางสาว", "มาลี", "บุญมา")
    third = lines[2]
    assert (third.honorific, third.given_name, third.family_name) == (
        "ว่าที่ร้อยตรี",
        "วิชัย",
        "ดีงาม",
    )
    assert len(lines) == 4  # the blank row is no one


@pytest.mark.parametrize(
    ("position", "role"),
    [
        ("นายกเทศมนตรีตำบลบ้านกลาง", "executive"),
        ("รองนายกเทศมนตรี", "executive"),
        ("ปลัดเทศบาล", "clerk"),
        ("ปลัดองค์การบริหารส่วนตำบล", "clerk"),
        ("รองปลัดเทศบาล", "deputy_clerk"),
        ("สมาชิกสภาเทศบาล", "council"),
        ("นักวิเคราะห์นโยบายและแผน", "officer"),
        (None, "officer"),
    ],
)
def test_the_role_is_guessed_from_the_position(position, role):
    assert guess_role(position) == role


def test_dry_run_lists_what_would_change_and_writes_nothing(session, network, tmp_path):
    before = counts(session)
    text = run_roster_import(
        session, write_text(tmp_path / "r.csv", ROSTER_CSV), network_name=None, apply=False
    )
    assert counts(session) == before
    assert "Dry run" in text
    assert "new organisation: เทศบาลตำบลดอยสะเก็ด (ทต.ดอยสะเก็ด)" in text
    assert "deputy_clerk?" in text  # guessed, shown for confirmation
    # มาลี and สมชาย are already in ทต.บ้านกลาง: found by short and by full office name.
    assert "2 new" in text


def test_applying_creates_people_and_offices_and_reuses_the_known(session, network, tmp_path):
    before_people, before_orgs = counts(session)
    run_roster_import(
        session,
        write_text(tmp_path / "r.csv", ROSTER_CSV),
        network_name="เครือข่ายทดสอบ",
        apply=True,
    )
    assert counts(session) == (before_people + 2, before_orgs + 1)
    office = services.find_organization(session, "ทต.ดอยสะเก็ด")
    assert (office.name, office.kind) == ("เทศบาลตำบลดอยสะเก็ด", "subdistrict_municipality")
    wichai = services.find_person(session, "วิชัย", "ดีงาม", office.id)
    assert (wichai.honorific, wichai.role) == ("ว่าที่ร้อยตรี", "deputy_clerk")
    members = services.find_network(session, "เครือข่ายทดสอบ").members
    assert members[-1].id == office.id  # added after the existing members, in order


def test_a_second_import_of_the_same_roster_changes_nothing(session, network, tmp_path):
    path = write_text(tmp_path / "r.csv", ROSTER_CSV)
    run_roster_import(session, path, network_name=None, apply=True)
    before = counts(session)
    text = run_roster_import(session, path, network_name=None, apply=True)
    assert counts(session) == before
    assert "0 new, 0 to update" in text


def test_a_changed_position_updates_the_person(session, network, tmp_path):
    text = ROSTER_CSV.replace("1,นางสาวมาลี บุญมา,ปลัดเทศบาล", "1,นางสาวมาลี บุญมา,รองปลัดเทศบาล")
    run_roster_import(session, write_text(tmp_path / "r.csv", text), network_name=None, apply=True)
    malee = session.get(Person, network.people["malee"])
    assert malee.position == "รองปลัดเทศบาล"


def test_separate_columns_in_an_xlsx_with_a_role_column(session, tmp_path):
    rows = [
        ["คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "สังกัด", "บทบาท", "โทรศัพท์"],
        ["นาง", "สุดา", "วงศ์ใหญ่", "ผู้อำนวยการกองคลัง", "อบต.หางดง", "officer", "081-234-5678"],
        ["นาย", "John", "Smith", "Adviser", "", "guest", ""],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows)
    run_roster_import(session, path, network_name=None, apply=True)
    office = services.find_organization(session, "อบต.หางดง")
    assert (office.name, office.kind) == ("องค์การบริหารส่วนตำบลหางดง", "sao")
    suda = services.find_person(session, "สุดา", "วงศ์ใหญ่", office.id)
    assert (suda.phone, suda.role) == ("081-234-5678", "officer")
    john = services.find_person(session, "John", "Smith", None)
    assert john.role == "guest"


def test_english_headers_in_any_case(session, tmp_path):
    text = "FULL NAME,position,ORGANISATION\nนายกมล ทองดี,ปลัดเทศบาล,ทม.ลำพูน\n"
    run_roster_import(session, write_text(tmp_path / "r.csv", text), network_name=None, apply=True)
    office = services.find_organization(session, "เทศบาลเมืองลำพูน")
    assert services.find_person(session, "กมล", "ทองดี", office.id).role == "clerk"


def test_a_thai_windows_csv_is_read(session, tmp_path):
    path = write_text(tmp_path / "r.csv", ROSTER_CSV, encoding="cp874")
    _name, lines, _ = read_roster(path)
    assert lines[0].name == "นางสาวมาลี บุญมา"
