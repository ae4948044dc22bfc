"""Qt's own words in a Thai window: the file dialog, Yes/No, Cancel, the context menu."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _shown_words(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisible()]
    return [t.replace("&", "") for t in texts if t]


def test_the_file_dialog_speaks_thai(qtbot, qapp, tmp_path):
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "บันทึก", str(tmp_path), "เอกสาร (*.docx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        words = _shown_words(dialog)
        assert "ค้นใน:" in words and "ชื่อไฟล์:" in words and "ยกเลิก" in words
        english = [w for w in words if LATIN_WORD.search(w) and "docx" not in w]
        assert english == []
        dialog.close()


def test_yes_no_and_dialog_buttons_speak_thai(qtbot, qapp):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "ยืนยัน",
        "ลบหรือไม่",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"ใช่", "ไม่"}
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert {b.text() for b in buttons.buttons()} == {"ตกลง", "ยกเลิก"}


def test_the_text_fields_menu_speaks_thai(qtbot, qapp):
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    words = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert "คัดลอก" in words and "วาง" in words
    assert not any(LATIN_WORD.search(w) for w in words)
