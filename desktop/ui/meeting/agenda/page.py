"""The agenda tab: the tree of items, the chosen item's editor, the minutes preview.

Built for typing during the call: Ctrl+Enter adds an item after this one (Ctrl+Shift+
Enter a sub-item), Tab and Shift+Tab in the tree indent and outdent, Alt+Up and Alt+Down
step to the item above or below without leaving the field she is in, Ctrl+T writes the
time, Escape goes back to the tree. Every change is stored at once (fields after a
short pause) and kept on the meeting's undo stack for the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.journal import UserAction
from desktop.core.services.agenda_restore import ACTION, ITEM, TEXT, Handles, set_item_field
from desktop.core.services.agenda_view import AgendaNode, AgendaView, read_agenda
from desktop.core.services.views import AttendanceRow, attendance_rows, organization_rows
from desktop.core.text_versions import NOT_KNOWN, EditConflict
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.present import present
from desktop.ui.base.roster_cache import RosterCache
from desktop.ui.base.store import Store, Stored
from desktop.ui.meeting.agenda.commands import (
    AddAction,
    DeleteAction,
    DeleteItem,
    EditAction,
    EditField,
)
from desktop.ui.meeting.agenda.editor import ItemEditor
from desktop.ui.meeting.agenda.presence import ItemPresence
from desktop.ui.meeting.agenda.structure import Structure
from desktop.ui.meeting.agenda.tree_model import ID_ROLE, AgendaTreeModel
from desktop.ui.meeting.agenda.tree_view import AgendaTree
from desktop.ui.meeting.context import MeetingContext
from desktop.ui.meeting.preview.pane import MinutesPreview
from desktop.ui.widgets.conflicts import FieldConflicts
from desktop.ui.widgets.thai_date import ThaiDateField

T = TypeVar("T")

PREVIEW_MIN = 260
"""Narrower than this, the preview's lines are a word each: better hidden."""

AGENDA = "agenda"
"""The store topic of agenda changes (subject: the meeting id)."""


class EditorScroll(QScrollArea):
    """The item editor's page: it scrolls down only, so it asks for the editor's width."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = inner.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


class AgendaPage(QWidget):
    told = Signal(str)
    """A short note for the status bar."""
    reopen_wanted = Signal()

    def __init__(
        self,
        store: Store,
        roster: RosterCache,
        context: MeetingContext,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.roster = roster
        self.context = context
        self.handles = Handles()
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self.shown: int | None = None
        """The meeting the tree shows (the open one, once open_meeting has read it)."""
        self.view: AgendaView | None = None
        self._switching = False
        self._owners_stale = True
        self._fit_pending = False
        self.panes_fitted = False
        """The width shared out once, at first sight (fit_panes)."""

        self.model = AgendaTreeModel(self)
        self.tree = AgendaTree(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.editor = ItemEditor(self, self)
        self.preview = MinutesPreview(store, self)
        self.preview.typed = self.typed
        self.structure = Structure(self, self)

        self.tools = QHBoxLayout()
        self.tools.setSpacing(2)
        self.template_button = QToolButton(self)
        self.template_button.setText(self.tr("Templates"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        self.template_button.setMenu(self.template_menu)
        self.template_menu.aboutToShow.connect(self.structure.fill_template_menu)
        self.preview_button = QToolButton(self)
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setCheckable(True)
        self.preview_button.setChecked(True)
        self.preview_button.setToolTip(self.tr("Show or hide the minutes preview"))
        self.tool_buttons = {}
        for name, text, tip, slot in (
            (
                "add",
                self.tr("+ Item"),
                self.tr("New item after this one (Ctrl+Enter)"),
                self.new_item,
            ),
            (
                "sub",
                self.tr("+ Sub-item"),
                self.tr("New sub-item (Ctrl+Shift+Enter)"),
                self.new_sub_item,
            ),
            ("up", "↑", self.tr("Move up (Alt+Shift+Up)"), lambda: self.move_item(-1)),
            ("down", "↓", self.tr("Move down (Alt+Shift+Down)"), lambda: self.move_item(1)),
            ("outdent", "⇤", self.tr("Outdent (Shift+Tab in the list)"), self.outdent_item),
            ("indent", "⇥", self.tr("Indent (Tab in the list)"), self.indent_item),
            (
                "delete",
                "✕",
                self.tr("Delete the item (Delete in the list; Ctrl+Z brings it back)"),
                self.delete_item,
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.tool_buttons[name] = button
            self.tools.addWidget(button)
        self.tools.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.tools)
        left_layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.template_button)
        bottom.addStretch(1)
        bottom.addWidget(self.preview_button)
        left_layout.addLayout(bottom)
        scroll = EditorScroll(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        # One page that scrolls down, never sideways: the pane is kept as wide as the
        # editor needs (the tree and the preview give way), so no field is cut.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor_scroll = scroll
        # One page that scrolls: whatever the keyboard reaches (Tab, Alt+N for the
        # actions) is brought into sight on a short screen.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([250, 440, 330])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.indent_requested.connect(self.indent_item)
        self.tree.outdent_requested.connect(self.outdent_item)
        self.tree.delete_requested.connect(self.delete_item)
        self.tree.edit_requested.connect(self.focus_editor)
        self.editor.escaped.connect(self.focus_tree)
        self.preview_button.toggled.connect(self.preview.setVisible)
        for field in ("body", "resolution", "points"):
            self.editor.savers[field].field.textChanged.connect(self.preview.refresh_soon)
        self.editor.title.textEdited.connect(self.preview.refresh_soon)
        store.committed.connect(self._store_committed)
        if store.server_away is not None:
            store.server_away.conflict_shown_by.append(self._conflict_after_the_drop)
        self._shortcuts()
        self.presence = ItemPresence(self, self)  # who else has an item open, on a server

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            inside = new is not None and self.editor.isAncestorOf(new)
        except RuntimeError:  # the page is being deleted with the window
            return
        if inside and new is not None:
            self.editor_scroll.ensureWidgetVisible(new, 0, 24)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (("Ctrl+Return", "Ctrl+Enter"), self.new_item),
            (("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), self.new_sub_item),
            (("Ctrl+T",), self.editor.insert_time),
            (("Alt+Up",), lambda: self.step(-1)),
            (("Alt+Down",), lambda: self.step(1)),
            (("Alt+Shift+Up",), lambda: self.move_item(-1)),
            (("Alt+Shift+Down",), lambda: self.move_item(1)),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)

    # --- the meeting ----------------------------------------------------------------------

    @property
    def stack(self) -> QUndoStack | None:
        if self.meeting_id is None:
            return None
        if self.meeting_id not in self.stacks:
            self.stacks[self.meeting_id] = QUndoStack(self.undo_group)
        return self.stacks[self.meeting_id]

    def open_meeting(self, meeting_id: int) -> None:
        flush_pending(self)
        same = meeting_id == self.shown
        keep = self.editor.node.id if same and self.editor.node else None
        self.shown = meeting_id
        self.view = None
        self.refresh(select_id=keep, reload_editor=True)
        self.preview.set_meeting(meeting_id)

    def read(self) -> AgendaView:
        meeting_id = present(self.meeting_id)
        return self.store.read(lambda s: read_agenda(s, meeting_id))

    def run(
        self,
        action: Callable[[Session], T],
        key: object = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Stored[T] | None:
        """A change through the store: stored and committed, or refused (message shown;
        another person's newer text goes to `on_failed` instead). `key` names what typed
        text belongs to (an item), should the disk refuse it."""
        return self.store.change(
            action, parent=self, key=(self.meeting_id, key), on_failed=on_failed
        )

    def _run_guarded(
        self,
        action: Callable[[Session], T],
        versions: FieldConflicts,
        field: str,
        key: object = None,
    ) -> Stored[T] | None:
        """`run` for her text: where another person stored the field first, their text
        is shown beside hers (`versions`) instead of a message."""
        refused: list[BaseException] = []
        stored = self.run(action, key, on_failed=refused.append)
        if stored is None and refused and isinstance(refused[0], EditConflict):
            versions.show(field, refused[0])
        return stored

    def say(self, text: str) -> None:
        """A line in the status bar."""
        self.told.emit(text)

    @property
    def meeting_id(self) -> int | None:
        return self.shown

    @property
    def editable(self) -> bool:
        return self.view is not None and self.context.editable

    def refresh(self, select_id: int | None = None, reload_editor: bool = False) -> None:
        """Read the agenda again; select `select_id` (else the item being edited)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        if select_id is None and self.editor.node is not None:
            select_id = self.editor.node.id
        view = self.store.read_if_there(lambda s: read_agenda(s, meeting_id))
        if view is None:
            return  # deleted on another computer: the window moves on
        self.view = view
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_agenda(view)
            self.tree.expandAll()
            index = self.model.index_of(select_id)
            if not index.isValid() and view.items:
                index = self.model.index_of(view.items[0].id)
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.tree.scrollTo(index)
        finally:
            selection.blockSignals(False)
        node = self.model.node(self.tree.currentIndex())
        another = node is None or self.editor.node is None or node.id != self.editor.node.id
        if reload_editor or node is None or another:
            self.editor.load(node)
        else:
            self.editor.node = node
            self.editor.show_heading(node)
            self.editor.actions_editor.set_actions(node.actions, keep_form=True)
        if another:
            # Another item opens at its heading, not where she had scrolled the last one;
            # a field that keeps the focus (Alt+Down) stays in sight.
            self.editor_scroll.verticalScrollBar().setValue(0)
            self._follow_focus(None, QApplication.focusWidget())
        self._show_state()
        self.structure.show_notes(node)
        self.preview.show_item(node.id if node else None)
        self.presence.announce()

    def _show_state(self) -> None:
        editable = self.editable
        self.editor.set_editable(editable)
        for button in self.tool_buttons.values():
            button.setEnabled(editable)
        self.template_button.setEnabled(editable)
        # Qt takes no stack (nullptr) for none active; the binding's stub does not say so.
        self.undo_group.setActiveStack(self.stack if editable else None)  # type: ignore[arg-type]

    def _store_committed(self, changes: Changes) -> None:
        if changes.touches_roster():
            self._owners_stale = True
            if self.isVisible():
                self._load_owners()
        theirs = changes.from_others and changes.touches_agenda(self.meeting_id)
        if theirs and not changes.deleted(self.meeting_id):
            # Someone else's items: the tree again, on the item she is at; her editor and
            # what she is typing in it stay as they are.
            self.refresh(reload_editor=False)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.presence.announce()  # not on the agenda any more: nothing open for writing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.presence.announce()
        if not self._fit_pending and not self.panes_fitted:
            self._fit_pending = True
            QTimer.singleShot(0, self, self.fit_panes)  # once the splitter has its width
        self._load_owners()
        if self.editor.node is not None and not self.store.offline:
            self.editor.refresh_attendance()  # it may have changed on the attendance tab

    def fit_panes(self) -> None:
        """Share the width at first sight: the tree as narrow as its buttons (titles it
        cuts have a tooltip), the editor what it needs and at least half the rest, the
        preview the remainder; on a screen too narrow for a readable preview it starts
        hidden (the Preview button brings it back)."""
        self._fit_pending, self.panes_fitted = False, True
        total = self.splitter.width() - 2 * self.splitter.handleWidth()
        tree = present(self.splitter.widget(0)).minimumSizeHint().width()
        editor = max(self.editor_scroll.minimumSizeHint().width(), (total - tree) * 11 // 20)
        preview = total - tree - editor
        if preview < PREVIEW_MIN:
            self.preview_button.setChecked(False)
            preview = 0
        self.splitter.setSizes([tree, total - tree - preview, preview])

    def attendance(self) -> list[AttendanceRow]:
        """The meeting's list: who may move or second, and the members present."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return []
        return self.store.read(lambda s: attendance_rows(s, meeting_id))

    def _load_owners(self) -> None:
        if not self._owners_stale:
            return
        self._owners_stale = False
        self.editor.actions_editor.set_owners(
            self.store.read(organization_rows), self.roster.people()
        )

    # --- choosing an item -------------------------------------------------------------------

    def current_node(self) -> AgendaNode | None:
        return self.model.node(self.tree.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self.choose(item_id)

    def choose(self, item_id: int | None) -> None:
        if self._switching:
            return
        self._switching = True
        try:
            flush_pending(self.editor)
            self.refresh(select_id=item_id, reload_editor=True)
        finally:
            self._switching = False

    def step(self, delta: int) -> None:
        """Alt+Up, Alt+Down: the item above or below, the focus staying in its field.

        In a list box or a date field Alt+Down keeps its usual meaning (open the list,
        the calendar): the page's shortcut would otherwise take it from them."""
        focus = QApplication.focusWidget()
        if delta > 0 and isinstance(focus, QComboBox):
            focus.showPopup()
            return
        date_field = focus.parentWidget() if focus is not None else None
        if delta > 0 and isinstance(date_field, ThaiDateField):
            date_field.show_calendar()
            return
        ids = self.model.ordered_ids()
        if not ids:
            return
        current = self.editor.node.id if self.editor.node else ids[0]
        index = ids.index(current) if current in ids else 0
        target = ids[max(0, min(len(ids) - 1, index + delta))]
        if target != current:
            focus = QApplication.focusWidget()
            self.choose(target)
            if focus is not None and focus.isEnabled() and focus.isVisible():
                focus.setFocus()
            elif focus is not None and self.editor.isAncestorOf(focus):
                self.editor.title.setFocus()

    def focus_editor(self) -> None:
        if self.editor.node is not None:
            self.editor.title.setFocus()

    def focus_tree(self) -> None:
        flush_pending(self.editor)
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self.tree.setFocus()

    def typed(self) -> dict[int, dict[str, Any]]:
        """The chosen item's fields as typed so far (for the preview)."""
        node = self.editor.node
        return {node.id: self.editor.live_values()} if node is not None else {}

    # --- storing fields (the editor's host) -----------------------------------------------

    def store_field(self, field: str, old: Any, new: Any) -> bool:
        """Store a field she edited. Her text (title, body, resolution, points) names the
        version it was based on: text another person stored since is not overwritten,
        it is shown beside hers (the editor's conflict panel) and hers stays unstored."""
        node, stack = self.editor.node, self.stack
        if node is None or stack is None:
            return False
        if field == "title" and not str(new).strip():
            return False  # a title being retyped: the stored one stays until there is text
        version = self.editor.versions.bases.get(field) if field in TEXT else None
        store = UserAction.of(set_item_field, node.id, field, value=new, version=version, base=old)
        stored = self._run_guarded(store, self.editor.versions, field, key=node.id)
        if stored is None:
            return False
        made = stored.value
        if version is not None and made is not None:
            self.editor.versions.stored_at(field, version, made)
        elif version is not None:
            # Kept in the journal while the server is away: the version it makes is not
            # known, so its undo goes only where the field still holds what she typed.
            made = NOT_KNOWN
        stack.push(EditField(self, self.handles.key(ITEM, node.id), field, old, new, version=made))
        if field in ("title", "category"):
            self._stored()  # the tree shows titles; the editor keeps the category stored
        return True

    def _conflict_after_the_drop(self, action: UserAction, conflict: EditConflict) -> bool:
        """Text she typed while the server was away, which another person changed first:
        shown beside hers in the editor, as a conflict at the time of typing would be."""
        node = self.editor.node
        if not action.service.endswith(".set_item_field") or node is None:
            return False
        item_id, field = action.args[:2]
        if item_id != node.id or field not in TEXT:
            return False
        self.editor.versions.show(field, conflict)
        return True

    def _stored(self) -> None:
        """Show the agenda as stored now (not the fields: she may be typing in them).
        While the server is away what she changed is kept for it: nothing to read yet."""
        if not self._switching and not self.store.offline:
            self.refresh()

    def show_field(self, item_key: int, field: str, value: Any) -> None:
        node = self.editor.node
        if node is not None and self.handles.row(item_key) == node.id:
            self.editor.show_field(field, value)

    def after_change(self, select_key: int | None) -> None:
        """After an undo or redo: show the agenda as stored, on the item it touched."""
        if self._switching:
            return
        self._switching = True
        try:
            self.refresh(select_id=self.handles.row(select_key), reload_editor=True)
        finally:
            self._switching = False

    def add_action(self, fields: dict[str, Any]) -> int | None:
        node, stack = self.editor.node, self.stack
        if node is None or stack is None:
            return None
        added = self.run(lambda s: services.add_action(s, node.id, **fields).id)
        if added is None:
            return None
        item_key = self.handles.key(ITEM, node.id)
        stack.push(AddAction(self, self.handles.key(ACTION, added.value), item_key))
        self._stored()
        return added.value

    def edit_action(
        self,
        action_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        version: int | None = None,
    ) -> bool:
        """Store an action's fields. Its text alone, with the `version` it was based on,
        is stored only over the text she started from (else their text is shown)."""
        node, stack = self.editor.node, self.stack
        if node is None or stack is None:
            return False
        version = version if set(new) == {"text"} else None

        def store(session: Session) -> int | None:
            action = services.update_action(
                session, action_id, version=version, base=old.get("text"), **new
            )
            return action.version if version is not None else None

        versions = self.editor.actions_editor.versions
        stored = self._run_guarded(store, versions, "text")
        if stored is None:
            return False
        if version is not None and stored.value is not None:
            versions.stored_at("text", version, stored.value)
        stack.push(
            EditAction(
                self,
                self.handles.key(ACTION, action_id),
                self.handles.key(ITEM, node.id),
                old,
                new,
                version=stored.value,
            )
        )
        self._stored()
        return True

    def delete_action(self, action_id: int) -> bool:
        node, stack = self.editor.node, self.stack
        if node is None or stack is None:
            return False
        command = DeleteAction(
            self, self.handles.key(ACTION, action_id), self.handles.key(ITEM, node.id)
        )
        if not command.remove():
            return False
        stack.push(command)
        return True

    # --- the agenda's shape -----------------------------------------------------------------

    def new_item(self) -> None:
        self.structure.new_item(sub=False)

    def new_sub_item(self) -> None:
        self.structure.new_item(sub=True)

    def delete_item(self) -> None:
        node, stack = self.current_node(), self.stack
        if node is None or stack is None or not self.editable:
            return
        flush_pending(self.editor)
        command = DeleteItem(self, self.handles.key(ITEM, node.id))
        if command.remove():
            stack.push(command)
            self.told.emit(
                self.tr("Deleted {0} {1} (Ctrl+Z brings it back)").format(node.number, node.title)
            )

    def move_item(self, delta: int) -> None:
        self.structure.move(delta)

    def indent_item(self) -> None:
        self.structure.indent()

    def outdent_item(self) -> None:
        self.structure.outdent()
