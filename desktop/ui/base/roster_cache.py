"""The whole roster, read once and kept until a roster change: the finder's source.

Finding someone must answer at every key press, and the roster may hold thousands of
people; reading it per key would be too slow and reading it when a meeting opens would
slow every opening. It is read on first use and dropped when the roster changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core.changes import Changes
from desktop.core.services.views import PersonRow, people_rows
from desktop.ui.base.store import Store
from desktop.ui.base.text_match import person_search_key


class RosterCache(QObject):
    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._rows: list[PersonRow] | None = None
        self._keys: list[str] = []
        store.committed.connect(self._committed)

    def _committed(self, changes: Changes) -> None:
        if changes.touches_roster():
            self._rows = None

    def _load(self) -> None:
        self._rows = self.store.read(people_rows)
        self._keys = [person_search_key(r) for r in self._rows]

    def warm(self) -> None:
        """Read the roster now, while she is not typing yet (called after start-up)."""
        if self._rows is None:
            self._load()

    def people(self) -> list[PersonRow]:
        if self._rows is None:
            self._load()
        return list(self._rows or [])

    def people_with_keys(self) -> list[tuple[PersonRow, str]]:
        if self._rows is None:
            self._load()
        return list(zip(self._rows or [], self._keys, strict=True))
