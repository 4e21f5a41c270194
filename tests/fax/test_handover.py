"""Hand-over bookkeeping against a real store: a report is handed over only after a confirmed fax or a
named in-person hand-over; a failed fax leaves it exactly as it was, with the attempt in the audit trail."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hotel_desk.fax.handover import FAX_FAILED, fax_report, hand_over_in_person, write_form
from hotel_desk.fax.modem import LineBusy, NoCarrier, RemoteHungUp, Timeouts
from hotel_desk.store import (
    StateError,
    audit_events,
    confirm_report,
    get_report,
    record_acknowledged,
    reports_for_registration,
    verify_chain,
)

QUICK = Timeouts(command=0.5, dial=3, connect=3, page_write=30, page_end=3, hangup=0.5)


def _fax(db: Any, clock: Any, report_id: str, modem: Any) -> Any:
    return fax_report(db, report_id, port=modem.port, number="021 5555 0110", actor="alice", flow="none",
                      timeouts=QUICK, clock=clock)


def _actions(db: Any, report_id: str) -> list[str]:
    return [e.action for e in audit_events(db, entity_id=report_id)]


def _chain_ok(db: Any) -> None:
    with db.read() as session:
        assert verify_chain(session).broken is None


def test_fax_success_hands_over_then_confirm(db: Any, clock: Any, report_id: str, modem_factory: Any) -> None:
    modem = modem_factory("success")
    outcome = _fax(db, clock, report_id, modem)
    assert outcome.marked_handed_over
    assert outcome.report.state == "handed_over" and outcome.report.channel == "fax"
    assert len(modem.pages) == 1
    events = audit_events(db, entity_id=report_id)
    handed = next(e for e in events if e.action == "report.handed_over")
    assert handed.details["channel"] == "fax"
    assert "+FHS:00" in json.dumps(handed.details)  # the modem's result is in the audit event
    # Drawing the form is an audited read of personal data.
    assert any(e.action == "personal_data.read" and e.details.get("what") == "registration form" for e in events)
    log = reports_for_registration(db, get_report(db, report_id).registration_id)[0].attempt_log
    assert log[-1].outcome == "handed_over" and log[-1].channel == "fax"
    assert log[-1].error is not None
    assert "+FHS:00" in log[-1].error and "1 page(s) confirmed" in log[-1].error
    # The police's receipt settles it, as for any hand-over.
    confirmed = confirm_report(db, report_id, receipt_number="JA-2026-0042", actor="alice", clock=clock)
    assert confirmed.state == "confirmed"
    _chain_ok(db)


@pytest.mark.parametrize(("scenario", "error"), [
    ("busy", LineBusy), ("no_carrier", NoCarrier), ("hangup_mid_page", RemoteHungUp),
])
def test_failed_fax_leaves_the_report_unchanged(db: Any, clock: Any, report_id: str, modem_factory: Any,
                                                scenario: str, error: type) -> None:
    before = get_report(db, report_id)
    with pytest.raises(error):
        _fax(db, clock, report_id, modem_factory(scenario))
    after = get_report(db, report_id)
    assert (after.state, after.attempts, after.channel, after.next_attempt_at) == (
        before.state, before.attempts, before.channel, before.next_attempt_at)
    failed = [e for e in audit_events(db, entity_id=report_id) if e.action == FAX_FAILED]
    assert len(failed) == 1
    assert failed[0].details["error"] == error.code
    assert failed[0].details["number"] == "02155550110"
    _chain_ok(db)


def test_fax_refused_for_a_report_already_handed_over(db: Any, clock: Any, report_id: str,
                                                      modem_factory: Any) -> None:
    hand_over_in_person(db, report_id, received_by="Officer Wang (No. 0731)", actor="alice", clock=clock)
    modem = modem_factory("success")
    with pytest.raises(StateError, match="reports confirm"):
        _fax(db, clock, report_id, modem)
    assert modem.commands == []  # never dialled


def test_fax_refused_for_an_acknowledged_report(db: Any, clock: Any, report_id: str, modem_factory: Any) -> None:
    record_acknowledged(db, report_id, receipt_id="R-1", raw_answer="{}", clock=clock)
    with pytest.raises(StateError, match="already filed"):
        _fax(db, clock, report_id, modem_factory("success"))


def test_in_person_hand_over_records_who_received_it(db: Any, clock: Any, report_id: str) -> None:
    report = hand_over_in_person(db, report_id, received_by="  Officer  Wang ", note="home visit",
                                 actor="alice", clock=clock)
    assert report.state == "handed_over" and report.channel == "manual"
    note = "handed over in person to Officer Wang; home visit"
    event = next(e for e in audit_events(db, entity_id=report_id) if e.action == "report.handed_over")
    assert note in json.dumps(event.details)
    log = reports_for_registration(db, report.registration_id)[0].attempt_log
    assert (log[-1].outcome, log[-1].channel, log[-1].error) == ("handed_over", "manual", note)
    with pytest.raises(StateError, match="already handed over"):
        hand_over_in_person(db, report_id, received_by="someone else", actor="alice", clock=clock)
    with pytest.raises(ValueError, match="name the person"):
        hand_over_in_person(db, "x", received_by="  ", actor="alice", clock=clock)


def test_form_from_the_stored_payload(db: Any, clock: Any, report_id: str, tmp_path: Any) -> None:
    report, path = write_form(db, report_id, tmp_path / "form.tiff", actor="alice", clock=clock)
    assert path.stat().st_size > 10_000
    assert report.state == "queued"  # drawing a form is not a hand-over
    assert "personal_data.read" in _actions(db, report_id)
