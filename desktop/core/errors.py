"""One error type for everything a user did wrong or a file got wrong.

Each carries a Thai message for the GUI and an English twin for the command line, so
that the secretary reads what happened in her language and a log reads in English.
"""

from __future__ import annotations


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


def as_database_problem(error: BaseException) -> PrachumError:
    """A PrachumError as it is; anything else (a disk, a driver) said as a DatabaseProblem."""
    if isinstance(error, PrachumError):
        return error
    return DatabaseProblem(
        f"เปิดหรือเขียนฐานข้อมูลไม่ได้ ({error})", f"The database cannot be opened or written ({error})."
    )


def folder_missing(folder: object, kind: type[PrachumError] = PrachumError) -> PrachumError:
    """The folder a file was to be written in, or read from, is not there."""
    return kind(f"ไม่พบโฟลเดอร์ {folder}", f"The folder {folder} does not exist.")
