"""National conventions: Belgian eID cards whose long card number's check digit counts the filler.

Sources (docs/documents.md): the card photographed in Arg0s1080/mrz issue #4 (number 000590448 301, printed
IDBEL000590448<3016...; its other fields as given there), and the 2020 specimen of PR #41 of the same project,
which follows ICAO. Both kinds of card are met at the desk.
"""

from __future__ import annotations

import json
from datetime import date

from hotel_desk.documents import (
    Severity,
    check_digit,
    check_mrz,
    correction_candidates,
    parse_mrz,
    typing_feedback,
)

ARRIVAL = date(2016, 5, 1)  # while the 2017 card was valid
TODAY = date(2026, 11, 22)


def td1(line1: str, birth: str = "850101", sex: str = "F", expiry: str = "170203", optional_2: str = "85010100200",
        names: str = "LE<MEUNIER<<JENNIFER<ANNE", nationality: str = "BEL") -> list[str]:
    """Line 2 and 3 of a TD1 card composed around a given line 1 (every line-2 digit computed ICAO's way)."""
    line2 = birth + check_digit(birth) + sex + expiry + check_digit(expiry) + nationality + optional_2.ljust(11, "<")
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return [line1, line2, names.ljust(30, "<")]


# Belgian card from Arg0s1080/mrz#4: '000590448<301' gives 6 (printed), '000590448301' gives 2 (ICAO).
BELGIAN_OLD = td1("IDBEL000590448<3016<<<<<<<<<<<")
# Belgian 2020 specimen, as published in Arg0s1080/mrz PR #41: its digit follows ICAO.
BELGIAN_2020 = ["IDBEL000590696<1015<<<<<<<<<<<", "9401013F2710017BEL000101123453", "SPECIMEN<<SPECIMEN<<<<<<<<<<<<"]


def codes(lines: list[str], today: date = ARRIVAL) -> dict[str, tuple[Severity, str | None]]:
    return {f.code: (f.severity, f.field) for f in check_mrz(lines, today=today).findings}


def test_the_public_card_counts_the_filler() -> None:
    assert check_digit("000590448<301") == "6" and check_digit("000590448301") == "2"
    assert check_digit("000590696101") == "5"  # the 2020 specimen: ICAO


def test_belgian_filler_convention_passes_with_a_note() -> None:
    doc = parse_mrz(BELGIAN_OLD, today=ARRIVAL)
    assert doc.document_number == "000590448301"
    number = next(c for c in doc.check_digits if c.field == "document_number")
    assert (number.ok, number.variant, number.printed) == (True, "BEL", "6")
    assert doc.check_digits_ok
    result = check_mrz(BELGIAN_OLD, today=ARRIVAL)
    note = next(f for f in result.findings if f.code == "checkdigit.national_variant")
    assert (note.severity, note.field) == (Severity.INFO, "document_number")
    assert "Belgium" in note.message_en and "ICAO 9303" in note.message_en
    assert "比利时" in note.message_zh
    assert not any(f.code.startswith("check_digit.") for f in result.findings)
    assert correction_candidates(BELGIAN_OLD) == []
    assert '"variant": "BEL"' in json.dumps(doc.to_dict())


def test_belgian_icao_cards_pass_without_a_note() -> None:
    doc = parse_mrz(BELGIAN_2020, today=TODAY)
    assert doc.document_number == "000590696101" and doc.check_digits_ok
    assert all(c.variant == "" for c in doc.check_digits)
    assert "checkdigit.national_variant" not in codes(BELGIAN_2020, TODAY)


def test_a_genuinely_wrong_belgian_digit_is_still_an_error() -> None:
    # Neither ICAO (2) nor the Belgian convention (6) gives 4.
    wrong = td1("IDBEL000590448<3014<<<<<<<<<<<")
    found = codes(wrong)
    assert found["check_digit.document_number"] == (Severity.ERROR, "document_number")
    assert "checkdigit.national_variant" not in found
    message = next(f for f in check_mrz(wrong, today=ARRIVAL).findings if f.code == "check_digit.document_number")
    assert "printed 4, the data gives 2" in message.message_en  # ICAO's digit is the one reported


def test_the_convention_is_never_applied_to_another_country() -> None:
    # The same card with another issuer: the filler-counting digit is an ICAO error there.
    for issuer in ("UTO", "FRA", "PRT", "NLD"):
        other = td1(f"ID{issuer}000590448<3016<<<<<<<<<<<", nationality=issuer)
        found = codes(other)
        assert found["check_digit.document_number"][0] is Severity.ERROR, issuer
        assert "checkdigit.national_variant" not in found


def test_typing_feedback_agrees_with_the_check() -> None:
    _, feedback = typing_feedback(BELGIAN_OLD)
    assert {f.field: f.status for f in feedback}["document_number"] == "ok"
    _, wrong = typing_feedback(td1("IDBEL000590448<3014<<<<<<<<<<<"))
    assert {f.field: f.status for f in wrong}["document_number"] == "fail"
