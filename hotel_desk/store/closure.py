"""Closing stays ("register on arrival, close on departure"): who is past their planned departure and still
open, and the daily nil report ("no foreign guests") for days nobody checked in.

Both read the day in the property's own time zone (the property row's, not the computer's): "the planned
departure day" and "yesterday" are local dates. The rules of when a guest is overdue are hotel_desk.rules.stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, local_zone
from hotel_desk.rules.reports import REPORT_WINDOW, ReportKind, ReportState
from hotel_desk.rules.stays import DEFAULT_CHECKOUT_TIME, overdue_through
from hotel_desk.store import row_digests
from hotel_desk.store.audit import AuditAction, append_event, build_event, lock_chain_head
from hotel_desk.store.db import Database
from hotel_desk.store.errors import require_actor
from hotel_desk.store.models import (
    Guest,
    NilReportDay,
    Property,
    Registration,
    RegistrationStatus,
    TravelDocumentRecord,
    new_id,
)
from hotel_desk.store.payload import nil_payload, payload_digest
from hotel_desk.store.property import property_row
from hotel_desk.store.queueing import NewReport, ReportRef, write_reports
from hotel_desk.store.reads import display_name, now_of


@dataclass(frozen=True)
class OverdueStay:
    """A guest still in house after the check-out time of their planned departure day."""

    registration_id: str
    group_id: str | None
    room: str
    surname_en: str
    given_names_en: str
    chinese_name: str
    nationality: str
    document_number: str
    arrival_at: datetime
    planned_departure: date
    due_out_at: datetime  # the check-out time on the planned departure day, aware (the property's zone)
    days_over: int  # 0 = due out today, 1 = since yesterday, ...

    @property
    def display_name(self) -> str:
        return display_name(self.surname_en, self.given_names_en, self.chinese_name)


def overdue_stays(
    db: Database,
    *,
    actor: str,
    checkout_time: time = DEFAULT_CHECKOUT_TIME,
    clock: Clock | None = None,
    limit: int = 500,
) -> list[OverdueStay]:
    """Guests past their planned departure with no check-out, longest overdue first: in house, with a planned
    departure on or before the last overdue day (hotel_desk.rules.stays.overdue_through, in the property's
    zone). Names, so audited as a personal-data listing under `actor`."""
    require_actor(actor, "listing overdue guests")
    now = now_of(clock)
    with db.write() as session:
        zone = local_zone(property_row(session, None).timezone)
        now_local = now.astimezone(zone)
        through = overdue_through(now_local, checkout_time)
        rows = session.execute(
            select(Registration, Guest, TravelDocumentRecord.document_number)
            .join(Guest, Guest.id == Registration.guest_id)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Registration.status == RegistrationStatus.IN_HOUSE.value,
                   Registration.planned_departure.is_not(None), Registration.planned_departure <= through)
            .order_by(Registration.planned_departure, Registration.room, Registration.arrival_at)
            .limit(limit)
        ).all()
        result = []
        for reg, guest, number in rows:
            departure = reg.planned_departure
            assert departure is not None  # the query's condition
            result.append(OverdueStay(
                registration_id=reg.id, group_id=reg.group_id, room=reg.room, surname_en=guest.surname_en,
                given_names_en=guest.given_names_en, chinese_name=guest.chinese_name,
                nationality=guest.nationality, document_number=number, arrival_at=reg.arrival_at,
                planned_departure=departure, due_out_at=datetime.combine(departure, checkout_time, tzinfo=zone),
                days_over=(now_local.date() - departure).days,
            ))
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="overdue_stays", at=now,
                     details={"through": through.isoformat(), "count": len(result)})
        return result


# -- the daily nil report -------------------------------------------------------------------------------------

#: When the desk was closed for days, nil reports are caught up for at most this many past days (the intake's
#: layout may say otherwise: its mapping file's "nil_report" option).
DEFAULT_CATCH_UP_DAYS = 7


@dataclass(frozen=True)
class NilReported:
    day: date
    report_id: str
    deadline_at: datetime


def _local_midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=local_zone(zone)).astimezone(UTC)


def _check_ins_on(session: Session, day: date, zone: str) -> int:
    start, end = _local_midnight(day, zone), _local_midnight(day + timedelta(days=1), zone)
    return session.execute(
        select(func.count()).select_from(Registration)
        .where(Registration.arrival_at >= start, Registration.arrival_at < end,
               Registration.status != RegistrationStatus.CANCELLED.value)
    ).scalar_one()


def queue_nil_reports(
    db: Database, *, actor: str, clock: Clock | None = None, catch_up_days: int = DEFAULT_CATCH_UP_DAYS
) -> list[NilReported]:
    """Queue a nil report for each finished day (up to yesterday, the property's local date; at most
    `catch_up_days` back, and not before the property was set up) on which nobody checked in and none was
    queued yet. Idempotent per day: the unique (property, day) row, written with the report, holds even
    against another desk doing the same at the same moment (the chain head lock orders them). A cancelled
    registration does not count as a check-in: it was made in error. Each report is due 24 hours after its
    day ends."""
    actor = require_actor(actor)
    now = now_of(clock)
    with db.write() as session:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
        if prop is None:
            return []  # no hotel set up yet: no day to report
        lock_chain_head(session)  # before reading what exists: two desks closing the day queue it once
        yesterday = now.astimezone(local_zone(prop.timezone)).date() - timedelta(days=1)
        first = max(yesterday - timedelta(days=max(1, catch_up_days) - 1),
                    prop.created_at.astimezone(local_zone(prop.timezone)).date())
        if first > yesterday:
            return []
        done = set(session.execute(
            select(NilReportDay.day).where(NilReportDay.property_id == prop.id, NilReportDay.day >= first,
                                           NilReportDay.day <= yesterday)
        ).scalars())
        days = [first + timedelta(days=n) for n in range((yesterday - first).days + 1)]
        wanted = [d for d in days if d not in done and _check_ins_on(session, d, prop.timezone) == 0]
        return [_queue_nil(session, prop, day, actor=actor, now=now) for day in wanted]


def _queue_nil(session: Session, prop: Property, day: date, *, actor: str, now: datetime) -> NilReported:
    """One nil report: its payload, the report row and the audit event that names the payload's SHA-256, covers
    the new row (hotel_desk.store.row_digests) and is the report's anchor, as queueing.new_report does for a
    stay's report."""
    head = lock_chain_head(session)
    report_id = new_id()
    event_time = _local_midnight(day + timedelta(days=1), prop.timezone)
    text, _ = nil_payload(report_id=report_id, property_=prop, day=day, event_time=event_time)
    digest = payload_digest(text)
    seq = head.last_seq + 1
    deadline = event_time + REPORT_WINDOW
    report = {
        "id": report_id, "audit_seq": seq, "registration_id": None, "kind": ReportKind.NIL.value,
        "corrects_report_id": None, "payload": text, "payload_sha256": digest, "event_time": event_time,
        "deadline_at": deadline, "state": ReportState.QUEUED.value, "channel": None, "attempts": 0,
        "next_attempt_at": now, "created_at": now, "updated_at": now, "receipt_id": None, "raw_answer": None,
        "field_errors": None, "handed_over_at": None, "handed_over_by": None, "confirmed_at": None, "row_seq": seq,
    }
    event = build_event(seq, head.last_hash, actor=actor, action=AuditAction.NIL_REPORT, entity_type="property",
                        entity_id=str(prop.id), at=now,
                        details={"day": day.isoformat(), "report_id": report_id,
                                 "report_kind": ReportKind.NIL.value, "payload_sha256": digest,
                                 "corrects_report_id": None,
                                 row_digests.ROWS: dict([row_digests.item(row_digests.REPORT, report, None)])})
    report.update(anchor_seq=seq, anchor_hash=event["hash"])
    write_reports(session, [NewReport(event, report, ReportRef("", report_id, ReportKind.NIL.value, deadline, seq))])
    session.add(NilReportDay(property_id=prop.id, day=day, report_id=report_id, created_at=now))
    session.flush()
    return NilReported(day, report_id, deadline)


def overdue_count(db: Database, *, checkout_time: time = DEFAULT_CHECKOUT_TIME, clock: Clock | None = None) -> int:
    """How many guests are overdue (see overdue_stays), without names: the window asks it every minute, so it
    is not an audited read."""
    now = now_of(clock)
    with db.read() as session:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
        if prop is None:
            return 0
        through = overdue_through(now.astimezone(local_zone(prop.timezone)), checkout_time)
        return int(session.execute(
            select(func.count()).select_from(Registration)
            .where(Registration.status == RegistrationStatus.IN_HOUSE.value,
                   Registration.planned_departure.is_not(None), Registration.planned_departure <= through)
        ).scalar_one())
