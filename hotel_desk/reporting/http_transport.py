"""The intake protocol over HTTP(S) (docs/intake-protocol.md), as a desk must speak it.

Building a transport checks the line (hotel_desk.reporting.connection: LIVE only over verified HTTPS) and
needs the intake's public key: without it nothing could ever count as a receipt. Each request has one total
deadline and a size cap on its answer; the answer counts only once hotel_desk.reporting.answers has checked
its training flag, echoes and signatures. Every failure becomes a BatchOutcome with a FailureKind, never an
exception, and the raw answer (clipped) or the error text is kept for the attempt log.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from hotel_desk.reporting.answers import (
    Expectation,
    IntakeHello,
    Refused,
    mode_mismatch,
    read_batch_answer,
    read_hello,
    read_receipt,
)
from hotel_desk.reporting.connection import Connection, Exchange, IntakeConfigError, IntakeLine, LineFailure
from hotel_desk.reporting.protocol import (
    HEADER_AUTH_CODE,
    HEADER_DESK_SECRET,
    HEADER_HOTEL_ID,
    MAX_BATCH_RECORDS,
    PATH_HEALTH,
    PATH_RECEIPTS,
    PATH_RECORDS,
    PATH_SUBMIT,
    PROTOCOL_VERSION,
    BatchOutcome,
    FailureKind,
    OutgoingReport,
    Receipt,
    failed_batch,
)
from hotel_desk.reporting.schedule import http_date, retry_after_seconds
from hotel_desk.reporting.signatures import IntakeKeyError, parse_public_key

#: Raw answers are kept in the attempt log; a runaway error page must not fill the database.
MAX_RAW_ANSWER = 64 * 1024
#: An answer's size cap: a signed result is ~0.5 KB, a rejection with its reasons a few KB.
ANSWER_BYTES_BASE = 256 * 1024
ANSWER_BYTES_PER_RECORD = 8 * 1024
ANSWER_BYTES_MAX = 4 * 1024 * 1024
#: Small answers (health, key, receipts) are capped lower.
SMALL_ANSWER_BYTES = 64 * 1024

__all__ = ["HttpIntakeConfig", "HttpTransport", "IntakeConfigError", "answer_cap"]


@dataclass(frozen=True)
class HttpIntakeConfig:
    base_url: str
    hotel_id: str
    authorisation_code: str
    #: The intake's Ed25519 public key (`ed25519:<base64>` or PEM): results it did not sign are no receipts.
    intake_public_key: str
    #: Which kind of intake this desk talks to; an answer from the other kind is refused.
    training: bool
    intake_id: str | None = None  # when set, answers must name this intake
    client_cert: str | None = None  # PEM file with certificate and key, or "cert.pem:key.pem"
    verify_tls: bool | str = True  # True, False (TRAINING on loopback only) or a CA bundle path
    ca_bundle: str | None = None
    pinned_cert_sha256: str | None = None
    allow_plain_loopback: bool = False  # LIVE over http:// to loopback: tests of LIVE behaviour only
    desk_secret: str | None = None  # the training intake's per-installation secret (TRAINING only)
    timeout_seconds: float = 30.0  # the total deadline of one request: connect + send + whole answer
    connect_timeout_seconds: float = 5.0
    max_batch: int = 200

    def line(self) -> IntakeLine:
        ca = self.ca_bundle or (self.verify_tls if isinstance(self.verify_tls, str) and self.verify_tls else None)
        return IntakeLine(
            base_url=self.base_url, training=self.training, verify_tls=self.verify_tls is not False,
            ca_bundle=ca, pinned_cert_sha256=self.pinned_cert_sha256 or None, client_cert=self.client_cert,
            allow_plain_loopback=self.allow_plain_loopback,
        )


def answer_cap(records: int) -> int:
    return min(ANSWER_BYTES_MAX, ANSWER_BYTES_BASE + ANSWER_BYTES_PER_RECORD * max(1, records))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_RAW_ANSWER else text[:MAX_RAW_ANSWER] + "\n[... clipped]"


def _retry_after(got: Exchange) -> float | None:
    """Retry-After in seconds, bounded; an HTTP date is measured from the answer's own Date header."""
    date = http_date(got.headers.get("date", ""))
    return retry_after_seconds(got.headers.get("retry-after"), now=date.timestamp() if date else None)


def _json(got: Exchange) -> Any:
    try:
        return json.loads(got.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


class HttpTransport:
    channel = "http"
    immediate = True

    def __init__(self, config: HttpIntakeConfig) -> None:
        if config.desk_secret and not config.training:
            raise IntakeConfigError("the training intake's desk secret is for TRAINING mode only")
        line = config.line()
        line.check()  # the address first: without a safe one, nothing else matters
        try:
            public_key = parse_public_key(config.intake_public_key)
        except IntakeKeyError as exc:
            mode = "TRAINING" if config.training else "LIVE"
            raise IntakeConfigError(f"{mode} mode needs the intake's public key (intake_public_key), so that "
                                    f"its receipts can be checked: {exc}") from exc
        self.config = config
        self.expect = Expectation(training=config.training, public_key=public_key, hotel_id=config.hotel_id,
                                  intake_id=config.intake_id or None)
        self.max_batch = max(1, min(config.max_batch, MAX_BATCH_RECORDS))
        self._connection = Connection(line, connect_timeout=config.connect_timeout_seconds)
        self._headers = {
            HEADER_HOTEL_ID: config.hotel_id,
            HEADER_AUTH_CODE: config.authorisation_code,
            "User-Agent": "hotel-desk",
            "Accept": "application/json",
        }
        if config.desk_secret:
            self._headers[HEADER_DESK_SECRET] = config.desk_secret

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(self, path: str) -> Exchange | LineFailure:
        return self._connection.exchange("GET", path, headers=self._headers,
                                         total_seconds=self.config.timeout_seconds, max_bytes=SMALL_ANSWER_BYTES)

    def health(self) -> bool:
        """Is the intake reachable at all? Used for offline detection between batches."""
        return self.health_problem() is None

    def health_problem(self) -> tuple[FailureKind, str] | None:
        """None when the intake's health address answers 200 over this line (its TLS checks and pin
        included); otherwise why not: the failure's kind and its words."""
        got = self._get(PATH_HEALTH)
        if isinstance(got, LineFailure):
            return got.kind, got.detail
        if got.status != 200:
            return FailureKind.PROTOCOL, f"HTTP {got.status}"
        return None

    def connection_test(self) -> IntakeHello:
        """Prove the intake at the configured address holds the configured key and is the expected kind
        (switching to LIVE does this first). Raises Refused (kind, detail) with what is wrong."""
        challenge = secrets.token_hex(16)
        got = self._get(f"{PATH_HEALTH}?challenge={challenge}")
        if isinstance(got, LineFailure):
            raise Refused(got.kind, got.detail)
        if got.status != 200:
            raise Refused(FailureKind.PROTOCOL, f"HTTP {got.status} from {PATH_HEALTH}")
        return read_hello(_json(got), self.expect, challenge)

    def codes_accepted(self) -> bool | None:
        """Does the intake accept this desk's hotel id and authorisation code? Asked with a receipt lookup for
        a key nobody filed (it files nothing): refused (401/403) is False, an answer (found or not) True, and
        None when the intake would not say (no answer, another status)."""
        got = self._get(PATH_RECORDS + quote(f"connection-test-{secrets.token_hex(8)}", safe=""))
        if not isinstance(got, Exchange):
            return None
        if got.status in (401, 403):
            return False
        return True if got.status in (200, 404) else None

    # -- Transport ------------------------------------------------------------------------------------
    def submit(self, reports: Sequence[OutgoingReport], *, check_only: bool = False) -> BatchOutcome:
        batch_id = str(uuid.uuid4())
        body = {
            "protocol": PROTOCOL_VERSION,
            "batch_id": batch_id,
            "check_only": check_only,
            "records": [
                {"idempotency_key": r.idempotency_key, "record": dict(r.record),
                 **({"anchor": r.anchor} if r.anchor else {})}
                for r in reports
            ],
        }
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        got = self._connection.exchange(
            "POST", PATH_SUBMIT, headers={**self._headers, "Content-Type": "application/json; charset=utf-8"},
            body=data, total_seconds=self.config.timeout_seconds, max_bytes=answer_cap(len(reports)),
        )
        if isinstance(got, LineFailure):
            return failed_batch(reports, got.kind, got.detail, raw_answer=got.detail, batch_id=batch_id,
                                bytes_read=got.bytes_read)
        raw = _clip(got.body.decode("utf-8", errors="replace"))
        status = got.status
        answer = _json(got)
        common: dict[str, Any] = {"raw_answer": raw, "http_status": status, "batch_id": batch_id,
                                  "bytes_read": got.bytes_read}
        wrong = mode_mismatch(answer, self.config.training)
        if wrong:
            # Said before anything else: "wrong code" from a training intake is not the desk's real problem.
            return failed_batch(reports, FailureKind.WRONG_MODE, wrong, **common)
        if status in (401, 403):
            return failed_batch(reports, FailureKind.AUTH, f"HTTP {status}: hotel id, authorisation code or "
                                "certificate refused", **common)
        if status == 429 or status >= 500:
            return failed_batch(reports, FailureKind.SERVER_ERROR, f"HTTP {status}", retry_after=_retry_after(got),
                                **common)
        if status != 200:
            return failed_batch(reports, FailureKind.PROTOCOL, f"HTTP {status}", **common)
        if answer is None:
            return failed_batch(reports, FailureKind.MALFORMED, "the answer is not the intake protocol's JSON",
                                **common)
        return read_batch_answer(reports, answer, self.expect, **common)

    def _receipt(self, path: str) -> Receipt | None:
        got = self._get(path)
        if not isinstance(got, Exchange) or got.status != 200:
            return None
        return read_receipt(_json(got), self.expect)

    def fetch_receipt(self, receipt_id: str) -> Receipt | None:
        """A filed record's receipt again, if the intake signed it (None otherwise)."""
        return self._receipt(PATH_RECEIPTS + quote(receipt_id, safe=""))

    def lookup(self, idempotency_key: str) -> Receipt | None:
        """The receipt of a record by its idempotency key: recovers a receipt whose answer was lost."""
        found = self._receipt(PATH_RECORDS + quote(idempotency_key, safe=""))
        return found if found is not None and found.idempotency_key == idempotency_key else None
