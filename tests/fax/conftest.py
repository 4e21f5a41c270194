"""Fax test fixtures: a fresh SQLite store with registered guests, payloads, and the pty modem simulator."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.clock import ManualClock
from tests.fax.modem_sim import SimulatedModem


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
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture
def db(db_url: str, clock: ManualClock) -> Iterator[Any]:
    from hotel_desk.store import open_database, set_property

    database = open_database(db_url)
    set_property(database, name="Garden Inn", hotel_code="310106A001", authorisation_code="secret",
                 substation_code="JA-07", actor="test", clock=clock)
    yield database
    database.dispose()


def register_guest(db: Any, clock: ManualClock, number: str = "ZE0000001") -> str:
    """One guest who arrived an hour ago; returns the check-in report id."""
    from hotel_desk.documents import manual_document
    from hotel_desk.documents.model import DocumentKind
    from hotel_desk.store import GuestRegistration, StayDetails
    from hotel_desk.store import register_guest as store_register

    doc = manual_document(kind=DocumentKind.PASSPORT, surname="MARTIN", given_names="SARAH",
                          document_number=number, nationality="CAN", birth_date=date(1985, 1, 1), sex="F",
                          expiry_date=date(2033, 1, 14))
    stay = StayDetails(room="301", arrival=clock.now() - timedelta(hours=1), planned_departure=date(2026, 11, 25),
                       visa_type="L", stay_until=date(2026, 12, 30))
    return store_register(db, GuestRegistration(document=doc, stay=stay, chinese_name="马丁"), actor="alice",
                          clock=clock).report_id


@pytest.fixture
def report_id(db: Any, clock: ManualClock) -> str:
    return register_guest(db, clock)


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
