"""The validation rules for one record (layout "intake-v1", see docs/intake-protocol.md): one place for them.

The training intake applies exactly these rules, so a record it accepts is one a real intake built to the
same protocol accepts; `reports check` applies them before asking the intake; and the desk's registration
gate can apply them to a registration before it is saved (`validate_payload` on its report payload, and
`check_page_image` on the page image), so that what the intake would refuse is refused at the desk, with the
field named, before anything is stored. The lengths are within the store's columns, so a record that passes
never meets a database error (on PostgreSQL, a value too long for its column is one).

Rules: required fields by report kind; formats and codes; lengths; no control characters in any text;
Chinese names in Chinese characters; plausible dates (nothing before 1900; born before the check-in;
entered the country after birth and not after the check-in; the check-in not before the entry; the
document valid at the check-in; departure and stay limits not before the check-in and the entry).
Comparisons of a date with a check-in *time* allow one day, as the date is local and the time UTC.

Pure: takes values and returns field errors, never raises on bad input, never looks at today's date.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from hotel_desk.documents.model import DocumentKind
from hotel_desk.reporting.mapping import FieldMapping, MappingError, load_mapping
from hotel_desk.reporting.protocol import FieldError

REPORT_KINDS = ("check_in", "check_out", "correction", "cancellation")
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
    "reason", "document_photo_sha256",
)

_IDENTITY = ("surname_en", "sex", "birth_date", "nationality", "document_type", "document_number")
REQUIRED_BY_KIND: dict[str, tuple[str, ...]] = {
    "check_in": (*_IDENTITY, "check_in_time", "room"),
    "correction": (*_IDENTITY, "check_in_time", "room", "corrects_report_id"),
    "check_out": ("surname_en", "nationality", "document_type", "document_number", "check_out_time"),
    "cancellation": ("corrects_report_id", "document_number"),
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
# Han characters (the unified ideographs and their extensions, compatibility ideographs) and the middle dots
# that separate the parts of a transliterated foreign name (约翰·史密斯).
_CHINESE_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·•・]+$")
#: Nothing a registration records happened before this (nobody registering is older).
EARLIEST = date(1900, 1, 1)
#: A document or a permitted stay that ends after this is a typing error, not a long visa.
LATEST = date(2200, 1, 1)
_DAY = timedelta(days=1)


def _has_control(text: str) -> bool:
    """Control and format characters (newline, NUL, bidi overrides...) have no place in a record's text."""
    if text.isprintable():  # the common case, in C; it is False also for spaces other than ' ', so look closer
        return False
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text)


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
                                     "planned_departure"), _parse_date, "must be a date YYYY-MM-DD")

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
    formatted("chinese_name", _CHINESE_NAME, ": Chinese characters only (and · between the parts of a name)")
    for name, limit in _MAX_TEXT.items():
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            err(name, "invalid_format", f"{name} must be text")
        elif len(value) > limit:
            err(name, "too_long", f"{name} is longer than {limit} characters")
    flagged = {e.field for e in errors}
    for name in RECORD_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and name not in flagged and _has_control(value):
            err(name, "invalid_format", f"{name} contains control characters (a line break, a tab...)")

    _plausible(record, times, dates, err)
    return errors


def _plausible(record: Mapping[str, Any], times: Mapping[str, datetime], dates: Mapping[str, date],
               err: Callable[[str | None, str, str], None]) -> None:
    """Plausibility across fields: the checks a police clerk would make first."""
    for name, moment in times.items():
        if moment.date() < EARLIEST:
            err(name, "out_of_range", f"{name} is before {EARLIEST.year}")
    for name, day in dates.items():
        if day < EARLIEST:
            err(name, "out_of_range", f"{name} is before {EARLIEST.year}")
        elif day > LATEST:
            err(name, "out_of_range", f"{name} is after {LATEST.year}")
    check_in = times.get("check_in_time")
    check_out = times.get("check_out_time")
    arrived = check_in.date() if check_in is not None else None
    birth = dates.get("birth_date")
    entry = dates.get("entry_date")
    if birth is not None and arrived is not None and birth > arrived + _DAY:
        err("birth_date", "out_of_range", "birth_date is after the check-in")
    if entry is not None and birth is not None and entry < birth:
        err("entry_date", "out_of_range", "entry_date is before the guest was born")
    if entry is not None and arrived is not None and entry > arrived + _DAY:
        # The check-in cannot come before the guest entered the country; an entry date in the future of
        # the stay is a typing error.
        err("entry_date", "out_of_range", "entry_date is after the check-in (the guest cannot check in before "
            "entering the country)")
    expiry = dates.get("document_expiry")
    if expiry is not None and arrived is not None and expiry < arrived - _DAY:
        err("document_expiry", "expired", "the document had expired before the check-in")
    departure = dates.get("planned_departure")
    if departure is not None and arrived is not None and departure < arrived - _DAY:
        err("planned_departure", "out_of_range", "planned_departure is before the check-in")
    stay_until = dates.get("stay_until")
    if stay_until is not None and entry is not None and stay_until < entry:
        err("stay_until", "out_of_range", "stay_until is before the entry_date")
    if check_in is not None and check_out is not None and check_out < check_in:
        err("check_out_time", "out_of_range", "check_out_time is before check_in_time")


def validate_payload(payload: Mapping[str, Any], *, hotel_id: str | None = None,
                     mapping: FieldMapping | None = None) -> list[FieldError]:
    """The intake's verdict on a report payload (the store's canonical snapshot of a registration), at the
    desk: mapped to the intake layout, then validated. For the registration gate: refuse what the intake
    would refuse, naming the field, before anything is saved. Field names are the layout's (for intake-v1,
    the payload's own `guest.<name>` leaf names)."""
    layout = mapping or load_mapping()
    try:
        record = layout.apply(payload, {"hotel_id": hotel_id or payload.get("hotel_code") or ""})
    except MappingError as exc:
        return [FieldError(exc.field, exc.code, exc.message)]
    return validate_record(record, hotel_id=hotel_id)


#: Magic numbers of the image formats a page scan or photo arrives in.
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
)
MAX_PAGE_IMAGE_BYTES = 20 * 1024 * 1024


def page_image_format(data: bytes) -> str | None:
    """The image format `data` starts like (JPEG, PNG, TIFF, BMP, GIF, WEBP, JPEG 2000), else None."""
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or data.startswith(b"\xff\x4f\xff\x51"):
        return "JPEG 2000"
    return None


def check_page_image(data: bytes | None) -> FieldError | None:
    """The document page kept with a registration must be an image (not a text file, not /etc/passwd) and
    of a sane size. None when it is fine or there is none."""
    if data is None or data == b"":
        return None
    if len(data) > MAX_PAGE_IMAGE_BYTES:
        return FieldError("document_photo", "too_long",
                          f"the page image is larger than {MAX_PAGE_IMAGE_BYTES // (1024 * 1024)} MB")
    if page_image_format(data) is None:
        return FieldError("document_photo", "invalid_format",
                          "the page image is not an image (JPEG, PNG, TIFF, BMP, GIF, WebP or JPEG 2000)")
    return None
