"""For the tests of the police's other workflows (issue 14): guests with chosen names and numbers, and police
lists written as the police send them. The store fixtures (SQLite and PostgreSQL) are tests/conftest.py's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from hotel_desk.clock import Clock
from hotel_desk.documents.model import DocumentFormat, DocumentKind, TravelDocument
from hotel_desk.rules.record import GuestRegistration, StayDetails

if TYPE_CHECKING:
    from hotel_desk.store import Database, ReportRef

HEADER = "document_number,nationality,surname,field,problem"


def guest(clock: Clock, *, number: str, surname: str = "MARTIN", given: str = "SARAH", nationality: str = "CAN",
          room: str = "301", birth: date = date(1985, 1, 1), arrival: datetime | None = None,
          departure: date | None = None, chinese_name: str = "", came_from: str = "") -> GuestRegistration:
    """A guest typed from their passport (no MRZ needed for these workflows), arrived an hour before `clock`'s
    now unless told, every date relative to it."""
    arrived = arrival or clock.now() - timedelta(hours=1)
    today = arrived.date()
    document = TravelDocument(
        format=DocumentFormat.MANUAL, kind=DocumentKind.PASSPORT, document_code="", issuing_state=nationality,
        surname=surname, given_names=given, document_number=number, nationality=nationality, birth_date=birth,
        sex="F", expiry_date=today + timedelta(days=3 * 365))
    return GuestRegistration(
        document=document, chinese_name=chinese_name, entry_method="manual", manual_reason="typed for the test",
        stay=StayDetails(room=room, arrival=arrived, planned_departure=departure or today + timedelta(days=3),
                         visa_type="L", came_from=came_from))


def register(db: Database, clock: Clock, *, returning_of: str | None = None, intended: bool = False,
             **values: object) -> ReportRef:
    """Register `guest(clock, **values)`; `intended` confirms a registration that repeats an open one (two
    people the police's list may confuse, one person's two rooms)."""
    from hotel_desk import store
    from hotel_desk.rules.duplicates import DUPLICATE

    registration = guest(clock, **values)  # type: ignore[arg-type]
    if intended:
        registration = replace(registration, accepted_warnings=(DUPLICATE,))
    return store.register_guest(db, registration, actor="alice", clock=clock, returning_of=returning_of)


def csv_bytes(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")

