"""One report at a time: what the desk or a command records about a report it names.

A late acknowledgement, a rejection, a transient failure, a hand-over by fax or in person, and the police's
confirmation with their receipt number. The same rules as the uploader's batches (hotel_desk.store.outbox),
but strict: an answer that cannot apply to the report's state is refused with StateError instead of logged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select

from hotel_desk.clock import Clock
from hotel_desk.rules.reports import ReportState, TransitionRefused, require_transition
from hotel_desk.store import row_digests
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import StateError, StoreError
from hotel_desk.store.models import Report, ReportAttempt
from hotel_desk.store.outbox import (
    Answer,
    FieldError,
    OutboxReport,
    apply_answers,
    attempt_row,
    check_answer,
    load_for_update,
    now_of,
    outbox_report,
)

HANDOVER_CHANNELS = ("fax", "manual")


def _record_one(db: Database, answer: Answer, *, channel: str, actor: str, clock: Clock | None) -> OutboxReport:
    check_answer(answer)
    now = now_of(clock)
    with db.write() as session:
        apply_answers(db, session, [answer], channel=channel, actor=actor, now=now, strict=True)
        report = session.execute(
            select(Report).where(Report.id == answer.report_id).execution_options(populate_existing=True)
        ).scalar_one()
        return outbox_report(report)


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
    return _record_one(db, Answer(report_id, "acknowledged", raw_answer=raw_answer, receipt_id=receipt_id),
                       channel=channel, actor=actor, clock=clock)


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
    return _record_one(db, Answer(report_id, "rejected", raw_answer=raw_answer, field_errors=errors),
                       channel=channel, actor=actor, clock=clock)


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
    return _record_one(db, Answer(report_id, "transient", raw_answer=raw_answer, error=error,
                                  next_attempt_at=next_attempt_at), channel=channel, actor=actor, clock=clock)


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
    return _record_one(db, Answer(report_id, "handed_over", error=note or None), channel=channel, actor=actor,
                       clock=clock)


def confirm_report(
    db: Database,
    report_id: str,
    *,
    receipt_number: str,
    actor: str,
    raw_answer: str = "",
    clock: Clock | None = None,
) -> OutboxReport:
    """The police confirmed a handed-over (or acknowledged) report with a receipt number. Not an attempt:
    the attempt count and the claim stay as they were."""
    receipt_number = receipt_number.strip()
    if not receipt_number:
        raise StoreError("a confirmation needs the receipt number")
    now = now_of(clock)
    with db.write() as session:
        report = load_for_update(session, report_id)
        state = ReportState(report.state)
        try:
            require_transition(state, ReportState.CONFIRMED, subject=f"report {report_id}")
        except TransitionRefused:
            raise StateError(f"report {report_id} is {state.value}; only handed-over or acknowledged reports "
                             "can be confirmed") from None
        session.add(ReportAttempt(**attempt_row(
            report.id, now=now, channel=report.channel or "manual", outcome="confirmed", actor=actor,
            receipt_id=receipt_number, raw_answer=raw_answer or None)))
        report.state = ReportState.CONFIRMED.value
        report.confirmed_at = now
        # An intake receipt id stays in the attempt log; the report shows the police's number from now on.
        report.receipt_id = receipt_number
        report.updated_at = now
        event = append_event(
            session, actor=actor, action=AuditAction.REPORT_CONFIRMED, entity_type="report", entity_id=report.id,
            at=now, details={"receipt_number": receipt_number, "previous_state": state.value,
                             row_digests.ROWS: dict([row_digests.item(row_digests.REPORT, report, report.row_seq)])})
        report.row_seq = event.seq
        session.flush()
        return outbox_report(report)
