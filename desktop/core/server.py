"""A database on a PostgreSQL server: its address, how to connect, what went wrong.

`--db` takes a file path or a URL: a value that begins with `postgresql://` is a server,
anything else is a path (a path with `%`, `?` or `#` stays a path). The password is
never kept in an address's name, a message or a log: only `user@host/database` is shown.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from desktop.core.errors import DatabaseProblem

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SCHEME = "postgresql://"
DEFAULT_PORT = 5432


def is_server_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SCHEME)


@dataclass(frozen=True, repr=False)
class ServerAddress:
    """A PostgreSQL database named by a URL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB."""

    url: str

    @property
    def _parts(self) -> SplitResult:
        return urlsplit(self.url)

    @property
    def user(self) -> str:
        return unquote(self._parts.username or "")

    @property
    def host(self) -> str:
        host = self._parts.hostname or ""
        return host or self.options.get("host", "")

    @property
    def port(self) -> int:
        try:
            return self._parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise DatabaseProblem(
                "หมายเลขพอร์ตของเซิร์ฟเวอร์ไม่ถูกต้อง", "The server's port number is not valid."
            ) from exc

    @property
    def database(self) -> str:
        return unquote(self._parts.path.lstrip("/"))

    @property
    def options(self) -> dict[str, str]:
        return dict(parse_qsl(self._parts.query))

    @property
    def name(self) -> str:
        """What the status bar and every message say: `somchai@office-server/prachum`."""
        host = self.host
        if host.startswith("/"):  # a Unix socket's folder says nothing to a secretary
            host = "localhost"
        user = f"{self.user}@" if self.user else ""
        return f"{user}{host or 'localhost'}/{self.database}"

    def url_without_password(self) -> str:
        parts = self._parts
        if parts.password is None:
            return self.url
        netloc = parts.netloc.split("@", 1)[1]
        user = parts.netloc.split("@", 1)[0].split(":", 1)[0]
        return str(parts._replace(netloc=f"{user}@{netloc}").geturl())

    def has_password(self) -> bool:
        return self._parts.password is not None

    def with_password(self, password: str) -> ServerAddress:
        """The same address signing in with `password` (kept in the URL, never shown)."""
        from urllib.parse import quote

        parts = self._parts
        user, _at, where = parts.netloc.rpartition("@")
        user = user.split(":", 1)[0]
        netloc = f"{user}:{quote(password, safe='')}@{where}"
        return ServerAddress(str(parts._replace(netloc=netloc).geturl()))

    def __repr__(self) -> str:  # a traceback's locals never show the password
        return f"ServerAddress({self.url_without_password()!r})"

    def __str__(self) -> str:
        return self.name

    def on_loopback(self) -> bool:
        host = self.host
        if not host or host.startswith("/") or host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def sslmode(self) -> str:
        """`prefer` on this PC, `require` over a network, `verify-full` given the office's CA."""
        options = self.options
        if "sslmode" in options:
            return options["sslmode"]
        if "sslrootcert" in options:
            return "verify-full"
        return "prefer" if self.on_loopback() else "require"

    def sqlalchemy_url(self) -> URL:
        """The URL for SQLAlchemy's psycopg 3 dialect, with the TLS mode settled."""
        from sqlalchemy.engine import make_url

        url = make_url("postgresql+psycopg://" + self.url[len(SCHEME) :])
        return url.update_query_dict({"sslmode": self.sslmode()})

    def check(self) -> None:
        if not self.database:
            raise DatabaseProblem(
                "ที่อยู่ของฐานข้อมูลต้องระบุชื่อฐานข้อมูล เช่น postgresql://ผู้ใช้@เซิร์ฟเวอร์/prachum",
                "The address must name a database: postgresql://USER@HOST/prachum.",
            )
        self.port  # noqa: B018  (a bad port is said now, not at the first query)


def database_target(value: str) -> Path | ServerAddress:
    """The `--db` argument: a server address or a file path."""
    if is_server_url(value):
        address = ServerAddress(value)
        address.check()
        return address
    return Path(value)


def connection_problem(address: ServerAddress, error: BaseException) -> DatabaseProblem:
    """A driver's connection error said plainly, with the address's name and no password."""
    text = str(error)
    lowered = text.lower()
    where = address.name
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return DatabaseProblem(
            f"เข้าสู่ {where} ไม่ได้: ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
            f"Could not sign in to {where}: wrong user name or password.",
        )
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseProblem(
            f"ไม่มีฐานข้อมูล {address.database} บนเซิร์ฟเวอร์ {where}",
            f"There is no database {address.database} on the server ({where}).",
        )
    if "ssl" in lowered or "certificate" in lowered:
        return DatabaseProblem(
            f"เชื่อมต่อ {where} อย่างปลอดภัยไม่ได้ (ใบรับรองหรือ SSL ไม่ถูกต้อง)",
            f"Could not connect to {where} securely (TLS or certificate problem).",
        )
    return DatabaseProblem(
        f"ติดต่อเซิร์ฟเวอร์ {where} ไม่ได้ ตรวจชื่อเซิร์ฟเวอร์ พอร์ต และเครือข่าย",
        f"Could not reach the server {where}: check its name, port and the network.",
    )
