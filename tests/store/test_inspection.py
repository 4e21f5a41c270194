"""The liaison's measures (per day and month: registrations, share within 24 h, late grades, corrections and
why, cancellations, hand-overs, counted events), the timeline with names, and the flagged differences."""

from __future__ import annotations

from datetime import timedelta

from hotel_desk import store
from hotel_desk.store.inspection import EVENT_MEASURES, measure
from hotel_desk.store.inspection_views import differences, timeline
from tests.support.guests import register_guest


def _ack(db, clock, report_id: str) -> None:
    store.mark_sending(db, report_id, worker="u", clock=clock, force=True)
    store.record_acknowledged(db, report_id, receipt_id=f"JA-{report_id[:4]}", raw_answer="{}", clock=clock)


def test_measures_per_day_and_month_follow_the_national_grades(db, clock):
    start = clock.now() - timedelta(days=1)
    on_time = register_guest(db, clock, room="101")
    late_2d = register_guest(db, clock, room="102", surname="KIM")
    late_9d = register_guest(db, clock, room="103", surname="TANAKA")
    faxed = register_guest(db, clock, room="104", surname="SILVA")
    _ack(db, clock, on_time.report_id)
    store.mark_handed_over(db, faxed.report_id, channel="fax", actor="alice", clock=clock)
    clock.advance(timedelta(hours=36))
    _ack(db, clock, late_2d.report_id)
    store.correct_registration(db, on_time.registration_id, {"room": "111"}, actor="alice", note="wrong room",
                               clock=clock)
    store.cancel_registration(db, late_2d.registration_id, actor="bob", note="duplicate", clock=clock)
    clock.advance(timedelta(days=8))
    _ack(db, clock, late_9d.report_id)
    result = measure(db, start, clock.now(), timezone="Asia/Shanghai", now=clock.now())
    total = result.total
    assert total.registrations == 4
    # 4 check-ins + a correction and a cancellation (both still unsent and overdue by now)
    assert total.reports == 6 and total.overdue_unreported == 2
    assert total.reported_in_time == 2  # one acknowledged, one faxed within the 24 hours
    assert total.late == {"1-2d": 1, "3-7d": 0, "8-14d": 1, ">=15d": 0}
    assert total.share_in_time == 2 / 6
    assert (total.corrections, total.cancellations, total.handed_over) == (1, 1, 1)
    assert "correction room: wrong room" in total.reasons and "cancellation duplicate" in total.reasons
    assert set(total.counts) == set(EVENT_MEASURES) and total.counts["suspected_errors"] == 0
    assert [m.period for m in result.months] == ["2026-11"] and len(result.days) == 2
    assert sum(d.registrations for d in result.days) == 4


def test_timeline_names_guests_and_staff_and_is_audited(db, clock):
    ref = register_guest(db, clock, actor="alice", room="1720", surname="DUBOIS")
    register_guest(db, clock, actor="bob", room="1721", surname="KIM")
    _ack(db, clock, ref.report_id)
    entries = timeline(db, actor="liaison", guest="dubois", clock=clock)
    assert {e.action for e in entries} >= {"registration.check_in", "report.acknowledged"}
    assert all(e.guest_name.startswith("DUBOIS") and e.room == "1720" for e in entries)
    assert [e.actor for e in timeline(db, actor="liaison", staff="bob", clock=clock)] == ["bob"]
    reads = store.audit_events(db, actor="liaison", action_prefix="personal_data.")
    assert reads and reads[0].entity_id == "inspection_timeline"


def test_differences_flag_a_silent_edit_apart_from_a_correction_on_its_way(db, clock):
    from tests.support.tamper import behind_the_guards

    a = register_guest(db, clock, room="1720", surname="DUBOIS")
    b = register_guest(db, clock, room="1721", surname="KIM")
    for ref in (a, b):
        _ack(db, clock, ref.report_id)
    store.correct_registration(db, b.registration_id, {"room": "1801"}, actor="alice", clock=clock)
    behind_the_guards(db, "UPDATE guests SET surname_en = 'DUPONT' WHERE id = :g", g=a.guest_id)
    found = {d.registration_id: d for d in differences(db, actor="liaison", clock=clock)}
    assert found[a.registration_id].status == "unreported" and found[a.registration_id].fields == ("surname_en",)
    assert found[a.registration_id].sent == {"surname_en": "DUBOIS"}
    assert found[b.registration_id].status == "waiting" and found[b.registration_id].fields == ("room",)
