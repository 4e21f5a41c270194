"""Opening the database: bring its schema up to date on start-up, programmatically, with the migrations
shipped in the package. Several desks may start at once: SQLite serialises them with BEGIN IMMEDIATE,
PostgreSQL with a transaction-scoped advisory lock, and each re-reads the revision inside the lock."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from hotel_desk.store.db import (
    PG_MIGRATION_LOCK_KEY,
    Database,
    backup_sqlite_file,
    create_store_engine,
    normalise_url,
    sqlite_path,
)
from hotel_desk.store.errors import NotFound, StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@functools.cache
def head_revision() -> str:
    """The newest revision shipped in the package (read once per process: it cannot change under us)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    with db.engine.connect() as conn:
        return current_revision(conn) != head_revision()


def upgrade_to_head(db: Database, *, backup: bool = True) -> Path | None:
    """Migrate to the newest schema. Returns the path of the SQLite copy made first, if one was made."""
    if not needs_upgrade(db):
        return None
    copy: Path | None = None
    path = sqlite_path(db.url)
    if backup and path is not None and path.exists() and path.stat().st_size > 0:
        with db.engine.connect() as conn:
            has_tables = bool(inspect(conn).get_table_names())
            current = current_revision(conn) or "empty"
        if has_tables:
            copy = backup_sqlite_file(path, label=f"before-migration-from-{current}")
            log.info("copied %s to %s before migrating", path, copy)
    writer = db.engine.execution_options(hotel_desk_sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine
    with writer.connect() as conn, conn.begin():
        if db.is_postgresql:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
        if current_revision(conn) != head_revision():
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    return copy


def open_existing_database(url: str) -> Database:
    """Open a hotel_desk database that must already exist, at this version's schema, creating and changing
    nothing: for checking it (`audit verify`). A mistyped path must not become an empty database that
    "verifies", and a check must not upgrade the very file it is asked about. Raises NotFound / StoreError."""
    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise NotFound(f"there is no database at {path} (nothing was created)")
    db = Database(engine=create_store_engine(url), url=url)
    try:
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = current_revision(conn) if "alembic_version" in tables else None
    except DBAPIError as exc:
        db.dispose()
        raise NotFound(f"the database {make_url(url).render_as_string(hide_password=True)} cannot be opened: "
                       f"{exc.orig}") from None
    if "audit_events" not in tables or revision is None:
        db.dispose()
        raise NotFound("this is not a hotel_desk database (it has no audit trail)")
    if revision != head_revision():
        db.dispose()
        raise StoreError(f"the database is at schema {revision} and this version checks {head_revision()}: open it "
                         "with the app or any other command first (which upgrades it, backing it up)")
    return db


def open_database(url: str, *, migrate: bool = True, backup: bool = True, echo: bool = False) -> Database:
    """Open the database named by `url` (the caller says which: the settings are not read here) and bring its
    schema up to date. A SQLite file that needs migrating is copied first (see `backup_sqlite_file`); the
    copy's path is logged."""
    url = normalise_url(url)
    db = Database(engine=create_store_engine(url, echo=echo), url=url)
    if migrate:
        upgrade_to_head(db, backup=backup)
    return db
