"""What a report import tells her: in Thai with BE dates, and a final meeting refused first."""

from __future__ import annotations

from datetime import date

import pytest
from db_arguments import db_argument
from report_files import ZOOM_CLASSIC, write_text

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.imports import proposal as proposal_module
from desktop.imports.proposal import build_proposal
from desktop.imports.report_cli import read_report, run_report_import
from desktop.imports.reports import note_text


def test_a_report_of_another_day_is_said_in_thai_with_be_dates(session, network, tmp_path):
    services.update_meeting(session, network.meeting_id, date=date(2024, 8, 21))
    report = read_report(write_text(tmp_path / "participants.csv", ZOOM_CLASSIC))
    proposal = build_proposal(session, network.meeting_id, report)
    thai = [note_text(note, "th") for note in proposal.notes]
    assert "รายงานนี้เป็นของวันที่ 14 กุมภาพันธ์ 2567 แต่การประชุมเป็นวันที่ 21 สิงหาคม 2567" in (" ".join(thai))
    assert not any("2024" in text for text in thai)
    english = [note_text(note, "en") for note in proposal.notes]
    assert any("2024-02-14" in text for text in english)


def test_a_final_meeting_is_refused_before_the_report_is_read_or_matched(
    session, network, tmp_path, monkeypatch
):
    services.finalise_meeting(session, network.meeting_id)

    def no_matching(*_args, **_kwargs):
        raise AssertionError("matched a final meeting")

    monkeypatch.setattr(proposal_module.RosterIndex, "from_session", no_matching)
    report = read_report(write_text(tmp_path / "participants.csv", ZOOM_CLASSIC))
    with pytest.raises(PrachumError, match="final"):
        build_proposal(session, network.meeting_id, report)
    # The command line does not even read the file.
    with pytest.raises(PrachumError, match="final"):
        run_report_import(
            session,
            network.meeting_id,
            tmp_path / "not-there.csv",
            dry_run=True,
            mark_missing_absent=False,
        )


def test_the_command_says_the_reports_notes_in_the_language_asked(
    db, session, network, tmp_path, capsys
):
    services.update_meeting(session, network.meeting_id, date=date(2024, 8, 21))
    session.commit()  # the command opens the database on its own
    path = write_text(tmp_path / "participants.csv", ZOOM_CLASSIC)
    command = ["--db", db_argument(db), "zoom", str(network.meeting_id), str(path), "--dry-run"]
    assert main(["--lang", "th", *command]) == 0
    thai = [line for line in capsys.readouterr().out.splitlines() if line.startswith("หมายเหตุ:")]
    assert any("ไม่นับ 1 แถวที่อยู่ในห้องรอ" in line for line in thai)
    assert any("14 กุมภาพันธ์ 2567" in line for line in thai)
    assert not any(char.isascii() and char.isalpha() for line in thai for char in line)
    assert main(["--lang", "en", *command]) == 0
    english = capsys.readouterr().out
    assert "note: 1 waiting-room row(s) not counted as attendance." in english
    assert "2024-02-14" in english


def test_every_note_of_a_chat_and_a_sign_in_form_has_its_thai(tmp_path):
    chat = "10:01:02 From สมชาย to Everyone:\n\tนายสมชาย ใจดี นายก ทต.บ้านกลาง\n"
    form = (
        "ประทับเวลา,ชื่อ-สกุล,หน่วยงาน\n13/2/2024 9:00:00,มาลี บุญมา,ทต.บ้านกลาง\n"
        "14/2/2024 9:00:00,กมล ทองดี,ทม.ลำพูน\n"
    )
    for name, text in (("chat.txt", chat), ("form.csv", form)):
        report = read_report(write_text(tmp_path / name, text), date(2024, 2, 14))
        assert report.notes
        for note in report.notes:
            assert note_text(note, "th") != str(note), note
