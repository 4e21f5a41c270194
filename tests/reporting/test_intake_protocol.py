"""The intake protocol end to end: HttpTransport against the real training intake server on loopback."""

from __future__ import annotations

import json
import socket

import httpx

from hotel_desk.reporting.faults import FaultPlan
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.protocol import FailureKind, RecordStatus
from hotel_desk.reporting.training_home import training_home
from tests.reporting.conftest import HOTEL_ID, http_transport, outgoing, sample_payload


def test_batch_gets_one_result_per_record_and_receipts(intake: IntakeServer) -> None:
    good = [outgoing(sample_payload(room=f"{i:04d}")) for i in range(3)]
    bad = outgoing(sample_payload(document_expiry="2020-01-01"))
    with http_transport(intake.url) as t:
        outcome = t.submit([*good, bad])
        assert outcome.failure is None and outcome.http_status == 200
        by_key = outcome.by_key()
        for r in good:
            res = by_key[r.idempotency_key]
            assert res.status is RecordStatus.ACCEPTED and res.receipt_id and res.receipt_id.startswith("TRN-")
        rej = by_key[bad.idempotency_key]
        assert rej.status is RecordStatus.REJECTED
        assert [(e.field, e.code) for e in rej.errors] == [("document_expiry", "expired")]
        # Receipt retrieval, by receipt id and by idempotency key.
        first = by_key[good[0].idempotency_key]
        receipt = t.fetch_receipt(first.receipt_id or "")
        assert receipt is not None and receipt.report_id == good[0].report_id and receipt.training
        assert t.lookup(good[1].idempotency_key) is not None
        assert t.lookup(bad.idempotency_key) is None
    stats = intake.stats()
    assert stats["accepted"] == 3 and stats["rejected"] == 1 and stats["filed_records"] == 3


def test_resend_is_deduplicated_and_counted(intake: IntakeServer) -> None:
    reports = [outgoing(sample_payload()) for _ in range(2)]
    with http_transport(intake.url) as t:
        first = t.submit(reports).by_key()
        again = t.submit(reports).by_key()
    for r in reports:
        assert again[r.idempotency_key].duplicate
        assert again[r.idempotency_key].receipt_id == first[r.idempotency_key].receipt_id
    stats = intake.stats()
    assert stats["duplicates"] == 2 and stats["filed_records"] == 2


def test_same_key_different_record_is_a_conflict(intake: IntakeServer) -> None:
    payload = sample_payload()
    one = outgoing(payload)
    with http_transport(intake.url) as t:
        t.submit([one])
        changed = type(one)(one.report_id, one.idempotency_key, {**one.record, "room": "9999"})
        res = t.submit([changed]).results[0]
    assert res.status is RecordStatus.REJECTED and res.errors[0].code == "idempotency_conflict"


def test_check_only_files_nothing(intake: IntakeServer) -> None:
    reports = [outgoing(sample_payload()), outgoing(sample_payload(surname="müller"))]
    with http_transport(intake.url) as t:
        outcome = t.submit(reports, check_only=True)
    assert [r.status for r in outcome.results] == [RecordStatus.CHECKED, RecordStatus.REJECTED]
    assert outcome.results[1].errors[0].field == "surname_en"
    assert intake.stats()["filed_records"] == 0


def test_wrong_authorisation_code_is_an_auth_failure(intake: IntakeServer) -> None:
    with http_transport(intake.url, code="wrong") as t:
        outcome = t.submit([outgoing(sample_payload())])
    assert outcome.failure is FailureKind.AUTH and outcome.http_status == 401
    assert outcome.results[0].status is RecordStatus.TRANSIENT


def test_server_not_running_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # held, never listening: nobody else can take the port, connections refused
        port = s.getsockname()[1]
        with http_transport(f"http://127.0.0.1:{port}") as t:
            outcome = t.submit([outgoing(sample_payload())])
            assert not t.health()
    assert outcome.failure is FailureKind.OFFLINE


def test_injected_faults_lose_the_answer_not_the_filing(intake: IntakeServer) -> None:
    report = outgoing(sample_payload())
    with http_transport(intake.url, timeout=0.3) as t:
        for spec, kind in (("5xx=1", FailureKind.SERVER_ERROR), ("reset=1", FailureKind.CONNECTION),
                           ("malformed=1", FailureKind.MALFORMED), ("timeout=1", FailureKind.TIMEOUT)):
            intake.set_faults(FaultPlan.parse(spec))
            outcome = t.submit([report])
            assert outcome.failure is kind, spec
            assert outcome.results[0].status is RecordStatus.TRANSIENT
        intake.set_faults(FaultPlan())
        final = t.submit([report]).results[0]
    # Reset, malformed and timeout filed the record before losing the answer: the resend is a duplicate.
    assert final.status is RecordStatus.ACCEPTED and final.duplicate
    stats = intake.stats()
    assert stats["filed_records"] == 1 and stats["faults_5xx"] == 1 and stats["duplicates"] == 3


def test_record_level_faults(intake: IntakeServer) -> None:
    intake.set_faults(FaultPlan.parse("transient=1"))
    report = outgoing(sample_payload())
    with http_transport(intake.url) as t:
        assert t.submit([report]).results[0].status is RecordStatus.TRANSIENT
        intake.set_faults(FaultPlan.parse("reject=1"))
        res = t.submit([report]).results[0]
        assert res.status is RecordStatus.REJECTED and res.errors[0].code == "training_rejection"
        intake.set_faults(FaultPlan())
        assert t.submit([report]).results[0].status is RecordStatus.ACCEPTED


def test_training_endpoints_and_bad_requests(intake: IntakeServer) -> None:
    desk = {"X-Training-Desk-Secret": training_home().desk_secret}
    headers = {"X-Hotel-Id": HOTEL_ID, "X-Authorisation-Code": "secret-code", **desk}
    with httpx.Client(base_url=intake.url, headers=desk) as c:
        assert c.get("/v1/health").json()["training"] is True
        assert c.put("/v1/training/faults", json={"spec": "latency=1,5xx=0.5"}).json()["faults"] == "latency=1,5xx=0.5"
        assert c.put("/v1/training/faults", json={"spec": "bogus=1"}).status_code == 400
        c.put("/v1/training/faults", json={"spec": "off"})
        assert c.post("/v1/reports", content=b"not json", headers=headers).status_code == 400
        assert c.post("/v1/reports", json={"records": "x"}, headers=headers).status_code == 400
        too_many = {"records": [{"idempotency_key": str(i), "record": {}} for i in range(501)]}
        assert c.post("/v1/reports", json=too_many, headers=headers).status_code == 413
        body = c.post("/v1/reports", json={"records": [{"record": {}}]}, headers=headers).json()
        assert body["results"][0]["errors"][0]["field"] is None
        assert "counters" in c.get("/v1/training/stats").json()
    json.dumps(intake.stats())


def test_fault_spec_parsing() -> None:
    plan = FaultPlan.parse("latency=5-20, error_rate=0.2, reject=0.01, seed=3")
    assert plan.latency_ms == (5.0, 20.0) and plan.error_rate == 0.2 and plan.seed == 3
    assert FaultPlan.parse(plan.describe()) == plan
    assert not FaultPlan.parse("off").active
    for bad in ("5xx=2", "latency=9-1", "frobnicate=1", "reset"):
        try:
            FaultPlan.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
