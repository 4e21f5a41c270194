"""China's own document numbers: permits for Hong Kong, Macao and Taiwan residents, Foreign Permanent
Resident ID Cards (2017 and 2023), and the 18-character resident ID of companions with Chinese IDs.

Rules from ../shared/design/regulations.md. Where a rule is not public (the check character of the 2017
permanent resident card), only the structure is checked and the comment says so.
"""

from __future__ import annotations

import re
from datetime import date

from hotel_desk.documents import countries
from hotel_desk.documents.checkdigit import mod11_2
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import DocumentKind, Finding

# Province-level codes of GB/T 2260, plus 81/82/83 used by residence permits for Hong Kong, Macao and Taiwan
# residents, and 91 (issued abroad / to foreigners in older series).
PROVINCE_CODES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
        "91",
    }
)

_CITIZEN_ID = re.compile(r"\d{17}[\dX]")
_FPRID_2023 = re.compile(r"9\d{16}[\dX]")
_FPRID_2017 = re.compile(r"[A-Z]{3}\d{12}")
_HKMO_PERMIT = re.compile(r"[HM]\d{8}(\d{2})?|[HM]A(\d{7}|[0-9A-Z]{9})")
_TW_PERMIT = re.compile(r"\d{8}(\d{2})?")


def _clean(number: str) -> str:
    return re.sub(r"[\s-]", "", number).upper()


def _mod11_findings(number: str) -> list[Finding]:
    computed = mod11_2(number[:17])
    if number[17] != computed:
        return [make_finding("cn.id_check", "document_number", printed=number[17], computed=computed)]
    return []


def validate_citizen_id(number: str) -> list[Finding]:
    """The 18-character Resident Identity Card number: region, birth date (YYYYMMDD), sequence, MOD 11-2."""
    number = _clean(number)
    if not _CITIZEN_ID.fullmatch(number):
        return [make_finding("cn.id_format", "document_number")]
    findings = _mod11_findings(number)
    raw = number[6:14]
    try:
        date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        findings.append(make_finding("cn.id_birth_date", "document_number", raw=raw))
    if number[:2] not in PROVINCE_CODES:
        findings.append(make_finding("cn.id_region", "document_number", code=number[:2]))
    return findings


def validate_fprid(number: str) -> list[Finding]:
    """Foreign Permanent Resident ID Card: 2023 card (18 digits from 9, MOD 11-2) or 2017 card (3 letters of
    nationality + 12 digits). The 2017 card's last-digit algorithm is not published, so it is not checked."""
    number = _clean(number)
    if _FPRID_2023.fullmatch(number):
        findings = _mod11_findings(number)
        if number[1:3] not in PROVINCE_CODES:
            findings.append(make_finding("cn.id_region", "document_number", code=number[1:3]))
        return findings
    if _FPRID_2017.fullmatch(number):
        code = number[:3]
        if not countries.is_known_country(code):
            return [make_finding("cn.fprid_nationality", "document_number", code=code)]
        return []
    return [make_finding("cn.fprid_format", "document_number")]


def validate_hk_macao_permit_number(number: str) -> list[Finding]:
    """Mainland Travel Permit for Hong Kong and Macao Residents: H/M + 8 digits (+ 2 renewal digits);
    HA/MA + 9 characters for non-Chinese holders (7-digit form accepted too)."""
    if _HKMO_PERMIT.fullmatch(_clean(number)):
        return []
    return [make_finding("cn.hkmo_permit_format", "document_number")]


def validate_taiwan_permit_number(number: str) -> list[Finding]:
    """Mainland Travel Permit for Taiwan Residents: 8 digits (+ 2 renewal digits)."""
    if _TW_PERMIT.fullmatch(_clean(number)):
        return []
    return [make_finding("cn.tw_permit_format", "document_number")]


def validate_document_number(kind: DocumentKind, number: str) -> list[Finding]:
    """The number rules of a China-issued document kind; other kinds have none here."""
    rules = {
        DocumentKind.HK_MACAO_PERMIT: validate_hk_macao_permit_number,
        DocumentKind.TAIWAN_PERMIT: validate_taiwan_permit_number,
        DocumentKind.FOREIGN_PERMANENT_RESIDENT_ID: validate_fprid,
        DocumentKind.CHINESE_CITIZEN_ID: validate_citizen_id,
    }
    rule = rules.get(kind)
    return rule(number) if rule else []
