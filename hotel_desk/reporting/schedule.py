"""When to try a report again: backoff, the intake's Retry-After, and the deadline that beats both.

The rule the police care about is the 24-hour deadline, so it bounds every wait: an intake may ask the desk
to wait (HTTP `Retry-After`, or a per-record `retry_after`), and the desk complies only as far as that leaves
the next attempt at least `deadline_margin` (30 min) before the deadline. A wait the intake asked for that is
longer than the desk's own backoff is a *postponement*: it is recorded with the report (its next attempt
time and a last-error text starting with POSTPONED_PREFIX) so that `reports status` and the Reports page
can show it, and `reports send --now` overrides it.

Values from the intake are parsed defensively: delay-seconds, an HTTP date, or a JSON number; negatives
count as zero, NaN and garbage are ignored, infinities and absurd values (1e20) are capped at a day. Nothing
here can raise OverflowError.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

#: The longest wait an intake can ask for; anything longer is this (the deadline then cuts it further).
MAX_RETRY_AFTER = 24 * 3600.0
#: How a postponed report's last error starts: the status (metrics) finds postponements by it.
POSTPONED_PREFIX = "postponed by the intake"


def retry_after_seconds(value: Any, *, now: float | None = None) -> float | None:
    """A Retry-After as seconds in [0, MAX_RETRY_AFTER], or None when there is none or it is unusable.

    `value` is a header value (delay-seconds or an HTTP date) or a number from a JSON answer; `now` is the
    time an HTTP date is measured from (the answer's Date header, as epoch seconds; the local time if
    None), so that a clock difference between desk and intake does not stretch the wait."""
    if value is None or isinstance(value, bool):
        return None
    seconds: float
    if isinstance(value, int | float):
        try:
            seconds = float(value)
        except OverflowError:  # an int with hundreds of digits
            seconds = math.inf if value > 0 else 0.0
    elif isinstance(value, str):
        text = value.strip()
        if not text or len(text) > 100:
            return None
        try:
            seconds = float(text)
        except ValueError:
            when = http_date(text)
            if when is None:
                return None
            seconds = when.timestamp() - (time.time() if now is None else now)
    else:
        return None
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def http_date(text: str) -> datetime | None:
    """An HTTP date (RFC 9110: IMF-fixdate, or the obsolete forms) as an aware datetime, else None."""
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RetryPlan:
    """The wait before the next attempt, and whether (and how far) it is the intake's doing."""

    delay: timedelta
    #: The wait the intake asked for, when it is longer than the desk's own backoff (a postponement).
    asked_seconds: float | None = None
    #: The intake's wait was cut to keep the next attempt before the deadline minus the margin.
    cut_by_deadline: bool = False

    @property
    def postponed(self) -> bool:
        return self.asked_seconds is not None


@dataclass(frozen=True)
class BackoffPolicy:
    """delay(n) = min(cap, base * 2**(n-1)), shortened near a deadline, then jittered down by up to
    `jitter` of itself so that many reports failing together do not retry together. A Retry-After longer
    than that is honoured up to the deadline minus `deadline_margin`."""

    base: timedelta = timedelta(seconds=5)
    cap: timedelta = timedelta(minutes=10)
    jitter: float = 0.5
    #: Near a deadline, never wait more than this share of the time left (but at least `base`).
    deadline_share: float = 0.1
    #: An overdue report is retried at least this often, whatever the intake asks.
    overdue_cap: timedelta = timedelta(minutes=2)
    #: An intake's Retry-After never pushes the next attempt later than this before the deadline.
    deadline_margin: timedelta = timedelta(minutes=30)

    def delay(
        self,
        attempts: int,
        *,
        time_left: timedelta | None = None,
        retry_after: float | None = None,
        rng: random.Random | None = None,
    ) -> timedelta:
        return self.plan(attempts, time_left=time_left, retry_after=retry_after, rng=rng).delay

    def plan(
        self,
        attempts: int,
        *,
        time_left: timedelta | None = None,
        retry_after: float | None = None,
        rng: random.Random | None = None,
    ) -> RetryPlan:
        n = max(1, attempts)
        raw = min(self.cap.total_seconds(), self.base.total_seconds() * (2 ** min(n - 1, 30)))
        if time_left is not None:
            if time_left <= timedelta(0):
                raw = min(raw, self.overdue_cap.total_seconds())
            else:
                raw = min(raw, max(self.base.total_seconds(), time_left.total_seconds() * self.deadline_share))
        r = (rng or random).random()
        seconds = raw * (1.0 - self.jitter * r)
        asked = retry_after_seconds(retry_after)  # bounded again: callers may pass what an intake said
        if asked is None or asked <= seconds:
            return RetryPlan(timedelta(seconds=seconds))
        limit = self.deadline_limit(time_left)
        if limit is not None and asked > limit:
            return RetryPlan(timedelta(seconds=max(seconds, limit)), asked_seconds=asked, cut_by_deadline=True)
        return RetryPlan(timedelta(seconds=asked), asked_seconds=asked)

    def deadline_limit(self, time_left: timedelta | None) -> float | None:
        """The longest an intake may make a report wait, in seconds: up to the deadline minus the margin;
        inside the margin, the near-deadline schedule; overdue, the overdue cap. None without a deadline."""
        if time_left is None:
            return None
        left = time_left.total_seconds()
        if left <= 0:
            return self.overdue_cap.total_seconds()
        near = max(self.base.total_seconds(), left * self.deadline_share)
        return max(left - self.deadline_margin.total_seconds(), near)


def postponement_note(plan: RetryPlan, next_attempt_at: datetime, why: str) -> str:
    """The last-error text of a postponed report (it must start with POSTPONED_PREFIX)."""
    asked = plan.asked_seconds or 0.0
    when = next_attempt_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    cut = " (cut to keep it before the deadline)" if plan.cut_by_deadline else ""
    return f"{POSTPONED_PREFIX} until {when}: it asked to wait {asked:.0f} s{cut}; {why}"
