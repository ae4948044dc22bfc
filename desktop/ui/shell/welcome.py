"""The first page of an empty database: three ways on, each one click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    create_network = Signal()
    import_meeting = Signal()
    open_demo = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Prachum"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Prachum keeps your network's members, meetings, attendance and minutes "
                "on this computer. Everything you type is saved at once. How would you "
                "like to start?"
            )
        )
        intro.setWordWrap(True)
        self.network_button = QCommandLinkButton(
            self.tr("Create a network"),
            self.tr("Name your network and add its member organisations and people."),
        )
        self.import_button = QCommandLinkButton(
            self.tr("Import a meeting file"),
            self.tr("Open a .meeting.json file that another office sent you."),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo data"),
            self.tr("Look around with an example network, its people and three meetings."),
        )
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(8)
        column.addWidget(intro)
        column.addSpacing(16)
        for button in (self.network_button, self.import_button, self.demo_button):
            column.addWidget(button)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMinimumWidth(560)
        box.setMaximumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        # The style's own focus line was too faint to see: she could not tell which choice
        # Enter would take. A frame in the selection colour says it at a glance.
        self.setStyleSheet(
            "QCommandLinkButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }"
        )
        self.network_button.clicked.connect(self.create_network)
        self.import_button.clicked.connect(self.import_meeting)
        self.demo_button.clicked.connect(self.open_demo)

    def showEvent(self, event) -> None:
        # At a first start nothing had the focus, and Enter did nothing until she pressed
        # Tab: the first choice takes it, framed, so Enter goes on at once.
        super().showEvent(event)
        if not any(b.hasFocus() for b in (self.import_button, self.demo_button)):
            self.network_button.setFocus(Qt.FocusReason.OtherFocusReason)
