"""Batch additions to the outbox API, written by the reporting engineer (see docs/reporting.md).

`outbox.py` records one answer per transaction, which caps the uploader at roughly 130 reports a second on
SQLite: every call re-reads the report, appends its own audit event and commits (fsync). An intake answers
a whole batch at once, so these functions record a whole batch's answers in ONE transaction: the same
report fields, one attempt-log row per report (with that report's own raw answer), and one audit event per
outcome group naming every report in it (as `claim_due_reports` already does for claims).

Also here: `claim_open_reports` (for the batch-file hand-over, which takes reports that are still waiting
for their next retry) and `release_claims` (an uploader restarting after a crash takes back the reports its
previous life had claimed, instead of waiting for their leases to run out).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.models import DUE_STATES, Report, ReportAttempt, ReportState
from hotel_desk.store.outbox import DEFAULT_LEASE, OutboxReport, _outbox_report

OUTCOMES = ("acknowledged", "rejected", "transient", "handed_over")
_ANSWERABLE = {ReportState.SENDING.value, ReportState.QUEUED.value, ReportState.FAILED_RETRYING.value}
_CHUNK = 500  # SQLite's bound-parameter limit is generous, but IN lists this long are plenty


@dataclass(frozen=True)
class Answer:
    """What one attempt produced for one report."""

    report_id: str
    outcome: str  # one of OUTCOMES
    raw_answer: str | None = None
    receipt_id: str | None = None  # acknowledged
    field_errors: Sequence[Mapping[str, Any]] = field(default_factory=tuple)  # rejected
    error: str | None = None  # transient (and a note for handed_over)
    next_attempt_at: datetime | None = None  # transient


@dataclass(frozen=True)
class BatchRecorded:
    """What record_answers did: per outcome, the report ids whose state changed; plus the ids whose answer
    was only logged (a late answer for a report already acknowledged, confirmed or handed over)."""

    changed: Mapping[str, list[str]]
    logged_only: list[str]


def record_answers(
    db: Database,
    answers: Sequence[Answer],
    *,
    channel: str,
    actor: str = "uploader",
    clock: Clock | None = None,
) -> BatchRecorded:
    """Record a batch of attempt answers in one transaction (see the module docstring)."""
    now = (clock or SystemClock()).now()
    changed: dict[str, list[str]] = {o: [] for o in OUTCOMES}
    logged_only: list[str] = []
    for a in answers:
        if a.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {a.outcome!r}")
        if a.outcome == "transient" and (a.next_attempt_at is None or a.next_attempt_at.tzinfo is None):
            raise ValueError("a transient answer needs an aware next_attempt_at")
    if not answers:
        return BatchRecorded(changed, logged_only)
    with db.write() as session:
        current: dict[str, tuple[str, int]] = {}
        ids = [a.report_id for a in answers]
        for i in range(0, len(ids), _CHUNK):
            query = select(Report.id, Report.state, Report.attempts).where(Report.id.in_(ids[i : i + _CHUNK]))
            if db.is_postgresql:
                query = query.with_for_update()
            for rid, state, attempts in session.execute(query):
                current[rid] = (state, attempts)
        attempt_rows: list[dict[str, Any]] = []
        updates: dict[str, list[dict[str, Any]]] = {o: [] for o in OUTCOMES}
        audit: dict[str, dict[str, Any]] = {o: {} for o in OUTCOMES}
        for a in answers:
            if a.report_id not in current:
                raise ValueError(f"no report {a.report_id}")
            state, attempts = current[a.report_id]
            errors_json = json.dumps([
                {"field": str(e.get("field") or ""), "code": str(e.get("code") or ""),
                 "message": str(e.get("message") or "")} for e in a.field_errors
            ], ensure_ascii=False) if a.field_errors else None
            attempt_rows.append({
                "report_id": a.report_id, "attempted_at": now, "channel": channel, "outcome": a.outcome,
                "receipt_id": a.receipt_id, "raw_answer": a.raw_answer, "field_errors": errors_json,
                "error": a.error, "actor": actor,
            })
            answerable = state in _ANSWERABLE or (
                a.outcome == "acknowledged" and state in (ReportState.REJECTED.value, ReportState.HANDED_OVER.value)
            )
            if not answerable:
                logged_only.append(a.report_id)
                continue
            current[a.report_id] = (state, attempts + 1)
            common = {
                "id": a.report_id, "attempts": attempts + 1, "last_attempt_at": now, "channel": channel,
                "claimed_by": None, "lease_until": None, "updated_at": now,
            }
            if a.outcome == "acknowledged":
                row = {**common, "state": ReportState.ACKNOWLEDGED.value, "receipt_id": a.receipt_id,
                       "raw_answer": a.raw_answer, "last_error": None}
                audit["acknowledged"][a.report_id] = a.receipt_id
            elif a.outcome == "rejected":
                items = json.loads(errors_json or "[]")
                row = {**common, "state": ReportState.REJECTED.value, "raw_answer": a.raw_answer,
                       "field_errors": errors_json or "[]",
                       "last_error": "; ".join(f"{i['field']}: {i['message'] or i['code']}" for i in items)
                       or "rejected"}
                audit["rejected"][a.report_id] = [i["field"] or i["code"] for i in items]
            elif a.outcome == "transient":
                assert a.next_attempt_at is not None
                row = {**common, "state": ReportState.FAILED_RETRYING.value, "next_attempt_at": a.next_attempt_at,
                       "last_error": a.error or "transient failure"}
                audit["transient"][a.report_id] = a.next_attempt_at.isoformat()
            else:
                row = {**common, "state": ReportState.HANDED_OVER.value, "handed_over_at": now,
                       "handed_over_by": actor}
                audit["handed_over"][a.report_id] = a.error or ""
            updates[a.outcome].append(row)
            changed[a.outcome].append(a.report_id)
        session.execute(insert(ReportAttempt), attempt_rows)
        for rows in updates.values():
            if rows:
                session.execute(update(Report), rows)
        actions = {
            "acknowledged": AuditAction.REPORT_ACKNOWLEDGED, "rejected": AuditAction.REPORT_REJECTED,
            "transient": AuditAction.REPORT_FAILED, "handed_over": AuditAction.REPORT_HANDED_OVER,
        }
        for outcome, per_report in audit.items():
            if per_report:
                append_event(
                    session, actor=actor, action=actions[outcome], entity_type="report_batch",
                    entity_id=next(iter(per_report)), at=now,
                    details={"channel": channel, "reports": per_report},
                )
    return BatchRecorded(changed, logged_only)


def claim_open_reports(
    db: Database,
    *,
    worker: str,
    limit: int = 1000,
    lease: timedelta = DEFAULT_LEASE,
    clock: Clock | None = None,
) -> list[OutboxReport]:
    """Claim reports that are queued or waiting for a retry, whether or not their retry time has come
    (and sending ones whose lease ran out), earliest deadline first: for handing everything unsent over
    as a batch file during an outage."""
    now = (clock or SystemClock()).now()
    with db.write() as session:
        due = Report.state.in_([s.value for s in DUE_STATES]) | (
            (Report.state == ReportState.SENDING.value) & (Report.lease_until <= now)
        )
        query = select(Report).where(due).order_by(Report.deadline_at, Report.audit_seq).limit(limit)
        if db.is_postgresql:
            query = query.with_for_update(skip_locked=True)
        reports = session.execute(query).scalars().all()
        if not reports:
            return []
        for report in reports:
            report.state = ReportState.SENDING.value
            report.claimed_by = worker
            report.lease_until = now + lease
            report.updated_at = now
        append_event(
            session, actor=worker, action=AuditAction.REPORT_CLAIMED, entity_type="report_batch",
            entity_id=reports[0].id, at=now, details={"report_ids": [r.id for r in reports], "open": True},
        )
        return [_outbox_report(r) for r in reports]


def release_claims(db: Database, *, worker: str, clock: Clock | None = None) -> list[str]:
    """Make the reports that `worker` holds due again at once, logging an attempt whose outcome is unknown.

    For an uploader starting up: a previous life of the same worker was killed mid-send, so whether the
    intake filed those reports is unknown. Sending them again under the same idempotency key is safe
    (the intake answers a duplicate with the original receipt); waiting for the leases wastes minutes of
    the 24 hours."""
    now = (clock or SystemClock()).now()
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


def claim_due_batch(
    db: Database,
    *,
    worker: str,
    limit: int = 200,
    lease: timedelta = DEFAULT_LEASE,
    clock: Clock | None = None,
) -> list[OutboxReport]:
    """`outbox.claim_due_reports` with the same rules and audit event, in plain SQL statements instead of
    ORM objects: claiming is half of a drain's database time, and this is about three times faster."""
    now = (clock or SystemClock()).now()
    cols = (
        Report.id, Report.registration_id, Report.kind, Report.state, Report.payload, Report.payload_sha256,
        Report.event_time, Report.deadline_at, Report.attempts, Report.next_attempt_at, Report.channel,
        Report.corrects_report_id,
    )
    with db.write() as session:
        query = select(*cols).where(_due(now)).order_by(Report.deadline_at, Report.audit_seq).limit(limit)
        if db.is_postgresql:
            query = query.with_for_update(skip_locked=True)
        rows = session.execute(query).all()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        lease_until = now + lease
        session.execute(
            update(Report).where(Report.id.in_(ids))
            .values(state=ReportState.SENDING.value, claimed_by=worker, lease_until=lease_until, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        append_event(
            session, actor=worker, action=AuditAction.REPORT_CLAIMED, entity_type="report_batch",
            entity_id=ids[0], at=now, details={"report_ids": ids},
        )
    return [
        OutboxReport(
            report_id=rid, registration_id=reg, kind=kind, state=ReportState.SENDING.value,
            payload=json.loads(payload), payload_text=payload, payload_sha256=digest, event_time=event_time,
            deadline_at=deadline, attempts=attempts, next_attempt_at=next_at, channel=channel,
            claimed_by=worker, lease_until=lease_until, corrects_report_id=corrects,
        )
        for rid, reg, kind, _state, payload, digest, event_time, deadline, attempts, next_at, channel, corrects
        in rows
    ]


def _due(now: datetime) -> Any:
    return (Report.state.in_([s.value for s in DUE_STATES]) & (Report.next_attempt_at <= now)) | (
        (Report.state == ReportState.SENDING.value) & (Report.lease_until <= now)
    )
