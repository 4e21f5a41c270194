"""Returning guests at the desk: does the document just read match an earlier stay, what to fill in from it,
and one person's stays for the liaison. Qt-free; `Desk.returning` is the one instance. Who matches whom is
hotel_desk.rules.matching's; each lookup that shows an earlier stay is an audited read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotel_desk.desk.views import GuestEntry
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.store import HistoryStay, ReturningGuest


class Returning:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def lookup(self, entry: GuestEntry) -> ReturningGuest | None:
        """The earlier stay of the guest on `entry`'s document (by document number and nationality, else by
        name, date of birth and nationality), what to fill in from it, and the findings; None when nobody
        matches. A document-number match whose names or date of birth differ is not linked: it comes back as
        a warning for the receptionist to check."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        if not (entry.document_number or (entry.surname_en and entry.birth_date)):
            return None
        return store.returning_guest(
            self._desk.db, document_number=entry.document_number, nationality=entry.nationality,
            surname=entry.surname_en, given_names=entry.given_names_en, birth_date=entry.birth_date,
            actor=self._desk.actor, clock=self._desk.clock)

    def history(self, registration_id: str) -> list[HistoryStay]:
        """Every stay of the person behind a registration, newest first (audited)."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        return store.guest_history(self._desk.db, registration_id, actor=self._desk.actor, clock=self._desk.clock)
