"""Reading an intake's answers as a desk must: nothing is a receipt unless the intake signed it.

A decoded `200` answer becomes one result per sent record only when
- it says whether the intake is a training intake, and that is what this desk expects (a LIVE desk refuses
  a training intake's answer and a TRAINING desk a live one: FailureKind.WRONG_MODE);
- every accepted, rejected or checked result echoes the idempotency key, the SHA-256 of the record as sent
  and the anchor sent with it, and carries an Ed25519 signature over them (hotel_desk.reporting.signatures)
  that verifies with the configured intake key (else FailureKind.UNTRUSTED);
- every value is within the protocol's bounds (a 262 KB receipt id is not a receipt: FailureKind.MALFORMED).
Any of these failing makes the whole answer worthless: its records stay open and are sent again under the
same keys. A `transient` result may be unsigned: believing it changes nothing, the record is simply sent
again (and anyone able to forge one could as well cut the line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hotel_desk.reporting.protocol import (
    MAX_ANCHOR,
    MAX_ERRORS,
    MAX_KEY_LENGTH,
    MAX_MESSAGE,
    MAX_RECEIPT_ID,
    MAX_SHORT_TEXT,
    PROTOCOL_VERSION,
    BatchOutcome,
    FailureKind,
    FieldError,
    OutgoingReport,
    Receipt,
    RecordResult,
    RecordStatus,
    failed_batch,
)
from hotel_desk.reporting.schedule import retry_after_seconds
from hotel_desk.reporting.signatures import (
    HelloStatement,
    ResultStatement,
    errors_sha256,
    key_id,
    verify,
)

_SIGNED = (RecordStatus.ACCEPTED, RecordStatus.REJECTED, RecordStatus.CHECKED)


@dataclass(frozen=True)
class Expectation:
    """What this desk requires of every answer: the kind of intake, its key and (optionally) its id."""

    training: bool
    public_key: Ed25519PublicKey
    hotel_id: str
    intake_id: str | None = None  # when configured, an answer naming another intake is refused

    @property
    def mode(self) -> str:
        return "TRAINING" if self.training else "LIVE"


class Refused(Exception):
    """The answer as a whole cannot be used; `kind` says why (MALFORMED, UNTRUSTED or WRONG_MODE)."""

    def __init__(self, kind: FailureKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def _text(value: Any, limit: int, what: str, *, required: bool = True, printable: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise Refused(FailureKind.MALFORMED, f"{what} is missing or not text")
    if len(value) > limit:
        raise Refused(FailureKind.MALFORMED, f"{what} is {len(value)} characters long (at most {limit}): "
                      "not a value this protocol allows")
    if printable and not value.isprintable():
        raise Refused(FailureKind.MALFORMED, f"{what} contains control characters")
    return value


def mode_mismatch(answer: Any, expect_training: bool) -> str | None:
    """Why an answer (any JSON, also an error answer) comes from the wrong kind of intake, else None."""
    training = answer.get("training") if isinstance(answer, Mapping) else None
    if not isinstance(training, bool) or training == expect_training:
        return None
    if training:
        return ("a TRAINING intake answered this LIVE desk: nothing was filed with the police. Check the "
                "intake address in the settings (intake_url) before the deadlines run out")
    return ("a LIVE police intake answered this TRAINING desk: practice reports must never reach the police. "
            "Check the intake address in the settings")


def _header(answer: Any, expect: Expectation) -> tuple[str, bool]:
    """The answer's intake id and training flag, after checking protocol, mode and intake id."""
    if not isinstance(answer, Mapping):
        raise Refused(FailureKind.MALFORMED, "the answer is not a JSON object")
    training = answer.get("training")
    if not isinstance(training, bool):
        raise Refused(FailureKind.MALFORMED, "the answer does not say whether the intake is a training intake "
                      f"(protocol {PROTOCOL_VERSION} requires 'training')")
    wrong = mode_mismatch(answer, expect.training)
    if wrong:
        raise Refused(FailureKind.WRONG_MODE, wrong)
    protocol = answer.get("protocol")
    if protocol != PROTOCOL_VERSION:
        raise Refused(FailureKind.UNTRUSTED, f"the intake speaks protocol {str(protocol)[:10]!r}; this desk "
                      f"accepts only protocol {PROTOCOL_VERSION} (signed results)")
    intake_id = _text(answer.get("intake_id"), MAX_SHORT_TEXT, "intake_id")
    if expect.intake_id and intake_id != expect.intake_id:
        raise Refused(FailureKind.UNTRUSTED, f"the answer comes from intake {intake_id!r}, not the configured "
                      f"{expect.intake_id!r}")
    return intake_id, training


def _errors(raw: Any) -> tuple[list[Mapping[str, Any]], tuple[FieldError, ...]]:
    if raw is None:
        return [], ()
    if not isinstance(raw, list) or len(raw) > MAX_ERRORS or not all(isinstance(e, Mapping) for e in raw):
        raise Refused(FailureKind.MALFORMED, f"'errors' must be a list of at most {MAX_ERRORS} objects")
    parsed = []
    for e in raw:
        field = e.get("field")
        parsed.append(FieldError(
            field=_text(field, MAX_SHORT_TEXT, "an error's field") if field is not None else None,
            code=_text(e.get("code") or "invalid", MAX_SHORT_TEXT, "an error's code"),
            message=str(e.get("message") or "")[:MAX_MESSAGE],
        ))
    return raw, tuple(parsed)


def _result(item: Mapping[str, Any], sent: OutgoingReport, status: RecordStatus, intake_id: str,
            training: bool, expect: Expectation) -> RecordResult:
    key = sent.idempotency_key
    message = str(item.get("message") or "")[:MAX_MESSAGE]
    if status is RecordStatus.TRANSIENT or (status is RecordStatus.ACCEPTED and not item.get("receipt_id")):
        # Unsigned is fine here (see the module docstring); an acceptance without a receipt proves nothing.
        return RecordResult(key, RecordStatus.TRANSIENT, message=message or "accepted without a receipt",
                            retry_after=retry_after_seconds(item.get("retry_after")))
    payload = _text(item.get("payload_sha256"), 64, f"payload_sha256 of {key}")
    if payload != sent.payload_sha256:
        raise Refused(FailureKind.UNTRUSTED, f"the result for {key} is about a different record (its payload "
                      "SHA-256 is not the one sent): not a receipt")
    anchor = _text(item.get("anchor"), MAX_ANCHOR, f"anchor of {key}", required=False)
    if anchor != sent.anchor:
        raise Refused(FailureKind.UNTRUSTED, f"the result for {key} does not echo the anchor sent with it")
    receipt = _text(item.get("receipt_id"), MAX_RECEIPT_ID, f"receipt_id of {key}", required=False)
    received_at = _text(item.get("received_at"), MAX_SHORT_TEXT, f"received_at of {key}", required=False)
    raw_errors, errors = _errors(item.get("errors"))
    if status is RecordStatus.REJECTED and not errors:
        raise Refused(FailureKind.MALFORMED, f"the rejection of {key} names no reason")
    statement = ResultStatement(
        protocol=PROTOCOL_VERSION, intake_id=intake_id, training=training, hotel_id=expect.hotel_id,
        idempotency_key=key, payload_sha256=payload, status=status.value, receipt_id=receipt,
        received_at=received_at, anchor=anchor, errors_sha256=errors_sha256(raw_errors),
    )
    signature = item.get("signature")
    if not verify(expect.public_key, statement.signing_bytes(), signature):
        raise Refused(FailureKind.UNTRUSTED, f"the result for {key} is not signed by the configured intake key "
                      f"(key id {key_id(expect.public_key)}): not a receipt")
    return RecordResult(
        idempotency_key=key, status=status, receipt_id=receipt or None, received_at=received_at or None,
        duplicate=item.get("duplicate") is True, errors=errors, message=message,
        payload_sha256=payload, anchor=anchor, signature=str(signature),
    )


def _results(reports: Sequence[OutgoingReport], answer: Mapping[str, Any], intake_id: str, training: bool,
             expect: Expectation) -> tuple[RecordResult, ...]:
    items = answer.get("results")
    if not isinstance(items, list):
        raise Refused(FailureKind.MALFORMED, "the answer has no list of results")
    sent = {r.idempotency_key: r for r in reports}
    seen: dict[str, RecordResult] = {}
    for item in items:
        if not isinstance(item, Mapping):
            raise Refused(FailureKind.MALFORMED, "a result is not a JSON object")
        key = _text(item.get("idempotency_key"), MAX_KEY_LENGTH, "a result's idempotency_key", printable=False)
        try:
            status = RecordStatus(str(item.get("status")))
        except ValueError:
            raise Refused(FailureKind.MALFORMED, f"unknown status {str(item.get('status'))[:20]!r}") from None
        if status is RecordStatus.HANDED_OVER:
            raise Refused(FailureKind.MALFORMED, "an intake cannot answer 'handed_over'")
        if key not in sent:
            continue  # about a record we did not send: nothing to learn from it
        if key in seen:
            raise Refused(FailureKind.MALFORMED, f"two results for {key}")
        seen[key] = _result(item, sent[key], status, intake_id, training, expect)
    # A record the answer forgot is transient: resending under the same key is safe, guessing is not.
    return tuple(seen.get(r.idempotency_key) or RecordResult(
        r.idempotency_key, RecordStatus.TRANSIENT, message="no result for this record in the answer")
        for r in reports)


def read_batch_answer(reports: Sequence[OutgoingReport], answer: Any, expect: Expectation, *,
                      batch_id: str = "", http_status: int = 200, raw_answer: str = "",
                      bytes_read: int = 0) -> BatchOutcome:
    """The outcome of a decoded 200 answer: verified results, or a failure for the whole batch."""
    try:
        intake_id, training = _header(answer, expect)
        results = _results(reports, answer, intake_id, training, expect)
    except Refused as exc:
        return failed_batch(reports, exc.kind, exc.detail, raw_answer=raw_answer, http_status=http_status,
                            batch_id=batch_id, bytes_read=bytes_read)
    return BatchOutcome(results=results, raw_answer=raw_answer, http_status=http_status, batch_id=batch_id,
                        intake_id=intake_id, training=training, bytes_read=bytes_read)


def read_receipt(answer: Any, expect: Expectation) -> Receipt | None:
    """A receipt fetched again (by receipt id or idempotency key), if the intake signed it; else None.
    The caller compares `record_sha256` with the record it sent."""
    try:
        intake_id, training = _header(answer, expect)
        receipt_id = _text(answer.get("receipt_id"), MAX_RECEIPT_ID, "receipt_id")
        key = _text(answer.get("idempotency_key"), MAX_KEY_LENGTH, "idempotency_key", printable=False)
        digest = _text(answer.get("record_sha256"), 64, "record_sha256")
        received_at = _text(answer.get("received_at"), MAX_SHORT_TEXT, "received_at", required=False)
        anchor = _text(answer.get("anchor"), MAX_ANCHOR, "anchor", required=False)
    except Refused:
        return None
    statement = ResultStatement(
        protocol=PROTOCOL_VERSION, intake_id=intake_id, training=training, hotel_id=expect.hotel_id,
        idempotency_key=key, payload_sha256=digest, status=RecordStatus.ACCEPTED.value, receipt_id=receipt_id,
        received_at=received_at, anchor=anchor,
    )
    if not verify(expect.public_key, statement.signing_bytes(), answer.get("signature")):
        return None
    return Receipt(
        receipt_id=receipt_id, idempotency_key=key, report_id=str(answer.get("report_id") or "")[:MAX_KEY_LENGTH],
        hotel_id=expect.hotel_id, received_at=received_at, record_sha256=digest, training=training, raw=answer,
    )


@dataclass(frozen=True)
class IntakeHello:
    """A verified connection test: the intake holds the configured key, and is the expected kind."""

    intake_id: str
    training: bool
    key_id: str


def read_hello(answer: Any, expect: Expectation, challenge: str) -> IntakeHello:
    """Check the signed answer to `GET /v1/health?challenge=...`; raises Refused with the reason."""
    intake_id, training = _header(answer, expect)
    if answer.get("challenge") != challenge:
        raise Refused(FailureKind.UNTRUSTED, "the intake did not answer this connection test's challenge")
    statement = HelloStatement(PROTOCOL_VERSION, intake_id, training, challenge)
    if not verify(expect.public_key, statement.signing_bytes(), answer.get("signature")):
        raise Refused(FailureKind.UNTRUSTED, "the intake's answer is not signed by the configured intake key "
                      f"(key id {key_id(expect.public_key)})")
    return IntakeHello(intake_id, training, key_id(expect.public_key))
