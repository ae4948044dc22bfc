"""File → Connect to a shared database…: a server, its database, who she is, her password.

The password is asked for each time unless she ticks "remember": then it goes to the
operating system's keyring (base.passwords), never to QSettings or a file of ours.
Recent connections are listed without their passwords. The dialog is opened with
open() (no nested event loop) and says `chosen(ServerAddress)` when she connects.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.server import DEFAULT_PORT, ServerAddress
from desktop.ui.base import passwords
from desktop.ui.base.settings import AppSettings


def server_url(
    server: str,
    port: int,
    database: str,
    user: str,
    *,
    password: str = "",
    ca_file: str = "",
) -> str:
    """The postgresql:// URL of what she typed; a server that is a folder is a Unix socket."""
    query: dict[str, str] = {}
    host = server
    if server.startswith("/"):  # a local server's socket folder (libpq's host=/folder)
        query["host"] = server
        host = ""
    elif ":" in server:  # an IPv6 address
        host = f"[{server}]"
    secret = f":{quote(password, safe='')}" if password else ""
    where = host + (f":{port}" if port != DEFAULT_PORT else "")
    if ca_file:
        query["sslrootcert"] = ca_file
    tail = f"?{urlencode(query)}" if query else ""
    return f"postgresql://{quote(user, safe='')}{secret}@{where}/{quote(database, safe='')}{tail}"


class ConnectDialog(QDialog):
    """Where the shared database is, and who she is there."""

    chosen = Signal(object)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Connect to a shared database"))
        self.recent = QComboBox(self)
        self.recent.addItem(self.tr("(a new connection)"), "")
        for url in settings.recent_servers:
            self.recent.addItem(ServerAddress(url).name, url)
        self.recent.activated.connect(self._recent_chosen)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText(self.tr("e.g. office-server or 192.168.1.10"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("65535") * 3)
        self.database = QLineEdit("prachum", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("optional: the office's CA certificate"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.remember = QCheckBox(self.tr("&Remember the password on this computer"), self)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #555;")
        missing = passwords.keyring_missing()
        self.remember.setEnabled(missing is None)
        if missing is not None:
            self.keyring_note.setText(
                self.tr(
                    "The password cannot be remembered here: this computer has no password "
                    "store (keyring). You will be asked for it each time."
                )
            )
            self.keyring_note.setToolTip(missing)
            self.remember.setToolTip(missing)
        else:
            self.keyring_note.setText(
                self.tr("It is kept in the computer's own password store, not in Prachum.")
            )
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("Recent:"), self.recent)
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("CA certificate:"), ca_row)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)
            self._recent_chosen(1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # A recent connection is filled in: what is left to type is the password.
        first_empty = next(
            (f for f in (self.server, self.user, self.password) if not f.text()), None
        )
        (first_empty or self.buttons.button(QDialogButtonBox.StandardButton.Ok)).setFocus()

    def _recent_chosen(self, index: int) -> None:
        url = self.recent.itemData(index)
        if not url:
            return
        address = ServerAddress(url)
        options = address.options
        self.server.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.ca_file.setText(options.get("sslrootcert", ""))
        kept = passwords.remembered(passwords.address_key(address))
        self.password.setText(kept or "")
        self.remember.setChecked(kept is not None)

    def _choose_ca_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The office's CA certificate"),
            str(Path.home()),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if name:
            self.ca_file.setText(name)

    def address(self, *, with_password: bool = True) -> ServerAddress:
        return ServerAddress(
            server_url(
                self.server.text().strip(),
                self.port.value(),
                self.database.text().strip(),
                self.user.text().strip(),
                password=self.password.text() if with_password else "",
                ca_file=self.ca_file.text().strip(),
            )
        )

    def _missing(self) -> str | None:
        for field, name in (
            (self.server, self.tr("the server")),
            (self.database, self.tr("the database")),
            (self.user, self.tr("the user")),
        ):
            if not field.text().strip():
                field.setFocus()
                return self.tr("Please fill in {0}.").format(name)
        ca_file = self.ca_file.text().strip()
        if ca_file and not Path(ca_file).is_file():
            self.ca_file.setFocus()
            return self.tr("The CA certificate {0} is not a file.").format(ca_file)
        return None

    def accept(self) -> None:
        problem = self._missing()
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        address = self.address()
        key = passwords.address_key(address)
        if self.remember.isChecked() and self.password.text():
            passwords.remember(key, self.password.text())
        else:
            passwords.forget(key)
        self.settings.add_recent_server(address.url_without_password())
        super().accept()
        self.chosen.emit(address)


def choose_database_file(parent: QWidget, settings: AppSettings) -> Path | None:
    """File → Open a database file…: a Prachum file on this PC (or wherever she picks)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("SharedDatabase", "Open a Prachum database"),
        settings.last_folder("database"),
        QCoreApplication.translate("SharedDatabase", "Prachum database (*.db);;All files (*)"),
    )
    if not name:
        return None
    settings.set_last_folder("database", Path(name).parent)
    return Path(name)
