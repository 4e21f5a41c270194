"""Closing stays at the desk ("register on arrival, close on departure"): the guests past their planned
departure, checking out one guest or several at an actual time, the morning and night-audit reminders, and
the daily nil report where the intake's layout expects one.

Qt-free; `Desk.closure` is the one instance. When a guest is overdue and when a check-out time is acceptable
are hotel_desk.rules.stays'; the property's zone decides the day (the store reads it from the property).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from hotel_desk.clock import local_zone
from hotel_desk.rules.roles import Permission
from hotel_desk.rules.stays import (
    DEFAULT_CHECKOUT_TIME,
    DEFAULT_NIGHT_AUDIT_TIME,
    TimeProblem,
    check_out_problems,
    night_audit_due,
    parse_clock_time,
)

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.store import NilReported, OverdueStay

#: Who the audit trail names for the nil reports the desk queues by itself (at start and after midnight, signed
#: in or not, as the uploader sends reports while the desk is locked): nobody asked for them, the day closed.
DAILY_PASS = "(daily pass)"


@dataclass(frozen=True)
class ClosureStatus:
    """What the window's reminder needs every minute (no names: not an audited read)."""

    today: date  # the property's local date
    overdue: int  # guests past their planned departure, still in house
    night_audit_at: datetime | None  # the night audit the desk should be warned about now, or None
    nil_reports: tuple[date, ...] = ()  # days whose nil report was just queued


class Closure:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._lock = threading.Lock()
        self._nil_checked_on: date | None = None

    # -- the settings, read as times ------------------------------------------------------------------------
    @property
    def checkout_time(self) -> time:
        return parse_clock_time(self._desk.settings.checkout_time) or DEFAULT_CHECKOUT_TIME

    @property
    def night_audit_time(self) -> time:
        return parse_clock_time(self._desk.settings.night_audit_time) or DEFAULT_NIGHT_AUDIT_TIME

    def local_now(self) -> datetime:
        return self._desk.now().astimezone(local_zone(self._desk.settings.timezone or None))

    # -- views -------------------------------------------------------------------------------------------------
    def overdue(self) -> list[OverdueStay]:
        """Guests past the check-out time of their planned departure day with no check-out (audited)."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        return store.overdue_stays(self._desk.db, actor=self._desk.actor, checkout_time=self.checkout_time,
                                   clock=self._desk.clock)

    def status(self) -> ClosureStatus:
        """The reminder's numbers, and the day's nil reports queued on the way (the first call after midnight
        queues yesterday's, so a desk left running overnight closes the day without anyone asking). No names:
        asked whether anyone is signed in or not."""
        from hotel_desk import store

        nil = tuple(r.day for r in self.daily_pass())
        count = store.overdue_count(self._desk.db, checkout_time=self.checkout_time, clock=self._desk.clock)
        now = self.local_now()
        return ClosureStatus(now.date(), count, night_audit_due(now, self.night_audit_time), nil)

    # -- check-out ---------------------------------------------------------------------------------------------
    @staticmethod
    def time_problems(at: datetime, *, arrival: datetime, now: datetime) -> list[TimeProblem]:
        """The one check-out time rule (hotel_desk.rules.stays), for the window's time field."""
        return check_out_problems(at, arrival=arrival, now=now)

    def check_out(self, registration_ids: Sequence[str], at: datetime | None = None) -> list[str]:
        """Check out one guest or several (a group, the overdue list) at `at` (default now): one transaction,
        one check-out report each; if any cannot be checked out, none is. Returns the report ids."""
        from hotel_desk import store

        self._desk.require(Permission.CHECK_OUT)
        refs = store.check_out_many(self._desk.db, list(registration_ids), actor=self._desk.actor,
                                    clock=self._desk.clock, at=at)
        return [r.report_id for r in refs]

    def group_in_house(self, group_id: str) -> list[str]:
        """The registrations of a group still in house (to check the whole group out together)."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        return store.group_members(self._desk.db, group_id)

    # -- the daily nil report ------------------------------------------------------------------------------------
    def daily_pass(self, *, force: bool = False) -> list[NilReported]:
        """Queue the nil reports of finished days without check-ins, when the intake's layout expects them (its
        mapping file's "nil_report" option). Asks the database once per local day per desk (the store is
        idempotent per day anyway, so two desks or a restart never queue one twice)."""
        from hotel_desk import store
        from hotel_desk.reporting.mapping import load_mapping

        today = self.local_now().date()
        with self._lock:
            if self._nil_checked_on == today and not force:
                return []
            option = load_mapping(self._desk.settings.field_mapping or None).nil_report
            if option is None:
                self._nil_checked_on = today
                return []
            queued = store.queue_nil_reports(self._desk.db, actor=DAILY_PASS, clock=self._desk.clock,
                                             catch_up_days=option.catch_up_days)
            self._nil_checked_on = today
        return queued  # the uploader takes them at its next round
