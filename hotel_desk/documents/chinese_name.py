"""The Chinese-name rule: residents of Hong Kong, Macao and Taiwan are registered with their Chinese name.

The one place the rule lives. The Chinese name is a value of the registration (typed at the desk, or decoded
from a permit card's zone and then confirmed), not something a document check can judge on its own: a
permit is valid whether or not its holder's name has been typed yet. So check_mrz() and validate() do not
apply it; the registration gate calls chinese_name_findings() with the name as confirmed.

Who: the holder of a Mainland Travel Permit for Hong Kong and Macao Residents (H/M numbers) or for Taiwan
Residents, and anyone whose nationality or issuing state is HKG, MAC or TWN (e.g. a Macao resident's identity
card, I<MAC...). Holders of the permit for non-Chinese citizens (HA/MA numbers, since 2024) may have no
Chinese name; the card shows one on its back when they do, so for them a missing name is a warning.
"""

from __future__ import annotations

import unicodedata

from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import DocumentKind, Finding, Severity, TravelDocument

#: Regions whose residents are registered with their Chinese name, with their names for messages.
REGIONS: dict[str, tuple[str, str]] = {
    "HKG": ("Hong Kong", "香港"),
    "MAC": ("Macao", "澳门"),
    "TWN": ("Taiwan", "台湾"),
}
_PERMIT_REGION = {"H": "HKG", "M": "MAC"}


def _region(kind: str, nationality: str, issuing_state: str, document_number: str) -> str | None:
    """The region code whose residents this document's holder is among, '' when it is one of them but the
    region is not known, None when the holder is not a resident of Hong Kong, Macao or Taiwan."""
    if kind == DocumentKind.TAIWAN_PERMIT:
        return "TWN"
    if kind == DocumentKind.HK_MACAO_PERMIT:
        return _PERMIT_REGION.get(document_number.strip().upper()[:1], "")
    for code in (nationality.strip().upper(), issuing_state.strip().upper()):
        if code in REGIONS:
            return code
    return None


def _non_chinese_permit(kind: str, document_number: str) -> bool:
    return kind == DocumentKind.HK_MACAO_PERMIT and document_number.strip().upper()[1:2] == "A"


def chinese_name_required(
    *, kind: DocumentKind | str, nationality: str = "", issuing_state: str = "", document_number: str = ""
) -> Severity | None:
    """How strongly a Chinese name is required of this guest: ERROR (must be registered), WARNING (register
    it if the card shows one: non-Chinese permit holders) or None (not required)."""
    kind = str(kind)
    if _non_chinese_permit(kind, document_number):
        return Severity.WARNING
    if _region(kind, nationality, issuing_state, document_number) is not None:
        return Severity.ERROR
    return None


def has_han(text: str) -> bool:
    """Whether the text holds a Chinese character (CJK unified ideograph, any extension)."""
    return any(unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH") for c in text)


def chinese_name_findings(
    chinese_name: str,
    *,
    kind: DocumentKind | str,
    nationality: str = "",
    issuing_state: str = "",
    document_number: str = "",
) -> list[Finding]:
    """The Chinese-name findings of a registration, on the field 'chinese_name': missing where the rules
    require it (error; a warning for non-Chinese permit holders), or typed without a Chinese character."""
    name = chinese_name.strip()
    if name:
        return [] if has_han(name) else [make_finding("chinese_name.not_han", "chinese_name", name=name)]
    kind = str(kind)
    required = chinese_name_required(
        kind=kind, nationality=nationality, issuing_state=issuing_state, document_number=document_number
    )
    if required is Severity.WARNING:
        return [make_finding("chinese_name.check_card", "chinese_name")]
    if required is Severity.ERROR:
        region = _region(kind, nationality, issuing_state, document_number)
        en, zh = REGIONS.get(region or "", ("Hong Kong, Macao and Taiwan", "港澳台"))
        return [make_finding("chinese_name.missing", "chinese_name", region=en, region_zh=zh)]
    return []


def document_chinese_name_findings(
    document: TravelDocument, chinese_name: str | None = None
) -> list[Finding]:
    """chinese_name_findings() for a document, with the name as confirmed (default: the document's own)."""
    return chinese_name_findings(
        document.chinese_name if chinese_name is None else chinese_name,
        kind=document.kind,
        nationality=document.nationality,
        issuing_state=document.issuing_state,
        document_number=document.document_number,
    )
