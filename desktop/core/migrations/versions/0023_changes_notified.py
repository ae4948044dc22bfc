"""On a PostgreSQL server, every committed change is announced to the other windows.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05

A trigger on each table the app writes sends a notification (LISTEN/NOTIFY) naming the
table, the meeting, person, office or network of the row, and the client that wrote it;
the server sends it at commit, so no client can forget it. Nothing changes in a SQLite
file, where one writer is the rule.
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from desktop.core.live_changes import install_notifications

    install_notifications(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from desktop.core.live_changes import uninstall_notifications

    uninstall_notifications(op.execute)
