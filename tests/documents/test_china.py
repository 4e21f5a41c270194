from __future__ import annotations

from hotel_desk.documents import (
    check_mrz,
    mod11_2,
    validate_citizen_id,
    validate_fprid,
    validate_hk_macao_permit_number,
    validate_taiwan_permit_number,
)


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]


def test_mod11_2_standard_example() -> None:
    assert mod11_2("11010519491231002") == "X"
    assert validate_citizen_id("11010519491231002X") == []
    assert validate_citizen_id("11010519491231002x") == []


def test_citizen_id_errors() -> None:
    assert codes(validate_citizen_id("110105194912310021")) == ["cn.id_check"]
    assert codes(validate_citizen_id("1101051949123100")) == ["cn.id_format"]
    bad_date = "11010519491331" + "002"
    assert "cn.id_birth_date" in codes(validate_citizen_id(bad_date + mod11_2(bad_date)))
    region = "99010519491231002"
    assert codes(validate_citizen_id(region + mod11_2(region))) == ["cn.id_region"]


def test_permanent_resident_cards() -> None:
    body = "93115619900101001"
    assert validate_fprid(body + mod11_2(body)) == []
    wrong = "0" if mod11_2(body) != "0" else "1"
    assert codes(validate_fprid(body + wrong)) == ["cn.id_check"]
    assert validate_fprid("USA110085010100") == []
    assert codes(validate_fprid("QQQ110085010100")) == ["cn.fprid_nationality"]
    assert codes(validate_fprid("12345")) == ["cn.fprid_format"]


def test_permit_numbers() -> None:
    assert validate_hk_macao_permit_number("H12345678") == []
    assert validate_hk_macao_permit_number("M1234567801") == []
    assert validate_hk_macao_permit_number("HA123456789") == []
    assert codes(validate_hk_macao_permit_number("X12345678")) == ["cn.hkmo_permit_format"]
    assert validate_taiwan_permit_number("12345678") == []
    assert codes(validate_taiwan_permit_number("1234567")) == ["cn.tw_permit_format"]


def test_permit_card_numbers_read_from_the_zone_follow_the_number_rules() -> None:
    # The zone's own layout is tested in test_permits.py; here only that its number meets the rules above.
    from hotel_desk.documents import format_permit

    lines = format_permit(number="X12345678", expiry="320115", birth="900102", sex="M", surname="CHAN")
    result = check_mrz(list(lines), today=__import__("datetime").date(2026, 11, 22))
    assert result.document is not None and result.document.document_number == "X12345678"
    assert "cn.hkmo_permit_format" in codes(list(result.findings))
