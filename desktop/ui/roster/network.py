"""Add or edit a network: its name, a description, and the organisations that belong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.services.views import NetworkRow, organization_rows
from desktop.ui.base.dialog import FormDialog
from desktop.ui.base.store import Store
from desktop.ui.roster.models import OrganizationCheckModel
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.widgets.fields import text_or_none


class NetworkDialog(FormDialog):
    saved = Signal(int)

    def __init__(
        self, store: Store, network: NetworkRow | None = None, parent: QWidget | None = None
    ):
        super().__init__(store, parent)
        self.setWindowTitle(self.tr("Edit network") if network else self.tr("New network"))
        self.network = network
        self.name = QLineEdit()
        self.name.setPlaceholderText("เครือข่ายเทศบาลลุ่มน้ำปิง")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.members = OrganizationCheckModel(self)
        self.member_list = QListView()
        self.member_list.setModel(self.members)
        self.member_filter = QLineEdit()
        self.member_filter.setPlaceholderText(self.tr("Filter organisations"))
        self.member_filter.setClearButtonEnabled(True)
        self.new_organization = QPushButton(self.tr("New organisation…"))
        self.select_all = QPushButton(self.tr("Tick all shown"))
        self.select_none = QPushButton(self.tr("Untick all"))
        self.created_here: list[str] = []
        """Organisations made from this dialog: they stay even if it is cancelled."""
        self.active = QCheckBox(self.tr("Active (shown in the list of networks)"))
        self.active.setChecked(True)

        members_box = QWidget()
        column = QVBoxLayout(members_box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.member_filter, 1)
        row.addWidget(self.new_organization)
        column.addLayout(row)
        column.addWidget(self.member_list)
        ticks = QHBoxLayout()
        ticks.addWidget(self.select_all)
        ticks.addWidget(self.select_none)
        ticks.addStretch(1)
        column.addLayout(ticks)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Description"), self.description)
        self.form.addRow(self.tr("&Members"), members_box)
        if network is not None:
            self.form.addRow("", self.active)
            self.name.setText(network.name)
            self.description.setPlainText(network.description or "")
            self.active.setChecked(network.active)
        self._load_organizations(list(network.member_ids) if network else [])
        self.member_filter.textChanged.connect(self._filter)
        self.new_organization.clicked.connect(self._new_organization)
        self.select_all.clicked.connect(lambda: self._tick_shown(True))
        self.select_none.clicked.connect(lambda: self._tick_shown(False))
        self._members_at_start = self.members.checked_ids()
        self.setMinimumSize(560, 520)

    def _load_organizations(self, checked: list[int]) -> None:
        self.members.set_rows(self.store.read(organization_rows), checked)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.members.rowCount()):
            name = self.members.index(row).data() or ""
            self.member_list.setRowHidden(row, bool(needle) and needle not in name.casefold())

    def _tick_shown(self, ticked: bool) -> None:
        """Tick (or untick) every organisation the filter shows: eight members, one click."""
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.members.rowCount()):
            if not self.member_list.isRowHidden(row):
                self.members.setData(self.members.index(row), state, Qt.ItemDataRole.CheckStateRole)

    def typed(self) -> bool:
        return super().typed() or self.members.checked_ids() != self._members_at_start

    def discard_note(self) -> str:
        if not self.created_here:
            return ""
        return self.tr(
            "The organisations you created here stay in the roster: {0}. "
            "Delete them on the Organisations tab if they were a mistake."
        ).format(", ".join(self.created_here))

    def _new_organization(self) -> None:
        dialog = OrganizationDialog(self.store, parent=self)
        dialog.saved.connect(self._organization_added)
        dialog.open()

    def _organization_added(self, organization_id: int) -> None:
        checked = self.members.checked_ids()
        self._load_organizations([*checked, organization_id])
        self.created_here.append(self.members.index(self.members.row_of(organization_id)).data())
        self._filter(self.member_filter.text())

    def store_changes(self) -> bool:
        name = self.name.text()
        description = text_or_none(self.description.toPlainText())
        member_ids = self.members.checked_ids()
        if self.network is None:
            result = self.store.change(
                lambda s: (
                    services.create_network(
                        s, name=name, description=description, member_ids=member_ids
                    ).id
                ),
                parent=self,
            )
        else:
            ident = self.network.id
            active = self.active.isChecked()
            result = self.store.change(
                lambda s: (
                    services.update_network(
                        s,
                        ident,
                        name=name,
                        description=description,
                        member_ids=member_ids,
                        active=active,
                    ).id
                ),
                parent=self,
            )
        if result is None:
            return False
        self.saved.emit(result.value)
        return True
