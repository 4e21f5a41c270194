"""The report views: the queue with deadlines (what still needs attention), the status bar's counts, the
report history of the Reports page, and the story of one stay's reports with every attempt.

Listings with guests' names are audited reads (see hotel_desk.store.reads).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.rules.reports import COUNTDOWN_STATES, OPEN_STATES, ReportState, is_open
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import require_actor
from hotel_desk.store.models import Guest, Registration, Report, ReportAttempt, TravelDocumentRecord
from hotel_desk.store.reads import display_name, field_errors, guest_search, now_of


@dataclass(frozen=True)
class PendingReport:
    """A report that still needs attention, for the queue view ("every unsent report with its deadline")."""

    report_id: str
    registration_id: str | None  # None: a nil report
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
        require_actor(actor, "listing guests' names")
    now = now_of(clock)
    writer = db.write() if include_names else db.read()
    with writer as session:
        # Only the columns the queue shows: the payload column is the bulk of a report row.
        cols: list[Any] = [
            Report.id, Report.registration_id, Report.kind, Report.state, Report.event_time, Report.deadline_at,
            Report.attempts, Report.next_attempt_at, Report.last_error, Report.field_errors, Registration.room,
        ]
        if include_names:
            cols += [Guest.surname_en, Guest.given_names_en, Guest.chinese_name]
        # Outer joins: a nil report ("no foreign guests") belongs to no stay and is still in the queue.
        query = (
            select(*cols)
            .outerjoin(Registration, Registration.id == Report.registration_id)
            .where(Report.state.in_([s.value for s in OPEN_STATES]))
            .order_by(Report.deadline_at, Report.audit_seq)
            .limit(limit)
        )
        if include_names:
            query = query.outerjoin(Guest, Guest.id == Registration.guest_id)
        result = []
        for row in session.execute(query).all():
            name = display_name(row[11] or "", row[12] or "", row[13] or "") if include_names else None
            result.append(
                PendingReport(
                    report_id=row[0], registration_id=row[1], kind=row[2], state=row[3], room=row[10] or "",
                    event_time=row[4], deadline_at=row[5], time_left=row[5] - now, attempts=row[6],
                    next_attempt_at=row[7], last_error=row[8], field_errors=field_errors(row[9]), guest_name=name,
                )
            )
        if include_names:
            append_event(session, actor=actor or "", action=AuditAction.PERSONAL_DATA_LIST,
                         entity_type="view", entity_id="pending_reports", at=now,
                         details={"count": len(result)})
        return result


def outbox_summary(db: Database, *, clock: Clock | None = None, include_settled: bool = False) -> dict[str, Any]:
    """The status bar: open reports by state, how many are late, and the nearest deadline still counting down
    (a handed-over report's clock stopped at the hand-over: neither late nor next, it waits for its receipt).
    `by_state` holds the open states; with `include_settled` also acknowledged and confirmed, which
    means counting the whole table (about 0.1 s at a million reports), so the default leaves them out."""
    now = now_of(clock)
    open_states = [s.value for s in OPEN_STATES]
    racing = [s.value for s in COUNTDOWN_STATES]
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
            .where(Report.state.in_(racing), Report.deadline_at < now)
        ).scalar_one()
        nearest = session.execute(
            select(func.min(Report.deadline_at)).where(Report.state.in_(racing))
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
    registration_id: str | None  # None: a nil report (no guest, no room)
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
    #: When it left the building (fax or in person), and when the uploader last tried (an acknowledgement's
    #: moment, once acknowledged).
    handed_over_at: datetime | None = None
    last_attempt_at: datetime | None = None
    #: The guest's name and room as the report SENT them (its payload), which a later correction does not
    #: change; `guest_name` and `room` are the registration's now.
    sent_name: str = ""
    sent_room: str = ""

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
    require_actor(actor, "listing the report history")
    now = now_of(clock)
    query = (
        select(
            Report.id, Report.registration_id, Report.kind, Report.state, Report.event_time, Report.deadline_at,
            Report.receipt_id, Report.attempts, Report.last_error, Report.field_errors,
            Report.corrects_report_id, Report.channel, Registration.room, Guest.surname_en,
            Guest.given_names_en, Guest.chinese_name, Report.handed_over_at, Report.last_attempt_at, Report.payload,
        )
        .outerjoin(Registration, Registration.id == Report.registration_id)  # a nil report has no stay
        .outerjoin(Guest, Guest.id == Registration.guest_id)
    )
    if since is not None:
        query = query.where(Report.event_time >= since)
    if until is not None:
        query = query.where(Report.event_time < until)
    if states:
        query = query.where(Report.state.in_(list(states)))
    term = (search or "").strip()
    if term:
        like, matches = guest_search(term)
        query = query.outerjoin(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id).where(
            or_(*matches, func.lower(Report.receipt_id).like(like),
                Report.id.startswith(term.lower(), autoescape=True))
        )
    query = query.order_by(Report.event_time.desc(), Report.audit_seq.desc()).limit(limit)
    with db.write() as session:
        result = [
            ReportHistoryEntry(
                report_id=row.id, registration_id=row.registration_id, kind=row.kind, state=row.state,
                guest_name=display_name(row.surname_en or "", row.given_names_en or "", row.chinese_name or ""),
                room=row.room or "",
                event_time=row.event_time, deadline_at=row.deadline_at, receipt_id=row.receipt_id,
                attempts=row.attempts, last_error=row.last_error, field_errors=field_errors(row.field_errors),
                corrects_report_id=row.corrects_report_id, channel=row.channel,
                handed_over_at=row.handed_over_at, last_attempt_at=row.last_attempt_at,
                **_as_sent(row.payload),
            )
            for row in session.execute(query).all()
        ]
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="report_history", at=now,
                     details={"search": term, "since": since.isoformat() if since else None,
                              "until": until.isoformat() if until else None, "states": list(states or ()),
                              "count": len(result)})
        return result


def _as_sent(payload_text: str | None) -> dict[str, str]:
    """The name and room a report's payload carries (what the police got)."""
    try:
        guest = json.loads(payload_text or "{}").get("guest") or {}
    except ValueError:
        return {}
    return {"sent_name": display_name(str(guest.get("surname_en") or ""), str(guest.get("given_names_en") or ""),
                                      str(guest.get("chinese_name") or "")),
            "sent_room": str(guest.get("room") or "")}


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


def report_views(session: Session, registration_id: str) -> list[ReportView]:
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
                            field_errors(a.field_errors), a.error, a.actor)
            )
    return [
        ReportView(
            report_id=r.id, kind=r.kind, state=r.state, corrects_report_id=r.corrects_report_id,
            event_time=r.event_time, deadline_at=r.deadline_at, created_at=r.created_at, attempts=r.attempts,
            next_attempt_at=r.next_attempt_at, channel=r.channel, receipt_id=r.receipt_id,
            last_error=r.last_error, field_errors=field_errors(r.field_errors), handed_over_at=r.handed_over_at,
            confirmed_at=r.confirmed_at, payload_sha256=r.payload_sha256, attempt_log=attempts[r.id],
        )
        for r in reports
    ]


def reports_for_registration(db: Database, registration_id: str) -> list[ReportView]:
    """The story of a stay's reports (oldest first) with every attempt and answer; no personal data."""
    with db.read() as session:
        return report_views(session, registration_id)


@dataclass(frozen=True)
class LatestReport:
    """A stay's newest report (the In house list's report column): no personal data."""

    registration_id: str
    report_id: str
    kind: str
    state: str
    deadline_at: datetime


def latest_reports(db: Database, registration_ids: Sequence[str]) -> dict[str, LatestReport]:
    """The newest report of each of these stays, by registration id (stays without one are left out)."""
    if not registration_ids:
        return {}
    newest = (select(Report.registration_id, func.max(Report.audit_seq).label("seq"))
              .where(Report.registration_id.in_(list(registration_ids))).group_by(Report.registration_id)
              .subquery())
    query = (select(Report.registration_id, Report.id, Report.kind, Report.state, Report.deadline_at)
             .join(newest, (newest.c.registration_id == Report.registration_id) & (newest.c.seq == Report.audit_seq)))
    with db.read() as session:
        # Only stays' reports match the ids (a nil report has no stay).
        return {str(row[0]): LatestReport(str(row[0]), row[1], row[2], row[3], row[4])
                for row in session.execute(query).all()}
