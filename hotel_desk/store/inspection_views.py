"""What the liaison reads in the inspection view: the timeline of events with guest names, staff and times
("who registered whom, when, and what was sent"), and the stays whose current data differs from what was
last sent. Both show names, so both are audited reads under the reading user.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from hotel_desk.clock import Clock
from hotel_desk.rules import record
from hotel_desk.rules.reports import FILED_STATES
from hotel_desk.store.audit import AuditAction, append_event, iso_utc
from hotel_desk.store.db import Database
from hotel_desk.store.errors import require_actor
from hotel_desk.store.models import AuditEvent, Guest, Registration, Report
from hotel_desk.store.payload import guest_record, load_payload
from hotel_desk.store.reads import display_name, now_of


@dataclass(frozen=True)
class TimelineEntry:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    guest_name: str  # empty for events not about a stay (settings, exports, claims of many reports)
    room: str
    registration_id: str
    summary: str  # the details worth reading: a receipt, a note, the fields changed


def _summary(action: str, details: dict[str, Any]) -> str:
    parts = []
    if details.get("report_kind"):
        parts.append(str(details["report_kind"]))
    if details.get("changed_fields"):
        parts.append(", ".join(map(str, details["changed_fields"])))
    if details.get("note"):
        parts.append(str(details["note"]))
    if action.startswith("report.") and isinstance(details.get("reports"), dict):
        parts.append(", ".join(f"{str(k)[:8]}: {v}" for k, v in list(details["reports"].items())[:3] if v))
    for key in ("receipt_number", "what", "purpose", "count"):
        if details.get(key) not in (None, ""):
            parts.append(f"{key.replace('_', ' ')} {details[key]}")
    return "; ".join(p for p in parts if p)


def _stays(session: Session, registration_ids: set[str]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    ids = sorted(registration_ids)
    for i in range(0, len(ids), 500):
        for rid, room, surname, given, chinese in session.execute(
            select(Registration.id, Registration.room, Guest.surname_en, Guest.given_names_en, Guest.chinese_name)
            .join(Guest, Guest.id == Registration.guest_id).where(Registration.id.in_(ids[i : i + 500]))
        ):
            found[rid] = (display_name(surname, given, chinese), room)
    return found


def timeline(db: Database, *, actor: str, start: datetime | None = None, end: datetime | None = None,
             guest: str = "", staff: str = "", limit: int = 1000, clock: Clock | None = None) -> list[TimelineEntry]:
    """Events with start <= t < end, newest first, with the guest and room of the stay each is about. `guest`
    keeps the events of stays whose guest's name (or room) matches; `staff` one desk user's events."""
    require_actor(actor, "the inspection timeline")
    query = select(AuditEvent.seq, AuditEvent.occurred_at, AuditEvent.actor, AuditEvent.action,
                   AuditEvent.entity_type, AuditEvent.entity_id, AuditEvent.body)
    if start is not None:
        query = query.where(AuditEvent.occurred_at >= start)
    if end is not None:
        query = query.where(AuditEvent.occurred_at < end)
    if staff.strip():
        query = query.where(AuditEvent.actor == staff.strip())
    with db.write() as session:
        term = guest.strip()
        if term:
            like = f"%{term.lower()}%"
            matched = list(session.execute(
                select(Registration.id).join(Guest, Guest.id == Registration.guest_id).where(or_(
                    func.lower(Guest.surname_en).like(like), func.lower(Guest.given_names_en).like(like),
                    Guest.chinese_name.like(f"%{term}%"), func.lower(Registration.room).like(like)))
                .limit(500)).scalars())
            report_ids = list(session.execute(select(Report.id).where(Report.registration_id.in_(matched))).scalars())
            query = query.where(AuditEvent.entity_id.in_([*matched, *report_ids]))
        rows = session.execute(query.order_by(AuditEvent.seq.desc()).limit(limit)).all()
        # A nil report ("no foreign guests") belongs to no stay: its owner is "".
        report_owner = {rid: reg or "" for rid, reg in session.execute(select(Report.id, Report.registration_id).where(
            Report.id.in_([r.entity_id for r in rows if r.entity_type == "report"])))}
        owner = {r.seq: (r.entity_id if r.entity_type == "registration" else report_owner.get(r.entity_id, ""))
                 for r in rows}
        stays = _stays(session, {o for o in owner.values() if o})
        entries = []
        for r in rows:
            name, room = stays.get(owner[r.seq], ("", ""))
            details = json.loads(r.body).get("details") or {}
            entries.append(TimelineEntry(r.seq, r.occurred_at, r.actor, r.action, name, room, owner[r.seq],
                                         _summary(r.action, details)))
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="inspection_timeline", at=now_of(clock),
                     details={"from": iso_utc(start) if start else None, "to": iso_utc(end) if end else None,
                              "guest": term, "staff": staff.strip(), "count": len(entries)})
        return entries


@dataclass(frozen=True)
class Difference:
    """A stay whose data now is not what the police last filed."""

    registration_id: str
    guest_name: str
    room: str
    fields: tuple[str, ...]  # payload guest keys that differ
    sent: dict[str, Any]  # as last filed
    now: dict[str, Any]
    #: "waiting": a newer report carrying the current data is on its way; "unreported": no report carries it
    #: (changed without a correction: what the liaison must ask about).
    status: str


def differences(db: Database, registration_ids: Sequence[str] | None = None, *, actor: str,
                start: datetime | None = None, end: datetime | None = None,
                clock: Clock | None = None) -> list[Difference]:
    """Stays (with a report whose event is in start <= t < end, or the given ids) whose current record differs
    from their latest filed (acknowledged or confirmed) report's payload."""
    require_actor(actor, "the inspection differences")
    filed = [s.value for s in FILED_STATES]
    with db.write() as session:
        if registration_ids is None:
            query = select(Report.registration_id).where(Report.registration_id.is_not(None)).distinct()
            if start is not None:
                query = query.where(Report.event_time >= start)
            if end is not None:
                query = query.where(Report.event_time < end)
            registration_ids = [rid for rid in session.execute(query).scalars() if rid is not None]
        found: list[Difference] = []
        ids = list(registration_ids)
        for i in range(0, len(ids), 500):
            regs = session.execute(select(Registration).where(Registration.id.in_(ids[i : i + 500])).options(
                selectinload(Registration.guest), selectinload(Registration.document),
                selectinload(Registration.property), selectinload(Registration.reports))).scalars().all()
            for reg in regs:
                diff = _difference(reg, filed)
                if diff is not None:
                    found.append(diff)
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="inspection_differences", at=now_of(clock),
                     details={"from": iso_utc(start) if start else None, "to": iso_utc(end) if end else None,
                              "stays": len(ids), "count": len(found)})
        return found


#: Set by the check-out itself (a check-out report, not a correction, carries it).
_EVENT_FIELDS = {"check_out_time"}


def _difference(reg: Registration, filed: list[str]) -> Difference | None:
    reports = sorted(reg.reports, key=lambda r: r.audit_seq)
    sent_reports = [r for r in reports if r.state in filed]
    if not sent_reports:
        return None
    now = guest_record(reg, reg.property)
    sent = load_payload(sent_reports[-1].payload).get("guest", {})
    keys = tuple(f.key for f in record.FIELDS if f.reported and now.get(f.key) != sent.get(f.key))
    if not keys:
        return None
    later = [load_payload(r.payload).get("guest", {}) for r in reports if r.audit_seq > sent_reports[-1].audit_seq]
    status = "waiting" if any(all(g.get(k) == now.get(k) for k in keys) for g in later) else "unreported"
    if status == "waiting" and set(keys) <= _EVENT_FIELDS:
        return None  # a check-out on its way is not a difference worth flagging
    name = display_name(reg.guest.surname_en, reg.guest.given_names_en, reg.guest.chinese_name)
    return Difference(reg.id, name, reg.room, keys, {k: sent.get(k) for k in keys}, {k: now.get(k) for k in keys},
                      status)
