"""Test guests: every date derives from the clock the store is given (a fixed date turns the suite red on the
day it passes), and the passport's MRZ is composed with the expiry it carries."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import TYPE_CHECKING

from hotel_desk.clock import Clock
from hotel_desk.documents.model import DocumentFormat, DocumentKind, TravelDocument
from hotel_desk.documents.mrz import format_td3
from hotel_desk.rules.record import GuestRegistration, StayDetails

if TYPE_CHECKING:
    from hotel_desk.store import Database, ReportRef


def passport(surname: str = "MARTIN", given: str = "SARAH", number: str = "ZE000509", *,
             expiry: date) -> TravelDocument:
    """A Canadian passport with a consistent MRZ."""
    line1, line2 = format_td3(
        document_code="P<", issuing_state="CAN", surname=surname, given_names=given, document_number=number,
        nationality="CAN", birth="850101", sex="F", expiry=expiry.strftime("%y%m%d"),
    )
    return TravelDocument(
        format=DocumentFormat.TD3, kind=DocumentKind.PASSPORT, document_code="P<", issuing_state="CAN",
        surname=surname, given_names=given, document_number=number, nationality="CAN",
        birth_date=date(1985, 1, 1), sex="F", expiry_date=expiry, mrz_lines=(line1, line2),
    )


def number_for(room: str) -> str:
    """A passport number of the guest in `room` (ZE000509 in 301): guests in different rooms are different
    people, so the store does not refuse the second as a repeat of the first (hotel_desk.rules.duplicates)."""
    if room == "301":
        return "ZE000509"
    return "ZE" + hashlib.sha256(room.encode("utf-8")).hexdigest()[:6].upper()


def guest_registration(clock: Clock, room: str = "301", *, chinese_name: str = "", surname: str = "MARTIN",
                       given: str = "SARAH", number: str | None = None) -> GuestRegistration:
    """A guest who arrived an hour before `clock`'s now, with every date of the stay relative to it; the
    passport number is the room's (`number_for`) unless given."""
    number = number or number_for(room)
    arrival = clock.now() - timedelta(hours=1)
    today = arrival.date()
    return GuestRegistration(
        document=passport(surname, given, number, expiry=today + timedelta(days=6 * 365)),
        stay=StayDetails(room=room, arrival=arrival, planned_departure=today + timedelta(days=5), visa_type="L",
                         visa_number="E12345678", stay_until=today + timedelta(days=30),
                         entry_date=today - timedelta(days=1), port_of_entry="PVG"),
        chinese_name=chinese_name,
    )


def register_guest(db: Database, clock: Clock, *, actor: str = "alice", **guest: str) -> ReportRef:
    """`guest_registration(clock, **guest)` registered by `actor`."""
    from hotel_desk.store import register_guest as store_register

    return store_register(db, guest_registration(clock, **guest), actor=actor, clock=clock)
