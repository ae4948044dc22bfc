"""The standalone bundle works on a machine without Python: its command line does a
secretary's round on a fresh database, and its window opens and stays up.

The bundle is built once (`python -m release.build`, skipped when nothing that goes into
it changed) and run with PATH stripped of the virtual environment, with no PYTHON*
variable and from an empty folder, so nothing can come from the checkout or the venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from meeting_example import example
from openpyxl import load_workbook

from release import build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle() -> Path:
    return build.build()


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """The environment of a PC where Prachum was installed from the bundle alone."""
    venv_bin = str(Path(sys.executable).parent)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST", "XDG_")) and k != "PATH"
    }
    home = tmp_path / "home"
    home.mkdir()
    env.update(
        PATH=os.pathsep.join(path),
        HOME=str(home),
        USERPROFILE=str(home),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        APPDATA=str(home / "AppData" / "Roaming"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _run(program: Path, env: dict[str, str], cwd: Path, *args: str) -> str:
    result = subprocess.run(
        [str(program), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def test_the_bundle_needs_no_python_from_the_machine(bundle, bare_env):
    venv = Path(sys.executable).parent
    assert str(venv) not in bare_env["PATH"].split(os.pathsep)
    assert not any(k.startswith("PYTHON") for k in bare_env)
    assert bundle.is_file() and os.access(bundle, os.X_OK)
    assert build.bundle_size() < 250e6
    if sys.platform.startswith("linux"):  # a Thai UI font for a system without one
        assert any(bundle.parent.rglob("resources/fonts/Loma.ttf"))


def test_the_command_line_does_a_round_on_a_fresh_database(bundle, bare_env, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    meeting = work / "การประชุม.meeting.json"
    meeting.write_text(json.dumps(example(), ensure_ascii=False), encoding="utf-8")
    db = work / "ใหม่.db"
    assert "usage: prachum" in _run(bundle, bare_env, work, "--help")

    meeting_id = _run(bundle, bare_env, work, "--db", str(db), "import", str(meeting)).strip()
    assert meeting_id.isdigit()
    listed = _run(bundle, bare_env, work, "--db", str(db), "meetings")
    assert "การประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง" in listed

    minutes = work / "รายงานการประชุม.docx"
    _run(bundle, bare_env, work, "--db", str(db), "minutes", meeting_id, "-o", str(minutes))
    text = "\n".join(p.text for p in Document(str(minutes)).paragraphs)
    assert "รายงานการประชุม" in text and "ที่ประชุมรับทราบ" in text

    attendance = work / "ผู้เข้าประชุม.xlsx"
    _run(bundle, bare_env, work, "--db", str(db), "attendance", meeting_id, "-o", str(attendance))
    cells = [c for row in load_workbook(attendance).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and "สมชาย" in c for c in cells)

    found = _run(bundle, bare_env, work, "--db", str(db), "search", "รับทราบ")
    assert found.splitlines() and found.split("\t")[0] == meeting_id

    # A migration ran from the files in the bundle (a naive build has "0 heads").
    backup = work / "สำรอง.db"
    _run(bundle, bare_env, work, "--db", str(db), "backup", "-o", str(backup))
    assert backup.stat().st_size > 0


def test_the_window_opens_the_database_and_stays_up(bundle, bare_env, tmp_path):
    db = tmp_path / "demo.db"
    _run(bundle, bare_env, tmp_path, "--db", str(db), "demo")
    probe = subprocess.run(
        [str(bundle), "--db", str(db)],
        env={**bare_env, "PRACHUM_STARTUP_PROBE": "1"},
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    marks = [line.split()[0] for line in probe.stdout.splitlines() if line.strip()]
    assert marks == ["shown", "listed"], (probe.stdout, probe.stderr)

    window = subprocess.Popen(
        [str(bundle), "--db", str(db)],
        env=bare_env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(4)
        assert window.poll() is None, window.communicate()
    finally:
        window.terminate()  # a logout: SIGTERM saves and quits (TerminateProcess on Windows)
        _out, err = window.communicate(timeout=30)
    if sys.platform != "win32":
        assert window.returncode == 0, err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF shared libraries")
def test_every_library_in_the_bundle_is_linked_to_by_something_in_it(bundle):
    """Qt's GTK theme is left out; the GTK, cairo and pango it alone linked to (16 MB)
    must go with it, and nothing the program links to may go."""
    from PyInstaller.depend.bindepend import get_imports

    from release.contents import is_shared_library

    internal = bundle.parent / "_internal"
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    needed = {name for path in [bundle, *files] for name, _ in get_imports(str(path))}
    orphans = [
        p.relative_to(internal).as_posix()
        for p in files
        if is_shared_library(p.relative_to(internal).as_posix()) and p.name not in needed
    ]
    assert orphans == []
    assert not any(internal.rglob("libgtk-3.so*"))
