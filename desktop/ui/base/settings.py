"""What the window remembers between runs, in QSettings (an INI file in the user's folder).

One small class names every key, so that nothing else spells a settings key by hand.
Tests point QSettings at a temporary folder with QSettings.setPath.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME

DEFAULT_HONORIFICS = (
    "นาย",
    "นาง",
    "นางสาว",
    "ดร.",
    "ว่าที่ร้อยตรี",
    "ว่าที่ร้อยตรีหญิง",
    "ผศ.",
    "รศ.",
    "ศ.",
    "Mr.",
    "Mrs.",
    "Ms.",
)

DEFAULT_BACKUPS_KEPT = 10
MAX_BACKUPS_KEPT = 365
RECENT_SERVERS_KEPT = 8


class AppSettings:
    """Typed access to the stored settings."""

    def __init__(self) -> None:
        self._store = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
        )

    def sync(self) -> None:
        self._store.sync()

    # --- language -------------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self._store.value("ui/language", "th"))
        return value if value in ("th", "en") else "th"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    # --- window ---------------------------------------------------------------------

    def window_state(self, key: str) -> QByteArray | None:
        value = self._store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"window/{key}", value)

    # --- per database ---------------------------------------------------------------

    @staticmethod
    def _database_key(path: Path | str) -> str:
        # A stable short key: several databases each keep their own last meeting. A
        # server's database is keyed by its name (user@host/database), never a password.
        import hashlib  # not at import: the first paint does not need it

        where = str(Path(path).resolve()) if isinstance(path, Path) else str(path)
        return hashlib.sha1(where.encode()).hexdigest()[:12]

    def last_meeting(self, db_path: Path) -> int | None:
        value = self._store.value(f"databases/{self._database_key(db_path)}/last_meeting")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_meeting(self, db_path: Path, meeting_id: int | None) -> None:
        key = f"databases/{self._database_key(db_path)}/last_meeting"
        self._store.setValue(key, "" if meeting_id is None else meeting_id)

    def last_place(self, db_path: Path) -> tuple[int, int | None]:
        """Where she was in her last meeting: the tab and, on the agenda, the item."""
        value = str(self._store.value(f"databases/{self._database_key(db_path)}/last_place") or "")
        tab, _colon, item = value.partition(":")
        try:
            return int(tab or 0), (int(item) if item else None)
        except ValueError:
            return 0, None

    def set_last_place(self, db_path: Path, tab: int, item_id: int | None) -> None:
        key = f"databases/{self._database_key(db_path)}/last_place"
        self._store.setValue(key, f"{tab}:{'' if item_id is None else item_id}")

    def last_network(self, db_path: Path) -> int | None:
        value = self._store.value(f"databases/{self._database_key(db_path)}/last_network")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_network(self, db_path: Path, network_id: int | None) -> None:
        key = f"databases/{self._database_key(db_path)}/last_network"
        self._store.setValue(key, "" if network_id is None else network_id)

    # --- folders --------------------------------------------------------------------

    def last_folder(self, purpose: str) -> str:
        """The folder last used to open or save this kind of file (import, export …)."""
        value = self._store.value(f"folders/{purpose}", "")
        folder = str(value or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_folder(self, purpose: str, folder: str | Path) -> None:
        self._store.setValue(f"folders/{purpose}", str(folder))

    # --- shared databases -----------------------------------------------------------

    @property
    def recent_servers(self) -> list[str]:
        """The server databases she connected to, newest first, as URLs without passwords."""
        value = self._store.value("servers/recent")
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if str(v).startswith("postgresql://")]

    def add_recent_server(self, url_without_password: str) -> None:
        if ":" in url_without_password.split("@", 1)[0][len("postgresql://") :]:
            raise ValueError("a password never goes into the settings")
        recent = [url_without_password] + [
            url for url in self.recent_servers if url != url_without_password
        ]
        self._store.setValue("servers/recent", recent[:RECENT_SERVERS_KEPT])

    # --- backups --------------------------------------------------------------------

    @property
    def backups_to_keep(self) -> int:
        """How many daily backups stay in the backups folder (the oldest go first)."""
        try:
            value = int(cast(str, self._store.value("backups/keep", DEFAULT_BACKUPS_KEPT)))
        except (TypeError, ValueError):
            return DEFAULT_BACKUPS_KEPT
        return max(1, min(value, MAX_BACKUPS_KEPT))

    @backups_to_keep.setter
    def backups_to_keep(self, value: int) -> None:
        self._store.setValue("backups/keep", max(1, min(int(value), MAX_BACKUPS_KEPT)))

    # --- honorifics -----------------------------------------------------------------

    @property
    def honorifics(self) -> list[str]:
        value = self._store.value("roster/honorifics")
        if isinstance(value, str):
            value = [value]
        if not value:
            return list(DEFAULT_HONORIFICS)
        return [str(v) for v in value if str(v).strip()]

    @honorifics.setter
    def honorifics(self, values: list[str]) -> None:
        cleaned = list(dict.fromkeys(v.strip() for v in values if v.strip()))
        self._store.setValue("roster/honorifics", cleaned)
