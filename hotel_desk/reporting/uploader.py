"""The uploader: a Qt-free worker that empties the store's report outbox into a transport.

- Earliest deadline first (the store's claim orders by deadline), one batch per round.
- Every attempt is recorded with its own raw answer, in one transaction per batch (store.outbox.record_answers).
- Transient failures back off exponentially with jitter, capped so that retries come faster as a deadline
  nears; an intake's Retry-After is honoured.
- Offline detection: when the intake cannot be reached, the uploader stops claiming reports (no attempt
  churn through a 30-hour outage) and probes the intake's health with its own backoff until it answers.
- Restart: a new life of the same worker first releases the claims of the previous one, which may have
  been killed mid-send; those reports go again under the same idempotency key (their report id), and the
  intake answers a duplicate with the original receipt. Nothing is lost and nothing is filed twice.
- A rejection becomes "needs correction" (store state rejected) with the intake's reason per field; a
  payload the mapping cannot express is rejected locally the same way, without being sent.

The UI runs it with `start()` / `stop()` / `wake()` on its own thread and listens to `on_event`; the command
line uses `drain()`. Time comes from the injected clock; the only real waiting is in `drain(sleep=...)` and
the background thread's wait, both of which the tests replace.
"""

from __future__ import annotations

import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.reporting.mapping import FieldMapping, MappingError, load_mapping
from hotel_desk.reporting.metrics import (
    AlertEvent,
    AlertTracker,
    ReportingStatus,
    deadline_alerts,
    next_due_at,
    reporting_status,
)
from hotel_desk.reporting.protocol import (
    BatchOutcome,
    FailureKind,
    OutgoingReport,
    RecordResult,
    RecordStatus,
)
from hotel_desk.reporting.transport import Transport
from hotel_desk.store.db import Database
from hotel_desk.store.outbox import (
    DEFAULT_LEASE,
    Answer,
    OutboxReport,
    claim_due_reports,
    claim_open_reports,
    record_answers,
    release_claims,
)

log = logging.getLogger(__name__)

#: Failures the desk must act on (retrying alone will not fix them): shown prominently in the status.
NEEDS_ATTENTION = (FailureKind.AUTH, FailureKind.TLS, FailureKind.PROTOCOL)


@dataclass(frozen=True)
class BackoffPolicy:
    """delay(n) = min(cap, base * 2**(n-1)), shortened near a deadline, then jittered down by up to
    `jitter` of itself so that many reports failing together do not retry together."""

    base: timedelta = timedelta(seconds=5)
    cap: timedelta = timedelta(minutes=10)
    jitter: float = 0.5
    #: Near a deadline, never wait more than this share of the time left (but at least `base`).
    deadline_share: float = 0.1
    #: An overdue report is retried at least this often.
    overdue_cap: timedelta = timedelta(minutes=2)

    def delay(
        self,
        attempts: int,
        *,
        time_left: timedelta | None = None,
        retry_after: float | None = None,
        rng: random.Random | None = None,
    ) -> timedelta:
        n = max(1, attempts)
        raw = min(self.cap.total_seconds(), self.base.total_seconds() * (2 ** min(n - 1, 30)))
        if time_left is not None:
            if time_left <= timedelta(0):
                raw = min(raw, self.overdue_cap.total_seconds())
            else:
                raw = min(raw, max(self.base.total_seconds(), time_left.total_seconds() * self.deadline_share))
        r = (rng or random).random()
        seconds = raw * (1.0 - self.jitter * r)
        if retry_after is not None:
            seconds = max(seconds, retry_after)
        return timedelta(seconds=seconds)


@dataclass(frozen=True)
class UploaderEvent:
    """What the worker tells the UI (called on the worker's thread: marshal it to the UI thread)."""

    kind: str  # "batch" | "offline" | "online" | "attention" | "alert" | "error"
    message: str
    at: datetime
    counts: dict[str, int] = field(default_factory=dict)
    alert: AlertEvent | None = None


@dataclass
class _Prepared:
    """A claimed batch, mapped: what goes out, and the local rejections that never leave."""

    claimed: list[OutboxReport]
    outgoing: list[OutgoingReport] = field(default_factory=list)
    local: list[Answer] = field(default_factory=list)


@dataclass
class RoundResult:
    claimed: int = 0
    acknowledged: int = 0
    rejected: int = 0
    transient: int = 0
    handed_over: int = 0
    duplicates: int = 0
    failure: FailureKind | None = None
    offline: bool = False
    idle: bool = False


@dataclass
class DrainSummary:
    rounds: int = 0
    acknowledged: int = 0
    rejected: int = 0
    transient: int = 0
    handed_over: int = 0
    duplicates: int = 0
    resumed: int = 0
    waited_seconds: float = 0.0
    stopped_early: bool = False

    def merge(self, other: DrainSummary) -> None:
        for name in ("rounds", "acknowledged", "rejected", "transient", "handed_over", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def add(self, r: RoundResult) -> None:
        self.rounds += 1
        self.acknowledged += r.acknowledged
        self.rejected += r.rejected
        self.transient += r.transient
        self.handed_over += r.handed_over
        self.duplicates += r.duplicates


def default_worker_name(role: str = "uploader") -> str:
    return f"{role}@{socket.gethostname()}"


class Uploader:
    def __init__(
        self,
        db: Database,
        transport: Transport,
        *,
        mapping: FieldMapping | None = None,
        hotel_id: str = "",
        clock: Clock | None = None,
        worker: str | None = None,
        batch_size: int | None = None,
        backoff: BackoffPolicy | None = None,
        lease: timedelta = DEFAULT_LEASE,
        rng: random.Random | None = None,
        on_event: Callable[[UploaderEvent], None] | None = None,
        poll_interval: float = 30.0,
    ) -> None:
        self.db = db
        self.transport = transport
        self.mapping = mapping or load_mapping()
        self.hotel_id = hotel_id
        self.clock: Clock = clock or SystemClock()
        self.worker = worker or default_worker_name()
        self.batch_size = max(1, min(batch_size or transport.max_batch, transport.max_batch))
        self.backoff = backoff or BackoffPolicy()
        self.lease = lease
        self.rng = rng or random.Random()
        self.on_event = on_event
        self.poll_interval = poll_interval
        # Offline state: while set, no report is claimed; the intake's health is probed instead.
        self.offline = False
        self.offline_since: datetime | None = None
        self._probe_failures = 0
        self._next_probe_at: datetime | None = None
        self.attention: str | None = None  # a failure the desk must fix (auth, TLS, protocol)
        self.last_round_at: datetime | None = None
        self._alerts = AlertTracker()
        self._resumed = False
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()

    # -- events ---------------------------------------------------------------------------------------
    def _emit(self, kind: str, message: str, **kw: Any) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(UploaderEvent(kind, message, self.clock.now(), **kw))
        except Exception:  # a broken listener must not stop the reports
            log.exception("uploader event listener failed")

    # -- one round ------------------------------------------------------------------------------------
    def resume(self) -> int:
        """Take back what a previous life of this worker had claimed (see module docstring)."""
        self._resumed = True
        released = release_claims(self.db, worker=self.worker, clock=self.clock)
        if released:
            log.info("resumed %d report(s) claimed before a restart", len(released))
        return len(released)

    def run_once(self) -> RoundResult:
        """Send at most one batch of due reports. Never raises for network or intake trouble."""
        result = self._round()
        self._check_alerts()
        return result

    def _round(self) -> RoundResult:
        if not self._resumed:
            self.resume()
        now = self.clock.now()
        self.last_round_at = now
        if self.offline:
            if self._next_probe_at is not None and now < self._next_probe_at:
                return RoundResult(idle=True, offline=True)
            health = getattr(self.transport, "health", None)
            if health is not None and not health():
                self._probe_failures += 1
                self._next_probe_at = now + self.backoff.delay(self._probe_failures, rng=self.rng)
                return RoundResult(idle=True, offline=True)
            # Reachable again (or no way to probe): try a real batch.
        claimed = self._claim()
        if not claimed:
            return RoundResult(idle=True, offline=self.offline)
        return self.send(claimed)

    def send(self, claimed: Sequence[OutboxReport], *, check_only: bool = False) -> RoundResult:
        """Map, submit and record one batch of claimed reports."""
        prepared = self._prepare(claimed)
        outcome = self._submit(prepared, check_only=check_only)
        return self._finish(prepared, outcome)

    def _prepare(self, claimed: Sequence[OutboxReport]) -> _Prepared:
        prepared = _Prepared(claimed=list(claimed))
        for report in claimed:
            try:
                record = self.mapping.apply(report.payload, {"hotel_id": self.hotel_id})
            except MappingError as exc:
                # The record cannot be expressed in the intake's layout: the desk must correct it.
                prepared.local.append(Answer(
                    report.report_id, "rejected", raw_answer=json.dumps({"local": str(exc)}),
                    field_errors=[{"field": exc.field, "code": exc.code, "message": exc.message}]))
                continue
            prepared.outgoing.append(OutgoingReport(report.report_id, report.report_id, record,
                                                    report.deadline_at.isoformat(), anchor=report.anchor))
        return prepared

    def _submit(self, prepared: _Prepared, *, check_only: bool = False) -> BatchOutcome | None:
        if not prepared.outgoing:
            return None
        return self.transport.submit(prepared.outgoing, check_only=check_only)

    def _finish(self, prepared: _Prepared, outcome: BatchOutcome | None) -> RoundResult:
        now = self.clock.now()
        by_id = {r.report_id: r for r in prepared.claimed}
        answers = list(prepared.local)
        result = RoundResult(claimed=len(prepared.claimed), failure=outcome.failure if outcome else None)
        if outcome is not None:
            keyed = outcome.by_key()
            for item in prepared.outgoing:
                res = keyed[item.idempotency_key]
                answers.append(self._answer(by_id[item.report_id], res, outcome, now))
                if res.duplicate:
                    result.duplicates += 1
            self._note_failure(outcome, now)
        recorded = record_answers(self.db, answers, channel=self.transport.channel, actor=self.worker,
                                  clock=self.clock)
        for a in answers:
            setattr(result, a.outcome, getattr(result, a.outcome) + 1)
        if recorded.logged_only:
            log.info("%d late answer(s) logged for reports already settled", len(recorded.logged_only))
        result.offline = self.offline
        self._emit("batch", f"{result.acknowledged} accepted, {result.rejected} rejected, "
                   f"{result.transient} to retry", counts={"acknowledged": result.acknowledged,
                   "rejected": result.rejected, "transient": result.transient, "handed_over": result.handed_over})
        return result

    def pump(self) -> DrainSummary:
        """Send everything due now, overlapping the database work of one batch with the network wait of
        the next (two batches in flight at most: one being answered, one being claimed and recorded).
        Stops at the first round with nothing due, or when the intake turns out to be offline."""
        summary = DrainSummary()
        if not self._resumed:
            self.resume()
        if self.offline:
            return summary
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-send") as pool:
            current = self._claim()
            if not current:
                return summary
            prepared = self._prepare(current)
            future = pool.submit(self._submit, prepared)
            while True:
                # While the intake works on this batch, claim and map the next one.
                nxt = self._claim() if not self.offline else []
                nxt_prepared = self._prepare(nxt) if nxt else None
                outcome = future.result()
                r = self._finish(prepared, outcome)
                summary.add(r)
                self._check_alerts()
                if nxt_prepared is None:
                    return summary
                prepared = nxt_prepared
                future = pool.submit(self._submit, prepared)
                if self.offline:
                    # The batch already claimed goes out (and fails fast); then stop claiming.
                    summary.add(self._finish(prepared, future.result()))
                    return summary

    def _claim(self) -> list[OutboxReport]:
        return claim_due_reports(self.db, worker=self.worker, limit=self.batch_size, lease=self.lease,
                                 clock=self.clock)

    def _answer(self, report: OutboxReport, res: RecordResult, outcome: BatchOutcome, now: datetime) -> Answer:
        raw = json.dumps({"batch_id": outcome.batch_id, "http_status": outcome.http_status,
                          "result": res.to_dict()}, ensure_ascii=False)
        if outcome.failure is not None:
            # The whole batch got no usable answer: keep what came back (clipped), per report.
            raw = json.dumps({"batch_id": outcome.batch_id, "http_status": outcome.http_status,
                              "failure": outcome.failure.value, "detail": outcome.failure_detail,
                              "answer": outcome.raw_answer[:2000]}, ensure_ascii=False)
        if res.status is RecordStatus.ACCEPTED:
            return Answer(report.report_id, "acknowledged", raw_answer=raw, receipt_id=res.receipt_id)
        if res.status is RecordStatus.REJECTED:
            return Answer(report.report_id, "rejected", raw_answer=raw,
                          field_errors=[e.to_dict() for e in res.errors])
        if res.status is RecordStatus.HANDED_OVER:
            return Answer(report.report_id, "handed_over", raw_answer=raw, error=res.message or None)
        # TRANSIENT (or CHECKED outside check-only mode, which the intake should not send): retry later.
        delay = self.backoff.delay(report.attempts + 1, time_left=report.deadline_at - now,
                                   retry_after=res.retry_after, rng=self.rng)
        if outcome.failure in NEEDS_ATTENTION:
            delay = max(delay, self.backoff.cap)  # retrying fast will not fix a refused code
        return Answer(report.report_id, "transient", raw_answer=raw, error=res.message or "transient",
                      next_attempt_at=now + delay)

    def _note_failure(self, outcome: BatchOutcome, now: datetime) -> None:
        if outcome.failure is FailureKind.OFFLINE:
            if not self.offline:
                self.offline = True
                self.offline_since = now
                self._emit("offline", f"police intake unreachable: {outcome.failure_detail}")
            self._probe_failures += 1
            self._next_probe_at = now + self.backoff.delay(self._probe_failures, rng=self.rng)
            return
        if self.offline:
            self._emit("online", "police intake reachable again")
        self.offline = False
        self.offline_since = None
        self._probe_failures = 0
        self._next_probe_at = None
        if outcome.failure in NEEDS_ATTENTION:
            message = f"{outcome.failure.value}: {outcome.failure_detail}"
            if message != self.attention:
                self._emit("attention", message)
            self.attention = message
        elif outcome.failure is None:
            self.attention = None

    def _check_alerts(self) -> None:
        if self.on_event is None:
            return
        for alert in self._alerts.new_events(deadline_alerts(self.db, clock=self.clock)):
            self._emit("alert", f"report {alert.report_id} {alert.level}", alert=alert)

    # -- whole runs -----------------------------------------------------------------------------------
    def drain(
        self,
        *,
        until_empty: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        max_rounds: int | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> DrainSummary:
        """Send every due report. With until_empty, also wait for retries (through `sleep`) until every
        report is acknowledged, rejected or handed over."""
        summary = DrainSummary(resumed=self.resume())
        while max_rounds is None or summary.rounds < max_rounds:
            if should_stop is not None and should_stop():
                summary.stopped_early = True
                break
            if not self.offline:
                pumped = self.pump()
                summary.merge(pumped)
                if pumped.rounds:
                    continue
            r = self.run_once()
            if not r.idle:
                summary.add(r)
                continue
            summary.rounds += 1
            if not until_empty:
                break
            wake = self.next_wake_at()
            if wake is None:
                break
            wait = max(0.0, (wake - self.clock.now()).total_seconds())
            summary.waited_seconds += wait
            sleep(wait)
        return summary

    def next_wake_at(self) -> datetime | None:
        """When there is next something to do: a retry, a lease running out, or an offline probe."""
        due = next_due_at(self.db)
        if due is None:
            return None
        if self.offline and self._next_probe_at is not None:
            return max(due, self._next_probe_at)
        return due

    def export_all(self) -> RoundResult:
        """Hand every unsent report over through the transport at once (batch files), retry times or not."""
        if not self._resumed:
            self.resume()
        total = RoundResult()
        while True:
            claimed = claim_open_reports(self.db, worker=self.worker, limit=self.batch_size, lease=self.lease,
                                         clock=self.clock)
            if not claimed:
                return total
            r = self.send(claimed)
            for name in ("claimed", "acknowledged", "rejected", "transient", "handed_over"):
                setattr(total, name, getattr(total, name) + getattr(r, name))
            if r.transient:
                return total  # the transport failed (a full disk): do not spin

    # -- background thread (for the app) ------------------------------------------------------------------
    def start(self) -> None:
        """Run on a daemon thread until stop(). Safe to call once; the UI calls wake() after each desk
        action so a new report goes out at once instead of at the next poll."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="report-uploader", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                r = self.run_once()
                failures = 0
                if not r.idle:
                    continue
                wake = self.next_wake_at()
                wait = self.poll_interval
                if wake is not None:
                    wait = min(wait, max(0.05, (wake - self.clock.now()).total_seconds()))
            except Exception as exc:  # database locked, disk full...: say so, wait, try again
                failures += 1
                log.exception("uploader round failed")
                self._emit("error", f"uploader: {exc}")
                wait = min(self.poll_interval, 2.0 ** failures)
            self._wake.wait(wait)
            self._wake.clear()

    def status(self) -> UploaderStatus:
        return UploaderStatus(
            running=self.running,
            offline=self.offline,
            offline_since=self.offline_since,
            attention=self.attention,
            last_round_at=self.last_round_at,
            reporting=reporting_status(self.db, clock=self.clock),
        )


@dataclass
class UploaderStatus:
    running: bool
    offline: bool
    offline_since: datetime | None
    attention: str | None
    last_round_at: datetime | None
    reporting: ReportingStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "offline": self.offline,
            "offline_since": self.offline_since.isoformat() if self.offline_since else None,
            "attention": self.attention,
            "last_round_at": self.last_round_at.isoformat() if self.last_round_at else None,
            **self.reporting.to_dict(),
        }
