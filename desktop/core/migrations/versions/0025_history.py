"""Who changed what: the history table, written by triggers on every table.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05

The triggers are generated from the models (desktop.core.history), cut to the tables and
columns there are at this revision, and installed again after every later upgrade, so
that a table or column added later has its own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop.core.damage import TolerantDateTime
    from desktop.core.history import install_triggers, tables_as_they_are

    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", TolerantDateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.String(length=100), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("action", sa.String(length=6), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "action IN ('insert', 'update', 'delete')", name=op.f("ck_history_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    op.create_index(
        "ix_history_row_field", "history", ["table_name", "row_key", "field"], unique=False
    )
    op.create_index(op.f("ix_history_meeting_id"), "history", ["meeting_id"], unique=False)
    op.create_index(op.f("ix_history_item_id"), "history", ["item_id"], unique=False)
    # For the tables as they are at this revision, not as the models are now: a table
    # or column a later migration adds does not exist yet (its triggers follow the upgrade).
    install_triggers(op.get_bind(), tables_as_they_are(op.get_bind()))


def downgrade() -> None:
    from desktop.core.history import uninstall_triggers

    uninstall_triggers(op.get_bind())
    op.drop_index(op.f("ix_history_item_id"), table_name="history")
    op.drop_index(op.f("ix_history_meeting_id"), table_name="history")
    op.drop_index("ix_history_row_field", table_name="history")
    op.drop_table("history")
