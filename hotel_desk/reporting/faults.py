"""Fault injection for the training intake server: the bad days a real police intake has, on demand.

SPEC is comma-separated `key=value` (or "off"):
  latency=MS | MIN-MAX   delay before every answer, in milliseconds
  error_rate=P           share of requests hit by one transport fault, picked evenly among the four below
  5xx=P                  answer 503 (with Retry-After) before touching the records
  timeout=P              file the records, then say nothing until the client gives up (at most `hang` seconds)
  reset=P                file the records, then reset the TCP connection instead of answering
  malformed=P            file the records, then answer 200 with a body that is not the protocol's JSON
  transient=P            per record: answer "transient" without filing it
  reject=P               per record: reject a valid record with a training field error
  hang=SECONDS           the longest a timeout fault holds a connection (default 30)
  seed=N                 make the sequence of faults repeatable
Timeout, reset and malformed strike after the records were filed: the answer is lost, the filing is not.
That is the case that tests idempotency; a fault before filing is the easy one.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class RequestFault(StrEnum):
    SERVER_ERROR = "5xx"
    TIMEOUT = "timeout"
    RESET = "reset"
    MALFORMED = "malformed"


class RecordFault(StrEnum):
    TRANSIENT = "transient"
    REJECT = "reject"


class FaultSpecError(ValueError):
    pass


@dataclass(frozen=True)
class FaultPlan:
    latency_ms: tuple[float, float] = (0.0, 0.0)
    error_rate: float = 0.0
    server_error: float = 0.0
    timeout: float = 0.0
    reset: float = 0.0
    malformed: float = 0.0
    transient: float = 0.0
    reject: float = 0.0
    hang_seconds: float = 30.0
    seed: int | None = None

    @property
    def active(self) -> bool:
        return any(
            (self.latency_ms[1], self.error_rate, self.server_error, self.timeout, self.reset, self.malformed,
             self.transient, self.reject)
        )

    @classmethod
    def parse(cls, spec: str | None) -> FaultPlan:
        plan = cls()
        if spec is None or spec.strip().lower() in ("", "off", "none"):
            return plan
        for part in spec.split(","):
            part = part.strip()
            if not part:
                continue
            key, sep, value = part.partition("=")
            key = key.strip().lower()
            if not sep:
                raise FaultSpecError(f"fault {part!r}: expected key=value")
            try:
                if key == "latency":
                    low, dash, high = value.partition("-")
                    lo = float(low)
                    hi = float(high) if dash else lo
                    if lo < 0 or hi < lo:
                        raise ValueError("bad range")
                    plan = replace(plan, latency_ms=(lo, hi))
                elif key == "hang":
                    plan = replace(plan, hang_seconds=float(value))
                elif key == "seed":
                    plan = replace(plan, seed=int(value))
                else:
                    attr = {
                        "error_rate": "error_rate", "5xx": "server_error", "timeout": "timeout",
                        "reset": "reset", "malformed": "malformed", "transient": "transient", "reject": "reject",
                    }.get(key)
                    if attr is None:
                        raise FaultSpecError(f"unknown fault {key!r}")
                    p = float(value)
                    if not 0.0 <= p <= 1.0:
                        raise ValueError("probability outside 0..1")
                    change: dict[str, Any] = {attr: p}
                    plan = replace(plan, **change)
            except ValueError as exc:
                if isinstance(exc, FaultSpecError):
                    raise
                raise FaultSpecError(f"fault {part!r}: {exc}") from exc
        return plan

    def describe(self) -> str:
        if not self.active:
            return "off"
        parts = []
        if self.latency_ms[1]:
            lo, hi = self.latency_ms
            parts.append(f"latency={lo:g}" + (f"-{hi:g}" if hi != lo else ""))
        for key, value in (
            ("error_rate", self.error_rate), ("5xx", self.server_error), ("timeout", self.timeout),
            ("reset", self.reset), ("malformed", self.malformed), ("transient", self.transient),
            ("reject", self.reject),
        ):
            if value:
                parts.append(f"{key}={value:g}")
        if self.timeout or self.error_rate:
            parts.append(f"hang={self.hang_seconds:g}")
        if self.seed is not None:
            parts.append(f"seed={self.seed}")
        return ",".join(parts)


class FaultDice:
    """Rolls a plan's faults; thread-safe because the server answers requests on many threads."""

    def __init__(self, plan: FaultPlan) -> None:
        self.plan = plan
        self._rng = random.Random(plan.seed)
        self._lock = threading.Lock()

    def latency_seconds(self) -> float:
        lo, hi = self.plan.latency_ms
        if hi <= 0:
            return 0.0
        with self._lock:
            return self._rng.uniform(lo, hi) / 1000.0

    def request_fault(self) -> RequestFault | None:
        p = self.plan
        share = p.error_rate / 4.0
        table = (
            (RequestFault.SERVER_ERROR, p.server_error + share),
            (RequestFault.TIMEOUT, p.timeout + share),
            (RequestFault.RESET, p.reset + share),
            (RequestFault.MALFORMED, p.malformed + share),
        )
        if not any(w for _, w in table):
            return None
        with self._lock:
            roll = self._rng.random()
        edge = 0.0
        for fault, weight in table:
            edge += weight
            if roll < edge:
                return fault
        return None

    def record_fault(self) -> RecordFault | None:
        p = self.plan
        if not (p.transient or p.reject):
            return None
        with self._lock:
            roll = self._rng.random()
        if roll < p.transient:
            return RecordFault.TRANSIENT
        if roll < p.transient + p.reject:
            return RecordFault.REJECT
        return None
