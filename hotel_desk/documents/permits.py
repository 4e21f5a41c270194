"""China's permit cards: machine-readable zones of 3 lines of 30 characters, not laid out as ICAO TD1.

What is established and from where is written up in docs/documents.md; in short:

- GA/T 704.14-2015 (the Ministry of Public Security's standard for the Hong Kong/Macao residents' permit MRZ,
  whose text is not public beyond its first page) says: three lines of 30 characters, rules after ICAO 9303,
  check digits by its chapter 5, issuing state after GB/T 2659, sex after GB/T 2261.1, and it cites GB 2312 /
  GBK, the code the Chinese name is written in.
- The field positions below come from public reader-vendor code (DAC8811/QinLin_PassportReader:
  utils_zhangdi.cpp checkHXZMRZ/checkTWMMRZ/processHXZJson/processTWMJson and libOCRNew mrz.cpp), the only
  public source giving them; every check digit below is ICAO 7-3-1 there. Scandit's ID SDK exposes the same
  fields for these cards (renewal times, personal id number, simplified-Chinese full name, issuing authority
  code), which corroborates what is in the zone but not where.
- The Chinese name is written as its GBK code, each hexadecimal digit as a letter A-P (0-F): an exit-entry
  permit reader (ChineseNameDecoder, 证 = D6A4 = NGKE) and a gist citing the conversion chart of GA/T
  704.14-2015 agree.

So: a read whose check digits all pass has its fields where this module says (the digits would fail
otherwise); the parts no check digit covers (sex, the Chinese-name block, the names, the issuing authority)
are offered with a note to compare with the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from hotel_desk.documents.checkdigit import check_digit
from hotel_desk.documents.chinese_name import has_han
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import (
    CheckDigit,
    DocumentFormat,
    DocumentKind,
    FieldSpan,
    Finding,
    TravelDocument,
)
from hotel_desk.documents.zone import Check, parse_date, segment_text, split_names

# Both residents' permits (2012 Hong Kong/Macao card, 2015 Taiwan card) alike: line 1 holds number, renewal
# count, expiry, sex and birth date, each protected field followed by its check digit; line 2 opens with letters.
_CARD_FIELDS: dict[str, FieldSpan] = {
    "document_code": FieldSpan(0, 0, 2),
    "document_number": FieldSpan(0, 2, 11),
    "renewal_count": FieldSpan(0, 12, 14),
    "expiry_date": FieldSpan(0, 15, 21),
    "sex": FieldSpan(0, 22, 23),
    "birth_date": FieldSpan(0, 23, 29),
    # Letters: the Chinese name's GBK code, then (one source, not used) counts of omitted characters and a
    # century letter for the birth date in column 19.
    "chinese_name": FieldSpan(1, 0, 19),
}
_CARD_LINE1_CHECKS = (
    Check("document_number", (0, 11), ((0, 2, 11),)),
    Check("renewal_count", (0, 14), ((0, 12, 14),)),
    Check("expiry_date", (0, 21), ((0, 15, 21),)),
    Check("birth_date", (0, 29), ((0, 23, 29),)),
)
# The composite skips the sex (column 23) and covers the identity card number on line 2.
_CARD_COMPOSITE = Check("composite", (1, 29), ((0, 2, 22), (0, 23, 30), (1, 19, 29)))


@dataclass(frozen=True)
class PermitLayout:
    code: str
    kind: DocumentKind
    name_en: str
    name_zh: str
    spans: tuple[tuple[str, FieldSpan], ...]
    checks: tuple[Check, ...]
    guest_document: bool  # False: a mainland resident's permit, not a document hotels register guests with


LAYOUTS: dict[str, PermitLayout] = {
    "CR": PermitLayout(
        "CR",
        DocumentKind.HK_MACAO_PERMIT,
        "Mainland Travel Permit for Hong Kong and Macao Residents",
        "港澳居民来往内地通行证",
        (*_CARD_FIELDS.items(), ("resident_id", FieldSpan(1, 19, 28)), ("names", FieldSpan(2, 0, 30))),
        (*_CARD_LINE1_CHECKS, Check("resident_id", (1, 28), ((1, 19, 28),)), _CARD_COMPOSITE),
        True,
    ),
    "CT": PermitLayout(
        "CT",
        DocumentKind.TAIWAN_PERMIT,
        "Mainland Travel Permit for Taiwan Residents",
        "台湾居民来往大陆通行证",
        (
            *_CARD_FIELDS.items(),
            ("resident_id", FieldSpan(1, 19, 29)),  # the 10-character Taiwan ID, no check digit of its own
            ("names", FieldSpan(2, 0, 26)),
            ("issuing_authority", FieldSpan(2, 26, 30)),
        ),
        (*_CARD_LINE1_CHECKS, _CARD_COMPOSITE),
        True,
    ),
}
# Mainland residents' exit-entry permits (card since 2014): the card prints this line alone; readers of the
# chip return it as line 1 of three. Two independent public readers agree on it (see docs/documents.md).
_EEP_SPANS = (
    ("document_code", FieldSpan(0, 0, 2)),
    ("document_number", FieldSpan(0, 2, 11)),
    ("expiry_date", FieldSpan(0, 13, 19)),
    ("birth_date", FieldSpan(0, 21, 27)),
)
_EEP_CHECKS = (
    Check("document_number", (0, 11), ((0, 2, 11),)),
    Check("expiry_date", (0, 19), ((0, 13, 19),)),
    Check("birth_date", (0, 27), ((0, 21, 27),)),
    Check("composite", (0, 29), ((0, 2, 12), (0, 13, 20), (0, 21, 28))),
)
LAYOUTS["CS"] = PermitLayout(
    "CS", DocumentKind.OTHER, "Exit-Entry Permit for Travelling to and from Hong Kong and Macao", "往来港澳通行证",
    _EEP_SPANS, _EEP_CHECKS, False,
)
LAYOUTS["CD"] = PermitLayout(
    "CD", DocumentKind.OTHER, "Exit-Entry Permit for Travelling to and from Taiwan", "大陆居民往来台湾通行证",
    _EEP_SPANS, _EEP_CHECKS, False,
)

#: Codes this app once took for permit cards with no source behind them: only a permit number is taken.
UNVERIFIED_CODES = frozenset({"CH", "CM", "CW"})
PERMIT_CODES = frozenset(LAYOUTS) | UNVERIFIED_CODES

_REGION_OF_NUMBER = {"H": "HKG", "M": "MAC"}
_NAME_LETTERS = "ABCDEFGHIJKLMNOP"  # hexadecimal digits 0-F of the GBK code
_NAME_BLOCK = 16  # four Chinese characters of four letters each


def looks_like_permit(lines: list[str] | tuple[str, ...]) -> bool:
    """A permit card: a permit code and no ICAO issuing state in columns 3-5 (an ICAO 'CR' residence card
    prints one, e.g. CRUTO; a permit prints its number there, H12..., 123...)."""
    return bool(lines) and lines[0][:2] in PERMIT_CODES and not lines[0][2:5].isalpha()


def typed_permit(lines: list[str] | tuple[str, ...]) -> bool:
    """Whether a partly typed zone is heading for a residents' permit card (for live check-digit feedback)."""
    first = lines[0] if lines else ""
    if first[:2] == "CR":
        return first[2:3] in ("H", "M") and not first[2:5].isalpha()
    return first[:2] == "CT" and first[2:3].isdigit()


def layout_of(lines: list[str] | tuple[str, ...]) -> PermitLayout | None:
    return LAYOUTS.get(lines[0][:2]) if lines else None


def permit_checks(lines: list[str] | tuple[str, ...]) -> list[Check]:
    layout = layout_of(lines)
    return list(layout.checks) if layout else []


def permit_spans(lines: list[str] | tuple[str, ...]) -> dict[str, FieldSpan]:
    layout = layout_of(lines)
    return dict(layout.spans) if layout else {"document_code": FieldSpan(0, 0, 2)}


def _evaluate(checks: tuple[Check, ...], lines: list[str] | tuple[str, ...]) -> tuple[CheckDigit, ...]:
    return tuple(
        CheckDigit(c.field, lines[c.digit[0]][c.digit[1]], check_digit(segment_text(lines, c.covers)))
        for c in checks
    )


def decode_chinese_name(block: str) -> str:
    """The Chinese name from its MRZ letters (GBK code, hex digit n written as the letter A+n): as many
    characters as decode, from the start, to Chinese ideographs. A group that is not GBK for an ideograph
    ends the name. GBK's first byte is 0x81 or more (letters I-P first), which neither a filler nor a small
    count (A-H) opens with, so a block that does not hold the name gives none rather than a wrong one."""
    name = []
    for start in range(0, min(len(block), _NAME_BLOCK) - 3, 4):
        group = block[start : start + 4]
        if any(c not in _NAME_LETTERS for c in group):
            break
        raw = bytes.fromhex("".join(f"{_NAME_LETTERS.index(c):x}" for c in group))
        try:
            char = raw.decode("gbk")
        except UnicodeDecodeError:
            break
        if len(char) != 1 or not has_han(char):
            break
        name.append(char)
    return "".join(name)


def encode_chinese_name(name: str) -> str:
    """The MRZ letters of a Chinese name (at most four characters fit the block; UnicodeEncodeError for a
    character outside GBK)."""
    return "".join(_NAME_LETTERS[int(d, 16)] for d in name[: _NAME_BLOCK // 4].encode("gbk").hex().upper())


_PERMIT_NUMBER = re.compile(r"(?:[HM]A?)?\d{8,10}")


def parse_permit(lines: list[str] | tuple[str, ...], *, today: date) -> TravelDocument:
    """A permit card's zone as a TravelDocument; a code with no known layout gives its permit number only."""
    lines = tuple(lines)
    layout = layout_of(lines)
    if layout is None:
        return _number_only(lines)
    spans = dict(layout.spans)

    def take(name: str) -> str:
        s = spans[name]
        return lines[s.line][s.start : s.end]

    number = take("document_number").replace("<", "")
    document = TravelDocument(
        format=DocumentFormat.CN_PERMIT,
        kind=layout.kind,
        document_code=layout.code,
        issuing_state="CHN",
        surname="",
        given_names="",
        document_number=number,
        nationality="CHN" if not layout.guest_document else "",
        birth_date=parse_date(take("birth_date"), today=today, kind="birth"),
        sex="",
        expiry_date=parse_date(take("expiry_date"), today=today, kind="expiry"),
        birth_date_raw=take("birth_date"),
        expiry_date_raw=take("expiry_date"),
        mrz_lines=lines,
        check_digits=_evaluate(layout.checks, lines),
        spans=spans,
    )
    if not layout.guest_document:
        return document
    surname, given, truncated = split_names(take("names"))
    sex = take("sex")
    if layout.code == "CT":
        nationality = "TWN"
    else:
        # Chinese residents' numbers are H/M + 8 digits; non-Chinese holders' (HA/MA) say no nationality.
        nationality = "" if number[1:2] == "A" else _REGION_OF_NUMBER.get(number[:1], "")
    return replace(
        document,
        surname=surname,
        given_names=given,
        names_truncated=truncated,
        nationality=nationality,
        sex="X" if sex == "<" else sex,
        optional_data=take("renewal_count").replace("<", ""),
        optional_data_2=take("resident_id").replace("<", ""),
        issuing_authority=take("issuing_authority").replace("<", "") if "issuing_authority" in spans else "",
        chinese_name=decode_chinese_name(take("chinese_name")),
    )


def _number_only(lines: tuple[str, ...]) -> TravelDocument:
    code = lines[0][:2]
    match = _PERMIT_NUMBER.search(lines[0][2:])
    return TravelDocument(
        format=DocumentFormat.CN_PERMIT,
        kind=DocumentKind.OTHER,
        document_code=code,
        issuing_state="CHN",
        surname="",
        given_names="",
        document_number=match.group(0) if match else "",
        nationality="",
        birth_date=None,
        sex="",
        expiry_date=None,
        mrz_lines=lines,
        spans={"document_code": FieldSpan(0, 0, 2)},
    )


def fully_read(document: TravelDocument) -> bool:
    """A residents' permit whose every field was taken from its zone (so every rule applies to it)."""
    layout = LAYOUTS.get(document.document_code)
    return document.format is DocumentFormat.CN_PERMIT and layout is not None and layout.guest_document


def dates_read(document: TravelDocument) -> bool:
    return document.format is not DocumentFormat.CN_PERMIT or document.document_code in LAYOUTS


def permit_findings(document: TravelDocument) -> list[Finding]:
    """What the desk must know about a permit card read from its zone."""
    layout = LAYOUTS.get(document.document_code)
    if layout is None:
        return [make_finding("cn.permit_mrz_manual", "document_number")]
    if not layout.guest_document:
        return [_exit_entry_finding(layout)]
    findings = [make_finding("cn.permit_mrz_read", "mrz", name=layout.name_en, name_zh=layout.name_zh)]
    if document.document_number[1:2] == "A":
        findings.append(make_finding("cn.permit_non_chinese_layout", "document_number"))
    name = document.chinese_name
    if name:
        findings.append(make_finding("cn.permit_chinese_name_read", "chinese_name", name=name))
        if len(name) * 4 >= _NAME_BLOCK:
            findings.append(make_finding("cn.permit_chinese_name_full", "chinese_name", name=name))
    return findings


def _exit_entry_finding(layout: PermitLayout) -> Finding:
    return make_finding("cn.exit_entry_permit", "document_code", name=layout.name_en, name_zh=layout.name_zh)


def single_line_findings(lines: list[str]) -> list[Finding]:
    """A lone 30-character line: the printed zone of a mainland resident's exit-entry permit card, which is
    not a document hotels register guests with. Said as such instead of 'incomplete MRZ'."""
    if len(lines) != 1 or len(lines[0]) != 30 or not looks_like_permit(lines):
        return []
    layout = layout_of(lines)
    if layout is None or layout.guest_document or not all(c.ok for c in _evaluate(layout.checks, lines)):
        return []
    return [_exit_entry_finding(layout)]


def format_permit(
    *,
    code: str = "CR",
    number: str,
    renewal: str = "00",
    expiry: str,
    birth: str,
    sex: str,
    surname: str,
    given_names: str = "",
    resident_id: str = "",
    chinese_name: str = "",
    issuing_authority: str = "",
) -> tuple[str, str, str]:
    """Compose a residents' permit zone ('CR' or 'CT') from field values, computing every check digit, for
    typed entry and tests. Columns 17-19 of line 2 (whose meaning no source settles) are left as fillers."""
    line1 = code + _with_check(number.ljust(9, "<")[:9]) + _with_check(renewal) + _with_check(expiry)
    line1 += (sex or "<") + _with_check(birth)
    resident = _with_check(resident_id.ljust(9, "<")[:9]) if code == "CR" else resident_id.ljust(10, "<")[:10]
    line2 = encode_chinese_name(chinese_name).ljust(19, "<") + resident
    line2 += check_digit(line1[2:22] + line1[23:30] + line2[19:29])
    names = (surname + "<<" + given_names if given_names else surname).replace(" ", "<").upper()
    if code == "CR":
        line3 = names.ljust(30, "<")[:30]
    else:
        line3 = names.ljust(26, "<")[:26] + issuing_authority.ljust(4, "<")
    return line1, line2, line3


def _with_check(field: str) -> str:
    return field + check_digit(field)
