"""Undo and redo of the agenda edits of a session, one QUndoCommand per change.

Each change is made (and stored) before its command is pushed, so a refused change never
reaches the stack; the command's first redo() does nothing. Undo and redo are service
calls like any other: a meeting finalised in between refuses them, and the command is
then dropped from the stack. Commands name rows by Handles keys, never by ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.db import one_statement
from desktop.core.services.agenda_restore import (
    ACTION,
    ITEM,
    Handles,
    add_action_row,
    place_item,
    release_subtree,
    restore_subtree,
    set_item_field,
)
from desktop.core.services.agenda_view import ActionRow, AgendaNode, AgendaView
from desktop.core.text_versions import EditConflict
from desktop.ui.base.present import present
from desktop.ui.base.store import Stored

T = TypeVar("T")

EDIT_FIELD_ID, EDIT_ACTION_ID = 1, 2


class AgendaContext(Protocol):
    """What a command needs from the agenda page."""

    handles: Handles

    @property
    def meeting_id(self) -> int | None: ...

    def run(
        self,
        action: Callable[[Session], T],
        key: object = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Stored[T] | None: ...

    def say(self, text: str) -> None: ...

    def read(self) -> AgendaView: ...

    def after_change(self, select_key: int | None) -> None: ...

    def show_field(self, item_key: int, field: str, value: Any) -> None: ...


class AgendaCommand(QUndoCommand):
    def __init__(self, context: AgendaContext, text: str):
        super().__init__(text)
        self.context = context
        self._done_before_push = True

    def redo(self) -> None:
        if self._done_before_push:
            self._done_before_push = False
            return
        if not self.forward():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.backward():
            self.setObsolete(True)

    def forward(self) -> bool:
        raise NotImplementedError

    def backward(self) -> bool:
        raise NotImplementedError

    def _item(self, key: int | None) -> int | None:
        return self.context.handles.row(key)


class _VersionedEdit(AgendaCommand):
    """An edit of written text, stored at the version it was based on."""

    version: int | None

    def _store_versioned(self, store: Callable[[Session], int | None]) -> bool:
        """Run `store`; on a refusal because someone changed the text since, say so."""
        refused: list[BaseException] = []
        stored = self.context.run(store, on_failed=refused.append)
        if stored is None:
            if refused and isinstance(refused[0], EditConflict):
                self.context.say(changed_since(refused[0]))
            return False
        if stored.value is not None:
            self.version = stored.value
        return True


class _ItemPresence(AgendaCommand):
    """An item that is there or not: the shared half of adding and deleting."""

    def __init__(self, context: AgendaContext, text: str, key: int):
        super().__init__(context, text)
        self.key = key
        self.node: AgendaNode | None = None
        self.parent_key: int | None = None
        self.index = 0
        self.keys: dict[tuple[str, int], int] = {}

    def remove(self) -> bool:
        item_id = self._item(self.key)
        view = self.context.read()
        node = view.find(item_id)
        if node is None:
            return False
        siblings = present(view.find(node.parent_id)).children if node.parent_id else view.items
        index = [s.id for s in siblings].index(node.id)
        handles = self.context.handles
        parent_key = handles.key(ITEM, node.parent_id) if node.parent_id else None
        if not self.context.run(lambda s: services.delete_agenda_item(s, node.id)):
            return False
        self.node, self.parent_key, self.index = node, parent_key, index
        self.keys = release_subtree(handles, node)
        neighbour = siblings[index - 1] if index else (siblings[1] if len(siblings) > 1 else None)
        select = handles.key(ITEM, neighbour.id) if neighbour else parent_key
        self.context.after_change(select)
        return True

    def bring_back(self) -> bool:
        node = self.node
        if node is None or self.context.meeting_id is None:
            return False
        meeting_id = self.context.meeting_id
        parent_id = self._item(self.parent_key)
        made = self.context.run(
            lambda s: restore_subtree(s, meeting_id, node, parent_id, self.index)
        )
        if made is None:
            return False
        for (kind, old_id), new_id in made.value.items():
            key = self.keys.get((kind, old_id))
            if key is not None:
                self.context.handles.rebound(key, kind, new_id)
        self.context.after_change(self.key)
        return True


class AddItem(_ItemPresence):
    def __init__(self, context: AgendaContext, key: int):
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "add an item"), key)

    def forward(self) -> bool:
        return self.bring_back()

    def backward(self) -> bool:
        return self.remove()


class DeleteItem(_ItemPresence):
    def __init__(self, context: AgendaContext, key: int):
        super().__init__(
            context, QCoreApplication.translate("AgendaCommands", "delete an item"), key
        )

    def forward(self) -> bool:
        return self.remove()

    def backward(self) -> bool:
        return self.bring_back()


class MoveItem(AgendaCommand):
    def __init__(self, context: AgendaContext, key: int, delta: int):
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "move an item"))
        self.key, self.delta = key, delta

    def _move(self, delta: int) -> bool:
        item_id = self._item(self.key)
        if item_id is None or not self.context.run(
            lambda s: services.move_agenda_item(s, item_id, delta)
        ):
            return False
        self.context.after_change(self.key)
        return True

    def forward(self) -> bool:
        return self._move(self.delta)

    def backward(self) -> bool:
        return self._move(-self.delta)


class IndentItem(AgendaCommand):
    """Tab: under the item above. Undone by Shift+Tab, which puts it just where it was."""

    def __init__(self, context: AgendaContext, key: int):
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "indent an item"))
        self.key = key

    def _call(self, service) -> bool:
        item_id = self._item(self.key)
        if item_id is None or not self.context.run(lambda s: service(s, item_id)):
            return False
        self.context.after_change(self.key)
        return True

    def forward(self) -> bool:
        return self._call(services.indent_agenda_item)

    def backward(self) -> bool:
        return self._call(services.outdent_agenda_item)


class OutdentItem(IndentItem):
    """Shift+Tab; undone by indenting again and going back to its place among siblings."""

    def __init__(self, context: AgendaContext, key: int, index: int):
        super().__init__(context, key)
        self.setText(QCoreApplication.translate("AgendaCommands", "outdent an item"))
        self.index = index

    def forward(self) -> bool:
        return self._call(services.outdent_agenda_item)

    def backward(self) -> bool:
        index = self.index

        def indent_back(session: Session, item_id: int) -> None:
            services.indent_agenda_item(session, item_id)
            place_item(session, item_id, index)

        return self._call(indent_back)


class EditField(_VersionedEdit):
    """A field's text from what was stored to what is stored now; typing in one field
    without leaving it is one step, however many times it was saved meanwhile.

    Undo undoes only her own edit: her text goes back only where the field still holds
    what she stored (`version` is the item's version her edit made). Where someone else
    has changed the field since, undo says so and changes nothing."""

    def __init__(
        self,
        context: AgendaContext,
        key: int,
        field: str,
        old: Any,
        new: Any,
        *,
        version: int | None = None,
    ):
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "edit an item"))
        self.key, self.field, self.old, self.new = key, field, old, new
        self.version = version

    def id(self) -> int:
        return EDIT_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditField) or (other.key, other.field) != (self.key, self.field):
            return False
        self.new, self.version = other.new, other.version
        return True

    def _store(self, value: Any, based_on: Any) -> bool:
        item_id = self._item(self.key)
        if item_id is None:
            return False
        field, version = self.field, self.version

        def store(session: Session) -> int | None:
            return set_item_field(session, item_id, field, value, version=version, base=based_on)

        if field in ("body", "resolution"):  # typed text: one UPDATE, one round trip
            one_statement(store)
        if not self._store_versioned(store):
            return False
        self.context.show_field(self.key, field, value)
        self.context.after_change(self.key)
        return True

    def forward(self) -> bool:
        return self._store(self.new, self.old)

    def backward(self) -> bool:
        return self._store(self.old, self.new)


# --- actions ----------------------------------------------------------------------------


class _ActionPresence(AgendaCommand):
    def __init__(self, context: AgendaContext, text: str, key: int, item_key: int):
        super().__init__(context, text)
        self.key, self.item_key = key, item_key
        self.row: ActionRow | None = None

    def remove(self) -> bool:
        handles = self.context.handles
        action_id, item_id = handles.row(self.key), self._item(self.item_key)
        node = self.context.read().find(item_id)
        row = next((a for a in node.actions if a.id == action_id), None) if node else None
        if row is None or not self.context.run(lambda s: services.delete_action(s, row.id)):
            return False
        self.row = row
        handles.released(ACTION, row.id)
        self.context.after_change(self.item_key)
        return True

    def bring_back(self) -> bool:
        row, item_id = self.row, self._item(self.item_key)
        if row is None or item_id is None:
            return False
        added = self.context.run(lambda s: add_action_row(s, item_id, row))
        if added is None:
            return False
        self.context.handles.rebound(self.key, ACTION, added.value)
        self.context.after_change(self.item_key)
        return True


class AddAction(_ActionPresence):
    def __init__(self, context: AgendaContext, key: int, item_key: int):
        super().__init__(
            context, QCoreApplication.translate("AgendaCommands", "add an action"), key, item_key
        )

    def forward(self) -> bool:
        return self.bring_back()

    def backward(self) -> bool:
        return self.remove()


class DeleteAction(_ActionPresence):
    def __init__(self, context: AgendaContext, key: int, item_key: int):
        super().__init__(
            context, QCoreApplication.translate("AgendaCommands", "delete an action"), key, item_key
        )

    def forward(self) -> bool:
        return self.remove()

    def backward(self) -> bool:
        return self.bring_back()


class EditAction(_VersionedEdit):
    """Fields of an action (text, owner, due, done) from their old to their new values.

    Its text alone, stored with a version, is undone only where it still holds what she
    stored (as EditField); owner, due date and done are choices: the last one wins."""

    def __init__(
        self,
        context: AgendaContext,
        key: int,
        item_key: int,
        old: dict,
        new: dict,
        *,
        version: int | None = None,
    ):
        super().__init__(context, QCoreApplication.translate("AgendaCommands", "edit an action"))
        self.key, self.item_key, self.old, self.new = key, item_key, old, new
        self.version = version

    def id(self) -> int:
        return EDIT_ACTION_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditAction) or other.key != self.key:
            return False
        if set(other.new) != set(self.new):
            return False
        self.new, self.version = other.new, other.version
        return True

    def _store(self, fields: dict, based_on: dict) -> bool:
        action_id = self.context.handles.row(self.key)
        if action_id is None:
            return False
        version = self.version

        def store(session: Session) -> int | None:
            action = services.update_action(
                session, action_id, version=version, base=based_on.get("text"), **fields
            )
            return action.version if version is not None else None

        if not self._store_versioned(store):
            return False
        self.context.after_change(self.item_key)
        return True

    def forward(self) -> bool:
        return self._store(self.new, self.old)

    def backward(self) -> bool:
        return self._store(self.old, self.new)


def changed_since(conflict: EditConflict) -> str:
    """The status bar's line for an undo refused because someone changed the text since."""
    return QCoreApplication.translate(
        "AgendaCommands", "Nothing undone: {0} has changed this text since your edit."
    ).format(conflict.who or QCoreApplication.translate("AgendaCommands", "someone"))
