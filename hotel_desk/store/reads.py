"""What the audited views share: who may read, how a read is recorded, how a guest is named and found.

Personal data (names, documents, payloads) is only returned by functions that take the reading desk user
(`actor`) and append an audit event in the same transaction as the read: the police ask who looked at whose
passport and when. Views without names (the queue by room and deadline) are not audited.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.models import Guest, Registration, TravelDocumentRecord

__all__ = ["audit_read", "display_name", "field_errors", "guest_search", "now_of"]


def now_of(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def field_errors(text: str | None) -> list[dict[str, str]]:
    value: Any = json.loads(text) if text else []
    return list(value)


def display_name(surname: str, given: str, chinese: str) -> str:
    latin = f"{surname}, {given}" if given else surname
    return f"{latin} ({chinese})" if chinese and latin else (latin or chinese)


def guest_search(term: str) -> tuple[str, list[ColumnElement[bool]]]:
    """What a search box matches (case-insensitively): the room, the guest's names, the document number.
    Returns the LIKE pattern (for callers that match more columns) and the conditions, to be OR-ed; the query
    must join Registration, Guest and TravelDocumentRecord."""
    like = f"%{term.lower()}%"
    return like, [
        func.lower(Registration.room).like(like),
        func.lower(Guest.surname_en).like(like),
        func.lower(Guest.given_names_en).like(like),
        Guest.chinese_name.like(f"%{term}%"),
        func.lower(TravelDocumentRecord.document_number).like(like),
    ]


def audit_read(
    session: Session, *, actor: str, entity_type: str, entity_id: str, at: datetime, purpose: str, what: str
) -> int:
    """One personal-data read in the audit trail (same transaction as the read). Returns its seq."""
    event = append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_READ, entity_type=entity_type,
                         entity_id=entity_id, at=at, details={"purpose": purpose, "what": what})
    return event.seq
