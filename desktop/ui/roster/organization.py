"""Add or edit an organisation: name, short name, kind, district, province, and what
its letters print (code, address, unit, telephone, e-mail) and whether it is hers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from desktop.core import services
from desktop.core.codes import OrganizationKind
from desktop.core.services.papers import LetterFields, letter_fields, set_letter_fields
from desktop.core.services.views import OrganizationRow, similar_organizations
from desktop.ui.base import i18n
from desktop.ui.base.dialog import FormDialog
from desktop.ui.base.store import Store
from desktop.ui.widgets.fields import CodeCombo, text_or_none


class OrganizationDialog(FormDialog):
    saved = Signal(int)

    def __init__(
        self,
        store: Store,
        organization: OrganizationRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(store, parent)
        self.setWindowTitle(
            self.tr("Edit organisation") if organization else self.tr("New organisation")
        )
        self.organization = organization
        self.name = QLineEdit()
        self.name.setPlaceholderText("เทศบาลตำบลบ้านกลาง")
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText("ทต.บ้านกลาง")
        self.kind = CodeCombo(i18n.organization_kinds())
        self.district = QLineEdit()
        self.province = QLineEdit()
        self.active = QCheckBox(self.tr("Active (shown in lists)"))
        self.active.setChecked(True)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Short name"), self.short_name)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&District"), self.district)
        self.form.addRow(self.tr("&Province"), self.province)
        # What her letters print: asked here once, never typed into each paper.
        letters = QLabel(self.tr("Letters from this organisation"))
        font = letters.font()
        font.setBold(True)
        letters.setFont(font)
        self.form.addRow(letters)
        self.letter_code = QLineEdit()
        self.letter_code.setPlaceholderText("ลพ 52001")
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.address.setPlaceholderText("ถนน… ตำบล… อำเภอ…\nจังหวัด… 52000")
        self.letter_office = QLineEdit()
        self.letter_office.setPlaceholderText("สำนักปลัดเทศบาล")
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.ours = QCheckBox(
            self.tr("This is our organisation (it sends the letters and the news)")
        )
        self.form.addRow(self.tr("Letter &code"), self.letter_code)
        self.form.addRow(self.tr("Addr&ess"), self.address)
        self.form.addRow(self.tr("&Unit in charge"), self.letter_office)
        self.form.addRow(self.tr("&Telephone"), self.phone)
        self.form.addRow(self.tr("E-&mail"), self.email)
        self.form.addRow("", self.ours)
        if organization is not None:
            self.form.addRow("", self.active)
            ident = organization.id
            letter = store.read(lambda s: letter_fields(s, ident))
            self.letter_code.setText(letter.letter_code or "")
            self.address.setPlainText(letter.address or "")
            self.letter_office.setText(letter.letter_office or "")
            self.phone.setText(letter.phone or "")
            self.email.setText(letter.email or "")
            self.ours.setChecked(letter.ours)
            self.name.setText(organization.name)
            self.short_name.setText(organization.short_name or "")
            self.kind.set_code(organization.kind)
            self.district.setText(organization.district or "")
            self.province.setText(organization.province or "")
            self.active.setChecked(organization.active)
        else:
            self.kind.set_code(OrganizationKind.SUBDISTRICT_MUNICIPALITY)
            self.offer_add_another()
        # Kind and short name follow the name as she types it, until she sets them herself.
        self._kind_chosen = organization is not None
        self._short_typed = organization is not None
        self.name.textEdited.connect(self._guess_from_name)
        self.kind.activated.connect(lambda _i: setattr(self, "_kind_chosen", True))
        self.short_name.textEdited.connect(lambda _t: setattr(self, "_short_typed", True))
        self.setMinimumWidth(480)

    def focus_field(self, name: str) -> None:
        """Put the cursor in a letter field (the Papers dialog sends her here for it)."""
        widget = getattr(self, name, None)
        if isinstance(widget, QWidget):
            self.first_field = lambda: widget  # type: ignore[method-assign]  # where typing starts
            widget.setFocus()

    def _letter_fields(self) -> LetterFields:
        return LetterFields(
            letter_code=self.letter_code.text(),
            address=self.address.toPlainText(),
            letter_office=self.letter_office.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            ours=self.ours.isChecked(),
        )

    def _guess_from_name(self, name: str) -> None:
        kind, short = services.guess_organization(name)
        if kind and not self._kind_chosen:
            self.kind.set_code(kind)
        if not self._short_typed:
            self.short_name.setText(short or "")

    def clear_for_another(self) -> str:
        saved = self.name.text().strip()
        for field in (
            self.name,
            self.short_name,
            self.letter_code,
            self.address,
            self.letter_office,
            self.phone,
            self.email,
        ):
            field.clear()
        self.ours.setChecked(False)
        self._kind_chosen = self._short_typed = False
        return saved

    def _fields(self) -> dict:
        return {
            "name": self.name.text(),
            "short_name": text_or_none(self.short_name.text()),
            "kind": self.kind.code(),
            "district": text_or_none(self.district.text()),
            "province": text_or_none(self.province.text()),
        }

    def store_changes(self) -> bool:
        fields = self._fields()
        if self.organization is None:
            similar = self.store.read(lambda s: similar_organizations(s, fields["name"]))
            if similar:
                answer = QMessageBox.question(
                    self,
                    self.tr("Possible duplicate"),
                    self.tr(
                        "These organisations look the same:\n{0}\n\nCreate a new one anyway?"
                    ).format("\n".join(f"• {name}" for name in similar)),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
            letter = self._letter_fields()

            def create(s) -> int:
                organization = services.create_organization(s, **fields)
                set_letter_fields(s, organization.id, letter)
                return organization.id

            result = self.store.change(create, parent=self)
        else:
            ident = self.organization.id
            fields["active"] = self.active.isChecked()
            letter = self._letter_fields()

            def update(s) -> int:
                services.update_organization(s, ident, **fields)
                set_letter_fields(s, ident, letter)
                return ident

            result = self.store.change(
                update,
                parent=self,
            )
        if result is None:
            return False
        self.saved.emit(result.value)
        return True
