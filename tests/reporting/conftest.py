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
