"""The reader checks with the document core's rules: permit cards by their own layouts, national conventions
(a Belgian long card number whose check digit counts the filler) as the core accepts them."""

from __future__ import annotations

from datetime import date

from hotel_desk.documents import check_digit, check_mrz, format_permit
from hotel_desk.recognition.correct import correct
from hotel_desk.recognition.positions import Position

TODAY = date(2016, 5, 1)


def _positions(line: str, alternatives: dict[int, dict[str, float]] | None = None, conf: float = 0.95):
    out = []
    for i, ch in enumerate(line):
        support = {ch: conf}
        support.update((alternatives or {}).get(i, {}))
        out.append(Position(support))
    return out


def _td1(line1: str) -> list[str]:
    birth, expiry = "850101", "170203"
    line2 = birth + check_digit(birth) + "F" + expiry + check_digit(expiry) + "BEL" + "85010100200"
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return [line1, line2, "LE<MEUNIER<<JENNIFER<ANNE".ljust(30, "<")]


# A Belgian card of before 2020: '000590448<301' gives 6 as printed (the filler counted), ICAO's rule gives 2.
BELGIAN = _td1("IDBEL000590448<3016<<<<<<<<<<<")


def test_a_belgian_long_number_is_not_corrected_into_the_icao_reading() -> None:
    # The network offers the ICAO digit as a rival: the core accepts the card's own convention, so nothing
    # changes and the check passes as the national variant.
    fixed = correct([_positions(BELGIAN[0], {18: {"2": 0.4}}), _positions(BELGIAN[1]), _positions(BELGIAN[2])])
    assert fixed.lines == BELGIAN
    assert fixed.changes == []
    doc = check_mrz(fixed.lines, today=TODAY).document
    assert doc is not None and doc.check_digits_ok
    assert next(c for c in doc.check_digits if c.field == "document_number").variant == "BEL"


def test_a_belgian_long_number_is_corrected_by_its_own_convention() -> None:
    misread = BELGIAN[0][:13] + "B" + BELGIAN[0][14:]  # the 8 at column 14 read as B, 8 offered
    fixed = correct([_positions(misread, {13: {"8": 0.4}}), _positions(BELGIAN[1]), _positions(BELGIAN[2])])
    assert fixed.lines == BELGIAN
    assert (0, 13, "B", "8") in [c[:4] for c in fixed.changes]


def test_a_permit_card_is_corrected_by_the_permit_layouts_check_digits() -> None:
    permit = list(
        format_permit(
            code="CR", number="H12345678", renewal="01", expiry="320115", birth="900102", sex="M",
            surname="CHAN", given_names="TAI MAN", resident_id="A1234567", chinese_name="陈大文",
        )
    )
    # Birth date (line 1, columns 24-29) read 900182 with the 0 offered: the permit's birth-date digit decides.
    misread = permit[0][:27] + "8" + permit[0][28:]
    fixed = correct([_positions(misread, {27: {"0": 0.6}}), _positions(permit[1]), _positions(permit[2])])
    assert fixed.lines == permit
    assert (0, 27, "8", "0", "check digit (birth_date)") in fixed.changes
    assert fixed.review == []
    doc = check_mrz(fixed.lines, today=date(2026, 11, 22)).document
    assert doc is not None and doc.check_digits_ok and doc.document_code == "CR"


def test_a_permit_cards_name_without_a_check_digit_goes_to_review_when_unsure() -> None:
    permit = list(
        format_permit(
            code="CT", number="12345678", renewal="00", expiry="300610", birth="850315", sex="F",
            surname="LIN", given_names="MEI HUA", resident_id="A234567890", chinese_name="林美华",
            issuing_authority="HKGL",
        )
    )
    fixed = correct([_positions(permit[0]), _positions(permit[1]), _positions(permit[2], {1: {"L": 0.6}})])
    assert fixed.lines == permit
    assert {r["field"] for r in fixed.review} == {"names"}
