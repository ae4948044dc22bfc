"""Real read-only and full places for tests run as root, which ignores permissions.

The command line runs in a forked child that gives up root's power to pass over
permissions (all its capabilities dropped): it stays the owner of every file the test
made, so the owner's bits bind it as they bind any user, and it can still read the
project wherever it was checked out. A user who is not root simply keeps its own rights.
A full disk is a small tmpfs, mounted when the system permits it (skipped, saying why,
when it does not).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
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
    modules they load lazily are loaded before a child gives up its powers, so that what
    the child meets is the place under test, not the interpreter's own folder."""
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
        ["restore", str(folder / "b.db")],
        ["search", "ประชุม"],
    ):
        assert main(["--db", str(db), *argv]) == 0, argv


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _give_up_root_powers() -> None:
    """Drop every capability of this process (Linux capset, version 3): as root it then
    reads and writes only what the owner's bits allow."""
    libc = ctypes.CDLL(None, use_errno=True)
    none = (_CapData * 2)()
    if libc.capset(ctypes.byref(_CapHeader(0x20080522, 0)), none) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def run_cli(argv: list[str], *, unprivileged: bool = False) -> tuple[int, str, str]:
    """The command line in a forked child (bound by permissions when asked, even as root),
    with the interpreter's own handling of errors it cannot raise, so that any "Exception
    ignored" it would print is seen. Returns the exit code, stdout and stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 70
            try:
                if unprivileged and os.geteuid() == 0:
                    _give_up_root_powers()
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


def can_be_bound_by_permissions() -> bool:
    """Not root (permissions bind us already), or root on Linux, able to drop its powers."""
    if os.geteuid() != 0:
        return True
    return sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "capset")


needs_a_user_bound_by_permissions = pytest.mark.skipif(
    not can_be_bound_by_permissions(),
    reason="running as root where this process cannot give up its power to pass over "
    "permissions: a read-only file would not be read-only to it",
)


@contextlib.contextmanager
def open_folder() -> Iterator[Path]:
    """A folder of its own, removed after (with whatever was made read-only in it)."""
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
