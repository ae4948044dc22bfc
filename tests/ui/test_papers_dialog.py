"""File → Papers for this meeting: what is missing and where it is filled in, the previews,
the news she edits and copies, and every paper saved through the same export functions
as the command line, read back."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from ui.test_agenda_data import settle, two_meetings
from ui.test_exporting import SaveAs

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.services.papers import set_our_organization
from desktop.exports import invitation_letters, news_release
from desktop.ui.papers.dialog import PapersDialog
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.menus import Menu


@pytest.fixture
def save_as(monkeypatch) -> SaveAs:
    """The file dialog's answers (files, and folders for a file per organisation)."""
    from PySide6.QtGui import QDesktopServices

    dialogs = SaveAs()

    def ask(_parent, _title, proposed, file_filter, *args, **kwargs):
        dialogs.proposed.append(proposed)
        return (str(dialogs.answers.pop(0)), file_filter) if dialogs.answers else ("", "")

    def ask_folder(_parent, _title, folder, *args, **kwargs):
        dialogs.proposed.append(folder)
        return str(dialogs.answers.pop(0)) if dialogs.answers else ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(ask_folder))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(dialogs.opened.append))
    return dialogs


def ready(qtbot, dialog: PapersDialog) -> PapersDialog:
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.reading == 0, timeout=10_000)
    settle(qtbot)
    return dialog


def open_papers(qtbot, open_window, db_path: Path, meeting_id: int):
    window = open_window(db_path)
    assert window.workspace.navigator.select_meeting(meeting_id)
    tools = window.workspace.minutes_tools
    assert window.commands[ActionId.PAPERS].isEnabled()
    assert window.commands[ActionId.PAPERS] in window.menus[Menu.FILE].actions()
    window.commands[ActionId.PAPERS].trigger()
    dialog = tools.papers_dialog
    assert isinstance(dialog, PapersDialog) and dialog.isVisible()
    return window, ready(qtbot, dialog)


def save(qtbot, window, button) -> Path:
    exporter = window.workspace.minutes_tools.exporter
    with qtbot.waitSignal(exporter.finished, timeout=30_000) as finished:
        button.click()
    settle(qtbot)
    return finished.args[0]


def letters_ready(db_path: Path, meeting_id: int, *, online: bool = False) -> None:
    """The host sends; its letter fields filled; the meeting online with its details."""
    database = open_database(db_path)
    with database.session() as s:
        host = services.find_organization(s, "เทศบาลตำบลบ้านกลาง")
        services.update_organization(
            s,
            host.id,
            letter_code="ชม 52001",
            address="ถนนสันป่าตอง\nอำเภอสันป่าตอง จังหวัดเชียงใหม่ 50120",
            letter_office="สำนักปลัดเทศบาล",
            phone="053-311-111",
            email="saraban@bankang.go.th",
        )
        set_our_organization(s, host.id)
        if online:
            services.update_meeting(
                s,
                meeting_id,
                mode="online",
                online_link="https://zoom.us/j/81234567890",
                online_meeting_id="812 3456 7890",
                online_passcode="4321",
            )
    database.close()


def test_what_the_letters_lack_is_said_and_filled_in_where_it_belongs(
    qtbot, open_window, db_path, keys
):
    ids = two_meetings(db_path)
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    # No host and no "our organisation": nobody sends the letters.
    assert dialog.missing_box.isVisible()
    assert "ยังไม่มีหน่วยงานผู้ส่ง" in dialog.missing_text.text()
    assert not dialog.invitations.save_button.isEnabled()
    assert dialog.details_button.isVisible() and not dialog.organization_button.isVisible()
    dialog.details_button.click()
    details = window.workspace.meeting.details
    assert window.workspace.meeting.tabs.currentWidget() is details
    qtbot.waitUntil(details.host.hasFocus, timeout=2000)

    # She picks the host on the details page; the dialog reads again by itself.
    details.host.setCurrentIndex(details.host.findData(ids.host_id))
    details.host.activated.emit(details.host.currentIndex())
    qtbot.waitUntil(lambda: dialog.state.sender_id == ids.host_id, timeout=5000)
    ready(qtbot, dialog)
    text = dialog.missing_text.text()
    assert "เทศบาลตำบลบ้านกลาง ยังไม่มีรหัสหนังสือ (ที่)" in text
    assert "ยังไม่มีที่อยู่" in text and "ยังไม่มีโทรศัพท์" in text
    assert not dialog.invitations.save_button.isEnabled()
    assert dialog.organization_button.text() == "กรอกข้อมูล เทศบาลตำบลบ้านกลาง…"

    # "Fill in": the organisation's dialog, the cursor in the letter code.
    dialog.organization_button.click()
    organization = keys.dialog(OrganizationDialog)
    qtbot.waitUntil(organization.letter_code.hasFocus, timeout=2000)
    keys.type(organization.letter_code, "ชม 52001")
    organization.address.setPlainText("ถนนสันป่าตอง\nอำเภอสันป่าตอง จังหวัดเชียงใหม่ 50120")
    organization.phone.setText("053-311-111")
    organization.ours.setChecked(True)
    organization.accept()
    qtbot.waitUntil(
        lambda: not any(m.field == "letter_code" for m in dialog.state.missing), timeout=5000
    )
    ready(qtbot, dialog)
    assert dialog.invitations.save_button.isEnabled()
    assert "ยังไม่มีรหัสหนังสือ" not in dialog.missing_text.text()
    assert "ยังไม่มีไปรษณีย์อิเล็กทรอนิกส์" in dialog.missing_text.text()  # printed without
    database = open_database(db_path)
    with database.session() as s:
        host = services.find_organization(s, "เทศบาลตำบลบ้านกลาง")
        assert (host.letter_code, host.phone) == ("ชม 52001", "053-311-111")
        assert host.address.splitlines()[1] == "อำเภอสันป่าตอง จังหวัดเชียงใหม่ 50120"
        from desktop.core.services.papers import our_organization

        assert our_organization(s).id == host.id
    database.close()


def test_an_online_meeting_without_its_link_sends_her_to_the_details(qtbot, open_window, db_path):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    database = open_database(db_path)
    with database.session() as s:
        services.update_meeting(s, ids.meeting_id, mode="online")
    database.close()
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    assert "การประชุมออนไลน์นี้ยังไม่มีลิงก์เข้าร่วมประชุม" in dialog.missing_text.text()
    dialog.details_button.click()
    qtbot.waitUntil(window.workspace.meeting.details.online_link.hasFocus, timeout=2000)


def test_the_letters_previewed_then_saved_in_one_file_and_a_file_each(
    qtbot, open_window, db_path, save_as, watch_thread
):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id, online=True)
    on_ui_thread = watch_thread(invitation_letters, "invitation_letters")
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    assert not dialog.missing_box.isVisible()
    preview = dialog.invitations.document.toPlainText()
    # The number the batch would take is shown, and nothing is numbered by looking.
    assert "ที่ ชม 52001/ว 1" in preview
    assert "เรียน\tนายกองค์การบริหารส่วนตำบลทุ่งต้อม" in preview
    assert "Meeting ID 812 3456 7890" in preview
    database = open_database(db_path)
    with database.session() as s:
        assert services.papers.register(s) == []
    database.close()

    # Signed for the head: the deputy clerk's line, ปฏิบัติราชการแทน.
    tab = dialog.invitations
    tab.signer.setCurrentIndex(tab.signer.findData(ids.clerk_id))
    assert tab.signing_as.isEnabled()
    tab.signing_as.setCurrentIndex(tab.signing_as.findData("for"))
    tab.signer.activated.emit(tab.signer.currentIndex())
    qtbot.waitUntil(
        lambda: "ปลัดเทศบาลตำบลบ้านกลาง ปฏิบัติราชการแทน" in tab.document.toPlainText(),
        timeout=5000,
    )

    out = db_path.parent / "out"
    out.mkdir()
    save_as.answers = [out / "letters"]
    written = save(qtbot, window, tab.save_button)
    assert written == out / "letters.docx"
    assert save_as.proposed[0].endswith("หนังสือเชิญประชุม-ครั้งที่2-2567.docx")
    lines = [p.text for p in docx.Document(str(written)).paragraphs]
    assert "เรียน\tนายกองค์การบริหารส่วนตำบลทุ่งต้อม" in lines
    assert "ปลัดเทศบาลตำบลบ้านกลาง ปฏิบัติราชการแทน" in lines
    assert "นายกเทศมนตรีตำบลบ้านกลาง" in lines
    assert on_ui_thread and not any(on_ui_thread[-1:])  # written on a worker

    # A file per organisation, as PDF, into a folder: the same ว number (a reprint).
    tab.files.setCurrentIndex(tab.files.findData(True))
    tab.format.setCurrentIndex(tab.format.findData(".pdf"))
    folder = out / "each"
    folder.mkdir()
    save_as.answers = [folder]
    assert save(qtbot, window, tab.save_button) == folder
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["001 องค์การบริหารส่วนตำบลทุ่งต้อม.pdf"]
    assert (folder / files[0]).read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: dialog.reading == 0, timeout=5000)
    assert "ที่ ชม 52001/ว 1\t" in tab.document.toPlainText()

    # The outgoing register, as XLSX.
    save_as.answers = [out / "register.xlsx"]
    register = save(qtbot, window, tab.register_button)
    sheet = openpyxl.load_workbook(register, read_only=True).worksheets[0]
    codes = [row[1] for row in sheet.iter_rows(values_only=True) if len(row) > 1]
    assert [code for code in codes if code and "/ว " in str(code)] == ["ชม 52001/ว 1"]


def test_the_news_is_edited_copied_and_saved_as_she_left_it(
    qtbot, open_window, db_path, save_as, message_boxes
):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    dialog.tabs.setCurrentWidget(dialog.news)
    news = dialog.news
    qtbot.waitUntil(lambda: news.text.toPlainText().startswith("วันที่ 8 พฤษภาคม 2567"), timeout=5000)
    drafted = news.text.toPlainText()
    assert "เทศบาลตำบลบ้านกลาง" in drafted
    assert news.text.isReadOnly() is False

    news.text.setPlainText(drafted.rstrip() + "\n\nภาพ: งานประชาสัมพันธ์")
    news.copy_button.click()
    assert QGuiApplication.clipboard().text().endswith("ภาพ: งานประชาสัมพันธ์")

    # A change elsewhere does not throw her edit away.
    dialog.refresh()
    ready(qtbot, dialog)
    assert news.text.toPlainText().endswith("ภาพ: งานประชาสัมพันธ์")

    out = db_path.parent
    save_as.answers = [out / "news.txt", out / "news.docx"]
    text_file = save(qtbot, window, news.save_button)
    assert save_as.proposed[0].endswith("ข่าวประชาสัมพันธ์-ครั้งที่2-2567.txt")
    assert text_file.read_text(encoding="utf-8").endswith("ภาพ: งานประชาสัมพันธ์\n")
    news.format.setCurrentIndex(news.format.findData(".docx"))
    document = save(qtbot, window, news.save_button)
    paragraphs = [p.text for p in docx.Document(str(document)).paragraphs if p.text]
    assert paragraphs[0] == "ข่าวประชาสัมพันธ์"
    assert paragraphs[-1] == "ภาพ: งานประชาสัมพันธ์"

    # Draft again asks first, then gives the meeting's own draft back.
    news.redraft_button.click()
    assert message_boxes.kinds()[-1] == "question"
    qtbot.waitUntil(lambda: news.text.toPlainText() == drafted, timeout=5000)


def test_the_news_edited_to_nothing_is_refused_and_nothing_written(
    qtbot, open_window, db_path, save_as, message_boxes
):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    dialog.tabs.setCurrentWidget(dialog.news)
    qtbot.waitUntil(lambda: bool(dialog.news.text.toPlainText()), timeout=5000)
    dialog.news.text.setPlainText("  \n\n \x07 ")
    save_as.answers = [db_path.parent / "news.txt"]
    exporter = window.workspace.minutes_tools.exporter
    with qtbot.waitSignal(exporter.failed, timeout=10_000):
        dialog.news.save_button.click()
    assert message_boxes.shown[-1][2] == "ข่าวประชาสัมพันธ์ว่างเปล่า"
    assert not (db_path.parent / "news.txt").exists()


def test_agenda_minutes_and_attendance_previewed_and_saved(qtbot, open_window, db_path, save_as):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    out = db_path.parent

    dialog.tabs.setCurrentWidget(dialog.agenda)
    qtbot.waitUntil(lambda: "ระเบียบวาระที่ 1" in dialog.agenda.document.toPlainText(), timeout=5000)
    assert dialog.agenda.document.toPlainText().startswith(
        "ระเบียบวาระการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"
    )
    dialog.agenda.format.setCurrentIndex(dialog.agenda.format.findData(".pdf"))
    save_as.answers = [out / "agenda.pdf"]
    assert save(qtbot, window, dialog.agenda.save_button).read_bytes().startswith(b"%PDF")
    assert save_as.proposed[-1].endswith("ระเบียบวาระการประชุม-ครั้งที่2-2567.pdf")

    dialog.tabs.setCurrentWidget(dialog.minutes)
    qtbot.waitUntil(lambda: "ผู้มาประชุม" in dialog.minutes.document.toPlainText(), timeout=5000)
    save_as.answers = [out / "minutes.docx"]
    minutes = save(qtbot, window, dialog.minutes.save_button)
    assert "ครั้งที่ 2/2567" in [p.text for p in docx.Document(str(minutes)).paragraphs]

    dialog.tabs.setCurrentWidget(dialog.attendance)
    save_as.answers = [out / "attendance.xlsx"]
    attendance = save(qtbot, window, dialog.attendance.save_button)
    workbook = openpyxl.load_workbook(attendance, read_only=True)
    cells = {str(c) for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row}
    workbook.close()
    assert "นายสมชาย ใจดี" in cells


def test_the_window_says_a_template_paper_needs_libreoffice_for_pdf(
    qtbot, open_window, db_path, monkeypatch
):
    from desktop.exports import builtin_templates, paper_readiness, paper_templates

    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    database = open_database(db_path)
    with database.session() as s:
        paper_templates.set_paper_template(
            s, "agenda", builtin_templates.builtin_template("agenda")
        )
    database.close()
    monkeypatch.setattr(paper_readiness, "libreoffice", lambda: None)
    _window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    agenda = dialog.agenda
    assert agenda.note.text() == "ใช้แม่แบบของหน่วยงาน"
    agenda.format.setCurrentIndex(agenda.format.findData(".pdf"))
    assert "LibreOffice" in agenda.note.text()
    assert not dialog.minutes.note.isVisible()


def test_edited_news_paragraphs_are_normalised_and_limited():
    assert news_release.edited_paragraphs("หนึ่ง\nต่อ\n\n\n สอง \x07") == ["หนึ่ง ต่อ", "สอง"]
    with pytest.raises(Exception, match="20,000"):
        news_release.edited_paragraphs("ก" * 20_001)
