"""Property-based tests: random valid documents survive format -> parse, any single-character change in a
field protected by a check digit is detected, and arbitrary text never raises."""

from __future__ import annotations

import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mrz.base.functions import hash_string  # independent oracle (test-only; GPL code is not shipped)

from hotel_desk.documents import check_digit, check_mrz, format_td3, parse_mrz
from hotel_desk.documents.checkdigit import char_value
from hotel_desk.documents.mrz import layout_checks

TODAY = date(2026, 11, 22)
ALNUM = string.ascii_uppercase + string.digits
MRZ_CHARS = ALNUM + "<"

names = st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=12)
numbers = st.text(alphabet=ALNUM, min_size=1, max_size=9)
birth_dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2025, 12, 31))
expiry_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
countries = st.sampled_from(["CAN", "FRA", "DEU", "D", "CHN", "USA", "GBR", "JPN", "XXA", "UNO"])


@given(st.text(alphabet=MRZ_CHARS, max_size=40))
def test_check_digit_matches_an_independent_implementation(text: str) -> None:
    assert check_digit(text) == hash_string(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(names, names, numbers, countries, countries, birth_dates, expiry_dates, st.sampled_from("MF<"))
def test_td3_round_trip(surname, given_names, number, issuer, nationality, born, expires, sex) -> None:
    lines = format_td3(
        document_code="P<", issuing_state=issuer, surname=surname, given_names=given_names,
        document_number=number, nationality=nationality, birth=born.strftime("%y%m%d"), sex=sex,
        expiry=expires.strftime("%y%m%d"),
    )
    doc = parse_mrz(list(lines), today=TODAY)
    assert doc.check_digits_ok
    assert (doc.surname, doc.given_names) == (surname, given_names)
    assert doc.document_number == number
    assert doc.birth_date == born
    assert doc.expiry_date == expires
    assert (doc.issuing_state, doc.nationality) == (issuer, nationality)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(numbers, birth_dates, expiry_dates, st.data())
def test_any_single_change_in_a_protected_field_is_detected(number, born, expires, data) -> None:
    lines = list(
        format_td3(
            document_code="P<", issuing_state="CAN", surname="MARTIN", given_names="SARAH",
            document_number=number, nationality="CAN", birth=born.strftime("%y%m%d"), sex="F",
            expiry=expires.strftime("%y%m%d"),
        )
    )
    fmt = parse_mrz(lines, today=TODAY).format
    protected = sorted({
        (line, col) for check in layout_checks(fmt, lines) for line, a, b in check.covers for col in range(a, b)
    })
    line, col = data.draw(st.sampled_from(protected))
    old = lines[line][col]
    # The 7-3-1 scheme is blind to a change by a multiple of 10 in value (0/A/K/U, 1/B/L/V, ...): such a
    # substitution is undetectable by any ICAO check digit, so the property holds for every other change.
    new = data.draw(
        st.sampled_from([c for c in MRZ_CHARS if c != old and (char_value(c) - char_value(old)) % 10 != 0])
    )
    changed = list(lines)
    changed[line] = changed[line][:col] + new + changed[line][col + 1 :]
    result = check_mrz(changed, today=TODAY, candidates=False)
    assert not result.valid
    assert any(f.code.startswith("check_digit.") or f.code == "date.invalid" for f in result.findings)


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    result = check_mrz(text, today=TODAY)
    assert result.findings or result.valid


@settings(max_examples=200)
@given(st.lists(st.text(alphabet=MRZ_CHARS + "ÑK0O", min_size=30, max_size=30), min_size=3, max_size=3))
def test_arbitrary_td1_shaped_text_never_raises(lines: list[str]) -> None:
    result = check_mrz(lines, today=TODAY)
    assert result.document is not None
