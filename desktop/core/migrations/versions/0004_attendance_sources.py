"""Attendance from Google Meet, Webex, LINE and sign-in forms keeps its own source.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Rebuilds the attendance and report_files tables (batch mode) with the wider checks on
`source` and `platform`. A downgrade turns the new sources into `file` (attendance
read from a file) and drops the kept files of the new platforms' reports, rather than
fail on them.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_SOURCES = ("typed", "zoom", "teams", "file")
NEW_PLATFORMS = ("meet", "webex", "line", "form")


def _check(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


def upgrade() -> None:
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(op.f("ck_attendance_source"), type_="check")
        batch.create_check_constraint("source", _check("source", OLD_SOURCES + NEW_PLATFORMS))
    with op.batch_alter_table("report_files") as batch:
        batch.drop_constraint(op.f("ck_report_files_platform"), type_="check")
        batch.create_check_constraint(
            "platform", _check("platform", ("zoom", "teams", *NEW_PLATFORMS))
        )


def downgrade() -> None:
    new = ", ".join(f"'{v}'" for v in NEW_PLATFORMS)
    op.execute(f"UPDATE attendance SET source = 'file' WHERE source IN ({new})")
    op.execute(f"DELETE FROM report_files WHERE platform IN ({new})")
    with op.batch_alter_table("report_files") as batch:
        batch.drop_constraint(op.f("ck_report_files_platform"), type_="check")
        batch.create_check_constraint("platform", _check("platform", ("zoom", "teams")))
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(op.f("ck_attendance_source"), type_="check")
        batch.create_check_constraint("source", _check("source", OLD_SOURCES))
