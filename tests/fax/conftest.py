"""Fax test fixtures: the shared store (tests/conftest.py) on SQLite with a registered guest, payloads, and the
pty modem simulator."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hotel_desk.clock import ManualClock
from tests.fax.modem_sim import SimulatedModem
from tests.support.guests import register_guest


def sample_payload(kind: str = "check_in", chinese_name: str = "张伟") -> dict[str, Any]:
    event = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)
    return {
        "report_id": str(uuid.uuid4()), "kind": kind, "registration_id": str(uuid.uuid4()),
        "corrects_report_id": None if kind == "check_in" else str(uuid.uuid4()),
        "event_time": event.isoformat(), "deadline_at": (event + timedelta(hours=24)).isoformat(),
        "hotel_code": "310106A001", "substation_code": "JA-07",
        "guest": {
            "surname_en": "MUSTERMANN", "given_names_en": "ERIKA", "chinese_name": chinese_name, "sex": "F",
            "birth_date": "1984-08-12", "nationality": "DEU", "document_type": "passport",
            "document_number": "C01X00T47", "document_expiry": "2031-05-01", "visa_type": "L",
            "visa_number": "E12345678", "stay_until": "2026-12-20", "entry_date": "2026-11-21",
            "port_of_entry": "PVG", "check_in_time": "2026-11-22T14:30:00+08:00", "room": "0815",
            "planned_departure": "2026-11-25", "check_out_time": None, "came_from": "Beijing",
            "going_to": "Hangzhou", "reason": "tourism", "document_photo_sha256": None,
        },
    }


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The fax tests run on SQLite only (the store's own tests cover PostgreSQL)."""
    return sqlite_url


@pytest.fixture
def report_id(db: Any, clock: ManualClock) -> str:
    """One guest who arrived an hour ago (with a Chinese name for the form); the check-in report's id."""
    return register_guest(db, clock, chinese_name="马丁").report_id


@pytest.fixture
def modem_factory() -> Iterator[Any]:
    if not hasattr(os, "openpty"):
        pytest.skip("the simulated modem needs a pty (POSIX)")
    modems: list[SimulatedModem] = []

    def make(scenario: str = "success", **kw: Any) -> SimulatedModem:
        modem = SimulatedModem(scenario, **kw)
        modems.append(modem)
        return modem

    yield make
    for modem in modems:
        modem.close()
