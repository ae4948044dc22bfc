"""Alembic environment: always run by desktop.core.db on a connection it hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop.core import features
from desktop.core.models import Base


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The search index is not in the models; autogenerate must not try to drop it.
    return not (type_ == "table" and name and features.for_dialect("sqlite").is_search_table(name))


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        # `alembic revision --autogenerate` from a developer's shell.
        url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrate.db"
        connection = create_engine(url).connect()
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
