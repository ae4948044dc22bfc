"""`python -m desktop.ui.base.i18n_build [--update]`: compile the translations, refresh them.

Compiles resources/translations/*.ts to .qm with the lrelease that PySide6-Essentials
ships (its own binary, so no Qt SDK is needed), skipping files whose .qm is newer than
the .ts: a `make run` with nothing changed costs a few stat calls. `--update` first
runs lupdate over desktop/ui, adding new source strings to every .ts (a translator then
fills them in Qt Linguist or by hand) and marking vanished ones obsolete.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The window imports this module at start-up for `stale`: the tools' modules (argparse,
# shutil, subprocess) load only when something is compiled.

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "resources" / "translations"
UI_SOURCES = Path(__file__).resolve().parents[1]


def qt_tool(name: str) -> str | None:
    """The path of a Qt tool shipped inside the PySide6 package, or one on PATH."""
    import shutil

    try:
        import PySide6
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def stale(ts_file: Path) -> bool:
    qm_file = ts_file.with_suffix(".qm")
    return not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime


def compile_translations(folder: Path = TRANSLATIONS, *, force: bool = False) -> list[Path]:
    """Compile every stale .ts in `folder`; returns the .qm files written."""
    pending = [ts for ts in sorted(folder.glob("*.ts")) if force or stale(ts)]
    if not pending:
        return []
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        raise RuntimeError(
            "lrelease was not found: install PySide6-Essentials (it ships pyside6-lrelease)"
        )
    import subprocess

    written = []
    for ts in pending:
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        written.append(qm)
    return written


def update_sources(folder: Path = TRANSLATIONS) -> None:
    """Run lupdate over the window's Python files into every .ts of `folder`."""
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        raise RuntimeError("lupdate was not found: install PySide6-Essentials")
    import subprocess

    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    # Only our own strings: qt_*.ts holds Qt's (file dialogs, standard buttons), which
    # lupdate does not find in our sources and would drop.
    for ts in sorted(folder.glob("prachum_*.ts")):
        # No line numbers (they would change the .ts at every edit) and no dead entries.
        command = [lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources]
        subprocess.run([*command, "-ts", str(ts)], check=True)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import subprocess

    parser = argparse.ArgumentParser(prog="python -m desktop.ui.base.i18n_build")
    parser.add_argument("--update", action="store_true", help="run lupdate over desktop/ui first")
    parser.add_argument("--force", action="store_true", help="compile even when up to date")
    args = parser.parse_args(argv)
    try:
        if args.update:
            update_sources()
        written = compile_translations(force=args.force or args.update)
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    for qm in written:
        print(f"translations: wrote {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
