"""Opening the database: engine set-up for SQLite and PostgreSQL, start-up migration, sessions.

SQLite (the default, one file in the data directory) runs in WAL mode with foreign keys on and
synchronous=FULL, so a commit that returned is on disk even if the power goes a moment later. Write
transactions start with BEGIN IMMEDIATE: two desks (or the app and the uploader) never both read the chain
head and then both try to extend it. PostgreSQL (psycopg 3) serialises chain appends with a row lock on
the chain head instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from hotel_desk.privacy import private_dir
from hotel_desk.sealing import DataKey
from hotel_desk.store.errors import StorageFull, StoreError

__all__ = ["Database", "StorageFull", "StoreError", "create_store_engine", "normalise_url", "sqlite_path"]

log = logging.getLogger(__name__)

_BEGIN_OPTION = "hotel_desk_sqlite_begin"
#: How long a SQLite writer waits for another writer before giving up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 60_000
#: Key of the PostgreSQL advisory lock that serialises start-up migrations of several desks.
PG_MIGRATION_LOCK_KEY = 0x686F74656C64  # "hoteld"


def normalise_url(url: str) -> str:
    """Accept the URLs people write (postgresql://...) and pick the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory / non-SQLite databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _secure_sqlite_file(path: Path) -> None:
    """Create the database file (and its WAL/SHM companions) readable by the owner only: it holds
    passport data. SQLite gives -wal and -shm the permissions of the main file. A folder made here is 0700."""
    if not path.parent.exists():
        private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            if os.name == "posix" and (candidate.stat().st_mode & 0o777) != 0o600:
                os.chmod(candidate, 0o600)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy (our "begin" hook below) decide when transactions start, instead of the
        # sqlite3 module's implicit and lock-less BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_store_engine(url: str, *, echo: bool = False) -> Engine:
    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None:
        _secure_sqlite_file(path)
        engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    if make_url(url).get_backend_name() == "sqlite":
        raise ValueError("an in-memory SQLite database cannot hold registrations; give a file path")
    return create_engine(url, echo=echo, pool_pre_ping=True)


_SQLSTATE_DISK_FULL = "53100"  # PostgreSQL disk_full


def _is_disk_full(error: DBAPIError) -> bool:
    orig = error.orig
    if getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return True
    if getattr(orig, "sqlstate", None) == _SQLSTATE_DISK_FULL:
        return True
    text_ = str(orig).lower()
    return "disk is full" in text_ or "no space left on device" in text_


@dataclass
class Database:
    """An opened, migrated database. Use `write()` for every user action (one transaction, committed at
    the end of the block or rolled back on any exception) and `read()` for views."""

    engine: Engine
    url: str
    #: The data key that seals page images and the authorisation code (hotel_desk.sealing). The desk sets it
    #: right after opening; without one (tools, tests of other things) those values are stored as given.
    sealer: DataKey | None = None

    def __post_init__(self) -> None:
        self._writer_engine = (
            self.engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}) if self.is_sqlite else self.engine
        )
        self._write_sessions = sessionmaker(self._writer_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._write_sessions() as session, session.begin():
                session.info["sealer"] = self.sealer
                yield session
        except DBAPIError as exc:
            # A full disk must reach the desk as a plain sentence, not a driver traceback; the transaction
            # has been rolled back, so the form (or the import file) still holds everything.
            if _is_disk_full(exc):
                where = self.engine.url.database if self.is_sqlite else self.engine.url.host
                raise StorageFull(
                    f"The database could not be written because the disk is full ({where}), so nothing was "
                    "saved. Free some space and try again."
                ) from exc
            raise

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            session.info["sealer"] = self.sealer
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.dispose()


def backup_sqlite_file(path: Path, *, label: str) -> Path:
    """A consistent copy of a SQLite database (through SQLite's backup API, so a WAL in flight is
    included), next to the original and with the same owner-only permissions."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def sqlite_integrity_ok(db: Database) -> bool:
    if not db.is_sqlite:
        return True
    with db.engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
