"""Every command of the window in one table: its text, its key, what it needs.

The menus, the toolbar and the greying-out are all derived from this table
(`menus.py` places the entries; `ActionRegistry.refresh` enables them), so a command is
added in one place and cannot be enabled by one module and forgotten by another. The
parts that do the work connect to an entry by its `ActionId` once they exist; until
the database is open, the entries that need data are greyed out.

Before any command runs, the registry stores what she was typing (a paused field's
text): a command never works on, or exports, anything older than the screen.

This module is part of the first paint: it imports Qt's GUI classes and nothing that
reads a database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, Flag, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from desktop.ui.base.autosave import flush_pending


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text


class Needs(Flag):
    """What must hold for a command to be offered."""

    NOTHING = 0
    DATA = auto()  # the database is open
    MEETING = auto()  # a meeting is open
    WRITE = auto()  # the database may be written (not read-only)
    IDLE = auto()  # no long write (the demo being filled) is under way


class ActionId(Enum):
    NEW_MEETING = auto()
    IMPORT_MEETING_FILE = auto()
    REPORT_IMPORT = auto()
    PAPERS = auto()
    EXPORT_MINUTES = auto()
    EXPORT_ATTENDANCE = auto()
    EXPORT_SIGNIN = auto()
    EXPORT_MEETING_FILE = auto()
    EXPORT_EVIDENCE = auto()
    NETWORK_SUMMARY = auto()
    OPEN_DEMO = auto()
    LEAVE_DEMO = auto()
    CONNECT = auto()
    OPEN_FILE = auto()
    BACKUP = auto()
    RESTORE = auto()
    THAI = auto()
    ENGLISH = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    SEARCH = auto()
    SEARCH_ALL = auto()
    HISTORY_ITEM = auto()
    HISTORY_MEETING = auto()
    DETAILS = auto()
    ATTENDANCE = auto()
    AGENDA = auto()
    COPY_PEOPLE = auto()
    FINALISE = auto()
    REOPEN = auto()
    STATISTICS = auto()
    DELETE_MEETING = auto()
    NEW_NETWORK = auto()
    NETWORKS = auto()
    ORGANIZATIONS = auto()
    PEOPLE = auto()
    HELP = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    context: str
    """The translation context the text has always had (its Thai is kept there)."""
    text: str
    shortcuts: tuple[str, ...] = ()
    needs: Needs = Needs.NOTHING
    checkable: bool = False


_W, _T, _B = "MainWindow", "MinutesTools", "BackupActions"
A = ActionId
D, M, W = Needs.DATA, Needs.MEETING, Needs.WRITE

SPECS: dict[ActionId, ActionSpec] = {
    A.NEW_MEETING: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&New meeting…"), ("Ctrl+N",), D | W),
    A.IMPORT_MEETING_FILE: ActionSpec(
        _W, QT_TRANSLATE_NOOP(_W, "&Import a meeting file…"), (), D | W
    ),
    A.REPORT_IMPORT: ActionSpec(
        _T, QT_TRANSLATE_NOOP(_T, "Import a &Zoom or Teams report…"), (), M
    ),
    A.PAPERS: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Papers for this meeting…"), (), M),
    A.EXPORT_MINUTES: ActionSpec(
        _T, QT_TRANSLATE_NOOP(_T, "&Minutes (DOCX or PDF)…"), ("Ctrl+E",), M
    ),
    A.EXPORT_ATTENDANCE: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Attendance (XLSX)…"), (), M),
    A.EXPORT_SIGNIN: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Sign-in sheet (XLSX)…"), (), M),
    A.EXPORT_MEETING_FILE: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "Meeting &file (JSON)…"), (), M),
    A.EXPORT_EVIDENCE: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "E-meeting &evidence (ZIP)…"), (), M),
    A.NETWORK_SUMMARY: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Network attendance summary…"), (), D),
    A.OPEN_DEMO: ActionSpec(
        _W, QT_TRANSLATE_NOOP(_W, "Open the &demo data"), (), D | W | Needs.IDLE
    ),
    A.LEAVE_DEMO: ActionSpec(
        _W, QT_TRANSLATE_NOOP(_W, "&Leave the demo (back to your file)"), (), D
    ),
    A.CONNECT: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Connect to a shared database…")),
    A.OPEN_FILE: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Open a database file…")),
    A.BACKUP: ActionSpec(_B, QT_TRANSLATE_NOOP(_B, "&Back up now…"), (), D),
    A.RESTORE: ActionSpec(_B, QT_TRANSLATE_NOOP(_B, "&Restore from a backup…"), (), D | W),
    A.THAI: ActionSpec("", "ภาษาไทย", checkable=True),  # each language in its own words
    A.ENGLISH: ActionSpec("", "English", checkable=True),
    A.QUIT: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Quit"), ("Ctrl+Q",)),
    A.UNDO: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "Undo"), ("Ctrl+Z",), M),
    A.REDO: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), M),
    A.SEARCH: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Search meetings"), ("Ctrl+F",), D),
    A.SEARCH_ALL: ActionSpec(
        _T, QT_TRANSLATE_NOOP(_T, "Search &all meetings…"), ("Ctrl+Shift+F",), D
    ),
    A.HISTORY_ITEM: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&History of this item…"), (), M),
    A.HISTORY_MEETING: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "History of this &meeting…"), (), M),
    A.DETAILS: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Details"), ("Ctrl+1",), M),
    A.ATTENDANCE: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Attendance"), ("Ctrl+2",), M),
    A.AGENDA: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "A&genda"), ("Ctrl+3",), M),
    A.COPY_PEOPLE: ActionSpec(
        _W, QT_TRANSLATE_NOOP(_W, "&Copy people from the last meeting"), (), M | W
    ),
    A.FINALISE: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Finalise the minutes…"), (), M),
    A.REOPEN: ActionSpec(_T, QT_TRANSLATE_NOOP(_T, "&Reopen the minutes…"), (), M),
    A.STATISTICS: ActionSpec(
        _W, QT_TRANSLATE_NOOP(_W, "Attendance &statistics"), ("Ctrl+Shift+S",), D
    ),
    A.DELETE_MEETING: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "De&lete this meeting…"), (), M),
    A.NEW_NETWORK: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "New &network…"), (), D | W),
    A.NETWORKS: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Networks"), (), D),
    A.ORGANIZATIONS: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Organisations"), (), D),
    A.PEOPLE: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&People"), ("Ctrl+Shift+P",), D),
    A.HELP: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&Help"), ("F1",)),
    A.ABOUT: ActionSpec(_W, QT_TRANSLATE_NOOP(_W, "&About Prachum")),
}


class ActionRegistry(QObject):
    """The window's QActions, made from SPECS, connected by whoever does the work."""

    def __init__(self, window: QObject):
        super().__init__(window)
        self.actions: dict[ActionId, QAction] = {}
        self.slots: dict[ActionId, Callable[[], object]] = {}
        self.state = Needs.IDLE
        """What holds now (DATA once the database is open, MEETING, WRITE, IDLE)."""
        self.ready: dict[ActionId, bool] = {}
        """An entry's own condition on top of its needs (undo: something to undo)."""
        for ident, spec in SPECS.items():
            text = (
                QCoreApplication.translate(spec.context, spec.text) if spec.context else spec.text
            )
            action = QAction(text, window)
            action.setCheckable(spec.checkable)
            action.triggered.connect(lambda _checked=False, ident=ident: self.trigger(ident))
            self.actions[ident] = action
        self.refresh()

    def __getitem__(self, ident: ActionId) -> QAction:
        return self.actions[ident]

    def bind(self, ident: ActionId, slot: Callable[[], object]) -> None:
        """What the entry does (the part that does it connects once it exists)."""
        self.slots[ident] = slot

    def trigger(self, ident: ActionId) -> None:
        """Run the entry's command, after storing what she was typing."""
        slot = self.slots.get(ident)
        if slot is None or not self.actions[ident].isEnabled():
            return
        flush_pending()
        slot()

    def set_shortcuts(self) -> None:
        """Give the entries their keys. Not before the first paint: the first key sequence
        makes PySide build every enum of the Qt namespace, about 30 ms of start-up."""
        from PySide6.QtGui import QKeySequence

        for ident, spec in SPECS.items():
            if spec.shortcuts:
                self.actions[ident].setShortcuts([QKeySequence(key) for key in spec.shortcuts])

    def holds(self, needs: Needs, now: bool = True) -> None:
        """Say that `needs` (DATA, MEETING, WRITE, IDLE) now hold, or no longer hold."""
        self.state = self.state | needs if now else self.state & ~needs
        self.refresh()

    def set_ready(self, ident: ActionId, ready: bool) -> None:
        self.ready[ident] = ready
        self.actions[ident].setEnabled(self.enabled(ident))

    def enabled(self, ident: ActionId) -> bool:
        needs = SPECS[ident].needs
        return (needs & self.state) == needs and self.ready.get(ident, True)

    def refresh(self) -> None:
        for ident, action in self.actions.items():
            action.setEnabled(self.enabled(ident))
