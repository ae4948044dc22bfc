"""What goes into the standalone bundle besides the code PyInstaller finds by itself.

Everything the app reads as a file at run time is listed here, at the place the code
looks for it relative to its own modules (`desktop/core/migrations`, `resources/`), so
the frozen app finds it exactly where a checkout has it. Read by the PyInstaller recipe
(release/prachum.spec) and by the tests that check the bundle.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Qt modules the app does not use: PyInstaller would otherwise follow PySide6's optional
# imports into them. QtTest is only for the test driver, which a bundle never runs.
UNUSED_QT = (
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuickControls2",
    "QtQuickTest",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSql",
    "QtSvgWidgets",
    "QtPrintSupport",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtConcurrent",
    "QtDBus",
    "QtXml",
    "QtTest",
)

# Modules of the Python world a desktop bundle never needs; several come in through
# optional imports of the libraries (tkinter through PyInstaller's own defaults,
# the test tools through the installed environment).
UNUSED_PYTHON = (
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "IPython",
    "numpy",
    "pandas",
    "PIL",
    "icu",  # PyICU is a test-only dependency (the app sorts Thai without it); 40 MB
)

# PyThaiNLP's corpus is 63 MB of models; the app reads only the word list (through
# romanisation's tokeniser) and the catalogue and stopwords the package loads itself.
PYTHAINLP_CORPUS = ("default_db.json", "words_th.txt", "stopwords_th.txt", "corpus_license.md")


# Qt's own translations (its dialogs' buttons): the app's two languages only.
QT_LANGUAGES = ("th", "en")


def keep_in_bundle(destination: str) -> bool:
    """Whether a file the hooks collected belongs in the bundle (by its place there):
    PyThaiNLP's hook takes its whole corpus, PySide6's every language Qt speaks and every
    platform theme."""
    parts = Path(destination).parts
    if parts[:2] == ("pythainlp", "corpus") and len(parts) == 3:
        return parts[2] in PYTHAINLP_CORPUS or parts[2].endswith(".py")
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return Path(parts[-1]).stem.rsplit("_", 1)[-1] in QT_LANGUAGES
    # Qt's GTK 3 theme would carry the build machine's GTK (and its cairo, pango…) into
    # the bundle, where it may clash with the system's; the portal theme stays.
    return not (parts[-1].startswith("libqgtk3") and "platformthemes" in parts)


def is_shared_library(destination: str) -> bool:
    """A Linux shared library that is not a Python module nor a Qt plugin: one the
    dependency analysis collected because something else needs it."""
    parts = Path(destination).parts
    name = parts[-1]
    return (
        name.startswith("lib")
        and ".so" in name
        and ".cpython-" not in name
        and ".abi3." not in name
        and not name.startswith("libpython")
        and "plugins" not in parts
    )


def needed_only(
    binaries: list[tuple[str, str, str]], needs: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """The binaries without the shared libraries nothing kept needs any more.

    PyInstaller collects a plugin's libraries before the recipe drops the plugin with
    keep_in_bundle: Qt's GTK 3 theme leaves GTK, GDK, cairo, pango, ATK and epoxy behind
    (16 MB) that no other part links to. `needs(source)` gives the library names a file
    links to (its ELF NEEDED entries)."""
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    roots = []
    for entry in binaries:
        if entry[2] != "SYMLINK" and is_shared_library(entry[0]):
            by_name.setdefault(Path(entry[0]).name, []).append(entry)
        else:
            roots.append(entry)
    kept: set[str] = set()
    pending = [entry[1] for entry in roots if entry[2] != "SYMLINK"]
    while pending:
        for name in needs(pending.pop()):
            if name in by_name and name not in kept:
                kept.add(name)
                pending += [entry[1] for entry in by_name[name]]
    dropped = {name for name in by_name if name not in kept}
    return [
        entry
        for entry in binaries
        if Path(entry[0]).name not in dropped
        or (entry[2] != "SYMLINK" and not is_shared_library(entry[0]))
    ]


# A Thai UI font for a Linux system that has none (Windows and macOS always do): Loma,
# from Debian's fonts-thai-tlwg (GPL-2+ with the font exception; its copyright file goes
# along). The window loads it only when no installed font has Thai.
THAI_UI_FONT_FILES = ("Loma.ttf", "Loma-Bold.ttf")


def thai_ui_font() -> list[tuple[str, str]]:
    if not sys.platform.startswith("linux"):
        return []
    found = []
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        for name in THAI_UI_FONT_FILES:
            found += [(str(p), "resources/fonts") for p in sorted(folder.rglob(name))[:1]]
    if not found:
        raise SystemExit("no Thai UI font to bundle: install fonts-thai-tlwg")
    notice = Path("/usr/share/doc/fonts-thai-tlwg/copyright")
    return found[: len(THAI_UI_FONT_FILES)] + (
        [(str(notice), "resources/fonts")] if notice.is_file() else []
    )


@dataclass
class BundleContents:
    datas: list[tuple[str, str]] = field(default_factory=list)
    hidden_imports: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    icon: str | None = None


def pythainlp_data() -> list[tuple[str, str]]:
    import pythainlp

    corpus = Path(pythainlp.__file__).parent / "corpus"
    return [(str(corpus / name), "pythainlp/corpus") for name in PYTHAINLP_CORPUS]


def imports_of(files: list[Path]) -> list[str]:
    """Every module the given Python files import (absolute imports), for files the app
    runs by path (Alembic's environment and migrations) that PyInstaller cannot follow."""
    names: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in names if _is_module(name))


def _is_module(name: str) -> bool:
    """`from a import b` names a module a.b or just an attribute of a."""
    if name.split(".", maxsplit=1)[0] == "__future__":
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def bundle_contents(root: Path) -> BundleContents:
    """The data files, hidden imports and exclusions for a bundle of the checkout `root`."""
    migrations = root / "desktop" / "core" / "migrations"
    if not sorted((root / "resources" / "translations").glob("*.qm")):
        raise SystemExit("no compiled translations: run `make translations` first")
    # resources/ whole but the translators' sources (templates and fonts, when there are
    # some, come along); the package's own data files; the migrations as files.
    resources = [
        (str(path), str(path.parent.relative_to(root)))
        for path in sorted((root / "resources").rglob("*"))
        if path.is_file() and path.suffix != ".ts"
    ]
    package_data = [
        (str(path), str(path.parent.relative_to(root)))
        for path in sorted((root / "desktop").rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and (path.suffix not in (".py", ".pyc") or migrations in path.parents)
    ]
    excludes = [f"PySide6.{name}" for name in UNUSED_QT] + list(UNUSED_PYTHON)
    hidden = imports_of(sorted(migrations.rglob("*.py")))
    icon = root / "release" / ("prachum.ico" if sys.platform == "win32" else "prachum.png")
    return BundleContents(
        [*resources, *package_data, *pythainlp_data(), *thai_ui_font()],
        hidden,
        excludes,
        str(icon) if icon.exists() else None,
    )
