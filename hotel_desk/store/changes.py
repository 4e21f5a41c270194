"""Changing a registration after its check-in report: check out, correct, cancel.

Every function is one desk action and one transaction: the change, its report (a new one: a report once
written is never edited) and its audit event commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.rules import gate, record
from hotel_desk.rules.reports import ReportKind
from hotel_desk.rules.stays import check_out_problems
from hotel_desk.rules.validation import latest_day
from hotel_desk.store.audit import AuditAction
from hotel_desk.store.db import Database
from hotel_desk.store.errors import InvalidRegistration, NotFound, StateError, StoreError, require_actor
from hotel_desk.store.models import Registration, RegistrationStatus, Report
from hotel_desk.store.property import property_row
from hotel_desk.store.queueing import Reported, ReportRef, queue_report

#: What a correction may change (payload guest keys); where each value lives is the record's.
CORRECTABLE_FIELDS = record.CORRECTABLE


def _load_registration(session: Session, registration_id: str) -> Registration:
    reg = session.execute(
        select(Registration)
        .where(Registration.id == registration_id)
        .options(selectinload(Registration.guest), selectinload(Registration.document))
        .with_for_update()
    ).scalar_one_or_none()
    if reg is None:
        raise NotFound(f"no registration {registration_id}")
    return reg


def _latest_report_id(session: Session, registration_id: str, kinds: Sequence[ReportKind]) -> str | None:
    return session.execute(
        select(Report.id)
        .where(Report.registration_id == registration_id, Report.kind.in_([k.value for k in kinds]))
        .order_by(Report.audit_seq.desc())
        .limit(1)
    ).scalar_one_or_none()


def _queue(session: Session, reg: Registration, reported: Reported, corrects: Sequence[ReportKind]) -> ReportRef:
    """The report of a change just made to `reg`; it corrects the latest report of the `corrects` kinds."""
    session.flush()
    reported = replace(reported, corrects_report_id=_latest_report_id(session, reg.id, corrects))
    return queue_report(session, reg, property_row(session, reg.property_id), reported)


def check_out(
    db: Database,
    registration_id: str,
    *,
    actor: str,
    clock: Clock | None = None,
    at: datetime | None = None,
) -> ReportRef:
    """Close the stay ("cancel on departure"): check-out time (`at`, default now), the check-out report, the
    audit event."""
    return check_out_many(db, [registration_id], actor=actor, clock=clock, at=at)[0]


def check_out_many(
    db: Database,
    registration_ids: Sequence[str],
    *,
    actor: str,
    clock: Clock | None = None,
    at: datetime | None = None,
) -> list[ReportRef]:
    """Close several stays at once (a group leaving together, the morning's overdue list): one transaction,
    one check-out report and audit event per guest; if any of them cannot be checked out, none is."""
    actor = require_actor(actor)
    now = (clock or SystemClock()).now()
    when = at or now
    if when.tzinfo is None:
        raise StoreError("the check-out time has no time zone")
    if len(set(registration_ids)) != len(registration_ids):
        raise StoreError("a guest is listed twice for the check-out")
    with db.write() as session:
        return [check_out_in_session(session, rid, when=when, now=now, actor=actor) for rid in registration_ids]


def check_out_in_session(session: Session, registration_id: str, *, when: datetime, now: datetime,
                         actor: str) -> ReportRef:
    """One check-out inside the caller's write transaction. The time rule is hotel_desk.rules.stays'."""
    reg = _load_registration(session, registration_id)
    if reg.status != RegistrationStatus.IN_HOUSE.value:
        raise StateError(f"registration {registration_id} is {reg.status}, not in house")
    problems = check_out_problems(when, arrival=reg.arrival_at, now=now)
    if problems:
        raise StoreError("; ".join(p.message for p in problems) + f" (room {reg.room})")
    reg.checked_out_at = when
    reg.status = RegistrationStatus.CHECKED_OUT.value
    reg.updated_at = now
    return _queue(session, reg, Reported(ReportKind.CHECK_OUT, when, now, actor, AuditAction.CHECK_OUT,
                                         details={"room": reg.room}), [ReportKind.CHECK_IN])


def _coerce(key: str, value: Any) -> Any:
    kind = record.spec(key).type
    if kind is record.FieldType.DATE:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        if isinstance(value, str):
            return date.fromisoformat(value)
        raise InvalidRegistration(f"{key}: expected a date, got {value!r}")
    if kind is record.FieldType.TIME:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise InvalidRegistration(f"{key}: expected a timezone-aware time, got {value!r}")
        return value
    if not isinstance(value, str):
        raise InvalidRegistration(f"{key}: expected text, got {value!r}")
    return value.strip()


def _parts(reg: Registration) -> dict[record.Part, Any]:
    return {record.Part.GUEST: reg.guest, record.Part.DOCUMENT: reg.document, record.Part.STAY: reg}


def correct_registration(
    db: Database,
    registration_id: str,
    changes: Mapping[str, Any],
    *,
    actor: str,
    note: str = "",
    clock: Clock | None = None,
) -> ReportRef:
    """Change recorded facts of a stay (after a police "suspected error" list, a rejected report or a
    typo): the record is updated and a correction report carries the whole corrected snapshot. Keys of
    `changes` are payload guest keys (see CORRECTABLE_FIELDS). The corrected record passes the registration
    gate again. The audit event names the changed fields; old and new values stay in the two reports'
    payloads."""
    actor = require_actor(actor)
    now = (clock or SystemClock()).now()
    with db.write() as session:
        return correct_in_session(session, registration_id, changes, actor=actor, note=note, now=now)


def correct_in_session(session: Session, registration_id: str, changes: Mapping[str, Any], *, actor: str,
                       note: str, now: datetime, details: Mapping[str, Any] | None = None) -> ReportRef:
    """`correct_registration` inside the caller's write transaction (a suspected-error answer writes its own
    row and event in the same one); `details` go into the correction's audit event."""
    unknown = sorted(set(changes) - CORRECTABLE_FIELDS)
    if unknown:
        raise InvalidRegistration(f"these fields cannot be corrected: {', '.join(unknown)}")
    values = {key: _coerce(key, value) for key, value in changes.items()}
    reg = _load_registration(session, registration_id)
    if reg.status == RegistrationStatus.CANCELLED.value:
        raise StateError(f"registration {registration_id} is cancelled; register the guest again")
    if "check_out_time" in values and reg.checked_out_at is None:
        raise StateError("the guest has not checked out; there is no check-out time to correct")
    parts = _parts(reg)
    changed: list[str] = []
    for key, value in values.items():
        spec = record.spec(key)
        if getattr(parts[spec.part], spec.column) != value:
            setattr(parts[spec.part], spec.column, value)
            changed.append(key)
    if not changed:
        raise InvalidRegistration("nothing to correct: every value is already as given")
    corrected = {f.key: getattr(parts[f.part], f.column) for f in record.FIELDS}
    # The corrected record passes the same gate and record validation as a check-in (against its own
    # arrival): a correction must not carry what the intake would refuse.
    verdict = gate.judge(corrected, entry_method=reg.document.entry_method,
                         manual_reason=reg.document.manual_reason or "", arrival=reg.arrival_at,
                         today=latest_day(now))
    problems = verdict.reasons(acknowledgement=False)
    if "check_out_time" in changed and reg.checked_out_at is not None:
        problems += [p.message for p in check_out_problems(reg.checked_out_at, arrival=reg.arrival_at, now=now)]
    if problems:
        raise InvalidRegistration("; ".join(problems), verdict.errors)
    reg.updated_at = now
    only_checkout = set(changed) == {"check_out_time"}
    reported = Reported(ReportKind.CORRECTION, now, now, actor, AuditAction.CORRECTION,
                        details={"changed_fields": sorted(changed), "note": note, **(details or {})})
    return _queue(session, reg, reported,
                  [ReportKind.CHECK_OUT] if only_checkout else [ReportKind.CHECK_IN, ReportKind.CORRECTION])


def cancel_registration(
    db: Database, registration_id: str, *, actor: str, note: str = "", clock: Clock | None = None
) -> ReportRef:
    """Withdraw a registration made in error (wrong guest, duplicate): a cancellation report tells the
    police; the records stay for the audit."""
    actor = require_actor(actor)
    now = (clock or SystemClock()).now()
    with db.write() as session:
        reg = _load_registration(session, registration_id)
        if reg.status == RegistrationStatus.CANCELLED.value:
            raise StateError(f"registration {registration_id} is already cancelled")
        previous = reg.status
        reg.status = RegistrationStatus.CANCELLED.value
        reg.updated_at = now
        reported = Reported(ReportKind.CANCELLATION, now, now, actor, AuditAction.CANCELLATION,
                            details={"note": note, "previous_status": previous})
        return _queue(session, reg, reported, [ReportKind.CHECK_IN, ReportKind.CORRECTION])
