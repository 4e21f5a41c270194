"""The report outbox, as the uploader sees it: claim due reports, record what the intake answered.

Safe across processes: on PostgreSQL claims use SELECT ... FOR UPDATE SKIP LOCKED, so two uploaders
never take the same report; on SQLite every write transaction holds the database write lock from its
BEGIN IMMEDIATE. A claim is a lease: if the uploader dies mid-send, the report becomes due again when the
lease runs out (the intake must therefore tolerate a repeated report_id; the payload is identical).

Every state change is one transaction with its attempt-log row (for answers) and its audit event.
Nothing here edits a payload: the database refuses it anyway.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.models import DUE_STATES, Report, ReportAttempt, ReportState
from hotel_desk.store.payload import load_payload
from hotel_desk.store.services import NotFound, StateError, StoreError

#: How long a claim protects a report from other uploaders.
DEFAULT_LEASE = timedelta(minutes=5)

HANDOVER_CHANNELS = ("fax", "manual")


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
    registration_id: str
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


def _outbox_report(report: Report) -> OutboxReport:
    return OutboxReport(
        report_id=report.id, registration_id=report.registration_id, kind=report.kind, state=report.state,
        payload=load_payload(report.payload), payload_text=report.payload,
        payload_sha256=report.payload_sha256, event_time=report.event_time, deadline_at=report.deadline_at,
        attempts=report.attempts, next_attempt_at=report.next_attempt_at, channel=report.channel,
        claimed_by=report.claimed_by, lease_until=report.lease_until,
        corrects_report_id=report.corrects_report_id,
    )


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def _due_clause(now: datetime) -> Any:
    return or_(
        (Report.state.in_([s.value for s in DUE_STATES])) & (Report.next_attempt_at <= now),
        # A claim whose uploader vanished (crash, power cut) runs out and the report is due again.
        (Report.state == ReportState.SENDING.value) & (Report.lease_until <= now),
    )


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
    now = _now(clock)
    with db.write() as session:
        query = select(Report).where(_due_clause(now)).order_by(Report.deadline_at, Report.audit_seq).limit(limit)
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
            entity_id=reports[0].id, at=now, details={"report_ids": [r.id for r in reports]},
        )
        return [_outbox_report(r) for r in reports]


def _load(session: Session, report_id: str) -> Report:
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
    now = _now(clock)
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        if state is ReportState.SENDING and report.lease_until and report.lease_until > now:
            if report.claimed_by != worker:
                raise StateError(f"report {report_id} is being sent by {report.claimed_by}")
        elif state not in DUE_STATES and state is not ReportState.SENDING:
            raise StateError(f"report {report_id} is {state.value}; it cannot be sent")
        elif state in DUE_STATES and report.next_attempt_at > now and not force:
            raise StateError(f"report {report_id} waits until {report.next_attempt_at.isoformat()}")
        report.state = ReportState.SENDING.value
        report.claimed_by = worker
        report.lease_until = now + lease
        report.updated_at = now
        append_event(
            session, actor=worker, action=AuditAction.REPORT_CLAIMED, entity_type="report_batch",
            entity_id=report.id, at=now, details={"report_ids": [report.id]},
        )
        session.flush()
        return _outbox_report(report)


def _log_attempt(
    session: Session,
    report: Report,
    *,
    now: datetime,
    channel: str,
    outcome: str,
    actor: str,
    receipt_id: str | None = None,
    raw_answer: str | None = None,
    field_errors: str | None = None,
    error: str | None = None,
) -> None:
    session.add(
        ReportAttempt(
            report_id=report.id, attempted_at=now, channel=channel, outcome=outcome, receipt_id=receipt_id,
            raw_answer=raw_answer, field_errors=field_errors, error=error, actor=actor,
        )
    )


def _finish_attempt(report: Report, now: datetime, channel: str) -> None:
    report.attempts += 1
    report.last_attempt_at = now
    report.channel = channel
    report.claimed_by = None
    report.lease_until = None
    report.updated_at = now


_ANSWERABLE = (ReportState.SENDING, ReportState.QUEUED, ReportState.FAILED_RETRYING)


def record_acknowledged(
    db: Database,
    report_id: str,
    *,
    receipt_id: str,
    raw_answer: str,
    channel: str = "http",
    actor: str = "uploader",
    clock: Clock | None = None,
) -> OutboxReport:
    """The intake accepted the report and gave a receipt. The raw answer is kept verbatim (some intakes
    hand the receipt out only once). A late acknowledgement for a report already acknowledged or
    confirmed is still logged, without changing its state."""
    now = _now(clock)
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        _log_attempt(session, report, now=now, channel=channel, outcome="acknowledged", actor=actor,
                     receipt_id=receipt_id, raw_answer=raw_answer)
        if state in (ReportState.ACKNOWLEDGED, ReportState.CONFIRMED):
            session.flush()
            return _outbox_report(report)
        if state not in (*_ANSWERABLE, ReportState.REJECTED, ReportState.HANDED_OVER):
            raise StateError(f"report {report_id} is {state.value}")
        _finish_attempt(report, now, channel)
        report.state = ReportState.ACKNOWLEDGED.value
        report.receipt_id = receipt_id
        report.raw_answer = raw_answer
        report.last_error = None
        append_event(session, actor=actor, action=AuditAction.REPORT_ACKNOWLEDGED, entity_type="report",
                     entity_id=report.id, at=now, details={"receipt_id": receipt_id, "channel": channel,
                                                           "previous_state": state.value})
        session.flush()
        return _outbox_report(report)


def record_rejected(
    db: Database,
    report_id: str,
    *,
    errors: Sequence[FieldError | Mapping[str, str]],
    raw_answer: str,
    channel: str = "http",
    actor: str = "uploader",
    clock: Clock | None = None,
) -> OutboxReport:
    """The intake refused fields of the report: it needs a correction from the desk (state rejected).
    The per-field errors are kept for the correction screen."""
    now = _now(clock)
    items = [e.to_dict() if isinstance(e, FieldError) else {
        "field": str(e.get("field", "")), "code": str(e.get("code", "")), "message": str(e.get("message", ""))
    } for e in errors]
    errors_json = json.dumps(items, ensure_ascii=False)
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        if state not in _ANSWERABLE:
            raise StateError(f"report {report_id} is {state.value}; a rejection cannot apply")
        _log_attempt(session, report, now=now, channel=channel, outcome="rejected", actor=actor,
                     raw_answer=raw_answer, field_errors=errors_json)
        _finish_attempt(report, now, channel)
        report.state = ReportState.REJECTED.value
        report.raw_answer = raw_answer
        report.field_errors = errors_json
        report.last_error = "; ".join(f"{i['field']}: {i['message'] or i['code']}" for i in items) or "rejected"
        append_event(session, actor=actor, action=AuditAction.REPORT_REJECTED, entity_type="report",
                     entity_id=report.id, at=now,
                     details={"fields": [i["field"] for i in items], "codes": [i["code"] for i in items],
                              "channel": channel})
        session.flush()
        return _outbox_report(report)


def record_transient_failure(
    db: Database,
    report_id: str,
    *,
    error: str,
    next_attempt_at: datetime,
    raw_answer: str | None = None,
    channel: str = "http",
    actor: str = "uploader",
    clock: Clock | None = None,
) -> OutboxReport:
    """The attempt failed for a reason that may pass (network down, intake busy): retry at
    `next_attempt_at` (the uploader owns the backoff policy)."""
    now = _now(clock)
    if next_attempt_at.tzinfo is None:
        raise StoreError("next_attempt_at has no time zone")
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        if state not in _ANSWERABLE:
            raise StateError(f"report {report_id} is {state.value}; a failed attempt cannot apply")
        _log_attempt(session, report, now=now, channel=channel, outcome="transient", actor=actor,
                     raw_answer=raw_answer, error=error)
        _finish_attempt(report, now, channel)
        report.state = ReportState.FAILED_RETRYING.value
        report.next_attempt_at = next_attempt_at
        report.last_error = error
        append_event(session, actor=actor, action=AuditAction.REPORT_FAILED, entity_type="report",
                     entity_id=report.id, at=now,
                     details={"error": error[:500], "next_attempt_at": next_attempt_at.isoformat(),
                              "channel": channel})
        session.flush()
        return _outbox_report(report)


def mark_handed_over(
    db: Database,
    report_id: str,
    *,
    channel: str,
    actor: str,
    note: str = "",
    clock: Clock | None = None,
) -> OutboxReport:
    """The report went by fax or was handed to the sub-station by hand (small inns; outages). It leaves
    the uploader's queue and waits for the police's confirmation with a receipt number."""
    if channel not in HANDOVER_CHANNELS:
        raise StoreError(f"hand-over channel must be one of {', '.join(HANDOVER_CHANNELS)}")
    now = _now(clock)
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        if state not in _ANSWERABLE:
            raise StateError(f"report {report_id} is {state.value}; it cannot be handed over")
        _log_attempt(session, report, now=now, channel=channel, outcome="handed_over", actor=actor, error=note or None)
        _finish_attempt(report, now, channel)
        report.state = ReportState.HANDED_OVER.value
        report.handed_over_at = now
        report.handed_over_by = actor
        append_event(session, actor=actor, action=AuditAction.REPORT_HANDED_OVER, entity_type="report",
                     entity_id=report.id, at=now, details={"channel": channel, "note": note})
        session.flush()
        return _outbox_report(report)


def confirm_report(
    db: Database,
    report_id: str,
    *,
    receipt_number: str,
    actor: str,
    raw_answer: str = "",
    clock: Clock | None = None,
) -> OutboxReport:
    """The police confirmed a handed-over (or acknowledged) report with a receipt number."""
    receipt_number = receipt_number.strip()
    if not receipt_number:
        raise StoreError("a confirmation needs the receipt number")
    now = _now(clock)
    with db.write() as session:
        report = _load(session, report_id)
        state = ReportState(report.state)
        if state not in (ReportState.HANDED_OVER, ReportState.ACKNOWLEDGED):
            raise StateError(f"report {report_id} is {state.value}; only handed-over or acknowledged reports "
                             "can be confirmed")
        _log_attempt(session, report, now=now, channel=report.channel or "manual", outcome="confirmed",
                     actor=actor, receipt_id=receipt_number, raw_answer=raw_answer or None)
        report.state = ReportState.CONFIRMED.value
        report.confirmed_at = now
        # An intake receipt id stays in the attempt log; the report shows the police's number from now on.
        report.receipt_id = receipt_number
        report.updated_at = now
        append_event(session, actor=actor, action=AuditAction.REPORT_CONFIRMED, entity_type="report",
                     entity_id=report.id, at=now, details={"receipt_number": receipt_number,
                                                           "previous_state": state.value})
        session.flush()
        return _outbox_report(report)


def get_report(db: Database, report_id: str) -> OutboxReport:
    """One report with its payload (for the uploader and the fax sender; not a personal-data view)."""
    with db.read() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFound(f"no report {report_id}")
        return _outbox_report(report)
