"""Registering guests: the guest, document and stay rows, the check-in report and its audit event, in one
transaction (one guest at the desk, or a whole import file at once).

Qt-free. The registration gate (hotel_desk.rules.gate, with the record validation) is asked again here,
whoever the caller is; the store adds only what it cannot leave to anyone: times with a zone and not in the
future, a known entry method, and whether the registration repeats an open one (hotel_desk.rules.duplicates),
which only the database can tell; that is looked up inside the write transaction, after the audit chain's
head is locked, so two desks registering the same passport at once cannot both pass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.documents.model import Finding
from hotel_desk.rules import duplicates, gate, record
from hotel_desk.rules.duplicates import OpenStay
from hotel_desk.rules.record import ENTRY_METHODS, MANUAL_REASON_MAX, GuestRegistration
from hotel_desk.rules.reports import ReportKind
from hotel_desk.rules.stays import CLOCK_TOLERANCE
from hotel_desk.rules.validation import latest_day
from hotel_desk.store import row_digests
from hotel_desk.store.audit import AuditAction, lock_chain_head
from hotel_desk.store.db import Database
from hotel_desk.store.errors import DuplicateRegistration, InvalidRegistration, require_actor
from hotel_desk.store.models import Guest, Registration, RegistrationStatus, TravelDocumentRecord, new_id
from hotel_desk.store.property import property_row
from hotel_desk.store.queueing import NewReport, Reported, ReportRef, new_report, write_reports
from hotel_desk.store.returning import verify_returning
from hotel_desk.store.sealed_data import seal_image

#: How far in the future an arrival may lie: clocks of two desks differ a little, but a check-in report
#: for a guest who has not arrived yet would be false.
ARRIVAL_FUTURE_TOLERANCE = CLOCK_TOLERANCE


@dataclass(frozen=True)
class StayLinks:
    """What ties a new stay to other records, outside its report payload: the group it checked in with, the
    parent (a member of the same batch, by index) whose passport a child is listed in, and the person of an
    earlier stay a returning guest was matched to (the caller checked the match: hotel_desk.store.returning)."""

    group_id: str | None = None
    parent_index: int | None = None
    person_id: str | None = None
    #: For the audit trail: the earlier stay and the rule that matched it (hotel_desk.rules.matching).
    returning_of: str | None = None
    match_rule: str | None = None


def check_registration(reg: GuestRegistration, now: datetime, *, index: int | None = None) -> None:
    """The registration gate on what the store sees (no document findings: those were judged where the
    document was read; the record validation against the arrival and today, and the page image), then the
    checks the store cannot skip. Raises InvalidRegistration with every problem (and the findings)."""
    stay = reg.stay
    values = record.record_values(reg)
    verdict = gate.judge(values, entry_method=reg.entry_method, manual_reason=reg.manual_reason,
                         arrival=stay.arrival if stay.arrival.tzinfo is not None else None,
                         today=latest_day(now) if now.tzinfo is not None else None, page_image=reg.page_image,
                         override=reg.override)
    problems = verdict.reasons(acknowledgement=False)  # what the caller acknowledged is the caller's to judge
    if stay.arrival.tzinfo is None:
        problems.append("the arrival time has no time zone")
    elif stay.arrival > now + ARRIVAL_FUTURE_TOLERANCE:
        problems.append("the arrival time is in the future")
    if reg.entry_method is not None and reg.entry_method not in ENTRY_METHODS:
        problems.append(f"unknown entry method {reg.entry_method!r} (one of {', '.join(ENTRY_METHODS)})")
    if len(reg.manual_reason.strip()) > MANUAL_REASON_MAX:
        problems.append(f"the reason for typing by hand is longer than {MANUAL_REASON_MAX} characters")
    if problems:
        where = f"registration #{index + 1}: " if index is not None else ""
        raise InvalidRegistration(where + "; ".join(problems), verdict.errors, index)


def open_stays(session: Session, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[OpenStay]]:
    """The open registrations of these documents (`duplicates.same_document` keys), by key. One query on the
    document number's index, however many guests an import holds."""
    numbers = sorted({number for number, _ in keys})
    found: dict[tuple[str, str], list[OpenStay]] = {}
    for start in range(0, len(numbers), 500):  # bounded IN lists (SQLite's variable limit, plan sizes)
        rows = session.execute(
            select(Registration.id, Registration.room, Registration.arrival_at, Registration.planned_departure,
                   TravelDocumentRecord.document_number, TravelDocumentRecord.nationality)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Registration.status == RegistrationStatus.IN_HOUSE.value,
                   TravelDocumentRecord.document_number.in_(numbers[start:start + 500]))
        ).all()
        for rid, room, arrival_at, departure, number, nationality in rows:
            key = duplicates.same_document(number, nationality)
            found.setdefault(key, []).append(OpenStay(rid, room, arrival_at.date(), departure))
    return found


def open_stays_of(db: Database, document_number: str, nationality: str) -> list[OpenStay]:
    """The open registrations of one document (for the desk's verdict before it registers the guest)."""
    key = duplicates.same_document(document_number, nationality)
    with db.read() as session:
        return open_stays(session, [key]).get(key, [])


def check_repeats(session: Session, registrations: Sequence[GuestRegistration], *,
                  listed: frozenset[int] = frozenset()) -> dict[int, list[OpenStay]]:
    """Which registrations repeat an open one (in the database, or earlier in the same import) without being
    confirmed as intended; raises DuplicateRegistration naming them. Returns every repeat found (confirmed
    ones included) by index, for the audit events. `listed` are the indexes of children listed in a parent's
    passport: they share its number by right and are never repeats."""
    keys = [duplicates.same_document(r.document.document_number, r.document.nationality) for r in registrations]
    known = open_stays(session, keys)
    found: dict[int, list[OpenStay]] = {}
    refused: dict[int, list[OpenStay]] = {}
    findings: list[Finding] = []
    for index, (registration, key) in enumerate(zip(registrations, keys, strict=True)):
        if index in listed:
            continue
        stay = registration.stay
        arrival = stay.arrival.date()
        repeated = duplicates.repeats(known.get(key, []), arrival, stay.planned_departure)
        if repeated:
            found[index] = repeated
            if not duplicates.confirmed(registration.accepted_warnings):
                refused[index] = repeated
                finding = duplicates.duplicate_finding(repeated)
                if finding is not None:
                    findings.append(finding)
        known.setdefault(key, []).append(OpenStay("", stay.room.strip(), arrival, stay.planned_departure))
    if refused:
        said = "; ".join(f"registration #{i + 1}: {f.message_en} (confirm it with {duplicates.DUPLICATE})"
                         if len(registrations) > 1 else f"{f.message_en} (confirm it with {duplicates.DUPLICATE})"
                         for i, f in zip(refused, findings, strict=True))
        raise DuplicateRegistration(said, refused, findings)
    return found


def _rows(session: Session, registration: GuestRegistration, *, property_id: int, actor: str, now: datetime,
          links: StayLinks) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The guest, document and stay rows of one registration, exactly as they will be written (the page image
    sealed with the database's data key; its SHA-256 is the plain image's)."""
    doc, stay = registration.document, registration.stay
    guest_id = new_id()
    guest = {
        "id": guest_id, "surname_en": doc.surname, "given_names_en": doc.given_names,
        "chinese_name": registration.chinese_name or doc.chinese_name, "sex": doc.sex or "X",
        "birth_date": doc.birth_date, "nationality": doc.nationality, "person_id": links.person_id or guest_id,
        "created_at": now,
    }
    image = registration.page_image
    document_id = new_id()
    document = {
        "id": document_id, "guest_id": guest["id"], "format": doc.format.value, "kind": doc.kind.value,
        "document_code": doc.document_code, "document_number": doc.document_number,
        "issuing_state": doc.issuing_state, "nationality": doc.nationality, "expiry_date": doc.expiry_date,
        "mrz": "\n".join(doc.mrz_lines), "page_image": seal_image(session, document_id, image),
        "page_image_purged_at": None,
        "page_image_sha256": hashlib.sha256(image).hexdigest() if image else None,
        "entry_method": registration.entry_method, "manual_reason": registration.manual_reason.strip() or None,
        "created_at": now,
    }
    stay_row = {
        "id": new_id(), "property_id": property_id, "guest_id": guest["id"], "document_id": document["id"],
        "room": stay.room.strip(), "arrival_at": stay.arrival, "planned_departure": stay.planned_departure,
        "checked_out_at": None, "visa_type": stay.visa_type, "visa_number": stay.visa_number,
        "stay_until": stay.stay_until, "entry_date": stay.entry_date, "port_of_entry": stay.port_of_entry,
        "came_from": stay.came_from, "going_to": stay.going_to, "reason": stay.reason,
        "status": RegistrationStatus.IN_HOUSE.value, "created_by": actor, "created_at": now, "updated_at": now,
        "group_id": links.group_id, "on_document_of": None,
    }
    return guest, document, stay_row


def _link_details(links: StayLinks, stay_row: dict[str, Any]) -> dict[str, Any]:
    """What the check-in event says about the stay's links (only those it has: ids, never names)."""
    details: dict[str, Any] = {}
    if links.group_id:
        details["group_id"] = links.group_id
    if stay_row["on_document_of"]:
        details["on_document_of"] = stay_row["on_document_of"]
    if links.returning_of:
        details["returning_of"] = links.returning_of
        details["match_rule"] = links.match_rule
    return details


def register_many(
    session: Session,
    registrations: Sequence[GuestRegistration],
    *,
    actor: str,
    now: datetime,
    property_id: int | None = None,
    links: Sequence[StayLinks] | None = None,
) -> list[ReportRef]:
    """Register several guests inside the caller's write transaction (an import file is one user action;
    `register_guest` is the one-guest case). Each guest gets its own guest, document and stay rows, its own
    check-in report and its own audit event; all of them commit or roll back together. Rows are written with
    multi-row INSERTs, which is what lets an import (or the million-registration benchmark) run at thousands
    of guests a second. `links` (one per registration) ties stays to a group, a parent's stay or an earlier
    stay of the same person."""
    actor = require_actor(actor)
    for index, registration in enumerate(registrations):
        check_registration(registration, now, index=index if len(registrations) > 1 else None)
    if not registrations:
        return []
    stay_links = list(links) if links is not None else [StayLinks()] * len(registrations)
    if len(stay_links) != len(registrations):
        raise ValueError("one StayLinks per registration")
    session.flush()
    prop = property_row(session, property_id)
    head = lock_chain_head(session)  # from here on, registrations are one at a time: repeats are seen
    repeated = check_repeats(session, registrations,
                             listed=frozenset(i for i, link in enumerate(stay_links) if link.parent_index is not None))
    seq, prev_hash = head.last_seq, head.last_hash
    guests: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    stays: list[dict[str, Any]] = []
    reports: list[NewReport] = []
    for index, (registration, link) in enumerate(zip(registrations, stay_links, strict=True)):
        guest, document, stay_row = _rows(session, registration, property_id=prop.id, actor=actor, now=now,
                                          links=link)
        if link.parent_index is not None:
            if not 0 <= link.parent_index < len(stays):
                raise ValueError("a child's parent must come before the child in the same batch")
            stay_row["on_document_of"] = stays[link.parent_index]["id"]
        accepted = set(registration.accepted_warnings)
        if index not in repeated:  # "intended" is recorded only for a registration that did repeat one
            accepted.discard(duplicates.DUPLICATE)
        seq += 1
        for row in (guest, document, stay_row):
            row["row_seq"] = seq
        # The payload is built from exactly the values being stored (the rows themselves).
        new = new_report(
            seq=seq, prev_hash=prev_hash, registration={**stay_row, "guest": guest, "document": document},
            property_=prop, reported=Reported(
                ReportKind.CHECK_IN, registration.stay.arrival, now, actor, AuditAction.CHECK_IN, details={
                    "guest_id": guest["id"], "document_id": document["id"], "room": stay_row["room"],
                    "accepted_warnings": sorted(accepted),
                    "entry_method": document["entry_method"], "manual_reason": document["manual_reason"],
                    **_link_details(link, stay_row),
                    **({"repeats": [s.registration_id for s in repeated[index] if s.registration_id]}
                       if index in repeated else {}),
                    # Registered as printed despite a blocking finding: what, why and who approved it.
                    **({"override": registration.override.as_details()} if registration.override else {}),
                }, rows=row_digests.registration_items(stay_row, guest, document, new=True)),
        )
        prev_hash = new.event["hash"]
        guests.append(guest)
        documents.append(document)
        stays.append(stay_row)
        reports.append(new)
    conn = session.connection()
    conn.execute(insert(Guest), guests)
    conn.execute(insert(TravelDocumentRecord), documents)
    conn.execute(insert(Registration), stays)
    write_reports(session, reports)
    return [new.ref for new in reports]


def register_in_session(
    session: Session,
    registration: GuestRegistration,
    *,
    actor: str,
    now: datetime,
    property_id: int | None = None,
) -> ReportRef:
    """`register_guest` for callers that already hold a write transaction."""
    return register_many(session, [registration], actor=actor, now=now, property_id=property_id)[0]


def register_guest(
    db: Database,
    registration: GuestRegistration,
    *,
    actor: str,
    clock: Clock | None = None,
    property_id: int | None = None,
    returning_of: str | None = None,
) -> ReportRef:
    """Register a guest: guest, document, stay, the check-in report and its audit event, in one
    transaction. Raises InvalidRegistration (nothing written) for a record that cannot be reported.
    `returning_of`: the earlier stay a returning guest was matched to (checked again here before linking)."""
    now = (clock or SystemClock()).now()
    with db.write() as session:
        links = returning_links(session, registration, returning_of) if returning_of else StayLinks()
        return register_many(session, [registration], actor=actor, now=now, property_id=property_id,
                             links=[links])[0]


def returning_links(session: Session, registration: GuestRegistration, returning_of: str) -> StayLinks:
    """The links of a returning guest's new stay, once the rules confirm the match with the earlier stay."""
    person_id, rule = verify_returning(session, registration, returning_of)
    return StayLinks(person_id=person_id, returning_of=returning_of, match_rule=rule)
