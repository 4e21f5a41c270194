"""The uploader against the real training intake over loopback: outages, flaky intakes, rejections.

Time is a ManualClock: "waiting" for a retry advances it, so a 30-hour outage takes no real time.
"""

from __future__ import annotations

import json
import random
import socket
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hotel_desk.reporting.faults import FaultPlan
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.metrics import late_grade, reporting_status
from hotel_desk.reporting.training_home import training_home
from hotel_desk.reporting.uploader import BackoffPolicy, Uploader, UploaderEvent
from hotel_desk.store import correct_registration, reports_for_registration
from hotel_desk.store.models import Report, ReportAttempt
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, http_transport, refuse_surname, register_guests


def _reports(db: Any) -> dict[str, Report]:
    with db.read() as s:
        return {r.id: r for r in s.execute(select(Report)).scalars()}


def _attempts(db: Any) -> list[ReportAttempt]:
    with db.read() as s:
        return list(s.execute(select(ReportAttempt)).scalars())


def _assert_exactly_once(db: Any, server: IntakeServer, report_ids: list[str]) -> None:
    """Every report acknowledged with the receipt the intake filed it under, and filed exactly once."""
    stats = server.stats()
    assert stats["filed_records"] == stats["filed_distinct_reports"] == len(report_ids)
    assert sorted(server.db.filed_report_ids()) == sorted(report_ids)
    reports = _reports(db)
    for rid in report_ids:
        report = reports[rid]
        assert report.state == "acknowledged", (rid, report.state, report.last_error)
        assert (server.db.receipt(report.receipt_id or "") or {}).get("report_id") == rid


def _uploader(db: Any, url: str, clock: Any, events: list[UploaderEvent] | None = None, **kw: Any) -> Uploader:
    return Uploader(db, http_transport(url, timeout=kw.pop("timeout", 5.0)), hotel_id=HOTEL_ID, clock=clock,
                    worker="test-uploader", rng=random.Random(7),
                    on_event=events.append if events is not None else None, **kw)


def test_thirty_hour_outage_then_recovery(db: Any, clock: Any, data_dir: Path) -> None:
    # The intake's address is taken now and refuses connections until the intake listens on it, 30 h later.
    reserved = socket.socket()
    reserved.bind(("127.0.0.1", 0))
    port = reserved.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    events: list[UploaderEvent] = []
    uploader = _uploader(db, url, clock, events, batch_size=25)
    ids = register_guests(db, clock, 20)
    # 30 hours without an intake; guests keep arriving every 3 hours.
    for hour in range(30):
        if hour % 3 == 0:
            ids += register_guests(db, clock, 5, start=1000 + hour * 10)
        for _ in range(6):
            uploader.run_once()
            clock.advance(timedelta(minutes=10))
    assert uploader.offline
    kinds = [e.kind for e in events]
    assert "offline" in kinds
    # Alerts came at 6 h and 2 h before the first deadlines, then overdue.
    levels = {e.alert.level for e in events if e.alert is not None}
    assert {"due_in_6h", "due_in_2h", "overdue"} <= levels
    # Offline: no attempt churn, only the first failed batch was recorded.
    assert len(_attempts(db)) <= 25
    status = reporting_status(db, clock=clock)
    # Overdue: the first 20 and the guests of hours 0, 3 and 6 (arrived an hour before, due 24 h later).
    assert status.overdue == 35 and status.pending == len(ids)

    server = IntakeServer.for_home(training_home(), listen_socket=reserved, hotels={HOTEL_ID: AUTH_CODE}).start()
    try:
        summary = uploader.drain(until_empty=True, sleep=lambda s: clock.advance(timedelta(seconds=s)))
        assert not uploader.offline and "online" in [e.kind for e in events]
        _assert_exactly_once(db, server, ids)
        assert summary.acknowledged == len(ids)
    finally:
        server.stop()
    status = reporting_status(db, clock=clock)
    assert status.pending == 0 and status.rejected == 0
    # The first 20 waited ~31 h: late, graded 1-2 days; the rest made it (some just barely).
    assert status.late["1-2d"] >= 20 and status.decided == len(ids)
    assert 0 < status.rate_24h < 1


def test_flaky_intake_every_report_filed_exactly_once(db: Any, clock: Any, intake: IntakeServer) -> None:
    ids = register_guests(db, clock, 80)
    intake.set_faults(FaultPlan.parse("error_rate=0.4,transient=0.15,seed=11"))
    uploader = _uploader(db, intake.url, clock, batch_size=10, timeout=0.1)
    uploader.drain(until_empty=True, sleep=lambda s: clock.advance(timedelta(seconds=s)))
    _assert_exactly_once(db, intake, ids)
    stats = intake.stats()
    # The faults really struck, and struck after filing: the intake absorbed resends as duplicates.
    assert stats["duplicates"] > 0 and stats["faults_transient"] > 0
    assert stats.get("faults_reset", 0) + stats.get("faults_malformed", 0) + stats.get("faults_timeout", 0) > 0
    # Every attempt was kept with its own raw answer.
    attempts = _attempts(db)
    assert len(attempts) > len(ids) and all(a.raw_answer for a in attempts)
    outcomes = {a.outcome for a in attempts}
    assert outcomes == {"acknowledged", "transient"}
    duplicate_answers = [a for a in attempts if a.outcome == "acknowledged" and '"duplicate": true' in (a.raw_answer or "")]
    assert duplicate_answers


def test_rejection_correction_resend(db: Any, clock: Any, intake: IntakeServer) -> None:
    [bad] = register_guests(db, clock, 1, surname="MULLER")
    refuse_surname(intake, "MULLER")  # the desk accepts it; this intake has a rule of its own
    good = register_guests(db, clock, 2, start=50)
    uploader = _uploader(db, intake.url, clock)
    uploader.drain()
    reports = _reports(db)
    assert reports[bad].state == "rejected"
    errors = json.loads(reports[bad].field_errors or "[]")
    assert [(e["field"], e["code"]) for e in errors] == [("surname_en", "invalid_format")]
    status = reporting_status(db, clock=clock)
    assert status.rejected == 1 and status.rejected_items[0].field_errors[0]["field"] == "surname_en"
    # The desk corrects the name (transliterated, as the MRZ would have it); the correction goes out.
    clock.advance(timedelta(hours=2))
    ref = correct_registration(db, reports[bad].registration_id, {"surname_en": "MUELLER"}, actor="alice", clock=clock)
    uploader.drain()
    reports = _reports(db)
    assert reports[ref.report_id].state == "acknowledged" and reports[ref.report_id].corrects_report_id == bad
    filed = json.loads(intake.db.conn.execute("SELECT record_json FROM filed WHERE report_id = ?",
                                              (ref.report_id,)).fetchone()[0])
    assert filed["surname_en"] == "MUELLER" and filed["report_kind"] == "correction"
    assert filed["corrects_report_id"] == bad
    assert intake.stats()["filed_records"] == 3
    status = reporting_status(db, clock=clock)
    # The rejection is settled by its correction, which came within the 24 hours: the rejected report
    # counts as filed when its correction was, and the correction counts as a report of its own.
    assert status.rejected == 0 and status.rate_24h == 1.0 and status.decided == 4
    story = reports_for_registration(db, reports[bad].registration_id)
    assert [r.state for r in story] == ["rejected", "acknowledged"]
    assert story[0].attempt_log[0].field_errors[0]["field"] == "surname_en"
    assert good


def test_wrong_code_needs_attention_and_backs_off(db: Any, clock: Any, intake: IntakeServer) -> None:
    register_guests(db, clock, 3)
    events: list[UploaderEvent] = []
    uploader = Uploader(db, http_transport(intake.url, code="wrong"), hotel_id=HOTEL_ID, clock=clock,
                        worker="w", on_event=events.append)
    r = uploader.run_once()
    assert r.transient == 3 and uploader.attention and uploader.attention.startswith("auth")
    assert "attention" in [e.kind for e in events]
    # Not hammered: the next try waits the full backoff cap.
    assert uploader.run_once().idle
    waits = [rep.next_attempt_at - clock.now() for rep in _reports(db).values()]
    assert min(waits) >= BackoffPolicy().cap - timedelta(seconds=1)


def test_resume_after_restart_releases_own_claims(db: Any, clock: Any, intake: IntakeServer) -> None:
    from hotel_desk.store import claim_due_reports

    ids = register_guests(db, clock, 4)
    claimed = claim_due_reports(db, worker="test-uploader", limit=10, clock=clock)
    assert len(claimed) == 4  # ... and then that process died before it sent anything
    uploader = _uploader(db, intake.url, clock)
    summary = uploader.drain()
    assert summary.resumed == 4 and summary.acknowledged == 4
    _assert_exactly_once(db, intake, ids)
    interrupted = [a for a in _attempts(db) if a.outcome == "transient"]
    assert len(interrupted) == 4 and "interrupted" in (interrupted[0].error or "")


def test_backoff_policy() -> None:
    policy = BackoffPolicy()
    rng = random.Random(1)
    delays = [policy.delay(n, rng=rng) for n in range(1, 12)]
    assert all(timedelta(0) < d <= policy.cap for d in delays)
    assert delays[-1] >= policy.cap * (1 - policy.jitter)
    near = policy.delay(10, time_left=timedelta(minutes=30), rng=rng)
    assert near <= timedelta(minutes=3)
    assert policy.delay(10, time_left=-timedelta(hours=1), rng=rng) <= policy.overdue_cap
    assert policy.delay(1, retry_after=120, rng=rng) >= timedelta(seconds=120)


def test_late_grades() -> None:
    assert late_grade(timedelta(hours=23)) is None
    assert late_grade(timedelta(hours=30)) == "1-2d"
    assert late_grade(timedelta(days=5)) == "3-7d"
    assert late_grade(timedelta(days=10)) == "8-14d"
    assert late_grade(timedelta(days=20)) == ">=15d"
