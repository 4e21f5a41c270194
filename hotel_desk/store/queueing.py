"""Queueing a police report: the payload snapshot, the audit event that names its hash, and the report row.

One path for every report the desk makes: a check-in (one guest, or thousands from an import file, written
with multi-row INSERTs), a check-out, a correction or a cancellation. The caller holds the write transaction;
the report, the change it reports and its audit event commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from hotel_desk.rules.reports import REPORT_WINDOW, ReportKind, ReportState
from hotel_desk.store import row_digests
from hotel_desk.store.audit import build_event, lock_chain_head
from hotel_desk.store.models import AuditEvent, Property, Registration, Report, new_id
from hotel_desk.store.payload import build_payload, payload_digest


@dataclass(frozen=True)
class ReportRef:
    """What a desk action produced: the report queued for the police and its audit event."""

    registration_id: str
    report_id: str
    kind: str
    deadline_at: datetime
    audit_seq: int
    guest_id: str = ""


@dataclass(frozen=True)
class Reported:
    """What a report tells the police happened: its kind, when (the 24 hours run from `event_time`, e.g. the
    guest's check-in, not from when the desk typed it), and the audit event's actor, action and details."""

    kind: ReportKind
    event_time: datetime
    now: datetime
    actor: str
    action: str
    corrects_report_id: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    #: The rows the change wrote, as the event covers them (row_digests.registration_items); the new report's
    #: own row is added by `new_report`.
    rows: Mapping[str, list[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class NewReport:
    """The rows of one queued report: its audit event (a chain link) and its outbox row."""

    event: dict[str, Any]
    report: dict[str, Any]
    ref: ReportRef


def _value(source: Registration | Mapping[str, Any], name: str) -> Any:
    return source[name] if isinstance(source, Mapping) else getattr(source, name)


def new_report(*, seq: int, prev_hash: str, registration: Registration | Mapping[str, Any], property_: Property,
               reported: Reported) -> NewReport:
    """Snapshot the payload of `registration` (a Registration, or the row mappings about to be written: see
    payload.guest_record), and build the audit event `seq` after `prev_hash` and the queued report row."""
    report_id = new_id()
    registration_id = _value(registration, "id")
    kind, corrects = reported.kind.value, reported.corrects_report_id
    text, _ = build_payload(report_id=report_id, kind=kind, registration=registration, property_=property_,
                            event_time=reported.event_time, corrects_report_id=corrects)
    digest = payload_digest(text)
    deadline = reported.event_time + REPORT_WINDOW
    now = reported.now
    report = {
        "id": report_id, "audit_seq": seq, "registration_id": registration_id, "kind": kind,
        "corrects_report_id": corrects, "payload": text, "payload_sha256": digest,
        "event_time": reported.event_time, "deadline_at": deadline, "state": ReportState.QUEUED.value,
        "channel": None, "attempts": 0, "next_attempt_at": now, "created_at": now, "updated_at": now,
        "receipt_id": None, "raw_answer": None, "field_errors": None, "handed_over_at": None,
        "handed_over_by": None, "confirmed_at": None, "row_seq": seq,
    }
    rows = dict(reported.rows)
    rows.update([row_digests.item(row_digests.REPORT, report, None)])
    event = build_event(
        seq, prev_hash, actor=reported.actor, action=reported.action, entity_type="registration",
        entity_id=registration_id, at=reported.now,
        details={**reported.details, "report_id": report_id, "report_kind": kind, "payload_sha256": digest,
                 "corrects_report_id": corrects, row_digests.ROWS: rows},
    )
    # The chain head right after this report's own event: what the report carries out as its anchor.
    report.update(anchor_seq=seq, anchor_hash=event["hash"])
    ref = ReportRef(registration_id, report_id, kind, deadline, seq, _value(registration, "guest_id"))
    return NewReport(event, report, ref)


def write_reports(session: Session, new: Sequence[NewReport]) -> None:
    """Insert the events and report rows (after whatever rows they refer to) and move the chain head."""
    if not new:
        return
    head = lock_chain_head(session)
    conn = session.connection()
    conn.execute(insert(AuditEvent), [n.event for n in new])
    conn.execute(insert(Report), [n.report for n in new])
    head.last_seq = new[-1].ref.audit_seq
    head.last_hash = new[-1].event["hash"]
    session.flush()


def queue_report(session: Session, registration: Registration, property_: Property, reported: Reported) -> ReportRef:
    """One report for a change already made to `registration` in this transaction. The event covers the
    stay, its guest and document as they are now (and the new report); each row then points at it."""
    head = lock_chain_head(session)
    seq = head.last_seq + 1
    rows = row_digests.registration_items(registration, registration.guest, registration.document, new=False)
    new = new_report(seq=seq, prev_hash=head.last_hash, registration=registration, property_=property_,
                     reported=replace(reported, rows={**reported.rows, **rows}))
    write_reports(session, [new])
    for row in (registration, registration.guest, registration.document):
        row.row_seq = seq
    return new.ref
