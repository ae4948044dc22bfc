"""File names and paths every system she uses can hold: Windows, a USB stick, Linux.

Windows refuses `<>:"/\\|?*` and control characters in a name, keeps `CON`, `PRN`,
`AUX`, `NUL`, `COM1`-`COM9` and `LPT1`-`LPT9` for devices (with any extension:
`CON.docx` is the console), drops a trailing dot or space, and, with Word and Excel,
cannot open a path longer than 259 characters. Linux takes 255 bytes of UTF-8 in a name,
which is only 85 Thai letters. A name the app proposes is mended to fit all of these;
a name she typed is refused with the reason, because a silently different file name is
a file she cannot find. The rules hold on every system (the files travel to Windows
PCs and USB sticks); only the path length is Windows' own.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import PrachumError

FORBIDDEN = '<>:"/\\|?*'
_FORBIDDEN_RUN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
WINDOWS_MAX_PATH = 259  # MAX_PATH (260) less the closing NUL; Word and Excel keep it too
NAME_MAX_BYTES = 255  # ext4 and most Linux file systems: bytes of UTF-8
NAME_MAX_UNITS = 255  # NTFS and exFAT: UTF-16 code units
FALLBACK_STEM = "prachum"


def on_windows() -> bool:
    return sys.platform == "win32"


def is_reserved(name: str) -> bool:
    """`CON`, `con.docx`, `Com1 .xlsx`: the part before the first dot names a device."""
    return name.split(".", maxsplit=1)[0].rstrip(" ").upper() in RESERVED


def _name_fits(name: str) -> bool:
    return (
        len(name.encode("utf-8")) <= NAME_MAX_BYTES
        and len(name.encode("utf-16-le")) // 2 <= NAME_MAX_UNITS
    )


def _shorten(stem: str, fits: Callable[[str], bool]) -> str:
    """The longest start of `stem` that `fits`, never ending between a Thai letter and
    its vowel or tone mark (a mark left without its letter shows as a dotted circle)."""
    while stem and not fits(stem):
        stem = stem[:-1]
        while stem and unicodedata.category(stem[-1]) == "Mn":
            stem = stem[:-1]
    return stem


def _split_suffix(name: str, suffix: str | None) -> tuple[str, str]:
    if suffix is None:
        suffix = Path(name).suffix if len(Path(name).suffix) <= 16 else ""
    if suffix and name.lower().endswith(suffix.lower()):
        return name[: len(name) - len(suffix)], name[len(name) - len(suffix) :]
    return name, ""


def mend_file_name(
    name: str,
    *,
    suffix: str | None = None,
    folder: Path | None = None,
    windows: bool | None = None,
) -> str:
    """`name` made safe to propose: forbidden characters become `-`, a reserved name gets
    a `_` before it, and it is shortened to fit a name's limit and, on Windows, the path's
    limit in `folder`. `suffix` (".meeting.json") is kept whole; by default the last
    one (".docx") is."""
    windows = on_windows() if windows is None else windows
    stem, suffix = _split_suffix(name, suffix)
    stem = re.sub(r"\s+", " ", _FORBIDDEN_RUN.sub("-", stem)).strip(" .-")
    suffix = _FORBIDDEN_RUN.sub("-", suffix)
    stem = stem or FALLBACK_STEM
    if is_reserved(stem + suffix):
        stem = "_" + stem
    room = WINDOWS_MAX_PATH - len(str(folder)) - 1 if (windows and folder is not None) else None

    def fits(candidate: str) -> bool:
        full = candidate + suffix
        return _name_fits(full) and (room is None or len(full) <= room)

    shortened = _shorten(stem, fits).rstrip(" .-")
    return (shortened or FALLBACK_STEM[: max(1, (room or 8) - len(suffix))]) + suffix


def proposed_path(
    folder: Path, name: str, *, suffix: str | None = None, windows: bool | None = None
) -> Path:
    """Where a save dialog starts: `name`, mended, in `folder`."""
    return folder / mend_file_name(name, suffix=suffix, folder=folder, windows=windows)


def check_new_file(target: Path, *, windows: bool | None = None) -> None:
    """Refuse, with the reason, a file name she typed that Windows (or her disk) cannot
    hold, before anything is written."""
    windows = on_windows() if windows is None else windows
    name = target.name
    bad = sorted({c for c in name if c in FORBIDDEN or ord(c) < 32 or ord(c) == 127})
    if bad:
        shown = " ".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in bad)
        raise PrachumError(
            f"ชื่อไฟล์ {name} ใช้ไม่ได้: มีอักขระ {shown} ซึ่ง Windows ไม่ยอมให้อยู่ในชื่อไฟล์ "
            f"(ห้ามใช้ {FORBIDDEN}) โปรดตั้งชื่อใหม่",
            f"The file name {name} cannot be used: it has {shown}, which Windows does not "
            f"allow in a file name (none of {FORBIDDEN}); choose another name.",
        )
    if is_reserved(name):
        device = name.split(".")[0].rstrip(" ")
        raise PrachumError(
            f"ชื่อไฟล์ {name} ใช้ไม่ได้: {device} เป็นชื่อที่ Windows สงวนไว้สำหรับอุปกรณ์ "
            "(CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9) โปรดตั้งชื่ออื่น",
            f"The file name {name} cannot be used: Windows keeps {device} for a device "
            "(CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9); choose another name.",
        )
    if name.endswith((" ", ".")):
        raise PrachumError(
            f"ชื่อไฟล์ '{name}' ใช้ไม่ได้: ลงท้ายด้วยจุดหรือช่องว่าง ซึ่ง Windows ตัดทิ้ง "
            "แล้วจะได้ไฟล์ชื่ออื่น โปรดตั้งชื่อใหม่",
            f"The file name '{name}' cannot be used: it ends with a dot or a space, which "
            "Windows drops, so the file would have another name; choose another name.",
        )
    if not _name_fits(name):
        raise PrachumError(
            f"ชื่อไฟล์ยาวเกินไป ({len(name)} ตัวอักษร) ระบบไฟล์รับชื่อยาวได้ไม่เกิน 255 ไบต์ "
            "(ประมาณ 85 ตัวอักษรไทย) โปรดตั้งชื่อให้สั้นลง",
            f"The file name is too long ({len(name)} characters): a file system takes at "
            "most 255 bytes in a name (about 85 Thai letters); choose a shorter name.",
        )
    length = len(str(target.absolute()))
    if windows and length > WINDOWS_MAX_PATH:
        raise PrachumError(
            f"ที่อยู่ไฟล์ยาว {length} ตัวอักษร เกิน {WINDOWS_MAX_PATH} ตัวอักษรที่ Windows, Word "
            "และ Excel เปิดได้ โปรดเลือกโฟลเดอร์ที่สั้นกว่า หรือตั้งชื่อไฟล์ให้สั้นลง",
            f"The file's path is {length} characters long, more than the {WINDOWS_MAX_PATH} "
            "that Windows, Word and Excel can open; choose a shorter folder or name.",
        )
