"""The intake protocol's value types, shared by the client transports and the training intake server.

docs/intake-protocol.md is the specification; this module is its executable half. Everything here is pure
data: no sockets, no database. A record's outcome is always one of three things (accepted with a receipt,
rejected with field errors, or transient) so that the uploader never has to guess.

Version 2 (this one) adds to version 1: every answer says whether the intake is a TRAINING intake, and every
per-record result is signed by the intake's Ed25519 key over the record's idempotency key and payload hash
(hotel_desk.reporting.signatures); the client (hotel_desk.reporting.answers) accepts nothing else as a receipt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hotel_desk.rules.canonical import canonical_json  # the one spelling (was a copy here)

PROTOCOL_VERSION = "2"
#: Paths of the HTTP protocol, relative to the intake base URL.
PATH_SUBMIT = "/v1/reports"
PATH_RECEIPTS = "/v1/receipts/"
PATH_RECORDS = "/v1/records/"
PATH_HEALTH = "/v1/health"
PATH_KEY = "/v1/key"
PATH_TRAINING_STATS = "/v1/training/stats"
PATH_TRAINING_FAULTS = "/v1/training/faults"
#: Authentication headers: the hotel id and the authorisation code issued by the police sub-station.
HEADER_HOTEL_ID = "X-Hotel-Id"
HEADER_AUTH_CODE = "X-Authorisation-Code"
HEADER_TRAINING = "X-Intake-Training"
#: The training intake accepts only its own desk: the per-installation secret goes in this header.
HEADER_DESK_SECRET = "X-Training-Desk-Secret"
#: A batch carries at most this many records; the server answers 413 above it.
MAX_BATCH_RECORDS = 500

# Bounds on what an answer may carry. A value outside them makes the answer malformed: it is never cut
# to fit (a clipped receipt id is not the receipt) and never stored (the store's columns are bounded).
MAX_KEY_LENGTH = 128  # idempotency key
MAX_RECEIPT_ID = 128  # the store keeps 200
MAX_ANCHOR = 256  # the opaque anchor a client may send with a record (the audit chain head)
MAX_SHORT_TEXT = 64  # received_at, intake_id, key id, status
MAX_MESSAGE = 1000  # a transient message or an error's message (clipped, not refused: it is prose)
MAX_ERRORS = 100  # field errors per record


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
    TLS = "tls"  # certificate verification failed, or the certificate is not the pinned one
    WRONG_MODE = "wrong_mode"  # a TRAINING intake answered a LIVE desk, or the other way round (needs the user)
    UNTRUSTED = "untrusted"  # results not signed by the configured intake key, or not about what was sent
    INTERNAL = "internal"  # the desk's own code failed while sending (a bug; the reports stay queued)


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


def anchor_problem(anchor: object) -> str | None:
    """Why `anchor` cannot go with a record (None when it can): the intake refuses, and the desk never
    sends, anything but at most MAX_ANCHOR printable ASCII characters."""
    if not isinstance(anchor, str) or len(anchor) > MAX_ANCHOR or not (anchor.isascii() and anchor.isprintable()):
        return f"anchor: at most {MAX_ANCHOR} printable ASCII characters"
    return None


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

    @property
    def payload_sha256(self) -> str:
        """What the intake must echo: SHA-256 of the record's canonical JSON, as sent."""
        return record_sha256(self.record)


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
    # The signed statement's own fields, kept so that the attempt log holds a proof anyone can re-check.
    payload_sha256: str | None = None
    anchor: str | None = None
    signature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"idempotency_key": self.idempotency_key, "status": self.status.value}
        for name in ("payload_sha256", "anchor", "signature"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
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
    #: Who answered (from a verified answer): the intake's id and whether it is a training intake.
    intake_id: str = ""
    training: bool | None = None
    #: Bytes read from the network for this answer (headers and framing included): proof of the size cap.
    bytes_read: int = 0

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
    bytes_read: int = 0,
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
        bytes_read=bytes_read,
    )


def record_sha256(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()
