"""Whatever fails between claiming a batch and recording its answer, no report stays `sending`: the claims
are given back as a transient failure with the reason (issue 12, cases 3 and 4)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.protocol import BatchOutcome, OutgoingReport, Receipt, RecordResult, RecordStatus
from hotel_desk.reporting.training_home import training_home
from hotel_desk.reporting.uploader import Uploader, UploaderEvent
from hotel_desk.store.models import Report
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, http_transport, register_guests


class _Broken:
    """A transport with a bug: it raises, or hands back a receipt id the store cannot hold."""

    channel = "http"
    immediate = True
    max_batch = 50

    def __init__(self, how: str) -> None:
        self.how = how

    def submit(self, reports: Sequence[OutgoingReport], *, check_only: bool = False) -> BatchOutcome:
        if self.how == "raises":
            raise OverflowError("cannot convert float infinity to integer")
        return BatchOutcome(results=tuple(RecordResult(r.idempotency_key, RecordStatus.ACCEPTED,
                                                       receipt_id="R" * 262_144) for r in reports))

    def fetch_receipt(self, receipt_id: str) -> Receipt | None:
        return None

    def close(self) -> None:
        pass


def _states(db: Any) -> dict[str, Report]:
    with db.read() as s:
        return {r.id: r for r in s.execute(select(Report)).scalars()}


def _check_given_back_then_filed(db: Any, clock: Any, how: str, words: str) -> None:
    ids = register_guests(db, clock, 3)
    events: list[UploaderEvent] = []
    uploader = Uploader(db, _Broken(how), hotel_id=HOTEL_ID, clock=clock, worker="w", rng=random.Random(1),
                        on_event=events.append)
    summary = uploader.drain()
    reports = _states(db)
    assert summary.transient >= 3 and {reports[i].state for i in ids} == {"failed_retrying"}
    assert all(words in (reports[i].last_error or "") for i in ids)
    assert [e for e in events if e.kind in ("error", "attention")]
    clock.advance(timedelta(seconds=1))  # `--now` tries what was not attempted since it started
    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server:
        fixed = Uploader(db, http_transport(server.url), hotel_id=HOTEL_ID, clock=clock, worker="w")
        assert fixed.drain(now=True).acknowledged == 3
        assert server.stats()["filed_distinct_reports"] == 3
    assert {r.state for r in _states(db).values()} == {"acknowledged"}


def test_a_transport_that_raises(db: Any, clock: Any, data_dir: Path) -> None:
    _check_given_back_then_filed(db, clock, "raises", "OverflowError")


def test_a_mapping_that_raises(db: Any, clock: Any, data_dir: Path) -> None:
    ids = register_guests(db, clock, 2)

    class BadMapping:
        layout = "broken"

        def apply(self, payload: Any, context: Any = None) -> dict[str, Any]:
            raise KeyError("guest")

    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server:
        uploader = Uploader(db, http_transport(server.url), mapping=BadMapping(), hotel_id=HOTEL_ID,  # type: ignore[arg-type]
                            clock=clock, worker="w")
        uploader.drain()
    reports = _states(db)
    assert {reports[i].state for i in ids} == {"failed_retrying"}
    assert all("cannot map the report: KeyError" in (reports[i].last_error or "") for i in ids)


@pytest.mark.postgres
def test_a_value_the_database_refuses_on_postgresql(pg_server: Any, clock: Any, data_dir: Path) -> None:
    """The 262 KB receipt id that once crashed the PostgreSQL path with a DataError after the intake had
    filed the record. The transport refuses it now (tests/reporting/test_trust_answers.py); should a value
    the database refuses ever get through, the batch is given back all the same."""
    from hotel_desk.store import open_database, set_property

    url = pg_server.create_database("reporting_never_stuck")
    db = open_database(url)
    try:
        set_property(db, name="Garden Inn", hotel_code=HOTEL_ID, authorisation_code=AUTH_CODE, clock=clock)
        _check_given_back_then_filed(db, clock, "huge receipt", "could not be recorded")
    finally:
        db.dispose()
        pg_server.drop_database("reporting_never_stuck")
