"""Returning guests: finding a newly read document's earlier stays, checking a link before it is written, and
the history of one person's stays for the liaison.

Each stay keeps its own guest row (a correction of one stay must never rewrite another's record); a returning
guest's new row carries the `person_id` of the stay it was matched to. The rules deciding who matches are
hotel_desk.rules.matching; this module only finds the candidates and applies the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.documents.model import Finding
from hotel_desk.rules.matching import Candidate, MatchRule, document_number_key, match_returning, name_key
from hotel_desk.rules.record import GuestRegistration
from hotel_desk.store.db import Database
from hotel_desk.store.errors import InvalidRegistration, NotFound, require_actor
from hotel_desk.store.models import Guest, Registration, RegistrationStatus, TravelDocumentRecord
from hotel_desk.store.reads import audit_read, now_of

#: What a returning guest's form is filled with from the last stay: who they are and where they travel, never
#: the room or any date of the old stay (hotel_desk.rules.record keys).
PREFILLED = ("chinese_name", "came_from", "going_to", "reason")
#: How many earlier stays are compared (newest first): a regular guest's whole history is not needed.
_RECENT = 20


@dataclass(frozen=True)
class ReturningGuest:
    """What the desk shows when a document matches earlier stays."""

    rule: MatchRule
    linked: bool  # True: the new stay will be linked to `previous_registration_id`'s person
    previous_registration_id: str | None
    last_arrival: datetime | None = None
    last_room: str = ""
    prefill: dict[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    differs: tuple[str, ...] = ()


_COLUMNS = (Registration.id, Guest.person_id, TravelDocumentRecord.document_number, Guest.nationality,
            Guest.surname_en, Guest.given_names_en, Guest.birth_date)


def _candidates(session: Session, number: str, surname: str, birth_date: date | None) -> list[Candidate]:
    """Earlier (not cancelled) stays with the same document number, and those with the same surname and date
    of birth, newest first. Two indexed lookups (documents.document_number, guests.surname_en): the desk
    stores numbers and names as the document core normalises them."""
    base = (select(*_COLUMNS, Registration.arrival_at)
            .join(Guest, Guest.id == Registration.guest_id)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Registration.status != RegistrationStatus.CANCELLED.value))
    rows: dict[str, Any] = {}
    if number:
        for row in session.execute(base.where(TravelDocumentRecord.document_number == number)
                                   .order_by(Registration.arrival_at.desc()).limit(_RECENT)):
            rows[row[0]] = row
    if surname and birth_date is not None:
        for row in session.execute(base.where(Guest.surname_en == surname, Guest.birth_date == birth_date)
                                   .order_by(Registration.arrival_at.desc()).limit(_RECENT)):
            rows[row[0]] = row
    ordered = sorted(rows.values(), key=lambda r: r[-1], reverse=True)
    return [Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in ordered]


def _new(registration_id: str, document_number: str, nationality: str, surname: str, given_names: str,
         birth_date: date | None) -> Candidate:
    return Candidate(registration_id, "", document_number, nationality, surname, given_names, birth_date)


def returning_guest(
    db: Database,
    *,
    document_number: str,
    nationality: str,
    surname: str,
    given_names: str,
    birth_date: date | None,
    actor: str,
    clock: Clock | None = None,
) -> ReturningGuest | None:
    """Whether the guest on a document just read stayed before, and what to fill in from the last stay. None
    when nothing matches. Reading the earlier stay is a personal-data read, audited under `actor`."""
    require_actor(actor, "looking up a returning guest")
    number = document_number_key(document_number)
    new = _new("", number, nationality, name_key(surname), name_key(given_names), birth_date)
    with db.write() as session:
        match = match_returning(new, _candidates(session, number, name_key(surname), birth_date))
        if match.previous is None:
            return ReturningGuest(match.rule, False, None, findings=match.findings) if match.findings else None
        reg = session.get(Registration, match.previous.registration_id)
        assert reg is not None
        prefill = {"chinese_name": reg.guest.chinese_name, "came_from": reg.came_from, "going_to": reg.going_to,
                   "reason": reg.reason}
        audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now_of(clock),
                   purpose="returning guest", what="returning_guest_match")
        return ReturningGuest(match.rule, match.linked, reg.id, reg.arrival_at, reg.room,
                              {k: v for k, v in prefill.items() if v} if match.linked else {}, match.findings,
                              match.differs)


def verify_returning(session: Session, registration: GuestRegistration, returning_of: str) -> tuple[str, str]:
    """The person and rule a new registration may be linked by to the earlier stay `returning_of`, checked
    again inside the registering transaction (whoever asks, the rules decide); InvalidRegistration when the
    earlier stay does not match the document."""
    reg = session.get(Registration, returning_of)
    if reg is None:
        raise InvalidRegistration(f"no earlier stay {returning_of} to link the returning guest to")
    doc = registration.document
    new = _new("", doc.document_number, doc.nationality, doc.surname, doc.given_names, doc.birth_date)
    earlier = Candidate(reg.id, reg.guest.person_id, reg.document.document_number, reg.guest.nationality,
                        reg.guest.surname_en, reg.guest.given_names_en, reg.guest.birth_date)
    match = match_returning(new, [earlier])
    if not match.linked:
        raise InvalidRegistration("the document does not match the earlier stay it was to be linked to")
    return earlier.person_id, match.rule.value


@dataclass(frozen=True)
class HistoryStay:
    """One stay of a person, for the liaison's guest history."""

    registration_id: str
    status: str
    room: str
    arrival_at: datetime
    planned_departure: date | None
    checked_out_at: datetime | None
    surname_en: str
    given_names_en: str
    chinese_name: str
    nationality: str
    document_type: str
    document_number: str
    group_id: str | None


def guest_history(db: Database, registration_id: str, *, actor: str, clock: Clock | None = None,
                  limit: int = 200) -> list[HistoryStay]:
    """Every stay of the person behind `registration_id`'s guest, newest first (their own included). Audited
    as a personal-data read of that registration."""
    require_actor(actor, "reading a guest's history")
    with db.write() as session:
        reg = session.get(Registration, registration_id)
        if reg is None:
            raise NotFound(f"no registration {registration_id}")
        rows = session.execute(
            select(Registration, Guest, TravelDocumentRecord)
            .join(Guest, Guest.id == Registration.guest_id)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Guest.person_id == reg.guest.person_id)
            .order_by(Registration.arrival_at.desc()).limit(limit)
        ).all()
        audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now_of(clock),
                   purpose="guest history", what="guest_history")
        return [HistoryStay(r.id, r.status, r.room, r.arrival_at, r.planned_departure, r.checked_out_at,
                            g.surname_en, g.given_names_en, g.chinese_name, g.nationality, d.kind,
                            d.document_number, r.group_id) for r, g, d in rows]
