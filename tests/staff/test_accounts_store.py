"""Staff accounts in the store (SQLite and PostgreSQL): hashes only, every change and every sign-in outcome
audited, the lockout after repeated failures, and never an installation without a manager."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hotel_desk import store
from hotel_desk.clock import ManualClock
from hotel_desk.rules.roles import LOCKOUT, MAX_FAILED_SIGN_INS, NOT_SIGNED_IN, Role

VIA = {"via": "test", "desk": "desk-1"}


def test_first_manager_then_accounts_by_a_manager(db: store.Database, clock: ManualClock) -> None:
    assert store.staff_account_count(db) == 0
    store.create_staff_account(db, username="Wang", role=Role.MANAGER, password_hash="$argon2id$x", actor="Wang",
                               first=True, clock=clock)
    with pytest.raises(store.AccountsExist):
        store.create_staff_account(db, username="li", role=Role.MANAGER, password_hash="$h", actor="li", first=True,
                                   clock=clock)
    made = store.create_staff_account(db, username="li", role=Role.RECEPTIONIST, password_hash="$h2", actor="Wang",
                                      display_name="Li Na", clock=clock)
    assert made.created_by == "Wang" and made.display_name == "Li Na" and made.is_account
    with pytest.raises(store.AccountExists):  # names are matched without regard to case
        store.create_staff_account(db, username="WANG", role=Role.LIAISON, password_hash="$h", actor="Wang",
                                   clock=clock)
    assert [a.username for a in store.staff_accounts(db)] == ["Wang", "li"]
    assert store.staff_account(db, "wang").username == "Wang"
    assert store.sign_in_record(db, "LI").password_hash == "$h2"
    assert "$h2" not in repr(store.sign_in_record(db, "li"))
    events = store.audit_events(db, action_prefix="account.")
    assert [(e.actor, e.details["username"], e.details["role"]) for e in reversed(events)] == [
        ("Wang", "Wang", "manager"), ("Wang", "li", "receptionist")]
    assert all("$h" not in str(e.details) for e in events)


def test_a_name_from_before_accounts_becomes_the_account(db: store.Database, clock: ManualClock) -> None:
    store.ensure_desk_user(db, "alice", clock=clock)  # how earlier releases named actors
    assert store.staff_account_count(db) == 0 and store.staff_account(db, "alice") is None
    store.create_staff_account(db, username="alice", role=Role.MANAGER, password_hash="$h", actor="alice",
                               first=True, clock=clock)
    assert store.staff_account(db, "alice").role == "manager"


def test_never_without_an_active_manager(db: store.Database, clock: ManualClock) -> None:
    store.create_staff_account(db, username="boss", role=Role.MANAGER, password_hash="$h", actor="boss", first=True,
                               clock=clock)
    store.create_staff_account(db, username="wang", role=Role.RECEPTIONIST, password_hash="$h", actor="boss",
                               clock=clock)
    with pytest.raises(store.LastManager):
        store.set_staff_active(db, "boss", False, actor="boss", clock=clock)
    with pytest.raises(store.LastManager):
        store.set_staff_role(db, "boss", Role.RECEPTIONIST, actor="boss", clock=clock)
    store.set_staff_role(db, "wang", Role.MANAGER, actor="boss", clock=clock)
    store.set_staff_active(db, "boss", False, actor="wang", clock=clock)
    assert not store.staff_account(db, "boss").active
    with pytest.raises(store.NotFound):
        store.set_staff_active(db, "nobody", False, actor="wang", clock=clock)
    role_change = store.audit_events(db, action_prefix="account.role_changed")[0]
    assert role_change.actor == "boss" and role_change.details == {"username": "wang", "from": "receptionist",
                                                                   "to": "manager"}


def test_failed_sign_ins_lock_the_account(db: store.Database, clock: ManualClock) -> None:
    store.create_staff_account(db, username="wang", role=Role.RECEPTIONIST, password_hash="$h", actor="wang",
                               clock=clock)
    for attempt in range(1, MAX_FAILED_SIGN_INS):
        assert store.record_failed_sign_in(db, "wang", reason="wrong_password", via=VIA, clock=clock) is None
        assert store.staff_account(db, "wang").failed_sign_ins == attempt
    until = store.record_failed_sign_in(db, "wang", reason="wrong_password", via=VIA, clock=clock)
    assert until == clock.now() + LOCKOUT and store.staff_account(db, "wang").locked_at(clock.now())
    locked = store.audit_events(db, action_prefix="account.locked")[0]
    assert locked.actor == NOT_SIGNED_IN and locked.details["failed_in_a_row"] == MAX_FAILED_SIGN_INS
    # A try while locked is on file but does not extend the lock.
    assert store.record_failed_sign_in(db, "wang", reason="locked", via=VIA, count=False, clock=clock) == until
    clock.advance(LOCKOUT + timedelta(seconds=1))
    assert not store.staff_account(db, "wang").locked_at(clock.now())
    store.record_sign_in(db, "wang", via=VIA, clock=clock)
    account = store.staff_account(db, "wang")
    assert account.failed_sign_ins == 0 and account.locked_until is None and account.last_sign_in_at == clock.now()
    failures = store.audit_events(db, action_prefix="session.sign_in_failed")
    assert len(failures) == MAX_FAILED_SIGN_INS + 1
    assert {e.actor for e in failures} == {NOT_SIGNED_IN}
    assert store.audit_events(db, action_prefix="session.signed_in")[0].actor == "wang"


def test_a_name_that_is_no_account_is_not_written_down(db: store.Database, clock: ManualClock) -> None:
    # Someone typed their password into the name field: the trail must not keep it.
    assert store.record_failed_sign_in(db, "hunter2-secret", reason="unknown_name", via=VIA, clock=clock) is None
    [event] = store.audit_events(db, action_prefix="session.sign_in_failed")
    assert event.entity_id == "(unknown)" and "hunter2" not in str(event.details)


def test_a_reset_ends_a_lockout(db: store.Database, clock: ManualClock) -> None:
    store.create_staff_account(db, username="wang", role=Role.RECEPTIONIST, password_hash="$old", actor="boss",
                               clock=clock)
    for _ in range(MAX_FAILED_SIGN_INS):
        store.record_failed_sign_in(db, "wang", reason="wrong_password", via=VIA, clock=clock)
    store.set_staff_password(db, "wang", "$new", actor="boss", clock=clock)
    assert store.sign_in_record(db, "wang").password_hash == "$new"
    assert not store.staff_account(db, "wang").locked_at(clock.now())
    reset = store.audit_events(db, action_prefix="account.password_reset")[0]
    assert reset.actor == "boss" and "$new" not in str(reset.details)


def test_migration_0006_keeps_the_names_of_earlier_releases(db: store.Database, db_url: str,
                                                             clock: ManualClock) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from hotel_desk.store.migrate import alembic_config, head_revision
    from hotel_desk.store.models import Base

    store.ensure_desk_user(db, "cli:root", clock=clock)
    with db.engine.connect() as conn:  # back to the schema of the release before accounts
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
        conn.commit()
        assert "password_hash" not in {c["name"] for c in inspect(conn).get_columns("desk_users")}
    db.dispose()
    reopened = store.open_database(db_url)
    try:
        with reopened.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        # The old name is still there, as a name: no account, so a fresh installation's set-up still applies.
        assert store.staff_account_count(reopened) == 0
        store.create_staff_account(reopened, username="boss", role=Role.MANAGER, password_hash="$h", actor="boss",
                                   first=True, clock=clock)
        assert store.staff_account(reopened, "boss").failed_sign_ins == 0
    finally:
        reopened.dispose()
