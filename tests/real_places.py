"""Real read-only and full places for tests run as root, which ignores permissions.

The command line runs in a forked child that becomes the unprivileged user `nobody` (a
user who is not root simply keeps its own rights); a full disk is a small tmpfs, mounted
when the system permits it (skipped, saying why, when it does not).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main


def warm_up(folder: Path) -> None:
    """Every command the tests run, once in this process on a scratch database: the
    modules they load lazily are then loaded while this process can read everything (the
    child, as nobody, may not read the interpreter's own folder)."""
    db, meeting = folder / "warm.db", folder / "warm.meeting.json"
    for argv in (
        ["demo"],
        ["export", "1", "-o", str(meeting)],
        ["import", str(meeting)],
        ["meetings"],
        ["minutes", "1", "-o", str(folder / "m.docx")],
        ["minutes", "1", "-o", str(folder / "m.pdf")],
        ["agenda", "1", "-o", str(folder / "a.docx")],
        ["attendance", "1", "-o", str(folder / "a.xlsx")],
        ["backup", "-o", str(folder / "b.db")],
        ["search", "ประชุม"],
    ):
        assert main(["--db", str(db), *argv]) == 0, argv


def run_cli(argv: list[str], *, unprivileged: bool = False) -> tuple[int, str, str]:
    """The command line in a forked child (as `nobody` when asked and we are root), with
    the interpreter's own handling of errors it cannot raise, so that any "Exception
    ignored" it would print is seen. Returns the exit code, stdout and stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 70
            try:
                if unprivileged and os.geteuid() == 0:
                    nobody = pwd.getpwnam("nobody")
                    os.setgroups([])
                    os.setgid(nobody.pw_gid)
                    os.setuid(nobody.pw_uid)
                sys.stdout = open(out.fileno(), "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(err.fileno(), "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.unraisablehook = sys.__unraisablehook__
                code = main(argv)
                import gc

                gc.collect()  # what exit would collect, collected while stderr is ours
            except BaseException as error:
                with contextlib.suppress(Exception):
                    print(f"child: {type(error).__name__}: {error}", file=sys.stderr)
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return (
            os.waitstatus_to_exitcode(status),
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def can_become_nobody() -> bool:
    if os.geteuid() != 0:
        return True  # not root: permissions already bind us
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return False
    return True


needs_a_user_bound_by_permissions = pytest.mark.skipif(
    not can_become_nobody(),
    reason="running as root with no 'nobody' user to become: permissions would not bind",
)


def give_to_nobody(*paths: Path) -> None:
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        for path in paths:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)


@contextlib.contextmanager
def open_folder() -> Iterator[Path]:
    """A folder every user can reach (pytest's own is private to root), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="prachum-places-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            with contextlib.suppress(OSError):
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def small_disk(size_kib: int) -> Iterator[Path]:
    """A tmpfs of `size_kib` KiB, mounted for the block; skips when mounting is refused."""
    folder = Path(tempfile.mkdtemp(prefix="prachum-full-"))
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs to fill up: {mounted.stderr.strip()}")
        try:
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def leave_free(folder: Path, kib: int) -> None:
    """Fill the disk up to `kib` KiB free (a filler file taking the rest)."""
    filler = folder / "filler"
    filler.unlink(missing_ok=True)
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - kib * 1024))
