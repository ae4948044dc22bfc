"""Her own template for a paper, from its tab of the Papers dialog: the built-in layout
saved to start from, hers kept (a broken one refused, naming the field), the letters then
written from it, the fields she can use, and back to the built-in layout."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QFileDialog
from ui.test_agenda_data import two_meetings
from ui.test_exporting import SaveAs
from ui.test_papers_dialog import letters_ready, open_papers, ready, save

from desktop.core.db import open_database
from desktop.exports.paper_templates import paper_template
from desktop.ui.papers.templates import FieldsDialog


@pytest.fixture
def file_dialogs(message_boxes, monkeypatch) -> SaveAs:
    """The file dialogs' answers, in turn (save or open); what the save dialog proposed."""
    dialogs = SaveAs()

    def ask(_parent, _title, proposed, file_filter, *args, **kwargs):
        dialogs.proposed.append(proposed)
        return (str(dialogs.answers.pop(0)), file_filter) if dialogs.answers else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(ask))
    return dialogs


def _kept(db_path, paper: str) -> bytes | None:
    database = open_database(db_path)
    with database.session() as s:
        data = paper_template(s, paper)
    database.close()
    return data


def test_her_letter_template_from_the_papers_dialog(
    qtbot, open_window, db_path, file_dialogs, message_boxes
):
    ids = two_meetings(db_path)
    letters_ready(db_path, ids.meeting_id)
    window, dialog = open_papers(qtbot, open_window, db_path, ids.meeting_id)
    tab = dialog.invitations
    menu = dialog.template_menus["invitation"]
    assert set(dialog.template_menus) == {"invitation", "agenda", "news", "minutes"}
    assert tab.isAncestorOf(menu.button) and menu.button.isVisible()
    assert not menu.clear_action.isEnabled()  # nothing of hers to go back from

    # The built-in letter, its fields marked, saved where she says.
    out = db_path.parent / "out"
    out.mkdir()
    file_dialogs.answers = [out / "my-letter"]
    menu.builtin_action.trigger()
    start = out / "my-letter.docx"
    assert file_dialogs.proposed[-1].endswith("แม่แบบหนังสือเชิญประชุม.docx")
    document = docx.Document(str(start))
    assert "เรียน\t{{ letter.salutation }}" in [p.text for p in document.paragraphs]

    # A field no letter has: refused, the field named, nothing kept.
    document.add_paragraph("ด่วน {{ letter.urgency }}")
    broken = out / "broken.docx"
    document.save(str(broken))
    file_dialogs.answers = [broken]
    menu.use_action.trigger()
    assert message_boxes.shown and "letter.urgency" in message_boxes.shown[-1][2]
    assert _kept(db_path, "invitation") is None

    # Her own: the built-in letter with ด่วนที่สุด above it.
    mine = docx.Document(str(start))
    mine.paragraphs[0].insert_paragraph_before("ด่วนที่สุด")
    own = out / "own.docx"
    mine.save(str(own))
    file_dialogs.answers = [own]
    menu.use_action.trigger()
    assert _kept(db_path, "invitation") == own.read_bytes()
    qtbot.waitUntil(menu.clear_action.isEnabled, timeout=5000)
    ready(qtbot, dialog)
    assert tab.note.isVisible() and tab.note.text() == "ใช้แม่แบบของหน่วยงาน"

    file_dialogs.answers = [out / "letters.docx"]
    written = save(qtbot, window, tab.save_button)
    lines = [p.text for p in docx.Document(str(written)).paragraphs]
    assert lines.count("ด่วนที่สุด") == lines.count("ขอแสดงความนับถือ") == 1
    assert "เรียน\tนายกองค์การบริหารส่วนตำบลทุ่งต้อม" in lines

    fields = menu.fields_action
    fields.trigger()
    shown = menu.fields_dialog
    assert isinstance(shown, FieldsDialog) and shown.isVisible()
    assert "letter.salutation" in shown.text.toPlainText()
    shown.close()

    menu.clear_action.trigger()
    assert _kept(db_path, "invitation") is None
    qtbot.waitUntil(lambda: not menu.clear_action.isEnabled(), timeout=5000)
    ready(qtbot, dialog)
    assert not tab.note.isVisible()
