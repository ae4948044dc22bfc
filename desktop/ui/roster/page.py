"""The roster: networks, organisations and people, each a table with add, edit, deactivate.

Deactivating takes a person or an organisation out of the lists offered for new
meetings; "show inactive" brings them back. One made by mistake can be deleted, after a
confirmation that says what depends on it (past attendance keeps its copy of the name).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.changes import Changes
from desktop.core.services.views import (
    known_honorifics,
    network_rows,
    organization_rows,
    people_rows,
)
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.roster.honorifics import HonorificsDialog
from desktop.ui.roster.models import NetworkListModel, OrganizationTableModel, PersonTableModel
from desktop.ui.roster.network import NetworkDialog
from desktop.ui.roster.organization import OrganizationDialog
from desktop.ui.roster.person import PersonDialog

RosterModel = NetworkListModel | OrganizationTableModel | PersonTableModel


class RosterSection(QWidget):
    """A filter, a table and the buttons to add, edit and (de)activate its rows."""

    def __init__(self, view: QAbstractItemView, model: RosterModel, parent=None):
        super().__init__(parent)
        self.view = view
        self.model = model
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.active_button = QPushButton(self.tr("Deac&tivate"))
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.total = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.show_inactive)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.active_button)
        bar.addWidget(self.delete_button)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        layout.addWidget(self.total)
        view.doubleClicked.connect(lambda _i: self.edit_button.click())

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)


def table_view() -> QTableView:
    view = QTableView()
    view.verticalHeader().hide()
    # Fixed row heights: the view never measures ten thousand rows to lay them out.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(int(view.fontMetrics().height() * 1.7))
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.setSortingEnabled(False)
    return view


class RosterPage(QWidget):
    """The ทะเบียน page of the window."""

    network_saved = Signal(int)

    def __init__(self, store: Store, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)

        self.network_model = NetworkListModel(self)
        self.organization_model = OrganizationTableModel(self)
        self.person_model = PersonTableModel(self)
        organization_view, person_view = table_view(), table_view()
        self.networks = RosterSection(QListView(), self.network_model)
        self.networks.filter.hide()
        self.networks.delete_button.hide()  # a network is deactivated: its meetings keep it
        self.organizations = RosterSection(organization_view, self.organization_model)
        self.organizations.filter.setPlaceholderText(self.tr("Filter organisations"))
        self.people = RosterSection(person_view, self.person_model)
        self.people.filter.setPlaceholderText(
            self.tr("Filter people by name, position or organisation")
        )
        self.honorifics_button = QPushButton(self.tr("Honorifics…"))
        self.people.bar.addWidget(self.honorifics_button)
        for view, widths in (
            (organization_view, (290, 130, 190, 120, 110)),
            (person_view, (240, 280, 170, 160)),
        ):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)

        self.tabs.addTab(self.networks, self.tr("&Networks"))
        self.tabs.addTab(self.organizations, self.tr("&Organisations"))
        self.tabs.addTab(self.people, self.tr("&People"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.networks.add_button.clicked.connect(lambda: self.edit_network(None))
        self.networks.edit_button.clicked.connect(
            lambda: self.edit_network(self._current(self.networks))
        )
        self.networks.active_button.clicked.connect(self._toggle_network)
        self.organizations.add_button.clicked.connect(lambda: self.edit_organization(None))
        self.organizations.edit_button.clicked.connect(
            lambda: self.edit_organization(self._current(self.organizations))
        )
        self.organizations.active_button.clicked.connect(self._toggle_organization)
        self.people.add_button.clicked.connect(lambda: self.edit_person(None))
        self.people.edit_button.clicked.connect(
            lambda: self.edit_person(self._current(self.people))
        )
        self.people.active_button.clicked.connect(self._toggle_person)
        self.organizations.delete_button.clicked.connect(
            lambda: self._delete(self.organizations, "organization")
        )
        self.people.delete_button.clicked.connect(lambda: self._delete(self.people, "person"))
        self.people.filter.textChanged.connect(self._filter_people)
        self.organizations.filter.textChanged.connect(self._filter_organizations)
        self.honorifics_button.clicked.connect(self._edit_honorifics)
        for section in (self.networks, self.organizations, self.people):
            section.show_inactive.toggled.connect(lambda _on: self.refresh())
            section.view.selectionModel().currentChanged.connect(
                lambda _c, _p, s=section: self._update_buttons(s)
            )
        store.committed.connect(self._store_committed)
        self._loaded = False

    # --- data -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def _store_committed(self, changes: Changes) -> None:
        if changes.touches_roster():
            self._loaded = False
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Read the three tables again, keeping what was selected."""
        selected = {s: self._current(s) for s in (self.networks, self.organizations, self.people)}
        show = {s: s.show_inactive.isChecked() for s in selected}

        def read(session):
            return (
                network_rows(session, include_inactive=show[self.networks]),
                organization_rows(session, include_inactive=show[self.organizations]),
                people_rows(session, include_inactive=show[self.people]),
            )

        networks, organizations, people = self.store.read(read)
        self.network_model.set_rows(networks)
        self.organization_model.set_rows(organizations)
        self._organization_rows = organizations
        self._filter_organizations(self.organizations.filter.text())
        self.person_model.set_rows(people)
        for section, row in selected.items():
            if row is not None:
                section.select(section.model.row_of(row.id))
            self._update_buttons(section)
        self._show_totals()
        self._loaded = True

    def _show_totals(self) -> None:
        self.networks.total.setText(self.tr("{0} networks").format(self.networks.model.rowCount()))
        self.organizations.total.setText(
            self.tr("{0} organisations").format(self.organizations.model.rowCount())
        )
        self.people.total.setText(
            self.tr("{0} of {1} people").format(
                self.person_model.rowCount(), self.person_model.total()
            )
        )

    def _filter_people(self, text: str) -> None:
        self.person_model.set_filter(text)
        self._show_totals()

    def _filter_organizations(self, text: str) -> None:
        needle = text.strip().casefold()
        rows = getattr(self, "_organization_rows", [])
        if needle:
            rows = [
                r
                for r in rows
                if needle
                in " ".join(filter(None, (r.name, r.short_name, r.district, r.province))).casefold()
            ]
        self.organization_model.set_rows(rows)
        self._show_totals()

    def _current(self, section: RosterSection):
        row = section.current_row()
        if row < 0:
            return None
        model = section.model
        return model.row(row)

    def _update_buttons(self, section: RosterSection) -> None:
        row = self._current(section)
        section.edit_button.setEnabled(row is not None)
        section.active_button.setEnabled(row is not None)
        section.delete_button.setEnabled(row is not None)
        active = row is None or row.active
        section.active_button.setText(self.tr("Deac&tivate") if active else self.tr("Reac&tivate"))

    # --- dialogs --------------------------------------------------------------------------

    def edit_network(self, network) -> NetworkDialog:
        dialog = NetworkDialog(self.store, network, self)
        dialog.saved.connect(self.network_saved)
        dialog.open()
        return dialog

    def edit_organization(self, organization) -> OrganizationDialog:
        dialog = OrganizationDialog(self.store, organization, self)
        dialog.saved.connect(lambda ident: self._select_later(self.organizations, ident))
        dialog.open()
        return dialog

    def edit_person(self, person, prefill: str | None = None) -> PersonDialog:
        dialog = self.person_dialog(person)
        if prefill:
            dialog.prefill(prefill)
        dialog.saved.connect(lambda ident, _o, _n: self._select_later(self.people, ident))
        dialog.open()
        return dialog

    def person_dialog(self, person=None, parent: QWidget | None = None) -> PersonDialog:
        """A person dialog with today's honorifics and organisations (also for the finder)."""
        used, organizations = self.store.read(lambda s: (known_honorifics(s), organization_rows(s)))
        honorifics = list(dict.fromkeys([*self.settings.honorifics, *used]))
        return PersonDialog(self.store, honorifics, organizations, person, parent or self)

    def _select_later(self, section: RosterSection, ident: int) -> None:
        self.refresh()
        section.select(section.model.row_of(ident))

    def _edit_honorifics(self) -> None:
        HonorificsDialog(self.settings, self).open()

    # --- (de)activate -----------------------------------------------------------------------

    def _toggle(self, section: RosterSection, update: Callable) -> None:
        row = self._current(section)
        if row is None:
            return
        ident, active = row.id, not row.active
        if self.store.change(lambda s: update(s, ident, active=active), parent=self):
            self.refresh()
            section.select(section.model.row_of(ident))

    def _delete(self, section: RosterSection, kind: str) -> None:
        from desktop.ui.roster.deleting import confirm_and_delete

        row = self._current(section)
        if row is not None and confirm_and_delete(self, self.store, kind, row.id):
            self.refresh()

    def _toggle_network(self) -> None:
        self._toggle(self.networks, services.update_network)

    def _toggle_organization(self) -> None:
        self._toggle(self.organizations, services.update_organization)

    def _toggle_person(self) -> None:
        self._toggle(self.people, services.update_person)

    def show_tab(self, tab: int) -> None:
        """The tab, ready for her keys: a name typed straight away goes into its filter,
        and the first row is chosen so that Edit works without a click."""
        self.tabs.setCurrentIndex(tab)
        section = self.tabs.widget(tab)
        if not isinstance(section, RosterSection):
            return
        if section.current_row() < 0 and section.model.rowCount() > 0:
            section.select(0)
        (section.filter if section.filter.isVisibleTo(self) else section.view).setFocus()
