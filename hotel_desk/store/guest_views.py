"""The guest views: who is in house (searchable), one registration in full for the detail and correction
screens, the stored page image and a report's payload as shown to a person. Every one is an audited read
(see hotel_desk.store.reads).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import NotFound, require_actor
from hotel_desk.store.models import Guest, Registration, RegistrationStatus, Report, TravelDocumentRecord
from hotel_desk.store.payload import load_payload
from hotel_desk.store.reads import audit_read, display_name, guest_search, now_of
from hotel_desk.store.report_views import ReportView, report_views
from hotel_desk.store.sealed_data import open_page_image


@dataclass(frozen=True)
class InHouseGuest:
    registration_id: str
    guest_id: str
    room: str
    surname_en: str
    given_names_en: str
    chinese_name: str
    nationality: str
    document_number: str
    arrival_at: datetime
    planned_departure: date | None
    group_id: str | None = None  # checked in with a group (to check the group out together)

    @property
    def display_name(self) -> str:
        return display_name(self.surname_en, self.given_names_en, self.chinese_name)


def guests_in_house(
    db: Database,
    *,
    actor: str,
    search: str | None = None,
    limit: int = 500,
    clock: Clock | None = None,
) -> list[InHouseGuest]:
    """Guests currently in house, by room. `search` matches (case-insensitively) the room, names or
    document number. Audited as a personal-data listing by `actor`, with the search text."""
    require_actor(actor, "listing guests")
    now = now_of(clock)
    with db.write() as session:
        query = (
            select(Registration, Guest, TravelDocumentRecord.document_number)
            .join(Guest, Guest.id == Registration.guest_id)
            .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
            .where(Registration.status == RegistrationStatus.IN_HOUSE.value)
        )
        term = (search or "").strip()
        if term:
            query = query.where(or_(*guest_search(term)[1]))
        rows = session.execute(query.order_by(Registration.room, Registration.arrival_at).limit(limit)).all()
        result = [
            InHouseGuest(
                registration_id=reg.id, guest_id=guest.id, room=reg.room, surname_en=guest.surname_en,
                given_names_en=guest.given_names_en, chinese_name=guest.chinese_name,
                nationality=guest.nationality, document_number=number, arrival_at=reg.arrival_at,
                planned_departure=reg.planned_departure, group_id=reg.group_id,
            )
            for reg, guest, number in rows
        ]
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="guests_in_house", at=now, details={"search": term, "count": len(result)})
        return result


def _registration(session: Session, registration_id: str) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None:
        raise NotFound(f"no registration {registration_id}")
    return reg


@dataclass(frozen=True)
class RegistrationDetail:
    registration_id: str
    status: str
    property_id: int
    guest: dict[str, Any]
    document: dict[str, Any]
    stay: dict[str, Any]
    reports: list[ReportView]
    has_page_image: bool


def registration_detail(
    db: Database, registration_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> RegistrationDetail:
    """Everything recorded about one stay, for the detail and correction screens. Audited."""
    require_actor(actor, "reading a registration")
    now = now_of(clock)
    with db.write() as session:
        reg = _registration(session, registration_id)
        guest, doc = reg.guest, reg.document
        detail = RegistrationDetail(
            registration_id=reg.id, status=reg.status, property_id=reg.property_id,
            guest={
                "guest_id": guest.id, "surname_en": guest.surname_en, "given_names_en": guest.given_names_en,
                "chinese_name": guest.chinese_name, "sex": guest.sex, "birth_date": guest.birth_date,
                "nationality": guest.nationality,
            },
            document={
                "document_id": doc.id, "format": doc.format, "kind": doc.kind, "document_code": doc.document_code,
                "document_number": doc.document_number, "issuing_state": doc.issuing_state,
                "nationality": doc.nationality, "expiry_date": doc.expiry_date,
                "mrz": doc.mrz.split("\n") if doc.mrz else [], "page_image_sha256": doc.page_image_sha256,
                "entry_method": doc.entry_method, "manual_reason": doc.manual_reason or "",
            },
            stay={
                "room": reg.room, "arrival_at": reg.arrival_at, "planned_departure": reg.planned_departure,
                "checked_out_at": reg.checked_out_at, "visa_type": reg.visa_type,
                "visa_number": reg.visa_number, "stay_until": reg.stay_until, "entry_date": reg.entry_date,
                "port_of_entry": reg.port_of_entry, "came_from": reg.came_from, "going_to": reg.going_to,
                "reason": reg.reason, "created_by": reg.created_by, "created_at": reg.created_at,
            },
            reports=report_views(session, reg.id),
            has_page_image=doc.page_image is not None,
        )
        audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now, purpose=purpose,
                    what="registration_detail")
        return detail


def document_page_image(
    db: Database, registration_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> bytes | None:
    """The stored photo of the document page. Audited."""
    require_actor(actor, "reading a document image")
    now = now_of(clock)
    with db.write() as session:
        reg = _registration(session, registration_id)
        audit_read(session, actor=actor, entity_type="registration", entity_id=reg.id, at=now, purpose=purpose,
                    what="document_page_image")
        return open_page_image(session, reg.document)


def report_payload(
    db: Database, report_id: str, *, actor: str, purpose: str = "", clock: Clock | None = None
) -> dict[str, Any]:
    """A report's payload shown to a person (e.g. "what exactly did we send?"). Audited."""
    require_actor(actor, "reading a report payload")
    now = now_of(clock)
    with db.write() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFound(f"no report {report_id}")
        audit_read(session, actor=actor, entity_type="report", entity_id=report.id, at=now, purpose=purpose,
                    what="report_payload")
        return load_payload(report.payload)


def record_personal_data_read(
    db: Database,
    *,
    actor: str,
    entity_type: str,
    entity_id: str,
    purpose: str = "",
    what: str = "",
    clock: Clock | None = None,
) -> int:
    """Audit a read of personal data that happened elsewhere (a printed form, a fax preview, a CLI
    listing). Returns the audit event's sequence number."""
    require_actor(actor, "an audited read")
    now = now_of(clock)
    with db.write() as session:
        return audit_read(session, actor=actor, entity_type=entity_type, entity_id=entity_id, at=now,
                           purpose=purpose, what=what)
