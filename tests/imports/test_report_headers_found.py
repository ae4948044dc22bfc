"""Reports in the layouts found in public parsers of real downloads.

Each file here is our own (our people, our times); its header row, column order, action
words and date style are those that public code written against real downloads reads.
The project's notes say where each was found.
"""

from __future__ import annotations

from datetime import date, datetime

from report_files import write_text

from desktop.imports.report_cli import read_report
from desktop.imports.sheets import read_table
from desktop.imports.zoom import find_participant_header

MEETING_DAY = date(2024, 2, 14)


def by_name(report):
    return {p.name: p for p in report.participants}


def test_zoom_japanese_account_with_its_own_duration_column(tmp_path):
    # `所要時間（分）` in full-width brackets; times `2020/12/8 8:35` (no seconds, no zero).
    text = (
        "名前 (元の名前),ユーザーメール,参加時刻,退出時刻,所要時間（分）\n"
        "มาลี บุญมา,malee@example.org,2024/2/14 8:35,2024/2/14 12:39,245\n"
        "田中 花子,hanako@example.jp,2024/2/14 9:07,2024/2/14 9:11,5\n"
        "田中 花子,hanako@example.jp,2024/2/14 9:30,2024/2/14 10:00,30\n"
    )
    report = read_report(write_text(tmp_path / "participants.csv", text, bom=True))
    people = by_name(report)
    assert report.platform == "zoom"
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 8, 35)
    assert people["มาลี บุญมา"].minutes == 244  # 8.35 to 12.39 by the clock
    assert people["田中 花子"].joins == 2
    assert people["田中 花子"].minutes == 34
    assert people["田中 花子"].email == "hanako@example.jp"
    assert not any("does not know" in n for n in report.notes)
    # Zoom's own minutes column is known, not passed over as an unknown one.
    header = find_participant_header(read_table(tmp_path / "participants.csv").rows)
    assert header is not None and header.columns["duration"] == 4


def test_zoom_korean_account_as_its_parsers_read_it(tmp_path):
    text = (
        "이름(원래 이름),사용자 이메일,참가 시간,나간 시간,기간(분),게스트,대기실\n"
        "กมล ทองดี (กมล),kamon@example.org,2024-02-14 9:05,2024-02-14 11:35,150,아니요,아니요\n"
        "김민준,,2024-02-14 9:10,2024-02-14 9:40,30,예,아니요\n"
    )
    people = by_name(read_report(write_text(tmp_path / "p.csv", text)))
    assert people["กมล ทองดี"].original_name == "กมล"
    assert people["กมล ทองดี"].left == datetime(2024, 2, 14, 11, 35)
    assert people["김민준"].minutes == 30


def test_zoom_one_line_export_reads_the_participant_not_the_host(tmp_path):
    # Meeting and participant on every row: the host's User Name, User Email and the
    # meeting's Duration come first, the participant's columns after Name (Original Name).
    header = (
        "Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,"
        "Creation Time,Start Time,End Time,Duration (Minutes),Participants,"
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
        "Recording Consent,In Waiting Room,Marketing Opt-In"
    )
    meeting = (
        "ประชุมเครือข่าย,852 1848 6288,Secretary Host,host@example.org,กองกลาง,ABC,No,"
        "13/02/2024 16:27,14/02/2024 09:00,14/02/2024 12:00,180,3"
    )
    text = "\n".join(
        [
            header,
            f"{meeting},มาลี บุญมา,malee@example.org,14/02/2024 09:02,14/02/2024 11:58,176,No,,No,-",
            f"{meeting},Deniz Kaya,deniz@example.org,14/02/2024 09:30,14/02/2024 10:15,45,Yes,,No,-",
            f"{meeting},คนรอ ในห้องรอ,,14/02/2024 09:00,14/02/2024 09:01,1,Yes,,Yes,-",
            "",
        ]
    )
    report = read_report(write_text(tmp_path / "meeting.csv", text), MEETING_DAY)
    people = by_name(report)
    assert set(people) == {"มาลี บุญมา", "Deniz Kaya"}
    assert people["มาลี บุญมา"].email == "malee@example.org"
    assert people["มาลี บุญมา"].minutes == 176
    assert people["Deniz Kaya"].joined == datetime(2024, 2, 14, 9, 30)
    assert people["Deniz Kaya"].guest is True
    assert report.title == "ประชุมเครือข่าย"
    assert report.start == datetime(2024, 2, 14, 9, 0)
    assert report.skipped_waiting_room == 1


def test_zoom_webinar_attendee_columns_with_phone_and_source(tmp_path):
    text = (
        "Attendee Details,\n"
        "Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,"
        "Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,"
        "Country/Region Name,Source Name,\n"
        'Yes,สุดา วงศ์ใหญ่,สุดา,วงศ์ใหญ่,suda@example.org,0812345678,"Feb 10, 2024 10:00:00",'
        'approved,"Feb 14, 2024 09:13:27","Feb 14, 2024 10:30:00",77,Yes,Thailand,Direct,\n'
        'No,เกษม สุขเกษม,เกษม,สุขเกษม,kasem@example.org,,"Feb 11, 2024 11:00:00",'
        "approved,--,--,--,--,--,Direct,\n"
    )
    report = read_report(write_text(tmp_path / "attendee.csv", text))
    (suda,) = report.participants
    assert (suda.name, suda.minutes, suda.joined) == (
        "สุดา วงศ์ใหญ่",
        77,
        datetime(2024, 2, 14, 9, 13, 27),
    )
    assert any("did not attend" in n for n in report.notes)


def test_teams_2020_list_in_english_as_downloaded(tmp_path):
    text = (
        "Full Name\tUser Action\tTimestamp\n"
        "สมชาย ใจดี\tJoined\t2/14/2024, 9:00:05 AM\n"
        "Deniz Kaya\tJoined before\t2/14/2024, 9:00:05 AM\n"
        "สมชาย ใจดี\tLeft\t2/14/2024, 10:00:05 AM\n"
        "สมชาย ใจดี\tJoined\t2/14/2024, 10:30:05 AM\n"
        "Deniz Kaya\tLeft\t2/14/2024, 11:00:05 AM\n"
        "สมชาย ใจดี\tLeft\t2/14/2024, 11:00:05 AM\n"
    )
    path = write_text(tmp_path / "meetingAttendanceList.csv", text, "utf-16-le", bom=True)
    report = read_report(path, MEETING_DAY)
    people = by_name(report)
    assert report.platform == "teams"
    assert people["สมชาย ใจดี"].minutes == 90  # two stays, the gap not counted
    assert people["สมชาย ใจดี"].joins == 2
    assert people["Deniz Kaya"].joined == datetime(2024, 2, 14, 9, 0, 5)
    assert people["Deniz Kaya"].minutes == 120


def test_teams_2020_list_in_spanish_with_its_own_words(tmp_path):
    # `Unido`, `Se unió antes`, `Abandonó`; day first, no leading zero: `25/3/2021 13:48:29`.
    text = (
        "Nombre completo\tAcción del usuario\tMarca de tiempo\n"
        "Pepa Pérez\tSe unió antes\t3/2/2024 9:00:00\n"
        "กมล ทองดี\tUnido\t3/2/2024 9:10:00\n"
        "กมล ทองดี\tAbandonó\t3/2/2024 10:40:00\n"
        "Pepa Pérez\tAbandonó\t3/2/2024 11:00:00\n"
    )
    path = write_text(tmp_path / "asistencia.csv", text, "utf-16-le", bom=True)
    report = read_report(path)
    people = by_name(report)
    assert set(people) == {"Pepa Pérez", "กมล ทองดี"}
    assert people["กมล ทองดี"].joined == datetime(2024, 2, 3, 9, 10)
    assert people["กมล ทองดี"].left == datetime(2024, 2, 3, 10, 40)
    assert people["Pepa Pérez"].minutes == 120
    assert report.date_order == "dmy"


def test_microsoft_forms_sheet_with_its_own_columns_first(tmp_path):
    # Microsoft writes `ID, Start time, Completion time, Email, Name`, then the questions.
    text = (
        "ID,Start time,Completion time,Email,Name,ชื่อ-สกุล,ตำแหน่ง,หน่วยงาน,Your email address\n"
        "1,2/14/24 9:01:10,2/14/24 9:02:30,anonymous,anonymous,นายสมชาย ใจดี,นายก,ทต.บ้านกลาง,"
        "somchai@example.org\n"
        "2,2/14/24 9:05:00,2/14/24 9:06:45,malee@example.org,มาลี บุญมา,มาลี บุญมา,ปลัด,"
        "อบต.ทุ่งใหญ่,\n"
    )
    report = read_report(write_text(tmp_path / "responses.csv", text), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "form"
    assert set(people) == {"นายสมชาย ใจดี นายก ทต.บ้านกลาง", "มาลี บุญมา ปลัด อบต.ทุ่งใหญ่"}
    assert people["นายสมชาย ใจดี นายก ทต.บ้านกลาง"].joined == datetime(2024, 2, 14, 9, 2, 30)


def test_teams_live_event_report_as_downloaded(tmp_path):
    # No spaces in the header, times `1/25/2022 4:48:08 PM` in UTC, the id an address.
    text = (
        "SessionId,ParticipantId,FullName,UserAgent,UtcEventTimestamp,Action,Role\n"
        "518ca2fd-1111,malee@example.org,มาลี บุญมา,Mozilla/5.0,2/14/2024 2:05:08 AM,Joined,Attendee\n"
        "518ca2fd-1111,deniz@example.org,Deniz Kaya,SignalR,2/14/2024 2:10:00 AM,Joined,Attendee\n"
        "518ca2fd-1111,malee@example.org,มาลี บุญมา,Mozilla/5.0,2/14/2024 3:35:08 AM,Left,Attendee\n"
    )
    report = read_report(write_text(tmp_path / "AttendeeReport.csv", text), MEETING_DAY)
    people = by_name(report)
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 9, 5, 8)  # 02:05 UTC
    assert people["มาลี บุญมา"].minutes == 90
    assert people["มาลี บุญมา"].email == "malee@example.org"
    # Never seen leaving: present until the report's last line.
    assert people["Deniz Kaya"].left == datetime(2024, 2, 14, 10, 35, 8)


def test_google_meet_later_sheet_with_time_in_call_and_first_seen(tmp_path):
    text = (
        "* Meeting code: abc-defg-hij\n"
        "* Created on 2024-02-14 09:00\n"
        "\n"
        "Full name,Email,Time in call,First seen\n"
        "มาลี บุญมา,malee@example.org,1:02:30,9:01 AM\n"
        "Kaya Deniz,deniz@example.org,45 min,9:15 AM\n"
    )
    report = read_report(write_text(tmp_path / "meet.csv", text), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "meet"
    assert people["มาลี บุญมา"].minutes == 62
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 9, 1)
    assert people["Kaya Deniz"].minutes == 45


TEAMS_THREE_SECTIONS = """\
1. Summary
Meeting title\tประชุมเครือข่าย ครั้งที่ 2
Attended participants\t2
Start time\t2/14/24, 9:00:11 AM
End time\t2/14/24, 11:31:02 AM
Meeting duration\t2h 30m 51s

2. Participants
Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole
กมล ทองดี\t2/14/24, 9:02:11 AM\t2/14/24, 11:30:02 AM\t2h 7m 51s\tkamon@example.org\tkamon@example.org\tAttendee
Deniz Kaya\t2/14/24, 9:00:11 AM\t2/14/24, 11:31:02 AM\t2h 30m 51s\tdeniz@example.org\tdeniz@example.org\tOrganizer

3. In-Meeting Activities
Name\tJoin time\tLeave time\tDuration\tEmail\tRole
กมล ทองดี\t2/14/24, 9:02:11 AM\t2/14/24, 10:00:00 AM\t57m 49s\tkamon@example.org\tAttendee
กมล ทองดี\t2/14/24, 10:20:00 AM\t2/14/24, 11:30:02 AM\t1h 10m 2s\tkamon@example.org\tAttendee
Deniz Kaya\t2/14/24, 9:00:11 AM\t2/14/24, 11:31:02 AM\t2h 30m 51s\tdeniz@example.org\tOrganizer
"""


def test_teams_three_section_report_reads_the_activities(tmp_path):
    path = write_text(
        tmp_path / "meetingAttendanceReport.csv", TEAMS_THREE_SECTIONS, "utf-16-le", bom=True
    )
    report = read_report(path, MEETING_DAY)
    people = by_name(report)
    assert set(people) == {"กมล ทองดี", "Deniz Kaya"}  # not `Meeting title`, not twice
    kamon = people["กมล ทองดี"]
    assert (kamon.joins, kamon.minutes) == (2, 128)  # the 20 minutes away not counted
    assert kamon.email == "kamon@example.org"
    assert kamon.left == datetime(2024, 2, 14, 11, 30, 2)
    assert people["Deniz Kaya"].role == "Organizer"
    assert report.title == "ประชุมเครือข่าย ครั้งที่ 2"
    assert report.start == datetime(2024, 2, 14, 9, 0, 11)
