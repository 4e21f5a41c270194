"""The intake's validation rules for one wire record (layout "intake-v1", see docs/intake-protocol.md).

The training intake server applies exactly these rules, so a record it accepts is one a real intake built
to the same protocol accepts. Pure: takes a record and returns field errors, never raises on bad input.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from hotel_desk.documents.model import DocumentKind
from hotel_desk.reporting.protocol import FieldError

REPORT_KINDS = ("check_in", "check_out", "correction", "cancellation", "nil")
SEXES = ("M", "F", "X")
DOCUMENT_TYPES = tuple(k.value for k in DocumentKind)
#: Visa and permit categories of the 2013 regulations, plus the non-visa grounds of stay seen at the desk.
VISA_TYPES = (
    "C", "D", "F", "G", "J1", "J2", "L", "M", "Q1", "Q2", "R", "S1", "S2", "X1", "X2", "Z",
    "DIPLOMATIC", "COURTESY", "SERVICE", "RESIDENCE_PERMIT", "VISA_FREE", "PERMANENT_RESIDENCE",
    "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "OTHER",
)

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

# Names as the MRZ gives them, transliterated to Latin letters: never silently dropped characters.
_LATIN_NAME = re.compile(r"^[A-Z][A-Z '\-]*$")
_NATIONALITY = re.compile(r"^[A-Z<]{3}$")
_DOC_NUMBER = re.compile(r"^[A-Z0-9]{1,20}$")
_CODE = re.compile(r"^[A-Za-z0-9\-_.]{1,32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MAX_TEXT = {
    "surname_en": 60, "given_names_en": 80, "chinese_name": 30, "room": 10, "port_of_entry": 60,
    "came_from": 100, "going_to": 100, "reason": 100, "visa_number": 20,
}


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


def validate_record(record: Mapping[str, Any], *, hotel_id: str | None = None) -> list[FieldError]:
    """All field errors of one wire record. `hotel_id` is the authenticated hotel: a record must be its own."""
    if not isinstance(record, Mapping):
        return [FieldError(None, "invalid_record", "a record must be a JSON object")]
    errors: list[FieldError] = []

    def err(field: str | None, code: str, message: str) -> None:
        errors.append(FieldError(field, code, message))

    unknown = sorted(k for k in record if k not in RECORD_FIELDS)
    for name in unknown:
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

    def coded(name: str, value: Any, codes: tuple[str, ...]) -> None:
        if not _blank(value) and value not in codes:
            err(name, "unknown_code", f"{name} must be one of {', '.join(codes)}")

    formatted("substation_code", _CODE, ": letters, digits, '-', '_' or '.' (max 32)")

    times: dict[str, datetime] = parsed(("event_time", "check_in_time", "check_out_time"), _parse_time,
                                        "must be an ISO 8601 date-time with a UTC offset")
    dates: dict[str, date] = parsed(("birth_date", "document_expiry", "stay_until", "entry_date",
                                     "planned_departure", "report_date"), _parse_date, "must be a date YYYY-MM-DD")
    if kind == "nil":
        for name in _IDENTITY:
            if not _blank(record.get(name)):
                err(name, "unexpected", f"a nil report names no guest: {name} must be empty")

    for name in ("surname_en", "given_names_en"):
        formatted(name, _LATIN_NAME, ": capital Latin letters, spaces, hyphens and apostrophes only "
                  "(transliterate as the MRZ does; do not drop characters)")
    coded("sex", record.get("sex"), SEXES)
    formatted("nationality", _NATIONALITY, " must be an ISO 3166 alpha-3 code as in the MRZ")
    coded("document_type", record.get("document_type"), DOCUMENT_TYPES)
    formatted("document_number", _DOC_NUMBER, ": 1-20 capital letters and digits, no fillers")
    visa = record.get("visa_type")
    coded("visa_type", None if _blank(visa) else str(visa).upper(), VISA_TYPES)
    formatted("document_photo_sha256", _SHA256, " must be 64 lower-case hex digits")
    for name, limit in _MAX_TEXT.items():
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            err(name, "invalid_format", f"{name} must be text")
        elif len(value) > limit:
            err(name, "too_long", f"{name} is longer than {limit} characters")

    # Plausibility across fields: the checks a police clerk would make first.
    check_in = times.get("check_in_time")
    check_out = times.get("check_out_time")
    birth = dates.get("birth_date")
    if birth is not None and check_in is not None and birth > check_in.date():
        err("birth_date", "out_of_range", "birth_date is after the check-in")
    expiry = dates.get("document_expiry")
    if expiry is not None and check_in is not None and expiry < check_in.date():
        err("document_expiry", "expired", "the document had expired before the check-in")
    if check_in is not None and check_out is not None and check_out < check_in:
        err("check_out_time", "out_of_range", "check_out_time is before check_in_time")
    return errors
