"""An attendance line outlives the person: deleting someone keeps the meetings' lines.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

A meeting keeps each attendee's name, position and organisation as they were (the
snapshot); when the secretary deletes a person she created by mistake, or one who has
left, the meetings she attended keep her name and the line's person becomes empty.
Rebuilds the attendance table (batch mode), with foreign keys off as db.migrate runs it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_FK = "fk_attendance_person_id_people"


def upgrade() -> None:
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(_FK, type_="foreignkey")
        batch.alter_column("person_id", existing_type=sa.Integer(), nullable=True)
        batch.create_foreign_key(_FK, "people", ["person_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    op.execute("DELETE FROM attendance WHERE person_id IS NULL")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(_FK, type_="foreignkey")
        batch.alter_column("person_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(_FK, "people", ["person_id"], ["id"], ondelete="RESTRICT")
