"""The uploader against intakes that hang, trickle, flood, lie or ask to wait a day: every report stays open
(never stuck in `sending`), the attempt log and the status say why, and a healthy intake then files every
report exactly once. Time is a ManualClock; the intakes are real servers on loopback."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.metrics import reporting_status
from hotel_desk.reporting.schedule import POSTPONED_PREFIX, BackoffPolicy
from hotel_desk.reporting.training_home import training_home
from hotel_desk.reporting.uploader import Uploader, UploaderEvent
from hotel_desk.rules.roles import Role
from hotel_desk.store.models import Report, ReportAttempt
from tests.reporting import stand_ins
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, http_transport, register_guests
from tests.reporting.stand_ins import RawIntake, StandInIntake
from tests.support.staff import staff_env

WORKER = "trust-uploader"


def _reports(db: Any) -> dict[str, Report]:
    with db.read() as s:
        return {r.id: r for r in s.execute(select(Report)).scalars()}


def _uploader(db: Any, url: str, clock: Any, events: list[UploaderEvent] | None = None,
              timeout: float = 5.0) -> Uploader:
    return Uploader(db, http_transport(url, timeout=timeout), hotel_id=HOTEL_ID, clock=clock, worker=WORKER,
                    rng=random.Random(3), on_event=events.append if events is not None else None)


def _healthy_then_exactly_once(db: Any, clock: Any, ids: list[str], data_dir: Path) -> None:
    """This installation's (healthy) training intake files everything, once: `--now` first, as a desk would
    after a bad intake was replaced."""
    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server:
        uploader = _uploader(db, server.url, clock)
        uploader.drain(until_empty=True, now=True, sleep=lambda s: clock.advance(timedelta(seconds=s)))
        stats = server.stats()
        assert stats["filed_records"] == stats["filed_distinct_reports"] == len(ids)
        reports = _reports(db)
        for rid in ids:
            assert reports[rid].state == "acknowledged", (rid, reports[rid].state, reports[rid].last_error)
            assert (server.db.receipt(reports[rid].receipt_id or "") or {}).get("report_id") == rid


def _training_liar(answer_change: Any) -> Any:
    """A training intake with this installation's key and secret whose answers are changed on the way out."""
    home = training_home()

    def tamper(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        return answer_change(status, answer)

    return StandInIntake(home.database_path, home.signing_key(), training=True, tamper=tamper,
                         hotels={HOTEL_ID: AUTH_CODE}, intake_id=home.intake_id)


def _as_live(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
    answer["training"] = False
    return status, {}, answer


def _wrong_hash(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
    for result in answer["results"]:
        result["payload_sha256"] = "0" * 64
    return status, {}, answer


def _huge_receipt(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
    for result in answer["results"]:
        result["receipt_id"] = "R" * 262_144
    return status, {}, answer


BAD_INTAKES = {
    "hangs": (lambda: RawIntake(stand_ins.hang), "timeout", False),
    "trickles": (lambda: RawIntake(stand_ins.trickle(0.2)), "timeout", False),
    "floods": (lambda: RawIntake(stand_ins.flood), "larger than", False),
    "answers as live": (lambda: _training_liar(_as_live), "LIVE police intake answered", True),
    "echoes the wrong hash": (lambda: _training_liar(_wrong_hash), "different record", True),
    "262 KB receipt id": (lambda: _training_liar(_huge_receipt), "at most", False),
}


@pytest.mark.parametrize("name", list(BAD_INTAKES))
def test_a_bad_intake_leaves_every_report_open_then_a_healthy_one_files_each_once(
        name: str, db: Any, clock: Any, data_dir: Path) -> None:
    make, words, attention = BAD_INTAKES[name]
    ids = register_guests(db, clock, 3)
    events: list[UploaderEvent] = []
    with make() as bad:
        uploader = _uploader(db, bad.url, clock, events, timeout=1.0)
        r = uploader.run_once()
    assert r.transient == 3 and r.acknowledged == 0
    reports = _reports(db)
    assert {reports[i].state for i in ids} == {"failed_retrying"}  # open, and not stuck in sending
    assert all(words in (reports[i].last_error or "") for i in ids), [reports[i].last_error for i in ids]
    assert (uploader.attention is not None) == attention
    if attention:
        assert "attention" in [e.kind for e in events]
    with db.read() as s:
        attempts = list(s.execute(select(ReportAttempt)).scalars())
    assert len(attempts) == 3 and all(a.outcome == "transient" and words in (a.raw_answer or "") for a in attempts)
    _healthy_then_exactly_once(db, clock, ids, data_dir)


# -- Retry-After --------------------------------------------------------------------------------------------
def _busy(retry_after: str, date: datetime | None = None) -> Any:
    """503 with this Retry-After (and this Date, when given)."""
    def change(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        headers = {"Retry-After": retry_after}
        if date is not None:
            headers["Date"] = format_datetime(date, usegmt=True)
        return 503, headers, {"training": True, "error": {"code": "busy", "message": "come back later"}}
    return change


def _keyed_busy(per_record: Any) -> Any:
    """Per-record transient results (keys kept), each asking to wait `per_record`."""
    def change(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        answer["results"] = [{"idempotency_key": r["idempotency_key"], "status": "transient", "message": "busy",
                              "retry_after": per_record} for r in answer["results"]]
        return status, {}, answer
    return change


@pytest.mark.parametrize(("change", "label"), [
    (_busy("86400"), "Retry-After: 86400"),
    (_busy("1e20"), "Retry-After: 1e20"),
    (_busy("inf"), "Retry-After: inf"),
    (_keyed_busy(1e15), "retry_after: 1e15"),
    (_keyed_busy(10**400), "retry_after: 10**400"),
    (_busy(format_datetime(datetime(2026, 11, 23, 8, 0, tzinfo=UTC), usegmt=True),
           date=datetime(2026, 11, 20, 8, 0, tzinfo=UTC)), "Retry-After: an HTTP date three days on"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_retry_after_never_crosses_the_deadline(change: Any, label: str, db: Any, clock: Any,
                                                data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12, case 3: the intake may postpone a report, but never past its deadline minus 30 minutes; the
    postponement is on record and in the status; `send --now` overrides it."""
    ids = register_guests(db, clock, 3)
    with _training_liar(change) as busy:
        r = _uploader(db, busy.url, clock).run_once()
    assert r.transient == 3 and r.postponed == 3
    margin = BackoffPolicy().deadline_margin
    reports = _reports(db)
    for rid in ids:
        report = reports[rid]
        assert report.state == "failed_retrying"
        assert report.deadline_at - margin - timedelta(seconds=1) <= report.next_attempt_at <= report.deadline_at - margin
        note = report.last_error or ""
        assert note.startswith(POSTPONED_PREFIX) and "cut to keep it before the deadline" in note
    status = reporting_status(db, clock=clock)
    assert status.postponed == 3
    assert {i.postponed_until for i in status.pending_items} == {reports[ids[0]].next_attempt_at}
    # A healthy intake now: an ordinary pass respects the postponement ...
    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server:
        batches = server.stats().get("batches", 0)  # (the busy stand-in counted its own)
        assert _uploader(db, server.url, clock).drain().acknowledged == 0
        assert server.stats().get("batches", 0) == batches
    # ... `send --now` does not wait.
    _healthy_then_exactly_once(db, clock, ids, data_dir)
    assert reporting_status(db, clock=clock).postponed == 0


@pytest.mark.parametrize("value", ["-5", "nan", "soon", "", "1" * 200])
def test_unusable_retry_after_is_ignored(value: str, db: Any, clock: Any, data_dir: Path) -> None:
    ids = register_guests(db, clock, 1)
    with _training_liar(_busy(value)) as busy:
        r = _uploader(db, busy.url, clock).run_once()
    assert r.transient == 1 and r.postponed == 0
    report = _reports(db)[ids[0]]
    assert report.next_attempt_at - clock.now() <= BackoffPolicy().cap
    assert not (report.last_error or "").startswith(POSTPONED_PREFIX)


def test_postponement_shows_in_reports_status_and_send_now_clears_it(
        db: Any, data_dir: Path, store_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The commands run on the computer's clock, so this test does too (nothing in it depends on the date)."""
    from hotel_desk.cli import main
    from hotel_desk.clock import SystemClock

    clock = SystemClock()
    ids = register_guests(db, clock, 2)
    with _training_liar(_busy("86400")) as busy:
        _uploader(db, busy.url, clock).run_once()
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", store_url)
    assert main(["reports", "status"]) == 0
    out = capsys.readouterr().out
    assert "postponed by the intake 2" in out and out.count("POSTPONED: postponed by the intake until") == 2
    staff_env(monkeypatch, store_url, "alice", Role.RECEPTIONIST)  # sending needs a signed-in receptionist
    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server:
        monkeypatch.setenv("HOTEL_DESK_INTAKE_URL", server.url)
        assert main(["reports", "send"]) == 1  # respects the postponement: still pending, and says so
        assert "postponed by the intake: 2" in capsys.readouterr().out
        assert main(["reports", "send", "--now"]) == 0
        assert "accepted 2" in capsys.readouterr().out
        assert server.stats()["filed_records"] == server.stats()["filed_distinct_reports"] == 2
    assert {r.state for r in _reports(db).values()} == {"acknowledged"} and len(ids) == 2
