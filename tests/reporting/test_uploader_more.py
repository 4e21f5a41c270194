"""The uploader's other paths: the app's background thread, a stay's whole story (check-in, check-out,
cancellation), PostgreSQL, and TLS with verification and client certificates."""

from __future__ import annotations

import random
import ssl
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotel_desk.reporting.faults import FaultPlan
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.intake_server import IntakeServer, server_tls_context
from hotel_desk.reporting.metrics import reporting_status
from hotel_desk.reporting.protocol import FailureKind, RecordStatus
from hotel_desk.reporting.uploader import Uploader, UploaderEvent
from hotel_desk.store import cancel_registration, check_out
from hotel_desk.store.models import Report
from tests.reporting.conftest import (
    AUTH_CODE,
    HOTEL_ID,
    http_transport,
    outgoing,
    register_guests,
    sample_payload,
)


def _states(db: Any) -> dict[str, str]:
    with db.read() as s:
        return {r.id: r.state for r in s.execute(select(Report)).scalars()}


def test_background_thread_sends_on_wake(db: Any, clock: Any, intake: IntakeServer) -> None:
    acknowledged = threading.Semaphore(0)

    def on_event(e: UploaderEvent) -> None:
        if e.kind == "batch":
            for _ in range(e.counts.get("acknowledged", 0)):
                acknowledged.release()

    uploader = Uploader(db, http_transport(intake.url), hotel_id=HOTEL_ID, clock=clock, worker="app",
                        on_event=on_event, poll_interval=3600)
    uploader.start()
    try:
        assert uploader.running
        for round_ in range(3):
            ids = register_guests(db, clock, 2, start=round_ * 10)
            uploader.wake()  # as the UI does after each desk action; the poll interval is an hour
            for _ in ids:
                assert acknowledged.acquire(timeout=30)
        status = uploader.status()
        assert status.running and not status.offline and status.reporting.by_state["acknowledged"] == 6
        assert status.to_dict()["by_state"]["acknowledged"] == 6
    finally:
        uploader.stop()
    assert not uploader.running
    assert intake.stats()["filed_records"] == 6


def test_check_out_and_cancellation_are_reported(db: Any, clock: Any, intake: IntakeServer) -> None:
    ids = register_guests(db, clock, 2)
    with db.read() as s:
        regs = [s.get(Report, rid).registration_id for rid in ids]
    clock.advance(timedelta(hours=5))
    out = check_out(db, regs[0], actor="alice", clock=clock)
    gone = cancel_registration(db, regs[1], actor="alice", note="registered twice", clock=clock)
    uploader = Uploader(db, http_transport(intake.url), hotel_id=HOTEL_ID, clock=clock, worker="w")
    uploader.drain()
    states = _states(db)
    assert {states[r] for r in (*ids, out.report_id, gone.report_id)} == {"acknowledged"}
    kinds = dict(intake.db.conn.execute("SELECT report_id, json_extract(record_json, '$.report_kind') FROM filed"))
    assert kinds[out.report_id] == "check_out" and kinds[gone.report_id] == "cancellation"


@pytest.mark.postgres
def test_flaky_drain_on_postgresql(pg_server: Any, clock: Any, intake: IntakeServer) -> None:
    from hotel_desk.store import open_database, set_property

    url = pg_server.create_database("reporting_flaky")
    db = open_database(url)
    try:
        set_property(db, name="Garden Inn", hotel_code=HOTEL_ID, authorisation_code=AUTH_CODE, clock=clock)
        ids = register_guests(db, clock, 40)
        intake.set_faults(FaultPlan.parse("error_rate=0.3,transient=0.1,seed=5"))
        uploader = Uploader(db, http_transport(intake.url, timeout=0.1), hotel_id=HOTEL_ID, clock=clock,
                            worker="pg", batch_size=8, rng=random.Random(3))
        uploader.drain(until_empty=True, sleep=lambda s: clock.advance(timedelta(seconds=s)))
        assert set(_states(db).values()) == {"acknowledged"}
        stats = intake.stats()
        assert stats["filed_records"] == stats["filed_distinct_reports"] == len(ids)
        status = reporting_status(db, clock=clock)
        assert status.pending == 0 and status.decided == len(ids)
    finally:
        db.dispose()
        pg_server.drop_database("reporting_flaky")


def test_tls_is_verified_and_client_certificates_work(pki: Path, tmp_path: Path) -> None:
    ctx: ssl.SSLContext = server_tls_context(str(pki / "server.pem"), str(pki / "server.key"), str(pki / "ca.pem"))
    server = IntakeServer(tmp_path / "tls.sqlite3", hotels={HOTEL_ID: AUTH_CODE}, tls=ctx).start()
    try:
        assert server.url.startswith("https://")

        def transport(**kw: Any) -> HttpTransport:
            return HttpTransport(HttpIntakeConfig(base_url=server.url, hotel_id=HOTEL_ID,
                                                  authorisation_code=AUTH_CODE, timeout_seconds=5, training=True,
                                                  intake_public_key=server.public_key_text, **kw))

        report = outgoing(sample_payload())
        # Verification is on by default: the test CA is not trusted, so nothing is sent.
        with transport(client_cert=f"{pki / 'client.pem'}:{pki / 'client.key'}") as t:
            assert t.submit([report]).failure is FailureKind.TLS
        # Trusting the CA but without a client certificate: the server refuses the handshake.
        with transport(verify_tls=str(pki / "ca.pem")) as t:
            assert t.submit([report]).failure in (FailureKind.CONNECTION, FailureKind.TLS, FailureKind.OFFLINE)
        with transport(verify_tls=str(pki / "ca.pem"), client_cert=f"{pki / 'client.pem'}:{pki / 'client.key'}") as t:
            result = t.submit([report]).results[0]
        assert result.status is RecordStatus.ACCEPTED
    finally:
        server.stop()
