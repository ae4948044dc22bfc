"""Is a database file on a network share or in a synced folder? Then it is never written.

SQLite's WAL mode needs shared memory that network file systems do not give, and two
writers on a shared file corrupt it; a synced folder (OneDrive, Google Drive, Dropbox)
uploads a half-written file and may bring back an older one. Such a file is opened
read-only, copied to this PC, or moved to a shared database on a server.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from desktop.core.errors import DatabaseProblem

# The mount table of this process (Linux; elsewhere it is missing and there are no mounts
# to read); tests point it at a file of their own.
MOUNTS = Path("/proc/self/mounts")  # portable: read only where it exists

NETWORK_FILESYSTEMS = {
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "ncpfs",
    "9p",
    "davfs",
    "fuse.sshfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "fuse.dropbox",
}
SYNCED_FOLDERS = {"onedrive", "google drive", "googledrive", "my drive", "dropbox", "icloud drive"}


class NetworkShare(DatabaseProblem):
    """The file is on a network share or in a synced folder: it is not written."""


def _unescape(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a backslash as \134.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _mounts() -> list[tuple[Path, str]]:
    try:
        lines = MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((Path(_unescape(fields[1])), fields[2]))
    return mounts


def _filesystem_of(path: Path) -> str | None:
    """The type of the file system `path` is on: the longest mount point above it."""
    best: tuple[int, str] | None = None
    for mount_point, kind in _mounts():
        if path == mount_point or mount_point in path.parents:
            depth = len(mount_point.parts)
            if best is None or depth >= best[0]:
                best = (depth, kind)
    return best[1] if best else None


def _windows_remote(path: Path) -> bool:
    if str(path).startswith("\\\\"):  # \\server\share
        return True
    if sys.platform != "win32" or not path.drive:
        return False
    import ctypes

    drive_remote = 4
    return ctypes.windll.kernel32.GetDriveTypeW(path.drive + "\\") == drive_remote


def share_kind(path: Path) -> str | None:
    """'network share (cifs)', 'synced folder (OneDrive)', or None for a local file."""
    resolved = Path(os.path.abspath(path))
    with contextlib.suppress(OSError):
        resolved = resolved.resolve()
    for part in resolved.parts:
        if part.casefold() in SYNCED_FOLDERS or part.casefold().startswith("onedrive - "):
            return f"synced folder ({part})"
    if _windows_remote(resolved):
        return "network share"
    kind = _filesystem_of(resolved)
    if kind is not None and kind in NETWORK_FILESYSTEMS:
        return f"network share ({kind})"
    return None


def refuse_if_shared(path: Path) -> None:
    """Raise NetworkShare, with what to do instead, when `path` is on a share."""
    kind = share_kind(path)
    if kind is None:
        return
    raise NetworkShare(
        f"ไฟล์ {path.name} อยู่บนที่เก็บร่วมทางเครือข่ายหรือโฟลเดอร์ที่ซิงก์ ({kind}) "
        "ซึ่งอาจทำให้ไฟล์เสียหายเมื่อเขียน จึงจะไม่เขียนไฟล์นี้ "
        "เปิดแบบอ่านอย่างเดียว คัดลอกมาไว้ในเครื่องนี้ หรือย้ายไปฐานข้อมูลร่วมบนเซิร์ฟเวอร์ "
        "(python main.py copy ไฟล์ postgresql://…)",
        f"{path.name} is on a {kind}: SQLite cannot be written safely there (its WAL mode "
        "does not work over a network and two writers corrupt the file), so it is not "
        "written. Open it read-only, copy it to this PC, or move it to a shared database "
        "(python main.py copy FILE postgresql://…).",
    )
