"""Before finalising: what is probably wrong, each a click away from its place.

The list comes from services.checks (the same the `check` command prints). A click on a
line closes the dialog and opens the page, row or item that fixes it; "Finalise anyway"
finalises as it is. Nothing here stops her: these are warnings, not rules.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.checks import Finding


class ChecksDialog(QDialog):
    go_to = Signal(object)
    """The Finding she clicked: the window opens its place."""

    def __init__(self, findings: list[Finding], language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before finalising"))
        self.findings = list(findings)
        intro = QLabel(
            self.tr(
                "These look wrong in the minutes. Click one to go to its place and fix it, "
                "or finalise anyway."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for finding in self.findings:
            item = QListWidgetItem(icon, finding.message(language))
            item.setToolTip(self.tr("Click to go there"))
            self.list.addItem(item)
        self.list.setWordWrap(True)
        self.list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.list.itemActivated.connect(self._go)
        self.list.itemClicked.connect(self._go)
        buttons = QDialogButtonBox(self)
        self.finalise_button = buttons.addButton(
            self.tr("&Finalise anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.cancel_button.setDefault(True)
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _go(self, item: QListWidgetItem) -> None:
        finding = self.findings[self.list.row(item)]
        self.reject()
        self.go_to.emit(finding)
