"""Text people write carries a version, and who stored it last and when.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05

A meeting's details, an agenda item (its title, body, resolution and points) and an
action each get `version` (1 for what is there), `last_changed_by` and
`last_changed_at`. An edit is stored by an UPDATE that asks for the version it was made
on, so an edit based on text someone else has changed since is refused by the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

TABLES = ("meetings", "agenda_items", "actions")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("last_changed_by", sa.String(200), nullable=True))
        op.add_column(table, sa.Column("last_changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35 and later does): a batch copy of the table would
    # break the search triggers that name it.
    for table in TABLES:
        for column in ("last_changed_at", "last_changed_by", "version"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
