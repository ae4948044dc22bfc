"""The documents' font: one setting shared by the minutes and the workbooks."""

from __future__ import annotations

from desktop.core.errors import PrachumError

DEFAULT_FONT = "TH SarabunPSK"
OFFERED_FONTS = ("TH SarabunPSK", "TH Sarabun New")


def checked_font(font: str | None, *, max_length: int = 64) -> str:
    """The font to use: the default for None, else the given name if it is a usable one.

    `max_length` is the format's own limit (SpreadsheetML allows 31 characters).
    """
    if font is None:
        return DEFAULT_FONT
    name = " ".join(str(font).split())
    if not name or len(name) > max_length or not name.isprintable():
        offered = ", ".join(OFFERED_FONTS)
        raise PrachumError(
            f"ชื่อแบบอักษรไม่ถูกต้อง: {font!r} (ใช้ได้ เช่น {offered})",
            f"Not a usable font name: {font!r} (e.g. {offered}).",
        )
    return name
