"""Start the desktop window: `run(db_path)` is what `python main.py` calls with no command."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.ui import startup_probe
from desktop.ui.errors import ErrorReporter
from desktop.ui.fonts import ensure_thai_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.store import Store


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once, with our names (QSettings files are found by them)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(db_path: Path | None) -> int:
    """Open the database (the default one when None) in the main window; the exit code."""
    app = application()
    settings = AppSettings()
    translator = install_language(app, settings.language)
    ensure_thai_font(app)
    reporter = ErrorReporter(language=settings.language)
    reporter.install()
    try:
        database = open_database(db_path)
    except PrachumError as error:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "The database cannot be opened"),
            error.message(settings.language),
        )
        reporter.uninstall()
        return 2
    window = MainWindow(Store(database, reporter), settings)
    window.show()
    startup_probe.arm(app, window)
    try:
        return app.exec()
    finally:
        database.close()
        reporter.uninstall()
        del translator
