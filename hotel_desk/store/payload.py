"""The canonical registration record: the immutable JSON snapshot every report carries.

Built by the store in the same transaction as the change it reports; the reporting layer maps it to a
city's or vendor's layout. Key names: docs/store.md ("The report payload"). Dates are ISO
YYYY-MM-DD; `event_time` and `deadline_at` are UTC; the guest's check-in and check-out times carry the
property's local offset because that is how the police read them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from hotel_desk.clock import local_zone
from hotel_desk.rules import record
from hotel_desk.rules.reports import REPORT_WINDOW
from hotel_desk.store.audit import canonical_json, iso_utc, sha256_hex
from hotel_desk.store.models import Property, Registration

#: The keys of the payload's guest object: the record's reported fields (hotel_desk.rules.record).
GUEST_KEYS = record.PAYLOAD_KEYS


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _local(moment: datetime | None, zone: str) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(local_zone(zone)).isoformat(timespec="seconds")


def _column(source: Any, column: str) -> Any:
    return source[column] if isinstance(source, Mapping) else getattr(source, column)


def guest_record(registration: Registration | Any, property_: Property) -> dict[str, Any]:
    """The payload's guest object. `registration` is a Registration (with its guest and document) or a mapping
    of its column values with `guest` and `document` mappings beside them (bulk inserts pass the rows they are
    about to write)."""
    parts = {
        record.Part.GUEST: _column(registration, "guest"),
        record.Part.DOCUMENT: _column(registration, "document"),
        record.Part.STAY: registration,
    }
    values: dict[str, Any] = {}
    for spec in record.FIELDS:
        if not spec.reported:
            continue
        value = _column(parts[spec.part], spec.column)
        if spec.type is record.FieldType.DATE:
            value = _date(value)
        elif spec.type is record.FieldType.TIME:
            value = _local(value, property_.timezone)
        values[spec.key] = value
    return values


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
        "registration_id": _column(registration, "id"),
        "corrects_report_id": corrects_report_id,
        "event_time": iso_utc(event_time),
        "deadline_at": iso_utc(event_time + REPORT_WINDOW),
        "hotel_code": property_.hotel_code,
        "substation_code": property_.substation_code,
        "guest": guest_record(registration, property_),
    }
    return canonical_json(payload), payload


def nil_payload(*, report_id: str, property_: Property, day: date, event_time: datetime) -> tuple[str, dict[str, Any]]:
    """The payload of a nil report ("no foreign guests" on `day`, the property's local date): the report's
    envelope with `report_date` and no guest. `event_time` is the end of that day (the 24 hours run from it)."""
    payload = {
        "report_id": report_id,
        "kind": "nil",
        "registration_id": None,
        "corrects_report_id": None,
        "event_time": iso_utc(event_time),
        "deadline_at": iso_utc(event_time + REPORT_WINDOW),
        "hotel_code": property_.hotel_code,
        "substation_code": property_.substation_code,
        "report_date": day.isoformat(),
        "guest": None,
    }
    return canonical_json(payload), payload


def payload_digest(payload_text: str) -> str:
    return sha256_hex(payload_text)


def load_payload(payload_text: str) -> dict[str, Any]:
    value = json.loads(payload_text)
    assert isinstance(value, dict)
    return value
