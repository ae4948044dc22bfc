"""The installers' recipes: the NSIS script compiles (with Debian's makensis, against a
stand-in for the bundle), and the Linux menu entry installs at user level."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from release import desktop_entry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def standin(tmp_path) -> Path:
    """dist/ with a bundle's shape: the two programs and a library folder."""
    bundle = tmp_path / "dist" / "prachum"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("prachum", "prachum.exe", "prachumw.exe", "_internal/base_library.zip"):
        (bundle / name).write_bytes(b"MZ stand-in")
    (bundle / "prachum").chmod(0o755)
    return bundle


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian's nsis) missing")
def test_the_nsis_script_compiles_into_a_windows_installer(standin, tmp_path):
    setup = tmp_path / "Prachum-setup.exe"
    result = subprocess.run(
        [
            "makensis",
            "-V4",
            f"-DBUNDLE={standin}",
            f"-DOUTFILE={setup}",
            "-DVERSION=1.2.3",
            str(ROOT / "release" / "prachum.nsi"),
        ],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert setup.read_bytes()[:2] == b"MZ"  # a Windows program
    log = result.stdout
    assert "prachumw.exe" in log and "base_library.zip" in log  # the bundle went in
    assert "WriteUninstaller" in log and "CreateShortcut" in log


def test_the_nsis_script_installs_per_user_and_leaves_the_data_alone():
    script = (ROOT / "release" / "prachum.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
    assert "WriteUninstaller" in script and "$SMPROGRAMS" in script
    uninstall = script.split('Section "Uninstall"')[1]
    removed = [
        line for line in uninstall.splitlines() if line.strip().startswith(("RMDir", "Delete "))
    ]
    assert all("$INSTDIR" in line or "$SMPROGRAMS" in line for line in removed), removed
    assert "HKLM" not in script  # nothing that needs an administrator


def test_the_menu_entry_installs_for_the_user_with_the_thai_name(standin, tmp_path):
    data, lib = tmp_path / "share", tmp_path / "lib" / "prachum"
    entry = desktop_entry.install(dist=standin.parent, data=data, lib=lib)
    assert entry == data / "applications" / "prachum.desktop"
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str
    parsed.read(entry, encoding="utf-8")
    fields = parsed["Desktop Entry"]
    assert fields["Name"] == "ประชุม" and fields["Name[en]"] == "Prachum"
    # The program alone: a field code such as %f would hand a file to it as a command.
    assert fields["Exec"] == f'"{lib / "prachum"}"'
    assert (lib / "prachum").read_bytes() == b"MZ stand-in"  # a copy, not the checkout's
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "prachum.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
