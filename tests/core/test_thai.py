"""Thai presentation: what a secretary reads on every page must be exactly right."""

from datetime import date, time

import pytest

from desktop.core.thai import (
    be_year,
    format_duration_minutes,
    format_meeting_number,
    format_thai_date,
    format_thai_date_long,
    format_thai_date_short,
    format_thai_time,
    full_name,
    normalize_text,
    parse_date,
    parse_time,
    split_full_name,
    thai_sort_key,
    to_arabic_digits,
    to_thai_digits,
)


def test_buddhist_era_is_the_gregorian_year_plus_543():
    assert be_year(date(2022, 8, 3)) == 2565
    assert be_year(2024) == 2567
    assert be_year(date(1999, 12, 31)) == 2542


def test_long_date_names_the_weekday_as_the_minutes_write_it():
    # 3 August 2022 was a Wednesday.
    assert format_thai_date_long(date(2022, 8, 3)) == "วันพุธที่ 3 สิงหาคม 2565"
    assert format_thai_date_long(date(2024, 2, 14)) == "วันพุธที่ 14 กุมภาพันธ์ 2567"
    # The leap day of 2024 was a Thursday.
    assert format_thai_date_long(date(2024, 2, 29)) == "วันพฤหัสบดีที่ 29 กุมภาพันธ์ 2567"
    assert format_thai_date_long(date(2023, 1, 1)) == "วันอาทิตย์ที่ 1 มกราคม 2566"


@pytest.mark.parametrize(
    ("day", "full", "short"),
    [
        (date(2022, 8, 3), "3 สิงหาคม 2565", "3 ส.ค. 2565"),
        (date(2024, 2, 29), "29 กุมภาพันธ์ 2567", "29 ก.พ. 2567"),
        (date(2024, 12, 31), "31 ธันวาคม 2567", "31 ธ.ค. 2567"),
        (date(2025, 4, 13), "13 เมษายน 2568", "13 เม.ย. 2568"),
    ],
)
def test_full_and_short_dates(day, full, short):
    assert format_thai_date(day) == full
    assert format_thai_date_short(day) == short


def test_times_use_a_full_stop_and_the_word_for_hours():
    assert format_thai_time(time(9, 30)) == "09.30 น."
    assert format_thai_time(time(13, 5)) == "13.05 น."
    assert format_thai_time(time(0, 0)) == "00.00 น."
    assert format_thai_time(time(9, 30), suffix=False) == "09.30"
    assert format_thai_time(None) == ""


def test_meeting_number_is_counted_within_the_buddhist_era_year():
    assert format_meeting_number(1, date(2022, 8, 3)) == "ครั้งที่ 1/2565"
    assert format_meeting_number(12, date(2024, 12, 31)) == "ครั้งที่ 12/2567"
    assert format_meeting_number(None, date(2024, 1, 1)) == ""


def test_thai_digits_replace_every_digit_on_the_switch():
    assert to_thai_digits("ครั้งที่ 1/2565 เวลา 09.30 น.") == "ครั้งที่ ๑/๒๕๖๕ เวลา ๐๙.๓๐ น."
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert format_thai_date_long(date(2022, 8, 3), thai_digits=True) == "วันพุธที่ ๓ สิงหาคม ๒๕๖๕"
    assert format_thai_time(time(9, 30), thai_digits=True) == "๐๙.๓๐ น."
    assert format_meeting_number(1, date(2022, 8, 3), thai_digits=True) == "ครั้งที่ ๑/๒๕๖๕"
    assert not any(
        c.isascii() and c.isdigit()
        for c in format_thai_date_short(date(2024, 2, 29), thai_digits=True)
    )


def test_durations_in_hours_and_minutes():
    assert format_duration_minutes(125) == "2 ชั่วโมง 5 นาที"
    assert format_duration_minutes(45) == "45 นาที"
    assert format_duration_minutes(60) == "1 ชั่วโมง"


def test_thai_honorific_is_written_against_the_name_and_english_takes_a_space():
    assert full_name("นาย", "ประภัสร์", "ภู่เจริญ") == "นายประภัสร์ ภู่เจริญ"
    assert full_name("นางสาว", "มาลี", "บุญมา") == "นางสาวมาลี บุญมา"
    assert full_name("ดร.", "สมชาย", "ใจดี") == "ดร.สมชาย ใจดี"
    assert full_name("Mr.", "John", "Smith") == "Mr. John Smith"
    assert full_name("Dr.", "Anna", None) == "Dr. Anna"
    assert full_name(None, "วิไล", "ศรีสุข") == "วิไล ศรีสุข"
    assert full_name("", "วิไล", "") == "วิไล"


def test_a_full_name_splits_into_honorific_given_and_family():
    assert split_full_name("นางสาวมาลี บุญมา") == ("นางสาว", "มาลี", "บุญมา")
    assert split_full_name("นายประภัสร์ ภู่เจริญ") == ("นาย", "ประภัสร์", "ภู่เจริญ")
    assert split_full_name("นางมาลี บุญมา") == ("นาง", "มาลี", "บุญมา")
    assert split_full_name("ว่าที่ร้อยตรีณัฐพงษ์ ใจดี") == ("ว่าที่ร้อยตรี", "ณัฐพงษ์", "ใจดี")
    assert split_full_name("Mr. John van Dijk") == ("Mr.", "John", "van Dijk")
    assert split_full_name("สมชาย") == ("", "สมชาย", "")


def test_normalisation_mends_the_common_thai_typing_faults():
    # SARA AM typed as NIKHAHIT + SARA AA.
    assert normalize_text("น\u0e49\u0e4d\u0e32") == "น\u0e49\u0e33"
    assert normalize_text("ท\u0e4d\u0e32งาน") == "ทำงาน"
    # Two SARA E typed for SARA AE.
    assert normalize_text("\u0e40\u0e40ม่") == "แม่"
    # A doubled tone mark.
    assert normalize_text("ก\u0e48\u0e48า") == "ก\u0e48า"
    # Decomposed Latin is composed (NFC); zero-width spaces go.
    assert normalize_text("Cafe\u0301") == "Café"
    assert normalize_text("ประ\u200bชุม") == "ประชุม"


def test_normalisation_keeps_the_secretarys_spacing_and_line_breaks():
    text = "บรรทัดแรก\nบรรทัดที่สอง  ย่อหน้า\tแท็บ"
    assert normalize_text(text) == text


# Ordered as ICU's Thai collator (th locale) orders them.
ICU_THAI_ORDER = [
    "กมล",
    "กา",
    "ก่า",
    "ก้า",
    "เก",
    "เกษม",
    "แก",
    "โก",
    "ใกล้",
    "ไก่",
    "ขนม",
    "ทานตะวัน",
    "ประภัสร์",
    "เป็ด",
    "ไพโรจน์",
    "มาลี",
    "วันที่",
    "วัว",
    "หมู",
    "อรุณี",
    "ฮก",
]


def test_names_sort_in_thai_dictionary_order():
    shuffled = list(reversed(ICU_THAI_ORDER))
    shuffled[3], shuffled[10] = shuffled[10], shuffled[3]
    assert sorted(shuffled, key=thai_sort_key) == ICU_THAI_ORDER


def test_the_vowels_above_and_below_count_at_the_first_level():
    # The old key dropped them at the first level and put these pairs the wrong way round.
    assert sorted(["บุญมี", "บุญมา"], key=thai_sort_key) == ["บุญมา", "บุญมี"]
    assert sorted(["ปรีชา", "ประภัสร์"], key=thai_sort_key) == ["ประภัสร์", "ปรีชา"]
    assert sorted(["สืบศักดิ์", "สมชาย"], key=thai_sort_key) == ["สมชาย", "สืบศักดิ์"]
    assert sorted(["อุไร", "อำไพ"], key=thai_sort_key) == ["อำไพ", "อุไร"]
    # SARA AM is SARA AA and NIKHAHIT, after every consonant that follows SARA AA.
    assert sorted(["กำ", "กาฮ", "กิ"], key=thai_sort_key) == ["กาฮ", "กำ", "กิ"]


def test_tone_marks_count_only_when_the_letters_are_the_same():
    assert sorted(["ก้า", "กาก", "ก่า", "กา"], key=thai_sort_key) == ["กา", "ก่า", "ก้า", "กาก"]
    assert sorted(["ปู่", "ปู", "ปูน"], key=thai_sort_key) == ["ปู", "ปู่", "ปูน"]


def test_the_whole_name_list_sorts_as_icu_sorts_it():
    import random

    import icu  # a test dependency (pyproject's `test` extra); the app never imports it

    from tests.core.thai_names import words

    names = words()
    assert len(names) >= 400
    random.Random(16).shuffle(names)
    collator = icu.Collator.createInstance(icu.Locale("th_TH"))
    expected = sorted(names, key=collator.getSortKey)
    ours = sorted(names, key=thai_sort_key)
    # Where ICU finds two names equal (`Anna Lee`, `AnnaLee`) either order is ICU's.
    wrong = [
        (i, a, b)
        for i, (a, b) in enumerate(zip(ours, expected, strict=True))
        if collator.compare(a, b) != 0
    ]
    assert wrong == []


def test_leading_vowels_sort_by_the_consonant_after_them():
    names = ["ไพโรจน์", "ประภัสร์", "ทานตะวัน", "เกษม", "กมล"]
    assert sorted(names, key=thai_sort_key) == ["กมล", "เกษม", "ทานตะวัน", "ประภัสร์", "ไพโรจน์"]


def test_the_database_sorts_names_as_python_does(session):
    """SQLite's `thai` collation is Python's; the server's is ICU's th-TH, on every
    column of names and by the same name in a query."""
    from sqlalchemy import text

    from desktop.core import services

    shuffled = list(reversed(ICU_THAI_ORDER))
    shuffled[3], shuffled[10] = shuffled[10], shuffled[3]
    for name in shuffled:
        services.create_organization(session, name=name)
    session.flush()
    by_query = session.execute(text("SELECT name FROM organizations ORDER BY name COLLATE thai"))
    assert list(by_query.scalars()) == ICU_THAI_ORDER
    if session.bind.dialect.name == "postgresql":  # the column's own collation
        by_column = session.execute(text("SELECT name FROM organizations ORDER BY name"))
        assert list(by_column.scalars()) == ICU_THAI_ORDER


def test_dates_and_times_typed_by_people_are_understood():
    assert parse_date("2022-08-03") == date(2022, 8, 3)
    assert parse_date("3/8/2565") == date(2022, 8, 3)
    assert parse_date("๓/๘/๒๕๖๕") == date(2022, 8, 3)
    assert parse_date("03/08/2022") == date(2022, 8, 3)
    assert parse_time("09:30") == time(9, 30)
    assert parse_time("9.30 น.") == time(9, 30)
    # Typed as on a clock, without the full stop (a walk-through lost these silently).
    assert parse_time("0930") == time(9, 30)
    assert parse_time("930") == time(9, 30)
    assert parse_time("๑๒๐๐") == time(12, 0)
    for wrong in ("2500", "0975", "93", "12345"):
        with pytest.raises(ValueError):
            parse_time(wrong)
    with pytest.raises(ValueError):
        parse_date("31/2/2567")
    with pytest.raises(ValueError):
        parse_time("25:00")


def test_thai_digits_sort_as_digits_and_latin_names_after_thai():
    words = ["John", "ไก่", "ก๒", "ก1", "กา", "Anna", "ข", "ก 3"]
    assert sorted(words, key=thai_sort_key) == ["ก1", "ก๒", "ก 3", "กา", "ไก่", "ข", "Anna", "John"]


def test_spaces_and_punctuation_count_only_to_break_ties():
    assert sorted(["-ข", "ก", "(ค)"], key=thai_sort_key) == ["ก", "-ข", "(ค)"]


def test_a_latin_honorific_is_a_word_of_its_own():
    assert split_full_name("Missy Elliott") == ("", "Missy", "Elliott")
    assert split_full_name("Miss Ann Lee") == ("Miss", "Ann", "Lee")
