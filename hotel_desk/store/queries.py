"""What the desk's views read: the report queue with deadlines, the reports of a stay, guests in house,
one registration in full.

Personal data (names, documents, payloads) is only returned by functions that take the reading desk
user (`actor`) and append an audit event in the same transaction as the read: the police ask who looked
at whose passport and when. Views without names (the queue by room and deadline) are not audited.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.rules.reports import OPEN_STATES, ReportState, is_open
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.models import (
    Guest,
    Registration,
    RegistrationStatus,
    Report,
    ReportAttempt,
    TravelDocumentRecord,
)
from hotel_desk.store.payload import load_payload
from hotel_desk.store.services import NotFound, StoreError


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def _errors(text: str | None) -> list[dict[str, str]]:
    return json.loads(text) if text else []


@dataclass(frozen=True)
class PendingReport:
    """A report that still needs attention, for the queue view ("every unsent report with its deadline")."""

    report_id: str
    registration_id: str
    kind: str
    state: str
    room: str
    event_time: datetime
    deadline_at: datetime
    time_left: timedelta  # negative when late
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    field_errors: list[dict[str, str]]
    guest_name: str | None = None  # only when asked for (audited)

    @property
    def overdue(self) -> bool:
        return self.time_left < timedelta(0)


def pending_reports(
    db: Database,
    *,
    clock: Clock | None = None,
    limit: int = 500,
    include_names: bool = False,
    actor: str | None = None,
) -> list[PendingReport]:
    """Open reports (queued, sending, failed-retrying, rejected, handed over), earliest deadline first.
    With `include_names`, the guest's name is added and the listing is audited under `actor`."""
    if include_names:
        _require_actor(actor, "listing guests' names")
    now = _now(clock)
    writer = db.write() if include_names else db.read()
    with writer as session:
        # Only the columns the queue shows: the payload column is the bulk of a report row.
        cols: list[Any] = [
            Report.id, Report.registration_id, Report.kind, Report.state, Report.event_time, Report.deadline_at,
            Report.attempts, Report.next_attempt_at, Report.last_error, Report.field_errors, Registration.room,
        ]
        if include_names:
            cols += [Guest.surname_en, Guest.given_names_en, Guest.chinese_name]
        query = (
            select(*cols)
            .join(Registration, Registration.id == Report.registration_id)
            .where(Report.state.in_([s.value for s in OPEN_STATES]))
            .order_by(Report.deadline_at, Report.audit_seq)
            .limit(limit)
        )
        if include_names:
            query = query.join(Guest, Guest.id == Registration.guest_id)
        result = []
        for row in session.execute(query).all():
            name = _display_name(row[11], row[12], row[13]) if include_names else None
            result.append(
                PendingReport(
                    report_id=row[0], registration_id=row[1], kind=row[2], state=row[3], room=row[10],
                    event_time=row[4], deadline_at=row[5], time_left=row[5] - now, attempts=row[6],
                    next_attempt_at=row[7], last_error=row[8], field_errors=_errors(row[9]), guest_name=name,
                )
            )
        if include_names:
            append_event(session, actor=actor or "", action=AuditAction.PERSONAL_DATA_LIST,
                         entity_type="view", entity_id="pending_reports", at=now,
                         details={"count": len(result)})
        return result


def outbox_summary(db: Database, *, clock: Clock | None = None, include_settled: bool = False) -> dict[str, Any]:
    """The status bar: open reports by state, how many are late, and the nearest open deadline.
    `by_state` holds the open states; with `include_settled` also acknowledged and confirmed, which
    means counting the whole table (about 0.1 s at a million reports), so the default leaves them out."""
    now = _now(clock)
    open_states = [s.value for s in OPEN_STATES]
    with db.read() as session:
        counts = dict(
            session.execute(
                select(Report.state, func.count()).where(Report.state.in_(open_states)).group_by(Report.state)
            ).all()
        )
        if include_settled:
            settled = [s.value for s in ReportState if s.value not in open_states]
            counts.update(
                session.execute(
                    select(Report.state, func.count()).where(Report.state.in_(settled)).group_by(Report.state)
                ).all()
            )
        overdue = session.execute(
            select(func.count()).select_from(Report)
            .where(Report.state.in_(open_states), Report.deadline_at < now)
        ).scalar_one()
        nearest = session.execute(
            select(func.min(Report.deadline_at)).where(Report.state.in_(open_states))
        ).scalar_one()
    if isinstance(nearest, str):  # SQLite returns aggregate results untyped
        nearest = datetime.fromisoformat(nearest).replace(tzinfo=now.tzinfo)
    shown = [s.value for s in ReportState] if include_settled else open_states
    return {
        "by_state": {state: int(counts.get(state, 0)) for state in shown},
        "open": sum(int(counts.get(s, 0)) for s in open_states),
        "overdue": int(overdue),
        "nearest_deadline": nearest,
    }


@dataclass(frozen=True)
class ReportHistoryEntry:
    """One report in the history (the Reports page): open or settled, with its guest, receipt and answer."""

    report_id: str
    registration_id: str
    kind: str
    state: str
    guest_name: str
    room: str
    event_time: datetime
    deadline_at: datetime
    receipt_id: str | None
    attempts: int
    last_error: str | None
    field_errors: list[dict[str, str]]
    corrects_report_id: str | None
    channel: str | None

    @property
    def open(self) -> bool:
        return is_open(self.state)

    def time_left(self, now: datetime) -> timedelta:
        """Negative when late; only meaningful while the report is open."""
        return self.deadline_at - now


def report_history(
    db: Database,
    *,
    actor: str,
    since: datetime | None = None,
    until: datetime | None = None,
    search: str | None = None,
    states: Sequence[str] | None = None,
    limit: int = 500,
    clock: Clock | None = None,
) -> list[ReportHistoryEntry]:
    """Every report whose event time lies in since <= t < until (either end open), newest first, with the
    guest's name and room, state, deadline and receipt. `search` matches (case-insensitively) the room, the
    guest's names, the document number, the receipt number or the start of the report id; `states` keeps
    only those states. Names are personal data: the listing is audited under `actor`.

    Ordered by the (event_time, audit_seq) index, so a window or the newest `limit` is read directly; a
    search without a window may walk the whole history, so the page should give `since`."""
    _require_actor(actor, "listing the report history")
    now = _now(clock)
    query = (
        select(
            Report.id, Report.registration_id, Report.kind, Report.state, Report.event_time, Report.deadline_at,
            Report.receipt_id, Report.attempts, Report.last_error, Report.field_errors,
            Report.corrects_report_id, Report.channel, Registration.room, Guest.surname_en,
            Guest.given_names_en, Guest.chinese_name,
        )
        .join(Registration, Registration.id == Report.registration_id)
        .join(Guest, Guest.id == Registration.guest_id)
    )
    if since is not None:
        query = query.where(Report.event_time >= since)
    if until is not None:
        query = query.where(Report.event_time < until)
    if states:
        query = query.where(Report.state.in_(list(states)))
    term = (search or "").strip()
    if term:
        like = f"%{term.lower()}%"
        query = query.join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id).where(
            or_(
                func.lower(Registration.room).like(like),
                func.lower(Guest.surname_en).like(like),
                func.lower(Guest.given_names_en).like(like),
                Guest.chinese_name.like(f"%{term}%"),
                func.lower(TravelDocumentRecord.document_number).like(like),
                func.lower(Report.receipt_id).like(like),
                Report.id.startswith(term.lower(), autoescape=True),
            )
        )
    query = query.order_by(Report.event_time.desc(), Report.audit_seq.desc()).limit(limit)
    with db.write() as session:
        result = [
            ReportHistoryEntry(
                report_id=row.id, registration_id=row.registration_id, kind=row.kind, state=row.state,
                guest_name=_display_name(row.surname_en, row.given_names_en, row.chinese_name), room=row.room,
                event_time=row.event_time, deadline_at=row.deadline_at, receipt_id=row.receipt_id,
                attempts=row.attempts, last_error=row.last_error, field_errors=_errors(row.field_errors),
                corrects_report_id=row.corrects_report_id, channel=row.channel,
            )
            for row in session.execute(query).all()
        ]
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="report_history", at=now,
                     details={"search": term, "since": since.isoformat() if since else None,
                              "until": until.isoformat() if until else None, "states": list(states or ()),
                              "count": len(result)})
        return result


@dataclass(frozen=True)
class AttemptView:
    attempted_at: datetime
    channel: str
    outcome: str
    receipt_id: str | None
    raw_answer: str | None
    field_errors: list[dict[str, str]]
    error: str | None
    actor: str


@dataclass(frozen=True)
class ReportView:
    report_id: str
    kind: str
    state: str
    corrects_report_id: str | None
    event_time: datetime
    deadline_at: datetime
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    channel: str | None
    receipt_id: str | None
    last_error: str | None
    field_errors: list[dict[str, str]]
    handed_over_at: datetime | None
    confirmed_at: datetime | None
    payload_sha256: str
    attempt_log: list[AttemptView]


def _report_views(session: Session, registration_id: str) -> list[ReportView]:
    reports = session.execute(
        select(Report).where(Report.registration_id == registration_id).order_by(Report.audit_seq)
    ).scalars().all()
    ids = [r.id for r in reports]
    attempts: dict[str, list[AttemptView]] = {i: [] for i in ids}
    if ids:
        for a in session.execute(
            select(ReportAttempt).where(ReportAttempt.report_id.in_(ids)).order_by(ReportAttempt.id)
        ).scalars():
            attempts[a.report_id].append(
                AttemptView(a.attempted_at, a.channel, a.outcome, a.receipt_id, a.raw_answer,
                            _errors(a.field_errors), a.error, a.actor)
            )
    return [
        ReportView(
            report_id=r.id, kind=r.kind, state=r.state, corrects_report_id=r.corrects_report_id,
            event_time=r.event_time, deadline_at=r.deadline_at, created_at=r.created_at, attempts=r.attempts,
            next_attempt_at=r.next_attempt_at, channel=r.channel, receipt_id=r.receipt_id,
            last_error=r.last_error, field_errors=_errors(r.field_errors), handed_over_at=r.handed_over_at,
            confirmed_at=r.confirmed_at, payload_sha256=r.payload_sha256, attempt_log=attempts[r.id],
        )
        for r in reports
    ]


def reports_for_registration(db: Database, registration_id: str) -> list[ReportView]:
    """The story of a stay's reports (oldest first) with every attempt and answer; no personal data."""
    with db.read() as session:
        return _report_views(session, registration_id)


def _display_name(surname: str, given: str, chinese: str) -> str:
    latin = f"{surname}, {given}" if given else surname
    return f"{latin} ({chinese})" if chinese and latin else (latin or chinese)


@dataclass(frozen=True)
class InHouseGuest:
    registration_id: str
    guest_id: str
    room: str
    surname_en: str
    given_names_en: str
    chinese_name: str
    nationality: str
    document_number: str
    arrival_at: datetime
    planned_departure: date | None

    @property
    def display_name(self) -> str:
        return _display_name(self.surname_en, self.given_names_en, self.chinese_name)


def guests_in_house(
    db: Database,
    *,
    actor: str,
    search: str | None = None,
    limit: int = 500,
    clock: Clock | None = None,
) -> list[InHouseGuest]:
    """Guests currently in house, by room. `search` matches (case-insensitively) the room, names or
    document number. Audited as a personal-data listing by `actor`, with the search text."""
    _require_actor(actor, "listing guests")
    now = _now(clock)
    with db.write() as session:
        query = (
            select(Registration, Guest, TravelDocumentRecord.document_number)
            .join(Guest, Guest.id == Registration.guest_id)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Registration.status == RegistrationStatus.IN_HOUSE.value)
        )
        term = (search or "").strip()
        if term:
            like = f"%{term.lower()}%"
            query = query.where(
                or_(
                    func.lower(Registration.room).like(like),
                    func.lower(Guest.surname_en).like(like),
                    func.lower(Guest.given_names_en).like(like),
                    Guest.chinese_name.like(f"%{term}%"),
                    func.lower(TravelDocumentRecord.document_number).like(like),
                )
            )
        rows = session.execute(query.order_by(Registration.room, Registration.arrival_at).limit(limit)).all()
        result = [
            InHouseGuest(
                registration_id=reg.id, guest_id=guest.id, room=reg.room, surname_en=guest.surname_en,
                given_names_en=guest.given_names_en, chinese_name=guest.chinese_name,
                nationality=guest.nationality, document_number=number, arrival_at=reg.arrival_at,
                planned_departure=reg.planned_departure,
            )
            for reg, guest, number in rows
        ]
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="guests_in_house", at=now, details={"search": term, "count": len(result)})
        return result


def _require_actor(actor: str | None, what: str) -> None:
    if not actor:
        raise StoreError(f"{what} needs the desk user (actor): the read is audited")


def _audit_read(
    session: Session, *, actor: str, entity_type: str, entity_id: str, at: datetime, purpose: str, what: str
) -> int:
    """One personal-data read in the audit trail (same transaction as the read). Returns its seq."""
    event = append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_READ, entity_type=entity_type,
                         entity_id=entity_id, at=at, details={"purpose": purpose, "what": what})
    return event.seq


def _registration(session: Session, registration_id: str) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None:
        raise NotFound(f"no registration {registration_id}")
    return reg


@dataclass(frozen=True)
class RegistrationDetail:
    registration_id: str
    status: str
    property_id: int
    guest: dict[str, Any]
    document: dict[str, Any]
    stay: dict[str, Any]
    reports: list[ReportView]
    has_page_image: bool


def registration_detail(
    db: Database, registration_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> RegistrationDetail:
    """Everything recorded about one stay, for the detail and correction screens. Audited."""
    _require_actor(actor, "reading a registration")
    now = _now(clock)
    with db.write() as session:
        reg = _registration(session, registration_id)
        guest, doc = reg.guest, reg.document
        detail = RegistrationDetail(
            registration_id=reg.id, status=reg.status, property_id=reg.property_id,
            guest={
                "guest_id": guest.id, "surname_en": guest.surname_en, "given_names_en": guest.given_names_en,
                "chinese_name": guest.chinese_name, "sex": guest.sex, "birth_date": guest.birth_date,
                "nationality": guest.nationality,
            },
            document={
                "document_id": doc.id, "format": doc.format, "kind": doc.kind, "document_code": doc.document_code,
                "document_number": doc.document_number, "issuing_state": doc.issuing_state,
                "nationality": doc.nationality, "expiry_date": doc.expiry_date,
                "mrz": doc.mrz.split("\n") if doc.mrz else [], "page_image_sha256": doc.page_image_sha256,
                "entry_method": doc.entry_method, "manual_reason": doc.manual_reason or "",
            },
            stay={
                "room": reg.room, "arrival_at": reg.arrival_at, "planned_departure": reg.planned_departure,
                "checked_out_at": reg.checked_out_at, "visa_type": reg.visa_type,
                "visa_number": reg.visa_number, "stay_until": reg.stay_until, "entry_date": reg.entry_date,
                "port_of_entry": reg.port_of_entry, "came_from": reg.came_from, "going_to": reg.going_to,
                "reason": reg.reason, "created_by": reg.created_by, "created_at": reg.created_at,
            },
            reports=_report_views(session, reg.id),
            has_page_image=doc.page_image is not None,
        )
        _audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now, purpose=purpose,
                    what="registration_detail")
        return detail


def document_page_image(
    db: Database, registration_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> bytes | None:
    """The stored photo of the document page. Audited."""
    _require_actor(actor, "reading a document image")
    now = _now(clock)
    with db.write() as session:
        reg = _registration(session, registration_id)
        _audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now, purpose=purpose,
                    what="document_page_image")
        return reg.document.page_image


def report_payload(
    db: Database, report_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> dict[str, Any]:
    """A report's payload shown to a person (e.g. "what exactly did we send?"). Audited."""
    _require_actor(actor, "reading a report payload")
    now = _now(clock)
    with db.write() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFound(f"no report {report_id}")
        _audit_read(session, actor=actor, entity_type="report", entity_id=report.id, at=now, purpose=purpose,
                    what="report_payload")
        return load_payload(report.payload)


def record_personal_data_read(
    db: Database,
    *,
    actor: str,
    entity_type: str,
    entity_id: str,
    purpose: str = "",
    what: str = "",
    clock: Clock | None = None,
) -> int:
    """Audit a read of personal data that happened elsewhere (a printed form, a fax preview, a CLI
    listing). Returns the audit event's sequence number."""
    _require_actor(actor, "an audited read")
    now = _now(clock)
    with db.write() as session:
        return _audit_read(session, actor=actor, entity_type=entity_type, entity_id=entity_id, at=now,
                           purpose=purpose, what=what)


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]
    hash: str


def audit_events(
    db: Database,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    actor: str | None = None,
    action_prefix: str | None = None,
    entity_id: str | None = None,
    before_seq: int | None = None,
    limit: int = 200,
) -> list[AuditEventView]:
    """The audit view: newest first, filtered by time window (start <= t < end), desk user, action
    (prefix, e.g. "personal_data."), or record; page backwards with `before_seq`."""
    from hotel_desk.store.models import AuditEvent

    query = select(AuditEvent)
    if start is not None:
        query = query.where(AuditEvent.occurred_at >= start)
    if end is not None:
        query = query.where(AuditEvent.occurred_at < end)
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if before_seq is not None:
        query = query.where(AuditEvent.seq < before_seq)
    with db.read() as session:
        rows = session.execute(query.order_by(AuditEvent.seq.desc()).limit(limit)).scalars().all()
        return [
            AuditEventView(e.seq, e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id,
                           json.loads(e.body).get("details", {}), e.hash)
            for e in rows
        ]
