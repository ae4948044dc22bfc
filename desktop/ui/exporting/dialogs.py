"""The small dialogs around an export: which period to summarise, and what to do with
the file once it is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.views import NetworkRow
from desktop.ui.widgets.thai_date import ThaiDateField


class ExportDoneDialog(QDialog):
    """Written: open the file, show its folder, or carry on."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Export finished"))
        label = QLabel(self.tr("The file is written:\n{0}").format(path))
        label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open the file"), self)
        self.folder_button = QPushButton(self.tr("Show the &folder"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button.clicked.connect(self.accept)

    def open_file(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        self.accept()

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
        self.accept()


class PeriodDialog(QDialog):
    """A network and a period (this Buddhist Era year to begin with)."""

    chosen = Signal(int, str, object, object)
    """(network id, network name, first day, last day)."""

    def __init__(
        self, networks: list[NetworkRow], network_id: int | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance summary of a network"))
        self.network = QComboBox(self)
        for network in networks:
            self.network.addItem(network.name, network.id)
        self.network.setCurrentIndex(max(0, self.network.findData(network_id)))
        today = date.today()
        self.date_from = ThaiDateField(self)
        self.date_from.setDate(date(today.year, 1, 1))
        self.date_to = ThaiDateField(self)
        self.date_to.setDate(date(today.year, 12, 31))
        form = QFormLayout()
        form.addRow(self.tr("Network"), self.network)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(networks))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.network.currentIndex() < 0:
            return
        super().accept()
        self.chosen.emit(
            int(self.network.currentData()),
            self.network.currentText(),
            self.date_from.date(),
            self.date_to.date(),
        )
