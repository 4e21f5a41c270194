"""The liaison's inspection, as the window (and the export bundle) needs it: one Qt-free call that loads the
timeline with names, the police's measures per day and month, and the flagged differences for a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from hotel_desk.clock import local_zone

if TYPE_CHECKING:
    from hotel_desk.desk.audit_trail import AuditTrail
    from hotel_desk.store.inspection import InspectionMeasures
    from hotel_desk.store.inspection_views import Difference, TimelineEntry


@dataclass(frozen=True)
class Inspection:
    start: datetime
    end: datetime
    timeline: list[TimelineEntry]
    measures: InspectionMeasures
    differences: list[Difference]


def day_range(first: date, last: date, timezone: str) -> tuple[datetime, datetime]:
    """Whole local days: from the start of `first` to the end of `last` (included)."""
    zone = local_zone(timezone or None)
    return (datetime.combine(first, time(0), tzinfo=zone),
            datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone))


def load(desk: AuditTrail, first: date, last: date, *, guest: str = "", staff: str = "") -> Inspection:
    """Everything the inspection view shows for the local days first..last (audited reads: names)."""
    from hotel_desk.store.inspection import measure
    from hotel_desk.store.inspection_views import differences, timeline

    start, end = day_range(first, last, desk.settings.timezone)
    actor = desk.actor  # once: whoever asked is who read it, even if they sign out meanwhile
    entries = timeline(desk.db, actor=actor, start=start, end=end, guest=guest, staff=staff, clock=desk.clock)
    measures = measure(desk.db, start, end, timezone=desk.settings.timezone, now=desk.now())
    diffs = differences(desk.db, actor=actor, start=start, end=end, clock=desk.clock)
    return Inspection(start, end, entries, measures, diffs)
