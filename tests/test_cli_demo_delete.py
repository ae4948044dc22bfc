"""The demo in a file of its own; deleting from the command line; no folder in her home."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from desktop.core.db import open_database

ROOT = Path(__file__).resolve().parents[1]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("PYTHAINLP_DATA", None)
    env.pop("PYTHAINLP_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "main.py", *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_demo_without_db_writes_demo_db_beside_hers_and_says_where(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    first = _run(home, "demo")
    assert first.returncode == 0, first.stderr
    demo = home / "data" / "Prachum" / "demo.db"
    assert str(demo) in first.stdout
    assert demo.is_file()
    assert not (home / "data" / "Prachum" / "prachum.db").exists()  # hers is not touched
    again = _run(home, "demo")
    assert again.returncode == 0 and str(demo) in again.stdout
    # PyThaiNLP (the names were normalised) keeps its data in the app's folder.
    assert not (home / "pythainlp-data").exists()
    assert not (ROOT / "pythainlp-data").exists()
    # Wherever PyThaiNLP keeps data (a version may make none at import), it is the app's.
    made = [p.relative_to(home) for p in home.rglob("pythainlp-data")]
    assert all(p.parts[:2] == ("data", "Prachum") for p in made), made


def test_demo_on_a_database_with_data_exits_2_and_changes_nothing(tmp_path, capsys):
    hers = tmp_path / "hers.db"
    database = open_database(hers)
    with database.session() as session:
        from desktop.core import services

        services.create_organization(session, name="เทศบาลตำบลของเธอ")
    database.close()
    before = _digest(hers)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert main(["--db", str(hers), "demo"]) == 2
    error = capsys.readouterr().err
    assert "already holds data" in error and "demo.db" in error
    assert _digest(hers) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    assert main(["--db", str(hers), "--lang", "th", "demo"]) == 2
    assert "มีข้อมูลอยู่แล้ว" in capsys.readouterr().err


def test_delete_prints_what_depends_and_deletes_only_with_yes(tmp_path, capsys):
    demo = tmp_path / "demo.db"
    assert main(["--db", str(demo), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(demo), "delete", "meeting", "3"]) == 0
    out = capsys.readouterr().out
    assert "attendance lines" in out and "nothing deleted" in out
    assert main(["--db", str(demo), "delete", "meeting", "1", "--yes"]) == 2
    assert "final" in capsys.readouterr().err
    assert main(["--db", str(demo), "delete", "meeting", "3", "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", str(demo), "meetings"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_the_windows_start_leaves_no_pythainlp_folder_in_her_home(tmp_path):
    """The window preloads pythainlp on a worker while the file is checked."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("PYTHAINLP_DATA", None)
    env.pop("PYTHAINLP_DATA_DIR", None)
    code = "from desktop.ui.shell.opening import _preload_window_modules; _preload_window_modules()"
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=tmp_path, env=env, capture_output=True
    )
    assert not (home / "pythainlp-data").exists()
    assert not (tmp_path / "pythainlp-data").exists()
    # Wherever PyThaiNLP keeps data (a version may make none at import), it is the app's.
    made = [p.relative_to(home) for p in home.rglob("pythainlp-data")]
    assert all(p.parts[:2] == ("data", "Prachum") for p in made), made
