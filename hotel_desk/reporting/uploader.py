"""The uploader: a Qt-free worker that empties the store's report outbox into a transport.

- Earliest deadline first (the store's claim orders by deadline), one batch per round.
- Every attempt is recorded with its own raw answer, in one transaction per batch (store.outbox.record_answers).
- Transient failures back off exponentially with jitter, capped so that retries come faster as a deadline
  nears; an intake's Retry-After is honoured only as far as the deadline allows, and shows as a
  postponement (hotel_desk.reporting.schedule).
- Offline detection: when the intake cannot be reached, the uploader stops claiming reports (no attempt
  churn through a 30-hour outage) and probes the intake's health with its own backoff until it answers.
- Restart: a new life of the same worker first releases the claims of the previous one, which may have
  been killed mid-send; those reports go again under the same idempotency key (their report id), and the
  intake answers a duplicate with the original receipt. Nothing is lost and nothing is filed twice.
- Never stuck: whatever fails between a claim and its record (the transport, the mapping, the database
  refusing a value), the claimed reports are given back as a transient failure with the reason; if even
  that cannot be written, their lease runs out and they become due again.
- A rejection becomes "needs correction" (store state rejected) with the intake's reason per field; a
  payload the mapping cannot express is rejected locally the same way, without being sent.

The UI runs it with `start()` / `stop()` / `wake()` on its own thread and listens to `on_event`; the command
line uses `drain()` (`drain(now=True)` for `reports send --now`). Time comes from the injected clock; the
only real waiting is in `drain(sleep=...)` and the background thread's wait, both of which tests replace.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.reporting.mapping import FieldMapping, load_mapping
from hotel_desk.reporting.metrics import AlertTracker, deadline_alerts, next_due_at, reporting_status
from hotel_desk.reporting.outcomes import (
    NEEDS_ATTENTION,
    DrainSummary,
    Prepared,
    RoundResult,
    UploaderEvent,
    UploaderStatus,
    answer_for,
)
from hotel_desk.reporting.outgoing import AnchorSource, prepare, report_anchor
from hotel_desk.reporting.protocol import BatchOutcome, FailureKind, failed_batch
from hotel_desk.reporting.schedule import BackoffPolicy
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

__all__ = ["NEEDS_ATTENTION", "BackoffPolicy", "DrainSummary", "RoundResult", "Uploader", "UploaderEvent",
           "UploaderStatus", "default_worker_name"]

log = logging.getLogger(__name__)

#: The longest single wait of `drain(until_empty=True)` before it looks at the queue again.
MAX_DRAIN_WAIT = 3600.0


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
        anchor_for: AnchorSource = report_anchor,
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
        #: Each report's anchor for the intake to echo in its signed result (hotel_desk.reporting.outgoing).
        self.anchor_for = anchor_for
        # Offline state: while set, no report is claimed; the intake's health is probed instead.
        self.offline = False
        self.offline_since: datetime | None = None
        self._probe_failures = 0
        self._next_probe_at: datetime | None = None
        self.attention: str | None = None  # a failure the desk must fix (auth, TLS, wrong or lying intake)
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
        return self._finish(prepared, self._submit(prepared, check_only=check_only))

    def _prepare(self, claimed: Sequence[OutboxReport]) -> Prepared:
        return prepare(claimed, mapping=self.mapping, hotel_id=self.hotel_id,
                       retry_at=self.clock.now() + self.backoff.cap, anchor_for=self.anchor_for)

    def _submit(self, prepared: Prepared, *, check_only: bool = False) -> BatchOutcome | None:
        if not prepared.outgoing:
            return None
        try:
            return self.transport.submit(prepared.outgoing, check_only=check_only)
        except Exception as exc:  # a transport must not raise; if one does, the batch is transient
            log.exception("transport %s raised", self.transport.channel)
            return failed_batch(prepared.outgoing, FailureKind.INTERNAL, f"{type(exc).__name__}: {exc}"[:500])

    def _finish(self, prepared: Prepared, outcome: BatchOutcome | None) -> RoundResult:
        now = self.clock.now()
        by_id = {r.report_id: r for r in prepared.claimed}
        answers = list(prepared.local)
        result = RoundResult(claimed=len(prepared.claimed), failure=outcome.failure if outcome else None)
        if outcome is not None:
            keyed = outcome.by_key()
            for item in prepared.outgoing:
                res = keyed[item.idempotency_key]
                answer, postponed = answer_for(by_id[item.report_id], res, outcome, now, self.backoff, self.rng)
                answers.append(answer)
                result.duplicates += int(res.duplicate)
                result.postponed += int(postponed)
            self._note_failure(outcome, now)
        try:
            recorded = record_answers(self.db, answers, channel=self.transport.channel, actor=self.worker,
                                      clock=self.clock)
        except Exception as exc:
            return self._give_back(prepared, f"the answer could not be recorded: {type(exc).__name__}: {exc}")
        for a in answers:
            setattr(result, a.outcome, getattr(result, a.outcome) + 1)
        if recorded.logged_only:
            log.info("%d late answer(s) logged for reports already settled", len(recorded.logged_only))
        result.offline = self.offline
        self._emit("batch", f"{result.acknowledged} accepted, {result.rejected} rejected, "
                   f"{result.transient} to retry" + (f" ({result.postponed} postponed by the intake)"
                                                     if result.postponed else ""),
                   counts={"acknowledged": result.acknowledged, "rejected": result.rejected,
                           "transient": result.transient, "handed_over": result.handed_over,
                           "postponed": result.postponed})
        return result

    def _give_back(self, prepared: Prepared, why: str) -> RoundResult:
        """Release a batch's claims as a transient failure with the reason (no answer values that could be
        what the database refused). If even that fails, the leases run out and the reports become due."""
        log.error("giving back %d claimed report(s): %s", len(prepared.claimed), why)
        now = self.clock.now()
        note = f"internal: {why}"[:1000]
        answers = [Answer(r.report_id, "transient", error=note, next_attempt_at=now + self.backoff.base)
                   for r in prepared.claimed]
        record_answers(self.db, answers, channel=self.transport.channel, actor=self.worker, clock=self.clock)
        self._emit("error", f"uploader: {why}")
        return RoundResult(claimed=len(prepared.claimed), transient=len(answers), failure=FailureKind.INTERNAL,
                           offline=self.offline)

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
                nxt_prepared: Prepared | None = None
                try:
                    nxt = self._claim() if not self.offline else []
                    nxt_prepared = self._prepare(nxt) if nxt else None
                finally:
                    # Even if claiming the next batch failed, the one in flight gets recorded.
                    summary.add(self._finish(prepared, future.result()))
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
            assert outcome.failure is not None
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
    def send_open(self) -> DrainSummary:
        """Try every open report once now, whether its retry time has come or not: the desk asked for it
        (`reports send --now`, Send all now), e.g. after an intake's long Retry-After. Stops early when the
        intake is unreachable or needs the desk's attention (the rest would fail the same way)."""
        summary = DrainSummary()
        if not self._resumed:
            summary.resumed = self.resume()
        started = self.clock.now()
        while True:
            claimed = claim_open_reports(self.db, worker=self.worker, limit=self.batch_size, lease=self.lease,
                                         clock=self.clock, not_attempted_since=started)
            if not claimed:
                return summary
            r = self.send(claimed)
            summary.add(r)
            self._check_alerts()
            if r.failure is FailureKind.OFFLINE or r.failure in NEEDS_ATTENTION:
                return summary

    def drain(
        self,
        *,
        until_empty: bool = False,
        now: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        max_rounds: int | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> DrainSummary:
        """Send every due report (with `now`, first every open one, due or not). With until_empty, also wait
        for retries (through `sleep`) until every report is acknowledged, rejected or handed over."""
        summary = DrainSummary(resumed=self.resume())
        if now:
            summary.merge(self.send_open())
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
            # At most an hour at a time: the clock may be changed meanwhile (and a wait of years, after a
            # clock jump, is not one `sleep` accepts everywhere).
            wait = min(MAX_DRAIN_WAIT, max(0.0, (wake - self.clock.now()).total_seconds()))
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
