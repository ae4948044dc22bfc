"""A SQLite file on a network share or in a synced folder is never written: reading
commands read it as it is, writing ones exit 2 saying why and what to do instead."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import network_share
from desktop.core.db import open_database


@pytest.fixture
def backend() -> str:
    return "sqlite"  # about files


@pytest.fixture
def share(tmp_path, monkeypatch) -> Path:
    """A folder the (patched) mount table says is an SMB share; the rest is local."""
    folder = tmp_path / "office-share"
    folder.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        f"//fileserver/secretary {folder} cifs rw,vers=3.0 0 0\n"
        # The kernel writes a space in a mount point as \040.
        f"server:/export {tmp_path}/nfs\\040home nfs4 rw 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(network_share, "MOUNTS", mounts)
    return folder


def test_shares_and_synced_folders_are_told_from_local_folders(share, tmp_path):
    assert network_share.share_kind(share / "prachum.db") == "network share (cifs)"
    assert network_share.share_kind(share / "sub" / "x.db") == "network share (cifs)"
    assert network_share.share_kind(tmp_path / "prachum.db") is None
    assert network_share.share_kind(tmp_path / "office-share2.db") is None
    assert network_share.share_kind(tmp_path / "nfs home" / "p.db") == "network share (nfs4)"
    synced = tmp_path / "OneDrive - Tambon Office" / "prachum.db"
    assert network_share.share_kind(synced) == "synced folder (OneDrive - Tambon Office)"
    assert network_share.share_kind(tmp_path / "Google Drive" / "p.db").startswith("synced")


def test_a_file_on_a_share_is_never_written(share, tmp_path, capsys):
    local = tmp_path / "local.db"
    assert main(["--db", str(local), "demo"]) == 0
    shared = share / "prachum.db"
    source, copy = sqlite3.connect(local), sqlite3.connect(shared)
    source.backup(copy)  # WAL and all: the command above left its pages in the WAL
    source.close()
    copy.close()
    before = shared.read_bytes()
    with pytest.raises(network_share.NetworkShare, match="network share"):
        open_database(shared)
    capsys.readouterr()
    # A writing command (deleting a meeting for good) is refused for the share itself.
    assert main(["--db", str(shared), "delete", "meeting", "1", "--yes"]) == 2
    err = capsys.readouterr().err
    assert "network share (cifs)" in err and "copy" in err
    assert main(["--db", str(shared), "meetings"]) == 0, "reading works, read-only"
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "not written" in err
    assert main(["copy", str(local), str(share / "new.db")]) == 2
    assert shared.read_bytes() == before
    # No lock file and no new database; SQLite's own -wal/-shm of a read-only reader of
    # a WAL file may appear, the database itself is not written.
    assert not (share / "new.db").exists()
    assert not [p for p in share.iterdir() if p.name.endswith(".lock")]
    # Copying it to this PC is the way out.
    assert main(["copy", str(shared), str(tmp_path / "mine.db")]) == 0
