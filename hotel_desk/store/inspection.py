"""The police's own measures, per day and per month, for the liaison's inspection (and the export bundle).

For every report whose event (arrival, check-out, correction, cancellation) falls in the period, in the
property's local days: how many, how many were reported within the 24 hours, and how late the others were by
the national grades (hotel_desk.rules.reports.LATE_GRADES: 1-2 d, 3-7 d, 8-14 d, 15 d+). A report counts as
reported when the intake acknowledged it or it was handed over (fax, in person): the police got it then,
whatever came after. Reports neither reported nor yet due are left out of the share; overdue ones still
unreported are counted on their own.

Beside them, what the audit trail counts in the period: registrations, corrections (with why), cancellations
(with why), hand-overs, check-ins the gate blocked, and any kind of event named in `EVENT_MEASURES` (suspected
error lists and their answers, issue 14): a new kind plugs in by adding its actions there; an action that does
not exist yet simply counts zero.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotel_desk.clock import local_zone
from hotel_desk.rules.reports import LATE_GRADES, ReportKind, late_grade
from hotel_desk.store.audit import AuditAction
from hotel_desk.store.db import Database
from hotel_desk.store.models import AuditEvent, Report, ReportAttempt

#: Outcomes that mean the police have the report.
REPORTED_OUTCOMES = ("acknowledged", "handed_over")
GRADES = tuple(name for name, _limit in LATE_GRADES)

#: Counted audit events: measure name -> the actions that count for it. Issue 14's suspected-error lists plug
#: in here (part A's blocked check-ins are); an action nobody records yet counts zero.
EVENT_MEASURES: Mapping[str, tuple[str, ...]] = {
    "blocked_check_ins": (AuditAction.CHECK_IN_BLOCKED,),
    # Issue 14's police lists: one "imported" event per item; an answer is a correction or "verified correct".
    "suspected_errors": (AuditAction.SUSPECTED_ERROR_IMPORTED,),
    "suspected_errors_answered": (AuditAction.SUSPECTED_ERROR_CORRECTED, AuditAction.SUSPECTED_ERROR_VERIFIED),
    "page_images_purged": (AuditAction.PAGE_IMAGES_PURGED,),
}
#: The desk's changes whose notes the liaison reads: measure name -> action.
NOTED = {"corrections": AuditAction.CORRECTION, "cancellations": AuditAction.CANCELLATION}


@dataclass
class Measures:
    """One day ("2026-11-20") or month ("2026-11")."""

    period: str
    registrations: int = 0
    reports: int = 0
    reported_in_time: int = 0
    #: Late reports by national grade ("1-2d", "3-7d", "8-14d", ">=15d").
    late: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GRADES, 0))
    overdue_unreported: int = 0
    corrections: int = 0
    cancellations: int = 0
    handed_over: int = 0
    #: Why, as the desk wrote it: "room: typo", "cancellation: duplicate".
    reasons: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EVENT_MEASURES, 0))

    @property
    def decided(self) -> int:
        """Reports either reported or past their deadline: the share's denominator."""
        return self.reported_in_time + sum(self.late.values()) + self.overdue_unreported

    @property
    def share_in_time(self) -> float | None:
        return self.reported_in_time / self.decided if self.decided else None

    def to_dict(self) -> dict[str, object]:
        return {
            "period": self.period, "registrations": self.registrations, "reports": self.reports,
            "reported_in_time": self.reported_in_time, "share_in_time": self.share_in_time, "late": self.late,
            "overdue_unreported": self.overdue_unreported, "corrections": self.corrections,
            "cancellations": self.cancellations, "handed_over": self.handed_over, "reasons": self.reasons,
            **self.counts,
        }


@dataclass(frozen=True)
class InspectionMeasures:
    days: list[Measures]
    months: list[Measures]
    total: Measures


def _reported_at(session: Session, start: datetime, end: datetime) -> dict[str, datetime]:
    """When each report of the period first reached the police (acknowledged or handed over)."""
    query = (
        select(ReportAttempt.report_id, func.min(ReportAttempt.attempted_at))
        .join(Report, Report.id == ReportAttempt.report_id)
        .where(Report.event_time >= start, Report.event_time < end,
               ReportAttempt.outcome.in_(REPORTED_OUTCOMES))
        .group_by(ReportAttempt.report_id)
    )
    return {rid: when for rid, when in session.execute(query)}


def _note_text(details: Mapping[str, object]) -> str:
    fields = details.get("changed_fields")
    note = str(details.get("note") or "").strip() or "-"
    return f"{', '.join(map(str, fields))}: {note}" if isinstance(fields, list) and fields else note


def measure(db: Database, start: datetime, end: datetime, *, timezone: str, now: datetime) -> InspectionMeasures:
    """The measures for start <= t < end, per local day and month (empty days and months left out)."""
    zone = local_zone(timezone or None)
    days: dict[str, Measures] = {}
    months: dict[str, Measures] = {}
    total = Measures("total")

    def buckets(moment: datetime) -> Iterable[Measures]:
        local = moment.astimezone(zone)
        day, month = local.strftime("%Y-%m-%d"), local.strftime("%Y-%m")
        return (days.setdefault(day, Measures(day)), months.setdefault(month, Measures(month)), total)

    with db.read() as session:
        reported = _reported_at(session, start, end)
        rows = session.execute(
            select(Report.id, Report.kind, Report.event_time, Report.deadline_at, Report.handed_over_at)
            .where(Report.event_time >= start, Report.event_time < end)
        ).all()
        for rid, kind, event_time, deadline, handed_over_at in rows:
            when = reported.get(rid)
            grade = late_grade(when - event_time) if when is not None else None
            for m in buckets(event_time):
                m.reports += 1
                m.registrations += kind == ReportKind.CHECK_IN.value
                m.handed_over += handed_over_at is not None
                if when is not None and grade is None:
                    m.reported_in_time += 1
                elif grade is not None:
                    m.late[grade] += 1
                elif deadline <= now:
                    m.overdue_unreported += 1
        actions = {a: name for name, acts in EVENT_MEASURES.items() for a in acts}
        noted = {action: name for name, action in NOTED.items()}
        events = session.execute(
            select(AuditEvent.occurred_at, AuditEvent.action, AuditEvent.body)
            .where(AuditEvent.occurred_at >= start, AuditEvent.occurred_at < end,
                   AuditEvent.action.in_([*actions, *noted]))
        ).all()
        for occurred_at, action, body in events:
            for m in buckets(occurred_at):
                if action in actions:
                    m.counts[actions[action]] += _event_count(action, body)
                else:
                    name = noted[action]
                    setattr(m, name, getattr(m, name) + 1)
                    m.reasons.append(f"{'correction' if name == 'corrections' else 'cancellation'} "
                                     f"{_note_text(json.loads(body).get('details') or {})}")
    return InspectionMeasures(sorted(days.values(), key=lambda m: m.period),
                              sorted(months.values(), key=lambda m: m.period), total)


def _event_count(action: str, body: str) -> int:
    """A batch event (a purge of 200 images) counts what it did; others count one."""
    if action == AuditAction.PAGE_IMAGES_PURGED:
        return int((json.loads(body).get("details") or {}).get("count") or 0)
    return 1


__all__ = ["EVENT_MEASURES", "GRADES", "InspectionMeasures", "Measures", "measure"]
