"""The window and a shared database: File → Connect…, back to a file, a server that does
not answer at start, a file on a network share. Against the real throwaway server."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from pg_cluster import PASSWORD_ROLE
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from server_people import drop_roles_of, signed_in_as

from desktop.core import network_share, services
from desktop.core.db import open_database
from desktop.core.operations.copying import copy_database_to
from desktop.core.server import ServerAddress
from desktop.core.server_roles import ServerRole, add_user, init_server
from desktop.ui.base import passwords, worker
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.app import AppHost
from desktop.ui.shell.shared_database import ConnectDialog
from desktop.ui.shell.startup import COPY_HERE, LOCAL_FILE, QUIT, READ_ONLY, TO_SERVER

SECRET = "Kh0-Secret-รหัส-55"


class MemoryKeyring(KeyringBackend):
    """A keyring of our own for the tests: the OS's stays untouched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


class Choices:
    """Her answers at start-up, recorded; no message box."""

    def __init__(self, answer: str = QUIT, address: ServerAddress | None = None):
        self.answer = answer
        self.address = address
        self.asked: list[tuple] = []

    def in_use(self, path, pid):
        self.asked.append(("in use", path))
        return QUIT

    def problem(self, path, error, backup):
        self.asked.append(("problem", error.message("en")))
        return QUIT

    def other_file(self, folder):
        return None

    def failed(self, error):
        self.asked.append(("failed", error.message("en")))

    def server_refused(self, name, error, local):
        self.asked.append(("server", name, error.message("en"), local))
        return self.answer

    def shared_file(self, path, error):
        self.asked.append(("share", path, error.message("en")))
        return self.answer

    def server_address(self):
        self.asked.append(("address",))
        return self.address


@pytest.fixture
def start(qtbot, reporter):
    """`start(path, choices, home)`: the app's start on `path`, waited for."""
    hosts: list[AppHost] = []

    def begin(path, choices: Choices, home: Path | None = None) -> AppHost:
        host = AppHost(None, AppSettings(), reporter)
        host.home = home
        hosts.append(host)
        host.show()
        outcome: list[str] = []
        host.ready.connect(lambda: outcome.append("ready"))
        host.gave_up.connect(lambda: outcome.append("gave up"))
        host.open_in_background(path, choices)
        qtbot.waitUntil(lambda: bool(outcome) and not host._backing_up, timeout=30_000)
        return host

    yield begin
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    for host in hosts:
        if host.window is not None:
            host.window.close()
        host.close()


def switched(qtbot, host: AppHost, name: str) -> None:
    """Wait until the window has been made again on the database called `name`."""
    qtbot.waitUntil(
        lambda: (
            host.window is not None
            and host.window.workspace is not None
            and host.window.database_label.text() == name
        ),
        timeout=30_000,
    )


@pytest.fixture
def password_role(pg_admin):
    pg_admin.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
    pg_admin.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{SECRET}'")
    pg_admin.execute(f"GRANT pg_read_all_data, pg_write_all_data TO {PASSWORD_ROLE}")
    yield PASSWORD_ROLE
    pg_admin.execute(f"DROP OWNED BY {PASSWORD_ROLE}")
    pg_admin.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")


def fill(dialog: ConnectDialog, address: ServerAddress, user: str, password: str) -> None:
    dialog.server.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def connect_button(dialog: ConnectDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_she_connects_to_the_server_remembers_the_password_and_goes_back_to_her_file(  # noqa: PLR0917
    start, qtbot, filled, pg_url, password_role, memory_keyring, monkeypatch
):
    host = start(filled, Choices())
    assert host.window.database_label.text() == "prachum.db"
    server = ServerAddress(pg_url)
    dialog = host.window.connect_to_server()
    assert dialog.isVisible() and dialog.remember.isEnabled()
    assert dialog.recent.count() == 1  # nothing yet but "a new connection"
    fill(dialog, server, password_role, SECRET)
    dialog.remember.setChecked(True)
    connect_button(dialog).click()

    name = f"{password_role}@localhost/{server.database}"
    switched(qtbot, host, name)
    assert host.opened.database.address is not None and not host.opened.readonly
    assert host.window.workspace.navigator.meeting_model.rowCount() == 0  # the server's, not hers
    key = passwords.address_key(host.opened.database.address)
    assert memory_keyring.kept == {(passwords.SERVICE, key): SECRET}
    # Never in the settings, the status bar or the title; the recent list has no password.
    settings = AppSettings()
    settings.sync()
    ini = Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "x").fileName())
    written = "".join(p.read_text(encoding="utf-8") for p in ini.parent.rglob("*.ini"))
    assert "recent" in written and SECRET not in written
    (recent,) = settings.recent_servers
    assert ServerAddress(recent).name == name and ":" not in recent.split("@")[0][13:]
    assert SECRET not in host.window.windowTitle() + host.window.database_label.toolTip()

    # File → Open a database file… takes her back to her own file.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(filled), ""))
    )
    host.window.commands[ActionId.OPEN_FILE].trigger()
    switched(qtbot, host, "prachum.db")
    assert host.window.workspace.navigator.meeting_model.rowCount() == 1

    # Next time the connection is listed, and the keyring fills in the password.
    again = host.window.connect_to_server()
    assert again.recent.count() == 2 and again.recent.currentText() == name
    assert again.user.text() == password_role and again.password.text() == SECRET
    assert again.remember.isChecked()
    # Unticking "remember" forgets it in the keyring.
    again.remember.setChecked(False)
    connect_button(again).click()
    switched(qtbot, host, name)
    assert memory_keyring.kept == {}


def test_without_a_keyring_remember_is_greyed_out_and_says_why(qapp, no_keyring):
    dialog = ConnectDialog(AppSettings())
    assert not dialog.remember.isEnabled()
    assert "keyring" in dialog.keyring_note.text()
    dialog.deleteLater()


def test_the_dialog_asks_for_what_is_missing_and_a_ca_file_that_exists(qapp, tmp_path):
    dialog = ConnectDialog(AppSettings())
    chosen = []
    dialog.chosen.connect(chosen.append)
    dialog.open()
    dialog.database.clear()
    connect_button(dialog).click()
    assert dialog.isVisible() and not dialog.problem.isHidden() and chosen == []
    dialog.server.setText("office-server")
    dialog.database.setText("prachum")
    dialog.user.setText("somchai")
    dialog.ca_file.setText(str(tmp_path / "missing.crt"))
    connect_button(dialog).click()
    assert dialog.isVisible() and "missing.crt" in dialog.problem.text()
    ca = tmp_path / "office-ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    dialog.ca_file.setText(str(ca))
    connect_button(dialog).click()
    assert not dialog.isVisible()
    (address,) = chosen
    assert address.name == "somchai@office-server/prachum"
    assert address.sslmode() == "verify-full"
    assert address.sqlalchemy_url().query["sslrootcert"] == str(ca)


def test_a_server_that_does_not_answer_at_start_offers_her_own_file(
    start, filled, tmp_path, pg_url, password_role
):
    nowhere = f"postgresql://somchai@/prachum?host={tmp_path / 'no-server-here'}"
    choices = Choices(answer=LOCAL_FILE)
    host = start(ServerAddress(nowhere), choices, home=filled)
    assert host.opened is not None and host.opened.database.path == filled
    assert host.window.database_label.text() == "prachum.db"
    ((kind, name, message, local),) = choices.asked
    assert (kind, name, local) == ("server", "somchai@localhost/prachum", filled)
    assert "Could not reach the server" in message

    # A wrong password: the same offer, and the password is nowhere in what she is told.
    wrong = ServerAddress(pg_url).with_password("Wr0ng-" + SECRET)
    wrong = ServerAddress(wrong.url.replace("prachum_test", password_role, 1))
    declined = Choices(answer=QUIT)
    host = start(wrong, declined, home=filled)
    assert host.opened is None
    assert "wrong user name or password" in declined.asked[0][2]
    assert SECRET not in repr(declined.asked)


@pytest.fixture
def on_a_share(tmp_path, monkeypatch, filled) -> Path:
    """Her file, copied into a folder the (patched) mount table says is an SMB share."""
    folder = tmp_path / "office-share"
    folder.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//fileserver/secretary {folder} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(network_share, "MOUNTS", mounts)
    shared = folder / "prachum.db"
    source, copy = sqlite3.connect(filled), sqlite3.connect(shared)
    source.backup(copy)
    source.close()
    copy.close()
    return shared


def unchanged(shared: Path) -> tuple[bytes, list[str]]:
    """The file's bytes and what else is beside it (SQLite's own -wal/-shm of a reader of a
    WAL file may appear; a lock file or a new file of ours may not)."""
    beside = [p.name for p in shared.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))]
    return shared.read_bytes(), sorted(beside)


def test_a_file_on_a_share_is_opened_read_only_when_she_chooses(start, on_a_share):
    before = unchanged(on_a_share)
    choices = Choices(answer=READ_ONLY)
    host = start(on_a_share, choices)
    assert [kind for kind, *_ in choices.asked] == ["share"]
    assert "network share (cifs)" in choices.asked[0][2]
    assert host.opened.readonly and host.window.workspace.navigator.meeting_model.rowCount() == 1
    assert not host.window.commands[ActionId.NEW_MEETING].isEnabled()
    host.window.close()
    host.close()
    assert unchanged(on_a_share) == before


def test_a_file_on_a_share_is_copied_to_this_computer(start, on_a_share, tmp_path, monkeypatch):
    here = tmp_path / "data"
    here.mkdir()
    (here / "prachum.db").write_bytes(b"")  # a file of hers is already there: not overwritten
    monkeypatch.setattr("desktop.core.db_file.default_db_path", lambda: here / "prachum.db")
    before = unchanged(on_a_share)
    host = start(on_a_share, Choices(answer=COPY_HERE))
    assert host.opened.database.path == here / "prachum-2.db" and not host.opened.readonly
    assert host.window.database_label.text() == "prachum-2.db"
    assert host.window.workspace.navigator.meeting_model.rowCount() == 1
    assert (here / "prachum.db").read_bytes() == b""
    host.window.close()
    host.close()
    assert unchanged(on_a_share) == before


def test_a_file_on_a_share_is_moved_to_a_shared_database(start, on_a_share, pg_url):
    before = unchanged(on_a_share)
    choices = Choices(answer=TO_SERVER, address=ServerAddress(pg_url))
    host = start(on_a_share, choices)
    assert [kind for kind, *_ in choices.asked] == ["share", "address"]
    assert host.opened.database.address is not None
    assert host.window.database_label.text() == ServerAddress(pg_url).name
    assert host.window.workspace.navigator.meeting_model.rowCount() == 1
    with open_database(pg_url).session() as session:
        (meeting,) = services.list_meetings(session)
        assert (meeting.title, meeting.date) == ("ประชุมครั้งที่หนึ่ง", date(2024, 1, 10))
    host.window.close()
    host.close()
    assert unchanged(on_a_share) == before


def test_a_readers_window_opens_read_only_says_why_and_refuses_a_write(
    start, filled, pg_url, message_boxes
):
    """Her account may only read: the window opens read-only, tells her so, and a change
    she tries is refused with the same reason (the server would refuse it too)."""
    copy_database_to(filled, ServerAddress(pg_url))
    init_server(ServerAddress(pg_url))
    try:
        password = add_user(ServerAddress(pg_url), "reader_window", ServerRole.READER)
        host = start(signed_in_as(pg_url, "reader_window", password), Choices())
        assert host.opened.readonly
        assert host.window.workspace.navigator.meeting_model.rowCount() == 1
        told = [text for kind, _title, text in message_boxes.shown if kind == "information"]
        assert any("อ่านฐานข้อมูล" in text and "ได้อย่างเดียว" in text for text in told)
        store = host.window.workspace.store
        stored = store.change(lambda s: services.create_meeting(s, title="ใหม่", date="2025-01-01"))
        assert stored is None
        assert "ได้อย่างเดียว" in message_boxes.shown[-1][2]
    finally:
        drop_roles_of(pg_url, ServerAddress(pg_url).database)
