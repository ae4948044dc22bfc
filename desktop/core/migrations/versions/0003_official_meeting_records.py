"""What official and online meetings record: quorum, capacities, votes, e-meeting evidence.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

Meetings gain the quorum, where the recording is kept and the online link, meeting ID
and passcode; attendance lines gain the capacity and how identity was checked; votes
and the imported report files get tables of their own. Meetings and attendance are
rebuilt (batch mode) for their new check constraints, with foreign keys off
(desktop.core.db.migrate sees to that).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("quorum", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("recording", sa.String(length=1000), nullable=True))
        batch.add_column(sa.Column("online_link", sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column("online_meeting_id", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("online_passcode", sa.String(length=100), nullable=True))
        batch.create_check_constraint("quorum_positive", "quorum IS NULL OR quorum > 0")
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("capacity", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("identity", sa.String(length=10), nullable=True))
        batch.create_check_constraint(
            "identity",
            "identity IS NULL OR identity IN ('camera', 'otp', 'known', 'signature')",
        )
    op.create_table(
        "votes",
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("votes_abstain", sa.Integer(), nullable=True),
        sa.Column("ballot", sa.String(length=6), nullable=True),
        sa.Column("mover_id", sa.Integer(), nullable=True),
        sa.Column("seconder_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "votes_for IS NULL OR votes_for >= 0", name=op.f("ck_votes_for_not_negative")
        ),
        sa.CheckConstraint(
            "votes_against IS NULL OR votes_against >= 0",
            name=op.f("ck_votes_against_not_negative"),
        ),
        sa.CheckConstraint(
            "votes_abstain IS NULL OR votes_abstain >= 0",
            name=op.f("ck_votes_abstain_not_negative"),
        ),
        sa.CheckConstraint(
            "ballot IS NULL OR ballot IN ('open', 'secret')", name=op.f("ck_votes_ballot")
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_votes_agenda_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mover_id"], ["people.id"], name=op.f("fk_votes_mover_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["seconder_id"],
            ["people.id"],
            name=op.f("fk_votes_seconder_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", name=op.f("pk_votes")),
    )
    op.create_table(
        "report_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("platform", sa.String(length=8), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column(
            "imported_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("platform IN ('zoom', 'teams')", name=op.f("ck_report_files_platform")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_report_files_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_files")),
    )
    op.create_index(op.f("ix_report_files_meeting_id"), "report_files", ["meeting_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_report_files_meeting_id"), table_name="report_files")
    op.drop_table("report_files")
    op.drop_table("votes")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(op.f("ck_attendance_identity"), type_="check")
        batch.drop_column("identity")
        batch.drop_column("capacity")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_constraint(op.f("ck_meetings_quorum_positive"), type_="check")
        batch.drop_column("online_passcode")
        batch.drop_column("online_meeting_id")
        batch.drop_column("online_link")
        batch.drop_column("recording")
        batch.drop_column("quorum")
