"""A Thai-capable UI font when the system's default cannot show Thai.

Windows and macOS fall back to a Thai font by themselves, but many Linux desktops pick
a default (DejaVu, "Sans Serif") without Thai glyphs and leave the fallback to chance:
Thai then shows in a mismatched font or as boxes. We choose one explicitly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Best first: screen fonts designed for UI text, then the TLWG fonts of Linux.
PREFERRED_THAI_FAMILIES = (
    "Noto Sans Thai UI",
    "Noto Sans Thai",
    "Leelawadee UI",
    "Leelawadee",
    "Tahoma",
    "Thonburi",
    "Sukhumvit Set",
    "Loma",
    "Garuda",
    "Waree",
    "Umpush",
    "Tlwg Typo",
)

# resources/fonts beside desktop/, in a checkout as in the bundle (empty in a checkout).
BUNDLED_FONTS = Path(__file__).resolve().parents[3] / "resources" / "fonts"


def load_bundled_fonts(folder: Path = BUNDLED_FONTS) -> list[str]:
    """Add the fonts that came with the app (the Linux bundle carries a Thai one, from
    fonts-thai-tlwg); the families they brought."""
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def has_thai(family: str) -> bool:
    return QFontDatabase.WritingSystem.Thai in QFontDatabase.writingSystems(family)


def thai_family(current: str) -> str | None:
    """The family to use: the current one if it has Thai, else the best installed."""
    if has_thai(current):
        return current
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Thai))
    if not installed and load_bundled_fonts():  # a Linux bundle on a system without one
        installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Thai))
    for family in PREFERRED_THAI_FAMILIES:
        if family in installed:
            return family
    return sorted(installed)[0] if installed else None


def ensure_thai_font(app: QApplication) -> str:
    """Set the application font to a Thai-capable family (same size); returns its name."""
    font = QFont(app.font())
    family = thai_family(font.family())
    if family and family != font.family():
        font.setFamily(family)
        app.setFont(font)
    return app.font().family()
