"""A shared database's password, kept in the operating system's keyring when she asks.

Only through the `keyring` library (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux): never in QSettings, a log or any file of ours. A machine
without a keyring backend (a headless Linux) keeps nothing, and the window says why.
"""

from __future__ import annotations

import logging

from desktop import APP_NAME
from desktop.core.server import ServerAddress

log = logging.getLogger(__name__)

SERVICE = f"{APP_NAME} shared database"


def connection_key(user: str, host: str, port: int, database: str) -> str:
    """Which password: one per user, server, port and database (no secret in it)."""
    return f"{user}@{host}:{port}/{database}"


def address_key(address: ServerAddress) -> str:
    return connection_key(address.user, address.host, address.port, address.database)


def with_remembered_password(address: ServerAddress) -> ServerAddress:
    """The address with the password kept in the keyring, when it has none of its own."""
    if address.has_password():
        return address
    password = remembered(address_key(address))
    return address.with_password(password) if password else address


def keyring_missing() -> str | None:
    """Why no password can be kept on this machine, or None when it can."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as error:  # a broken keyring set-up is said, never a crash
        return f"{error.__class__.__name__}: {error}"
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return "no keyring service is running on this computer"
    return None


def remembered(key: str) -> str | None:
    """The kept password, or None (none kept, or no keyring here)."""
    if keyring_missing() is not None:
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, key)
    except Exception:
        log.warning("the keyring could not be read for %s", key)
        return None


def remember(key: str, password: str) -> bool:
    """Keep the password in the keyring; False when the keyring refused."""
    if keyring_missing() is not None:
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, key, password)
    except Exception:
        log.warning("the keyring did not keep the password for %s", key)
        return False
    return True


def forget(key: str) -> None:
    """No password kept for `key` any more (she unticked "remember")."""
    if keyring_missing() is not None:
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        pass  # there was none
    except Exception:
        log.warning("the keyring did not forget the password for %s", key)
