"""Reporting metrics for the desk and the police liaison: the 24-hour reporting rate, late reports graded
as the national platform grades them, what is still pending with its time left, what was rejected, and
alerts as deadlines come near.

All of it is computed from the store's report table at a given moment (the clock is injected), with
aggregate queries on the (state, deadline) index, so the status bar can ask for it every few seconds while
the uploader drains a large queue.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import aliased

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.reporting.schedule import POSTPONED_PREFIX
from hotel_desk.rules.reports import (
    ALERT_LEVELS,
    DUE_STATES,
    LATE_GRADES,
    OPEN_STATES,
    ReportState,
    late_grade,
)
from hotel_desk.rules.reports import FILED_STATES as _FILED
from hotel_desk.rules.reports import REPORT_WINDOW as WINDOW
from hotel_desk.store.db import Database
from hotel_desk.store.models import Report
from hotel_desk.store.types import UtcDateTime

__all__ = ["ALERT_LEVELS", "LATE_GRADES", "WINDOW", "late_grade"]  # the time limits live in rules.reports

FILED_STATES = tuple(s.value for s in _FILED)
#: Open states in which the report is still ours to deliver (a rejected one waits for the desk instead).
PENDING_STATES = tuple(s.value for s in OPEN_STATES if s is not ReportState.REJECTED)
#: Pending and not yet delivered in any way: these can be late, and raise deadline alerts. A handed-over
#: report (fax, batch file) left the building when it was handed over; it only waits for its receipt.
UNSENT_STATES = tuple(s for s in PENDING_STATES if s != ReportState.HANDED_OVER.value)


def _aware(value: Any, like: datetime) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite aggregates come back untyped
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=like.tzinfo)
    return value


def _moment(value: Any, like: datetime) -> datetime:
    """A time the schema never leaves empty (event time, deadline), as an aware datetime."""
    moment = _aware(value, like)
    if moment is None:
        raise ValueError("a report time is missing")
    return moment


@dataclass(frozen=True)
class PendingItem:
    report_id: str
    kind: str
    state: str
    deadline_at: datetime
    time_left_seconds: float  # negative when overdue
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    #: Set when the intake asked the desk to wait (Retry-After) and the next attempt is still to come: the
    #: Reports page and `reports status` show it, and `reports send --now` overrides it.
    postponed_until: datetime | None = None


@dataclass(frozen=True)
class RejectedItem:
    report_id: str
    kind: str
    deadline_at: datetime
    field_errors: list[dict[str, str]]


@dataclass(frozen=True)
class AlertEvent:
    report_id: str
    level: str  # "due_in_6h", "due_in_2h" or "overdue"
    deadline_at: datetime
    time_left_seconds: float


@dataclass
class ReportingStatus:
    at: datetime
    by_state: dict[str, int]
    #: Share of decided reports (filed, or overdue and still unfiled) filed within 24 hours, over the
    #: window; None when nothing was decided yet.
    rate_24h: float | None
    decided: int
    on_time: int
    late: dict[str, int]
    pending: int
    overdue: int
    rejected: int
    nearest_deadline: datetime | None
    pending_items: list[PendingItem] = field(default_factory=list)
    rejected_items: list[RejectedItem] = field(default_factory=list)
    alerts: list[AlertEvent] = field(default_factory=list)
    window_days: int = 30
    #: Pending reports whose next attempt the intake postponed (Retry-After), still waiting.
    postponed: int = 0

    def to_dict(self) -> dict[str, Any]:
        def conv(value: Any) -> Any:
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if isinstance(value, list):
                return [conv(v) for v in value]
            return value

        return conv(asdict(self))


def reporting_status(
    db: Database,
    *,
    clock: Clock | None = None,
    window_days: int = 30,
    item_limit: int = 50,
) -> ReportingStatus:
    """The whole picture at `clock.now()`. `window_days` bounds the rate and the late grades (by event
    time); pending and rejected reports are counted whatever their age."""
    now = (clock or SystemClock()).now()
    since = now - timedelta(days=window_days)
    q = _queries()
    params = {"now": now, "since": since, "item_limit": item_limit}
    with db.read() as session:
        by_state = {s.value: 0 for s in ReportState}
        for state, n in session.execute(q["by_state"]):
            by_state[state] = int(n)
        on_time = int(session.execute(q["on_time"], params).scalar_one())
        late_rows: list[tuple[Any, Any]] = list(session.execute(q["late_filed"], params).all())
        # Still unfiled and past the deadline: late already, graded by how long it has taken so far.
        late_rows += [(e, None) for (e,) in session.execute(q["late_unfiled"], params).all()]
        rejected_rows = session.execute(q["rejected"]).all()
        overdue, nearest = session.execute(q["overdue"], params).one()
        overdue = int(overdue or 0)
        postponed = int(session.execute(q["postponed"], params).scalar_one())
        items = session.execute(q["items"], params).all() if item_limit > 0 else []
        alert_rows = _alert_rows(session, now)
    pending = sum(by_state.get(s, 0) for s in PENDING_STATES)

    late = {name: 0 for name, _ in LATE_GRADES}
    decided_late = 0
    for event_time, filed in late_rows:
        taken = (_aware(filed, now) or now) - _moment(event_time, now)
        grade = late_grade(taken)
        if grade is not None:
            late[grade] += 1
            decided_late += 1
    rejected_items: list[RejectedItem] = []
    open_rejected = 0
    for rid, kind, deadline, event_time, errors, corrected_at in rejected_rows:
        corrected_at = _aware(corrected_at, now)
        event_time = _aware(event_time, now)
        if corrected_at is not None:
            if event_time is not None and event_time >= since:
                grade = late_grade(corrected_at - event_time)
                if grade is None:
                    on_time += 1
                else:
                    late[grade] += 1
                    decided_late += 1
            continue
        open_rejected += 1
        if event_time is not None and event_time >= since and _moment(deadline, now) < now:
            grade = late_grade(now - event_time)
            if grade is not None:
                late[grade] += 1
                decided_late += 1
        if len(rejected_items) < item_limit:
            rejected_items.append(RejectedItem(rid, kind, _moment(deadline, now), json.loads(errors or "[]")))
    decided = on_time + decided_late
    return ReportingStatus(
        at=now,
        by_state=by_state,
        rate_24h=(on_time / decided) if decided else None,
        decided=decided,
        on_time=on_time,
        late=late,
        pending=pending,
        overdue=overdue,
        rejected=open_rejected,
        nearest_deadline=_aware(nearest, now),
        pending_items=[_pending_item(row, now) for row in items],
        rejected_items=rejected_items,
        alerts=list(_alerts(((rid, _aware(dl, now)) for rid, dl in alert_rows), now)),
        window_days=window_days,
        postponed=postponed,
    )


def is_postponed(state: str, last_error: str | None, next_attempt_at: datetime | None, now: datetime) -> bool:
    """One rule for "the intake made this report wait": a retrying report whose last error is the
    uploader's postponement note, with its next attempt still ahead."""
    return (state == ReportState.FAILED_RETRYING.value and (last_error or "").startswith(POSTPONED_PREFIX)
            and next_attempt_at is not None and next_attempt_at > now)


def _pending_item(row: Any, now: datetime) -> PendingItem:
    rid, kind, state, dl, att, nxt, err = row
    deadline, nxt = _moment(dl, now), _aware(nxt, now)
    return PendingItem(rid, kind, state, deadline, (deadline - now).total_seconds(), att, nxt, err,
                       postponed_until=nxt if is_postponed(state, err, nxt, now) else None)


def _alert_rows(session: Any, now: datetime) -> list[Any]:
    return list(session.execute(_queries()["alerts"], {"horizon": now + ALERT_LEVELS[-1][1]}).all())


@functools.cache
def _queries() -> dict[str, Any]:
    """The status queries, built once: the status bar asks often, and building SQLAlchemy expressions
    costs more than running these indexed queries. Times are bound parameters."""
    now = bindparam("now", type_=UtcDateTime())
    since = bindparam("since", type_=UtcDateTime())
    horizon = bindparam("horizon", type_=UtcDateTime())
    filed_at = func.coalesce(Report.handed_over_at, Report.last_attempt_at)
    # A rejected report that a later correction replaced counts as filed when its correction was.
    correction = aliased(Report)
    pending = Report.state.in_(PENDING_STATES)
    unsent = Report.state.in_(UNSENT_STATES)
    filed = Report.state.in_(FILED_STATES)
    return {
        "by_state": select(Report.state, func.count()).group_by(Report.state),
        "on_time": select(func.count()).select_from(Report).where(
            Report.event_time >= since, filed, filed_at <= Report.deadline_at),
        "late_filed": select(Report.event_time, filed_at).where(
            Report.event_time >= since, filed, filed_at > Report.deadline_at),
        "late_unfiled": select(Report.event_time).where(Report.event_time >= since, unsent, Report.deadline_at < now),
        "rejected": select(Report.id, Report.kind, Report.deadline_at, Report.event_time, Report.field_errors,
                           func.min(func.coalesce(correction.handed_over_at, correction.last_attempt_at)))
        .outerjoin(correction, (correction.corrects_report_id == Report.id) & correction.state.in_(FILED_STATES))
        .where(Report.state == ReportState.REJECTED.value)
        .group_by(Report.id, Report.kind, Report.deadline_at, Report.event_time, Report.field_errors)
        .order_by(Report.deadline_at),
        "overdue": select(func.count(case((Report.deadline_at < now, 1))), func.min(Report.deadline_at)).where(unsent),
        "postponed": select(func.count()).select_from(Report).where(
            Report.state == ReportState.FAILED_RETRYING.value, Report.next_attempt_at > now,
            Report.last_error.startswith(POSTPONED_PREFIX, autoescape=True)),
        "items": select(Report.id, Report.kind, Report.state, Report.deadline_at, Report.attempts,
                        Report.next_attempt_at, Report.last_error)
        .where(pending).order_by(Report.deadline_at, Report.audit_seq).limit(bindparam("item_limit")),
        "alerts": select(Report.id, Report.deadline_at)
        .where(unsent, Report.deadline_at <= horizon).order_by(Report.deadline_at).limit(1000),
        "retry": select(func.min(Report.next_attempt_at)).where(Report.state.in_([s.value for s in DUE_STATES])),
        "lease": select(func.min(Report.lease_until)).where(Report.state == ReportState.SENDING.value),
    }


def deadline_alerts(db: Database, *, clock: Clock | None = None) -> list[AlertEvent]:
    """Unsent reports whose deadline is within 6 h (or 2 h, or past), nearest first: one cheap query."""
    now = (clock or SystemClock()).now()
    with db.read() as session:
        rows = _alert_rows(session, now)
    return list(_alerts(((rid, _aware(dl, now)) for rid, dl in rows), now))


def _alerts(rows: Iterable[tuple[str, datetime | None]], now: datetime) -> Iterable[AlertEvent]:
    for rid, deadline in rows:
        if deadline is None:
            continue
        left = deadline - now
        if left < timedelta(0):
            level = "overdue"
        else:
            level = next(name for name, limit in ALERT_LEVELS if left <= limit)
        yield AlertEvent(rid, level, deadline, left.total_seconds())


class AlertTracker:
    """Turns the current alert list into events: each report raises each level once (6 h, then 2 h, then
    overdue), so the desk is told when a deadline comes near, not every few seconds after."""

    _ORDER: ClassVar[dict[str, int]] = {"due_in_6h": 0, "due_in_2h": 1, "overdue": 2}

    def __init__(self) -> None:
        self._raised: dict[str, int] = {}

    def new_events(self, alerts: Iterable[AlertEvent]) -> list[AlertEvent]:
        fresh = []
        current = set()
        for alert in alerts:
            current.add(alert.report_id)
            rank = self._ORDER[alert.level]
            if self._raised.get(alert.report_id, -1) < rank:
                self._raised[alert.report_id] = rank
                fresh.append(alert)
        # Forget reports that left the list (sent), so memory stays bounded on a long-running desk.
        for rid in list(self._raised):
            if rid not in current:
                del self._raised[rid]
        return fresh


def next_due_at(db: Database) -> datetime | None:
    """When the uploader next has something to do: the earliest retry time of a waiting report, or the
    earliest lease expiry of a claimed one. None when nothing is left to send."""
    with db.read() as session:
        retry = session.execute(_queries()["retry"]).scalar_one()
        lease = session.execute(_queries()["lease"]).scalar_one()
    ref = datetime.now(UTC)
    times = [t for t in (_aware(retry, ref), _aware(lease, ref)) if t is not None]
    return min(times) if times else None
