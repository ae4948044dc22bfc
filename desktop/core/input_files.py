"""Files given to us to read: only regular files, and never more than a cap.

`import /dev/zero` read until memory ran out and `import FIFO` waited for a writer that
never came. What is not a regular file (a folder, a device, a pipe, a socket) is refused
before a byte is read, and a file is read with a cap, so one that grows while it is read
cannot take the memory either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.core.errors import PrachumError


def not_regular(path: Path, kind: type[PrachumError] = PrachumError) -> PrachumError:
    return kind(
        f"{path} ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ อุปกรณ์ หรือท่อส่งข้อมูล) จึงไม่ได้อ่าน",
        f"{path} is not a regular file (a folder, a device or a pipe); nothing was read.",
    )


def missing(path: Path, kind: type[PrachumError] = PrachumError) -> PrachumError:
    return kind(f"ไม่พบไฟล์ {path}", f"No such file: {path}")


def too_big(path: Path, limit: int, kind: type[PrachumError] = PrachumError) -> PrachumError:
    return kind(
        f"ไฟล์ {path.name} ใหญ่เกิน {limit / 1e6:.0f} MB จึงไม่ได้อ่าน",
        f"{path.name} is larger than {limit / 1e6:.0f} MB; it was not read.",
    )


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (symlinks followed); asked without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def require_regular(path: Path, kind: type[PrachumError] = PrachumError) -> os.stat_result:
    """The file's status, or a refusal when it is missing or not a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError as error:
        raise missing(path, kind) from error
    except (OSError, ValueError) as error:
        raise kind(
            f"อ่านไฟล์ {path} ไม่ได้ ({getattr(error, 'strerror', None) or error})",
            f"Cannot read {path} ({getattr(error, 'strerror', None) or error}).",
        ) from error
    if not stat.S_ISREG(info.st_mode):
        raise not_regular(path, kind)
    return info


def read_capped(path: Path, limit: int, kind: type[PrachumError] = PrachumError) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a refusal otherwise.

    Opened without waiting (a pipe put in its place after the look would block) and
    looked at again through the open file.
    """
    require_regular(path, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise kind(
            f"อ่านไฟล์ {path} ไม่ได้ ({error.strerror})", f"Cannot read {path}: {error.strerror}"
        ) from error
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise not_regular(path, kind)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_big(path, limit, kind)
    return data
