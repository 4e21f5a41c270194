"""The outbox as the uploader uses it: earliest deadline first, leases, answers, hand-over, confirmation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel_desk import store
from hotel_desk.store.models import AuditEvent
from tests.support.guests import guest_registration, number_for


def _register(db, clock, room, hours_ago):
    reg = guest_registration(clock, room=room)
    reg = type(reg)(document=reg.document, stay=type(reg.stay)(room=room, arrival=clock.now() - timedelta(hours=hours_ago)))
    return store.register_guest(db, reg, actor="alice", clock=clock)


def test_claims_take_earliest_deadline_first_and_never_twice(db, clock):
    late = _register(db, clock, "101", hours_ago=2)
    early = _register(db, clock, "102", hours_ago=20)
    middle = _register(db, clock, "103", hours_ago=10)
    first = store.claim_due_reports(db, worker="up-1", limit=2, clock=clock)
    assert [r.report_id for r in first] == [early.report_id, middle.report_id]
    assert all(r.state == "sending" and r.claimed_by == "up-1" for r in first)
    second = store.claim_due_reports(db, worker="up-2", limit=5, clock=clock)
    assert [r.report_id for r in second] == [late.report_id]
    assert store.claim_due_reports(db, worker="up-3", clock=clock) == []
    # A vanished uploader's lease runs out and the report is due again.
    clock.advance(store.DEFAULT_LEASE + timedelta(seconds=1))
    again = store.claim_due_reports(db, worker="up-3", limit=5, clock=clock)
    assert {r.report_id for r in again} == {early.report_id, middle.report_id, late.report_id}


def test_attempt_results_move_the_report_and_keep_every_answer(db, clock):
    a = _register(db, clock, "201", 1)
    b = _register(db, clock, "202", 1)
    c = _register(db, clock, "203", 1)
    store.claim_due_reports(db, worker="up", clock=clock)
    ack = store.record_acknowledged(db, a.report_id, receipt_id="R-1", raw_answer='{"ok":true}', clock=clock)
    assert ack.state == "acknowledged" and ack.attempts == 1
    rej = store.record_rejected(db, b.report_id, errors=[store.FieldError("visa_number", "E12", "bad number")],
                                raw_answer="<refused/>", clock=clock)
    assert rej.state == "rejected"
    retry_at = clock.now() + timedelta(minutes=5)
    fail = store.record_transient_failure(db, c.report_id, error="connection refused",
                                          next_attempt_at=retry_at, clock=clock)
    assert fail.state == "failed_retrying" and fail.next_attempt_at == retry_at
    assert store.claim_due_reports(db, worker="up", clock=clock) == []
    clock.advance(timedelta(minutes=5))
    assert [r.report_id for r in store.claim_due_reports(db, worker="up", clock=clock)] == [c.report_id]
    store.record_acknowledged(db, c.report_id, receipt_id="R-3", raw_answer="ok", clock=clock)
    # A late duplicate acknowledgement is logged but changes nothing.
    store.record_acknowledged(db, a.report_id, receipt_id="R-1", raw_answer="again", clock=clock)
    views = store.reports_for_registration(db, a.registration_id)
    assert views[0].receipt_id == "R-1" and [x.raw_answer for x in views[0].attempt_log] == ['{"ok":true}', "again"]
    rejected = store.reports_for_registration(db, b.registration_id)[0]
    assert rejected.field_errors == [{"field": "visa_number", "code": "E12", "message": "bad number"}]
    pending = store.pending_reports(db, clock=clock)
    assert [(p.report_id, p.state) for p in pending] == [(b.report_id, "rejected")]
    # The desk fixes the rejected report with a correction: a new report, the rejected one stays as it was.
    fix = store.correct_registration(db, b.registration_id, {"visa_number": "E12345679"}, actor="alice", clock=clock)
    assert store.get_report(db, fix.report_id).corrects_report_id == b.report_id
    with pytest.raises(store.StateError):
        store.record_rejected(db, a.report_id, errors=[], raw_answer="", clock=clock)


def test_hand_over_by_fax_then_confirm(db, clock):
    ref = _register(db, clock, "301", 1)
    with pytest.raises(store.StoreError):
        store.mark_handed_over(db, ref.report_id, channel="pigeon", actor="alice", clock=clock)
    handed = store.mark_handed_over(db, ref.report_id, channel="fax", actor="alice", note="fax to JA-07",
                                    clock=clock)
    assert handed.state == "handed_over"
    assert store.claim_due_reports(db, worker="up", clock=clock) == []
    assert [p.state for p in store.pending_reports(db, clock=clock)] == ["handed_over"]
    with pytest.raises(store.StoreError):
        store.confirm_report(db, ref.report_id, receipt_number=" ", actor="alice", clock=clock)
    done = store.confirm_report(db, ref.report_id, receipt_number="JA07-2026-0042", actor="alice", clock=clock)
    assert done.state == "confirmed"
    assert store.pending_reports(db, clock=clock) == []
    summary = store.outbox_summary(db, clock=clock, include_settled=True)
    assert summary["by_state"]["confirmed"] == 1 and summary["open"] == 0
    assert "confirmed" not in store.outbox_summary(db, clock=clock)["by_state"]


def test_mark_sending_single_report(db, clock):
    ref = _register(db, clock, "401", 1)
    got = store.mark_sending(db, ref.report_id, worker="desk-ui", clock=clock)
    assert got.state == "sending" and got.payload["report_id"] == ref.report_id
    with pytest.raises(store.StateError):
        store.mark_sending(db, ref.report_id, worker="other", clock=clock)
    store.record_transient_failure(db, ref.report_id, error="timeout",
                                   next_attempt_at=clock.now() + timedelta(hours=1), clock=clock)
    with pytest.raises(store.StateError):
        store.mark_sending(db, ref.report_id, worker="desk-ui", clock=clock)
    assert store.mark_sending(db, ref.report_id, worker="desk-ui", clock=clock, force=True).state == "sending"


def test_overdue_reports_show_negative_time_left(db, clock):
    ref = _register(db, clock, "501", hours_ago=30)
    pending = store.pending_reports(db, clock=clock)
    assert pending[0].report_id == ref.report_id and pending[0].overdue
    assert store.outbox_summary(db, clock=clock)["overdue"] == 1


def test_personal_data_reads_are_audited(db, clock):
    ref = _register(db, clock, "601", 1)
    _register(db, clock, "602", 1)
    found = store.guests_in_house(db, actor="bob", search="601", clock=clock)
    assert [g.room for g in found] == ["601"] and found[0].display_name == "MARTIN, SARAH"
    assert len(store.guests_in_house(db, actor="bob", search="martin", clock=clock)) == 2
    detail = store.registration_detail(db, ref.registration_id, actor="bob", purpose="police query", clock=clock)
    assert detail.document["document_number"] == number_for("601") and detail.reports[0].kind == "check_in"
    store.report_payload(db, ref.report_id, actor="bob", purpose="what did we send", clock=clock)
    named = store.pending_reports(db, include_names=True, actor="bob", clock=clock)
    assert named[0].guest_name == "MARTIN, SARAH"
    with pytest.raises(store.StoreError):
        store.guests_in_house(db, actor="", clock=clock)
    with db.read() as s:
        reads = s.execute(
            select(AuditEvent.action, AuditEvent.actor).where(AuditEvent.action.like("personal_data.%"))
        ).all()
    assert len(reads) == 5 and all(actor == "bob" for _, actor in reads)
    store.check_out(db, ref.registration_id, actor="bob", clock=clock)
    assert [g.room for g in store.guests_in_house(db, actor="bob", clock=clock)] == ["602"]


def test_report_history_lists_every_report_with_guest_state_and_receipt(db, clock):
    early = _register(db, clock, "701", hours_ago=30)
    clock.advance(timedelta(hours=2))
    other = store.register_guest(db, guest_registration(clock, room="702", surname="OKAFOR", given="CHIDI",
                                                        number="A1234567"), actor="alice", clock=clock)
    store.claim_due_reports(db, worker="up", clock=clock)
    store.record_acknowledged(db, early.report_id, receipt_id="TRN-0042", raw_answer="{}", clock=clock)
    store.record_rejected(db, other.report_id, errors=[store.FieldError("visa_number", "E12", "bad number")],
                          raw_answer="{}", clock=clock)
    clock.advance(timedelta(minutes=5))
    out = store.check_out(db, early.registration_id, actor="alice", clock=clock)

    history = store.report_history(db, actor="bob", clock=clock)
    # Newest event first: the check-out (now), the second check-in (1 h ago), the first (30 h before it).
    assert [h.report_id for h in history] == [out.report_id, other.report_id, early.report_id]
    by_id = {h.report_id: h for h in history}
    first = by_id[early.report_id]
    assert (first.kind, first.state, first.room, first.guest_name, first.receipt_id) == (
        "check_in", "acknowledged", "701", "MARTIN, SARAH", "TRN-0042")
    assert not first.open and first.deadline_at == first.event_time + store.REPORT_WINDOW
    refused = by_id[other.report_id]
    assert refused.open and refused.state == "rejected" and refused.guest_name == "OKAFOR, CHIDI"
    assert refused.field_errors == [{"field": "visa_number", "code": "E12", "message": "bad number"}]
    assert by_id[out.report_id].corrects_report_id == early.report_id
    assert by_id[out.report_id].time_left(clock.now()) == store.REPORT_WINDOW

    # Time window (since <= event time < until), search, states, limit.
    window = store.report_history(db, actor="bob", since=clock.now() - timedelta(hours=3), until=clock.now(),
                                  clock=clock)
    assert [h.report_id for h in window] == [other.report_id]
    for term, expected in (("okafor", {other.report_id}), ("701", {early.report_id, out.report_id}),
                           ("trn-0042", {early.report_id}), ("a1234567", {other.report_id}),
                           (other.report_id[:8], {other.report_id}), ("nobody", set())):
        assert {h.report_id for h in store.report_history(db, actor="bob", search=term, clock=clock)} == expected
    assert [h.report_id for h in store.report_history(db, actor="bob", states=["rejected", "queued"],
                                                      clock=clock)] == [out.report_id, other.report_id]
    assert len(store.report_history(db, actor="bob", limit=1, clock=clock)) == 1

    # Names are personal data: the listing needs the desk user and is audited.
    with pytest.raises(store.StoreError):
        store.report_history(db, actor="", clock=clock)
    listed = store.audit_events(db, actor="bob", action_prefix="personal_data.")
    assert len(listed) == 10 and all(e.entity_id == "report_history" for e in listed)
    assert listed[0].details["count"] == 1
