"""The agenda's shape and what links it to the last meeting, for the agenda page:
new items, moving, indenting, templates, carrying actions over, certifying minutes.

Each change is one service call; those that only add items are pushed on the undo stack
as AddItem commands (a template or a carry-over as one step).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core import services
from desktop.core.codes import AgendaCategory, MeetingStatus
from desktop.core.services.agenda_restore import ITEM
from desktop.core.services.agenda_view import AgendaNode, AgendaView
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.present import present
from desktop.ui.base.store import Store
from desktop.ui.meeting.agenda.commands import (
    AddItem,
    AgendaContext,
    IndentItem,
    MoveItem,
    OutdentItem,
)
from desktop.ui.meeting.agenda.editor import ItemEditor
from desktop.ui.meeting.agenda.followup import CarryOverDialog, read_open_actions
from desktop.ui.meeting.agenda.templates import TemplateNameDialog, template_choices


class AgendaHost(AgendaContext, Protocol):
    """What the agenda's structure needs of the page it works for (the agenda page)."""

    view: AgendaView | None
    editor: ItemEditor
    store: Store
    template_menu: QMenu
    told: SignalInstance
    reopen_wanted: SignalInstance

    @property
    def stack(self) -> QUndoStack | None: ...

    @property
    def editable(self) -> bool: ...

    def current_node(self) -> AgendaNode | None: ...

    def choose(self, item_id: int | None) -> None: ...

    def refresh(self, select_id: int | None = None, reload_editor: bool = False) -> None: ...


class Structure(QObject):
    def __init__(self, page: AgendaHost, widget: QWidget):
        super().__init__(widget)
        self.page = page
        self.widget = widget  # the page as a widget: the parent of the dialogs
        self.dialog: CarryOverDialog | TemplateNameDialog | None = None

    def _siblings(self, node: AgendaNode) -> tuple[AgendaNode, ...]:
        view = self.page.view
        if view is None:
            return ()
        parent = view.find(node.parent_id)
        return parent.children if parent is not None else view.items

    def _ready(self) -> bool:
        if not self.page.editable or self.page.stack is None:
            return False
        flush_pending(self.page.editor)
        return True

    def new_item(self, *, sub: bool) -> None:
        """After the chosen item at its level (or as its last sub-item), titled for typing over."""
        page = self.page
        if not self._ready():
            return
        meeting_id, current = present(page.meeting_id), page.current_node()
        title = self.tr("New item")
        parent_id: int | None
        if sub and current is not None:
            parent_id, after_id = current.id, None
        else:
            parent_id = current.parent_id if current else None
            after_id = current.id if current else None
        added = page.run(
            lambda s: (
                services.add_agenda_item(
                    s, meeting_id, title=title, parent_id=parent_id, after_id=after_id
                ).id
            )
        )
        if added is None:
            return
        present(page.stack).push(AddItem(page, page.handles.key(ITEM, added.value)))
        page.choose(added.value)
        page.editor.title.setFocus()
        page.editor.title.selectAll()

    def move(self, delta: int) -> None:
        page = self.page
        node = page.current_node()
        if node is None or not self._ready():
            return
        siblings = [s.id for s in self._siblings(node)]
        index = siblings.index(node.id)
        if not 0 <= index + delta < len(siblings):
            return
        if page.run(lambda s: services.move_agenda_item(s, node.id, delta)):
            present(page.stack).push(MoveItem(page, page.handles.key(ITEM, node.id), delta))
            page.refresh(select_id=node.id)

    def indent(self) -> None:
        page = self.page
        node = page.current_node()
        if node is None or not self._ready():
            return
        if self._siblings(node)[0].id == node.id:
            page.told.emit(self.tr("There is no item above to move this one under."))
            return
        if page.run(lambda s: services.indent_agenda_item(s, node.id)):
            present(page.stack).push(IndentItem(page, page.handles.key(ITEM, node.id)))
            page.refresh(select_id=node.id)

    def outdent(self) -> None:
        page = self.page
        node = page.current_node()
        if node is None or node.parent_id is None or not self._ready():
            return
        index = [s.id for s in self._siblings(node)].index(node.id)
        if page.run(lambda s: services.outdent_agenda_item(s, node.id)):
            present(page.stack).push(OutdentItem(page, page.handles.key(ITEM, node.id), index))
            page.refresh(select_id=node.id)

    def _push_added(self, before: set[int], text: str) -> None:
        """The items that a change added, as one undo step (their roots only)."""
        page = self.page
        page.refresh()
        view = page.view
        if view is None or page.stack is None:
            return
        added = [n for n in view.walk() if n.id not in before and n.parent_id in before | {None}]
        if not added:
            return
        page.stack.beginMacro(text)
        for node in added:
            present(page.stack).push(AddItem(page, page.handles.key(ITEM, node.id)))
        page.stack.endMacro()

    # --- templates --------------------------------------------------------------------------

    def fill_template_menu(self) -> None:
        page = self.page
        menu = page.template_menu
        menu.clear()
        network_id = page.view.network_id if page.view else None
        for template_id, name, count in page.store.read(lambda s: template_choices(s, network_id)):
            action = menu.addAction(self.tr("Add “{0}” ({1} items)").format(name, count))
            action.triggered.connect(lambda _c=False, t=template_id: self.apply_template(t))
        menu.addSeparator()
        save = menu.addAction(self.tr("Save this agenda as a template…"))
        save.triggered.connect(self.ask_template_name)
        save.setEnabled(bool(page.view and page.view.items))

    def apply_template(self, template_id: int) -> None:
        page = self.page
        if not self._ready():
            return
        before = {n.id for n in page.view.walk()} if page.view else set()
        meeting_id = present(page.meeting_id)
        if page.run(lambda s: services.apply_template(s, meeting_id, template_id)):
            self._push_added(before, self.tr("add a template's items"))

    def ask_template_name(self) -> TemplateNameDialog:
        dialog = TemplateNameDialog(self.tr("Agenda of my network"), self.widget)
        dialog.named.connect(self.save_template)
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_template(self, name: str) -> None:
        page = self.page
        meeting_id = present(page.meeting_id)
        flush_pending(page.editor)
        if page.store.change(
            lambda s: services.save_agenda_as_template(s, meeting_id, name),
            parent=self.widget,
        ):
            page.told.emit(self.tr("Saved as the template “{0}”").format(name))

    # --- the last meeting -------------------------------------------------------------------

    def show_notes(self, node: AgendaNode | None) -> None:
        """What the chosen item offers: certify the last minutes, carry its actions."""
        page, note = self.page, self.page.editor.note
        view = page.view
        note.hide()
        if view is None:
            return
        if not page.editable:
            note.show_note(
                self.tr("These minutes are final: every field is read-only until reopened."),
                self.tr("Reopen…"),
                page.reopen_wanted.emit,
            )
            return
        previous = view.previous
        page.editor.previous_label = previous.label if previous else None
        if node is None or node.parent_id is not None or previous is None:
            return
        if node.category == AgendaCategory.CONFIRM_MINUTES:
            if previous.certified_by_id == view.meeting_id:
                note.show_note(
                    self.tr("The minutes of the meeting {0} are certified by this meeting.").format(
                        previous.label
                    )
                )
            elif previous.status != MeetingStatus.CERTIFIED:
                note.show_note(
                    self.tr(
                        "The minutes of the meeting {0} are not certified yet. Certified minutes "
                        "become read-only."
                    ).format(previous.label),
                    self.tr("Certify them"),
                    self.certify,
                )
        elif node.category == AgendaCategory.FOLLOW_UP:
            meeting_id = view.meeting_id
            rows = page.store.read(lambda s: read_open_actions(s, meeting_id))
            if rows:
                note.show_note(
                    self.tr("{0} open actions of the meeting {1} are not carried over yet.").format(
                        len(rows), previous.label
                    ),
                    self.tr("Choose which to carry…"),
                    self.choose_carry_over,
                )

    def choose_carry_over(self) -> CarryOverDialog | None:
        page = self.page
        view = page.view
        if view is None or view.previous is None:
            return None
        meeting_id = view.meeting_id
        rows = page.store.read(lambda s: read_open_actions(s, meeting_id))
        dialog = CarryOverDialog(rows, view.previous.label, self.widget)
        dialog.carry.connect(self.carry_over)
        self.dialog = dialog
        dialog.open()
        return dialog

    def carry_over(self, action_ids: list[int]) -> None:
        page = self.page
        if not self._ready():
            return
        before = {n.id for n in page.view.walk()} if page.view else set()
        meeting_id = present(page.meeting_id)
        carried = page.run(lambda s: len(services.carry_over_actions(s, meeting_id, action_ids)))
        if carried is not None and carried.value:
            self._push_added(before, self.tr("carry over actions"))
            page.told.emit(self.tr("{0} actions carried over").format(carried.value))

    def certify(self) -> None:
        page = self.page
        if not self._ready():
            return
        meeting_id = present(page.meeting_id)
        previous = page.store.change(
            lambda s: services.certify_previous_minutes(s, meeting_id).id,
            parent=self.widget,
        )
        if previous:
            page.refresh(reload_editor=True)
            page.told.emit(self.tr("The earlier minutes are certified"))
