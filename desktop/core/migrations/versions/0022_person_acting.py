"""A person's acting office in a field of its own, as each meeting's line has it.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05

Secretaries typed `รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล…` (or `ร.ร.ท.`) into the
position; the office held stays in `position` and the office acted for moves to
`acting_as`, split by the same rule the meetings use (thai.split_acting).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop.core.thai import split_acting

    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("acting_as", sa.String(300), nullable=True))
    people = sa.table(
        "people",
        sa.column("id", sa.Integer),
        sa.column("position", sa.String),
        sa.column("acting_as", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(people.c.id, people.c.position).where(people.c.position.is_not(None))
    ).all()
    for person_id, position in rows:
        held, acting = split_acting(position)
        if acting:
            bind.execute(
                people.update()
                .where(people.c.id == person_id)
                .values(position=held, acting_as=acting)
            )


def downgrade() -> None:
    from desktop.core.thai import acting_position

    people = sa.table(
        "people",
        sa.column("id", sa.Integer),
        sa.column("position", sa.String),
        sa.column("acting_as", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(people.c.id, people.c.position, people.c.acting_as).where(
            people.c.acting_as.is_not(None)
        )
    ).all()
    for person_id, position, acting in rows:
        combined = acting_position(position, acting)[:300]
        bind.execute(people.update().where(people.c.id == person_id).values(position=combined))
    with op.batch_alter_table("people") as batch:
        batch.drop_column("acting_as")
