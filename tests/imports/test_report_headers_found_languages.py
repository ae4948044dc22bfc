"""Reports in other languages, in the layouts public code written against them reads.

As in test_report_headers_found.py, each file is our own (our people, our times); only
the header row, the action words and the layout are those of the public sources named in
the project's notes. Where a source does not show the date style, the one used here is
the account language's usual one and is marked as ours.
"""

from __future__ import annotations

from datetime import datetime

from report_files import write_text, write_xlsx

from desktop.imports.report_cli import read_report


def by_name(report):
    return {p.name: p for p in report.participants}


def test_zoom_german_account_with_its_column_names(tmp_path):
    # The five names a public parser of German Zoom exports reads. The dates are ours,
    # day first as a German account writes them, and ambiguous (3 February or 2 March):
    # with no other hint the German header decides.
    text = (
        "Name (ursprünglicher Name),E-Mail,Beitrittszeit,Austrittszeit,Dauer (Minuten)\n"
        "Franz Müller,franz@example.de,03.02.2024 09:02:11,03.02.2024 11:58:11,176\n"
        "สมชาย ใจดี (สมชาย),,03.02.2024 09:10:00,03.02.2024 10:00:00,50\n"
        "Franz Müller,franz@example.de,03.02.2024 12:05:00,03.02.2024 12:20:00,15\n"
    )
    report = read_report(write_text(tmp_path / "teilnehmer.csv", text, bom=True))
    people = by_name(report)
    assert report.platform == "zoom"
    assert report.date_order == "dmy"
    assert set(people) == {"Franz Müller", "สมชาย ใจดี"}
    assert people["Franz Müller"].joined == datetime(2024, 2, 3, 9, 2, 11)
    assert people["Franz Müller"].left == datetime(2024, 2, 3, 12, 20)
    assert people["Franz Müller"].joins == 2
    assert people["Franz Müller"].minutes == 176 + 15
    assert people["Franz Müller"].email == "franz@example.de"
    assert people["สมชาย ใจดี"].original_name == "สมชาย"
    assert people["สมชาย ใจดี"].minutes == 50
    assert not any("does not know" in n for n in report.notes)


def test_zoom_french_account_with_its_meeting_block(tmp_path):
    # Layout of a public generator of French Zoom timesheets: a title line, the meeting
    # block (`N° de réunion, Sujet, Heure de début, Heure de fin, …`), then the
    # participants with curly apostrophes and `Oui`/`Non`; dates `%d/%m/%y %H:%M:%S`.
    rows = [
        ["participants_912345678901_zoom"],
        [
            "N° de réunion",
            "Sujet",
            "Heure de début",
            "Heure de fin",
            "Adresse e-mail de l'utilisateur",
            "Durée (minutes)",
            "Participants",
        ],
        [
            "912345678901",
            "Réunion du réseau",
            "03/02/24 08:55:10",
            "03/02/24 12:10:00",
            "hote@example.fr",
            195,
            3,
        ],
        [],
        [
            "Nom (nom original)",
            "Adresse e-mail de l’utilisateur",
            "Heure d’arrivée",
            "Heure de départ",
            "Durée (minutes)",
            "Invité",
            "Salle d’attente",
        ],
        [
            "Claire Dubois",
            "claire@example.fr",
            "03/02/24 09:01:30",
            "03/02/24 12:10:00",
            189,
            "Non",
            "Non",
        ],
        ["มาลี บุญมา", "", "03/02/24 09:20:00", "03/02/24 10:05:00", 45, "Oui", "Non"],
        ["Quelqu'un en attente", "", "03/02/24 08:58:00", "03/02/24 08:59:00", 1, "Oui", "Oui"],
    ]
    report = read_report(write_xlsx(tmp_path / "participants.xlsx", rows))
    people = by_name(report)
    assert report.platform == "zoom"
    assert report.title == "Réunion du réseau"
    assert report.start == datetime(2024, 2, 3, 8, 55, 10)
    assert report.end == datetime(2024, 2, 3, 12, 10)
    assert set(people) == {"Claire Dubois", "มาลี บุญมา"}  # the waiting room left out
    assert report.skipped_waiting_room == 1
    assert people["Claire Dubois"].joined == datetime(2024, 2, 3, 9, 1, 30)
    assert people["Claire Dubois"].guest is False
    assert people["มาลี บุญมา"].guest is True
    assert people["มาลี บุญมา"].minutes == 45


def test_teams_2020_list_in_portuguese_with_its_own_words(tmp_path):
    # `Nome Completo, Atividade, Carimbo de data/hora`; `Ingressou`, `Entrou antes de`,
    # `Saiu`; UTF-16 with tabs, as a public parser of Brazilian attendance lists reads
    # them. The dates are ours, day first.
    text = (
        "Nome Completo\tAtividade\tCarimbo de data/hora\n"
        "João Silva\tEntrou antes de\t3/2/2024 09:00:05\n"
        "วิไล ศรีสุข\tIngressou\t3/2/2024 09:12:00\n"
        "วิไล ศรีสุข\tSaiu\t3/2/2024 10:12:00\n"
        "João Silva\tSaiu\t3/2/2024 11:00:05\n"
    )
    path = write_text(tmp_path / "meetingAttendanceList.csv", text, "utf-16-le", bom=True)
    report = read_report(path)
    people = by_name(report)
    assert report.platform == "teams"
    assert report.date_order == "dmy"
    assert set(people) == {"João Silva", "วิไล ศรีสุข"}
    assert people["João Silva"].joined == datetime(2024, 2, 3, 9, 0, 5)
    assert people["João Silva"].minutes == 120
    assert people["วิไล ศรีสุข"].left == datetime(2024, 2, 3, 10, 12)
    assert not any("does not know" in n for n in report.notes)


def test_teams_2020_action_words_not_known_are_said_not_dropped_quietly(tmp_path):
    text = (
        "Full Name\tUser Action\tTimestamp\n"
        "สมชาย ใจดี\tJoined\t2/14/2024, 9:00:05 AM\n"
        "Anna Nowak\tDołączył\t2/14/2024, 9:03:00 AM\n"
        "สมชาย ใจดี\tLeft\t2/14/2024, 10:00:05 AM\n"
    )
    path = write_text(tmp_path / "meetingAttendanceList.csv", text, "utf-16-le", bom=True)
    report = read_report(path)
    assert set(by_name(report)) == {"สมชาย ใจดี"}
    note = next(n for n in report.notes if "does not know" in n)
    assert "Dołączył" in note and "1 line" in note
    assert "ไม่รู้จัก" in note.thai


def test_webex_attendee_export_with_sessions_and_a_guest(tmp_path):
    # The columns a public parser of Webex attendee exports reads: `Meeting Name`,
    # `Meeting Start Time`, `Session Name` (breakout rooms are sessions of their own),
    # `Display Name`, `Attendee Email`, `Attendance Duration` (`20 min`, `1 hr 20 min`);
    # a guest who did not sign in has an address at guest.webex.localhost.
    text = (
        "Meeting Name,Meeting Start Time,Session Name,Display Name,Attendee Email,"
        "Attendance Duration\n"
        "ประชุมเครือข่าย,02/14/2024 09:00 AM,Main Session,Nia Paul,nia@example.com,20 min\n"
        "ประชุมเครือข่าย,02/14/2024 09:00 AM,Main Session,Nia Paul,nia@example.com,25 min\n"
        "ประชุมเครือข่าย,02/14/2024 09:00 AM,Breakout 1,Nia Paul,nia@example.com,60 min\n"
        "ประชุมเครือข่าย,02/14/2024 09:00 AM,Breakout 2,ชาตรี มีสุข,chatree@example.org,"
        "35 min\n"
        "ประชุมเครือข่าย,02/14/2024 09:00 AM,Main Session,สมศรี ดีใจ,"
        "x1y2@guest.webex.localhost,1 hr 20 min\n"
    )
    report = read_report(write_text(tmp_path / "attendees.csv", text))
    people = by_name(report)
    assert report.platform == "webex"
    assert report.title == "ประชุมเครือข่าย"
    assert report.start == datetime(2024, 2, 14, 9, 0)
    assert set(people) == {"Nia Paul", "ชาตรี มีสุข", "สมศรี ดีใจ"}
    assert people["Nia Paul"].minutes == 45  # the breakout room not added twice
    assert people["ชาตรี มีสุข"].minutes == 35  # seen only in a breakout room: present
    assert people["สมศรี ดีใจ"].minutes == 80
    assert people["สมศรี ดีใจ"].email is None  # Webex's made-up guest address
    assert any("breakout" in n for n in report.notes)
