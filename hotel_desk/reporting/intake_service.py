"""The intake protocol's server side, without HTTP: authenticate, validate, file, deduplicate, sign.

The training intake (hotel_desk.reporting.intake_server) serves it over HTTP; tests use it directly to build
stand-ins for misbehaving intakes. Every per-record result is signed with the intake's Ed25519 key over the
statement hotel_desk.reporting.signatures defines; every answer says `training` and names the intake.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.reporting.faults import FaultDice, RecordFault
from hotel_desk.reporting.intake_store import IntakeDatabase
from hotel_desk.reporting.protocol import (
    MAX_BATCH_RECORDS,
    MAX_KEY_LENGTH,
    PROTOCOL_VERSION,
    FieldError,
    RecordStatus,
    anchor_problem,
    canonical_json,
)
from hotel_desk.reporting.signatures import (
    HelloStatement,
    ResultStatement,
    errors_sha256,
    key_id,
    public_key_text,
    sign,
)
from hotel_desk.reporting.validation import validate_record
from hotel_desk.rules.validation import latest_day

RECEIPT_PREFIX = "TRN"  # training receipts are marked as such, so nobody mistakes one for a police receipt
_CHALLENGE = re.compile(r"^[A-Za-z0-9_\-]{1,128}$")

#: (record, authenticated hotel id, the latest day it can be where the record was made) -> its field errors.
Validator = Callable[[Mapping[str, Any], str, date], list[FieldError]]


def _validate(record: Mapping[str, Any], hotel_id: str, today: date) -> list[FieldError]:
    return validate_record(record, hotel_id=hotel_id, today=today)


def _digest(record: Any) -> str:
    """SHA-256 of the record's canonical JSON, whatever JSON value it is (what the client must find echoed)."""
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


class IntakeService:
    """hotels: hotel id -> authorisation code; None accepts any non-empty pair (open training mode).
    desk_secret: when set, only a request presenting it is served (the training intake serves its own desk).
    training: False only in test stand-ins of a live intake; the training intake is always True."""

    def __init__(
        self,
        db: IntakeDatabase,
        signing_key: Ed25519PrivateKey,
        *,
        training: bool = True,
        intake_id: str | None = None,
        hotels: Mapping[str, str] | None = None,
        desk_secret: str | None = None,
        clock: Clock | None = None,
        validate: Validator = _validate,
    ) -> None:
        self.db = db
        self.signing_key = signing_key
        self.public_key = signing_key.public_key()
        self.key_id = key_id(self.public_key)
        self.training = training
        self.intake_id = intake_id or f"{'TRAINING' if training else 'INTAKE'}-{self.key_id}"
        self.hotels = dict(hotels) if hotels is not None else None
        self.desk_secret = desk_secret
        self.clock: Clock = clock or SystemClock()
        self.validate = validate

    @property
    def public_key_text(self) -> str:
        return public_key_text(self.public_key)

    # -- answers every route shares ---------------------------------------------------------------------
    def envelope(self, **fields: Any) -> dict[str, Any]:
        return {"protocol": PROTOCOL_VERSION, "training": self.training, "intake_id": self.intake_id, **fields}

    def error(self, code: str, message: str) -> dict[str, Any]:
        return self.envelope(error={"code": code, "message": message})

    def key_info(self) -> dict[str, Any]:
        """GET /v1/key: for comparing fingerprints and for the desk on this computer. A LIVE desk never
        trusts a key fetched over the network: it is configured from what the sub-station issued."""
        return self.envelope(algorithm="ed25519", public_key=self.public_key_text, key_id=self.key_id)

    def health(self, challenge: str | None) -> tuple[int, dict[str, Any]]:
        if challenge is None:
            return 200, self.envelope(status="ok", key_id=self.key_id)
        if not _CHALLENGE.match(challenge):
            return 400, self.error("bad_challenge", "challenge: 1-128 letters, digits, '-' or '_'")
        statement = HelloStatement(PROTOCOL_VERSION, self.intake_id, self.training, challenge)
        return 200, self.envelope(status="ok", key_id=self.key_id, challenge=challenge,
                                  signature=sign(self.signing_key, statement.signing_bytes()))

    def desk_allowed(self, presented: str) -> bool:
        if self.desk_secret is None:
            return True
        return hmac.compare_digest(presented.encode("utf-8"), self.desk_secret.encode("utf-8"))

    def authenticate(self, hotel_id: str, code: str) -> bool:
        if not hotel_id or not code:
            return False
        if self.hotels is None:
            return True
        expected = self.hotels.get(hotel_id)
        return expected is not None and hmac.compare_digest(expected.encode("utf-8"), code.encode("utf-8"))

    def signed(self, hotel_id: str, result: dict[str, Any], *, digest: str, anchor: str) -> dict[str, Any]:
        """Add the echoes and the signature to one per-record result."""
        result = {**result, "payload_sha256": digest, "anchor": anchor}
        statement = ResultStatement(
            protocol=PROTOCOL_VERSION, intake_id=self.intake_id, training=self.training, hotel_id=hotel_id,
            idempotency_key=str(result["idempotency_key"]), payload_sha256=digest, status=str(result["status"]),
            receipt_id=str(result.get("receipt_id") or ""), received_at=str(result.get("received_at") or ""),
            anchor=anchor, errors_sha256=errors_sha256(result.get("errors") or []),
        )
        result["signature"] = sign(self.signing_key, statement.signing_bytes())
        return result

    def receipt_answer(self, hotel_id: str, found: Mapping[str, Any]) -> dict[str, Any]:
        """A filed record's receipt (GET /v1/receipts/..., /v1/records/...), signed as an acceptance."""
        statement = ResultStatement(
            protocol=PROTOCOL_VERSION, intake_id=self.intake_id, training=self.training, hotel_id=hotel_id,
            idempotency_key=found["idempotency_key"], payload_sha256=found["record_sha256"],
            status=RecordStatus.ACCEPTED.value, receipt_id=found["receipt_id"], received_at=found["received_at"],
            anchor=found.get("anchor") or "",
        )
        return self.envelope(**found, status=RecordStatus.ACCEPTED.value,
                             signature=sign(self.signing_key, statement.signing_bytes()))

    # -- POST /v1/reports ---------------------------------------------------------------------------------
    def submit(self, hotel_id: str, body: Any, dice: FaultDice) -> tuple[int, dict[str, Any]]:
        if not isinstance(body, dict) or not isinstance(body.get("records"), list):
            return 400, self.error("bad_request", "the body must be an object with a list 'records'")
        records = body["records"]
        if len(records) > MAX_BATCH_RECORDS:
            return 413, self.error("batch_too_large", f"at most {MAX_BATCH_RECORDS} records per batch")
        check_only = bool(body.get("check_only"))
        batch_id = str(body.get("batch_id") or uuid.uuid4())[:MAX_KEY_LENGTH]
        now = self.clock.now().astimezone(UTC)
        received_at = now.isoformat().replace("+00:00", "Z")
        results: list[dict[str, Any]] = []
        counts = {"batches": 1, "records_received": len(records)}
        if check_only:
            counts["check_only_batches"] = 1
        with self.db.lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for item in records:
                    key = item.get("idempotency_key") if isinstance(item, dict) else None
                    record = item.get("record") if isinstance(item, dict) else None
                    anchor = item.get("anchor", "") if isinstance(item, dict) else ""
                    digest = _digest(record)
                    result = self._one(conn, hotel_id, key, record, anchor, digest, batch_id, received_at, now,
                                       check_only, dice, counts)
                    results.append(self.signed(hotel_id, result, digest=digest,
                                               anchor=anchor if isinstance(anchor, str) else ""))
                self.db.bump(counts)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return 200, self.envelope(batch_id=batch_id, check_only=check_only, received_at=received_at,
                                  key_id=self.key_id, results=results)

    def _one(self, conn: sqlite3.Connection, hotel_id: str, key: Any, record: Any, anchor: Any, digest: str,
             batch_id: str, received_at: str, now: datetime, check_only: bool, dice: FaultDice,
             counts: dict[str, int]) -> dict[str, Any]:
        def bump(name: str) -> None:
            counts[name] = counts.get(name, 0) + 1

        def rejected(errors: list[FieldError]) -> dict[str, Any]:
            bump("rejected")
            return {"idempotency_key": key if isinstance(key, str) else "", "status": RecordStatus.REJECTED.value,
                    "errors": [e.to_dict() for e in errors]}

        if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
            return rejected([FieldError(None, "idempotency_key", f"each record needs an idempotency_key "
                                        f"(1-{MAX_KEY_LENGTH} characters)")])
        wrong_anchor = anchor_problem(anchor)
        if wrong_anchor is not None:
            return rejected([FieldError(None, "invalid_format", wrong_anchor)])
        row = conn.execute(
            "SELECT receipt_id, received_at, record_sha256 FROM filed WHERE hotel_id = ? AND idempotency_key = ?",
            (hotel_id, key),
        ).fetchone()
        if row is not None:
            if row[2] != digest:
                bump("idempotency_conflicts")
                return rejected([FieldError(None, "idempotency_conflict", "this idempotency key was already "
                                            "used for a different record")])
            # Already filed: the same receipt again. This is the dedup counter the tests read.
            bump("duplicates")
            return {"idempotency_key": key, "status": RecordStatus.ACCEPTED.value, "receipt_id": row[0],
                    "received_at": row[1], "duplicate": True}
        errors = self.validate(record, hotel_id, latest_day(now)) if isinstance(record, dict) else [
            FieldError(None, "invalid_record", "record must be a JSON object")
        ]
        if not errors and isinstance(record, dict):
            clash = conn.execute("SELECT idempotency_key FROM filed WHERE hotel_id = ? AND report_id = ?",
                                 (hotel_id, str(record.get("report_id")))).fetchone()
            if clash is not None:
                errors = [FieldError("report_id", "already_filed", "this report_id was filed under another "
                                     "idempotency key")]
        fault = dice.record_fault() if not errors else None
        if fault is RecordFault.REJECT:
            bump("faults_reject")
            errors = [FieldError("room", "training_rejection", "TRAINING: a rejection injected by the fault "
                                 "plan; correct the record and send it again")]
        if errors:
            if not check_only:
                conn.execute(
                    "INSERT INTO rejected(hotel_id, idempotency_key, errors_json, batch_id, received_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (hotel_id, key, json.dumps([e.to_dict() for e in errors]), batch_id, received_at),
                )
            return rejected(errors)
        assert isinstance(record, dict)
        if check_only:
            bump("checked")
            return {"idempotency_key": key, "status": RecordStatus.CHECKED.value}
        if fault is RecordFault.TRANSIENT:
            bump("faults_transient")
            bump("transient")
            return {"idempotency_key": key, "status": RecordStatus.TRANSIENT.value,
                    "message": "TRAINING: intake busy (injected), send again later", "retry_after": 1}
        cur = conn.execute(
            "INSERT INTO filed(hotel_id, idempotency_key, report_id, receipt_id, record_sha256, record_json, "
            "batch_id, received_at, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (hotel_id, key, str(record.get("report_id")), f"pending-{key}", digest,
             json.dumps(record, ensure_ascii=False, sort_keys=True), batch_id, received_at, anchor),
        )
        prefix = RECEIPT_PREFIX if self.training else "RCP"
        receipt_id = f"{prefix}-{now:%Y%m%d}-{cur.lastrowid:08d}"
        conn.execute("UPDATE filed SET receipt_id = ? WHERE seq = ?", (receipt_id, cur.lastrowid))
        bump("accepted")
        return {"idempotency_key": key, "status": RecordStatus.ACCEPTED.value, "receipt_id": receipt_id,
                "received_at": received_at}
