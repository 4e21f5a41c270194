"""Closing stays in the store, on SQLite and PostgreSQL: who is overdue (the property's zone and check-out time
decide, on an injected clock across a day boundary), check-out at an actual time (validated by the one rule),
several guests checked out in one transaction, and the daily nil report queued once per day."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from hotel_desk import store
from hotel_desk.clock import ManualClock
from hotel_desk.store.audit import AuditAction
from hotel_desk.store.models import AuditEvent, NilReportDay, Report
from tests.support.workflows import register

#: 09:00 in Shanghai on 2026-11-20 (01:00 UTC): every moment below derives from it.
MORNING = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


@pytest.fixture
def morning(clock: ManualClock) -> ManualClock:
    clock.set(MORNING)
    return clock


def _shanghai(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return MORNING + timedelta(days=day_offset, hours=hour - 9, minutes=minute)


def test_overdue_after_the_check_out_time_on_the_departure_day(db, morning):
    today = _shanghai(0, 9).date()
    due_today = register(db, morning, number="A1", room="101", departure=today)
    due_yesterday = register(db, morning, number="A2", room="102", departure=today - timedelta(days=1),
                             arrival=MORNING - timedelta(days=2))
    register(db, morning, number="A3", room="103", departure=today + timedelta(days=1))
    assert [s.room for s in store.overdue_stays(db, actor="alice", clock=morning)] == ["102"]
    morning.set(_shanghai(0, 11, 59))
    assert store.overdue_count(db, clock=morning) == 1
    morning.set(_shanghai(0, 12, 0))  # noon: today's departures are now overdue too
    stays = store.overdue_stays(db, actor="alice", clock=morning)
    assert [(s.room, s.days_over) for s in stays] == [("102", 1), ("101", 0)]
    assert stays[1].due_out_at == _shanghai(0, 12) and stays[1].registration_id == due_today.registration_id
    # A property with its own check-out hour.
    morning.set(_shanghai(0, 10, 30))
    assert store.overdue_count(db, clock=morning, checkout_time=time(10)) == 2
    # Across midnight (Shanghai): 103, due out on the 21st, is not overdue before noon of the 21st.
    morning.set(_shanghai(1, 0, 30))
    assert [s.room for s in store.overdue_stays(db, actor="alice", clock=morning)] == ["102", "101"]
    store.check_out(db, due_yesterday.registration_id, actor="alice", clock=morning)
    assert store.overdue_count(db, clock=morning) == 1
    with db.read() as s:
        listed = s.execute(select(AuditEvent).where(AuditEvent.entity_id == "overdue_stays")).scalars().all()
    assert len(listed) == 3 and all(e.action == AuditAction.PERSONAL_DATA_LIST for e in listed)


def test_the_propertys_zone_decides_the_day(db, morning):
    # 09:00 on the 20th in Shanghai is 20:00 on the 19th in New York: the same moment, another day.
    register(db, morning, number="B1", room="201", departure=_shanghai(0, 9).date() - timedelta(days=1),
             arrival=MORNING - timedelta(days=2))
    assert store.overdue_count(db, clock=morning) == 1
    store.set_property(db, name="Garden Inn", hotel_code="310106A001", substation_code="JA-07",
                       timezone="America/New_York", clock=morning)
    assert store.overdue_count(db, clock=morning) == 1  # the 19th, 20:00: past noon of the 19th
    morning.set(MORNING - timedelta(hours=10))  # 05:00 on the 19th in New York: not yet noon of the 19th
    assert store.overdue_count(db, clock=morning) == 0


def test_check_out_at_an_actual_time_checked_by_the_one_rule(db, morning):
    ref = register(db, morning, number="C1")
    arrival = MORNING - timedelta(hours=1)
    with pytest.raises(store.StoreError, match="before the arrival"):
        store.check_out(db, ref.registration_id, actor="alice", clock=morning, at=arrival - timedelta(minutes=5))
    with pytest.raises(store.StoreError, match="in the future"):
        store.check_out(db, ref.registration_id, actor="alice", clock=morning, at=MORNING + timedelta(hours=1))
    left = arrival + timedelta(minutes=40)
    out = store.check_out(db, ref.registration_id, actor="alice", clock=morning, at=left)
    report = store.get_report(db, out.report_id)
    assert report.event_time == left and report.deadline_at == left + timedelta(hours=24)
    assert report.payload["guest"]["check_out_time"] == "2026-11-20T08:40:00+08:00"


def test_several_guests_check_out_in_one_transaction_or_none(db, morning):
    refs = [register(db, morning, number=f"G{n}", room=f"40{n}") for n in range(3)]
    store.check_out(db, refs[2].registration_id, actor="alice", clock=morning)
    with pytest.raises(store.StateError, match="not in house"):
        store.check_out_many(db, [r.registration_id for r in refs], actor="alice", clock=morning)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Report).where(Report.kind == "check_out")).scalar_one() == 1
    done = store.check_out_many(db, [r.registration_id for r in refs[:2]], actor="bob", clock=morning)
    assert [d.kind for d in done] == ["check_out", "check_out"]
    assert store.overdue_count(db, clock=morning) == 0


def _nil_days(db):
    with db.read() as s:
        return sorted(s.execute(select(NilReportDay.day)).scalars())


def test_a_nil_report_for_each_finished_day_without_check_ins_once(db, morning):
    day0 = _shanghai(0, 9).date()  # the property was set up today (the fixture): nothing before it
    assert store.queue_nil_reports(db, actor="alice", clock=morning) == []
    register(db, morning, number="N1")  # a check-in today
    morning.set(_shanghai(3, 0, 5))  # three days later, just after midnight
    queued = store.queue_nil_reports(db, actor="desk", clock=morning)
    assert [q.day for q in queued] == [day0 + timedelta(days=1), day0 + timedelta(days=2)]
    assert store.queue_nil_reports(db, actor="desk", clock=morning) == []  # idempotent per day
    report = store.get_report(db, queued[0].report_id)
    assert report.kind == "nil" and report.registration_id is None
    assert report.payload["report_date"] == (day0 + timedelta(days=1)).isoformat() and report.payload["guest"] is None
    # Due 24 hours after the day ends (its local midnight).
    assert report.event_time == _shanghai(2, 0) and report.deadline_at == _shanghai(3, 0)
    [event, _] = [e for e in _events(db) if e.action == AuditAction.NIL_REPORT]
    assert event.entity_type == "property" and queued[0].report_id in event.body
    with db.read() as s:
        assert store.verify_chain(s).ok
    assert store.check_audit_trail(db).ok
    assert _nil_days(db) == [day0 + timedelta(days=1), day0 + timedelta(days=2)]


def test_a_cancelled_check_in_is_no_check_in_and_catch_up_is_bounded(db, morning):
    day0 = _shanghai(0, 9).date()
    ref = register(db, morning, number="N2")
    store.cancel_registration(db, ref.registration_id, actor="alice", note="wrong guest", clock=morning)
    morning.set(_shanghai(30, 9))
    queued = store.queue_nil_reports(db, actor="desk", clock=morning, catch_up_days=7)
    assert [q.day for q in queued] == [day0 + timedelta(days=n) for n in range(23, 30)]
    # The day of the cancelled check-in itself was beyond the catch-up; asked on the next day, it is reported.
    morning.set(_shanghai(1, 9))
    assert [q.day for q in store.queue_nil_reports(db, actor="desk", clock=morning)] == [day0]
    assert len(_nil_days(db)) == 8


def _events(db):
    with db.read() as s:
        return list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
