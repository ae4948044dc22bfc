"""One tab of the Papers dialog per paper: its options, the format, Save, and the preview.

The tabs hold widgets only; the dialog reads the previews on a worker and starts the
saving (papers/dialog.py).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.exports.paper_readiness import PapersState
from desktop.ui.meeting.preview.render import MinutesDocument, preview_font

OPTIONS_WIDTH = 370


class PaperTab(QWidget):
    """A paper's options at the left (format, Save) and what she will get at the right."""

    def __init__(self, paper: str, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.paper = paper
        """The paper's name (`invitations`, `agenda`, `news`, `minutes`, `attendance`)."""
        self.template_paper: str | None = paper
        """Its name among her own templates (None: it has none)."""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.format = QComboBox()
        for label, suffix in formats:
            self.format.addItem(label, suffix)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setDefault(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QVBoxLayout()
        self.buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.note)
        left.addLayout(self.buttons)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setFixedWidth(OPTIONS_WIDTH)
        self.row = QHBoxLayout(self)
        self.row.addWidget(holder)

    def fit_fields(self) -> None:
        """Every choice as wide as the column: a long Thai choice is read whole."""
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def add_format_row(self) -> None:
        self.form.addRow(self.tr("&Format"), self.format)

    def suffix(self) -> str:
        return str(self.format.currentData())

    def set_preview(self, widget: QWidget) -> None:
        self.row.addWidget(widget, 1)
        self.fit_fields()

    def show_state(self, state: PapersState, language: str) -> None:
        """Say what stops this paper, or that her template (and LibreOffice) is used."""
        stopped = state.stopped(self.paper)
        lines: list[str] = []
        colour = "#8a5a00"
        if stopped:
            colour = "#b00020"
            lines.append(self.tr("Cannot be written yet:"))
            lines.extend(f"• {m.message(language)}" for m in stopped)
        elif self.template_paper in state.templates:
            lines.append(self.tr("Written from your office's own template."))
            if self.suffix() == ".pdf" and not state.libreoffice:
                colour = "#b00020"
                lines.append(
                    self.tr(
                        "A paper from your template becomes PDF only where LibreOffice is "
                        "installed: choose Word (DOCX)."
                    )
                )
        self.note.setStyleSheet(f"color: {colour};")
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))
        self.save_button.setEnabled(not stopped)


def _preview_view(parent: QWidget) -> QTextEdit:
    view = QTextEdit(parent)
    view.setReadOnly(True)
    view.setStyleSheet("QTextEdit { background: white; color: black; }")
    return view


class BlocksTab(PaperTab):
    """A paper laid out as minutes-style blocks (the agenda, the minutes)."""

    def __init__(self, paper: str, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(paper, formats, parent)
        self.document = QTextDocument(self)
        self.blocks = MinutesDocument(self.document)
        self.view = _preview_view(self)
        self.view.setDocument(self.document)
        self.set_preview(self.view)


class InvitationsTab(PaperTab):
    def __init__(self, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__("invitations", formats, parent)
        self.template_paper = "invitation"
        self.to = QComboBox()
        self.to.addItem(self.tr("Each member organisation of the network"), False)
        self.to.addItem(self.tr("Each expected person's organisation"), True)
        self.files = QComboBox()
        self.files.addItem(self.tr("One file, a letter per page"), False)
        self.files.addItem(self.tr("A file for each organisation (in a folder)"), True)
        self.signer = QComboBox()
        self.signing_as = QComboBox()
        self.signing_as.addItem(self.tr("ปฏิบัติราชการแทน (signing for the head)"), "for")
        self.signing_as.addItem(self.tr("รักษาราชการแทน (acting for the head)"), "acting")
        self.form.addRow(self.tr("&To"), self.to)
        self.form.addRow(self.tr("F&iles"), self.files)
        self.add_format_row()
        self.form.addRow(self.tr("Si&gned by"), self.signer)
        self.form.addRow(self.tr("Signing &as"), self.signing_as)
        self.save_button.setText(self.tr("&Save the letters…"))
        self.register_button = QPushButton(self.tr("Save the outgoing &register (XLSX)…"))
        self.buttons.addWidget(self.register_button)
        self.document = QTextDocument(self)
        self.view = _preview_view(self)
        self.view.setDocument(self.document)
        self.set_preview(self.view)
        self.signer.currentIndexChanged.connect(self._signer_changed)
        self._signer_changed()

    def set_signers(self, state: PapersState) -> None:
        chosen = self.signer.currentData()
        self.signer.blockSignals(True)
        self.signer.clear()
        self.signer.addItem(self.tr("The head himself"), None)
        for person in state.signers:
            label = f"{person.name} ({person.position})" if person.position else person.name
            self.signer.addItem(label, person.id)
        self.signer.setCurrentIndex(max(0, self.signer.findData(chosen)))
        self.signer.blockSignals(False)
        self._signer_changed()

    def _signer_changed(self, *_args) -> None:
        self.signing_as.setEnabled(self.signer.currentData() is not None)

    def signing(self) -> tuple[int | None, str]:
        signer = self.signer.currentData()
        return signer, str(self.signing_as.currentData()) if signer is not None else "self"


class AgendaTab(BlocksTab):
    def __init__(self, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__("agenda", formats, parent)
        self.with_text = QCheckBox(self.tr("With each item's prepared &text"))
        self.add_format_row()
        self.form.addRow("", self.with_text)


class MinutesTab(BlocksTab):
    def __init__(self, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__("minutes", formats, parent)
        self.add_format_row()


class NewsTab(PaperTab):
    """The press release in an editable pane: she may change it, copy it, save it."""

    def __init__(self, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__("news", formats, parent)
        self.add_format_row()
        self.text = QPlainTextEdit(self)
        self.text.setFont(preview_font())
        self.text.setPlaceholderText(self.tr("The press release is drafted from the meeting…"))
        self.copy_button = QPushButton(self.tr("&Copy the text"))
        self.redraft_button = QPushButton(self.tr("&Draft it again from the meeting"))
        self.buttons.insertWidget(0, self.copy_button)
        self.buttons.addWidget(self.redraft_button)
        self.drafted = ""
        """The text as drafted, to tell whether she edited it."""
        self.copy_button.clicked.connect(self.copy)
        self.set_preview(self.text)

    def show_draft(self, text: str) -> None:
        self.drafted = text
        self.text.setPlainText(text)

    def edited(self) -> bool:
        return self.text.toPlainText() != self.drafted

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


class AttendanceTab(PaperTab):
    def __init__(self, formats: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__("attendance", formats, parent)
        self.template_paper = None
        self.add_format_row()
        self.summary = QLabel(
            self.tr(
                "The attendance workbook: who was expected, who came and who did not "
                "(with the reasons), joins and leaves, one line each."
            )
        )
        self.summary.setWordWrap(True)
        self.set_preview(self.summary)
