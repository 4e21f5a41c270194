"""Validity rules: everything a receptionist must know about a document and a stay before saving.

Each rule returns findings; nothing here raises for a document problem. `today` and the stay plan are
passed in (time is injected), so the same document gives the same findings in any test at any date.
"""

from __future__ import annotations

from datetime import date, timedelta

from hotel_desk.documents import countries, permits
from hotel_desk.documents.checkdigit import MRZ_ALPHABET
from hotel_desk.documents.conventions import LONG_NUMBER_WITH_FILLER
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import DocumentFormat, DocumentKind, Finding, StayPlan, TravelDocument

ADULT_AGE = 18
_SPECIMEN_WORDS = ("SPECIMEN", "SPECIMENT", "SPECIMAN", "MUSTERMANN", "MUSTERFRAU", "SAMPLE", "VZOR", "WZOR")


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def mrz_character_findings(lines: tuple[str, ...] | list[str]) -> list[Finding]:
    findings = []
    for li, line in enumerate(lines):
        for col, char in enumerate(line):
            if char not in MRZ_ALPHABET:
                findings.append(
                    make_finding("mrz.bad_character", "mrz", line=li + 1, column=col + 1, char=char)
                )
    return findings


def check_digit_findings(document: TravelDocument) -> list[Finding]:
    findings = []
    composite_ok = all(c.ok for c in document.check_digits if c.field == "composite")
    for c in document.check_digits:
        if c.ok and c.variant:
            variant = LONG_NUMBER_WITH_FILLER[c.variant]
            findings.append(
                make_finding(
                    "checkdigit.national_variant",
                    c.field,
                    country=variant.name_en,
                    country_zh=variant.name_zh,
                    rule=variant.rule_en,
                    rule_zh=variant.rule_zh,
                )
            )
        elif c.ok:
            continue
        elif c.field == "resident_id" and composite_ok:
            # One source places this digit (with an indexing slip): when the composite, which covers it,
            # passes, a mismatch more likely means the source is wrong than the card, so it warns.
            findings.append(
                make_finding("cn.permit_resident_id_check", c.field, printed=c.printed, computed=c.computed)
            )
        else:
            findings.append(
                make_finding(
                    f"check_digit.{c.field}",
                    c.field,
                    printed=c.printed,
                    computed=c.computed,
                    field_name_of=c.field,
                )
            )
    return findings


def date_findings(document: TravelDocument, today: date) -> list[Finding]:
    findings: list[Finding] = []
    for name, value, raw in (
        ("birth_date", document.birth_date, document.birth_date_raw),
        ("expiry_date", document.expiry_date, document.expiry_date_raw),
    ):
        if value is not None or document.format is DocumentFormat.MANUAL or not permits.dates_read(document):
            continue
        if name == "birth_date" and "<" in raw and raw[:2].isdigit():
            findings.append(make_finding("date.incomplete", name, raw=raw))
        else:
            findings.append(make_finding("date.invalid", name, raw=raw))
    if document.birth_date is not None:
        if document.birth_date > today:
            findings.append(make_finding("birth_date.future", "birth_date", date=document.birth_date))
        elif age_on(document.birth_date, today) > 120:
            findings.append(
                make_finding(
                    "birth_date.implausible",
                    "birth_date",
                    date=document.birth_date,
                    age=age_on(document.birth_date, today),
                )
            )
    return findings


def country_findings(document: TravelDocument) -> list[Finding]:
    findings: list[Finding] = []
    if document.format is DocumentFormat.CN_PERMIT:
        return findings  # issued by China; the holder's region follows from the card, not from a printed code
    for name, code in (("issuing_state", document.issuing_state), ("nationality", document.nationality)):
        if name == "nationality" and not code:
            # Some ID cards leave the nationality empty (e.g. Macao); the issuer then speaks for it.
            continue
        if code in countries.SPECIMEN_CODES:
            continue  # reported as a specimen document
        if code in countries.HISTORIC_CODES:
            findings.append(make_finding("country.historic", name, code=code))
        elif not countries.is_known_country(code):
            findings.append(make_finding("country.unknown", name, code=code or "<<<"))
        elif code in countries.ICAO_CODES and code not in ("D", "RKS"):
            findings.append(
                make_finding("country.reserved", name, code=code, name=countries.ICAO_CODES[code])
            )
    nationality, issuer = document.nationality, document.issuing_state
    if (
        nationality
        and issuer
        and nationality != issuer
        and not {nationality, issuer} <= {"D", "DEU"}
        and countries.is_known_country(nationality)
        and countries.is_known_country(issuer)
    ):
        findings.append(
            make_finding("nationality.differs", "nationality", nationality=nationality, issuer=issuer)
        )
    return findings


def specimen_findings(document: TravelDocument) -> list[Finding]:
    for name, code in (("issuing_state", document.issuing_state), ("nationality", document.nationality)):
        if code in countries.SPECIMEN_CODES:
            return [
                make_finding(
                    "document.specimen",
                    name,
                    reason=f"{code} is the code of a specimen state",
                    reason_zh=f"{code} 是样本国家代码",
                )
            ]
    words = set((document.surname + " " + document.given_names).split())
    hit = next((w for w in _SPECIMEN_WORDS if w in words), None)
    if hit in ("SPECIMEN", "SPECIMENT", "SPECIMAN", "SAMPLE"):
        return [
            make_finding(
                "document.specimen", "names", reason=f"the name reads {hit}", reason_zh=f"姓名为 {hit}"
            )
        ]
    if hit:
        return [make_finding("document.specimen_name", "names", name=hit)]
    return []


def document_type_findings(document: TravelDocument) -> list[Finding]:
    kind = document.kind
    if document.format is DocumentFormat.CN_PERMIT:
        return []  # permits.permit_findings says what the card is
    if kind is DocumentKind.VISA:
        return [make_finding("document.visa_not_identity", "document_code")]
    if kind is DocumentKind.ID_CARD:
        return [make_finding("document.id_card_not_accepted", "document_code")]
    if kind is DocumentKind.OTHER:
        return [make_finding("document.type_unknown", "document_code", code=document.document_code)]
    return []


def person_findings(document: TravelDocument) -> list[Finding]:
    findings: list[Finding] = []
    if document.format is DocumentFormat.CN_PERMIT and not permits.fully_read(document):
        return findings
    if not document.document_number:
        findings.append(make_finding("document.number_missing", "document_number"))
    if document.sex not in ("M", "F", "X"):
        findings.append(make_finding("document.sex_invalid", "sex", raw=document.sex))
    if not document.surname:
        findings.append(make_finding("names.missing_surname", "surname"))
    if document.names_truncated and document.format is not DocumentFormat.MANUAL:
        findings.append(make_finding("names.truncated", "names"))
    if document.mrz_lines and document.format is not DocumentFormat.MANUAL:
        span = document.spans.get("names")
        if span is not None:
            field = document.mrz_lines[span.line][span.start : span.end]
            if "<<" not in field.rstrip("<") and "<" in field.rstrip("<"):
                findings.append(make_finding("names.single_filler", "names"))
    return findings


def stay_findings(document: TravelDocument, stay: StayPlan | None, today: date) -> list[Finding]:
    findings: list[Finding] = []
    arrival = stay.arrival if stay else today
    departure = stay.departure if stay else None
    expiry = document.expiry_date
    if stay and departure and departure < arrival:
        findings.append(
            make_finding("stay.departure_before_arrival", "departure", departure=departure, arrival=arrival)
        )
    if expiry is not None:
        if expiry < arrival:
            findings.append(make_finding("expiry.expired", "expiry_date", date=expiry, arrival=arrival))
        elif departure is not None and expiry < departure:
            findings.append(
                make_finding("expiry.during_stay", "expiry_date", date=expiry, departure=departure)
            )
        elif expiry <= arrival + timedelta(days=30):
            findings.append(make_finding("expiry.soon", "expiry_date", date=expiry))
    if stay and stay.permit_stay_until is not None:
        if stay.permit_stay_until < arrival:
            findings.append(
                make_finding("stay.limit_passed", "stay_until", date=stay.permit_stay_until, arrival=arrival)
            )
        elif departure is not None and stay.permit_stay_until < departure:
            findings.append(
                make_finding(
                    "stay.limit_before_departure",
                    "stay_until",
                    date=stay.permit_stay_until,
                    departure=departure,
                )
            )
    if document.birth_date is not None and document.birth_date <= arrival:
        age = age_on(document.birth_date, arrival)
        if age < ADULT_AGE:
            findings.append(make_finding("guest.minor", "birth_date", age=age))
    return findings


def validate(document: TravelDocument, *, today: date, stay: StayPlan | None = None) -> list[Finding]:
    """Every finding about a parsed document and (optionally) the planned stay, most severe first."""
    findings: list[Finding] = []
    if document.format is DocumentFormat.CN_PERMIT:
        findings += permits.permit_findings(document)
    findings += mrz_character_findings(document.mrz_lines)
    findings += check_digit_findings(document)
    findings += date_findings(document, today)
    findings += person_findings(document)
    findings += country_findings(document)
    findings += specimen_findings(document)
    findings += document_type_findings(document)
    findings += stay_findings(document, stay, today)
    if document.kind in (DocumentKind.HK_MACAO_PERMIT, DocumentKind.TAIWAN_PERMIT) or (
        document.kind is DocumentKind.FOREIGN_PERMANENT_RESIDENT_ID
    ):
        from hotel_desk.documents.china import validate_document_number

        findings += validate_document_number(document.kind, document.document_number)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order[f.severity.value])
