"""Teams attendance reports: the sectioned UTF-16 report and the 2020 action log."""

from __future__ import annotations

from datetime import datetime

import pytest
from report_files import write_text

from desktop.core.errors import PrachumError
from desktop.imports.report_cli import read_report
from desktop.imports.reports import parse_minutes

SECTIONED = """\
1. Summary
Meeting title\tการประชุมเครือข่ายทดสอบ
Attended participants\t3
Start time\t2/14/24, 9:00:02 AM
End time\t2/14/24, 12:03:41 PM
Meeting duration\t3h 3m 39s

2. Participants
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
มาลี บุญมา\t2/14/24, 9:00:02 AM\t2/14/24, 12:03:41 PM\t3h 3m 39s\tmalee@example.org\tmalee@example.org\tOrganizer
สมชาย ใจดี (Guest)\t2/14/24, 9:21:40 AM\t2/14/24, 12:03:30 PM\t2h 39m 4s\t\t\tAttendee
Wilai Srisuk\t2/14/24, 9:40:00 AM\t2/14/24, 11:58:12 AM\t2h 18m 12s\t\t\tAttendee

3. In-Meeting Activities
Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole
มาลี บุญมา\t2/14/24, 9:00:02 AM\t2/14/24, 12:03:41 PM\t3h 3m 39s\tmalee@example.org\tOrganizer
สมชาย ใจดี (Guest)\t2/14/24, 9:21:40 AM\t2/14/24, 10:02:11 AM\t40m 31s\t\tAttendee
สมชาย ใจดี (Guest)\t2/14/24, 10:05:03 AM\t2/14/24, 12:03:30 PM\t1h 58m 27s\t\tAttendee
Wilai Srisuk\t2/14/24, 9:40:00 AM\t2/14/24, 11:58:12 AM\t2h 18m 12s\t\tAttendee
"""


def by_name(report):
    return {p.name: p for p in report.participants}


def test_sectioned_report_in_utf16_with_tabs(tmp_path):
    path = write_text(tmp_path / "meetingAttendanceReport.csv", SECTIONED, "utf-16-le", bom=True)
    assert path.read_bytes()[:2] == b"\xff\xfe"
    report = read_report(path)
    assert report.platform == "teams"
    assert report.title == "การประชุมเครือข่ายทดสอบ"
    assert report.start == datetime(2024, 2, 14, 9, 0, 2)
    people = by_name(report)
    assert set(people) == {"มาลี บุญมา", "สมชาย ใจดี", "Wilai Srisuk"}
    assert people["มาลี บุญมา"].email == "malee@example.org"
    somchai = people["สมชาย ใจดี"]  # the (Guest) suffix is not part of the name
    assert (somchai.joined, somchai.left) == (
        datetime(2024, 2, 14, 9, 21, 40),
        datetime(2024, 2, 14, 12, 3, 30),
    )
    assert somchai.minutes == 159  # from the activities: the gap is not counted


def test_participants_section_alone_uses_the_in_meeting_duration(tmp_path):
    only_participants = SECTIONED.split("3. In-Meeting Activities", maxsplit=1)[0]
    report = read_report(write_text(tmp_path / "r.csv", only_participants, "utf-16-le", bom=True))
    somchai = by_name(report)["สมชาย ใจดี"]
    assert somchai.joined == datetime(2024, 2, 14, 9, 21, 40)
    assert somchai.minutes == 159  # 2h 39m 4s, not first join to last leave (2h 42m)


def test_older_header_case_is_read_alike(tmp_path):
    text = (
        SECTIONED.replace("First Join", "First join")
        .replace("Last Leave", "Last leave")
        .replace("In-Meeting Duration", "In-meeting duration")
        .split("3. In-Meeting Activities")[0]
    )
    report = read_report(write_text(tmp_path / "r.csv", text, "utf-16-le", bom=True))
    assert len(report.participants) == 3


def test_the_2020_action_log_pairs_joins_and_leaves(tmp_path):
    text = """\
Full Name\tUser Action\tTimestamp
มาลี บุญมา\tJoined\t2/14/2024, 9:00:02 AM
สมชาย ใจดี\tJoined before\t2/14/2024, 9:00:05 AM
สมชาย ใจดี\tLeft\t2/14/2024, 10:00:05 AM
สมชาย ใจดี\tJoined\t2/14/2024, 10:30:05 AM
Wilai Srisuk (Guest)\tJoined\t2/14/2024, 9:40:00 AM
Wilai Srisuk (Guest)\tLeft\t2/14/2024, 11:58:12 AM
มาลี บุญมา\tLeft\t2/14/2024, 12:00:02 PM
สมชาย ใจดี\tLeft\t2/14/2024, 11:30:05 AM
"""
    report = read_report(write_text(tmp_path / "attendance.csv", text, "utf-16-le", bom=True))
    assert report.platform == "teams"
    people = by_name(report)
    assert list(people) == ["มาลี บุญมา", "สมชาย ใจดี", "Wilai Srisuk"]
    assert people["มาลี บุญมา"].minutes == 180
    somchai = people["สมชาย ใจดี"]
    assert somchai.joins == 2
    assert somchai.minutes == 120
    assert somchai.left == datetime(2024, 2, 14, 11, 30, 5)


def test_someone_still_in_the_meeting_stays_until_the_last_line(tmp_path):
    text = """\
Full Name\tUser Action\tTimestamp
มาลี บุญมา\tJoined\t2/14/2024, 9:00:00 AM
สมชาย ใจดี\tJoined\t2/14/2024, 9:30:00 AM
สมชาย ใจดี\tLeft\t2/14/2024, 11:00:00 AM
"""
    report = read_report(write_text(tmp_path / "a.csv", text, "utf-8"))
    assert by_name(report)["มาลี บุญมา"].left == datetime(2024, 2, 14, 11, 0)


def test_an_action_log_without_any_action_is_refused(tmp_path):
    text = "Full Name\tUser Action\tTimestamp\nมาลี บุญมา\tMuted\t2/14/2024, 9:00:00 AM\n"
    with pytest.raises(PrachumError, match="no join or leave"):
        read_report(write_text(tmp_path / "a.csv", text, "utf-16-le", bom=True))


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h 27m 51s", 87 + 51 / 60),
        ("40m 31s", 40 + 31 / 60),
        ("45s", 0.75),
        ("2:48:39", 168 + 39 / 60),
        ("169", 169),
        ("1 ชม. 5 นาที", 65),
        ("", None),
    ],
)
def test_durations_in_every_written_form(text, minutes):
    assert parse_minutes(text) == pytest.approx(minutes) if minutes else parse_minutes(text) is None
