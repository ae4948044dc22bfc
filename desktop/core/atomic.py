"""Write a document so that a failure never leaves half a file where the old one was."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import PrachumError, folder_missing
from desktop.core.file_names import check_new_file

# Windows' error numbers when another program holds the file: a sharing violation, a
# lock violation, and "access denied" (what replacing a file Word has open gives).
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33


def write_atomically(target: Path | str, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary_path)` beside the target, then move it into place.

    The temporary file is in the same folder, so os.replace is atomic. Any failure
    removes it and becomes a PrachumError that says why in words a secretary can act on.
    A name Windows cannot hold is refused before anything is written.
    """
    from desktop.core.protected_files import refuse_if_protected

    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise folder_missing(folder)
    refuse_if_protected(target, document=True)
    check_new_file(target)
    # A short temporary name: one made from the target's could make a valid name too long.
    suffix = target.suffix if len(target.suffix) <= 16 else ".tmp"
    try:
        handle, name = tempfile.mkstemp(prefix=".prachum-", suffix=suffix, dir=folder)
    except OSError as exc:
        raise _explain(exc, target) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        # mkstemp makes the file private (0600); a document gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        _let_go_of_the_writer(exc)
        raise _explain(exc, target) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target


def _let_go_of_the_writer(exc: OSError) -> None:
    """A writer that failed half-way (a full disk) can leave the temporary file open in an
    object its frames still hold: a ZipFile (DOCX, XLSX), whose own clean-up would write
    again when it is collected, fail again, and print "Exception ignored … OSError" long
    after the clear message (and the half-written sheets of a workbook, lxml's complaint
    that their elements never closed). Its frames are cleared here, so that it closes
    now, before the file is removed, with those after-effects of the one failure kept
    quiet: they say nothing the message does not."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = previous


def _explain(exc: OSError, target: Path) -> PrachumError:
    winerror = getattr(exc, "winerror", None)
    if winerror in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION):
        return PrachumError(
            f"บันทึกไฟล์ {target.name} ไม่ได้: ไฟล์นี้เปิดอยู่ในโปรแกรมอื่น (เช่น Word, Excel "
            "หรือโปรแกรมอ่าน PDF) ปิดไฟล์ในโปรแกรมนั้นก่อน แล้วลองอีกครั้ง",
            f"Cannot write {target.name}: it is open in another program (Word, Excel or a "
            "PDF reader, say). Close it in that program, then try again.",
        )
    if winerror == ERROR_ACCESS_DENIED:
        return PrachumError(
            f"บันทึกไฟล์ {target.name} ไม่ได้: ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น (เช่น Word, Excel "
            "หรือโปรแกรมอ่าน PDF) ให้ปิดไฟล์ในโปรแกรมนั้นแล้วลองอีกครั้ง "
            "หรือไฟล์/โฟลเดอร์นี้ไม่อนุญาตให้เขียน",
            f"Cannot write {target.name}: it may be open in another program (Word, Excel or "
            "a PDF reader, say): close it there and try again; or the file or its folder "
            "cannot be written to.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PrachumError(
            f"บันทึกไฟล์ {target.name} ไม่ได้: ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ หรือไฟล์เปิดอยู่ในโปรแกรมอื่น",
            f"Cannot write {target.name}: no permission, or the file is open in another program.",
        )
    if exc.errno == errno.ENOSPC:
        return PrachumError(
            f"บันทึกไฟล์ {target.name} ไม่ได้: พื้นที่ดิสก์เต็ม",
            f"Cannot write {target.name}: the disk is full.",
        )
    return PrachumError(
        f"บันทึกไฟล์ {target.name} ไม่ได้ ({exc.strerror or exc})",
        f"Cannot write {target.name} ({exc.strerror or exc}).",
    )
