"""The actions decided under an item: what, who (an organisation or a person), by when.

The list shows every action of the item; the form under it edits the chosen one. New
action stores one at once, titled for typing over (as a new agenda item is), so that
its text is then an ordinary autosaved field. Each stored change goes through the
agenda page, which keeps it on the undo stack.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.agenda_view import ActionRow, owner_and_due
from desktop.core.services.views import OrganizationRow, PersonRow
from desktop.ui.base.autosave import TextAutosave
from desktop.ui.base.present import present
from desktop.ui.base.table import Column, RowModel
from desktop.ui.widgets.conflicts import FieldConflicts
from desktop.ui.widgets.pick_box import PickBox
from desktop.ui.widgets.thai_date import ThaiDateField

OWNER_ROLE = Qt.ItemDataRole.UserRole


class ActionHost(Protocol):
    """The agenda page: it stores, and keeps the undo."""

    def add_action(self, fields: dict[str, Any]) -> int | None: ...

    def edit_action(
        self,
        action_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        version: int | None = None,
    ) -> bool: ...

    def delete_action(self, action_id: int) -> bool: ...


def owner_fields(owner: str | None) -> dict[str, int | None]:
    """`o:12` (organisation 12) or `p:5` (person 5) as the services' two owner fields."""
    kind, _colon, ident = (owner or "").partition(":")
    return {
        "owner_organization_id": int(ident) if kind == "o" else None,
        "owner_person_id": int(ident) if kind == "p" else None,
    }


def owner_of(row: ActionRow) -> str | None:
    if row.owner_organization_id is not None:
        return f"o:{row.owner_organization_id}"
    if row.owner_person_id is not None:
        return f"p:{row.owner_person_id}"
    return None


class ActionListModel(RowModel[ActionRow]):
    """The item's actions, numbered, each with its done tick (read-only here)."""

    def __init__(self, parent=None):
        super().__init__([], parent, ident=lambda r: r.id)
        self.columns = [
            Column(
                "",
                lambda r: f"{self.number_of(r)}. {r.text}{owner_and_due(r.owner, r.due)}",
                checked=lambda r: r.done,
            )
        ]


class ActionsEditor(QWidget):
    def __init__(self, host: ActionHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.action_id: int | None = None
        self._loading = False
        self._editable = True

        self.model = ActionListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.list.setWordWrap(True)
        self.add_button = QPushButton(self.tr("New action"), self)
        self.delete_button = QPushButton(self.tr("Delete action"), self)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("What is to be done"))
        # Typed, pasted (`ทม.ลำพูน`) or picked; its list opens as wide as the longest name.
        self.owner = PickBox(self, min_chars=14)
        self.has_due = QCheckBox(self.tr("Due by"), self)
        self.due = ThaiDateField(self)
        self.done = QCheckBox(self.tr("Done"), self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Action"), self.text)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow("", due_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.conflict_area = QVBoxLayout()
        layout.addLayout(self.conflict_area)
        layout.addLayout(form)

        self.text_saver = TextAutosave(self.text, self._store_text)
        self.versions = FieldConflicts(
            self, self.conflict_area, {"text": self.text_saver}, lambda _field: self.tr("Action")
        )
        """The version of the chosen action's text, and another person's text she has not
        decided on (desktop.ui.widgets.conflicts)."""
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.new_action)
        self.delete_button.clicked.connect(self.delete_current)
        self.owner.activated.connect(self._owner_chosen)
        present(self.owner.lineEdit()).editingFinished.connect(self._owner_typed)
        self.has_due.toggled.connect(self._due_toggled)
        self.due.dateChanged.connect(self._due_changed)
        self.done.toggled.connect(self._done_toggled)
        self._show_form(None)

    def tab_chain(self) -> list[QWidget]:
        """The list, New action, then the chosen action's fields."""
        return [
            self.list,
            self.add_button,
            self.text,
            self.owner,
            self.has_due,
            self.due,
            self.done,
            self.delete_button,
        ]

    # --- owners -----------------------------------------------------------------------

    def set_owners(self, organizations: list[OrganizationRow], people: list[PersonRow]) -> None:
        """The organisations, then the people, she may name as an action's owner."""
        self._loading = True
        try:
            current = self._current_owner()
            self.owner.clear()
            self.owner.addItem(self.tr("(no one named)"), None)
            for organization in organizations:
                short = f" ({organization.short_name})" if organization.short_name else ""
                self.owner.add_choice(
                    f"{organization.name}{short}", f"o:{organization.id}", organization.short_name
                )
            for person in people:
                extra = " — ".join(p for p in (person.position, person.organization_label) if p)
                label = f"{person.display_name} — {extra}" if extra else person.display_name
                self.owner.add_choice(label, f"p:{person.id}", person.display_name)
            self.owner.fit_lists()
            self._select_owner(current)
        finally:
            self._loading = False

    def _current_owner(self) -> str | None:
        return self.owner.currentData(OWNER_ROLE) or None

    def _select_owner(self, owner: str | None) -> None:
        index = self.owner.findData(owner, OWNER_ROLE) if owner else 0
        self.owner.setCurrentIndex(max(0, index))

    # --- loading ----------------------------------------------------------------------

    def set_actions(self, actions: tuple[ActionRow, ...], keep_form: bool = False) -> None:
        """Show an item's actions; the form follows the chosen one unless `keep_form`."""
        chosen = self.action_id
        self._loading = True
        try:
            self.model.set_rows(actions)
            row = self.model.row_of(chosen)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row))
        finally:
            self._loading = False
        if row < 0:
            self._show_form(None)
        elif not keep_form:
            self._show_form(self.model.row(row))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        self.text_saver.flush()
        self._show_form(self.model.row(current.row()) if current.isValid() else None)

    def _show_form(self, row: ActionRow | None) -> None:
        self.versions.set_aside(self.action_id)
        self._loading = True
        try:
            self.action_id = row.id if row else None
            self.text_saver.set_text(row.text if row else "")
            self._select_owner(owner_of(row) if row else None)
            self.has_due.setChecked(bool(row and row.due))
            self.due.setDate(row.due if row and row.due else date.today())
            if not (row and row.due):
                self.due.show_empty(self.tr("no due date yet"))
            self.done.setChecked(bool(row and row.done))
        finally:
            self._loading = False
        self.versions.shown(row.id if row else None, row.version if row else None)
        self._enable()

    def _enable(self) -> None:
        chosen, editable = self.action_id is not None, self._editable
        self.text.setEnabled(chosen)
        self.text.setReadOnly(not editable)
        for widget in (self.owner, self.has_due, self.delete_button):
            widget.setEnabled(chosen and editable)
        self.due.setEnabled(chosen and editable and self.has_due.isChecked())
        # Ticking an action off is follow-up work: allowed on final minutes too.
        self.done.setEnabled(chosen)
        self.add_button.setEnabled(editable)

    def choose(self, action_id: int) -> None:
        row = self.model.row_of(action_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self._show_form(self.model.row(row))

    def new_action(self) -> None:
        """Store a new action now and put the cursor in its text, ready to type over."""
        self.text_saver.flush()
        action_id = self.host.add_action(
            {
                "text": self.tr("New action"),
                "owner_organization_id": None,
                "owner_person_id": None,
                "due": None,
            }
        )
        if action_id is None:
            return
        self.choose(action_id)
        self.text.setFocus()
        self.text.selectAll()

    def delete_current(self) -> None:
        if self.action_id is not None and self.host.delete_action(self.action_id):
            self.action_id = None

    # --- storing ----------------------------------------------------------------------

    def _due_value(self) -> date | None:
        return self.due.date() if self.has_due.isChecked() else None

    def _store_text(self, text: str) -> bool:
        if self.action_id is None or not text.strip() or self.versions.is_open("text"):
            return False  # being retyped, or in conflict: the stored one stays meanwhile
        return self.host.edit_action(
            self.action_id,
            {"text": self.text_saver.stored},
            {"text": text},
            version=self.versions.bases.get("text"),
        )

    def _edit(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if self._loading or self.action_id is None or old == new:
            return
        self.host.edit_action(self.action_id, old, new)

    def _stored_row(self) -> ActionRow | None:
        row = self.model.row_of(self.action_id)
        return self.model.row(row) if row >= 0 else None

    def _owner_chosen(self, _index: int = 0) -> None:
        stored = self._stored_row()
        if stored is not None:
            self._edit(owner_fields(owner_of(stored)), owner_fields(self._current_owner()))

    def _owner_typed(self) -> None:
        # Text that names nobody on the list (or several) goes back to the chosen owner.
        if self._loading:
            return
        index = self.owner.index_for(self.owner.currentText())
        if index < 0:
            self._select_owner(self._current_owner())
        elif index != self.owner.currentIndex():
            self.owner.setCurrentIndex(index)
            self._owner_chosen()
        else:
            self.owner.setEditText(self.owner.itemText(index))
            self.owner.show_start()

    def _due_toggled(self, checked: bool) -> None:
        if checked and not self.due.edit.text():
            self.due.setDate(self.due.date())  # she asked for one: show the proposal
        self.due.setEnabled(checked and self.action_id is not None and self._editable)
        self._due_changed()

    def _due_changed(self, *_args) -> None:
        stored = self._stored_row()
        if stored is not None:
            self._edit({"due": stored.due}, {"due": self._due_value()})

    def _done_toggled(self, checked: bool) -> None:
        stored = self._stored_row()
        if stored is not None:
            self._edit({"done": stored.done}, {"done": checked})

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._enable()
