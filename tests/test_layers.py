"""The house's layers, checked on the source: no Qt below desktop/ui, nothing in the core
reaching up, no ORM model or query in the window, and no import circle anywhere.

Imports are read with `ast` (nothing is imported to check them), those inside functions
included: a circle through a lazy import is still a circle. Imports under
`if TYPE_CHECKING:` are checked too, apart: a module that names its owner's type to
reach into it is a circle of design even if Python never runs it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_only(tree: ast.Module) -> set[int]:
    """The nodes under `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    return skipped


def imported(path: Path, *, with_type_only: bool = True) -> Iterator[str]:
    """Every module name `path` imports, `from a.b import c` giving a.b and a.b.c."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if with_type_only else _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def sources(folder: Path = PACKAGE) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def import_graph(files: list[Path], *, with_type_only: bool = False) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (at run time, unless with_type_only)."""
    modules = {module_name(p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for target in imported(path, with_type_only=with_type_only):
            module = target
            while module and module not in modules:
                module = module.rpartition(".")[0]
            if module and module != name:
                edges.add(module)
        graph[name] = edges
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            on_stack.difference_update(group)
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def ui_orm_offenders(files: list[Path]) -> list[str]:
    """Window modules that import an ORM model or anything that queries.

    A session may be handed through to a service function (`sqlalchemy.orm.Session` as a
    type) and the store catches the driver's errors (`sqlalchemy.exc`); nothing else of
    SQLAlchemy, and no model, belongs in the window.
    """
    allowed = {"sqlalchemy.orm", "sqlalchemy.orm.Session", "sqlalchemy.exc"}
    offenders = []
    for path in files:
        for name in imported(path):
            if (
                name.startswith("desktop.core.models")
                or name == "desktop.core.db.Session"
                or (
                    name.split(".")[0] == "sqlalchemy"
                    and not (name in allowed or name.startswith("sqlalchemy.exc."))
                )
            ):
                offenders.append(f"{module_name(path)} imports {name}")
    return offenders


def upward_offenders(files: list[Path]) -> list[str]:
    offenders = []
    for path in files:
        for name in imported(path):
            if name.startswith(("desktop.ui", "desktop.exports", "desktop.imports", "desktop.cli")):
                offenders.append(f"{module_name(path)} imports {name}")
    return offenders


# The core's own floors, bottom up: the foundation (the modules of desktop/core itself:
# models, the database, Thai text, files), the services on it, and the operations on a
# whole meeting file or database that call the services. A floor imports only below it.
CORE_FLOORS = ("desktop.core.services", "desktop.core.operations")


def core_floor(module: str) -> int:
    for floor, prefix in enumerate(CORE_FLOORS, start=1):
        if module == prefix or module.startswith(prefix + "."):
            return floor
    return 0


def core_floor_offenders(files: list[Path]) -> list[str]:
    offenders = []
    for path in files:
        own = core_floor(module_name(path))
        for name in imported(path):
            if name.startswith("desktop.core") and core_floor(name) > own:
                offenders.append(f"{module_name(path)} imports {name}")
    return offenders


def test_nothing_below_the_ui_imports_qt():
    offenders = []
    for path in sources():
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        if any(name.split(".")[0] in QT for name in imported(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_core_does_not_reach_up_into_exports_imports_or_ui():
    assert upward_offenders(sources(PACKAGE / "core")) == []


def test_each_floor_of_the_core_imports_only_below_it():
    assert core_floor_offenders(sources(PACKAGE / "core")) == []


def test_the_window_holds_no_orm_model_and_runs_no_query():
    assert ui_orm_offenders(sources(PACKAGE / "ui")) == []


def test_no_import_circle_anywhere_in_the_package():
    assert circles(import_graph(sources())) == []


def test_no_circle_through_type_only_imports_either():
    """A module that names its owner's type to reach into it is a circle of design."""
    assert circles(import_graph(sources(), with_type_only=True)) == []


# --- the checks catch what they are for ------------------------------------------------


def _planted(tmp_path: Path, files: dict[str, str]) -> list[Path]:
    written = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def test_a_planted_circle_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    files = _planted(
        tmp_path,
        {
            "desktop/core/a.py": "from desktop.core import b\n",
            "desktop/core/b.py": "def f():\n    from desktop.core.a import g\n",
            "desktop/core/c.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from desktop.core.a import g\n",
        },
    )
    assert circles(import_graph(files)) == [["desktop.core.a", "desktop.core.b"]]


def test_a_planted_model_import_or_query_in_the_window_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    files = _planted(
        tmp_path,
        {
            "desktop/ui/page.py": "from desktop.core.models import Meeting\n",
            "desktop/ui/query.py": "from sqlalchemy import select\n",
            "desktop/ui/fine.py": "from sqlalchemy.orm import Session\n",
        },
    )
    assert ui_orm_offenders(files) == [
        "desktop.ui.page imports desktop.core.models",
        "desktop.ui.page imports desktop.core.models.Meeting",
        "desktop.ui.query imports sqlalchemy",
        "desktop.ui.query imports sqlalchemy.select",
    ]


def test_a_planted_upward_import_in_the_core_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    files = _planted(tmp_path, {"desktop/core/x.py": "from desktop.ui.base import store\n"})
    assert upward_offenders(files) == [
        "desktop.core.x imports desktop.ui.base",
        "desktop.core.x imports desktop.ui.base.store",
    ]


def test_a_planted_import_up_a_floor_of_the_core_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    files = _planted(
        tmp_path,
        {
            "desktop/core/db.py": "def f():\n    from desktop.core import services\n",
            "desktop/core/services/x.py": "from desktop.core.operations.demo import fill\n",
            "desktop/core/operations/y.py": "from desktop.core.services import x\n",
        },
    )
    assert core_floor_offenders(files) == [
        "desktop.core.db imports desktop.core.services",
        "desktop.core.services.x imports desktop.core.operations.demo",
        "desktop.core.services.x imports desktop.core.operations.demo.fill",
    ]
