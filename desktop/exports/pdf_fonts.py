"""Which font files a PDF embeds for the document's font setting.

The papers are set in TH SarabunPSK (or TH Sarabun New). Where that font is installed,
its files are used; otherwise Laksaman, the free TLWG re-release of TH Sarabun PSK with
the same metrics, shipped in resources/fonts, so a PDF needs nothing on the machine and
breaks its lines where the DOCX in Word would.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.core.errors import PrachumError

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SHIPPED_REGULAR, SHIPPED_BOLD = "Laksaman.ttf", "Laksaman-Bold.ttf"

# The file names the Thai government fonts are installed under, regular then bold.
_KNOWN_FILES = {
    "th sarabunpsk": [
        ("THSarabun.ttf", "THSarabun Bold.ttf"),
        ("THSarabunPSK.ttf", "THSarabunPSK-Bold.ttf"),
    ],
    "th sarabun new": [
        ("THSarabunNew.ttf", "THSarabunNew Bold.ttf"),
        ("THSarabunNew.ttf", "THSarabunNew-Bold.ttf"),
    ],
    "laksaman": [("Laksaman.ttf", "Laksaman-Bold.ttf")],
}


@dataclass(frozen=True)
class FontFiles:
    """A regular and a bold TrueType file, and the vertical metrics lines are set with."""

    regular: Path
    bold: Path
    line_height: float
    """Line pitch as a multiple of the size: the typographic ascender, descender and gap,
    which is what LibreOffice and Word use for these fonts (27.4 pt at 16 pt)."""
    ascent: float


def font_folders() -> list[Path]:
    folders = [Path.home() / ".fonts", Path.home() / ".local" / "share" / "fonts"]
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:\\Windows"))
        folders.append(windows / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        folders += [Path.home() / "Library" / "Fonts", Path("/Library/Fonts")]
    else:
        folders += [Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return [folder for folder in folders if folder.is_dir()]


@lru_cache(maxsize=8)
def font_files(font: str) -> FontFiles:
    """The files for a font name: installed ones when found, else the shipped Sarabun."""
    for regular, bold in _KNOWN_FILES.get(font.strip().casefold(), []):
        for folder in font_folders():
            found = _find(folder, regular), _find(folder, bold)
            if found[0] and found[1]:
                return _with_metrics(found[0], found[1])
    shipped_regular, shipped_bold = SHIPPED / SHIPPED_REGULAR, SHIPPED / SHIPPED_BOLD
    if not (shipped_regular.is_file() and shipped_bold.is_file()):
        raise PrachumError(
            "ไม่พบแบบอักษรสำหรับไฟล์ PDF (resources/fonts) โปรดติดตั้งโปรแกรมใหม่",
            "The font for PDF files is missing (resources/fonts); please reinstall Prachum.",
        )
    return _with_metrics(shipped_regular, shipped_bold)


def _find(folder: Path, name: str) -> Path | None:
    direct = folder / name
    if direct.is_file():
        return direct
    for candidate in folder.rglob(name):
        return candidate
    return None


def _with_metrics(regular: Path, bold: Path) -> FontFiles:
    from fontTools.ttLib import TTFont

    font = TTFont(str(regular), lazy=True)
    units = font["head"].unitsPerEm
    os2 = font["OS/2"]
    ascender, descender, gap = os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap
    font.close()
    return FontFiles(
        regular=regular,
        bold=bold,
        line_height=(ascender + descender + gap) / units,
        ascent=(ascender + gap / 2) / units,
    )
