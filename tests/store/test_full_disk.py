"""A full disk mid-registration: a clear error, nothing half-saved, the chain intact, and the desk carries on
once there is space again. SQLite's max_page_count makes the database "full" exactly as a full disk does
(SQLITE_FULL), without filling the machine's disk."""

from __future__ import annotations

from sqlalchemy import event, func, select

from hotel_desk import store
from hotel_desk.store.audit import verify_chain
from hotel_desk.store.models import AuditEvent, Registration, Report
from tests.support.guests import guest_registration


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one() for t in (Registration, Report, AuditEvent))


def test_full_disk_is_a_clear_error_and_loses_nothing(tmp_path, clock, capsys) -> None:
    import pytest

    db = store.open_database(f"sqlite:///{tmp_path / 'full.sqlite3'}")
    store.set_property(db, name="Garden Inn", hotel_code="310106A001", clock=clock)
    store.register_guest(db, guest_registration(clock, room="101"), actor="alice", clock=clock)
    with db.read() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar_one()

    def cap(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()  # new connections get the cap
    before = _counts(db)
    registration = guest_registration(clock, room="102")
    big_page = replace_page_image(registration, b"\xff\xd8\xff" + b"\xff" * 400_000)  # a (large) JPEG
    with pytest.raises(store.StorageFull) as exc:
        store.register_guest(db, big_page, actor="alice", clock=clock)
    assert "disk is full" in str(exc.value) and "nothing was saved" in str(exc.value)
    assert _counts(db) == before
    with db.read() as s:
        assert verify_chain(s).ok

    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    store.register_guest(db, big_page, actor="alice", clock=clock)
    assert _counts(db) == (before[0] + 1, before[1] + 1, before[2] + 1)
    with db.read() as s:
        assert verify_chain(s).ok
    db.dispose()


def replace_page_image(registration, image: bytes):
    from dataclasses import replace

    return replace(registration, page_image=image)
