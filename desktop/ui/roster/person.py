"""Add or edit a person: honorific, names, position, role, organisation, contacts.

Before a new person is created, people with the same name anywhere in the roster are
named and she decides: the same person is usually already there under another office.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget

from desktop.core import services
from desktop.core.codes import Role
from desktop.core.services.views import OrganizationRow, PersonRow, people_rows
from desktop.core.thai import full_name, split_acting, split_full_name
from desktop.ui.base import i18n
from desktop.ui.base.dialog import FormDialog
from desktop.ui.base.store import Store
from desktop.ui.widgets.fields import CodeCombo, text_or_none
from desktop.ui.widgets.pick_box import PickBox


class PersonDialog(FormDialog):
    saved = Signal(int, object, str)
    """(person id, organisation id or None, the name as shown)."""

    def __init__(
        self,
        store: Store,
        honorifics: list[str],
        organizations: list[OrganizationRow],
        person: PersonRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(store, parent)
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self.person = person
        self.honorific = QComboBox()
        self.honorific.setEditable(True)
        self.honorific.addItems(honorifics)
        self.honorific.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.position = QLineEdit()
        self.position.setPlaceholderText("ปลัดเทศบาลตำบลบ้านกลาง")
        # The office she acts for has its own field: a meeting's line and the minutes keep
        # it apart from the one she holds. Typed into the position, it moves here.
        self.acting_as = QLineEdit()
        self.acting_as.setPlaceholderText(self.tr("Only when she acts for another office"))
        self.position.editingFinished.connect(self._move_acting_office)
        self.role = CodeCombo(i18n.roles())
        # Found by its name, its short name or a part; Enter there saves, as elsewhere.
        self.organization = PickBox(min_chars=20)
        self.organization.addItem("", None)
        for organization in organizations:
            self.organization.add_choice(
                organization.name, organization.id, organization.short_name
            )
        self.organization.fit_lists()
        self.organization.submitted.connect(self.accept)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.active = QCheckBox(self.tr("Active (shown in lists)"))
        self.active.setChecked(True)

        self.form.addRow(self.tr("&Honorific"), self.honorific)
        self.form.addRow(self.tr("&Given name"), self.given_name)
        self.form.addRow(self.tr("&Family name"), self.family_name)
        self.form.addRow(self.tr("&Position"), self.position)
        self.form.addRow(self.tr("A&cting for"), self.acting_as)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("&Organisation"), self.organization)
        self.form.addRow(self.tr("&Email"), self.email)
        self.form.addRow(self.tr("P&hone"), self.phone)
        if person is not None:
            self.form.addRow("", self.active)
            self.honorific.setEditText(person.honorific or "")
            self.given_name.setText(person.given_name)
            self.family_name.setText(person.family_name or "")
            self.position.setText(person.held_position or "")
            self.acting_as.setText(person.acting_as or "")
            self.role.set_code(person.role)
            self.organization.setCurrentIndex(
                max(0, self.organization.findData(person.organization_id))
            )
            self.email.setText(person.email or "")
            self.phone.setText(person.phone or "")
            self.active.setChecked(person.active)
        else:
            self.role.set_code(Role.OFFICER)
            self.honorific.setEditText("")
            self.offer_add_another()
        # The role follows the position as she types it (นายก… first in the lists),
        # until she chooses one herself.
        self._role_chosen = person is not None
        self.position.textEdited.connect(self._guess_role)
        self.role.activated.connect(lambda _i: setattr(self, "_role_chosen", True))
        self.setMinimumWidth(520)
        self.given_name.setFocus()

    def prefill(self, text: str, organization_id: int | None = None) -> None:
        """Fill the names from what she typed in the finder (`นางมาลี บุญมา`)."""
        honorific, given, family = split_full_name(text)
        self.honorific.setEditText(honorific)
        self.given_name.setText(given)
        self.family_name.setText(family)
        if organization_id is not None:
            self.organization.setCurrentIndex(max(0, self.organization.findData(organization_id)))

    def _guess_role(self, position: str) -> None:
        if not self._role_chosen:
            self.role.set_code(services.guess_role(position) or Role.OFFICER)

    def clear_for_another(self) -> str:
        """The next person is usually from the same organisation: it stays."""
        saved = full_name(
            text_or_none(self.honorific.currentText()),
            self.given_name.text().strip(),
            text_or_none(self.family_name.text()),
        )
        self.honorific.setEditText("")
        fields = (self.given_name, self.family_name, self.position, self.acting_as)
        for field in (*fields, self.email, self.phone):
            field.clear()
        self.role.set_code(Role.OFFICER)
        self._role_chosen = False
        return saved

    def organization_id(self) -> int | None:
        text = self.organization.currentText().strip()
        if not text:
            return None
        index = self.organization.index_for(text)
        if index < 0:
            return -1
        self.organization.setCurrentIndex(index)
        return self.organization.itemData(index)

    def _move_acting_office(self) -> None:
        """`รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล` typed as the position: the part she
        acts for goes to its own field, where she sees it before saving."""
        held, acting = split_acting(self.position.text())
        if acting:
            self.position.setText(held or "")
            self.acting_as.setText(acting)

    def _fields(self) -> dict:
        self._move_acting_office()
        return {
            "honorific": text_or_none(self.honorific.currentText()),
            "given_name": self.given_name.text(),
            "family_name": text_or_none(self.family_name.text()),
            "position": text_or_none(self.position.text()),
            "acting_as": text_or_none(self.acting_as.text()),
            "role": self.role.code(),
            "organization_id": self.organization_id(),
            "email": text_or_none(self.email.text()),
            "phone": text_or_none(self.phone.text()),
        }

    def store_changes(self) -> bool:
        fields = self._fields()
        if fields["organization_id"] == -1:
            QMessageBox.warning(
                self,
                self.tr("Cannot do that"),
                self.tr(
                    "There is no organisation named “{0}”. Add it first, or choose one from the list."
                ).format(self.organization.currentText().strip()),
            )
            return False
        if self.person is None:
            if not self._confirm_not_duplicate(fields):
                return False
            result = self.store.change(
                lambda s: services.create_person(s, **fields).id, parent=self
            )
        else:
            ident = self.person.id
            fields["active"] = self.active.isChecked()
            result = self.store.change(
                lambda s: services.update_person(s, ident, **fields).id,
                parent=self,
            )
        if result is None:
            return False
        if self.person is not None and self._copy_changed(result.value):
            self.offer_to_update_drafts(result.value)
        name = full_name(fields["honorific"], fields["given_name"].strip(), fields["family_name"])
        self.saved.emit(result.value, fields["organization_id"], name)
        return True

    def _copy_changed(self, person_id: int) -> bool:
        """Whether this edit changed what a meeting keeps of her (name, position, acting
        office, organisation): a new phone number is no reason to ask about meetings."""
        before = self.person
        rows = self.store.read(lambda s: people_rows(s, include_inactive=True, ids=[person_id]))
        if before is None or not rows:
            return False
        after = rows[0]
        kept = ("display_name", "held_position", "acting_as", "organization_name")
        return any(getattr(before, name) != getattr(after, name) for name in kept)

    def offer_to_update_drafts(self, person_id: int) -> list[int]:
        """Each meeting keeps its own copy of her; the draft ones may take the new one
        (final minutes keep theirs). Returns the meetings updated."""
        stale = self.store.read(lambda s: services.stale_snapshots(s, person_id))
        if not stale:
            return []
        answer = QMessageBox.question(
            self,
            self.tr("Update the draft meetings?"),
            self.tr(
                "Each meeting keeps its own copy of a person as she was then. These draft "
                "meetings still have the old name, position, acting office or organisation:"
                "\n{0}\n\nUpdate them too? "
                "(Finalised minutes keep theirs.)"
            ).format("\n".join(f"• {entry.label}" for entry in stale)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return []

        updated = self.store.change(lambda s: services.refresh_snapshots(s, person_id), parent=self)
        return updated.value if updated is not None else []

    def _confirm_not_duplicate(self, fields: dict) -> bool:
        given, family = fields["given_name"], fields["family_name"]
        if not given.strip():
            return True  # the service explains that a name is needed

        def describe(session) -> list[str]:
            found = services.similar_people(session, given, family)
            return [
                " — ".join(
                    p
                    for p in (
                        services.person_display_name(person),
                        person.position,
                        person.organization.name if person.organization else None,
                    )
                    if p
                )
                for person in found
            ]

        similar = self.store.read(describe)
        if not similar:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Possible duplicate"),
            self.tr("The roster already has:\n{0}\n\nAdd another person with this name?").format(
                "\n".join(f"• {line}" for line in similar)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
