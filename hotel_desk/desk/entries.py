"""Between what the receptionist confirms (`GuestEntry`) and what the store keeps: the document as confirmed,
the registration to submit, a stored registration back as an entry (for a correction), and what a correction
changes. Pure: no database, no Qt.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from hotel_desk.desk.views import GuestEntry
from hotel_desk.documents import DocumentKind, StayPlan, TravelDocument, manual_document, parse_mrz
from hotel_desk.rules import record
from hotel_desk.rules.record import GuestRegistration, Override, StayDetails

_ENTRY_FIELDS = frozenset(f.name for f in dataclasses.fields(GuestEntry))


def document_kind(entry: GuestEntry) -> DocumentKind:
    try:
        return DocumentKind(entry.document_type or "passport")
    except ValueError:
        return DocumentKind.OTHER


def typed_document(entry: GuestEntry) -> TravelDocument:
    """The document as typed from its page (no MRZ)."""
    return manual_document(
        kind=document_kind(entry), surname=entry.surname_en, given_names=entry.given_names_en,
        document_number=entry.document_number, nationality=entry.nationality, birth_date=entry.birth_date,
        sex=entry.sex, expiry_date=entry.document_expiry, issuing_state=entry.issuing_state,
        chinese_name=entry.chinese_name,
    )


def document_for(entry: GuestEntry, today: date) -> TravelDocument:
    """The document as confirmed at the desk: the MRZ read (kept verbatim) with the receptionist's edits."""
    if not entry.mrz_lines:
        return typed_document(entry)
    parsed = parse_mrz(list(entry.mrz_lines), today=today)
    return dataclasses.replace(
        parsed, kind=document_kind(entry), surname=entry.surname_en, given_names=entry.given_names_en,
        document_number=entry.document_number, nationality=entry.nationality, birth_date=entry.birth_date,
        sex=entry.sex or "X", expiry_date=entry.document_expiry,
        issuing_state=entry.issuing_state or parsed.issuing_state, chinese_name=entry.chinese_name,
    )


def stay_plan(entry: GuestEntry, today: date) -> StayPlan:
    """The stay as the document checks see it: the guest arrives today."""
    return StayPlan(arrival=today, departure=entry.planned_departure, permit_stay_until=entry.stay_until,
                    visa_type=entry.visa_type)


def registration_for(entry: GuestEntry, *, arrival: datetime, today: date,
                     override: Override | None = None) -> GuestRegistration:
    stay = StayDetails(
        room=entry.room, arrival=arrival, planned_departure=entry.planned_departure, visa_type=entry.visa_type,
        visa_number=entry.visa_number, stay_until=entry.stay_until, entry_date=entry.entry_date,
        port_of_entry=entry.port_of_entry, came_from=entry.came_from, going_to=entry.going_to,
        reason=entry.reason,
    )
    return GuestRegistration(
        document=document_for(entry, today), stay=stay, chinese_name=entry.chinese_name,
        page_image=entry.page_image, accepted_warnings=tuple(entry.accepted_warnings),
        entry_method=entry.entry_method or None, manual_reason=entry.manual_reason, override=override,
    )


def entry_from_record(parts: dict[record.Part, dict[str, Any]], mrz_lines: tuple[str, ...] = ()) -> GuestEntry:
    """A stored registration (its guest, document and stay columns) as the form shows it."""
    values: dict[str, Any] = {f.key: parts[f.part].get(f.column) for f in record.FIELDS if f.key in _ENTRY_FIELDS}
    return GuestEntry(**values, mrz_lines=mrz_lines)


def corrections(before: GuestEntry, after: GuestEntry) -> dict[str, Any]:
    """What a correction changes: the correctable fields whose value differs (blank and missing are the same)."""
    changes: dict[str, Any] = {}
    for key in sorted(record.CORRECTABLE & _ENTRY_FIELDS):
        new, old = getattr(after, key), getattr(before, key)
        if new != old and not (new in (None, "") and old in (None, "")):
            changes[key] = new
    return changes


def image_size(data: bytes) -> tuple[int, int] | None:
    """The pixel size of an image (PNG, JPEG, ...), None when `data` is not an image Pillow can open."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
