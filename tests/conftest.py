"""Shared fixtures: a fresh database file per test, headless Qt, no hanging dialogs."""

from __future__ import annotations

import os

# Qt must be told before it is imported anywhere, or it aborts looking for a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest

from desktop.core.db import Database, open_database

# Test modules share small builders (tests/meeting_example.py) by plain import.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "prachum.db"


@pytest.fixture
def db(db_path: Path):
    database: Database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def session(db: Database):
    with db.session() as session:
        yield session
