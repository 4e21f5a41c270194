"""What the desk does to registrations: register a guest, check out, correct, cancel.

Qt-free. Every function is one user action and one database transaction: the registration change, its
report (with the immutable payload snapshot and deadline_at = event time + 24 h) and its audit event
commit together or not at all. A report, once written, is never edited: a change is a new report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.rules import gate, record
from hotel_desk.rules.record import ENTRY_METHODS, MANUAL_REASON_MAX, GuestRegistration
from hotel_desk.rules.reports import REPORT_WINDOW, ReportKind, ReportState
from hotel_desk.store.audit import AuditAction, append_event, build_event, lock_chain_head
from hotel_desk.store.db import Database, StoreError
from hotel_desk.store.models import (
    AuditEvent,
    DeskUser,
    Guest,
    Property,
    Registration,
    RegistrationStatus,
    Report,
    TravelDocumentRecord,
    new_id,
)
from hotel_desk.store.payload import build_payload, payload_digest

#: How far in the future an arrival may lie: clocks of two desks differ a little, but a check-in report
#: for a guest who has not arrived yet would be false.
ARRIVAL_FUTURE_TOLERANCE = timedelta(minutes=15)


class NotFound(StoreError):
    pass


class StateError(StoreError):
    """The record is not in a state that allows this action (e.g. checking out a cancelled stay)."""


class InvalidRegistration(StoreError):
    pass


@dataclass(frozen=True)
class ReportRef:
    """What a desk action produced: the report queued for the police and its audit event."""

    registration_id: str
    report_id: str
    kind: str
    deadline_at: datetime
    audit_seq: int
    guest_id: str = ""


def _clock(clock: Clock | None) -> Clock:
    return clock or SystemClock()


def _require_actor(actor: str) -> str:
    actor = (actor or "").strip()
    if not actor:
        raise StoreError("every desk action needs the name of the person doing it (actor)")
    return actor


# --- property and desk users -------------------------------------------------------------------------


def set_property(
    db: Database,
    *,
    name: str,
    hotel_code: str,
    authorisation_code: str = "",
    substation_code: str = "",
    timezone: str = "Asia/Shanghai",
    actor: str = "system",
    clock: Clock | None = None,
) -> int:
    """Create or update the property (one per database for now). Audited: the codes go into every report."""
    now = _clock(clock).now()
    with db.write() as session:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
        values = {
            "name": name, "hotel_code": hotel_code, "authorisation_code": authorisation_code,
            "substation_code": substation_code, "timezone": timezone,
        }
        if prop is None:
            prop = Property(created_at=now, **values)
            session.add(prop)
            session.flush()
            changed = sorted(values)
        else:
            changed = sorted(k for k, v in values.items() if getattr(prop, k) != v)
            for key, value in values.items():
                setattr(prop, key, value)
        if changed:
            # The authorisation code is a credential: record that it changed, not its value.
            shown = {k: v for k, v in values.items() if k != "authorisation_code"}
            append_event(session, actor=actor, action=AuditAction.PROPERTY_SET, entity_type="property",
                         entity_id=str(prop.id), at=now, details={"changed": changed, "values": shown})
        return prop.id


def property_from_settings(db: Database, *, actor: str = "system", clock: Clock | None = None) -> int:
    """Make sure a property row exists, taking the codes from the settings on first use."""
    with db.read() as session:
        existing = session.execute(select(Property.id).order_by(Property.id).limit(1)).scalar_one_or_none()
    if existing is not None:
        return existing
    from hotel_desk.settings import load_settings

    settings = load_settings()
    return set_property(
        db, name=settings.hotel_name or "hotel", hotel_code=settings.hotel_code,
        authorisation_code=settings.authorisation_code, substation_code=settings.substation_code,
        timezone=settings.timezone, actor=actor, clock=clock,
    )


def ensure_desk_user(
    db: Database, username: str, *, display_name: str = "", actor: str = "system", clock: Clock | None = None
) -> int:
    username = _require_actor(username)
    now = _clock(clock).now()
    with db.write() as session:
        user = session.execute(select(DeskUser).where(DeskUser.username == username)).scalar_one_or_none()
        if user is not None:
            return user.id
        prop_id = session.execute(select(Property.id).order_by(Property.id).limit(1)).scalar_one_or_none()
        user = DeskUser(property_id=prop_id, username=username, display_name=display_name or username,
                        active=True, created_at=now)
        session.add(user)
        session.flush()
        append_event(session, actor=actor, action=AuditAction.DESK_USER_SET, entity_type="desk_user",
                     entity_id=str(user.id), at=now, details={"username": username})
        return user.id


def _property(session: Session, property_id: int | None) -> Property:
    if property_id is not None:
        prop = session.get(Property, property_id)
    else:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
    if prop is None:
        raise StoreError("no property is set up: set the hotel's name and police codes first")
    return prop


# --- reports -------------------------------------------------------------------------------------------


def _queue_report(
    session: Session,
    *,
    registration: Registration,
    property_: Property,
    kind: ReportKind,
    event_time: datetime,
    now: datetime,
    actor: str,
    action: str,
    corrects_report_id: str | None,
    details: Mapping[str, Any],
) -> ReportRef:
    """Snapshot the payload, append the audit event that names its hash, and queue the report."""
    report_id = new_id()
    text, _ = build_payload(
        report_id=report_id, kind=kind.value, registration=registration, property_=property_,
        event_time=event_time, corrects_report_id=corrects_report_id,
    )
    digest = payload_digest(text)
    event = append_event(
        session, actor=actor, action=action, entity_type="registration", entity_id=registration.id, at=now,
        details={
            **details, "report_id": report_id, "report_kind": kind.value, "payload_sha256": digest,
            "corrects_report_id": corrects_report_id,
        },
    )
    deadline = event_time + REPORT_WINDOW
    session.add(
        Report(
            id=report_id, audit_seq=event.seq, registration_id=registration.id, kind=kind.value,
            corrects_report_id=corrects_report_id, payload=text, payload_sha256=digest,
            event_time=event_time, deadline_at=deadline, state=ReportState.QUEUED.value, attempts=0,
            next_attempt_at=now, created_at=now, updated_at=now,
        )
    )
    session.flush()
    return ReportRef(registration.id, report_id, kind.value, deadline, event.seq, registration.guest_id)


# --- the four desk actions ----------------------------------------------------------------------------


def _check_registration(reg: GuestRegistration, now: datetime) -> None:
    """The registration gate on what the store sees (no findings: those were judged where the document was
    read), then the checks the store cannot skip whoever calls it: times with a zone and not in the future,
    a known entry method, values that fit their columns."""
    stay = reg.stay
    values = record.record_values(reg)
    problems = gate.judge(values, entry_method=reg.entry_method, manual_reason=reg.manual_reason).reasons()
    if stay.arrival.tzinfo is None:
        problems.append("the arrival time has no time zone")
    elif stay.arrival > now + ARRIVAL_FUTURE_TOLERANCE:
        problems.append("the arrival time is in the future")
    if stay.planned_departure and stay.planned_departure < stay.arrival.date() - timedelta(days=1):
        problems.append("the planned departure is before the arrival")
    if reg.entry_method is not None and reg.entry_method not in ENTRY_METHODS:
        problems.append(f"unknown entry method {reg.entry_method!r} (one of {', '.join(ENTRY_METHODS)})")
    if len(reg.manual_reason.strip()) > MANUAL_REASON_MAX:
        problems.append(f"the reason for typing by hand is longer than {MANUAL_REASON_MAX} characters")
    problems += record.too_long(values)
    if problems:
        raise InvalidRegistration("; ".join(problems))


def register_many(
    session: Session,
    registrations: Sequence[GuestRegistration],
    *,
    actor: str,
    now: datetime,
    property_id: int | None = None,
) -> list[ReportRef]:
    """Register several guests inside the caller's write transaction (an import file is one user
    action; `register_guest` is the one-guest case). Each guest gets its own guest, document and stay
    rows, its own check-in report and its own audit event; all of them commit or roll back together.
    Rows are written with multi-row INSERTs, which is what lets an import (or the million-registration
    benchmark) run at thousands of guests a second."""
    actor = _require_actor(actor)
    for registration in registrations:
        _check_registration(registration, now)
    if not registrations:
        return []
    session.flush()
    prop = _property(session, property_id)
    head = lock_chain_head(session)
    seq, prev_hash = head.last_seq, head.last_hash
    guests: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    stays: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    refs: list[ReportRef] = []
    for registration in registrations:
        doc, stay = registration.document, registration.stay
        guest = {
            "id": new_id(), "surname_en": doc.surname, "given_names_en": doc.given_names,
            "chinese_name": registration.chinese_name or doc.chinese_name, "sex": doc.sex or "X",
            "birth_date": doc.birth_date, "nationality": doc.nationality, "created_at": now,
        }
        image = registration.page_image
        document = {
            "id": new_id(), "guest_id": guest["id"], "format": doc.format.value, "kind": doc.kind.value,
            "document_code": doc.document_code, "document_number": doc.document_number,
            "issuing_state": doc.issuing_state, "nationality": doc.nationality, "expiry_date": doc.expiry_date,
            "mrz": "\n".join(doc.mrz_lines), "page_image": image,
            "page_image_sha256": hashlib.sha256(image).hexdigest() if image else None,
            "entry_method": registration.entry_method, "manual_reason": registration.manual_reason.strip() or None,
            "created_at": now,
        }
        stay_row = {
            "id": new_id(), "property_id": prop.id, "guest_id": guest["id"], "document_id": document["id"],
            "room": stay.room.strip(), "arrival_at": stay.arrival, "planned_departure": stay.planned_departure,
            "checked_out_at": None, "visa_type": stay.visa_type, "visa_number": stay.visa_number,
            "stay_until": stay.stay_until, "entry_date": stay.entry_date, "port_of_entry": stay.port_of_entry,
            "came_from": stay.came_from, "going_to": stay.going_to, "reason": stay.reason,
            "status": RegistrationStatus.IN_HOUSE.value, "created_by": actor, "created_at": now,
            "updated_at": now,
        }
        # The payload is built from exactly the values being stored (attribute views of the rows).
        snapshot = {**stay_row, "guest": guest, "document": document}
        report_id = new_id()
        # The legal clock runs from the guest's check-in, not from when the desk got round to typing it.
        event_time = stay.arrival
        text, _ = build_payload(report_id=report_id, kind=ReportKind.CHECK_IN.value, registration=snapshot,
                                property_=prop, event_time=event_time, corrects_report_id=None)
        digest = payload_digest(text)
        seq += 1
        event = build_event(
            seq, prev_hash, actor=actor, action=AuditAction.CHECK_IN, entity_type="registration",
            entity_id=stay_row["id"], at=now,
            details={
                "guest_id": guest["id"], "document_id": document["id"], "room": stay_row["room"],
                "accepted_warnings": sorted(registration.accepted_warnings),
                "entry_method": document["entry_method"], "manual_reason": document["manual_reason"],
                "report_id": report_id,
                "report_kind": ReportKind.CHECK_IN.value, "payload_sha256": digest, "corrects_report_id": None,
            },
        )
        prev_hash = event["hash"]
        deadline = event_time + REPORT_WINDOW
        guests.append(guest)
        documents.append(document)
        stays.append(stay_row)
        events.append(event)
        reports.append({
            "id": report_id, "audit_seq": seq, "registration_id": stay_row["id"], "kind": ReportKind.CHECK_IN.value,
            "corrects_report_id": None, "payload": text, "payload_sha256": digest, "event_time": event_time,
            "deadline_at": deadline, "state": ReportState.QUEUED.value, "channel": None, "attempts": 0,
            "next_attempt_at": now, "created_at": now, "updated_at": now,
        })
        refs.append(ReportRef(stay_row["id"], report_id, ReportKind.CHECK_IN.value, deadline, seq, guest["id"]))
    conn = session.connection()
    for table, rows in (
        (Guest.__table__, guests), (TravelDocumentRecord.__table__, documents), (Registration.__table__, stays),
        (AuditEvent.__table__, events), (Report.__table__, reports),
    ):
        conn.execute(table.insert(), rows)
    head.last_seq = seq
    head.last_hash = prev_hash
    session.flush()
    return refs


def register_in_session(
    session: Session,
    registration: GuestRegistration,
    *,
    actor: str,
    now: datetime,
    property_id: int | None = None,
) -> ReportRef:
    """`register_guest` for callers that already hold a write transaction."""
    return register_many(session, [registration], actor=actor, now=now, property_id=property_id)[0]


def register_guest(
    db: Database,
    registration: GuestRegistration,
    *,
    actor: str,
    clock: Clock | None = None,
    property_id: int | None = None,
) -> ReportRef:
    """Register a guest: guest, document, stay, the check-in report and its audit event, in one
    transaction. Raises InvalidRegistration (nothing written) for a record that cannot be reported."""
    now = _clock(clock).now()
    with db.write() as session:
        return register_in_session(session, registration, actor=actor, now=now, property_id=property_id)


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


def check_out(
    db: Database,
    registration_id: str,
    *,
    actor: str,
    clock: Clock | None = None,
    at: datetime | None = None,
) -> ReportRef:
    """Close the stay ("cancel on departure"): check-out time, the check-out report, the audit event."""
    actor = _require_actor(actor)
    now = _clock(clock).now()
    when = at or now
    if when.tzinfo is None:
        raise StoreError("the check-out time has no time zone")
    with db.write() as session:
        reg = _load_registration(session, registration_id)
        if reg.status != RegistrationStatus.IN_HOUSE.value:
            raise StateError(f"registration {registration_id} is {reg.status}, not in house")
        if when < reg.arrival_at:
            raise StoreError("the check-out time is before the arrival")
        if when > now + ARRIVAL_FUTURE_TOLERANCE:
            raise StoreError("the check-out time is in the future")
        reg.checked_out_at = when
        reg.status = RegistrationStatus.CHECKED_OUT.value
        reg.updated_at = now
        session.flush()
        return _queue_report(
            session, registration=reg, property_=_property(session, reg.property_id),
            kind=ReportKind.CHECK_OUT, event_time=when, now=now, actor=actor, action=AuditAction.CHECK_OUT,
            corrects_report_id=_latest_report_id(session, reg.id, [ReportKind.CHECK_IN]),
            details={"room": reg.room},
        )


#: What a correction may change (payload guest keys); where each value lives is the record's.
CORRECTABLE_FIELDS = record.CORRECTABLE


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


def _record_values(reg: Registration) -> dict[str, object]:
    """The stored record by its keys (hotel_desk.rules.record)."""
    parts = {record.Part.GUEST: reg.guest, record.Part.DOCUMENT: reg.document, record.Part.STAY: reg}
    return {f.key: getattr(parts[f.part], f.column) for f in record.FIELDS}


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
    `changes` are payload guest keys (see CORRECTABLE_FIELDS). The audit event names the changed
    fields; old and new values stay in the two reports' payloads."""
    actor = _require_actor(actor)
    unknown = sorted(set(changes) - CORRECTABLE_FIELDS)
    if unknown:
        raise InvalidRegistration(f"these fields cannot be corrected: {', '.join(unknown)}")
    values = {key: _coerce(key, value) for key, value in changes.items()}
    now = _clock(clock).now()
    with db.write() as session:
        reg = _load_registration(session, registration_id)
        if reg.status == RegistrationStatus.CANCELLED.value:
            raise StateError(f"registration {registration_id} is cancelled; register the guest again")
        if "check_out_time" in values and reg.checked_out_at is None:
            raise StateError("the guest has not checked out; there is no check-out time to correct")
        parts = {record.Part.GUEST: reg.guest, record.Part.DOCUMENT: reg.document, record.Part.STAY: reg}
        changed: list[str] = []
        for key, value in values.items():
            spec = record.spec(key)
            if getattr(parts[spec.part], spec.column) != value:
                setattr(parts[spec.part], spec.column, value)
                changed.append(key)
        if not changed:
            raise InvalidRegistration("nothing to correct: every value is already as given")
        corrected = _record_values(reg)
        problems = gate.judge(corrected, entry_method=reg.document.entry_method,
                              manual_reason=reg.document.manual_reason or "").reasons()
        problems += record.too_long(corrected)
        if problems:
            raise InvalidRegistration("; ".join(problems))
        reg.updated_at = now
        session.flush()
        only_checkout = set(changed) == {"check_out_time"}
        corrects = _latest_report_id(
            session, reg.id,
            [ReportKind.CHECK_OUT] if only_checkout else [ReportKind.CHECK_IN, ReportKind.CORRECTION],
        )
        return _queue_report(
            session, registration=reg, property_=_property(session, reg.property_id),
            kind=ReportKind.CORRECTION, event_time=now, now=now, actor=actor, action=AuditAction.CORRECTION,
            corrects_report_id=corrects, details={"changed_fields": sorted(changed), "note": note},
        )


def cancel_registration(
    db: Database, registration_id: str, *, actor: str, note: str = "", clock: Clock | None = None
) -> ReportRef:
    """Withdraw a registration made in error (wrong guest, duplicate): a cancellation report tells the
    police; the records stay for the audit."""
    actor = _require_actor(actor)
    now = _clock(clock).now()
    with db.write() as session:
        reg = _load_registration(session, registration_id)
        if reg.status == RegistrationStatus.CANCELLED.value:
            raise StateError(f"registration {registration_id} is already cancelled")
        previous = reg.status
        reg.status = RegistrationStatus.CANCELLED.value
        reg.updated_at = now
        session.flush()
        return _queue_report(
            session, registration=reg, property_=_property(session, reg.property_id),
            kind=ReportKind.CANCELLATION, event_time=now, now=now, actor=actor,
            action=AuditAction.CANCELLATION,
            corrects_report_id=_latest_report_id(session, reg.id, [ReportKind.CHECK_IN, ReportKind.CORRECTION]),
            details={"note": note, "previous_status": previous},
        )
