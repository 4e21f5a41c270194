"""The stay's own clock rules, each defined once: when a check-out time may be recorded, when a guest counts as
past their planned departure ("register on arrival, close on departure"), and when the desk is warned before
the night audit.

Pure: times in, verdicts out. Callers convert to the property's zone first (the store and the desk do it with
the property's time zone; the window with the settings'), because "the departure day" and "noon" are local.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: Two desks' clocks differ a little: a time up to this far ahead of "now" is still accepted. Beyond it, an
#: arrival or a check-out "in the future" would be a false report.
CLOCK_TOLERANCE = timedelta(minutes=15)

#: When a guest is due out on the planned departure day, unless the property sets its own (Settings): the
#: usual hotel check-out hour in China. A guest still in house after it is overdue.
DEFAULT_CHECKOUT_TIME = time(12, 0)
#: The night audit (the day's close at the desk), unless the property sets its own.
DEFAULT_NIGHT_AUDIT_TIME = time(23, 0)
#: How long before the night audit the desk is warned about guests still open past their departure.
NIGHT_AUDIT_WARNING = timedelta(hours=1)


@dataclass(frozen=True)
class TimeProblem:
    """Why a time cannot be recorded: a stable code (the window translates by it) and an English sentence
    (the store's refusal, the command line)."""

    code: str
    message: str


def check_out_problems(at: datetime, *, arrival: datetime, now: datetime) -> list[TimeProblem]:
    """What is wrong with recording `at` as a guest's check-out: the one rule for the window's time field, the
    desk and the store. A check-out cannot lie before the arrival (the police would reject a stay of negative
    length) nor in the future (a report of a departure that has not happened)."""
    if at.tzinfo is None:
        return [TimeProblem("no_zone", "the check-out time has no time zone")]
    problems = []
    if at < arrival:
        problems.append(TimeProblem("before_arrival", "the check-out time is before the arrival"))
    if at > now + CLOCK_TOLERANCE:
        problems.append(TimeProblem("in_future", "the check-out time is in the future"))
    return problems


def parse_clock_time(text: str) -> time | None:
    """'HH:MM' (24-hour) as typed in Settings; None when it is not a time of day."""
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() and 1 <= len(p) <= 2 for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def overdue_through(now_local: datetime, checkout: time = DEFAULT_CHECKOUT_TIME) -> date:
    """The latest planned departure day that is overdue at `now_local` (the property's local time): today once
    today's check-out time has passed, else yesterday. A guest in house with a planned departure on or before
    this day has not been checked out when they should have been."""
    today = now_local.date()
    return today if now_local.time() >= checkout else today - timedelta(days=1)


def is_overdue(planned_departure: date | None, now_local: datetime, checkout: time = DEFAULT_CHECKOUT_TIME) -> bool:
    """A stay with no planned departure is never overdue: nobody said when it ends."""
    return planned_departure is not None and planned_departure <= overdue_through(now_local, checkout)


def night_audit_due(now_local: datetime, night_audit: time = DEFAULT_NIGHT_AUDIT_TIME,
                    lead: timedelta = NIGHT_AUDIT_WARNING) -> datetime | None:
    """The night audit the desk should be warned about now (its local moment), or None. The warning runs from
    `lead` before the audit until the audit itself; an audit just after midnight is warned about the evening
    before."""
    for day in (now_local.date(), now_local.date() + timedelta(days=1)):
        audit = datetime.combine(day, night_audit, tzinfo=now_local.tzinfo)
        if timedelta(0) < audit - now_local <= lead:
            return audit
    return None
