"""Property-based tests: random valid documents survive format -> parse, any single-character change in a
field protected by a check digit is detected, and arbitrary text never raises."""

from __future__ import annotations

import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mrz.base.functions import hash_string  # independent oracle (test-only; GPL code is not shipped)

from hotel_desk.documents import (
    check_digit,
    check_mrz,
    decode_chinese_name,
    format_permit,
    format_td3,
    parse_mrz,
)
from hotel_desk.documents.checkdigit import char_value
from hotel_desk.documents.mrz import layout_checks
from hotel_desk.documents.permits import encode_chinese_name

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


# China's permit cards and national check-digit conventions: the same properties on their own layouts.
digits8 = st.text(alphabet=string.digits, min_size=8, max_size=8)
renewals = st.text(alphabet=string.digits, min_size=2, max_size=2)
# GB 2312 level-1 characters (rows B0-D7): the Chinese names a card is most likely to carry.
hanzi = st.builds(
    lambda row, cell: bytes([row, cell]).decode("gbk"),
    st.integers(min_value=0xB0, max_value=0xD7),
    st.integers(min_value=0xA1, max_value=0xF9),
)
chinese_names = st.text(alphabet=hanzi, min_size=0, max_size=4)


def _permit(code: str, region: str, number: str, renewal: str, born: date, expires: date, sex: str,
            surname: str, chinese: str) -> list[str]:
    resident = "A" + number[:7] if code == "CR" else "A" + number + "1"
    return list(
        format_permit(
            code=code, number=(region + number) if code == "CR" else number, renewal=renewal,
            expiry=expires.strftime("%y%m%d"), birth=born.strftime("%y%m%d"), sex=sex, surname=surname,
            given_names="MEI", resident_id=resident, chinese_name=chinese,
            issuing_authority="HKGL" if code == "CT" else "",
        )
    )


permit_args = (
    st.sampled_from(["CR", "CT"]), st.sampled_from("HM"), digits8, renewals, birth_dates, expiry_dates,
    st.sampled_from("MF"), names, chinese_names,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(*permit_args)
def test_permit_round_trip(code, region, number, renewal, born, expires, sex, surname, chinese) -> None:
    lines = _permit(code, region, number, renewal, born, expires, sex, surname, chinese)
    doc = parse_mrz(lines, today=TODAY)
    assert doc.check_digits_ok
    assert doc.document_number == (region + number if code == "CR" else number)
    assert (doc.optional_data, doc.birth_date, doc.expiry_date, doc.sex) == (renewal, born, expires, sex)
    assert (doc.surname, doc.given_names, doc.chinese_name) == (surname, "MEI", chinese)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(*permit_args, st.data())
def test_any_single_change_in_a_protected_permit_field_is_detected(
    code, region, number, renewal, born, expires, sex, surname, chinese, data
) -> None:
    lines = _permit(code, region, number, renewal, born, expires, sex, surname, chinese)
    _assert_single_changes_detected(lines, data)


def _assert_single_changes_detected(lines: list[str], data: st.DataObject) -> None:
    fmt = parse_mrz(lines, today=TODAY).format
    checks = layout_checks(fmt, lines)
    protected = sorted({(li, col) for c in checks for li, a, b in c.covers for col in range(a, b)} | {
        c.digit for c in checks
    })
    line, col = data.draw(st.sampled_from(protected))
    old = lines[line][col]
    new = data.draw(
        st.sampled_from([c for c in MRZ_CHARS if c != old and (char_value(c) - char_value(old)) % 10 != 0])
    )
    changed = list(lines)
    changed[line] = changed[line][:col] + new + changed[line][col + 1 :]
    result = check_mrz(changed, today=TODAY, candidates=False)
    assert not result.valid
    assert any(f.code.startswith("check_digit.") or f.code == "date.invalid" for f in result.findings)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=string.digits, min_size=12, max_size=12), birth_dates, expiry_dates, st.data())
def test_the_belgian_convention_does_not_hide_a_single_change(number, born, expires, data) -> None:
    # A Belgian card whose long number's digit counts the filler: accepted, yet every single change in a
    # protected position is still caught (the composite covers the whole first line).
    head = "IDBEL" + number[:9] + "<" + number[9:]
    line1 = (head + check_digit(number[:9] + "<" + number[9:])).ljust(30, "<")
    b, e = born.strftime("%y%m%d"), expires.strftime("%y%m%d")
    line2 = b + check_digit(b) + "F" + e + check_digit(e) + "BEL" + "<" * 11
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    lines = [line1, line2, "LE<MEUNIER<<JENNIFER<<<<<<<<<<"]
    assert parse_mrz(lines, today=TODAY).check_digits_ok
    _assert_single_changes_detected(lines, data)


@given(chinese_names)
def test_chinese_name_code_round_trip(name: str) -> None:
    assert decode_chinese_name(encode_chinese_name(name)) == name


@settings(max_examples=200)
@given(
    st.sampled_from(["CRH", "CRM", "CRHA", "CT1", "CS", "CD", "CW"]),
    st.lists(st.text(alphabet=MRZ_CHARS + "Ñ", min_size=30, max_size=30), min_size=3, max_size=3),
)
def test_arbitrary_permit_shaped_text_never_raises(prefix: str, lines: list[str]) -> None:
    lines[0] = (prefix + "1" + lines[0])[:30]
    result = check_mrz(lines, today=TODAY)
    assert result.document is not None
    assert all(f.message_en and f.message_zh and "{" not in f.message_en + f.message_zh for f in result.findings)
