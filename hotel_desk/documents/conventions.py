"""National conventions that differ from ICAO 9303 on real documents, accepted as known variants.

A variant is accepted only for the country whose documents are known to use it, and only where the ICAO
rule fails: the check then passes with an info note naming the convention (finding
'checkdigit.national_variant'), never silently, and never for another country.

Belgium (TD1 eID cards with 12-digit card numbers): ICAO 9303-5 puts the first 9 characters of a long
document number in positions 6-14, a filler in 15 and the rest in 16 onward followed by the check digit,
computed over the number itself. Belgian cards photographed in Arg0s1080/mrz issue #4 print the digit
computed over the number WITH the filler of position 15 (e.g. IDBEL000590448<3016: '000590448<301' gives 6,
'000590448301' gives 2); the maintainer's Belgian checker computes it the same way. Cards from 2020 on
(PR #41 of the same project, and the examples in selfxyz/self) follow ICAO, so both are met at the desk.
See docs/documents.md for the sources and for Portugal, looked at and not confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotel_desk.documents.checkdigit import check_digit
from hotel_desk.documents.zone import Check


@dataclass(frozen=True)
class NationalVariant:
    country: str  # issuing state code as printed in the MRZ
    name_en: str
    name_zh: str
    rule_en: str
    rule_zh: str


LONG_NUMBER_WITH_FILLER: dict[str, NationalVariant] = {
    "BEL": NationalVariant(
        "BEL",
        "Belgium",
        "比利时",
        "the filler '<' after the first nine characters of a long card number counted in its check digit",
        "长证件号码第九位后的填充符“<”计入校验位",
    ),
}


def variant_check_digit(
    lines: list[str] | tuple[str, ...], check: Check
) -> tuple[str, NationalVariant] | None:
    """The check digit a known national convention gives for `check`, with the convention; None when the
    document's issuer has no known variant for this check. Only TD1 long document numbers have one."""
    if check.field != "document_number" or len(check.covers) != 2 or not lines or len(lines[0]) != 30:
        return None
    variant = LONG_NUMBER_WITH_FILLER.get(lines[0][2:5].replace("<", ""))
    if variant is None:
        return None
    (line, start, _), (_, _, end) = check.covers
    # The number as printed, filler included: positions 6 to the character before the check digit.
    return check_digit(lines[line][start:end]), variant
