"""The anchor (issue 12): a report's anchor (the ledger's audit chain head, stored with the report) goes out as
its record's `anchor`, comes back inside the intake's signed result, and a result that echoes another anchor
is no receipt. A report without one sends none. The hook is `OutboxReport.anchor` (filled by the store from
the report row), read by the outgoing-record builder (hotel_desk.reporting.outgoing) through the uploader's
`anchor_for`; the tests that choose anchors themselves pass their own `anchor_for`."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.mapping import load_mapping
from hotel_desk.reporting.outgoing import prepare, report_anchor
from hotel_desk.reporting.signatures import ResultStatement, sign
from hotel_desk.reporting.training_home import training_home
from hotel_desk.reporting.uploader import Uploader, UploaderEvent
from hotel_desk.store import due_reports
from hotel_desk.store.models import Report, ReportAttempt
from tests.reporting.conftest import HOTEL_ID, http_transport, register_guests
from tests.reporting.stand_ins import StandInIntake

HEAD = "chain:41:" + "ab" * 32  # what the ledger will store: printable ASCII, opaque to the intake


def _uploader(db: Any, url: str, clock: Any, anchors: dict[str, str], events: list[UploaderEvent] | None = None
              ) -> Uploader:
    return Uploader(db, http_transport(url), hotel_id=HOTEL_ID, clock=clock, worker="anchor-test",
                    rng=random.Random(3), on_event=events.append if events is not None else None,
                    anchor_for=lambda report: anchors.get(report.report_id, ""))


def _states(db: Any) -> dict[str, str]:
    with db.read() as s:
        return {r.id: r.state for r in s.execute(select(Report)).scalars()}


def test_the_anchor_goes_out_and_comes_back_signed(db: Any, clock: Any, intake: IntakeServer) -> None:
    with_anchor, other, without = register_guests(db, clock, 3)
    anchors = {with_anchor: HEAD, other: "chain:42"}
    _uploader(db, intake.url, clock, anchors).drain()
    assert set(_states(db).values()) == {"acknowledged"}
    filed = dict(intake.db.conn.execute("SELECT report_id, anchor FROM filed"))
    assert filed == {with_anchor: HEAD, other: "chain:42", without: ""}  # none sent for the third
    # The receipt kept in the attempt log carries the anchor inside the signed statement.
    with db.read() as s:
        raw = s.execute(select(ReportAttempt.raw_answer).where(ReportAttempt.report_id == with_anchor)).scalar_one()
    kept = json.loads(raw)
    assert kept["result"]["anchor"] == HEAD and kept["result"]["signature"] and kept["intake_id"]


def test_a_result_echoing_another_anchor_is_no_receipt(db: Any, clock: Any, data_dir: Path, tmp_path: Path) -> None:
    """Validly signed by the right key, but pinning another state of the desk's trail: refused."""
    home = training_home()
    key = home.signing_key()
    [report_id] = register_guests(db, clock, 1)

    def other_anchor(status: int, answer: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        for result in answer.get("results", []):
            result["anchor"] = "chain:40"
            statement = ResultStatement(
                protocol="2", intake_id=answer["intake_id"], training=True, hotel_id=HOTEL_ID,
                idempotency_key=result["idempotency_key"], payload_sha256=result["payload_sha256"],
                status=result["status"], receipt_id=result.get("receipt_id") or "",
                received_at=result.get("received_at") or "", anchor="chain:40")
            result["signature"] = sign(key, statement.signing_bytes())
        return status, {}, answer

    events: list[UploaderEvent] = []
    records = tmp_path / "intake.sqlite3"
    with StandInIntake(records, key, training=True, tamper=other_anchor, intake_id=home.intake_id) as liar:
        _uploader(db, liar.url, clock, {report_id: HEAD}, events).drain()
    assert _states(db) == {report_id: "failed_retrying"}
    with db.read() as s:
        last_error = s.execute(select(Report.last_error).where(Report.id == report_id)).scalar_one()
    assert "does not echo the anchor" in last_error
    assert any(e.kind == "attention" and "anchor" in e.message for e in events)
    # An honest intake on the same records: the original receipt, with the anchor really sent.
    clock.advance(timedelta(hours=1))
    with StandInIntake(records, key, training=True, intake_id=home.intake_id) as honest:
        _uploader(db, honest.url, clock, {report_id: HEAD}).drain()
        assert honest.stats()["filed_records"] == 1
    assert _states(db) == {report_id: "acknowledged"}


def test_an_anchor_the_protocol_cannot_carry_keeps_the_report_queued(db: Any, clock: Any,
                                                                     intake: IntakeServer) -> None:
    bad, good = register_guests(db, clock, 2)
    _uploader(db, intake.url, clock, {bad: "chain\n41", good: HEAD}).drain()
    assert _states(db) == {bad: "failed_retrying", good: "acknowledged"}
    with db.read() as s:
        assert "internal: anchor" in s.execute(select(Report.last_error).where(Report.id == bad)).scalar_one()
    assert dict(intake.db.conn.execute("SELECT report_id, anchor FROM filed")) == {good: HEAD}


def test_the_default_hook_is_the_reports_own_anchor(db: Any, clock: Any) -> None:
    """The store gives each report the chain head it was made at (the ledger, hotel_desk.store.anchors)."""
    [report_id] = register_guests(db, clock, 1)
    [report] = due_reports(db)
    assert report.anchor.startswith("hotel_desk.chain/1:") and report_anchor(report) == report.anchor
    mapping = load_mapping()
    sent = prepare([report], mapping=mapping, hotel_id=HOTEL_ID, retry_at=clock.now())
    none = prepare([replace(report, anchor="")], mapping=mapping, hotel_id=HOTEL_ID, retry_at=clock.now())
    assert [o.anchor for o in sent.outgoing] == [report.anchor] and [o.anchor for o in none.outgoing] == [""]
    assert sent.outgoing[0].idempotency_key == report_id


def test_the_uploader_sends_the_stores_anchors_and_they_come_back_signed(db: Any, clock: Any,
                                                                          intake: IntakeServer) -> None:
    ids = register_guests(db, clock, 3)
    anchors = {r.report_id: r.anchor for r in due_reports(db)}
    Uploader(db, http_transport(intake.url), hotel_id=HOTEL_ID, clock=clock, worker="anchor-test").drain()
    assert set(_states(db).values()) == {"acknowledged"}
    filed = dict(intake.db.conn.execute("SELECT report_id, anchor FROM filed"))
    assert filed == anchors and len(set(filed.values())) == 3 and set(filed) == set(ids)
