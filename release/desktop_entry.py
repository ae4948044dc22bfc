"""`python -m release.desktop_entry [--prefix DIR]`: Prachum in the Linux desktop's menu.

Copies the built bundle to ~/.local/lib/prachum (so `make clean` or a new checkout does
not break the menu entry), and writes a freedesktop.org entry with the Thai name and the
icon under ~/.local/share: the user's own, no administrator needed. Run by
`make install-desktop`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from release.build import BUNDLE_NAME, DIST

RELEASE = Path(__file__).resolve().parent
DESKTOP_ID = "prachum.desktop"

ENTRY = """[Desktop Entry]
Type=Application
Version=1.5
Name=ประชุม
Name[en]=Prachum
GenericName=บันทึกการประชุมและการเข้าประชุม
GenericName[en]=Meeting minutes and attendance
Comment=รายงานการประชุม รายชื่อผู้เข้าประชุม ระเบียบวาระ และมติที่ประชุม
Comment[en]=Minutes, attendance, agendas and resolutions of meetings
Exec="{program}"
TryExec={program}
Icon=prachum
Terminal=false
Categories=Office;
Keywords=meeting;minutes;attendance;ประชุม;รายงานการประชุม;
StartupWMClass=prachum
"""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install(dist: Path = DIST, data: Path | None = None, lib: Path | None = None) -> Path:
    """Copy the bundle and write the menu entry and icons; the entry's path."""
    data = data or data_home()
    lib = lib or data.parent / "lib" / BUNDLE_NAME
    bundle = dist / BUNDLE_NAME
    if not (bundle / BUNDLE_NAME).is_file():
        raise SystemExit(f"no bundle at {bundle}: run `make dist` first")
    if lib.exists():
        shutil.rmtree(lib)
    shutil.copytree(bundle, lib, symlinks=True)
    icons = data / "icons" / "hicolor"
    for source, target in (
        (RELEASE / "prachum.png", icons / "256x256" / "apps" / "prachum.png"),
        (RELEASE / "prachum.svg", icons / "scalable" / "apps" / "prachum.svg"),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    entry = data / "applications" / DESKTOP_ID
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(ENTRY.format(program=lib / BUNDLE_NAME), encoding="utf-8")
    if shutil.which("update-desktop-database"):  # the menu notices it without a logout
        subprocess.run(["update-desktop-database", str(entry.parent)], check=False)
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.desktop_entry", description=__doc__)
    parser.add_argument("--data-home", type=Path, help="instead of ~/.local/share")
    args = parser.parse_args(argv)
    entry = install(data=args.data_home)
    print(f"installed {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
