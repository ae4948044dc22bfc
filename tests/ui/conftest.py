"""The window under test: offscreen, Thai, its settings in a temporary folder, and no
message box or modal loop that could wait for a click that never comes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.base import i18n_build
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.app import application
from desktop.ui.shell.fonts import ensure_thai_font
from desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def backend() -> str:
    """The window's tests run on SQLite; one smoke test opens it on a server."""
    return "sqlite"


@pytest.fixture(scope="session")
def qapp():
    """pytest-qt's application, with our names, the Thai translation and a Thai font."""
    app = application()
    i18n_build.compile_translations()
    app._prachum_translator = install_language(app, "th")
    ensure_thai_font(app)
    return app


@dataclass
class MessageBoxes:
    """Every message box a test caused: (kind, title, text); question answers Yes."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch, tmp_path: Path) -> MessageBoxes:
    """Settings in tmp_path; message boxes recorded, modal loops refused (never hang)."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    boxes = MessageBoxes()

    def record(kind):
        def show(_parent, title, text, *args, **kwargs):
            boxes.shown.append((kind, title, text))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))

    def no_modal(*_args, **_kwargs):
        raise AssertionError("a modal dialog was started in a test")

    monkeypatch.setattr(QDialog, "exec", no_modal)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_modal))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(no_modal))
    return boxes


@pytest.fixture
def reporter(tmp_path: Path) -> ErrorReporter:
    return ErrorReporter(tmp_path / "prachum.log", language="th")


@pytest.fixture
def open_window(qtbot, qapp, reporter):
    """A function that opens the real main window on a database file."""
    opened = []

    def make(path: Path) -> MainWindow:
        database = open_database(path)
        window = MainWindow.on(AppSettings(), Store(database, reporter))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        opened.append((window, database))
        return window

    yield make
    for window, database in opened:
        window.close()
        database.close()


class Keys:
    """The keyboard of a test: Thai text, single keys, and the dialog that opened."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @staticmethod
    def type(widget: QWidget, text: str) -> None:
        """Type text as key presses (QTest.keyClicks only knows Latin-1, not Thai)."""
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )

    def press(self, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)

    def dialog(self, kind: type[QDialog]) -> QDialog:
        """The visible dialog of this kind (opened with open(), so simply a widget)."""
        found: list[QDialog] = []

        def visible():
            found[:] = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
            ]
            assert found

        self.qtbot.waitUntil(visible, timeout=2000)
        return found[-1]


@pytest.fixture
def keys(qtbot) -> Keys:
    return Keys(qtbot)


@pytest.fixture
def filled(db_path) -> Path:
    """A database file with one meeting in it, closed again (as if by an earlier run)."""
    database = open_database(db_path)
    with database.session() as s:
        services.create_meeting(s, title="ประชุมครั้งที่หนึ่ง", date=date(2024, 1, 10))
    database.close()
    return db_path


@pytest.fixture
def watch_thread(monkeypatch):
    """`watch_thread(module, name)`: wrap module.name; the list it returns gets, per call,
    whether that call ran on the UI thread (work that must not freeze the window)."""
    import threading

    def watch(module, name: str) -> list[bool]:
        on_ui_thread: list[bool] = []
        real = getattr(module, name)

        def watched(*args, **kwargs):
            on_ui_thread.append(threading.current_thread() is threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, watched)
        return on_ui_thread

    return watch
