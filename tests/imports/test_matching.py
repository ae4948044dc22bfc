"""Who a display name is: devices, Thai positions and offices stripped, namesakes told apart."""

from __future__ import annotations

import pytest

from desktop.core import services
from desktop.imports.matching import RosterIndex, romanized
from desktop.imports.names import clean_display_name
from desktop.imports.proposal import propose_row
from desktop.imports.reports import Participant


def participant(name: str, original: str | None = None, email: str | None = None):
    return Participant(name, original, email, None, None, None)


def propose(session, network, name, original=None, *, email=None, expected=True):
    index = RosterIndex.from_session(
        session, expected=[*network.people.values()] if expected else []
    )
    return propose_row(participant(name, original, email), index, {})


@pytest.mark.parametrize(
    ("display", "bare"),
    [
        ("iPhone ของ วิไล", "วิไล"),
        ("Somchai's iPad", "somchai"),
        ("Galaxy A52 มาลี", "มาลี"),
        ("Zoom user", ""),
        ("ทม.ลำพูน นายกประภัสร์", "ประภัสร์"),
        ("ทต.บ้านกลาง นายก สมชาย", "สมชาย"),
        ("อบต.หางดง ปลัดสมศรี", "สมศรี"),
        ("รองปลัด วิไล (ทม.ลำพูน)", "วิไล"),
        ("ผอ.กองคลัง สุดา", "สุดา"),
        ("น.ส.มาลี บุญมา", "มาลี บุญมา"),
        ("หัวหน้าสำนักปลัด กมล", "กมล"),
    ],
)
def test_display_names_lose_devices_positions_and_offices(display, bare):
    assert clean_display_name(display).best == bare


def test_a_prefix_read_two_ways_keeps_both_readings():
    # นายกมล is Mr Kamon; นายกประภัสร์ is Mayor Praphat: both readings stay for the matcher.
    assert set(clean_display_name("นายกมล ทองดี").variants) == {"กมล ทองดี", "มล ทองดี"}


def test_office_glued_to_the_name_is_cut_at_a_known_place():
    cleaned = clean_display_name("ทต.บ้านกลางนายกสมชาย", places=("บ้านกลาง",))
    assert cleaned.org_mentions == ["บ้านกลาง"]
    assert cleaned.best == "สมชาย"


def test_device_name_with_a_given_name_shared_by_two_people_is_ambiguous(session, network):
    row = propose(session, network, "iPhone ของ วิไล")
    assert row.status == "ambiguous"
    assert row.person_id is None
    assert {c.person_id for c in row.candidates} >= {
        network.people["wilai_bk"],
        network.people["wilai_lp"],
    }


def test_an_office_in_the_display_name_picks_that_office_s_namesake(session, network):
    row = propose(session, network, "ทม.ลำพูน รองปลัดวิไล")
    assert row.status == "matched"
    assert row.person_id == network.people["wilai_lp"]


def test_thai_position_word_glued_to_the_name(session, network):
    row = propose(session, network, "ทม.ลำพูน นายกประภัสร์")
    assert (row.status, row.person_id) == ("matched", network.people["praphat"])


def test_mister_kamon_is_not_read_as_mayor_mon(session, network):
    row = propose(session, network, "นายกมล ทองดี")
    assert (row.status, row.person_id) == ("matched", network.people["kamon"])


def test_renamed_display_name_matches_through_the_original(session, network):
    row = propose(session, network, "เลขาฯ ที่ประชุม", original="มาลี บุญมา")
    assert (row.status, row.person_id) == ("matched", network.people["malee"])


def test_e_mail_matches_whatever_the_name(session, network):
    row = propose(session, network, "Galaxy S23", email="Malee@Example.org")
    assert (row.status, row.via, row.person_id) == ("matched", "email", network.people["malee"])


def test_a_small_typing_fault_still_matches(session, network):
    row = propose(session, network, "ประภัส ภูเจริญ")
    assert (row.status, row.person_id) == ("matched", network.people["praphat"])


def test_an_english_spelling_matches_the_thai_name(session, network):
    row = propose(session, network, "Wilai Srisuk")
    assert row.via == "romanized"
    assert (row.status, row.person_id) == ("matched", network.people["wilai_bk"])


def test_an_english_name_on_the_roster_matches_as_written(session, network):
    row = propose(session, network, "john smith", expected=False)
    assert (row.status, row.person_id) == ("matched", network.people["john"])


def test_a_stranger_is_unknown(session, network):
    row = propose(session, network, "ผู้มาเยือน ไม่รู้จัก")
    assert row.status == "unknown"
    assert row.person_id is None


def test_expected_people_come_before_the_rest_of_the_roster(session, network):
    org = network.organizations["หางดง"]
    stranger = services.create_person(
        session, honorific="นาย", given_name="กมล", family_name="ทองดี", organization_id=org
    )
    row = propose(session, network, "กมล ทองดี")
    assert row.candidates[0].person_id == network.people["kamon"]
    assert stranger.id in {c.person_id for c in row.candidates}
    assert row.status == "ambiguous"  # two people of the same full name: she decides


def test_a_remembered_alias_wins_over_everything(session, network):
    services.remember_alias(session, "iPhone ของ วิไล", network.people["wilai_lp"])
    row = propose(session, network, "iPhone ของ วิไล")
    assert (row.status, row.via, row.person_id) == ("matched", "alias", network.people["wilai_lp"])


def test_royal_institute_spelling_works_offline():
    # pythainlp's royin engine is rules, no download: the English-spelling match needs it.
    assert romanized("วิไล ศรีสุข") == "wilai srisuk"
