"""The guest record: every field a registration carries to the police, defined once.

Each field names its key (the report payload's guest key, the form's field and the desk's `GuestEntry`
attribute), the part of the record it belongs to (the guest, their document, or the stay) and the column it is
stored in there, its type, the size of that column, the longest value a police record takes (`limit`: what
the record validation, hotel_desk.rules.validation, allows and the form lets one type) and whether a correction
report may change it. The payload builder, the correction path, the registration form and the commands all read this
table instead of keeping lists of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from hotel_desk.documents.model import TravelDocument


class Part(StrEnum):
    GUEST = "guest"
    DOCUMENT = "document"
    STAY = "stay"


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"  # a calendar day (ISO YYYY-MM-DD in the payload)
    TIME = "time"  # a moment: stored in UTC, reported in the property's local time with its offset
    DIGEST = "digest"  # a SHA-256 computed by the store, never typed


@dataclass(frozen=True)
class RecordField:
    key: str
    part: Part
    column: str
    type: FieldType
    max_length: int | None = None  # text only: the size of its database column
    correctable: bool = True
    #: In the report payload's "guest" object (issuing_state is kept with the document but not reported).
    reported: bool = True
    #: The document core's name for it, where its findings say something else (TravelDocument.surname, ...).
    core_name: str = ""
    #: The longest value the police record takes (docs/intake-protocol.md), when shorter than the column.
    longest: int | None = None

    @property
    def finding_name(self) -> str:
        return self.core_name or self.key


def _f(key: str, part: Part, type_: FieldType = FieldType.TEXT, max_length: int | None = None, *,
       column: str = "", correctable: bool = True, reported: bool = True, core: str = "",
       longest: int | None = None) -> RecordField:
    return RecordField(key, part, column or key, type_, max_length, correctable, reported, core, longest)


G, D, S = Part.GUEST, Part.DOCUMENT, Part.STAY
TEXT, DATE, TIME = FieldType.TEXT, FieldType.DATE, FieldType.TIME

#: In the order of the report payload's guest object (docs/store.md, "The report payload").
FIELDS: tuple[RecordField, ...] = (
    _f("surname_en", G, TEXT, 200, core="surname", longest=60),
    _f("given_names_en", G, TEXT, 200, core="given_names", longest=80),
    _f("chinese_name", G, TEXT, 100, longest=30),
    _f("sex", G, TEXT, 1),
    _f("birth_date", G, DATE),
    _f("nationality", G, TEXT, 3),
    _f("document_type", D, TEXT, 40, column="kind", core="kind"),
    _f("document_number", D, TEXT, 40, longest=20),
    _f("document_expiry", D, DATE, column="expiry_date", core="expiry_date"),
    _f("visa_type", S, TEXT, 40),
    _f("visa_number", S, TEXT, 40, longest=20),
    _f("stay_until", S, DATE),
    _f("entry_date", S, DATE),
    _f("port_of_entry", S, TEXT, 80, longest=60),
    _f("check_in_time", S, TIME, column="arrival_at"),
    _f("room", S, TEXT, 20, longest=10),
    _f("planned_departure", S, DATE, core="departure"),
    _f("check_out_time", S, TIME, column="checked_out_at"),
    _f("came_from", S, TEXT, 200, longest=100),
    _f("going_to", S, TEXT, 200, longest=100),
    _f("reason", S, TEXT, 200, longest=100),
    _f("document_photo_sha256", D, FieldType.DIGEST, 64, column="page_image_sha256", correctable=False),
    _f("issuing_state", D, TEXT, 3, correctable=False, reported=False),
)
BY_KEY = {f.key: f for f in FIELDS}

#: The keys of the payload's guest object, in order.
PAYLOAD_KEYS = tuple(f.key for f in FIELDS if f.reported)
#: What a correction report may change.
CORRECTABLE = frozenset(f.key for f in FIELDS if f.correctable)
DATE_KEYS = frozenset(f.key for f in FIELDS if f.type is DATE)
TIME_KEYS = frozenset(f.key for f in FIELDS if f.type is TIME)

#: Why a document typed by hand has no machine-read zone: kept with the document (its column's size).
MANUAL_REASON_MAX = 200


def spec(key: str) -> RecordField:
    return BY_KEY[key]


def of_part(part: Part, keys: Iterable[str] | None = None) -> tuple[RecordField, ...]:
    wanted = None if keys is None else set(keys)
    return tuple(f for f in FIELDS if f.part is part and (wanted is None or f.key in wanted))


def max_length(key: str) -> int | None:
    return BY_KEY[key].max_length


def limit(key: str) -> int | None:
    """The longest value of a text field: what the police record takes, never more than its column keeps."""
    spec = BY_KEY[key]
    return spec.longest or spec.max_length


class EntryMethod(StrEnum):
    """How a document's data reached the desk (kept with the document and in the audit event)."""

    SCANNER = "scanner"  # a page image read by OCR: the scanner folder, or a scan opened or dropped
    CAMERA = "camera"  # the live camera at the desk
    READER = "reader"  # a passport reader (serial or keyboard wedge) read the MRZ
    TYPED_MRZ = "typed_mrz"  # the receptionist typed the MRZ lines (check digits checked)
    MANUAL = "manual"  # fields typed from the page, no MRZ used: needs a reason


ENTRY_METHODS = tuple(m.value for m in EntryMethod)
#: The ways an MRZ reaches the desk (a document given as typed fields is always MANUAL).
MRZ_ENTRY_METHODS = tuple(m.value for m in EntryMethod if m is not EntryMethod.MANUAL)


@dataclass(frozen=True)
class StayDetails:
    """The stay as the desk records it. `arrival` must be timezone-aware (use hotel_desk.clock.as_aware
    for what a receptionist typed)."""

    room: str
    arrival: datetime
    planned_departure: date | None = None
    visa_type: str = ""
    visa_number: str = ""
    stay_until: date | None = None
    entry_date: date | None = None
    port_of_entry: str = ""
    came_from: str = ""
    going_to: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Override:
    """A blocking finding registered as the document prints it (hotel_desk.rules.gate says which may be): the
    codes lifted, why, and the staff member whose role allows approving it. Kept in the audit event."""

    reason: str
    approved_by: str
    codes: tuple[str, ...] = ()

    def as_details(self) -> dict[str, object]:
        return {"codes": sorted(self.codes), "reason": self.reason.strip(), "approved_by": self.approved_by}


@dataclass(frozen=True)
class GuestRegistration:
    """One guest's registration as the desk submits it to the store."""

    document: TravelDocument
    stay: StayDetails
    chinese_name: str = ""
    page_image: bytes | None = None  # photo/scan of the document page, kept with the document
    #: Codes of the warning findings the receptionist accepted explicitly (recorded in the audit event).
    accepted_warnings: Sequence[str] = field(default_factory=tuple)
    #: How the document's data came in (an `EntryMethod` value; None when the caller cannot say, e.g. an
    #: import of MRZ text) and, for a document typed by hand, why. Kept on the document and in the audit event.
    entry_method: str | None = None
    manual_reason: str = ""
    #: A manager's approval to register the document as printed despite an overridable finding (None: none).
    override: Override | None = None


def record_values(registration: GuestRegistration) -> dict[str, object]:
    """The record a registration will be stored as, by record key (the check-in and check-out times and the
    photo's digest are the store's to fill in)."""
    doc, stay = registration.document, registration.stay
    return {
        "surname_en": doc.surname, "given_names_en": doc.given_names,
        "chinese_name": registration.chinese_name or doc.chinese_name, "sex": doc.sex or "X",
        "birth_date": doc.birth_date, "nationality": doc.nationality, "document_type": doc.kind.value,
        "document_number": doc.document_number, "document_expiry": doc.expiry_date,
        "issuing_state": doc.issuing_state, "visa_type": stay.visa_type, "visa_number": stay.visa_number,
        "stay_until": stay.stay_until, "entry_date": stay.entry_date, "port_of_entry": stay.port_of_entry,
        "room": stay.room.strip(), "planned_departure": stay.planned_departure, "came_from": stay.came_from,
        "going_to": stay.going_to, "reason": stay.reason,
    }
