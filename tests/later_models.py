"""The models as a later version of the app may have them, for testing that a migration
holds for the schema of its own time."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

from sqlalchemy import Column, Integer, MetaData, Table, Text

from desktop.core.models import Base


def models_a_later_version_adds(monkeypatch, history: ModuleType) -> None:
    """The models as a later version may have them: a new table and a new column of an
    old one, which only a migration after the history's (0025) makes; the history's triggers
    (module `history`) are made from them."""
    later = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(later)
    Table("later_notes", later, Column("id", Integer, primary_key=True), Column("note", Text))
    later.tables["organizations"].append_column(Column("later_summary", Text))
    monkeypatch.setattr(history, "Base", SimpleNamespace(metadata=later))
