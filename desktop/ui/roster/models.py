"""The roster tables: networks, organisations and people.

The people model holds plain rows and filters them itself over keys computed once, so a
roster of ten thousand scrolls and narrows as she types with no per-row widget and no
query per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.core.services.views import NetworkRow, OrganizationRow, PersonRow
from desktop.ui.base import i18n
from desktop.ui.base.table import Column, RowModel
from desktop.ui.base.text_match import layout_slip, matches, person_search_key, query_words

ID_ROLE = Qt.ItemDataRole.UserRole
INACTIVE_TEXT = QColor(128, 128, 128)


def _inactive_grey(row: NetworkRow | OrganizationRow | PersonRow) -> QColor | None:
    return None if row.active else INACTIVE_TEXT


def _marked_inactive(name: str, active: bool) -> str:
    return (
        name
        if active
        else QCoreApplication.translate("RosterModels", "{0} (inactive)").format(name)
    )


class NetworkListModel(RowModel[NetworkRow | None]):
    """Networks by name; with `all_label`, a first row (id None) for every meeting."""

    def __init__(self, parent=None, all_label: str | None = None):
        self._all_label = all_label
        name = Column[NetworkRow | None](
            "",
            lambda n: n.name if n else all_label or "",
            tooltip=lambda n: (
                QCoreApplication.translate(
                    "RosterModels", "{0} member organisations, {1} meetings"
                ).format(len(n.member_ids), n.meeting_count)
                if n
                else None
            ),
        )
        super().__init__(
            [name],
            parent,
            ident=lambda n: n.id if n else None,
            row_roles={
                ID_ROLE: lambda n: n.id if n else None,
                Qt.ItemDataRole.ForegroundRole: lambda n: _inactive_grey(n) if n else None,
            },
        )

    def set_rows(self, rows) -> None:
        super().set_rows(([None] if self._all_label else []) + list(rows))


def _people_count(row: OrganizationRow) -> str:
    return str(row.people_count)


class OrganizationTableModel(RowModel[OrganizationRow]):
    def __init__(self, parent=None):
        kinds = i18n.organization_kinds()
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("RosterModels", "Name"),
                    lambda r: _marked_inactive(r.name, r.active),
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Short name"),
                    lambda r: r.short_name or "",
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Kind"),
                    lambda r: kinds.get(r.kind, r.kind),
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "District"),
                    lambda r: r.district or "",
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Province"),
                    lambda r: r.province or "",
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "People"),
                    _people_count,
                    sort_key=lambda r: r.people_count,
                ),
            ],
            parent,
            ident=lambda r: r.id,
            row_roles={ID_ROLE: lambda r: r.id, Qt.ItemDataRole.ForegroundRole: _inactive_grey},
        )


class PersonTableModel(RowModel[PersonRow]):
    """People, filtered in the model by the words she types (Thai, English, layout slip)."""

    NAME, POSITION, ROLE, ORGANIZATION, CONTACT = range(5)

    def __init__(self, parent=None):
        roles = i18n.roles()
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("RosterModels", "Name"),
                    lambda r: _marked_inactive(r.display_name, r.active),
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Position"),
                    lambda r: r.position or "",
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Role"),
                    lambda r: roles.get(r.role, r.role),
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Organisation"),
                    lambda r: r.organization_label,
                ),
                Column(
                    QCoreApplication.translate("RosterModels", "Contact"),
                    lambda r: " ".join(v for v in (r.phone, r.email) if v),
                ),
            ],
            parent,
            ident=lambda r: r.id,
            row_roles={ID_ROLE: lambda r: r.id, Qt.ItemDataRole.ForegroundRole: _inactive_grey},
        )
        self._all: list[PersonRow] = []
        self._keys: list[str] = []
        self._filter = ""

    def set_rows(self, rows) -> None:
        self._all = list(rows)
        self._keys = [person_search_key(r, r.email) for r in self._all]
        self._apply()

    def set_filter(self, text: str) -> None:
        self._filter = text
        self._apply()

    def _apply(self) -> None:
        words = query_words(self._filter)
        if words:
            chosen = [r for r, k in zip(self._all, self._keys, strict=True) if matches(k, words)]
            slip = layout_slip(self._filter)
            if not chosen and slip:
                words = query_words(slip)
                chosen = [
                    r for r, k in zip(self._all, self._keys, strict=True) if matches(k, words)
                ]
        else:
            chosen = self._all
        super().set_rows(chosen)

    def total(self) -> int:
        return len(self._all)


def _person_choice(person: PersonRow | None) -> str:
    if person is None:
        return QCoreApplication.translate("RosterModels", "(not set)")
    if person.position:
        return f"{person.display_name} — {person.position}"
    return person.display_name


class PersonChoiceModel(RowModel[PersonRow | None]):
    """People for a combo box (chair, recorder, reviewer), with "nobody" first."""

    def __init__(self, parent=None):
        super().__init__(
            [Column("", _person_choice)],
            parent,
            ident=lambda p: p.id if p else None,
            row_roles={ID_ROLE: lambda p: p.id if p else None},
        )

    def set_rows(self, rows) -> None:
        super().set_rows([None, *rows])

    def row_of(self, ident) -> int:
        """Someone not (or no longer) listed is shown as nobody."""
        return max(0, super().row_of(ident))


class OrganizationCheckModel(RowModel[OrganizationRow]):
    """Organisations with a tick each: a network's members, in the order they were ticked."""

    def __init__(self, parent=None):
        self._checked: list[int] = []
        name = Column[OrganizationRow](
            "",
            lambda r: r.name,
            checked=lambda r: r.id in self._checked,
            tick=self._tick,
        )
        super().__init__([name], parent, ident=lambda r: r.id, row_roles={ID_ROLE: lambda r: r.id})

    def set_rows(self, rows, checked: list[int] | tuple[int, ...] = ()) -> None:
        known = {r.id for r in rows}
        self._checked = [i for i in checked if i in known]
        super().set_rows(rows)

    def checked_ids(self) -> list[int]:
        return list(self._checked)

    def check(self, organization_id: int) -> None:
        row = self.row_of(organization_id)
        if row >= 0:
            self.setData(self.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def _tick(self, row: OrganizationRow, on: bool) -> None:
        if on and row.id not in self._checked:
            self._checked.append(row.id)
        elif not on and row.id in self._checked:
            self._checked.remove(row.id)
