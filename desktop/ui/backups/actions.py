"""File → Back up now… and File → Restore from a backup…

A backup is a consistent copy made with SQLite's backup API, wherever she wants it (a
USB stick). Restoring replaces the database with a backup: the window lets go of the
file, the current data is kept as a copy beside it, and the window opens again on the
restored data. The daily backups are listed newest first; how many are kept is set here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import PrachumError
from desktop.core.file_names import proposed_path
from desktop.core.operations.backups import backup_folder, backup_to, list_backups
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.settings import MAX_BACKUPS_KEPT, AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.startup import backup_time

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """The backups beside the database, newest first, or another file; and how many to keep."""

    chosen = Signal(Path)

    def __init__(self, db_path: Path, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.list = QListWidget(self)
        for backup in list_backups(db_path):
            size = backup.stat().st_size / 1_000_000
            item = QListWidgetItem(
                self.tr("{0}   ({1} MB, {2})").format(
                    backup_time(backup), f"{size:.1f}", backup.name
                )
            )
            item.setData(PATH_ROLE, str(backup))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore_chosen())
        folder = QLabel(
            self.tr("Daily backups are kept in {0}").format(backup_folder(db_path)), self
        )
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, MAX_BACKUPS_KEPT)
        self.keep.setValue(settings.backups_to_keep)
        self.keep.valueChanged.connect(self._keep_changed)
        keep_label = QLabel(self.tr("&Keep the newest"), self)
        keep_label.setBuddy(self.keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("daily backups"), self))
        keep_row.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(self.list.count() > 0)
        self.other_button: QPushButton = self.buttons.addButton(
            self.tr("Choose another &file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.restore_button.clicked.connect(self._restore_chosen)
        self.other_button.clicked.connect(self._choose_file)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the backup to go back to:"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(folder)
        layout.addLayout(keep_row)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def backups(self) -> list[Path]:
        return [Path(self.list.item(r).data(PATH_ROLE)) for r in range(self.list.count())]

    def _keep_changed(self, value: int) -> None:
        self.settings.backups_to_keep = value

    def _restore_chosen(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.accept()
            self.chosen.emit(Path(item.data(PATH_ROLE)))

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            self.settings.last_folder("backup"),
            self.tr("Prachum database (*.db);;All files (*)"),
        )
        if name:
            self.settings.set_last_folder("backup", Path(name).parent)
            self.accept()
            self.chosen.emit(Path(name))


class BackupActions(QObject):
    """What the File menu's two backup entries do, over the window's store.

    `replace_database(change)` is the host's: close the window and the database, run
    `change()` (which returns where the old data was kept), and open everything again.
    """

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        settings: AppSettings,
        replace_database: Callable[[Callable[[], Path | None]], bool],
    ):
        super().__init__(window)
        self.window = window
        self.store = store
        self.settings = settings
        self.replace_database = replace_database
        self.dialog: RestoreDialog | None = None

    # --- backing up ------------------------------------------------------------------------

    def default_backup_name(self, now: datetime | None = None) -> str:
        stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
        return f"{self.store.path.stem}-copy-{stamp}{self.store.path.suffix}"

    def back_up_now(self) -> None:
        folder = Path(self.settings.last_folder("backup"))
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the database"),
            str(proposed_path(folder, self.default_backup_name())),
            self.tr("Prachum database (*.db)"),
        )
        if name:
            self.back_up_to(Path(name))

    def back_up_to(self, target: Path) -> Path | None:
        flush_pending()
        if target.resolve() == self.store.path.resolve():
            self.store.reporter.show_problem(
                self.window,
                PrachumError(
                    "ไฟล์สำรองต้องไม่ใช่ไฟล์ฐานข้อมูลที่เปิดอยู่",
                    "The backup cannot be the open database itself.",
                ),
            )
            return None
        try:
            made = backup_to(self.store.database, target)
        except PrachumError as error:
            self.store.reporter.show_problem(self.window, error)
            return None
        self.settings.set_last_folder("backup", made.parent)
        self.window.statusBar().showMessage(self.tr("Backed up to {0}").format(made))
        return made

    # --- restoring -------------------------------------------------------------------------

    def choose_backup(self) -> RestoreDialog:
        self.dialog = RestoreDialog(self.store.path, self.settings, self.window)
        self.dialog.chosen.connect(self.restore)
        self.dialog.open()
        return self.dialog

    def restore(self, backup: Path) -> bool:
        """Ask, then put the backup in place of the database (the current data kept)."""
        from desktop.core.operations.backups import restore_from

        flush_pending()
        if self.store.kept and not self.store.write_kept():
            QMessageBox.warning(
                self.window,
                self.tr("Restore from a backup"),
                self.tr(
                    "Some typed changes are still waiting to be saved. Free some disk space "
                    "first, then restore."
                ),
            )
            return False
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace all of Prachum's data with the backup of {0}?\n\n"
                "What is in Prachum now is kept as a copy beside the database, so this "
                "can be undone."
            ).format(backup_time(backup) if backup.exists() else backup.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        path = self.store.path
        return self.replace_database(lambda: restore_from(backup, path))
