"""Whether reports get through to the police intake, as the status bar says it: the last real exchange.

The uploader's events say what its last exchange with the intake was (an answer came, nothing answered, the
codes were refused); while it has nothing to send, nobody talks to the intake, so a cheap probe (GET health)
asks instead, at most every `PROBE_EVERY`. Whichever is newer is the state. Problems are kept as codes, so the
window says them in the desk's language ("nothing answers at the intake's address"), never "[Errno 111]"; the
raw text stays for support.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hotel_desk.clock import Clock
    from hotel_desk.desk.intake import IntakeTarget
    from hotel_desk.reporting.uploader import UploaderEvent

#: How long a state holds before the desk asks again with a probe (when no exchange happened meanwhile).
PROBE_EVERY = 20.0
PROBE_TIMEOUT = 5.0

#: Problem codes (the window's words for each: hotel_desk.ui.labels.link_problem).
REFUSED, TIMEOUT, NAME, UNREACHABLE, TLS, AUTH, PROTOCOL, TROUBLE, OTHER = (
    "refused", "timeout", "name", "unreachable", "tls", "auth", "protocol", "trouble", "other")


@dataclass(frozen=True)
class LinkState:
    online: bool | None = None  # None: nothing learnt yet
    at: datetime | None = None  # when it was learnt
    problem: str = ""  # a code above, when not online
    detail: str = ""  # the raw words of the failure, for support
    source: str = ""  # "exchange" (the uploader) or "probe"


def classify(detail: str) -> str:
    """The problem code for a transport's failure text."""
    text = detail.lower()
    for code, words in ((TLS, ("certificate", "ssl", "tls")), (REFUSED, ("refused", "errno 111", "errno 61")),
                        (TIMEOUT, ("timed out", "timeout")),
                        (NAME, ("name or service", "nodename", "getaddrinfo", "name resolution", "resolve")),
                        (UNREACHABLE, ("unreachable", "no route"))):
        if any(word in text for word in words):
            return code
    return OTHER


def _code(kind: str, detail: str) -> str:
    """The problem code for a line failure (hotel_desk.reporting.protocol.FailureKind value) and its words."""
    if kind == "tls":
        return TLS
    if kind == "timeout":
        return TIMEOUT
    if kind in ("protocol", "server_error", "malformed"):
        return TROUBLE
    found = classify(detail)
    return found if found != OTHER else (UNREACHABLE if kind in ("offline", "connection") else OTHER)


class LinkWatch:
    """The link's state, fed by the uploader's events (its thread) and by probes (a background job)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._state = LinkState()
        self._learnt = 0.0  # monotonic: when to probe does not depend on the (possibly injected) clock

    @property
    def state(self) -> LinkState:
        with self._lock:
            return self._state

    def _set(self, state: LinkState) -> None:
        with self._lock:
            self._state = state
            self._learnt = time.monotonic()

    def probe_due(self, every: float = PROBE_EVERY) -> bool:
        with self._lock:
            return self._state.at is None or time.monotonic() - self._learnt >= every

    def heard(self, event: UploaderEvent) -> None:
        """An uploader event: what its last exchange with the intake says about the link."""
        now = self._clock.now()
        if event.kind in ("online",):
            self._set(LinkState(True, now, source="exchange"))
        elif event.kind == "offline":
            self._set(LinkState(False, now, classify(event.message), event.message, "exchange"))
        elif event.kind == "attention":
            # It answered, and refused: reports do not get through until someone fixes the codes or the line.
            code = event.message.split(":", 1)[0].strip()
            self._set(LinkState(False, now, code if code in (AUTH, TLS, PROTOCOL) else OTHER, event.message,
                                "exchange"))
        elif event.kind == "batch":
            answered = sum(event.counts.get(k, 0) for k in ("acknowledged", "rejected", "handed_over"))
            if answered:
                self._set(LinkState(True, now, source="exchange"))
            elif event.counts.get("transient") and self.state.online is not False:
                self._set(LinkState(False, now, TROUBLE, event.message, "exchange"))

    def probe(self, target: IntakeTarget) -> LinkState:
        """Ask the intake's health address (blocking: a background job) over the same line the uploader uses
        (its certificate checks and pin), and keep what it says."""
        from hotel_desk.desk.intake import http_transport
        from hotel_desk.reporting.connection import IntakeConfigError

        try:
            with http_transport(target, timeout=PROBE_TIMEOUT, max_batch=1) as transport:
                problem = transport.health_problem()
        except (IntakeConfigError, OSError, ValueError) as exc:
            problem_code, detail = OTHER, f"{type(exc).__name__}: {exc}"
        else:
            problem_code, detail = ("", "") if problem is None else (_code(problem[0].value, problem[1]), problem[1])
        if not problem_code:
            state = LinkState(True, self._clock.now(), source="probe")
            current = self.state
            if current.source == "exchange" and current.problem in (AUTH, PROTOCOL):
                # Health asks for no codes: it cannot undo what the last real exchange said about them.
                state = current
        else:
            state = LinkState(False, self._clock.now(), problem_code, detail, "probe")
        self._set(state)
        return state
