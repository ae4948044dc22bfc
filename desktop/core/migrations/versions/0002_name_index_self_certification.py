"""People found by name quickly; a meeting cannot certify its own minutes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

Rebuilds the meetings table (batch mode): a parent of attendance and agenda items, so
it runs with foreign keys off (desktop.core.db.migrate sees to that) or SQLite would
cascade-delete their rows when the old table is dropped.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_people_names", "people", ["given_name", "family_name"])
    with op.batch_alter_table("meetings") as batch:
        batch.create_check_constraint(
            "not_self_certified", "certified_by_id IS NULL OR certified_by_id <> id"
        )


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_constraint(op.f("ck_meetings_not_self_certified"), type_="check")
    op.drop_index("ix_people_names", table_name="people")
