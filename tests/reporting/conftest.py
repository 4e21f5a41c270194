"""Shared helpers for the reporting tests: canonical payloads and a real training intake on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.reporting.faults import FaultPlan
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.mapping import load_mapping
from hotel_desk.reporting.protocol import OutgoingReport

HOTEL_ID = "JA-HOTEL-0001"
AUTH_CODE = "secret-code"


def sample_payload(
    *,
    kind: str = "check_in",
    event_time: datetime | None = None,
    report_id: str | None = None,
    room: str = "0815",
    surname: str = "MUSTERMANN",
    document_expiry: str | None = "2031-05-01",
    corrects: str | None = None,
) -> dict[str, Any]:
    event = event_time or datetime(2026, 11, 22, 6, 30, tzinfo=UTC)
    local = event.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai")).isoformat(timespec="seconds")
    return {
        "report_id": report_id or str(uuid.uuid4()),
        "kind": kind,
        "registration_id": str(uuid.uuid4()),
        "corrects_report_id": corrects,
        "event_time": event.isoformat().replace("+00:00", "Z"),
        "deadline_at": (event + timedelta(hours=24)).isoformat().replace("+00:00", "Z"),
        "hotel_code": HOTEL_ID,
        "substation_code": "JA-PCS-07",
        "guest": {
            "surname_en": surname,
            "given_names_en": "ERIKA",
            "chinese_name": "",
            "sex": "F",
            "birth_date": "1984-08-12",
            "nationality": "D<<",
            "document_type": "passport",
            "document_number": "C01X00T47",
            "document_expiry": document_expiry,
            "visa_type": "L",
            "visa_number": "",
            "stay_until": "2026-12-20",
            "entry_date": "2026-11-21",
            "port_of_entry": "PVG",
            "check_in_time": local,
            "room": room,
            "planned_departure": "2026-11-25",
            "check_out_time": None,
            "came_from": "Beijing",
            "going_to": "Hangzhou",
            "reason": "tourism",
            "document_photo_sha256": None,
        },
    }


def outgoing(payload: dict[str, Any]) -> OutgoingReport:
    record = load_mapping().apply(payload, {"hotel_id": HOTEL_ID})
    return OutgoingReport(payload["report_id"], payload["report_id"], record, payload["deadline_at"])


@pytest.fixture
def intake(tmp_path: Path) -> Iterator[IntakeServer]:
    server = IntakeServer(tmp_path / "intake.sqlite3", hotels={HOTEL_ID: AUTH_CODE}, faults=FaultPlan())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def http_transport(url: str, *, timeout: float = 5.0, code: str = AUTH_CODE, max_batch: int = 200) -> HttpTransport:
    return HttpTransport(
        HttpIntakeConfig(base_url=url, hotel_id=HOTEL_ID, authorisation_code=code, timeout_seconds=timeout,
                         max_batch=max_batch)
    )


# --- store-backed helpers (the uploader's tests) -------------------------------------------------------


@pytest.fixture
def clock() -> Any:
    from hotel_desk.clock import ManualClock

    return ManualClock(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hotel_desk.sqlite3'}"


@pytest.fixture
def db(store_url: str, clock: Any) -> Iterator[Any]:
    from hotel_desk.store import open_database, set_property

    database = open_database(store_url, backup=False)
    set_property(database, name="Garden Inn", hotel_code=HOTEL_ID, authorisation_code=AUTH_CODE,
                 substation_code="JA-07", clock=clock)
    yield database
    database.dispose()


def register_guests(db: Any, clock: Any, count: int, *, surname: str = "MARTIN", start: int = 0) -> list[str]:
    """Register `count` guests who arrived an hour before the clock's now; returns their report ids."""
    from datetime import date

    from hotel_desk.documents import manual_document
    from hotel_desk.documents.model import DocumentKind
    from hotel_desk.store import GuestRegistration, StayDetails, register_guest

    ids = []
    for i in range(start, start + count):
        doc = manual_document(kind=DocumentKind.PASSPORT, surname=surname, given_names="SARAH",
                              document_number=f"ZE{i:07d}", nationality="CAN", birth_date=date(1985, 1, 1),
                              sex="F", expiry_date=date(2033, 1, 14))
        stay = StayDetails(room=f"{100 + i % 400}", arrival=clock.now() - timedelta(hours=1),
                           planned_departure=date(2026, 12, 25), visa_type="L", stay_until=date(2026, 12, 30))
        ids.append(register_guest(db, GuestRegistration(document=doc, stay=stay), actor="alice", clock=clock).report_id)
    return ids


REPO_ROOT_FOR_TESTS = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A throw-away PostgreSQL server (the store's test helper), for the uploader's PostgreSQL test."""
    from tests.store.pgserver import PostgresServer

    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()
