"""Who else has an item of the agenda open for writing, on a server ("สมศรี กำลังแก้ไข").

She says which item she has open whenever that changes, and again every heartbeat so
that a window that died is forgotten; what the others say is shown above the item and in
the tree. A file has one writer: nothing is said or shown.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from desktop.core.presence import HEARTBEAT_SECONDS, Presences
from desktop.ui.base.store import Store
from desktop.ui.meeting.agenda.editor import ItemEditor
from desktop.ui.meeting.agenda.tree_model import AgendaTreeModel


class AgendaPageLike(Protocol):
    """What the presence needs of the agenda page (a Protocol: no import back to it)."""

    @property
    def store(self) -> Store: ...

    @property
    def editor(self) -> ItemEditor: ...

    @property
    def model(self) -> AgendaTreeModel: ...

    @property
    def meeting_id(self) -> int | None: ...

    @property
    def editable(self) -> bool: ...

    def isVisible(self) -> bool: ...


class ItemPresence(QObject):
    def __init__(self, page: AgendaPageLike, parent: QObject) -> None:
        super().__init__(parent)
        self.page = page
        self.presences = Presences(own_client=page.store.database.client)
        self.announced: tuple[int | None, int | None] | None = None
        page.store.presence_heard.connect(self._heard)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat.timeout.connect(lambda: self.announce(again=True))

    def _open_for_writing(self) -> tuple[int | None, int | None]:
        node = self.page.editor.node
        if node is None or not self.page.editable or not self.page.isVisible():
            return (None, None)
        return (self.page.meeting_id, node.id)

    def announce(self, *, again: bool = False) -> None:
        """Say which item she has open, when it changed (or `again`, the heartbeat)."""
        store = self.page.store
        if store.database.address is None:
            return  # a file: one writer, nobody else to tell
        now = self._open_for_writing()
        if now != self.announced or again:
            self.announced = now
            store.say_open(*now)
        if now[1] is not None:
            self.heartbeat.start()
        else:
            self.heartbeat.stop()
        self.show()

    def _heard(self, payloads: list[str]) -> None:
        now = time.monotonic()
        # Every payload taken in (a list, not any() over a generator that would stop early).
        if True in [self.presences.heard(payload, now) for payload in payloads]:
            self.show()

    def show(self) -> None:
        editing = self.presences.by_item(time.monotonic())
        self.page.model.set_editing(editing)
        node = self.page.editor.node
        self.page.editor.show_presence(editing.get(node.id, []) if node else [])
