"""A test-only driver: types into the real window at a steady pace and writes down when.

`python -m tests.tools.window_driver SCRIPT.json DATABASE` starts the app on DATABASE (a
file, or a server's URL) with this driver, for the crash tests that kill the app at
random moments (and the one that stops the server under it first): they must know
what was typed before each kill. It is a test tool and does not ship with the app. The script names the meeting, the text field (the body of the agenda's
first item, or the meeting's opening text), the text to type at its end, the pace, and
how often to toggle the next attendance line with the space bar:

    {"journal": "…/journal.jsonl", "meeting_id": 1, "field": "body" | "opening",
     "text": "…", "pace_ms": 30, "toggle_every": 6}

Keys are real key events sent to the real widgets, so the autosave and the attendance
page do what they do for a person. Each line of the journal is flushed to the disk
(fsync) before the driver goes on: {"event": "ready" | "typed" | "toggle" | "done",
"t": time.monotonic(), …}. A toggle is written down before its key is pressed, a typed
character after.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.ui.shell.main_window import MainWindow


class Journal:
    """Lines of JSON, each on the disk before the next step."""

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, event: str, **fields: Any) -> None:
        line = json.dumps({"event": event, "t": time.monotonic(), **fields}, ensure_ascii=False)
        os.write(self.fd, (line + "\n").encode("utf-8"))
        os.fsync(self.fd)


class Driver(QObject):
    def __init__(self, window: MainWindow, script: dict[str, Any]):
        super().__init__(window)
        self.window = window
        self.script = script
        self.journal = Journal(Path(script["journal"]))
        self.text: str = script.get("text", "")
        self.toggle_every = int(script.get("toggle_every", 0))
        self.typed = 0
        self.steps = 0
        self.next_row = 0
        self.timer = QTimer(self)
        self.timer.setInterval(int(script.get("pace_ms", 30)))
        self.timer.timeout.connect(self.step)

    def field(self) -> QPlainTextEdit:
        name = self.script.get("field", "body")
        if name == "opening":
            return self.window.workspace.meeting.details.opening
        if name == "body":
            return self.window.workspace.minutes_tools.agenda.editor.body
        raise ValueError(f"the driver cannot type into {name!r}")

    def begin(self) -> None:
        self.window.workspace.open_meeting(int(self.script["meeting_id"]))
        if self.script.get("field", "body") == "body":
            self.window.workspace.minutes_tools.show_agenda()  # the first item is chosen
        else:
            self.window.workspace.show_details()
        field = self.field()
        field.moveCursor(QTextCursor.MoveOperation.End)
        self.journal.write("ready", pid=os.getpid(), text=field.toPlainText())
        self.timer.start()

    def step(self) -> None:
        self.steps += 1
        if self.toggle_every and self.steps % self.toggle_every == 0 and self.toggle():
            return
        if self.typed >= len(self.text):
            self.timer.stop()
            self.journal.write("done", typed=self.typed)
            return
        char = self.text[self.typed]
        field = self.field()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Return if char == "\n" else 0
            QApplication.sendEvent(
                field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
        self.typed += 1
        self.journal.write("typed", count=self.typed)

    def toggle(self) -> bool:
        page = self.window.workspace.meeting.attendance
        count = page.model.rowCount()
        if not count:
            return False
        row = self.next_row % count
        self.next_row += 1
        line = page.model.row(row)
        becomes = "absent" if line.status == "present" else "present"
        self.journal.write("toggle", attendance_id=line.id, status=becomes)
        page.view.setCurrentIndex(page.model.index(row, 0))
        QTest.keyClick(page.view, Qt.Key.Key_Space)
        return True


def start_driver(window: MainWindow, script_path: Path) -> Driver:
    """Read the script and start typing as soon as the event loop runs."""
    script = json.loads(Path(script_path).read_text(encoding="utf-8"))
    driver = Driver(window, script)
    QTimer.singleShot(0, driver.begin)
    return driver


def main(argv: list[str] | None = None) -> int:
    from desktop.core.server import database_target
    from desktop.ui.shell.app import run

    script, database = (sys.argv[1:] if argv is None else argv)[:2]
    return run(
        database_target(database), on_ready=lambda window: start_driver(window, Path(script))
    )


if __name__ == "__main__":
    sys.exit(main())
