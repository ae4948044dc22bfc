"""A new meeting: number proposed (last + 1 in the same BE year), the standard agenda,
and last meeting's expected people, each optional."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core import services
from desktop.core.services.views import NetworkRow
from desktop.core.thai import be_year, format_meeting_number
from desktop.ui.base import i18n
from desktop.ui.base.dialog import FormDialog
from desktop.ui.base.store import Store
from desktop.ui.widgets.fields import CodeCombo, TimeField, hint_end_from_start
from desktop.ui.widgets.thai_date import ThaiDateField


class NewMeetingDialog(FormDialog):
    created = Signal(int)

    def __init__(
        self,
        store: Store,
        networks: list[NetworkRow],
        network_id: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(store, parent)
        self.setWindowTitle(self.tr("New meeting"))
        self.network = QComboBox()
        self.network.addItem(self.tr("(no network)"), None)
        for network in networks:
            self.network.addItem(network.name, network.id)
        self.network.setCurrentIndex(max(0, self.network.findData(network_id)))
        self.title = QLineEdit()
        self.date = ThaiDateField()
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("(none)"))
        self.number_label = QLabel()
        self.start = TimeField()
        self.start.setTime(None)
        self.end = TimeField()
        self.end.setTime(None)
        hint_end_from_start(self.start, self.end)
        self.mode = CodeCombo(i18n.meeting_modes())
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("e.g. the council meeting room"))
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(["", "Zoom Meeting", "Microsoft Teams", "Google Meet"])
        self.template = QComboBox()
        self.template_preview = QLabel()
        self.template_preview.setWordWrap(True)
        self.template_preview.setStyleSheet("color: palette(mid);")
        self.copy_people = QCheckBox()
        self.copy_people.setChecked(True)

        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.number_label, 1)
        self.form.addRow(self.tr("Net&work"), self.network)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&Date"), self.date)
        number_label = QLabel(self.tr("&Number"))
        number_label.setBuddy(self.number)
        self.form.addRow(number_label, number_row)
        times = QHBoxLayout()
        times.addWidget(self.start)
        end_label = QLabel(self.tr("&until"))
        end_label.setBuddy(self.end)
        times.addWidget(end_label)
        times.addWidget(self.end)
        times.addStretch(1)
        start_label = QLabel(self.tr("&Start"))
        start_label.setBuddy(self.start)
        self.form.addRow(start_label, times)
        self.form.addRow(self.tr("M&ode"), self.mode)
        self.form.addRow(self.tr("&Place"), self.venue)
        self.form.addRow(self.tr("Plat&form"), self.platform)
        self.form.addRow(self.tr("&Agenda"), self.template)
        self.form.addRow("", self.template_preview)
        self.form.addRow("", self.copy_people)
        self.setMinimumWidth(560)

        self.network.currentIndexChanged.connect(self._network_changed)
        self.date.dateChanged.connect(lambda _d: self._propose())
        self.number.valueChanged.connect(self._show_number)
        self.template.currentIndexChanged.connect(self._show_template)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._network_changed()
        self._mode_changed()
        # Enter in a choice (the network, the mode, the platform she types, the agenda)
        # confirms the choice and goes on to the next field: it does not save a meeting
        # half filled in. Enter in the title or the place still saves.
        self._choices = (self.network, self.mode, self.platform, self.template)
        for combo in self._choices:
            combo.installEventFilter(self)
            if (line := combo.lineEdit()) is not None:
                line.installEventFilter(self)
        self.title.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            combo = next((c for c in self._choices if watched in (c, c.lineEdit())), None)
            if combo is not None and not combo.view().isVisible():
                line = combo.lineEdit()
                if line is not None:  # what she typed, completed from the list
                    typed = line.text().strip()
                    found = combo.findText(typed, Qt.MatchFlag.MatchStartsWith)
                    if typed and found >= 0:
                        combo.setCurrentIndex(found)
                    line.deselect()
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    def network_id(self) -> int | None:
        return self.network.currentData()

    def _network_changed(self, *_args) -> None:
        network_id = self.network_id()

        def read(session):
            templates = [
                (t.id, t.name, [item.title for item in t.items])
                for t in services.list_templates(session, network_id)
            ]
            meetings = services.list_meetings(session, network_id=network_id)
            last = meetings[0] if meetings else None
            return templates, (last.title if last else None), (last.mode if last else None)

        templates, last_title, last_mode = self.store.read(read)
        self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("(empty agenda)"), None)
        self._template_items: dict[int | None, list[str]] = {None: []}
        for ident, name, titles in templates:
            self.template.addItem(name, ident)
            self._template_items[ident] = titles
        self.template.blockSignals(False)
        # The six-item standard layout is what most networks use; a network's own comes later.
        self.template.setCurrentIndex(max(0, self.template.findText("มาตรฐาน 6 วาระ")))
        self._show_template()
        if last_title:
            self.title.setText(last_title)
            self.copy_people.setText(self.tr("Expect the people of the last meeting"))
            self.copy_people.setEnabled(True)
            self.mode.set_code(last_mode)
        else:
            name = self.network.currentText() if network_id is not None else ""
            self.title.setText(self.tr("Meeting of {0}").format(name) if name else "")
            self.copy_people.setText(self.tr("Expect the people of the last meeting (none yet)"))
            self.copy_people.setEnabled(False)
        self._propose()

    def first_field(self) -> QWidget:
        return self.title

    def _show_template(self, *_args) -> None:
        """The items the chosen agenda starts with, so she picks knowing them."""
        titles = getattr(self, "_template_items", {}).get(self.template.currentData(), [])
        self.template_preview.setText(
            "\n".join(f"{n}. {title}" for n, title in enumerate(titles, start=1))
        )
        self.template_preview.setVisible(bool(titles))

    def _mode_changed(self, *_args) -> None:
        online = self.mode.code() in ("online", "hybrid")
        self.platform.setEnabled(online)
        self.venue.setEnabled(self.mode.code() != "online")

    def _propose(self) -> None:
        network_id, on = self.network_id(), self.date.date()
        number = self.store.read(lambda s: services.propose_meeting_number(s, network_id, on))
        self.number.setValue(number)
        self._show_number()

    def _show_number(self, *_args) -> None:
        value = self.number.value()
        on: date = self.date.date()
        self.number_label.setText(format_meeting_number(value, on) if value else f"/ {be_year(on)}")

    def store_changes(self) -> bool:
        self.date.commit()
        self.start.commit()
        self.end.commit()
        online = self.mode.code() in ("online", "hybrid")
        fields = {
            "title": self.title.text(),
            "date": self.date.date(),
            "network_id": self.network_id(),
            "number": self.number.value() or None,
            "start": self.start.time(),
            "end": self.end.time(),
            "mode": self.mode.code(),
            "venue": self.venue.text() if self.mode.code() != "online" else None,
            "platform": self.platform.currentText() if online else None,
            "template_id": self.template.currentData(),
            "copy_attendance": self.copy_people.isEnabled() and self.copy_people.isChecked(),
        }
        result = self.store.change(lambda s: services.create_meeting(s, **fields).id, parent=self)
        if result is None:
            return False
        self.created.emit(result.value)
        return True
