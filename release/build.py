"""`python -m release.build [--force]`: the standalone bundle, dist/prachum/.

Runs PyInstaller on release/prachum.spec. A build takes minutes, so it is skipped when
nothing that goes into it has changed since the last one: the key is a hash of the app's
files, the recipe, the installed packages' versions, Python's and the platform's; it is
written beside the bundle after a build succeeds, never before. A half-finished build
therefore has no key and is built again.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "prachum"
INPUTS = ("main.py", "desktop", "resources", "release/prachum.spec", "release/contents.py")
KEY_FILE = f".{BUNDLE_NAME}-build-key"


def executable(dist: Path = DIST) -> Path:
    """The bundle's program: dist/prachum/prachum (prachum.exe on Windows)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / BUNDLE_NAME / f"{BUNDLE_NAME}{suffix}"


def input_key(root: Path = ROOT) -> str:
    """A hash of everything a build reads."""
    digest = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    digest.update(f"{sys.version}|{platform.platform()}|{sys.executable}".encode())
    return digest.hexdigest()


def is_current(dist: Path = DIST, root: Path = ROOT) -> bool:
    key_file = dist / KEY_FILE
    return (
        executable(dist).is_file()
        and key_file.is_file()
        and key_file.read_text(encoding="ascii").strip() == input_key(root)
    )


def build(dist: Path = DIST, work: Path = WORK, *, force: bool = False) -> Path:
    """Build the bundle into `dist` unless the one there is current; its executable."""
    if not force and is_current(dist):
        return executable(dist)
    from desktop.ui.base.i18n_build import compile_translations

    compile_translations()  # the .qm files go into the bundle
    (dist / KEY_FILE).unlink(missing_ok=True)
    key = input_key()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(ROOT / "release" / "prachum.spec"),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    (dist / KEY_FILE).write_text(key + "\n", encoding="ascii")
    return executable(dist)


def bundle_size(dist: Path = DIST) -> int:
    """Bytes of every file in the bundle's folder."""
    folder = dist / BUNDLE_NAME
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.build", description=__doc__)
    parser.add_argument("--force", action="store_true", help="build even if nothing changed")
    parser.add_argument("--dist", type=Path, default=DIST, help="where dist/prachum goes")
    args = parser.parse_args(argv)
    program = build(args.dist, force=args.force)
    print(f"{program} ({bundle_size(args.dist) / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
