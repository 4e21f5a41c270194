"""The canonical registration record: the immutable JSON snapshot every report carries.

Built by the store in the same transaction as the change it reports; the reporting layer maps it to a
city's or vendor's layout. Key names: docs/store.md ("The report payload"). Dates are ISO
YYYY-MM-DD; `event_time` and `deadline_at` are UTC; the guest's check-in and check-out times carry the
property's local offset because that is how the police read them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from hotel_desk.clock import local_zone
from hotel_desk.rules.reports import REPORT_WINDOW
from hotel_desk.store.audit import canonical_json, iso_utc, sha256_hex
from hotel_desk.store.models import Property, Registration

GUEST_KEYS = (
    "surname_en", "given_names_en", "chinese_name", "sex", "birth_date", "nationality", "document_type",
    "document_number", "document_expiry", "visa_type", "visa_number", "stay_until", "entry_date",
    "port_of_entry", "check_in_time", "room", "planned_departure", "check_out_time", "came_from",
    "going_to", "reason", "document_photo_sha256",
)


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _local(moment: datetime | None, zone: str) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(local_zone(zone)).isoformat(timespec="seconds")


def guest_record(registration: Registration | Any, property_: Property) -> dict[str, Any]:
    """`registration` is a Registration or any object with the same attributes (bulk inserts pass
    attribute views of the rows they are about to write)."""
    guest = registration.guest
    document = registration.document
    return {
        "surname_en": guest.surname_en,
        "given_names_en": guest.given_names_en,
        "chinese_name": guest.chinese_name,
        "sex": guest.sex,
        "birth_date": _date(guest.birth_date),
        "nationality": guest.nationality,
        "document_type": document.kind,
        "document_number": document.document_number,
        "document_expiry": _date(document.expiry_date),
        "visa_type": registration.visa_type,
        "visa_number": registration.visa_number,
        "stay_until": _date(registration.stay_until),
        "entry_date": _date(registration.entry_date),
        "port_of_entry": registration.port_of_entry,
        "check_in_time": _local(registration.arrival_at, property_.timezone),
        "room": registration.room,
        "planned_departure": _date(registration.planned_departure),
        "check_out_time": _local(registration.checked_out_at, property_.timezone),
        "came_from": registration.came_from,
        "going_to": registration.going_to,
        "reason": registration.reason,
        "document_photo_sha256": document.page_image_sha256,
    }


def build_payload(
    *,
    report_id: str,
    kind: str,
    registration: Registration | Any,
    property_: Property,
    event_time: datetime,
    corrects_report_id: str | None,
) -> tuple[str, dict[str, Any]]:
    """The payload as canonical JSON text (what is stored and hashed) and as a dict."""
    payload = {
        "report_id": report_id,
        "kind": kind,
        "registration_id": registration.id,
        "corrects_report_id": corrects_report_id,
        "event_time": iso_utc(event_time),
        "deadline_at": iso_utc(event_time + REPORT_WINDOW),
        "hotel_code": property_.hotel_code,
        "substation_code": property_.substation_code,
        "guest": guest_record(registration, property_),
    }
    return canonical_json(payload), payload


def payload_digest(payload_text: str) -> str:
    return sha256_hex(payload_text)


def load_payload(payload_text: str) -> dict[str, Any]:
    value = json.loads(payload_text)
    assert isinstance(value, dict)
    return value
