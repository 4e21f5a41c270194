"""The report outbox, as the uploader sees it: claim due reports, record what the intake answered.

Safe across processes: on PostgreSQL claims use SELECT ... FOR UPDATE SKIP LOCKED, so two uploaders
never take the same report; on SQLite every write transaction holds the database write lock from its
BEGIN IMMEDIATE. A claim is a lease: if the uploader dies mid-send, the report becomes due again when the
lease runs out (the intake must therefore tolerate a repeated report_id; the payload is identical).

Claims: `claim_due_reports` (the uploader's rounds), `claim_open_reports` (a batch-file hand-over takes
everything unsent, retry time or not), `mark_sending` (one report, "send now"), `release_claims` (an
uploader restarting after a crash takes back its previous life's claims instead of waiting for the leases).

Answers: an intake answers a whole batch at once, so `record_answers` records a batch of `Answer`s in ONE
transaction (one commit, one fsync): one attempt-log row per report with its own raw answer, the report's
state, and one audit event per outcome naming every report in it. The one-report forms of the same rules
(hotel_desk.store.report_answers: acknowledged, rejected, transient, handed over, confirmed) refuse
(StateError) an answer that cannot apply, where a batch only logs it. Which state may follow which is
hotel_desk.rules.reports.

Nothing here edits a payload: the database refuses it anyway.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, insert, or_, select, update
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.rules.reports import (
    DUE_STATES,
    OUTCOME_STATE,
    ReportState,
    can_transition,
)
from hotel_desk.store import row_digests
from hotel_desk.store.anchors import format_anchor
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import NotFound, StateError, StoreError
from hotel_desk.store.models import Report, ReportAttempt
from hotel_desk.store.payload import load_payload

#: How long a claim protects a report from other uploaders.
DEFAULT_LEASE = timedelta(minutes=5)

#: What one attempt can produce for one report (`Answer.outcome`); the state each leads to is the rules'.
OUTCOMES = tuple(OUTCOME_STATE)

_OUTCOME_ACTION = {
    "acknowledged": AuditAction.REPORT_ACKNOWLEDGED, "rejected": AuditAction.REPORT_REJECTED,
    "transient": AuditAction.REPORT_FAILED, "handed_over": AuditAction.REPORT_HANDED_OVER,
}
_CHUNK = 500  # ids per IN list when reading a batch's current states
#: What a batch of answers reads of each report: its state, attempts and the columns its state hash covers.
_STATE_COLUMNS = tuple(
    getattr(Report, name) for name in dict.fromkeys(
        ("id", "attempts", "row_seq", *row_digests.COVERED_COLUMNS[row_digests.REPORT]))
)


@dataclass(frozen=True)
class FieldError:
    """One field the intake refused, as it said so (code and message kept verbatim)."""

    field: str
    code: str = ""
    message: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class OutboxReport:
    """A report as the uploader needs it. `payload` is the canonical snapshot (parse of `payload_text`,
    which is the exact stored text: send that, or a mapping of it, never a re-serialisation you edited)."""

    report_id: str
    registration_id: str | None  # None: a nil report ("no foreign guests"), about the property
    kind: str
    state: str
    payload: dict[str, Any]
    payload_text: str
    payload_sha256: str
    event_time: datetime
    deadline_at: datetime
    attempts: int
    next_attempt_at: datetime
    channel: str | None
    claimed_by: str | None
    lease_until: datetime | None
    corrects_report_id: str | None
    #: The chain head when the report was made, as the intake echoes it in its signed receipt (protocol 2's
    #: per-record `anchor`): "hotel_desk.chain/1:<seq>:<sha256>" (hotel_desk.store.anchors); "" = none, and then
    #: none is sent (hotel_desk.reporting.outgoing reads it).
    anchor: str = ""


@dataclass(frozen=True)
class Answer:
    """What one attempt produced for one report."""

    report_id: str
    outcome: str  # one of OUTCOMES
    raw_answer: str | None = None
    receipt_id: str | None = None  # acknowledged
    field_errors: Sequence[FieldError | Mapping[str, Any]] = field(default_factory=tuple)  # rejected
    error: str | None = None  # transient (and a note for handed_over)
    next_attempt_at: datetime | None = None  # transient


@dataclass(frozen=True)
class BatchRecorded:
    """What record_answers did: per outcome, the report ids whose state changed; plus the ids whose answer
    was only logged (a late answer for a report already acknowledged, confirmed or handed over)."""

    changed: Mapping[str, list[str]]
    logged_only: list[str]


#: The report columns an OutboxReport is made of (claims read only these: no ORM objects on the hot path).
_OUTBOX_COLUMNS = (
    Report.id, Report.registration_id, Report.kind, Report.state, Report.payload, Report.payload_sha256,
    Report.event_time, Report.deadline_at, Report.attempts, Report.next_attempt_at, Report.channel,
    Report.claimed_by, Report.lease_until, Report.corrects_report_id, Report.anchor_seq, Report.anchor_hash,
)


def outbox_report(report: Any) -> OutboxReport:
    """From a `Report` or a row of `_OUTBOX_COLUMNS` (same attribute names)."""
    return OutboxReport(
        report_id=report.id, registration_id=report.registration_id, kind=report.kind, state=report.state,
        payload=load_payload(report.payload), payload_text=report.payload,
        payload_sha256=report.payload_sha256, event_time=report.event_time, deadline_at=report.deadline_at,
        attempts=report.attempts, next_attempt_at=report.next_attempt_at, channel=report.channel,
        claimed_by=report.claimed_by, lease_until=report.lease_until,
        corrects_report_id=report.corrects_report_id,
        anchor=format_anchor(report.anchor_seq, report.anchor_hash) if report.anchor_hash else "",
    )


def now_of(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


# -- claims ---------------------------------------------------------------------------------------------


def _claimable(now: datetime, *, before_retry_time: bool = False) -> Any:
    """Queued or failed-retrying reports whose next attempt time has come (or any of them with
    `before_retry_time`), and sending ones whose claim ran out (uploader crashed, power cut)."""
    waiting: ColumnElement[bool] = Report.state.in_([s.value for s in DUE_STATES])
    if not before_retry_time:
        waiting = waiting & (Report.next_attempt_at <= now)
    return or_(waiting, (Report.state == ReportState.SENDING.value) & (Report.lease_until <= now))


def _claim_event(session: Session, *, worker: str, ids: Sequence[str], now: datetime, **extra: Any) -> None:
    append_event(session, actor=worker, action=AuditAction.REPORT_CLAIMED, entity_type="report_batch",
                 entity_id=ids[0], at=now, details={"report_ids": list(ids), **extra})


def _claim(
    db: Database, where: Any, *, worker: str, limit: int, lease: timedelta, now: datetime, **audit: Any
) -> list[OutboxReport]:
    """Mark up to `limit` reports matching `where`, earliest deadline first, sending under `worker`'s lease.
    Plain SQL statements rather than ORM objects: claiming is half of a drain's database time."""
    with db.write() as session:
        query = select(*_OUTBOX_COLUMNS).where(where).order_by(Report.deadline_at, Report.audit_seq).limit(limit)
        if db.is_postgresql:
            query = query.with_for_update(skip_locked=True)
        rows = session.execute(query).all()
        if not rows:
            return []
        ids = [r.id for r in rows]
        lease_until = now + lease
        session.execute(
            update(Report).where(Report.id.in_(ids))
            .values(state=ReportState.SENDING.value, claimed_by=worker, lease_until=lease_until, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        _claim_event(session, worker=worker, ids=ids, now=now, **audit)
    return [
        replace(outbox_report(r), state=ReportState.SENDING.value, claimed_by=worker, lease_until=lease_until)
        for r in rows
    ]


def claim_due_reports(
    db: Database,
    *,
    worker: str,
    limit: int = 20,
    lease: timedelta = DEFAULT_LEASE,
    clock: Clock | None = None,
) -> list[OutboxReport]:
    """Take up to `limit` due reports, earliest deadline first, and mark them sending under a lease held
    by `worker`. Due: queued or failed-retrying with next_attempt_at <= now, or sending with an expired
    lease. Returns them with their payloads."""
    now = now_of(clock)
    return _claim(db, _claimable(now), worker=worker, limit=limit, lease=lease, now=now)


def claim_open_reports(
    db: Database,
    *,
    worker: str,
    limit: int = 1000,
    lease: timedelta = DEFAULT_LEASE,
    clock: Clock | None = None,
    not_attempted_since: datetime | None = None,
) -> list[OutboxReport]:
    """Claim reports that are queued or waiting for a retry, whether or not their retry time has come
    (and sending ones whose lease ran out), earliest deadline first: for handing everything unsent over
    as a batch file during an outage, or the desk's "send all now". `not_attempted_since` leaves out the
    reports already attempted since then, so that one "send everything now" pass tries each report once."""
    now = now_of(clock)
    where = _claimable(now, before_retry_time=True)
    if not_attempted_since is not None:
        where = where & or_(Report.last_attempt_at.is_(None), Report.last_attempt_at < not_attempted_since)
    return _claim(db, where, worker=worker, limit=limit, lease=lease, now=now, open=True)


def load_for_update(session: Session, report_id: str) -> Report:
    report = session.execute(select(Report).where(Report.id == report_id).with_for_update()).scalar_one_or_none()
    if report is None:
        raise NotFound(f"no report {report_id}")
    return report


def mark_sending(
    db: Database,
    report_id: str,
    *,
    worker: str,
    lease: timedelta = DEFAULT_LEASE,
    clock: Clock | None = None,
    force: bool = False,
) -> OutboxReport:
    """Claim one particular report ("send now" from the UI). Refused while another worker's lease runs,
    and for reports already acknowledged, confirmed or handed over. `force` also allows a report that is
    waiting for its next attempt time (the receptionist asked to retry now)."""
    now = now_of(clock)
    with db.write() as session:
        report = load_for_update(session, report_id)
        state = ReportState(report.state)
        if not can_transition(state, ReportState.SENDING):
            raise StateError(f"report {report_id} is {state.value}; it cannot be sent")
        if state is ReportState.SENDING and report.lease_until and report.lease_until > now:
            if report.claimed_by != worker:
                raise StateError(f"report {report_id} is being sent by {report.claimed_by}")
        elif state in DUE_STATES and report.next_attempt_at > now and not force:
            raise StateError(f"report {report_id} waits until {report.next_attempt_at.isoformat()}")
        report.state = ReportState.SENDING.value
        report.claimed_by = worker
        report.lease_until = now + lease
        report.updated_at = now
        _claim_event(session, worker=worker, ids=[report.id], now=now)
        session.flush()
        return outbox_report(report)


def release_claims(db: Database, *, worker: str, clock: Clock | None = None) -> list[str]:
    """Make the reports that `worker` holds due again at once, logging an attempt whose outcome is unknown.

    For an uploader starting up: a previous life of the same worker was killed mid-send, so whether the
    intake filed those reports is unknown. Sending them again under the same idempotency key is safe
    (the intake answers a duplicate with the original receipt); waiting for the leases wastes minutes of
    the 24 hours."""
    now = now_of(clock)
    with db.read() as session:
        ids = list(session.execute(
            select(Report.id).where(Report.state == ReportState.SENDING.value, Report.claimed_by == worker)
        ).scalars())
    if not ids:
        return []
    record_answers(
        db,
        [Answer(rid, "transient", error="interrupted: the uploader stopped mid-send; outcome unknown, "
                "sending again under the same idempotency key", next_attempt_at=now) for rid in ids],
        channel="http", actor=worker, clock=clock,
    )
    return ids


# -- answers --------------------------------------------------------------------------------------------


def attempt_row(
    report_id: str, *, now: datetime, channel: str, outcome: str, actor: str, receipt_id: str | None = None,
    raw_answer: str | None = None, field_errors: str | None = None, error: str | None = None,
) -> dict[str, Any]:
    return {
        "report_id": report_id, "attempted_at": now, "channel": channel, "outcome": outcome,
        "receipt_id": receipt_id, "raw_answer": raw_answer, "field_errors": field_errors, "error": error,
        "actor": actor,
    }


def _field_errors(errors: Sequence[FieldError | Mapping[str, Any]]) -> list[dict[str, str]]:
    return [e.to_dict() if isinstance(e, FieldError) else {
        "field": str(e.get("field") or ""), "code": str(e.get("code") or ""), "message": str(e.get("message") or "")
    } for e in errors]


def check_answer(answer: Answer) -> None:
    if answer.outcome not in OUTCOMES:
        raise StoreError(f"unknown outcome {answer.outcome!r}")
    if answer.outcome == "transient" and (answer.next_attempt_at is None or answer.next_attempt_at.tzinfo is None):
        raise StoreError("a transient failure needs a next_attempt_at with a time zone")


def apply_answers(
    db: Database, session: Session, answers: Sequence[Answer], *, channel: str, actor: str, now: datetime,
    strict: bool,
) -> BatchRecorded:
    """Apply answers inside `session`. An answer that cannot apply to its report's state is only logged,
    or with `strict` (one report, named by the desk or a command) refused with StateError."""
    changed: dict[str, list[str]] = {o: [] for o in OUTCOMES}
    logged_only: list[str] = []
    # Each report's covered columns as they are, so its new state hash can be computed without a reload.
    current: dict[str, dict[str, Any]] = {}
    ids = [a.report_id for a in answers]
    for i in range(0, len(ids), _CHUNK):
        query = select(*_STATE_COLUMNS).where(Report.id.in_(ids[i : i + _CHUNK]))
        if db.is_postgresql:
            query = query.with_for_update()
        current.update((row.id, dict(row._mapping)) for row in session.execute(query))
    attempt_rows: list[dict[str, Any]] = []
    updates: dict[str, list[dict[str, Any]]] = {o: [] for o in OUTCOMES}
    audit: dict[str, dict[str, Any]] = {o: {} for o in OUTCOMES}
    covered: dict[str, dict[str, list[Any]]] = {o: {} for o in OUTCOMES}
    for a in answers:
        if a.report_id not in current:
            raise NotFound(f"no report {a.report_id}")
        now_row = current[a.report_id]
        state, attempts = now_row["state"], now_row["attempts"]
        target = OUTCOME_STATE[a.outcome]
        answerable = can_transition(state, target)
        # A late acknowledgement of a settled report is harmless (the intake repeats its receipt).
        if strict and not answerable and a.outcome != "acknowledged":
            raise StateError(f"report {a.report_id} is {state}; a {a.outcome.replace('_', ' ')} answer cannot apply")
        items = _field_errors(a.field_errors)
        errors_json = json.dumps(items, ensure_ascii=False) if items or a.outcome == "rejected" else None
        attempt_rows.append(attempt_row(
            a.report_id, now=now, channel=channel, outcome=a.outcome, actor=actor, receipt_id=a.receipt_id,
            raw_answer=a.raw_answer, field_errors=errors_json, error=a.error))
        if not answerable:
            logged_only.append(a.report_id)
            continue
        row: dict[str, Any] = {
            "id": a.report_id, "state": target.value, "attempts": attempts + 1,
            "last_attempt_at": now, "channel": channel, "claimed_by": None, "lease_until": None, "updated_at": now,
        }
        if a.outcome == "acknowledged":
            row.update(receipt_id=a.receipt_id, raw_answer=a.raw_answer, last_error=None)
            audit[a.outcome][a.report_id] = a.receipt_id
        elif a.outcome == "rejected":
            row.update(raw_answer=a.raw_answer, field_errors=errors_json, last_error="; ".join(
                f"{i['field']}: {i['message'] or i['code']}" for i in items) or "rejected")
            audit[a.outcome][a.report_id] = [i["field"] or i["code"] for i in items]
        elif a.outcome == "transient":
            assert a.next_attempt_at is not None
            row.update(next_attempt_at=a.next_attempt_at, last_error=a.error or "transient failure")
            # The error text is in the attempt log; a batch's audit event stays small.
            audit[a.outcome][a.report_id] = a.next_attempt_at.isoformat()
        else:
            row.update(handed_over_at=now, handed_over_by=actor)
            audit[a.outcome][a.report_id] = a.error or ""
        now_row.update(row)
        if a.outcome != "transient":
            # A settled state (and its receipt) is new: the outcome's event records the report's new hash. A
            # transient failure leaves it unsent, which the hash does not tell apart (row_digests).
            covered[a.outcome].update([row_digests.item(row_digests.REPORT, now_row, now_row["row_seq"])])
        updates[a.outcome].append(row)
        changed[a.outcome].append(a.report_id)
    session.execute(insert(ReportAttempt), attempt_rows)
    for outcome, per_report in audit.items():
        if not per_report:
            continue
        one = len(per_report) == 1
        rows = covered[outcome]
        details: dict[str, Any] = {"channel": channel, "reports": per_report}
        if rows:
            details[row_digests.ROWS] = rows
        event = append_event(
            session, actor=actor, action=_OUTCOME_ACTION[outcome],
            entity_type="report" if one else "report_batch", entity_id=next(iter(per_report)), at=now,
            details=details,
        )
        for row in updates[outcome]:
            if row_digests.key(row_digests.REPORT, row["id"]) in rows:
                row["row_seq"] = current[row["id"]]["row_seq"] = event.seq
        # One executemany per set of keys (rows with and without a new row_seq differ).
        for keys in {tuple(sorted(r)) for r in updates[outcome]}:
            session.execute(update(Report), [r for r in updates[outcome] if tuple(sorted(r)) == keys])
    return BatchRecorded(changed, logged_only)


def record_answers(
    db: Database,
    answers: Sequence[Answer],
    *,
    channel: str,
    actor: str = "uploader",
    clock: Clock | None = None,
) -> BatchRecorded:
    """Record a batch of attempt answers in one transaction (see the module docstring). Answers that
    cannot apply (a report already settled) are logged and listed in `logged_only`."""
    now = now_of(clock)
    for a in answers:
        check_answer(a)
    if not answers:
        return BatchRecorded({o: [] for o in OUTCOMES}, [])
    with db.write() as session:
        return apply_answers(db, session, answers, channel=channel, actor=actor, now=now, strict=False)


def get_report(db: Database, report_id: str) -> OutboxReport:
    """One report with its payload (for the uploader and the fax sender; not a personal-data view)."""
    with db.read() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFound(f"no report {report_id}")
        return outbox_report(report)


def due_reports(db: Database, *, limit: int = 200) -> list[OutboxReport]:
    """Reports waiting to be sent (queued or waiting for a retry), earliest deadline first, without claiming
    them: for checking what would be sent (the intake's check-only mode)."""
    with db.read() as session:
        rows = session.execute(
            select(*_OUTBOX_COLUMNS).where(Report.state.in_([s.value for s in DUE_STATES]))
            .order_by(Report.deadline_at, Report.audit_seq).limit(limit)
        ).all()
    return [outbox_report(r) for r in rows]
