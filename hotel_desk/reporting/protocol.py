"""The intake protocol's value types, shared by the client transports and the training intake server.

docs/intake-protocol.md is the specification; this module is its executable half. Everything here is pure
data: no sockets, no database. A record's outcome is always one of three things (accepted with a receipt,
rejected with field errors, or transient) so that the uploader never has to guess.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hotel_desk.rules.canonical import canonical_json  # the one spelling (was a copy here)

PROTOCOL_VERSION = "1"
#: Paths of the HTTP protocol, relative to the intake base URL.
PATH_SUBMIT = "/v1/reports"
PATH_RECEIPTS = "/v1/receipts/"
PATH_RECORDS = "/v1/records/"
PATH_HEALTH = "/v1/health"
PATH_TRAINING_STATS = "/v1/training/stats"
PATH_TRAINING_FAULTS = "/v1/training/faults"
#: Authentication headers: the hotel id and the authorisation code issued by the police sub-station.
HEADER_HOTEL_ID = "X-Hotel-Id"
HEADER_AUTH_CODE = "X-Authorisation-Code"
HEADER_TRAINING = "X-Intake-Training"
#: A batch carries at most this many records; the server answers 413 above it.
MAX_BATCH_RECORDS = 500


class RecordStatus(StrEnum):
    ACCEPTED = "accepted"  # filed; receipt_id is the proof
    REJECTED = "rejected"  # not filed; field errors say what to correct. Resending unchanged will not help.
    TRANSIENT = "transient"  # not filed this time; send again later with the same idempotency key
    CHECKED = "checked"  # check-only mode: valid, nothing filed
    HANDED_OVER = "handed_over"  # batch file written; filed once the user records the receipt number


class FailureKind(StrEnum):
    """Why a whole batch got no usable answer. All are transient for the records in it."""

    OFFLINE = "offline"  # could not connect (network down, server not running, DNS)
    TIMEOUT = "timeout"  # connected, but no complete answer in time
    CONNECTION = "connection"  # connection reset or closed mid-answer
    SERVER_ERROR = "server_error"  # HTTP 5xx or 429
    MALFORMED = "malformed"  # an answer that is not the protocol's JSON
    AUTH = "auth"  # 401/403: hotel id, authorisation code or certificate refused (needs the user)
    PROTOCOL = "protocol"  # 4xx other than auth: our request was wrong (a bug; needs support)
    TLS = "tls"  # certificate verification failed


@dataclass(frozen=True)
class FieldError:
    """One reason a record was refused, for one field of the wire record (None = the record as a whole)."""

    field: str | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> FieldError:
        fld = raw.get("field")
        return cls(
            field=str(fld) if fld is not None else None,
            code=str(raw.get("code") or "invalid"),
            message=str(raw.get("message") or ""),
        )


@dataclass(frozen=True)
class OutgoingReport:
    """One report ready for a transport: the wire record (already mapped) and its idempotency key."""

    report_id: str
    idempotency_key: str
    record: Mapping[str, Any]
    deadline_at: str = ""
    #: Opaque text (at most MAX_ANCHOR printable ASCII characters) the intake echoes inside its signed
    #: result: the desk's audit chain head at the time of sending, so a receipt pins the chain's state.
    anchor: str = ""


@dataclass(frozen=True)
class RecordResult:
    idempotency_key: str
    status: RecordStatus
    receipt_id: str | None = None
    received_at: str | None = None
    duplicate: bool = False  # the intake already had this key: this is the original receipt again
    errors: tuple[FieldError, ...] = ()
    message: str = ""
    retry_after: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"idempotency_key": self.idempotency_key, "status": self.status.value}
        if self.receipt_id is not None:
            out["receipt_id"] = self.receipt_id
        if self.received_at is not None:
            out["received_at"] = self.received_at
        if self.duplicate:
            out["duplicate"] = True
        if self.errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        if self.message:
            out["message"] = self.message
        if self.retry_after is not None:
            out["retry_after"] = self.retry_after
        return out


@dataclass(frozen=True)
class BatchOutcome:
    """What one send attempt produced: one result per record, plus the raw answer for the attempt log.

    When the transport failed as a whole (`failure` set), every record has a TRANSIENT result."""

    results: tuple[RecordResult, ...]
    raw_answer: str = ""
    http_status: int | None = None
    failure: FailureKind | None = None
    failure_detail: str = ""
    retry_after: float | None = None
    batch_id: str = ""

    def by_key(self) -> dict[str, RecordResult]:
        return {r.idempotency_key: r for r in self.results}


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    idempotency_key: str
    report_id: str
    hotel_id: str
    received_at: str
    record_sha256: str
    training: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict)


def failed_batch(
    reports: Sequence[OutgoingReport],
    kind: FailureKind,
    detail: str,
    *,
    raw_answer: str = "",
    http_status: int | None = None,
    retry_after: float | None = None,
    batch_id: str = "",
) -> BatchOutcome:
    results = tuple(
        RecordResult(r.idempotency_key, RecordStatus.TRANSIENT, message=f"{kind.value}: {detail}", retry_after=retry_after)
        for r in reports
    )
    return BatchOutcome(
        results=results,
        raw_answer=raw_answer,
        http_status=http_status,
        failure=kind,
        failure_detail=detail,
        retry_after=retry_after,
        batch_id=batch_id,
    )


def record_sha256(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def parse_batch_answer(reports: Sequence[OutgoingReport], answer: Any, batch_id: str = "") -> BatchOutcome | None:
    """Turn a decoded 200 answer into results, one per sent record. None if the answer is not the protocol's
    shape (the caller then treats the whole batch as MALFORMED). A record the answer forgot is TRANSIENT:
    resending it under the same key is safe, guessing it was filed is not."""
    if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
        return None
    seen: dict[str, RecordResult] = {}
    for item in answer["results"]:
        if not isinstance(item, dict):
            return None
        key = item.get("idempotency_key")
        try:
            status = RecordStatus(item.get("status"))
        except ValueError:
            return None
        if not isinstance(key, str):
            return None
        receipt = item.get("receipt_id")
        if status is RecordStatus.ACCEPTED and not (isinstance(receipt, str) and receipt):
            # An acceptance without a receipt proves nothing; ask again later.
            status = RecordStatus.TRANSIENT
        errors = item.get("errors") or []
        if not isinstance(errors, list):
            return None
        if status is RecordStatus.REJECTED and not errors:
            errors = [{"field": None, "code": "rejected", "message": str(item.get("message") or "rejected")}]
        retry_after = item.get("retry_after")
        seen[key] = RecordResult(
            idempotency_key=key,
            status=status,
            receipt_id=receipt if isinstance(receipt, str) and receipt else None,
            received_at=item.get("received_at") if isinstance(item.get("received_at"), str) else None,
            duplicate=bool(item.get("duplicate")),
            errors=tuple(FieldError.from_dict(e) for e in errors if isinstance(e, dict)),
            message=str(item.get("message") or ""),
            retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
        )
    results = []
    for r in reports:
        got = seen.get(r.idempotency_key)
        if got is None:
            got = RecordResult(r.idempotency_key, RecordStatus.TRANSIENT, message="no result for this record in the answer")
        results.append(got)
    return BatchOutcome(results=tuple(results), batch_id=batch_id)
