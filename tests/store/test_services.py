"""Desk actions: each writes the registration change, its report and its audit event in one transaction;
payloads are immutable; audit rows cannot be updated or deleted."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from hotel_desk import store
from hotel_desk.store.audit import sha256_hex
from hotel_desk.store.models import AuditEvent, Guest, Registration, Report
from tests.support.guests import guest_registration

BRIEF_GUEST_KEYS = {
    "surname_en", "given_names_en", "chinese_name", "sex", "birth_date", "nationality", "document_type",
    "document_number", "document_expiry", "visa_type", "visa_number", "stay_until", "entry_date",
    "port_of_entry", "check_in_time", "room", "planned_departure", "check_out_time", "came_from", "going_to",
    "reason", "document_photo_sha256",
}


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.execute(select(func.count()).select_from(Registration)).scalar_one(),
            s.execute(select(func.count()).select_from(Report)).scalar_one(),
            s.execute(select(func.count()).select_from(AuditEvent)).scalar_one(),
        )


def test_register_writes_registration_report_and_audit_event_together(db, clock):
    before = _counts(db)
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    assert _counts(db) == (before[0] + 1, before[1] + 1, before[2] + 1)
    with db.read() as s:
        report = s.get(Report, ref.report_id)
        event = s.get(AuditEvent, report.audit_seq)
    payload = json.loads(report.payload)
    assert set(payload) == {"report_id", "kind", "registration_id", "corrects_report_id", "event_time",
                            "deadline_at", "hotel_code", "substation_code", "guest"}
    assert set(payload["guest"]) == BRIEF_GUEST_KEYS
    assert payload["kind"] == "check_in" and payload["report_id"] == ref.report_id
    assert payload["hotel_code"] == "310106A001" and payload["substation_code"] == "JA-07"
    assert payload["guest"]["surname_en"] == "MARTIN" and payload["guest"]["visa_type"] == "L"
    assert payload["guest"]["check_in_time"] == "2026-11-20T15:00:00+08:00"
    assert report.deadline_at - report.event_time == timedelta(hours=24)
    assert report.deadline_at == clock.now() - timedelta(hours=1) + timedelta(hours=24)
    assert report.state == "queued"
    # The audit event ties the exact payload into the chain.
    details = json.loads(event.body)["details"]
    assert details["payload_sha256"] == report.payload_sha256 == sha256_hex(report.payload)
    assert event.action == "registration.check_in" and event.actor == "alice"


def test_a_failure_mid_action_leaves_nothing_behind(db, clock):
    """The report row is the last write of a registration; make the database fail exactly there."""
    from sqlalchemy import event

    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    before = _counts(db)

    def fail_on_report_insert(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith(("INSERT INTO REPORTS", "UPDATE REGISTRATIONS")):
            raise RuntimeError("disk on fire")

    event.listen(db.engine, "before_cursor_execute", fail_on_report_insert)
    try:
        with pytest.raises(RuntimeError):
            store.register_guest(db, guest_registration(clock, room="302"), actor="alice", clock=clock)
        with pytest.raises(RuntimeError):
            store.check_out(db, ref.registration_id, actor="alice", clock=clock)
    finally:
        event.remove(db.engine, "before_cursor_execute", fail_on_report_insert)
    assert _counts(db) == before
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Guest)).scalar_one() == 1
        assert s.get(Registration, ref.registration_id).status == "in_house"
        assert store.verify_chain(s).ok


def test_invalid_registration_is_refused_and_nothing_written(db, clock):
    before = _counts(db)
    bad = guest_registration(clock, room="  ")
    with pytest.raises(store.InvalidRegistration, match="room"):
        store.register_guest(db, bad, actor="alice", clock=clock)
    with pytest.raises(store.StoreError, match="actor"):
        store.register_guest(db, guest_registration(clock), actor="", clock=clock)
    assert _counts(db) == before


def test_entry_method_and_manual_reason_are_kept_with_the_document(db, clock):
    from dataclasses import replace

    typed = replace(guest_registration(clock, room="120"), entry_method="manual",
                    manual_reason="  The document has no machine-readable zone ")
    ref = store.register_guest(db, typed, actor="alice", clock=clock)
    scanned = store.register_guest(db, replace(guest_registration(clock, room="121"), entry_method="scanner"),
                                   actor="alice", clock=clock)
    unknown = store.register_guest(db, guest_registration(clock, room="122"), actor="alice", clock=clock)
    seen = {}
    for r in (ref, scanned, unknown):
        doc = store.registration_detail(db, r.registration_id, actor="bob", clock=clock).document
        event = store.audit_events(db, entity_id=r.registration_id, action_prefix="registration.check_in")[0]
        assert (event.details["entry_method"], event.details["manual_reason"] or "") == (
            doc["entry_method"], doc["manual_reason"])
        seen[r.registration_id] = (doc["entry_method"], doc["manual_reason"])
    assert seen == {
        ref.registration_id: ("manual", "The document has no machine-readable zone"),
        scanned.registration_id: ("scanner", ""),
        unknown.registration_id: (None, ""),
    }
    before = _counts(db)
    with pytest.raises(store.InvalidRegistration, match="entry method"):
        store.register_guest(db, replace(guest_registration(clock), entry_method="fax"), actor="alice", clock=clock)
    with pytest.raises(store.InvalidRegistration, match="longer than 200"):
        store.register_guest(db, replace(guest_registration(clock), entry_method="manual", manual_reason="x" * 201),
                             actor="alice", clock=clock)
    assert _counts(db) == before


def test_check_out_correct_cancel_each_make_a_new_report(db, clock):
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    clock.advance(timedelta(hours=2))
    fix = store.correct_registration(db, ref.registration_id, {"room": "302", "surname_en": "MARTINEZ"},
                                     actor="bob", note="police list item 4", clock=clock)
    assert fix.kind == "correction" and fix.deadline_at == clock.now() + timedelta(hours=24)
    clock.advance(timedelta(days=1))
    out = store.check_out(db, ref.registration_id, actor="bob", clock=clock)
    views = store.reports_for_registration(db, ref.registration_id)
    assert [v.kind for v in views] == ["check_in", "correction", "check_out"]
    assert views[1].corrects_report_id == ref.report_id
    assert views[2].corrects_report_id == ref.report_id
    check_in = store.get_report(db, ref.report_id).payload
    correction = store.get_report(db, fix.report_id).payload
    checkout = store.get_report(db, out.report_id).payload
    # The first snapshot is untouched: a change is a new report, never an edit.
    assert check_in["guest"]["room"] == "301" and check_in["guest"]["surname_en"] == "MARTIN"
    assert correction["guest"]["room"] == "302" and correction["guest"]["surname_en"] == "MARTINEZ"
    assert checkout["guest"]["check_out_time"] is not None
    with pytest.raises(store.StateError):
        store.check_out(db, ref.registration_id, actor="bob", clock=clock)
    cancel = store.cancel_registration(db, ref.registration_id, actor="bob", note="duplicate", clock=clock)
    assert cancel.kind == "cancellation"
    assert store.get_report(db, cancel.report_id).payload["corrects_report_id"] == fix.report_id
    with pytest.raises(store.StateError):
        store.correct_registration(db, ref.registration_id, {"room": "1"}, actor="bob", clock=clock)
    with pytest.raises(store.InvalidRegistration):
        store.correct_registration(db, ref.registration_id, {"hotel_code": "X"}, actor="bob", clock=clock)
    with db.read() as s:
        assert store.verify_chain(s).ok


def test_database_refuses_edits_of_payloads_and_audit_rows(db, clock):
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    statements = [
        ("UPDATE reports SET payload = '{}' WHERE id = :id", {"id": ref.report_id}),
        ("UPDATE reports SET deadline_at = event_time WHERE id = :id", {"id": ref.report_id}),
        ("DELETE FROM reports WHERE id = :id", {"id": ref.report_id}),
        ("UPDATE audit_events SET actor = 'mallory' WHERE seq = :seq", {"seq": ref.audit_seq}),
        ("DELETE FROM audit_events WHERE seq = :seq", {"seq": ref.audit_seq}),
    ]
    for sql, params in statements:
        with pytest.raises(DBAPIError, match="hotel_desk"), db.write() as s:
            s.execute(text(sql), params)
    if db.is_postgresql:
        with pytest.raises(DBAPIError, match="hotel_desk"), db.write() as s:
            s.execute(text("TRUNCATE audit_events CASCADE"))
    # State changes of the outbox are allowed: only what was (or will be) sent is frozen.
    with db.write() as s:
        s.execute(text("UPDATE reports SET attempts = 3 WHERE id = :id"), {"id": ref.report_id})
    with db.read() as s:
        assert store.verify_chain(s).ok


def test_property_and_desk_user_changes_are_audited(db, clock):
    store.set_property(db, name="Garden Inn", hotel_code="310106A002", authorisation_code="new",
                       substation_code="JA-07", clock=clock, actor="manager")
    uid = store.ensure_desk_user(db, "alice", display_name="Alice Wang", clock=clock)
    assert store.ensure_desk_user(db, "alice", clock=clock) == uid
    with db.read() as s:
        events = s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
    actions = [e.action for e in events]
    assert actions.count("property.set") == 2 and actions.count("desk_user.set") == 1
    assert "new" not in events[1].body  # the authorisation code itself is never written to the trail
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    assert store.get_report(db, ref.report_id).payload["hotel_code"] == "310106A002"


def test_register_many_is_one_transaction_with_one_chain_link_per_guest(db, clock):
    regs = [guest_registration(clock, room=str(700 + i), number=f"N{i:07d}") for i in range(5)]
    with db.write() as session:
        refs = store.register_many(session, regs, actor="import", now=clock.now())
    assert len({r.audit_seq for r in refs}) == 5
    assert [r.audit_seq for r in refs] == sorted(r.audit_seq for r in refs)
    for ref, reg in zip(refs, regs, strict=True):
        payload = store.get_report(db, ref.report_id).payload
        assert payload["guest"]["room"] == reg.stay.room and payload["registration_id"] == ref.registration_id
    # One bad guest refuses the whole import: nothing of it is written.
    before = _counts(db)
    bad = [*regs[:2], guest_registration(clock, room="")]
    with pytest.raises(store.InvalidRegistration), db.write() as session:
        store.register_many(session, bad, actor="import", now=clock.now())
    assert _counts(db) == before
    with db.read() as s:
        assert store.verify_chain(s).ok


def test_audit_view_filters_newest_first(db, clock):
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    clock.advance(timedelta(hours=1))
    store.registration_detail(db, ref.registration_id, actor="bob", purpose="check", clock=clock)
    newest = store.audit_events(db)
    assert [e.action for e in newest][:2] == ["personal_data.read", "registration.check_in"]
    assert [e.actor for e in store.audit_events(db, action_prefix="personal_data.")] == ["bob"]
    assert len(store.audit_events(db, entity_id=ref.registration_id)) == 2
    assert store.audit_events(db, start=clock.now(), end=clock.now() + timedelta(seconds=1))[0].actor == "bob"
    assert store.audit_events(db, actor="alice")[0].details["report_id"] == ref.report_id
    assert store.audit_events(db, before_seq=newest[0].seq, limit=1)[0].seq == newest[1].seq
