"""What a travel document is, once read: the value types shared by every layer.

Pure values, no behaviour beyond formatting: parsing lives in mrz.py, rules in validity.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DocumentFormat(StrEnum):
    """The machine-readable layout a document was read from (or MANUAL when typed without an MRZ)."""

    TD1 = "td1"  # ID cards: 3 lines x 30
    TD2 = "td2"  # older ID cards: 2 lines x 36
    TD3 = "td3"  # passports: 2 lines x 44
    MRV_A = "mrva"  # visas: 2 lines x 44
    MRV_B = "mrvb"  # visas: 2 lines x 36
    CN_PERMIT = "cn_permit"  # China's permit cards: 3 lines x 30, not laid out as ICAO TD1
    MANUAL = "manual"  # typed from the page, no MRZ


class DocumentKind(StrEnum):
    """What the document is at the desk (drives which rules apply and how it is reported)."""

    PASSPORT = "passport"
    ID_CARD = "id_card"
    RESIDENCE_PERMIT = "residence_permit"
    VISA = "visa"
    TRAVEL_DOCUMENT = "travel_document"  # refugee / stateless / other travel documents
    HK_MACAO_PERMIT = "hk_macao_permit"  # Mainland Travel Permit for Hong Kong and Macao Residents
    TAIWAN_PERMIT = "taiwan_permit"  # Mainland Travel Permit for Taiwan Residents
    FOREIGN_PERMANENT_RESIDENT_ID = "foreign_permanent_resident_id"  # 2017 or 2023 version
    CHINESE_CITIZEN_ID = "chinese_citizen_id"  # 18-digit resident identity card (companions only)
    OTHER = "other"


class Severity(StrEnum):
    ERROR = "error"  # the registration must not be saved as it is
    WARNING = "warning"  # saved only when the receptionist accepts it explicitly
    INFO = "info"  # worth knowing, nothing to do


@dataclass(frozen=True)
class Finding:
    """One thing wrong with (or notable about) a document or stay. `code` is stable: tests, the UI and the
    police export key on it; the messages are for people, in English and Simplified Chinese."""

    code: str
    severity: Severity
    field: str | None
    message_en: str
    message_zh: str

    def message(self, language: str = "en") -> str:
        return self.message_zh if language.lower().startswith("zh") else self.message_en

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message_en,
            "message_zh": self.message_zh,
        }


@dataclass(frozen=True)
class CheckDigit:
    """One check digit of an MRZ: which field it protects, what is printed and what the data gives."""

    field: str  # "document_number", "birth_date", "expiry_date", "optional_data", "composite", ...
    printed: str
    computed: str  # what the data gives under the rule that applies (ICAO, or the national variant)
    variant: str = ""  # issuing state whose own convention applies where ICAO's fails ("" for ICAO)

    @property
    def ok(self) -> bool:
        return self.printed == self.computed


@dataclass(frozen=True)
class FieldSpan:
    """Where a field sits in the MRZ lines (0-based line, [start, end) columns): for highlighting and
    for mapping OCR confidence to fields."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class TravelDocument:
    """A document as read. Dates are None when the printed value is not a real date (a finding says so);
    the raw printed text is always kept so nothing read is lost."""

    format: DocumentFormat
    kind: DocumentKind
    document_code: str  # e.g. "P<", "PO", "ID", "I<", "V<", "AC"
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    sex: str  # "M", "F" or "X" (unspecified, printed as '<')
    expiry_date: date | None
    optional_data: str = ""
    optional_data_2: str = ""
    birth_date_raw: str = ""
    expiry_date_raw: str = ""
    names_truncated: bool = False
    mrz_lines: tuple[str, ...] = ()
    check_digits: tuple[CheckDigit, ...] = ()
    spans: dict[str, FieldSpan] = field(default_factory=dict)
    chinese_name: str = ""
    issuing_authority: str = ""  # China's permit cards: the code of the authority that issued the card

    @property
    def check_digits_ok(self) -> bool:
        return all(c.ok for c in self.check_digits)

    @property
    def full_name(self) -> str:
        return f"{self.surname}, {self.given_names}" if self.given_names else self.surname

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format.value,
            "kind": self.kind.value,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "surname": self.surname,
            "given_names": self.given_names,
            "names_truncated": self.names_truncated,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "birth_date_raw": self.birth_date_raw,
            "sex": self.sex,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "expiry_date_raw": self.expiry_date_raw,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "chinese_name": self.chinese_name,
            "issuing_authority": self.issuing_authority,
            "mrz": list(self.mrz_lines),
            "check_digits": [
                {
                    "field": c.field,
                    "printed": c.printed,
                    "computed": c.computed,
                    "ok": c.ok,
                    "variant": c.variant,
                }
                for c in self.check_digits
            ],
        }


@dataclass(frozen=True)
class StayPlan:
    """What the stay checks need to know beyond the document itself."""

    arrival: date
    departure: date | None = None
    permit_stay_until: date | None = None  # last day the visa / permit / visa-free policy allows
    visa_type: str = ""


@dataclass(frozen=True)
class Change:
    """One character changed by a correction candidate (0-based line and column)."""

    line: int
    column: int
    old: str
    new: str


@dataclass(frozen=True)
class CorrectionCandidate:
    """MRZ lines that pass every check digit, reached from the read by a few common OCR confusions."""

    lines: tuple[str, ...]
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "mrz": list(self.lines),
            "changes": [
                {"line": c.line, "column": c.column, "old": c.old, "new": c.new} for c in self.changes
            ],
        }


@dataclass(frozen=True)
class MrzCheck:
    """The complete answer to 'what is this MRZ and what is wrong with it'."""

    document: TravelDocument | None
    findings: tuple[Finding, ...]
    candidates: tuple[CorrectionCandidate, ...] = ()

    @property
    def valid(self) -> bool:
        return self.document is not None and not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def has_warnings(self) -> bool:
        return any(f.severity is Severity.WARNING for f in self.findings)
