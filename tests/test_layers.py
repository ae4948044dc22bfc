"""The house rule that keeps every export and import headless: no Qt below desktop/ui."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_below_the_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        if any(name.split(".")[0] in QT for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_core_does_not_reach_up_into_exports_imports_or_ui():
    offenders = []
    for path in (PACKAGE / "core").rglob("*.py"):
        for name in _imports(path):
            if name.startswith(("desktop.ui", "desktop.exports", "desktop.imports", "desktop.cli")):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
