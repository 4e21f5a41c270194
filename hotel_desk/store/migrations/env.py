"""Alembic environment for hotel_desk. Migrations run programmatically (hotel_desk.store.migrate) on a
connection the app already holds inside its migration lock; the `alembic` command line works too when
given `-x url=...`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from hotel_desk.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from hotel_desk.store.db import create_store_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database with -x url=...")
    engine = create_store_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("hotel_desk migrations run online only")
run_migrations_online()
