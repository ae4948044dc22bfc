"""File → Export: a Thai default name, the file written off the UI thread, then the
offer to open it; an unwritable place is a clear message."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from ui.test_agenda_data import open_agenda, settle, two_meetings

from desktop.core.operations.meeting_file import read_meeting_file
from desktop.ui.exporting import names
from desktop.ui.exporting.dialogs import ExportDoneDialog
from desktop.ui.shell.actions import ActionId


class SaveAs:
    """The file dialog's answers (next path of `answers`), what it proposed, and the
    files and folders opened afterwards."""

    def __init__(self) -> None:
        self.answers: list[Path] = []
        self.proposed: list[str] = []
        self.opened: list[str] = []


@pytest.fixture
def save_as(monkeypatch) -> SaveAs:
    dialogs = SaveAs()

    def ask(_parent, _title, proposed, file_filter, *args, **kwargs):
        dialogs.proposed.append(proposed)
        return (str(dialogs.answers.pop(0)), file_filter) if dialogs.answers else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: dialogs.opened.append(url.toLocalFile())),
    )
    return dialogs


def test_default_names_are_thai_with_the_meeting_number_and_buddhist_year():
    assert names.minutes_name(1, date(2022, 8, 3)) == "รายงานการประชุม-ครั้งที่1-2565.docx"
    assert names.attendance_name(2, date(2024, 5, 8)) == "รายชื่อผู้เข้าประชุม-ครั้งที่2-2567.xlsx"
    assert names.minutes_name(None, date(2024, 5, 8)) == "รายงานการประชุม-2567-05-08.docx"
    assert names.meeting_file_name(2, date(2024, 5, 8)).endswith(".meeting.json")
    assert (
        names.summary_name("เครือข่าย/ลุ่มน้ำปิง", date(2024, 1, 1), date(2024, 12, 31))
        == "สรุปการเข้าประชุม-เครือข่าย-ลุ่มน้ำปิง-2567.xlsx"
    )


def test_the_minutes_are_written_as_pdf_from_the_window_when_she_asks(
    qtbot, open_window, db_path, save_as, monkeypatch
):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    out = db_path.parent / "out"
    out.mkdir()
    save_as.answers = [out / "minutes.pdf"]  # a name ending in .pdf: not "minutes.pdf.docx"
    written = run_export(qtbot, window, window.commands[ActionId.EXPORT_MINUTES])
    assert written == out / "minutes.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    # PDF picked in the dialog's list, the name typed without an ending.
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args, **_kw: (str(out / "again"), "PDF (*.pdf)")),
    )
    again = run_export(qtbot, window, window.commands[ActionId.EXPORT_MINUTES])
    assert again == out / "again.pdf" and again.read_bytes().startswith(b"%PDF-")


def run_export(qtbot, window, action) -> Path:
    exporter = window.workspace.minutes_tools.exporter
    with qtbot.waitSignal(exporter.finished, timeout=20_000) as finished:
        action.trigger()
    settle(qtbot)
    return finished.args[0]


def test_the_minutes_and_attendance_exported_through_the_dialogs_open_in_word_and_excel(
    qtbot, open_window, db_path, save_as, keys
):
    ids = two_meetings(db_path)
    window, agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    agenda.choose(agenda.view.items[0].id)
    keys.type(agenda.editor.body, "ประธานแจ้งกำหนดการอบรม")  # not yet stored: exported anyway
    out = db_path.parent / "out"
    out.mkdir()
    tools = window.workspace.minutes_tools
    save_as.answers = [out / "minutes", out / "attendance.xlsx"]

    minutes = run_export(qtbot, window, window.commands[ActionId.EXPORT_MINUTES])
    assert minutes == out / "minutes.docx"
    assert save_as.proposed[0].endswith("รายงานการประชุม-ครั้งที่2-2567.docx")
    lines = [p.text for p in docx.Document(str(minutes)).paragraphs]
    assert "รายงานการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง" in lines
    assert "ครั้งที่ 2/2567" in lines
    assert "ประธานแจ้งกำหนดการอบรม" in lines
    assert "ระเบียบวาระที่ 1\tเรื่องที่ประธานแจ้งให้ที่ประชุมทราบ" in lines

    done = tools.exporter.done_dialog
    assert isinstance(done, ExportDoneDialog) and done.isVisible()
    done.open_button.click()
    assert save_as.opened == [str(minutes)]

    attendance = run_export(qtbot, window, window.commands[ActionId.EXPORT_ATTENDANCE])
    workbook = openpyxl.load_workbook(attendance, read_only=True)
    cells = {str(c) for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row}
    workbook.close()
    assert {"นายสมชาย ใจดี", "นางสาววิไล ศรีสุข", "นางมาลี บุญมา"} <= cells
    assert any("ครั้งที่ 2/2567" in c for c in cells)
    tools.exporter.done_dialog.folder_button.click()
    assert save_as.opened[-1] == str(out)


def test_sign_in_sheet_meeting_file_and_network_summary(qtbot, open_window, db_path, save_as):
    ids = two_meetings(db_path)
    tmp_path = db_path.parent
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    tools = window.workspace.minutes_tools
    save_as.answers = [
        tmp_path / "signin.xlsx",
        tmp_path / "meeting.meeting.json",
        tmp_path / "evidence.zip",
        tmp_path / "summary.xlsx",
    ]
    assert run_export(qtbot, window, window.commands[ActionId.EXPORT_SIGNIN]).stat().st_size > 0
    meeting_file = run_export(qtbot, window, window.commands[ActionId.EXPORT_MEETING_FILE])
    assert read_meeting_file(meeting_file)["meeting"]["number"] == 2
    evidence = run_export(qtbot, window, window.commands[ActionId.EXPORT_EVIDENCE])
    assert save_as.proposed[-1].endswith("หลักฐานการประชุม-ครั้งที่2-2567.zip")
    with zipfile.ZipFile(evidence) as bundle:
        assert {"minutes.docx", "attendance.xlsx", "manifest.json"} <= set(bundle.namelist())

    dialog = tools.exporter.ask_network_summary(ids.network_id)
    dialog.date_from.setDate(date(2024, 1, 1))
    dialog.date_to.setDate(date(2024, 12, 31))
    with qtbot.waitSignal(tools.exporter.finished, timeout=20_000):
        dialog.accept()
    settle(qtbot)
    assert save_as.proposed[-1].endswith("สรุปการเข้าประชุม-เครือข่ายเทศบาลลุ่มน้ำปิง-2567.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "summary.xlsx", read_only=True)
    assert len(workbook.worksheets) >= 2
    workbook.close()


def test_a_place_that_cannot_be_written_is_a_clear_message(
    qtbot, open_window, db_path, save_as, message_boxes
):
    ids = two_meetings(db_path)
    tmp_path = db_path.parent
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    # A folder removed (a USB stick pulled out) between choosing and writing.
    gone = tmp_path / "usb-stick"
    save_as.answers = [gone / "minutes.docx"]
    exporter = window.workspace.minutes_tools.exporter
    with qtbot.waitSignal(exporter.failed, timeout=20_000):
        window.commands[ActionId.EXPORT_MINUTES].trigger()
    settle(qtbot)
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "warning" and "usb-stick" in text
    assert not gone.exists()
    assert exporter.progress is None and not exporter.running


def test_cancelling_the_file_dialog_writes_nothing(qtbot, open_window, db_path, save_as):
    ids = two_meetings(db_path)
    window, _agenda = open_agenda(qtbot, open_window, db_path, ids.meeting_id)
    save_as.answers = []
    assert window.workspace.minutes_tools.exporter.export_minutes(ids.meeting_id) is False
    assert not window.workspace.minutes_tools.exporter.running
