"""China's permit cards read from their own 3-line zones (layouts and sources in docs/documents.md).

No public real specimen string of these zones was found, so the zones below are composed with the established
rules (format_permit computes every check digit; the exit-entry permit line is composed here by hand). Each test
pins one rule: where a field sits, which digit protects it, and what the desk is told.
"""

from __future__ import annotations

from datetime import date

from hotel_desk.documents import (
    DocumentFormat,
    DocumentKind,
    Severity,
    StayPlan,
    check_digit,
    check_mrz,
    correction_candidates,
    decode_chinese_name,
    detect_format,
    format_permit,
    parse_mrz,
    typing_feedback,
)
from hotel_desk.documents.permits import encode_chinese_name

TODAY = date(2026, 11, 22)


def hk_permit(**over: str) -> list[str]:
    fields = dict(
        number="H12345678", renewal="01", expiry="320115", birth="900102", sex="M", surname="CHAN",
        given_names="TAI MAN", resident_id="A1234567", chinese_name="陈大文",
    )
    fields.update(over)
    return list(format_permit(code="CR", **fields))


def tw_permit(**over: str) -> list[str]:
    fields = dict(
        number="12345678", renewal="00", expiry="300610", birth="850315", sex="F", surname="LIN",
        given_names="MEI HUA", resident_id="A234567890", chinese_name="林美华", issuing_authority="HKGL",
    )
    fields.update(over)
    return list(format_permit(code="CT", **fields))


def codes(lines: list[str], stay: StayPlan | None = None) -> dict[str, tuple[Severity, str | None]]:
    return {f.code: (f.severity, f.field) for f in check_mrz(lines, today=TODAY, stay=stay).findings}


def test_composed_zones_have_the_layout_column_by_column() -> None:
    lines = hk_permit()
    assert lines == [
        "CRH1234567830133201152M9001022",
        "LDMCLEPDMOME<<<<<<<A1234567<68",
        "CHAN<<TAI<MAN<<<<<<<<<<<<<<<<<",
    ]
    # code | number + check | renewal + check | expiry + check | sex | birth + check
    line1 = lines[0]
    assert (line1[:2], line1[2:11], line1[12:14], line1[15:21], line1[22], line1[23:29]) == (
        "CR", "H12345678", "01", "320115", "M", "900102",
    )
    assert line1[11] == check_digit("H12345678") and line1[14] == check_digit("01")
    assert line1[21] == check_digit("320115") and line1[29] == check_digit("900102")
    # The composite skips the sex and covers the identity card number and its digit on line 2.
    assert lines[1][29] == check_digit(line1[2:22] + line1[23:30] + lines[1][19:29])
    assert lines[1][28] == check_digit(lines[1][19:28])


def test_hong_kong_permit_gives_every_field() -> None:
    doc = parse_mrz(hk_permit(), today=TODAY)
    assert doc.format is DocumentFormat.CN_PERMIT and doc.kind is DocumentKind.HK_MACAO_PERMIT
    assert (doc.document_code, doc.issuing_state, doc.nationality) == ("CR", "CHN", "HKG")
    assert (doc.document_number, doc.optional_data, doc.optional_data_2) == ("H12345678", "01", "A1234567")
    assert (doc.surname, doc.given_names, doc.sex) == ("CHAN", "TAI MAN", "M")
    assert (doc.birth_date, doc.expiry_date) == (date(1990, 1, 2), date(2032, 1, 15))
    assert doc.chinese_name == "陈大文"
    assert [c.field for c in doc.check_digits] == [
        "document_number", "renewal_count", "expiry_date", "birth_date", "resident_id", "composite",
    ]
    assert doc.check_digits_ok


def test_macao_permit_is_from_macao() -> None:
    doc = parse_mrz(hk_permit(number="M87654321", resident_id="12345678"), today=TODAY)
    assert (doc.nationality, doc.document_number, doc.optional_data_2) == ("MAC", "M87654321", "12345678")
    assert doc.check_digits_ok


def test_taiwan_permit_gives_every_field() -> None:
    lines = tw_permit()
    assert lines[0][2:11] == "12345678<" and lines[2][26:] == "HKGL"
    doc = parse_mrz(lines, today=TODAY)
    assert doc.kind is DocumentKind.TAIWAN_PERMIT and doc.nationality == "TWN"
    assert (doc.document_number, doc.optional_data, doc.optional_data_2) == ("12345678", "00", "A234567890")
    assert (doc.surname, doc.given_names, doc.sex, doc.issuing_authority) == ("LIN", "MEI HUA", "F", "HKGL")
    assert (doc.birth_date, doc.expiry_date, doc.chinese_name) == (date(1985, 3, 15), date(2030, 6, 10), "林美华")
    # The 10-character Taiwan ID has no check digit of its own: the composite covers it.
    assert [c.field for c in doc.check_digits] == [
        "document_number", "renewal_count", "expiry_date", "birth_date", "composite",
    ]
    assert doc.check_digits_ok


def test_a_good_permit_is_valid_with_notes_to_compare_with_the_card() -> None:
    result = check_mrz(hk_permit(), today=TODAY, stay=StayPlan(arrival=TODAY, departure=date(2026, 11, 25)))
    assert result.valid and not result.has_warnings
    found = {f.code: (f.severity, f.field) for f in result.findings}
    assert found == {
        "cn.permit_mrz_read": (Severity.INFO, "mrz"),
        "cn.permit_chinese_name_read": (Severity.INFO, "chinese_name"),
    }
    note = next(f for f in result.findings if f.code == "cn.permit_chinese_name_read")
    assert "陈大文" in note.message_en and "陈大文" in note.message_zh
    assert "港澳居民来往内地通行证" in next(f for f in result.findings if f.code == "cn.permit_mrz_read").message_zh


def test_each_permit_check_digit_is_named_by_field() -> None:
    lines = hk_permit()
    bad_renewal = lines[0][:14] + "9" + lines[0][15:]
    found = codes([bad_renewal, lines[1], lines[2]])
    assert found["check_digit.renewal_count"] == (Severity.ERROR, "renewal_count")
    assert found["check_digit.composite"][0] is Severity.ERROR
    bad_birth = lines[0][:29] + ("0" if lines[0][29] != "0" else "1")
    assert "check_digit.birth_date" in codes([bad_birth, lines[1], lines[2]])


def test_resident_id_digit_disagreeing_with_a_passing_composite_only_warns() -> None:
    # The digit after the identity card number comes from one source with an indexing slip; if a card
    # disagrees while the composite (which covers that digit) passes, the rule is in doubt, not the card.
    lines = hk_permit()
    wrong = "0" if lines[1][28] != "0" else "1"
    line2 = lines[1][:28] + wrong + "<"
    line2 = line2[:29] + check_digit(lines[0][2:22] + lines[0][23:30] + line2[19:29])
    found = codes([lines[0], line2, lines[2]])
    assert found["cn.permit_resident_id_check"] == (Severity.WARNING, "resident_id")
    assert not any(code.startswith("check_digit.") for code in found)
    # With the composite failing too, it is an error like any other.
    broken = codes([lines[0], lines[1][:28] + wrong + lines[1][29], lines[2]])
    assert broken["check_digit.resident_id"][0] is Severity.ERROR


def test_permit_dates_names_and_stay_are_checked_like_any_document() -> None:
    assert codes(hk_permit(expiry="261119"), StayPlan(arrival=date(2026, 11, 20)))["expiry.expired"][0] is Severity.ERROR
    assert "date.invalid" in codes(hk_permit(birth="901302"))
    assert codes(hk_permit(birth="150101"), StayPlan(arrival=TODAY))["guest.minor"][0] is Severity.WARNING
    assert "names.missing_surname" in codes(hk_permit(surname="", given_names=""))
    assert "cn.hkmo_permit_format" in codes(hk_permit(number="H1234567"))


def test_a_chinese_name_filling_the_zone_may_go_on() -> None:
    found = codes(hk_permit(chinese_name="欧阳美玲"))
    assert found["cn.permit_chinese_name_full"] == (Severity.WARNING, "chinese_name")
    assert parse_mrz(hk_permit(chinese_name="欧阳美玲"), today=TODAY).chinese_name == "欧阳美玲"


def test_chinese_name_code_and_no_name_without_its_code() -> None:
    assert encode_chinese_name("证") == "NGKE"  # GBK D6A4, as in the public exit-entry permit reader
    assert decode_chinese_name("NGKELMP<") == "证"
    assert decode_chinese_name("<<<<<<<<<<<<<<<<<<<") == ""
    # A block that is not GBK for Chinese characters gives no name rather than a wrong one.
    assert decode_chinese_name("ABCDEFGHIJKLMNOP") == ""
    assert decode_chinese_name("CHAN<<TAI<MAN") == ""
    no_name = parse_mrz(hk_permit(chinese_name=""), today=TODAY)
    assert no_name.chinese_name == "" and no_name.check_digits_ok
    assert "cn.permit_chinese_name_read" not in codes(hk_permit(chinese_name=""))


def test_non_chinese_holders_permit_is_read_with_a_warning() -> None:
    lines = hk_permit(number="HA1234567", resident_id="Z9876543", chinese_name="")
    doc = parse_mrz(lines, today=TODAY)
    assert doc.document_number == "HA1234567" and doc.nationality == ""  # their nationality is on the card face
    found = codes(lines)
    assert found["cn.permit_non_chinese_layout"] == (Severity.WARNING, "document_number")
    assert "cn.hkmo_permit_format" not in found


def test_icao_cr_residence_cards_are_still_td1() -> None:
    # A 'CR' residence card prints an issuing state in columns 3-5; a permit prints its number there.
    residence = ["CRUTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    assert detect_format(residence) is DocumentFormat.TD1
    assert detect_format(hk_permit()) is DocumentFormat.CN_PERMIT


def eep_line(code: str = "CS", number: str = "C12345678", expiry: str = "290512", birth: str = "950630") -> str:
    """A mainland resident's exit-entry permit card line: number, expiry and birth with their digits, and a
    composite over columns 3-12, 14-20 and 22-28 (columns 13, 21 and 29 are fillers here)."""
    line = code + number + check_digit(number) + "<" + expiry + check_digit(expiry) + "<" + birth
    line += check_digit(birth) + "<"
    return line + check_digit(line[2:12] + line[13:20] + line[21:28])


def test_exit_entry_permit_line_is_named_not_incomplete() -> None:
    line = eep_line()
    assert len(line) == 30
    result = check_mrz([line], today=TODAY)
    assert result.document is None and not result.valid
    finding = result.findings[0]
    assert (finding.code, finding.severity) == ("cn.exit_entry_permit", Severity.ERROR)
    assert "往来港澳通行证" in finding.message_zh
    assert check_mrz([eep_line("CD")], today=TODAY).findings[0].message_zh.startswith("这是大陆居民往来台湾通行证")
    # A line whose digits fail is not taken for one: it is still reported as an incomplete zone.
    assert [f.code for f in check_mrz([line[:-1] + "<"], today=TODAY).findings] == ["mrz.incomplete"]


def test_exit_entry_permit_chip_zone_is_refused_with_its_dates() -> None:
    lines = [eep_line(), "NGKELMPA<<<<ZHANG<<SAN<<<<<<<<", "<" * 30]
    result = check_mrz(lines, today=TODAY)
    assert result.document is not None and result.document.kind is DocumentKind.OTHER
    assert result.document.document_number == "C12345678" and result.document.check_digits_ok
    assert result.document.birth_date == date(1995, 6, 30)
    assert {f.code for f in result.findings} == {"cn.exit_entry_permit"}


def test_unverified_codes_still_give_the_number_only() -> None:
    lines = ["CWH12345678<<<<<<<<<<<<<<<<<<<", "<" * 30, "<" * 30]
    result = check_mrz(lines, today=TODAY)
    assert result.document is not None and result.document.document_number == "H12345678"
    assert "cn.permit_mrz_manual" in {f.code for f in result.findings}


def test_misread_permit_number_is_offered_a_correction() -> None:
    good = hk_permit()
    read = [good[0].replace("H12345678", "H1234S678"), good[1], good[2]]
    found = correction_candidates(read)
    assert found and found[0].lines == tuple(good)
    assert check_mrz(read, today=TODAY).candidates[0].lines == tuple(good)


def test_typing_a_permit_gives_feedback_on_its_own_fields() -> None:
    lines = hk_permit()
    fmt, feedback = typing_feedback([lines[0], lines[1][:20]])
    status = {f.field: f.status for f in feedback}
    assert fmt is DocumentFormat.CN_PERMIT
    assert status == {
        "document_number": "ok", "renewal_count": "ok", "expiry_date": "ok", "birth_date": "ok",
        "resident_id": "pending", "composite": "pending",
    }
    typo = lines[0][:21] + ("0" if lines[0][21] != "0" else "1") + lines[0][22:]
    assert {f.field: f.status for f in typing_feedback([typo])[1]}["expiry_date"] == "fail"
