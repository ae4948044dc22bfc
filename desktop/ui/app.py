"""Start the desktop window: `run(db_path)` is what `python main.py` calls with no command."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.ui import startup_probe
from desktop.ui.errors import ErrorReporter
from desktop.ui.fonts import ensure_thai_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.startup import Choices, Opened, daily_backup, open_for_window
from desktop.ui.store import Store
from desktop.ui.widgets.autosave import flush_pending
from desktop.ui.worker import run_in_background

TEST_DRIVER_VARIABLE = "PRACHUM_TEST_DRIVER"
DAILY_CHECK_MS = 60 * 60 * 1000


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once, with our names (QSettings files are found by them)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


class AppHost(QObject):
    """The open database and its window: what a restore replaces, what a close guards.

    The window is made here with everything around it: the backup entries of the File
    menu, the read-only marks, the status-bar line for changes the disk refuses, and a
    close that asks before any typed change is thrown away.
    """

    def __init__(self, opened: Opened, settings: AppSettings, reporter: ErrorReporter):
        super().__init__()
        self.opened = opened
        self.settings = settings
        self.reporter = reporter
        self.window: MainWindow | None = None
        self.trouble: QLabel | None = None
        self.driver: QObject | None = None  # the test driver, under PRACHUM_TEST_DRIVER
        self.wake: QTimer | None = None
        # A laptop that sleeps instead of quitting still gets its daily backup.
        self._backing_up = False
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(self.back_up_today)
        self.daily.start()

    @property
    def store(self) -> Store:
        assert self.window is not None
        return self.window.store

    def show(self) -> MainWindow:
        from desktop.ui.backup_actions import BackupActions

        store = Store(self.opened.database, self.reporter)
        window = MainWindow(store, self.settings)
        self.window = window
        self.backups = BackupActions(window, store, self.settings, self.replace_database)
        language = next(
            a
            for a in window.file_menu.actions()
            if a.menu() is not None and window.thai_action in a.menu().actions()
        )
        self.backups.add_to(window.file_menu, language)
        self.trouble = QLabel(window)
        self.trouble.setStyleSheet("color: #a40000; font-weight: bold;")
        self.trouble.hide()
        window.statusBar().addPermanentWidget(self.trouble)
        store.trouble.connect(self._show_trouble)
        store.recovered.connect(self._recovered)
        window.installEventFilter(self)
        if self.opened.readonly:
            self._mark_read_only(window)
        window.show()
        for note in self.opened.notes:
            QMessageBox.information(window, APP_NAME, note)
        self.opened.notes.clear()
        return window

    def back_up_today(self) -> None:
        """Today's backup if there is none yet (start-up made one unless it failed).

        On the worker: a whole-file copy of years of meetings must not freeze the window
        in the middle of a meeting (the SQLite backup API is safe beside the writer).
        """
        if self._backing_up:
            return
        self._backing_up = True
        notes = len(self.opened.notes)
        # Settings are read here, on the UI thread; the worker gets plain values.
        keep = SimpleNamespace(backups_to_keep=self.settings.backups_to_keep)

        def done(_result: object = None) -> None:
            self._backing_up = False
            if self.window is not None and len(self.opened.notes) > notes:
                self.window.statusBar().showMessage(self.opened.notes.pop())

        run_in_background(lambda: daily_backup(self.opened, keep), done, done)

    def _mark_read_only(self, window: MainWindow) -> None:
        window.setWindowTitle(
            window.windowTitle() + " — " + QCoreApplication.translate("App", "read-only")
        )
        self._show_trouble(self.store.trouble_text())
        for action in (
            window.new_meeting_action,
            window.import_action,
            window.demo_action,
            window.new_network_action,
            window.copy_people_action,
        ):
            action.setEnabled(False)
        window.meeting_actions.remove(window.copy_people_action)
        window.welcome.setEnabled(False)

    def _show_trouble(self, text: str) -> None:
        if self.trouble is not None:
            self.trouble.setText(text)
            self.trouble.show()

    def _recovered(self) -> None:
        if self.trouble is not None:
            self.trouble.hide()
        if self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("App", "Everything you typed is saved again.")
            )

    # --- closing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self.may_close():
            event.ignore()
            return True
        return False

    def may_close(self) -> bool:
        """True when nothing typed would be lost, or she chose to lose it."""
        flush_pending()
        store = self.store
        while store.kept and not store.write_kept():
            answer = QMessageBox.question(
                self.window,
                QCoreApplication.translate("App", "Changes not saved"),
                QCoreApplication.translate(
                    "App",
                    "{0} typed changes could not be saved ({1}).\n\n"
                    "Free some disk space and choose Retry, or Cancel to keep working. "
                    "Discard closes Prachum and loses these changes.",
                ).format(len(store.kept), store.trouble_text()),
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Retry:
                continue
            if answer == QMessageBox.StandardButton.Discard:
                store.discard_kept()
                return True
            return False
        return True

    def save_everything(self) -> None:
        """Store what is typed and kept, without asking: the session is ending."""
        flush_pending()
        if self.window is not None:
            self.store.write_kept()

    def close(self) -> None:
        self.opened.close()

    # --- restoring -------------------------------------------------------------------------

    def replace_database(self, change: Callable[[], Path | None]) -> bool:
        """Let go of the file, run `change()` on it, and open the window on it again."""
        app = QApplication.instance()
        old = self.window
        if old is None or not self.may_close():
            return False
        # A preview read or a backup still running must finish before the file goes.
        QThreadPool.globalInstance().waitForDone()
        app.setQuitOnLastWindowClosed(False)
        try:
            old.removeEventFilter(self)
            old.close()
            old.deleteLater()
            self.opened.database.close()
            path = self.opened.database.path
            note = None
            try:
                kept = change()
                note = QCoreApplication.translate(
                    "App", "The backup is restored. The data from before is kept as {0}."
                ).format(kept.name if kept else "-")
            except (PrachumError, OSError) as error:
                self.reporter.show_problem(
                    None, error if isinstance(error, PrachumError) else PrachumError(str(error))
                )
            try:
                self.opened.database = open_database(path)
            except PrachumError as error:
                QMessageBox.critical(
                    None,
                    QCoreApplication.translate("App", "The database cannot be opened"),
                    error.message(),
                )
                app.quit()
                return False
            if note:
                self.opened.notes.append(note)
            self.show()
            return note is not None
        finally:
            app.setQuitOnLastWindowClosed(True)


def _save_when_the_session_ends(app: QApplication, host: AppHost) -> None:
    """A logout or a shutdown asks the app to save (Windows, X11 session managers); a
    SIGTERM is Linux's way of saying the same. Typed text is stored, then the app ends."""
    app.commitDataRequest.connect(lambda _manager: host.save_everything())

    def terminate(*_args) -> None:
        host.save_everything()
        app.quit()

    signal.signal(signal.SIGTERM, terminate)
    # Python runs a signal handler only between its own statements: wake it now and then.
    host.wake = QTimer(host)
    host.wake.timeout.connect(lambda: None)
    host.wake.start(250)


def run(db_path: Path | None, choices: Choices | None = None) -> int:
    """Open the database (the default one when None) in the main window; the exit code."""
    app = application()
    settings = AppSettings()
    translator = install_language(app, settings.language)
    ensure_thai_font(app)
    reporter = ErrorReporter(language=settings.language)
    reporter.install()
    opened = open_for_window(db_path, settings, choices)
    if opened is None:
        reporter.uninstall()
        return 2
    host = AppHost(opened, settings, reporter)
    _save_when_the_session_ends(app, host)
    try:
        window = host.show()
        startup_probe.arm(app, window)
        script = os.environ.get(TEST_DRIVER_VARIABLE)
        if script:
            from desktop.ui.test_driver import start_driver

            host.driver = start_driver(window, Path(script))
        return app.exec()
    finally:
        host.save_everything()  # typed after a quit was asked for, before the loop ended
        host.close()
        reporter.uninstall()
        del translator
