"""The signed bytes as docs/intake-protocol.md specifies them, with its test vector, and the safe parsing
of what an intake says about waiting (Retry-After)."""

from __future__ import annotations

import math
import random
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.reporting.protocol import canonical_json, record_sha256
from hotel_desk.reporting.schedule import MAX_RETRY_AFTER, BackoffPolicy, retry_after_seconds
from hotel_desk.reporting.signatures import (
    HelloStatement,
    IntakeKeyError,
    ResultStatement,
    errors_sha256,
    key_id,
    load_or_create_signing_key,
    netstring,
    parse_public_key,
    public_key_text,
    sign,
    verify,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "intake-protocol.md"
# The test vector of docs/intake-protocol.md ("Signed results"): a key from the seed bytes 00 01 .. 1f.
VECTOR_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
VECTOR_RECORD = {"report_id": "5f0c2b1e-8d3a-4e1f-9b7c-2a6d4e8f0a11", "room": "0815"}
VECTOR_BYTES = (
    "26:hotel_desk.intake-result/1,1:2,12:JA-INTAKE-01,5:false,10:310106A001,"
    "36:5f0c2b1e-8d3a-4e1f-9b7c-2a6d4e8f0a11,"
    "64:ebbf891c969d03c898e8114b79a9da5956170fb58e8cff8afad52f85b0df6308,8:accepted,"
    "20:JA-20261120-00001234,20:2026-11-20T09:00:01Z,0:,0:,"
)
VECTOR_SIGNATURE = "UODseubuM4mvft7VnjOyh1diG8obLLu/joDp4gWYmavo5hybc190arPQcM7gozGLSNuzLSXawEPlaStbXEjIBA=="


def test_the_documented_vector() -> None:
    statement = ResultStatement(
        protocol="2", intake_id="JA-INTAKE-01", training=False, hotel_id="310106A001",
        idempotency_key="5f0c2b1e-8d3a-4e1f-9b7c-2a6d4e8f0a11", payload_sha256=record_sha256(VECTOR_RECORD),
        status="accepted", receipt_id="JA-20261120-00001234", received_at="2026-11-20T09:00:01Z",
    )
    assert statement.signing_bytes() == VECTOR_BYTES.encode()
    assert sign(VECTOR_KEY, statement.signing_bytes()) == VECTOR_SIGNATURE  # Ed25519 is deterministic
    public = public_key_text(VECTOR_KEY.public_key())
    assert verify(parse_public_key(public), statement.signing_bytes(), VECTOR_SIGNATURE)
    docs = DOCS.read_text(encoding="utf-8")
    for text in (VECTOR_BYTES, VECTOR_SIGNATURE, public, key_id(VECTOR_KEY.public_key()),
                 canonical_json(VECTOR_RECORD), record_sha256(VECTOR_RECORD)):
        assert text in docs, text


def test_netstrings_make_the_fields_unambiguous() -> None:
    assert netstring("é,1:") == "5:é,1:,".encode()  # bytes, not characters
    a = ResultStatement("2", "I", True, "H", "k", "0" * 64, "accepted", receipt_id="R,1:x")
    b = ResultStatement("2", "I", True, "H", "k", "0" * 64, "accepted", receipt_id="R", received_at="x")
    assert a.signing_bytes() != b.signing_bytes()
    assert HelloStatement("2", "I", False, "c").signing_bytes() != HelloStatement("2", "I", True, "c").signing_bytes()


def test_errors_are_covered_by_their_hash() -> None:
    errors = [{"field": "document_expiry", "code": "expired", "message": "the document had expired before the check-in"}]
    assert errors_sha256([]) == ""
    assert errors_sha256(errors) == "a665fb46a4a7aed9df6bf25593a28813b1dc5447815ea7540294e0bcf8f7b2fa"
    assert errors_sha256([{**errors[0], "field": "room"}]) != errors_sha256(errors)


@pytest.mark.parametrize("text", ["", "ed25519:", "ed25519:AAAA", "not base64!", "-----BEGIN PUBLIC KEY-----\nx\n"])
def test_bad_public_keys_are_refused(text: str) -> None:
    with pytest.raises(IntakeKeyError):
        parse_public_key(text)


def test_public_key_forms() -> None:
    from cryptography.hazmat.primitives import serialization

    key = VECTOR_KEY.public_key()
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    bare = public_key_text(key).split(":", 1)[1]
    for text in (public_key_text(key), bare, pem):
        assert key_id(parse_public_key(text)) == key_id(key)


@pytest.mark.parametrize("signature", [None, 5, "", "!!", "AAAA", "A" * 300, VECTOR_SIGNATURE[:-4] + "AAA="])
def test_malformed_signatures_never_verify(signature: object) -> None:
    assert not verify(VECTOR_KEY.public_key(), VECTOR_BYTES.encode(), signature)


def test_the_signing_key_is_made_once_and_private(tmp_path: Path) -> None:
    path = tmp_path / "intake" / "key.pem"
    first = load_or_create_signing_key(path)
    assert key_id(load_or_create_signing_key(path).public_key()) == key_id(first.public_key())
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    path.write_text("garbage")
    with pytest.raises(IntakeKeyError):
        load_or_create_signing_key(path)


# -- Retry-After ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    ("120", 120.0), (" 3 ", 3.0), (30, 30.0), (2.5, 2.5), ("0", 0.0),
    ("-5", 0.0), (-1e9, 0.0),
    ("86400", 86400.0), ("1e20", MAX_RETRY_AFTER), (1e15, MAX_RETRY_AFTER), (10**400, MAX_RETRY_AFTER),
    ("inf", MAX_RETRY_AFTER), (math.inf, MAX_RETRY_AFTER), (-(10**400), 0.0),
    ("nan", None), (math.nan, None), ("soon", None), ("", None), (None, None), (True, None), ([], None),
    ("1" * 101, None),
])
def test_retry_after_is_parsed_safely(value: object, expected: float | None) -> None:
    assert retry_after_seconds(value) == expected


def test_retry_after_as_an_http_date() -> None:
    now = 1_795_000_000.0  # any moment: the date is measured from the answer's own Date header
    assert retry_after_seconds("Thu, 01 Jan 1970 00:02:00 GMT", now=0.0) == 120.0
    assert retry_after_seconds("Thu, 01 Jan 1970 00:02:00 GMT", now=now) == 0.0  # in the past: now
    assert retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT", now=now) == MAX_RETRY_AFTER


def test_the_deadline_bounds_every_wait() -> None:
    policy = BackoffPolicy()
    rng = random.Random(1)
    day = timedelta(hours=24)
    plan = policy.plan(1, time_left=day, retry_after=1e20, rng=rng)
    assert plan.postponed and plan.cut_by_deadline and plan.delay == day - policy.deadline_margin
    plan = policy.plan(1, time_left=day, retry_after=3600, rng=rng)
    assert plan.postponed and not plan.cut_by_deadline and plan.delay == timedelta(hours=1)
    # Inside the margin: the near-deadline schedule (a tenth of the time left), not the intake's wish.
    assert policy.plan(1, time_left=timedelta(minutes=20), retry_after=86400, rng=rng).delay == timedelta(minutes=2)
    # Overdue: at least every two minutes, whatever the intake asks.
    assert policy.plan(1, time_left=-timedelta(hours=3), retry_after=86400, rng=rng).delay == policy.overdue_cap
    # A Retry-After shorter than the backoff is no postponement.
    assert not policy.plan(5, time_left=day, retry_after=1, rng=rng).postponed
