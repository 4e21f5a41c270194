"""Store test fixtures: every test that takes `db` or `db_url` runs twice, on a fresh SQLite file and on
a fresh database in a real PostgreSQL server that this test session starts itself."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hotel_desk.clock import Clock, ManualClock
from hotel_desk.documents.model import DocumentFormat, DocumentKind, TravelDocument
from hotel_desk.documents.mrz import format_td3
from tests.store.pgserver import PostgresServer

if TYPE_CHECKING:
    from hotel_desk.store import Database, GuestRegistration

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hotel_desk.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = f"t{next(_counter)}_{abs(hash(request.node.nodeid)) % 10**8}"
    yield server.create_database(name)
    server.drop_database(name)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))


@pytest.fixture
def db(db_url: str, clock: ManualClock) -> Iterator[Database]:
    from hotel_desk.store import open_database, set_property

    database = open_database(db_url)
    set_property(database, name="Garden Inn", hotel_code="310106A001", authorisation_code="secret",
                 substation_code="JA-07", clock=clock)
    yield database
    database.dispose()


def passport(surname: str = "MARTIN", given: str = "SARAH", number: str = "ZE000509",
             expiry: date = date(2033, 1, 14)) -> TravelDocument:
    """A Canadian passport with a consistent MRZ. Tests that register with a clock pass an expiry relative to
    that clock (see guest_registration), so the document never runs out under the suite's feet."""
    line1, line2 = format_td3(
        document_code="P<", issuing_state="CAN", surname=surname, given_names=given, document_number=number,
        nationality="CAN", birth="850101", sex="F", expiry=expiry.strftime("%y%m%d"),
    )
    return TravelDocument(
        format=DocumentFormat.TD3, kind=DocumentKind.PASSPORT, document_code="P<", issuing_state="CAN",
        surname=surname, given_names=given, document_number=number, nationality="CAN",
        birth_date=date(1985, 1, 1), sex="F", expiry_date=expiry, mrz_lines=(line1, line2),
    )


def guest_registration(clock: Clock, room: str = "301", **doc_kw: str) -> GuestRegistration:
    """A guest who arrived an hour before `clock`'s now, with every date of the stay relative to it."""
    from hotel_desk.store import GuestRegistration, StayDetails

    arrival = clock.now() - timedelta(hours=1)
    today = arrival.date()
    return GuestRegistration(
        document=passport(expiry=today + timedelta(days=6 * 365), **doc_kw),  # type: ignore[arg-type]
        stay=StayDetails(room=room, arrival=arrival,
                         planned_departure=today + timedelta(days=5), visa_type="L", visa_number="E12345678",
                         stay_until=today + timedelta(days=30), entry_date=today - timedelta(days=1),
                         port_of_entry="PVG"),
    )
