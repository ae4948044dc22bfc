"""One error type for everything a user did wrong or a file got wrong.

Each carries a Thai message for the GUI and an English twin for the command line, so
that the secretary reads what happened in her language and a log reads in English.
"""

from __future__ import annotations

import errno


class PrachumError(Exception):
    """A problem the user can understand and act on; nothing was changed."""

    def __init__(self, thai: str, english: str | None = None, problems: list[str] | None = None):
        super().__init__(english or thai)
        self.thai = thai
        self.english = english or thai
        self.problems = list(problems or [])

    def message(self, language: str = "th") -> str:
        head = self.thai if language == "th" else self.english
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"- {p}" for p in self.problems)

    def __str__(self) -> str:
        return self.message("en")


class NotFound(PrachumError):
    """A record the user named does not exist."""


class DatabaseProblem(PrachumError):
    """The database file cannot be used as it is (damaged, foreign, newer, locked)."""


def as_database_problem(error: BaseException, place: object = None) -> PrachumError:
    """A PrachumError as it is; a full disk, a read-only place or no permission said as
    such; anything else (a driver) said as a DatabaseProblem."""
    if isinstance(error, PrachumError):
        return error
    explained = explain_fault(error, place)
    if explained is not None:
        return DatabaseProblem(explained.thai, explained.english)
    return DatabaseProblem(
        f"เปิดหรือเขียนฐานข้อมูลไม่ได้ ({error})", f"The database cannot be opened or written ({error})."
    )


def folder_missing(folder: object, kind: type[PrachumError] = PrachumError) -> PrachumError:
    """The folder a file was to be written in, or read from, is not there."""
    return kind(f"ไม่พบโฟลเดอร์ {folder}", f"The folder {folder} does not exist.")


def write_failure(
    error: BaseException, target: object, doing_th: str, doing_en: str
) -> PrachumError:
    """A write that failed (nothing was left behind), said as what it is: a full disk, a
    read-only folder or no permission, or else the system's own words."""
    name = getattr(target, "name", None) or str(target)
    number = getattr(error, "errno", None)
    text = str(error).lower()
    if number == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        why_th, why_en = "พื้นที่ดิสก์เต็ม", "the disk is full"
    elif number == errno.EROFS or "readonly" in text or "read-only" in text:
        why_th, why_en = "โฟลเดอร์หรือดิสก์นี้เป็นแบบอ่านอย่างเดียว", "the folder or disk is read-only"
    elif number in (errno.EACCES, errno.EPERM):
        why_th = "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ หรือไฟล์เปิดอยู่ในโปรแกรมอื่น"
        why_en = "no permission to write there, or the file is open in another program"
    elif number == errno.ENAMETOOLONG:
        why_th, why_en = "ชื่อไฟล์ยาวเกินไป", "the file name is too long"
    elif isinstance(error, OSError):
        why_th = why_en = error.strerror or str(error)
    elif type(error).__module__.startswith("sqlite3"):
        why_th = why_en = str(error)
    else:
        why_th = why_en = f"{type(error).__name__}: {error}"
    return PrachumError(
        f"{doing_th}ไม่สำเร็จ ({name}): {why_th} ไม่มีไฟล์ใดถูกทิ้งไว้",
        f"{doing_en} could not be written ({name}): {why_en}; nothing was left behind.",
    )


def disk_is_full(place: object) -> bool:
    """Whether the file system holding `place` (a file or a folder) has next to no room
    left: SQLite says only "disk I/O error" when it cannot grow its shared-memory file."""
    import os
    from pathlib import Path

    if place is None:
        return False
    folder = Path(str(place))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return stat.f_bavail * stat.f_frsize < 256 * 1024


def explain_fault(error: BaseException, place: object = None) -> PrachumError | None:
    """A fault of the place, not of ours: a full disk or a read-only file or folder met
    while writing the database (SQLite's words, or the system's), or no permission to
    write there. `place`: the database, to tell a full disk behind SQLite's "disk I/O
    error". None for anything else."""
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if (
        number == errno.ENOSPC
        or "disk is full" in text
        or ("disk i/o error" in text and disk_is_full(place))
    ):
        return PrachumError(
            "พื้นที่ดิสก์เต็ม บันทึกไม่ได้ ข้อมูลยังเหมือนเดิม",
            "The disk is full; nothing was changed.",
        )
    if number == errno.EROFS or "readonly database" in text or "read-only file system" in text:
        return PrachumError(
            "ฐานข้อมูลหรือโฟลเดอร์ของฐานข้อมูลเป็นแบบอ่านอย่างเดียว บันทึกไม่ได้ ข้อมูลยังเหมือนเดิม",
            "The database or its folder is read-only; nothing was changed.",
        )
    if number in (errno.EACCES, errno.EPERM):
        return PrachumError(
            "ไม่มีสิทธิ์เขียนฐานข้อมูลหรือโฟลเดอร์ของฐานข้อมูล (เป็นแบบอ่านอย่างเดียวสำหรับคุณ) ข้อมูลยังเหมือนเดิม",
            "You have no permission to write the database or its folder (it is read-only "
            "for you); nothing was changed.",
        )
    return None


# What the server's trigger says when a secretary reopens a finalised meeting
# (server_rights): an admin's right, about rows, which GRANTs cannot say.
REOPEN_REFUSED = "prachum: only an admin may reopen a finalised meeting"


def refused_for_rights(error: BaseException) -> DatabaseProblem | None:
    """A write the server refused because of who is signed in (SQLSTATE 42501: a reader's
    account) or because the session only reads (25006), said plainly; else None."""
    orig = getattr(error, "orig", None)
    state = getattr(orig, "sqlstate", None)
    said = getattr(getattr(orig, "diag", None), "message_primary", None) or ""
    if state == "42501" and said == REOPEN_REFUSED:
        return DatabaseProblem(
            "เฉพาะผู้ดูแล (admin) เท่านั้นที่เปิดการประชุมที่ปิดแล้วให้แก้ไขได้อีก ข้อมูลยังเหมือนเดิม",
            "Only an admin may reopen a finalised meeting; nothing was changed.",
        )
    if state == "42501":
        return DatabaseProblem(
            "บัญชีผู้ใช้ของคุณอ่านฐานข้อมูลนี้ได้อย่างเดียว บันทึกไม่ได้ ข้อมูลยังเหมือนเดิม",
            "Your account may only read this database; nothing was changed.",
        )
    if state == "25006":
        return DatabaseProblem(
            "ฐานข้อมูลเปิดแบบอ่านอย่างเดียว บันทึกไม่ได้ ข้อมูลยังเหมือนเดิม",
            "The database is open read-only; nothing was changed.",
        )
    return None
