"""Her office's own template for a paper, from the paper's tab: use one of hers, save the
built-in layout to start from, go back to the built-in layout, read the fields.

The same functions as `template PAPER --set/--builtin/--clear/--fields`: a broken
template is refused with the field and paragraph named (the message the store shows),
and the one she kept before stays in use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import PrachumError
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store

WORD_FILTER = "Word (*.docx)"
BUILTIN_NAMES = {
    "invitation": "แม่แบบหนังสือเชิญประชุม.docx",
    "agenda": "แม่แบบระเบียบวาระการประชุม.docx",
    "news": "แม่แบบข่าวประชาสัมพันธ์.docx",
    "minutes": "แม่แบบรายงานการประชุม.docx",
}


class FieldsDialog(QDialog):
    """The fields a template of the paper can use, to read or copy (not modal)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fields a template can use"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.text.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)


class TemplateMenu(QObject):
    """The "Your office's template" button of one paper's tab, and what its menu does."""

    kept = Signal(str)
    """Her template for the paper was kept, or dropped (the paper's name)."""

    def __init__(
        self,
        paper: str,
        store: Store,
        settings: AppSettings | None,
        language: str,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.paper = paper
        self.store = store
        self.settings = settings
        self.language = language
        self.widget = parent
        self.fields_dialog: FieldsDialog | None = None
        self.button = QToolButton(parent)
        self.button.setText(self.tr("Your &office's template"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.use_action = self.menu.addAction(self.tr("Use a template of my own (DOCX)…"))
        self.builtin_action = self.menu.addAction(
            self.tr("Save the built-in layout as a template to start from…")
        )
        self.clear_action = self.menu.addAction(self.tr("Back to the built-in layout"))
        self.menu.addSeparator()
        self.fields_action = self.menu.addAction(self.tr("Fields a template can use…"))
        self.button.setMenu(self.menu)
        self.use_action.triggered.connect(lambda _checked=False: self.use_own())
        self.builtin_action.triggered.connect(lambda _checked=False: self.save_builtin())
        self.clear_action.triggered.connect(lambda _checked=False: self.clear())
        self.fields_action.triggered.connect(lambda _checked=False: self.show_fields())
        self.show_kept(False)

    def show_kept(self, kept: bool) -> None:
        """Whether she keeps a template for the paper: "back to built-in" only then."""
        self.clear_action.setEnabled(kept)

    def _folder(self) -> str:
        return self.settings.last_folder("template") if self.settings is not None else ""

    def _remember(self, path: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder("template", path.parent)

    def use_own(self, path: Path | None = None) -> bool:
        """Keep a DOCX of hers for the paper; False when she cancelled or it was refused."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.widget, self.tr("Your office's template"), self._folder(), WORD_FILTER
            )
            if not chosen:
                return False
            path = Path(chosen)
        self._remember(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.store.reporter.show_problem(
                self.widget,
                PrachumError(
                    f"อ่านไฟล์ {path.name} ไม่ได้", f"Cannot read {path.name} ({exc.strerror})."
                ),
            )
            return False
        from desktop.exports.paper_templates import set_paper_template

        paper = self.paper
        done = self.store.change(lambda s: set_paper_template(s, paper, data), parent=self.widget)
        if done is not None:
            self.kept.emit(paper)
        return done is not None

    def save_builtin(self, path: Path | None = None) -> Path | None:
        """Write the built-in layout, fields marked, where she says."""
        from desktop.core.atomic import write_atomically
        from desktop.core.file_names import proposed_path
        from desktop.exports.builtin_templates import builtin_template

        if path is None:
            proposed = proposed_path(
                Path(self._folder()), BUILTIN_NAMES[self.paper], suffix=".docx"
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self.widget,
                self.tr("Save the built-in layout as a template"),
                str(proposed),
                WORD_FILTER,
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.casefold() != ".docx":
                path = path.with_name(path.name + ".docx")
        self._remember(path)
        data = builtin_template(self.paper)

        def write(temporary: Path) -> None:
            temporary.write_bytes(data)

        try:
            return write_atomically(path, write)
        except PrachumError as error:
            self.store.reporter.show_problem(self.widget, error)
        except OSError as exc:
            self.store.reporter.show_problem(
                self.widget,
                PrachumError(
                    f"บันทึกไฟล์ไม่ได้: {exc.strerror or exc}",
                    f"The file could not be written: {exc.strerror or exc}",
                ),
            )
        return None

    def clear(self) -> bool:
        from desktop.exports.paper_templates import set_paper_template

        paper = self.paper
        done = self.store.change(lambda s: set_paper_template(s, paper, None), parent=self.widget)
        if done is not None:
            self.kept.emit(paper)
        return done is not None

    def show_fields(self) -> FieldsDialog:
        from desktop.exports.template_fields import fields_text

        if self.fields_dialog is None:
            self.fields_dialog = FieldsDialog(fields_text(self.paper, self.language), self.widget)
        self.fields_dialog.show()
        self.fields_dialog.raise_()
        return self.fields_dialog
