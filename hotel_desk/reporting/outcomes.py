"""From an intake's answer to the store: what each report's attempt produced, and what the uploader reports.

`answer_for` turns one record's result into the store's Answer: a receipt, a rejection with its reasons, a
hand-over, or a retry time (backoff, the intake's Retry-After within the deadline, and a postponement note
the status can show). The raw answer kept per attempt holds the intake's signed statement, so the receipt
can be re-checked later by anyone with the intake's public key.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hotel_desk.reporting.metrics import AlertEvent, ReportingStatus
from hotel_desk.reporting.protocol import (
    BatchOutcome,
    FailureKind,
    OutgoingReport,
    RecordResult,
    RecordStatus,
)
from hotel_desk.reporting.schedule import BackoffPolicy, postponement_note
from hotel_desk.store.outbox import Answer, OutboxReport

#: Failures the desk must act on (retrying alone will not fix them): shown prominently in the status.
NEEDS_ATTENTION = (FailureKind.AUTH, FailureKind.TLS, FailureKind.PROTOCOL, FailureKind.WRONG_MODE,
                   FailureKind.UNTRUSTED, FailureKind.INTERNAL)
#: How much of a failed batch's raw answer each report's attempt keeps.
RAW_PER_REPORT = 2000


@dataclass(frozen=True)
class UploaderEvent:
    """What the worker tells the UI (called on the worker's thread: marshal it to the UI thread)."""

    kind: str  # "batch" | "offline" | "online" | "attention" | "alert" | "error"
    message: str
    at: datetime
    counts: dict[str, int] = field(default_factory=dict)
    alert: AlertEvent | None = None


@dataclass
class Prepared:
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
    postponed: int = 0
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
    postponed: int = 0
    resumed: int = 0
    waited_seconds: float = 0.0
    stopped_early: bool = False
    #: Reports claimed and tried, whatever came of it.
    tried: int = 0

    def merge(self, other: DrainSummary) -> None:
        for name in ("rounds", "acknowledged", "rejected", "transient", "handed_over", "duplicates", "postponed",
                     "tried"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def add(self, r: RoundResult) -> None:
        self.rounds += 1
        self.tried += r.claimed
        self.acknowledged += r.acknowledged
        self.rejected += r.rejected
        self.transient += r.transient
        self.handed_over += r.handed_over
        self.duplicates += r.duplicates
        self.postponed += r.postponed


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


def raw_answer(res: RecordResult, outcome: BatchOutcome) -> str:
    if outcome.failure is not None:
        # The whole batch got no usable answer: keep what came back (clipped), per report.
        return json.dumps({"batch_id": outcome.batch_id, "http_status": outcome.http_status,
                           "failure": outcome.failure.value, "detail": outcome.failure_detail,
                           "answer": outcome.raw_answer[:RAW_PER_REPORT]}, ensure_ascii=False)
    # The signed statement's context (intake, training flag) beside the result: enough to re-check it.
    return json.dumps({"batch_id": outcome.batch_id, "http_status": outcome.http_status,
                       "intake_id": outcome.intake_id, "training": outcome.training,
                       "result": res.to_dict()}, ensure_ascii=False)


def answer_for(report: OutboxReport, res: RecordResult, outcome: BatchOutcome, now: datetime,
               backoff: BackoffPolicy, rng: random.Random) -> tuple[Answer, bool]:
    """The store's Answer for one report, and whether the intake postponed it."""
    raw = raw_answer(res, outcome)
    if res.status is RecordStatus.ACCEPTED:
        return Answer(report.report_id, "acknowledged", raw_answer=raw, receipt_id=res.receipt_id), False
    if res.status is RecordStatus.REJECTED:
        return Answer(report.report_id, "rejected", raw_answer=raw,
                      field_errors=[e.to_dict() for e in res.errors]), False
    if res.status is RecordStatus.HANDED_OVER:
        return Answer(report.report_id, "handed_over", raw_answer=raw, error=res.message or None), False
    # TRANSIENT (or CHECKED outside check-only mode, which the intake should not send): retry later.
    retry_after = res.retry_after if res.retry_after is not None else outcome.retry_after
    plan = backoff.plan(report.attempts + 1, time_left=report.deadline_at - now, retry_after=retry_after, rng=rng)
    delay = plan.delay
    if outcome.failure in NEEDS_ATTENTION:
        delay = max(delay, backoff.cap)  # retrying fast will not fix a refused code or a wrong intake
    next_at = now + delay
    error = res.message or "transient"
    if plan.postponed:
        error = postponement_note(plan, next_at, error)
    return Answer(report.report_id, "transient", raw_answer=raw, error=error, next_attempt_at=next_at), plan.postponed
