"""The document core: every travel document a front desk meets, and precisely what is wrong with one.

Pure: no Qt, no database, no I/O. Functions take text or values and return values or findings.
"""

from __future__ import annotations

from datetime import date

from hotel_desk.documents.checkdigit import MRZ_ALPHABET, check_digit, mod11_2
from hotel_desk.documents.china import (
    validate_citizen_id,
    validate_document_number,
    validate_fprid,
    validate_hk_macao_permit_number,
    validate_taiwan_permit_number,
)
from hotel_desk.documents.chinese_name import (
    chinese_name_findings,
    chinese_name_required,
    document_chinese_name_findings,
)
from hotel_desk.documents.corrections import CONFUSIONS, correction_candidates
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import (
    Change,
    CheckDigit,
    CorrectionCandidate,
    DocumentFormat,
    DocumentKind,
    FieldSpan,
    Finding,
    MrzCheck,
    Severity,
    StayPlan,
    TravelDocument,
)
from hotel_desk.documents.mrz import (
    FieldFeedback,
    MrzFormatError,
    detect_format,
    format_td3,
    line_width,
    mrz_layout,
    normalize_mrz_text,
    pad_line,
    parse_mrz,
    split_names,
    typing_feedback,
)
from hotel_desk.documents.permits import decode_chinese_name, format_permit, single_line_findings
from hotel_desk.documents.validity import age_on, validate

__all__ = [
    "CONFUSIONS",
    "MRZ_ALPHABET",
    "Change",
    "CheckDigit",
    "CorrectionCandidate",
    "DocumentFormat",
    "DocumentKind",
    "FieldFeedback",
    "FieldSpan",
    "Finding",
    "MrzCheck",
    "MrzFormatError",
    "Severity",
    "StayPlan",
    "TravelDocument",
    "age_on",
    "check_digit",
    "check_manual_document",
    "check_mrz",
    "chinese_name_findings",
    "chinese_name_required",
    "correction_candidates",
    "decode_chinese_name",
    "detect_format",
    "document_chinese_name_findings",
    "format_permit",
    "format_td3",
    "line_width",
    "make_finding",
    "manual_document",
    "mod11_2",
    "mrz_layout",
    "normalize_mrz_text",
    "pad_line",
    "parse_mrz",
    "split_names",
    "typing_feedback",
    "validate",
    "validate_citizen_id",
    "validate_document_number",
    "validate_fprid",
    "validate_hk_macao_permit_number",
    "validate_taiwan_permit_number",
]


def _shape_findings(lines: list[str]) -> list[Finding]:
    """Why lines are not an MRZ: too short (typing not finished, or a partial read) or another shape."""
    if not lines:
        return [make_finding("mrz.empty", "mrz")]
    if permit := single_line_findings(lines):
        return permit  # a mainland resident's exit-entry permit card prints one line: not "incomplete"
    count = len(lines)
    longest = max(len(line) for line in lines)
    expected: tuple[int, ...] = {3: (30,), 2: (36, 44)}.get(count, ())
    if count == 2 and lines[0].startswith("P"):
        expected = (44,)  # passports are TD3; a short first line is still being typed
    target = next((n for n in expected if longest <= n), None)
    if target is not None:
        return [
            make_finding("mrz.incomplete", "mrz", line=i + 1, length=len(line), expected=target)
            for i, line in enumerate(lines)
            if len(line) < target
        ] or [make_finding("mrz.layout", "mrz", lines=count, lengths="/".join(str(len(x)) for x in lines))]
    if count == 1 and longest <= 44 and "<" in lines[0]:
        width = longest if longest in (30, 36, 44) else 44
        return [make_finding("mrz.incomplete", "mrz", line=2, length=0, expected=width)]
    return [make_finding("mrz.layout", "mrz", lines=count, lengths="/".join(str(len(x)) for x in lines))]


def check_mrz(
    text_or_lines: str | list[str] | tuple[str, ...],
    *,
    today: date,
    stay: StayPlan | None = None,
    candidates: bool = True,
) -> MrzCheck:
    """Parse, validate and (when check digits fail) propose corrections. Never raises for bad input."""
    lines = normalize_mrz_text(text_or_lines)
    if detect_format(lines) is None:
        return MrzCheck(document=None, findings=tuple(_shape_findings(lines)))
    document = parse_mrz(lines, today=today)
    findings = validate(document, today=today, stay=stay)
    found = tuple(correction_candidates(lines)) if candidates and not document.check_digits_ok else ()
    return MrzCheck(document=document, findings=tuple(findings), candidates=found)


def manual_document(
    *,
    kind: DocumentKind,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    issuing_state: str = "",
    chinese_name: str = "",
) -> TravelDocument:
    """A document typed from its page when nothing can read it (or it has no MRZ, like many permits)."""
    return TravelDocument(
        format=DocumentFormat.MANUAL,
        kind=kind,
        document_code="",
        issuing_state=(issuing_state or nationality).strip().upper(),
        surname=" ".join(surname.upper().split()),
        given_names=" ".join(given_names.upper().split()),
        document_number=document_number.strip().upper().replace(" ", ""),
        nationality=nationality.strip().upper(),
        birth_date=birth_date,
        sex=(sex or "X").upper()[:1],
        expiry_date=expiry_date,
        chinese_name=chinese_name.strip(),
    )


def check_manual_document(document: TravelDocument, *, today: date, stay: StayPlan | None = None) -> list[Finding]:
    """Findings for a typed document: the number rules of its kind and every date, country and stay rule a
    read document gets. Which fields must be filled in, and the reason for typing it, are the registration
    gate's (hotel_desk.rules.gate), not the document's."""
    findings = validate(document, today=today, stay=stay)
    order = {"error": 0, "warning": 1, "info": 2}
    unique = {(f.code, f.field): f for f in findings}
    return sorted(unique.values(), key=lambda f: order[f.severity.value])
