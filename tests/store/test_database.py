"""Opening the database: migrations match the models, SQLite is durable and private, a SQLite file is
copied before it is migrated, and several desks may start at once."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from hotel_desk import store
from hotel_desk.store.migrate import alembic_config, head_revision
from hotel_desk.store.models import Base


def test_migrations_create_exactly_the_models(db_url):
    db = store.open_database(db_url)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
            assert ctx.get_current_revision() == head_revision()
        # Opening again is a no-op.
        store.open_database(db_url).dispose()
    finally:
        db.dispose()


def test_sqlite_is_wal_durable_private_and_checks_foreign_keys(tmp_path: Path):
    path = tmp_path / "sub" / "desk.sqlite3"
    db = store.open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        store.set_property(db, name="Inn", hotel_code="H1")
        if os.name == "posix":
            for f in path.parent.iterdir():
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    finally:
        db.dispose()


def test_sqlite_file_is_copied_before_migrating(tmp_path: Path):
    path = tmp_path / "desk.sqlite3"
    url = f"sqlite:///{path}"
    db = store.open_database(url)
    store.set_property(db, name="Inn", hotel_code="H1")
    # Put the file back at the start of history (as an old release would have left it) and re-open.
    with db.engine.connect() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
        conn.commit()
    db.dispose()
    assert list(tmp_path.glob("*.backup-*")) == []
    db = store.open_database(url)
    try:
        copies = list(tmp_path.glob("desk.backup-before-migration-from-*.sqlite3"))
        assert len(copies) == 1
        if os.name == "posix":
            assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
        with db.engine.connect() as conn:
            assert "registrations" in inspect(conn).get_table_names()
        with db.read() as s:
            assert store.verify_chain(s).ok and store.verify_chain(s).count == 0
    finally:
        db.dispose()


def test_fresh_database_has_an_empty_intact_chain(db):
    with db.read() as s:
        result = store.verify_chain(s)
    assert result.ok and result.count == 1  # the property set-up in the fixture


def test_upgrade_from_the_first_release_keeps_the_data(db_url, tmp_path: Path, clock):
    from tests.support.guests import guest_registration

    db = store.open_database(db_url)
    store.set_property(db, name="Inn", hotel_code="H1")
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    db = _reopen_from(db, db_url, "0001")
    try:
        assert store.get_report(db, ref.report_id).payload["guest"]["room"] == "301"
        with db.read() as s:
            assert store.verify_chain(s).ok
        if db.is_sqlite:
            assert len(list(tmp_path.glob("*.backup-before-migration-from-0001-*"))) == 1
    finally:
        db.dispose()


def test_upgrade_to_document_entry_method_keeps_the_data(db_url, tmp_path: Path, clock):
    """0003 -> 0004: existing documents get NULL entry method and reason; new ones keep theirs."""
    from dataclasses import replace

    from tests.support.guests import guest_registration

    db = store.open_database(db_url)
    store.set_property(db, name="Inn", hotel_code="H1")
    old = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    db = _reopen_from(db, db_url, "0003", absent_column=("documents", "entry_method"))
    try:
        detail = store.registration_detail(db, old.registration_id, actor="alice")
        assert detail.document["document_number"] == "ZE000509" and detail.stay["room"] == "301"
        assert (detail.document["entry_method"], detail.document["manual_reason"]) == (None, "")
        typed = replace(guest_registration(clock, room="302"), entry_method="manual", manual_reason="MRZ damaged")
        new = store.register_guest(db, typed, actor="alice", clock=clock)
        detail = store.registration_detail(db, new.registration_id, actor="alice")
        assert (detail.document["entry_method"], detail.document["manual_reason"]) == ("manual", "MRZ damaged")
        with db.read() as s:
            assert store.verify_chain(s).ok
        if db.is_sqlite:
            assert len(list(tmp_path.glob("*.backup-before-migration-from-0003-*"))) == 1
    finally:
        db.dispose()


def _reopen_from(
    db: store.Database, db_url: str, revision: str, *, absent_column: tuple[str, str] | None = None
) -> store.Database:
    """Take the database (with its data) back to `revision`, as an older release left it, then open it the
    way the app does (migrating to head) and check the schema is the models' again."""
    with db.engine.connect() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.commit()
        if absent_column is not None:
            table, column = absent_column
            assert column not in {c["name"] for c in inspect(conn).get_columns(table)}
    db.dispose()
    db = store.open_database(db_url)
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    return db
