"""Zoom participant reports: every layout, encoding and date order the portal writes."""

from __future__ import annotations

from datetime import datetime

import pytest
from report_files import ZOOM_CLASSIC, write_text, write_xlsx

from desktop.core.errors import PrachumError
from desktop.imports.report_cli import read_report
from desktop.imports.reports import split_original_name


def by_name(report):
    return {p.name: p for p in report.participants}


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", True), ("utf-8", False), ("utf-16-le", True), ("utf-16-be", True)],
)
def test_classic_report_reads_the_same_in_every_encoding(tmp_path, encoding, bom):
    path = write_text(tmp_path / "participants.csv", ZOOM_CLASSIC, encoding, bom)
    report = read_report(path)
    assert report.platform == "zoom"
    assert report.title == "การประชุมเครือข่ายทดสอบ ครั้งที่ 2"
    assert report.start == datetime(2024, 2, 14, 9, 0, 2)
    assert report.end == datetime(2024, 2, 14, 12, 3, 41)
    people = by_name(report)
    assert people["มาลี บุญมา"].email == "malee@example.org"
    assert people["มาลี บุญมา"].minutes == 184
    assert people["iPhone ของ วิไล"].joined == datetime(2024, 2, 14, 9, 40)


def test_rejoins_merge_into_first_join_last_leave_and_the_minutes_between(tmp_path):
    report = read_report(write_text(tmp_path / "p.csv", ZOOM_CLASSIC))
    somchai = by_name(report)["ทต.บ้านกลาง นายก สมชาย"]
    assert somchai.original_name == "สมชาย ใจดี"
    assert somchai.joins == 2
    assert somchai.joined == datetime(2024, 2, 14, 9, 21, 40)
    assert somchai.left == datetime(2024, 2, 14, 12, 3, 30)
    # 40m31s + 1h58m27s, not the 2h42m from first join to last leave.
    assert somchai.minutes == 159


def test_two_devices_at_once_are_not_counted_twice(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
กมล ทองดี,,02/14/2024 09:00:00 AM,02/14/2024 10:00:00 AM,60,No
กมล ทองดี,,02/14/2024 09:30:00 AM,02/14/2024 10:30:00 AM,60,No
กมล ทองดี,,02/14/2024 11:00:00 AM,02/14/2024 11:10:00 AM,10,No
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    (kamon,) = report.participants
    assert kamon.minutes == 100  # 9:00-10:30 and 11:00-11:10


def test_waiting_room_rows_do_not_count_as_attendance(tmp_path):
    report = read_report(write_text(tmp_path / "p.csv", ZOOM_CLASSIC))
    assert "คนรอ ในห้องรอ" not in by_name(report)
    assert report.skipped_waiting_room == 1
    assert any("waiting-room" in note for note in report.notes)


def test_renamed_names_keep_the_original_from_the_last_balanced_brackets():
    assert split_original_name("สมชาย (นายก) (สมชาย ใจดี)") == ("สมชาย (นายก)", "สมชาย ใจดี")
    assert split_original_name("ปลัด (ทต.) มาลี (มาลี (เล็ก) บุญมา)") == (
        "ปลัด (ทต.) มาลี",
        "มาลี (เล็ก) บุญมา",
    )
    assert split_original_name("วิไล (ลำพูน") == ("วิไล (ลำพูน", None)
    assert split_original_name("(กมล ทองดี)") == ("กมล ทองดี", None)


def test_renamed_name_with_nested_brackets_in_a_report(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
ปลัด (ทต.บ้านกลาง) มาลี (มาลี (เล็ก) บุญมา),,02/14/2024 09:00:00 AM,02/14/2024 10:00:00 AM,60,No
"""
    (malee,) = read_report(write_text(tmp_path / "p.csv", text)).participants
    assert malee.name == "ปลัด (ทต.บ้านกลาง) มาลี"
    assert malee.original_name == "มาลี (เล็ก) บุญมา"


def test_newer_portal_layout_with_lower_case_headers(tmp_path):
    text = """\
Topic,ID,Host,Duration (minutes),Start time,End time,Participants
ประชุมเครือข่าย,812 3456 7890,เลขานุการ,120,02/14/2024 09:00 AM,02/14/2024 11:00 AM,2

Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,Recording disclaimer response,In waiting room
สุดา วงศ์ใหญ่,,02/14/2024 09:05 AM,02/14/2024 10:55 AM,110,No,OK,No
สุดา วงศ์ใหญ่,,02/14/2024 08:55 AM,02/14/2024 09:00 AM,5,No,OK,Yes
"""
    report = read_report(write_text(tmp_path / "p.csv", text, "utf-8", bom=True))
    assert report.title == "ประชุมเครือข่าย"
    (suda,) = report.participants
    assert (suda.joined, suda.left, suda.minutes) == (
        datetime(2024, 2, 14, 9, 5),
        datetime(2024, 2, 14, 10, 55),
        110,
    )


def test_headers_are_matched_by_name_not_position_and_in_any_case(tmp_path):
    text = """\
GUEST,LEAVE TIME,name (original name),JOIN TIME,user email
No,02/14/2024 10:00,กมล ทองดี,02/14/2024 09:00,kamon@example.org
"""
    (kamon,) = read_report(write_text(tmp_path / "p.csv", text)).participants
    assert kamon.email == "kamon@example.org"
    assert kamon.joined == datetime(2024, 2, 14, 9, 0)
    assert kamon.left == datetime(2024, 2, 14, 10, 0)


def test_unknown_time_headers_are_recognised_by_their_dates(tmp_path):
    text = """\
Name (Original Name),Eintritt,Austritt,Dauer
กมล ทองดี,02/14/2024 09:00,02/14/2024 10:00,60
"""
    (kamon,) = read_report(write_text(tmp_path / "p.csv", text)).participants
    assert kamon.joined == datetime(2024, 2, 14, 9, 0)
    assert kamon.minutes == 60


def test_unique_users_variant_gives_minutes_without_times(tmp_path):
    text = """\
Name (Original Name),User Email,Total Duration (Minutes),Guest
มาลี บุญมา,malee@example.org,184,No
iPhone ของ วิไล,,139,Yes
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    people = by_name(report)
    assert people["มาลี บุญมา"].minutes == 184
    assert people["มาลี บุญมา"].joined is None
    assert any("unique users" in note for note in report.notes)


def test_day_first_dates_are_read_day_first_when_the_month_would_be_impossible(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
กมล ทองดี,,03/02/2024 09:00:00,03/02/2024 10:00:00,60,No
สุดา วงศ์ใหญ่,,14/02/2024 09:00:00,14/02/2024 10:00:00,60,No
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    assert report.date_order == "dmy"
    assert by_name(report)["กมล ทองดี"].joined == datetime(2024, 2, 3, 9, 0)
    assert not any("ambiguous" in note.lower() for note in report.notes)


def test_a_file_where_nothing_decides_the_date_order_says_so(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
กมล ทองดี,,03/02/2024 09:00:00 AM,03/02/2024 01:00:00 PM,240,No
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    (kamon,) = report.participants
    assert kamon.joined == datetime(2024, 3, 2, 9, 0)
    assert kamon.left == datetime(2024, 3, 2, 13, 0)
    assert any("ambiguous" in note.lower() for note in report.notes)


def test_a_file_mixing_date_orders_is_refused(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
กมล ทองดี,,02/14/2024 09:00,02/14/2024 10:00,60,No
สุดา วงศ์ใหญ่,,14/02/2024 09:00,14/02/2024 10:00,60,No
"""
    with pytest.raises(PrachumError, match="mixes"):
        read_report(write_text(tmp_path / "p.csv", text))


def test_a_report_saved_as_xlsx_reads_like_the_csv(tmp_path):
    rows = [
        ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)"],
        ["กมล ทองดี", None, datetime(2024, 2, 14, 9, 0), datetime(2024, 2, 14, 10, 0), 60],
    ]
    (kamon,) = read_report(write_xlsx(tmp_path / "p.xlsx", rows)).participants
    assert (kamon.joined, kamon.minutes) == (datetime(2024, 2, 14, 9, 0), 60)


def test_a_duration_that_is_no_length_of_time_is_left_blank(tmp_path):
    text = """\
Name (Original Name),User Email,Total Duration (Minutes),Guest
มาลี บุญมา,,1e309,No
กมล ทองดี,,nan,No
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    assert [p.minutes for p in report.participants] == [None, None]
