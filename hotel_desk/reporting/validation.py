"""The intake's validation of one wire record (layout "intake-v1", docs/intake-protocol.md).

The guest's data is judged by the one record validation, hotel_desk.rules.validation (lengths, characters,
codes, plausible dates, the page image), which the registration gate applies at the desk before anything is
saved; this module adds what only a wire record has: its envelope (report id and kind, the fields each kind
requires, the event time, the hotel it must belong to, no unknown fields) and the wire's formats (ISO dates,
times with an offset, names in capitals, the page digest in hex). The training intake applies exactly this;
`reports check` applies it before asking an intake. A finding of the record validation becomes a FieldError
with the protocol's error code (`INTAKE_CODES`) and the finding's English message.

Pure: takes values and returns field errors, never raises on bad input. `today` (the latest day it can be
where the record was made: `latest_day(received_at)` on an intake) is optional; without it an entry date in
the future is caught only against the check-in.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from hotel_desk.reporting.mapping import FieldMapping, MappingError, load_mapping
from hotel_desk.reporting.protocol import FieldError
from hotel_desk.rules.validation import DOCUMENT_TYPES, INTAKE_CODES, VISA_TYPES, check_record, has_control

REPORT_KINDS = ("check_in", "check_out", "correction", "cancellation", "nil")
#: The wire's sexes (the layouts map the MRZ's "<" to X).
SEXES = ("M", "F", "X")

#: Every field of an intake-v1 record, in the order the protocol lists them (CSV columns follow it).
RECORD_FIELDS = (
    "report_id", "report_kind", "corrects_report_id", "event_time", "hotel_code", "substation_code",
    "surname_en", "given_names_en", "chinese_name", "sex", "birth_date", "nationality", "document_type",
    "document_number", "document_expiry", "visa_type", "visa_number", "stay_until", "entry_date",
    "port_of_entry", "check_in_time", "room", "planned_departure", "check_out_time", "came_from", "going_to",
    "reason", "document_photo_sha256", "report_date",
)

_IDENTITY = ("surname_en", "sex", "birth_date", "nationality", "document_type", "document_number")
REQUIRED_BY_KIND: dict[str, tuple[str, ...]] = {
    "check_in": (*_IDENTITY, "check_in_time", "room"),
    "correction": (*_IDENTITY, "check_in_time", "room", "corrects_report_id"),
    "check_out": ("surname_en", "nationality", "document_type", "document_number", "check_out_time"),
    "cancellation": ("corrects_report_id", "document_number"),
    # The daily "no foreign guests" report: the day it covers (the hotel's local date), no guest.
    "nil": ("report_date",),
}

_CAPITALS = re.compile(r"^[^a-z]*$")
_CODE = re.compile(r"^[A-Za-z0-9\-_.]{1,32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DATES = ("birth_date", "document_expiry", "stay_until", "entry_date", "planned_departure", "report_date")
_TIMES = ("event_time", "check_in_time", "check_out_time")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_time(value: Any) -> datetime | None:
    """ISO 8601 with an explicit offset: a time without a zone is ambiguous across the border."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def validate_record(record: Mapping[str, Any], *, hotel_id: str | None = None,
                    today: date | None = None) -> list[FieldError]:
    """All field errors of one wire record. `hotel_id` is the authenticated hotel: a record must be its own."""
    if not isinstance(record, Mapping):
        return [FieldError(None, "invalid_record", "a record must be a JSON object")]
    errors: list[FieldError] = []

    def err(field: str | None, code: str, message: str) -> None:
        errors.append(FieldError(field, code, message))

    for name in sorted(k for k in record if k not in RECORD_FIELDS):
        err(name, "unknown_field", f"{name} is not a field of an intake-v1 record")

    kind = record.get("report_kind")
    if kind not in REPORT_KINDS:
        err("report_kind", "unknown_code", f"report_kind must be one of {', '.join(REPORT_KINDS)}")
        required: tuple[str, ...] = ()
    else:
        required = REQUIRED_BY_KIND[kind]
    for name in ("report_id", "event_time", "hotel_code", *required):
        if _blank(record.get(name)):
            err(name, "required", f"{name} is required for a {kind or 'report'}")

    for name in ("report_id", "corrects_report_id"):
        value = record.get(name)
        if not _blank(value):
            try:
                uuid.UUID(str(value))
            except ValueError:
                err(name, "invalid_format", f"{name} must be a UUID")

    hotel = record.get("hotel_code")
    if hotel_id is not None and not _blank(hotel) and hotel != hotel_id:
        err("hotel_code", "mismatch", "hotel_code differs from the authenticated hotel id")

    def parsed(names: tuple[str, ...], parse: Callable[[Any], Any], message: str) -> dict[str, Any]:
        """The given (non-blank) fields that parse; an error for each one that does not."""
        values = {}
        for name in names:
            value = record.get(name)
            if _blank(value):
                continue
            got = parse(value)
            if got is None:
                err(name, "invalid_format", f"{name} {message}")
            else:
                values[name] = got
        return values

    def formatted(name: str, pattern: re.Pattern[str], message: str) -> None:
        value = record.get(name)
        if not _blank(value) and not (isinstance(value, str) and pattern.match(value)):
            err(name, "invalid_format", f"{name}{message}")

    formatted("substation_code", _CODE, ": letters, digits, '-', '_' or '.' (max 32)")
    times: dict[str, datetime] = parsed(_TIMES, _parse_time, "must be an ISO 8601 date-time with a UTC offset")
    dates: dict[str, date] = parsed(_DATES, _parse_date, "must be a date YYYY-MM-DD")
    for name in ("surname_en", "given_names_en", "nationality", "document_number", "visa_type"):
        formatted(name, _CAPITALS, " must be written in capitals, as the MRZ writes it")
    sex = record.get("sex")
    if not _blank(sex) and sex not in SEXES:  # the record allows the MRZ's "<"; the wire wants it mapped
        err("sex", "unknown_code", f"sex must be one of {', '.join(SEXES)}")
    if kind == "nil":
        for name in _IDENTITY:
            if not _blank(record.get(name)):
                err(name, "unexpected", f"a nil report names no guest: {name} must be empty")
    formatted("document_photo_sha256", _SHA256, " must be 64 lower-case hex digits")
    flagged = {e.field for e in errors}
    # The guest's data: the one record validation, on what parsed (a value flagged above is not judged twice).
    guest = {k: v for k, v in record.items() if k in RECORD_FIELDS and k not in flagged and k not in _TIMES
             and k not in _DATES}
    for finding in check_record({**guest, **dates, **times}, today=today):
        if finding.field not in flagged:
            err(finding.field, INTAKE_CODES[finding.code], finding.message_en)
            flagged.add(finding.field)
    for name in ("report_id", "corrects_report_id", "hotel_code", "substation_code", "event_time"):
        value = record.get(name)
        if isinstance(value, str) and name not in flagged and has_control(value):
            err(name, "invalid_format", f"{name} contains control characters (a line break, a tab...)")
    return errors


def validate_payload(payload: Mapping[str, Any], *, hotel_id: str | None = None,
                     mapping: FieldMapping | None = None, today: date | None = None) -> list[FieldError]:
    """The intake's verdict on a report payload (the store's canonical snapshot of a registration), at the
    desk: mapped to the intake layout, then validated. Field names are the layout's (for intake-v1, the
    payload's own `guest.<name>` leaf names)."""
    layout = mapping or load_mapping()
    try:
        record = layout.apply(payload, {"hotel_id": hotel_id or payload.get("hotel_code") or ""})
    except MappingError as exc:
        return [FieldError(exc.field, exc.code, exc.message)]
    return validate_record(record, hotel_id=hotel_id, today=today)


__all__ = ["DOCUMENT_TYPES", "RECORD_FIELDS", "REPORT_KINDS", "REQUIRED_BY_KIND", "SEXES", "VISA_TYPES",
           "validate_payload", "validate_record"]
