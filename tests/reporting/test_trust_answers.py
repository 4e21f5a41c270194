"""Receipts the police can trust: a desk accepts only signed results about what it sent, from the kind of
intake it expects. Each lying stand-in (tests/reporting/stand_ins.py) ends as a refused answer, nothing is
taken as filed, and an honest intake on the same records then proves what was really filed."""

from __future__ import annotations

import hashlib
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.reporting.answers import Refused
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.protocol import FailureKind, RecordStatus
from hotel_desk.reporting.signatures import ResultStatement, public_key_text, sign
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, outgoing, sample_payload
from tests.reporting.stand_ins import StandInIntake, Tamper

LIVE_ID = "JA-POLICE-TEST"


@pytest.fixture(scope="module")
def live_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def server_tls(pki: Path) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(pki / "server.pem"), str(pki / "server.key"))
    return ctx


def live_transport(url: str, key: Ed25519PrivateKey, pki: Path, **kw: Any) -> HttpTransport:
    """A LIVE desk: HTTPS verified against the test CA, the police intake's key configured."""
    fields: dict[str, Any] = {"ca_bundle": str(pki / "ca.pem"), "intake_id": LIVE_ID, "timeout_seconds": 5.0, **kw}
    return HttpTransport(HttpIntakeConfig(base_url=url, hotel_id=HOTEL_ID, authorisation_code=AUTH_CODE,
                                          intake_public_key=public_key_text(key.public_key()), training=False,
                                          **fields))


def _per_result(change: Callable[[dict[str, Any]], None]) -> Tamper:
    def tamper(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        for result in answer.get("results", []):
            change(result)
        return status, {}, answer
    return tamper


def _resign(key: Ed25519PrivateKey, **override: Any) -> Callable[[dict[str, Any]], None]:
    """Rewrite fields of each result and sign it again with `key`: a well-formed, validly signed lie."""
    def change(result: dict[str, Any]) -> None:
        result.update(override)
        statement = ResultStatement(
            protocol="2", intake_id=LIVE_ID, training=override.get("_training", False), hotel_id=HOTEL_ID,
            idempotency_key=result["idempotency_key"], payload_sha256=result["payload_sha256"],
            status=result["status"], receipt_id=result.get("receipt_id") or "",
            received_at=result.get("received_at") or "", anchor=result.get("anchor") or "",
        )
        result["signature"] = sign(key, statement.signing_bytes())
        result.pop("_training", None)
    return change


def _lies(live_key: Ed25519PrivateKey) -> dict[str, tuple[Tamper, FailureKind, str]]:
    other = Ed25519PrivateKey.generate()

    def as_training(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        answer["training"] = True  # a correctly keyed intake that is (or claims to be) a practice one
        for result in answer["results"]:
            _resign(live_key, _training=True)(result)
        return status, {}, answer

    def swapped(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        a, b = answer["results"]
        a["idempotency_key"], b["idempotency_key"] = b["idempotency_key"], a["idempotency_key"]
        return status, {}, answer

    def version_one(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        answer["protocol"] = "1"
        for result in answer["results"]:
            for name in ("signature", "payload_sha256", "anchor"):
                result.pop(name)
        return status, {}, answer

    def other_intake(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        answer["intake_id"] = "SOMEONE-ELSE"
        return status, {}, answer

    return {
        "signed by another key": (_per_result(_resign(other)), FailureKind.UNTRUSTED, "not signed by the configured"),
        "unsigned": (_per_result(lambda r: r.pop("signature")), FailureKind.UNTRUSTED, "not signed"),
        "receipt id changed after signing": (_per_result(lambda r: r.update(receipt_id=r["receipt_id"] + "9")),
                                             FailureKind.UNTRUSTED, "not signed"),
        "echoes another payload hash": (_per_result(_resign(live_key, payload_sha256=hashlib.sha256(b"x").hexdigest())),
                                        FailureKind.UNTRUSTED, "different record"),
        "results swapped between records": (swapped, FailureKind.UNTRUSTED, "different record"),
        "answers as a training intake": (as_training, FailureKind.WRONG_MODE, "TRAINING intake answered this LIVE"),
        "protocol 1 (no signatures)": (version_one, FailureKind.UNTRUSTED, "protocol '1'"),
        "names another intake": (other_intake, FailureKind.UNTRUSTED, "SOMEONE-ELSE"),
        # Over the answer's size cap for two records: not even read to the end.
        "262 KB receipt id": (_per_result(_resign(live_key, receipt_id="R" * 262_144)), FailureKind.MALFORMED,
                              "at most 278528 bytes"),
        # Small enough to read, longer than a receipt id may be (and than the store's column).
        "300-character receipt id": (_per_result(_resign(live_key, receipt_id="R" * 300)), FailureKind.MALFORMED,
                                     "300 characters long (at most 128)"),
        "receipt id with a line break": (_per_result(_resign(live_key, receipt_id="JA-1\nJA-2")),
                                         FailureKind.MALFORMED, "control characters"),
    }


LIE_NAMES = list(_lies(Ed25519PrivateKey.generate()))


@pytest.mark.parametrize("lie", LIE_NAMES)
def test_a_lying_intake_gives_no_receipt(lie: str, live_key: Ed25519PrivateKey, pki: Path,
                                         server_tls: ssl.SSLContext, tmp_path: Path) -> None:
    tamper, kind, words = _lies(live_key)[lie]
    reports = [outgoing(sample_payload(room=f"{i:04d}")) for i in range(2)]
    db = tmp_path / "police.sqlite3"
    with StandInIntake(db, live_key, training=False, tls=server_tls, tamper=tamper, intake_id=LIVE_ID) as liar, \
            live_transport(liar.url, live_key, pki) as t:
        outcome = t.submit(reports)
    assert outcome.failure is kind, (outcome.failure, outcome.failure_detail)
    assert words in outcome.failure_detail
    assert all(r.status is RecordStatus.TRANSIENT and r.receipt_id is None for r in outcome.results)
    # The liar did file them; an honest intake on the same records answers with the original receipts.
    with StandInIntake(db, live_key, training=False, tls=server_tls, intake_id=LIVE_ID) as honest, \
            live_transport(honest.url, live_key, pki) as t:
        again = t.submit(reports)
        assert [r.status for r in again.results] == [RecordStatus.ACCEPTED] * 2
        assert all(r.duplicate and r.signature for r in again.results)
        assert honest.stats()["filed_records"] == honest.stats()["filed_distinct_reports"] == 2


def test_an_honest_live_intake_signs_what_it_filed(live_key: Ed25519PrivateKey, pki: Path,
                                                  server_tls: ssl.SSLContext, tmp_path: Path) -> None:
    good = outgoing(sample_payload())
    bad = outgoing(sample_payload(document_expiry="2020-01-01"))
    with StandInIntake(tmp_path / "p.sqlite3", live_key, training=False, tls=server_tls, intake_id=LIVE_ID) as intake, \
            live_transport(intake.url, live_key, pki) as t:
        hello = t.connection_test()
        assert (hello.intake_id, hello.training) == (LIVE_ID, False)
        outcome = t.submit([good, bad])
        checked = t.submit([outgoing(sample_payload())], check_only=True)
    assert outcome.failure is None and outcome.training is False and outcome.intake_id == LIVE_ID
    accepted, rejected = outcome.results
    assert accepted.status is RecordStatus.ACCEPTED and accepted.receipt_id and accepted.receipt_id.startswith("RCP-")
    assert accepted.payload_sha256 == good.payload_sha256
    assert rejected.status is RecordStatus.REJECTED and rejected.errors[0].code == "expired"
    assert checked.results[0].status is RecordStatus.CHECKED


def test_a_training_intake_is_refused_by_a_live_desk_even_with_the_right_key(
        live_key: Ed25519PrivateKey, pki: Path, server_tls: ssl.SSLContext, tmp_path: Path) -> None:
    """Issue 12, case 1: the practice intake must never 'acknowledge' a LIVE desk's reports."""
    with StandInIntake(tmp_path / "t.sqlite3", live_key, training=True, tls=server_tls) as practice, \
            live_transport(practice.url, live_key, pki, intake_id=None) as t:
        outcome = t.submit([outgoing(sample_payload())])
        with pytest.raises(Refused) as refused:
            t.connection_test()
    assert outcome.failure is FailureKind.WRONG_MODE and "LIVE" in outcome.failure_detail
    assert refused.value.kind is FailureKind.WRONG_MODE
    # ... and its refusal of a wrong code says the same, not "wrong code".
    with StandInIntake(tmp_path / "t2.sqlite3", live_key, training=True, tls=server_tls,
                       hotels={"OTHER": "x"}) as practice, live_transport(practice.url, live_key, pki) as t:
        assert t.submit([outgoing(sample_payload())]).failure is FailureKind.WRONG_MODE


def test_a_live_intake_is_refused_by_a_training_desk(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    with StandInIntake(tmp_path / "l.sqlite3", key, training=False) as police:
        t = HttpTransport(HttpIntakeConfig(base_url=police.url, hotel_id=HOTEL_ID, authorisation_code=AUTH_CODE,
                                           intake_public_key=public_key_text(key.public_key()), training=True))
        with t:
            outcome = t.submit([outgoing(sample_payload())])
    assert outcome.failure is FailureKind.WRONG_MODE and "practice reports must never reach" in outcome.failure_detail


def test_pinned_certificate(live_key: Ed25519PrivateKey, pki: Path, server_tls: ssl.SSLContext,
                            tmp_path: Path) -> None:
    """A pinned certificate replaces the CA check; a different certificate is refused right after the
    handshake, before the authorisation code or a record is sent."""
    der = ssl.PEM_cert_to_DER_cert((pki / "server.pem").read_text())
    pin = ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())  # as `openssl x509 -fingerprint` prints it
    with StandInIntake(tmp_path / "p.sqlite3", live_key, training=False, tls=server_tls, intake_id=LIVE_ID) as intake:
        with live_transport(intake.url, live_key, pki, ca_bundle=None, pinned_cert_sha256=pin,
                            verify_tls=False) as t:
            assert t.submit([outgoing(sample_payload())]).results[0].status is RecordStatus.ACCEPTED
        requests = intake.requests
        with live_transport(intake.url, live_key, pki, ca_bundle=None, pinned_cert_sha256="ab" * 32) as t:
            outcome = t.submit([outgoing(sample_payload())])
        assert outcome.failure is FailureKind.TLS and "PIN" in outcome.failure_detail
        assert intake.requests == requests  # nothing reached the impostor
        # Without a pin, the system CAs do not know the test CA: refused the same way.
        with live_transport(intake.url, live_key, pki, ca_bundle=None) as t:
            assert t.submit([outgoing(sample_payload())]).failure is FailureKind.TLS
        assert intake.requests == requests


def test_results_about_records_not_sent_are_no_receipts(live_key: Ed25519PrivateKey, pki: Path,
                                                         server_tls: ssl.SSLContext, tmp_path: Path) -> None:
    """An intake that answers under keys the desk never sent (correctly signed, for all it matters) has
    answered nothing about the records sent: each stays transient, to be sent again."""
    def other_keys(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        for result in answer["results"]:
            result["idempotency_key"] = "not-" + result["idempotency_key"]
            _resign(live_key)(result)
        return status, {}, answer

    reports = [outgoing(sample_payload()) for _ in range(2)]
    with StandInIntake(tmp_path / "p.sqlite3", live_key, training=False, tls=server_tls, tamper=other_keys,
                       intake_id=LIVE_ID) as intake, live_transport(intake.url, live_key, pki) as t:
        outcome = t.submit(reports)
    assert outcome.failure is None
    assert [(r.status, r.receipt_id, r.message) for r in outcome.results] == [
        (RecordStatus.TRANSIENT, None, "no result for this record in the answer")] * 2
