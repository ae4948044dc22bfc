"""The report formats people download, each written here from the headers the portals use.

Every file is our own: the header rows follow what the portals write (in the account's
language), the people are the test network's.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from report_files import write_text, write_xlsx

from desktop.imports.report_cli import read_report

MEETING_DAY = date(2024, 2, 14)


def by_name(report):
    return {p.name: p for p in report.participants}


ZOOM_LANGUAGES = {
    "ja": "名前（元の名前）,ユーザーメール,参加時刻,退出時刻,期間（分）,ゲスト,待機室内",
    "es": "Nombre (nombre original),E-mail del usuario,Hora para unirse,Hora para salir,Duración (minutos),Invitado,En la sala de espera",
    "es-new": "Nombre (nombre original),Correo electrónico,Hora de entrada,Hora de salida,Duración (minutos),Invitado,En la sala de espera",
    "pt": "Nome (nome original),E-mail,Ingressar na hora,Hora de saída,Duração (minutos),Convidado,Na sala de espera",
    "de": "Name (ursprünglicher Name),Benutzer-E-Mail,Beitrittszeit,Austrittszeit,Dauer (Minuten),Gast,Im Warteraum",
    "fr": "Nom (nom original),Adresse e-mail de l’utilisateur,Heure d’arrivée,Heure de départ,Durée (minutes),Invité,Salle d’attente",
    "zh": "名称(原始名称),用户邮箱,加入时间,离开时间,持续时间(分钟),访客,在等候室",
    "ko": "이름(원래 이름),사용자 이메일,참가 시간,나간 시간,기간(분),게스트,대기실에 있음",
    "th": "ชื่อ (ชื่อเดิม),อีเมลผู้ใช้,เวลาเข้าร่วม,เวลาออก,ระยะเวลา (นาที),แขก,ในห้องรอ",
}


@pytest.mark.parametrize("language", sorted(ZOOM_LANGUAGES))
def test_zoom_participants_in_the_accounts_language(tmp_path, language):
    # Year-first dates for the East Asian locales, as those accounts write them.
    if language in ("ja", "zh", "ko"):
        join, leave = "2024/02/14 09:15:02", "2024/02/14 12:03:41"
        join2, leave2 = "2024/02/14 09:21:40", "2024/02/14 10:02:11"
    else:
        join, leave = "14/02/2024 09:15:02", "14/02/2024 12:03:41"
        join2, leave2 = "14/02/2024 09:21:40", "14/02/2024 10:02:11"
    text = (
        ZOOM_LANGUAGES[language]
        + f"\nมาลี บุญมา,malee@example.org,{join},{leave},169,No,No"
        + f"\nนายก สมชาย (สมชาย ใจดี),,{join2},{leave2},41,Yes,No\n"
    )
    report = read_report(write_text(tmp_path / "participants.csv", text, bom=True), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "zoom"
    assert people["มาลี บุญมา"].email == "malee@example.org"
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 9, 15, 2)
    assert people["มาลี บุญมา"].minutes == 169
    assert people["นายก สมชาย"].original_name == "สมชาย ใจดี"
    assert people["นายก สมชาย"].left == datetime(2024, 2, 14, 10, 2, 11)
    assert not any("language Prachum does not know" in n for n in report.notes)


def test_zoom_unique_users_in_japanese(tmp_path):
    text = "名前（元の名前）,ユーザーメール,合計期間（分）,ゲスト\nมาลี บุญมา,malee@example.org,184,いいえ\n"
    (malee,) = read_report(write_text(tmp_path / "p.csv", text)).participants
    assert (malee.name, malee.minutes, malee.joined) == ("มาลี บุญมา", 184, None)


def test_an_unknown_language_is_read_by_shape_and_says_so(tmp_path):
    text = """\
Nimi (alkuperäinen nimi),Käyttäjän sähköposti,Liittymisaika,Poistumisaika,Kesto (minuuttia),Vieras
มาลี บุญมา,malee@example.org,02/14/2024 09:15:02 AM,02/14/2024 12:03:41 PM,169,Ei
กมล ทองดี,,02/14/2024 09:30:00 AM,02/14/2024 10:30:00 AM,60,Kyllä
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    people = by_name(report)
    assert people["กมล ทองดี"].joined == datetime(2024, 2, 14, 9, 30)
    assert people["กมล ทองดี"].minutes == 60
    assert people["มาลี บุญมา"].email == "malee@example.org"
    assert any("by what the columns hold" in n for n in report.notes)


ZOOM_WEBINAR = """\
Attendee Report,
Report Generated:,"Mar 22, 2025 21:02:41",
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views,
การสัมมนาเครือข่าย,812 3456 7890,"Mar 22, 2025 19:00:05",121,5,0,3,4,3,
Host Details,
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,
Yes,มาลี บุญมา,malee@example.org,"Mar 22, 2025 18:55:10","Mar 22, 2025 21:01:00",126,No,Thailand,
Panelist Details,
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,
Yes,ปลัดกมล (กมล ทองดี),,"Mar 22, 2025 19:00:00","Mar 22, 2025 19:45:00",45,Yes,Thailand,
Yes,ปลัดกมล (กมล ทองดี),,"Mar 22, 2025 19:50:00","Mar 22, 2025 21:00:00",70,Yes,Thailand,
Attendee Details,
Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,
Yes,สุดา วงศ์ใหญ่,สุดา,วงศ์ใหญ่,suda@example.org,"Mar 20, 2025 10:00:00",approved,"Mar 22, 2025 19:13:27","Mar 22, 2025 20:30:00",77,Yes,Thailand,
No,เกษม สุขเกษม,เกษม,สุขเกษม,kasem@example.org,"Mar 20, 2025 11:00:00",approved,--,--,--,--,--,
"""


def test_zoom_webinar_attendee_report_reads_every_section(tmp_path):
    report = read_report(write_text(tmp_path / "attendee.csv", ZOOM_WEBINAR))
    people = by_name(report)
    assert set(people) == {"มาลี บุญมา", "ปลัดกมล", "สุดา วงศ์ใหญ่"}
    assert people["สุดา วงศ์ใหญ่"].joined == datetime(2025, 3, 22, 19, 13, 27)
    assert people["สุดา วงศ์ใหญ่"].minutes == 77
    assert people["ปลัดกมล"].original_name == "กมล ทองดี"
    assert people["ปลัดกมล"].minutes == 115  # two joins, the gap not counted
    assert report.title == "การสัมมนาเครือข่าย"
    assert report.start == datetime(2025, 3, 22, 19, 0, 5)
    assert any("did not attend" in n for n in report.notes)


def test_zoom_webinar_performance_report_with_trailing_commas_as_xlsx(tmp_path):
    rows = [
        ["Performance Report"],
        ["Attendee Details"],
        [
            "Attended",
            "User Name (Original Name)",
            "Email",
            "Join Time",
            "Leave Time",
            "Time in Session (minutes)",
            None,
        ],
        [
            "Yes",
            "สุดา วงศ์ใหญ่",
            "suda@example.org",
            "Mar 22, 2025 19:13:27",
            "Mar 22, 2025 20:30:00",
            77,
            None,
        ],
        ["No", "เกษม สุขเกษม", "", "--", "--", "--", None],
    ]
    (suda,) = read_report(write_xlsx(tmp_path / "performance.xlsx", rows)).participants
    assert (suda.name, suda.minutes) == ("สุดา วงศ์ใหญ่", 77)


TEAMS_WEBINAR = """\
1. Summary
Meeting title\tสัมมนาเครือข่าย
Attended participants\t2
Start time\t2/14/24, 9:00:00 AM
End time\t2/14/24, 11:00:00 AM

2. Participants
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\tRegistration Time\tRegistration Status
สมชาย ใจดี\t2/14/24, 9:05:00 AM\t2/14/24, 10:59:00 AM\t1h 54m\tsomchai@example.org\tsomchai@example.org\tAttendee\t2/10/24, 8:00:00 AM\tRegistered
สมชาย ใจดี (Guest)\t2/14/24, 9:30:00 AM\t2/14/24, 10:00:00 AM\t30m\t\t\tAttendee\t2/11/24, 8:00:00 AM\tRegistered
เกษม สุขเกษม\t\t\t\tkasem@example.org\t\tAttendee\t2/11/24, 9:00:00 AM\tRegistered
"""


def test_teams_webinar_keeps_guests_apart_and_skips_registrants_who_never_joined(tmp_path):
    path = write_text(tmp_path / "webinar.csv", TEAMS_WEBINAR, "utf-16-le", bom=True)
    report = read_report(path, MEETING_DAY)
    assert report.platform == "teams"
    assert len(report.participants) == 2
    member, guest = report.participants
    assert (member.name, member.guest, member.minutes) == ("สมชาย ใจดี", False, 114)
    assert (guest.name, guest.guest, guest.minutes) == ("สมชาย ใจดี", True, 30)
    assert any("never joined" in n for n in report.notes)


TEAMS_LIVE = """\
Session Id,Participant Id,Full Name,UserAgent,UTC Event Timestamp,Action,Role
11111111-aaaa,p-1,มาลี บุญมา,Mozilla/5.0,2024-02-13T02:00:00.1234567Z,Joined,Attendee
11111111-aaaa,p-1,มาลี บุญมา,Mozilla/5.0,2024-02-13T03:00:00Z,Left,Attendee
22222222-bbbb,p-1,มาลี บุญมา,Mozilla/5.0,2024-02-14T02:05:00Z,Joined,Attendee
22222222-bbbb,p-2,กมล ทองดี,Teams/1.6,2024-02-14T02:10:00Z,Joined,Attendee
22222222-bbbb,p-1,มาลี บุญมา,Mozilla/5.0,2024-02-14T03:35:00Z,Left,Attendee
22222222-bbbb,p-2,กมล ทองดี,Teams/1.6,2024-02-14T03:10:00Z,Left,Attendee
"""


def test_teams_live_event_takes_the_session_of_the_meetings_date_in_thai_time(tmp_path):
    report = read_report(write_text(tmp_path / "live.csv", TEAMS_LIVE), MEETING_DAY)
    people = by_name(report)
    assert set(people) == {"มาลี บุญมา", "กมล ทองดี"}
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 9, 5)  # 02:05 UTC
    assert people["มาลี บุญมา"].minutes == 90
    assert people["กมล ทองดี"].left == datetime(2024, 2, 14, 10, 10)
    assert any("Thai time" in n for n in report.notes)
    # The day before, the other session.
    other = read_report(write_text(tmp_path / "live2.csv", TEAMS_LIVE), date(2024, 2, 13))
    assert [p.name for p in other.participants] == ["มาลี บุญมา"]
    assert other.participants[0].joined == datetime(2024, 2, 13, 9, 0)


TEAMS_2020 = {
    "pt": ("Nome Completo\tAtividade\tData e hora", "Entrou", "Saiu"),
    "de": ("Vollständiger Name\tBenutzeraktion\tZeitstempel", "Beigetreten", "Verlassen"),
    "es": ("Nombre completo\tActividad\tMarca de tiempo", "Unido", "Salió"),
    "th": ("ชื่อเต็ม\tการกระทำของผู้ใช้\tการประทับเวลา", "เข้าร่วมแล้ว", "ออกแล้ว"),
}


@pytest.mark.parametrize("language", sorted(TEAMS_2020))
def test_teams_2020_attendance_list_in_other_languages(tmp_path, language):
    header, joined, left = TEAMS_2020[language]
    text = (
        f"{header}\n"
        f"กมล ทองดี\t{joined}\t03/02/2024 09:00:00\n"
        f"กมล ทองดี\t{left}\t03/02/2024 10:30:00\n"
    )
    path = write_text(tmp_path / "attendance.csv", text, "utf-16-le", bom=True)
    report = read_report(path)
    (kamon,) = report.participants
    # No day above 12 and no meeting date: the day-first language and 24-hour clock decide.
    assert kamon.joined == datetime(2024, 2, 3, 9, 0)
    assert kamon.minutes == 90
    assert report.date_order == "dmy"
    assert any("day first" in n for n in report.notes)


GOOGLE_MEET = """\
First name,Last name,Email,Duration,Time joined,Time exited
มาลี,บุญมา,malee@example.org,1 hr 2 min,9:01 AM,10:03 AM
กมล,ทองดี,,95 min,09:10,10:45
"""


def test_google_meet_attendance_takes_the_meetings_date(tmp_path):
    report = read_report(write_text(tmp_path / "meet.csv", GOOGLE_MEET), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "meet"
    assert people["มาลี บุญมา"].joined == datetime(2024, 2, 14, 9, 1)
    assert people["มาลี บุญมา"].minutes == 62
    assert people["กมล ทองดี"].left == datetime(2024, 2, 14, 10, 45)
    assert people["กมล ทองดี"].minutes == 95


WEBEX = """\
Display Name,Attendee Email,Join Time,Leave Time,Attendance Duration,Connection Type,Role
สุดา วงศ์ใหญ่,suda@example.org,02/14/2024 09:00 AM,02/14/2024 10:00 AM,60 mins,Desktop app,Attendee
John Smith,john@example.org,02/14/2024 09:30 AM,02/14/2024 10:15 AM,45 mins,Browser,Attendee
"""


def test_webex_attendee_report_is_recorded_as_webex(tmp_path):
    report = read_report(write_text(tmp_path / "webex.csv", WEBEX), MEETING_DAY)
    people = by_name(report)
    assert report.platform == "webex"
    assert people["John Smith"].email == "john@example.org"
    assert people["John Smith"].minutes == 45
    assert people["สุดา วงศ์ใหญ่"].joined == datetime(2024, 2, 14, 9, 0)


def test_the_meetings_date_decides_an_ambiguous_day_and_month(tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
กมล ทองดี,,03/02/2024 09:00:00 AM,03/02/2024 10:00:00 AM,60,No
"""
    path = write_text(tmp_path / "p.csv", text)
    day_first = read_report(path, date(2024, 2, 3))
    assert day_first.participants[0].joined == datetime(2024, 2, 3, 9, 0)
    assert any("meeting's date" in n for n in day_first.notes)
    month_first = read_report(path, date(2024, 3, 2))
    assert month_first.participants[0].joined == datetime(2024, 3, 2, 9, 0)
