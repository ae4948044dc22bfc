"""The papers around a meeting: an office's letter details, settings, outgoing register.

Revision ID: 0020
Revises: 0005
Create Date: 2026-12-04

Only new columns (all optional) and new tables: nothing existing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(sa.Column("letter_code", sa.String(50), nullable=True))
        batch.add_column(sa.Column("address", sa.Text(), nullable=True))
        batch.add_column(sa.Column("letter_office", sa.String(200), nullable=True))
        batch.add_column(sa.Column("phone", sa.String(100), nullable=True))
        batch.add_column(sa.Column("email", sa.String(200), nullable=True))
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "outgoing_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("be_year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("sender", sa.String(300), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("number > 0", name=op.f("ck_outgoing_letters_number_positive")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_outgoing_letters_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_letters")),
        sa.UniqueConstraint("be_year", "number", name="uq_outgoing_letters_number"),
        sa.UniqueConstraint("meeting_id", "kind", name="uq_outgoing_letters_batch"),
    )
    op.create_index(op.f("ix_outgoing_letters_meeting_id"), "outgoing_letters", ["meeting_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_outgoing_letters_meeting_id"), table_name="outgoing_letters")
    op.drop_table("outgoing_letters")
    op.drop_table("settings")
    with op.batch_alter_table("organizations") as batch:
        for column in ("email", "phone", "letter_office", "address", "letter_code"):
            batch.drop_column(column)
