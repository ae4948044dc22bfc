"""F1: a short guide to the window and its keys, beside the work rather than over it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prachum help"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        browser = QTextBrowser(self)
        browser.setOpenExternalLinks(False)
        browser.setHtml(self.guide())
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        self.resize(620, 560)

    def guide(self) -> str:
        keys = [
            ("Ctrl+N", self.tr("New meeting")),
            ("Ctrl+F", self.tr("Search the meetings")),
            ("Ctrl+L", self.tr("Find a person in the attendance")),
            ("Space", self.tr("Present / absent for the chosen person")),
            ("Enter", self.tr("In the finder: mark present, or add the chosen person")),
            ("Esc", self.tr("Leave the finder")),
            ("Delete", self.tr("Take the chosen person off the list")),
            ("Alt+Down", self.tr("Open the calendar of a date field")),
            ("Ctrl+3", self.tr("The agenda of the open meeting")),
            ("Ctrl+Enter", self.tr("In the agenda: a new item after this one")),
            ("Ctrl+Shift+Enter", self.tr("In the agenda: a new sub-item")),
            ("Tab / Shift+Tab", self.tr("In the agenda tree: indent / outdent the item")),
            ("Alt+Up / Alt+Down", self.tr("In the agenda: the item above / below")),
            ("Ctrl+T", self.tr("Write the time now (10.35 น.) where you are typing")),
            ("Ctrl+E", self.tr("Export the minutes (DOCX)")),
            ("Ctrl+Shift+F", self.tr("Search all meetings")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in keys)
        return (
            "<h2>" + self.tr("Getting started") + "</h2>"
            "<ol>"
            "<li>"
            + self.tr("Create your network (Roster menu) with its member organisations.")
            + "</li>"
            "<li>"
            + self.tr("Add the people of each organisation (Roster → Organisations and people).")
            + "</li>"
            "<li>"
            + self.tr("Create a meeting (Ctrl+N); it can copy the people of the last meeting.")
            + "</li>"
            "<li>"
            + self.tr(
                "During the meeting, open the Attendance tab and type a few letters of each name you hear."
            )
            + "</li>"
            "</ol>"
            "<p>" + self.tr("Everything is saved as you go; there is no Save button.") + "</p>"
            "<h2>" + self.tr("Keys") + "</h2>"
            f"<table cellpadding='4'>{rows}</table>"
        )
