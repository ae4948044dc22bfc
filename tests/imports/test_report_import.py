"""Settling a meeting's attendance from a report: proposal, dry run, apply, aliases."""

from __future__ import annotations

import hashlib
from datetime import time

import pytest
from report_files import ZOOM_CLASSIC, write_text
from sqlalchemy import func, select

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.models import Alias, Attendance
from desktop.imports.proposal import apply_proposal, build_proposal
from desktop.imports.report_cli import read_report, run_report_import


def line(session, meeting_id, person_id) -> Attendance:
    return session.scalars(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    ).one()


def snapshot(session):
    rows = session.execute(
        select(
            Attendance.person_id,
            Attendance.status,
            Attendance.joined,
            Attendance.left_at,
            Attendance.minutes_present,
            Attendance.source,
        ).order_by(Attendance.id)
    ).all()
    return rows, session.scalar(select(func.count(Alias.id)))


@pytest.fixture
def zoom_report(tmp_path):
    return write_text(tmp_path / "participants_81234567890.csv", ZOOM_CLASSIC, "utf-8", bom=True)


def test_the_proposal_says_matched_ambiguous_and_unknown(session, network, zoom_report):
    proposal = build_proposal(session, network.meeting_id, read_report(zoom_report))
    status = {row.display_name: row.status for row in proposal.rows}
    assert status == {
        "มาลี บุญมา": "matched",
        "ทต.บ้านกลาง นายก สมชาย": "matched",
        "ทม.ลำพูน นายกประภัสร์": "matched",
        "iPhone ของ วิไล": "ambiguous",
        "ผู้มาเยือน ไม่รู้จัก": "unknown",
    }
    assert proposal.count("matched") == 3


def test_dry_run_prints_the_table_and_changes_nothing(session, network, zoom_report):
    before = snapshot(session)
    text = run_report_import(
        session, network.meeting_id, zoom_report, dry_run=True, mark_missing_absent=True
    )
    assert snapshot(session) == before
    assert "Dry run" in text
    assert "ambiguous" in text
    assert "นางวิไล ศรีสุข (ทต.บ้านกลาง)" in text  # a candidate, with the office
    assert "นางสาววิไล คำปัน (ทม.ลำพูน)" in text


def test_applying_marks_the_matched_present_with_their_times(session, network, zoom_report):
    text = run_report_import(
        session, network.meeting_id, zoom_report, dry_run=False, mark_missing_absent=False
    )
    assert "Applied" in text
    somchai = line(session, network.meeting_id, network.people["somchai"])
    assert (somchai.status, somchai.source) == ("present", "zoom")
    assert (somchai.joined, somchai.left_at, somchai.minutes_present) == (
        time(9, 21),
        time(12, 3),
        159,
    )
    # Ambiguous rows wait for her choice; nobody expected is marked absent unasked.
    wilai = line(session, network.meeting_id, network.people["wilai_bk"])
    assert (wilai.source, wilai.joined) == ("typed", None)
    assert all(
        a.status == "present" for a in services.load_meeting(session, network.meeting_id).attendance
    )


def test_mark_missing_absent_marks_only_those_not_seen(session, network, zoom_report):
    run_report_import(
        session, network.meeting_id, zoom_report, dry_run=False, mark_missing_absent=True
    )
    # The two วิไล may be the ambiguous `iPhone ของ วิไล`: neither is marked absent.
    present = {network.people[k] for k in ("malee", "somchai", "praphat", "wilai_bk", "wilai_lp")}
    for attendance in services.load_meeting(session, network.meeting_id).attendance:
        assert attendance.status == ("present" if attendance.person_id in present else "absent")


def test_a_confirmed_choice_is_remembered_for_the_next_report(session, network, zoom_report):
    proposal = build_proposal(session, network.meeting_id, read_report(zoom_report))
    (row,) = [r for r in proposal.rows if r.display_name == "iPhone ของ วิไล"]
    row.choose(network.people["wilai_lp"])
    apply_proposal(session, network.meeting_id, proposal)
    wilai = line(session, network.meeting_id, network.people["wilai_lp"])
    assert (wilai.joined, wilai.minutes_present) == (time(9, 40), 138)

    # The next meeting's report: the same display name matches by itself.
    next_meeting = services.create_meeting(
        session, title="ครั้งที่ 3", date="2024-05-08", network_id=network.network_id
    )
    services.copy_expected_attendance(session, next_meeting.id, network.meeting_id)
    again = build_proposal(session, next_meeting.id, read_report(zoom_report))
    (row,) = [r for r in again.rows if r.display_name == "iPhone ของ วิไล"]
    assert (row.status, row.via, row.person_id) == ("matched", "alias", network.people["wilai_lp"])


def test_names_that_say_nothing_of_the_person_are_not_remembered(session, network, tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
iPhone,,02/14/2024 09:00:00 AM,02/14/2024 10:00:00 AM,60,Yes
"""
    report = read_report(write_text(tmp_path / "p.csv", text))
    proposal = build_proposal(session, network.meeting_id, report)
    proposal.rows[0].choose(network.people["kamon"])
    result = apply_proposal(session, network.meeting_id, proposal)
    assert result.aliases == 0
    assert services.lookup_alias(session, "iPhone") is None


def test_an_unknown_row_can_become_a_new_participant(session, network, zoom_report):
    proposal = build_proposal(session, network.meeting_id, read_report(zoom_report))
    (row,) = [r for r in proposal.rows if r.status == "unknown"]
    row.new_person = True
    result = apply_proposal(session, network.meeting_id, proposal)
    assert result.created == 1
    lines = session.scalars(select(Attendance).where(Attendance.meeting_id == network.meeting_id))
    (guest,) = [a for a in lines if a.name == "ผู้มาเยือน ไม่รู้จัก"]
    assert (guest.group, guest.source, guest.minutes_present) == ("participant", "zoom", 60)


def test_an_ignored_row_changes_nothing(session, network, zoom_report):
    proposal = build_proposal(session, network.meeting_id, read_report(zoom_report))
    for row in proposal.rows:
        row.ignore = True
    result = apply_proposal(session, network.meeting_id, proposal)
    assert (result.present, result.added, result.aliases) == (0, 0, 0)


def test_someone_not_expected_is_added_to_the_list(session, network, tmp_path):
    text = """\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
เกษม สุขเกษม,,02/14/2024 09:00:00 AM,02/14/2024 10:00:00 AM,60,No
"""
    run_report_import(
        session,
        network.meeting_id,
        write_text(tmp_path / "p.csv", text),
        dry_run=False,
        mark_missing_absent=False,
    )
    kasem = line(session, network.meeting_id, network.people["kasem"])
    assert (kasem.group, kasem.status, kasem.source) == ("member", "present", "zoom")


def test_a_teams_report_is_stored_with_source_teams(session, network, tmp_path):
    text = (
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\n"
        "มาลี บุญมา\t2/14/24, 9:00:02 AM\t2/14/24, 12:03:41 PM\t3h 3m 39s\t\t\tOrganizer\n"
    )
    run_report_import(
        session,
        network.meeting_id,
        write_text(tmp_path / "t.csv", text, "utf-16-le", bom=True),
        dry_run=False,
        mark_missing_absent=False,
    )
    malee = line(session, network.meeting_id, network.people["malee"])
    assert (malee.source, malee.minutes_present) == ("teams", 184)
    # The report is kept as it was read, UTF-16 bytes and all, for the e-meeting evidence.
    (kept,) = services.report_files(session, network.meeting_id)
    assert kept.content == (tmp_path / "t.csv").read_bytes()
    assert (kept.platform, kept.file_name) == ("teams", "t.csv")
    assert kept.sha256 == hashlib.sha256(kept.content).hexdigest()


def test_a_dry_run_keeps_no_report_file(session, network, zoom_report):
    run_report_import(
        session, network.meeting_id, zoom_report, dry_run=True, mark_missing_absent=False
    )
    assert services.report_files(session, network.meeting_id) == []


def test_a_final_meeting_is_refused_before_anything_changes(session, network, zoom_report):
    services.finalise_meeting(session, network.meeting_id)
    before = snapshot(session)
    with pytest.raises(PrachumError, match="final"):
        run_report_import(
            session, network.meeting_id, zoom_report, dry_run=False, mark_missing_absent=True
        )
    assert snapshot(session) == before


def test_the_zoom_command_applies_and_its_dry_run_does_not(  # noqa: PLR0917
    db_arg, db, session, network, zoom_report, capsys
):
    session.commit()  # the command opens the file on its own
    db_args = ["--db", db_arg]
    meeting = str(network.meeting_id)
    before = snapshot(session)
    assert main([*db_args, "zoom", meeting, str(zoom_report), "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    with db.session() as fresh:
        assert snapshot(fresh) == before
    assert main([*db_args, "zoom", meeting, str(zoom_report)]) == 0
    with db.session() as fresh:
        assert snapshot(fresh) != before
