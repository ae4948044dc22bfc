"""On a PostgreSQL server, names sort in Thai dictionary order (ICU's th-TH).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04

Nothing changes in a SQLite file: there the `thai` collation is Python's, registered on
every connection. On a server the same name, `thai`, is made from ICU's Thai collation
and set on every name the app sorts, so that the server sorts as Python does.
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from desktop.core.postgresql_features import (
        SORTED_NAMES,
        THAI_COLLATION,
        install_thai_collation,
    )

    install_thai_collation(bind)
    for table, column, length in SORTED_NAMES:
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} "
            f'TYPE varchar({length}) COLLATE "{THAI_COLLATION}"'
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from desktop.core.postgresql_features import SORTED_NAMES, THAI_COLLATION

    for table, column, length in SORTED_NAMES:
        op.execute(
            f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "default"'
        )
    op.execute(f"DROP COLLATION IF EXISTS {THAI_COLLATION}")
