"""Time is injected: everything that compares with "now" (expiry, deadlines, countdowns) takes a Clock.

Stored times are timezone-aware UTC. The property's local zone (China Standard Time by default) is only
used to interpret what a receptionist types and to display times.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Shanghai"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to: for simulations (outages, deadlines) and tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now += delta

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._now = moment.astimezone(UTC)


class ShiftedClock:
    """Real time moved to start at a chosen moment: it runs at the real rate (retries, countdowns and timers
    behave as on any day) while every date is derived from `start`. The self-test uses it to check the bundled
    sample as on a day the sample is valid; window tests use it so that no test depends on today's date."""

    def __init__(self, start: datetime, monotonic: Callable[[], float] = time.monotonic) -> None:
        if start.tzinfo is None:
            raise ValueError("ShiftedClock needs a timezone-aware start time")
        self._start = start.astimezone(UTC)
        self._monotonic = monotonic
        self._t0 = monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._monotonic() - self._t0)


def local_zone(name: str | None = None) -> tzinfo:
    return ZoneInfo(name or DEFAULT_TIMEZONE)


def local_today(clock: Clock, zone: str | None = None) -> date:
    """Today's date at the property (what a receptionist calls 'today')."""
    return clock.now().astimezone(local_zone(zone)).date()


def as_aware(moment: datetime, zone: str | None = None) -> datetime:
    """Interpret a naive date-time as the property's local time; aware ones are kept. Returns UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone(zone))
    return moment.astimezone(UTC)
