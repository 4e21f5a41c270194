"""Validity findings: each rule with the stable code, severity and field the UI and exports key on."""

from __future__ import annotations

from datetime import date

from hotel_desk.documents import (
    DocumentKind,
    Severity,
    StayPlan,
    check_manual_document,
    check_mrz,
    format_td3,
    manual_document,
)

TODAY = date(2026, 11, 22)


def td3(**over: str) -> list[str]:
    fields = dict(
        document_code="P<", issuing_state="CAN", surname="MARTIN", given_names="SARAH", document_number="ZE000509",
        nationality="CAN", birth="850101", sex="F", expiry="330114",
    )
    fields.update(over)
    return list(format_td3(**fields))  # type: ignore[arg-type]


def codes(lines: list[str], stay: StayPlan | None = None) -> dict[str, tuple[Severity, str | None]]:
    return {f.code: (f.severity, f.field) for f in check_mrz(lines, today=TODAY, stay=stay).findings}


def test_each_failing_check_digit_is_named_by_field() -> None:
    lines = td3()
    line2 = lines[1]
    broken = line2[:9] + "1" + line2[10:19] + "0" + line2[20:]
    found = codes([lines[0], broken])
    assert found["check_digit.document_number"] == (Severity.ERROR, "document_number")
    assert found["check_digit.birth_date"] == (Severity.ERROR, "birth_date")
    assert "check_digit.composite" in found
    result = check_mrz([lines[0], broken], today=TODAY)
    msg = next(f for f in result.findings if f.code == "check_digit.birth_date")
    assert "printed 0" in msg.message_en and "出生日期" in msg.message_zh


def test_impossible_dates() -> None:
    found = codes(td3(birth="851341", expiry="331302"))
    assert found["date.invalid"][0] is Severity.ERROR


def test_expired_on_arrival_and_expiring_during_stay() -> None:
    assert "expiry.expired" in codes(td3(expiry="261119"), StayPlan(arrival=date(2026, 11, 20)))
    during = codes(td3(expiry="261123"), StayPlan(arrival=date(2026, 11, 20), departure=date(2026, 11, 25)))
    assert during["expiry.during_stay"] == (Severity.WARNING, "expiry_date")


def test_stay_limit() -> None:
    stay = StayPlan(arrival=date(2026, 11, 20), departure=date(2026, 12, 25), permit_stay_until=date(2026, 12, 20))
    assert codes(td3(), stay)["stay.limit_before_departure"] == (Severity.WARNING, "stay_until")
    passed = StayPlan(arrival=date(2026, 11, 20), permit_stay_until=date(2026, 11, 1))
    assert codes(td3(), passed)["stay.limit_passed"][0] is Severity.ERROR


def test_minor_guest() -> None:
    found = codes(td3(birth="100101"), StayPlan(arrival=date(2026, 11, 20)))
    assert found["guest.minor"] == (Severity.WARNING, "birth_date")


def test_unknown_and_reserved_country_codes() -> None:
    assert codes(td3(issuing_state="QQQ", nationality="QQQ"))["country.unknown"][0] is Severity.ERROR
    refugee = codes(td3(nationality="XXB"))
    assert refugee["country.reserved"][0] is Severity.INFO
    assert "nationality.differs" in refugee
    assert "country.unknown" not in codes(td3(issuing_state="D", nationality="D"))
    assert "country.unknown" not in codes(td3(nationality="GBN", issuing_state="GBR"))


def test_specimens() -> None:
    assert codes(td3(issuing_state="UTO", nationality="UTO"))["document.specimen"][0] is Severity.ERROR
    assert "document.specimen" in codes(td3(surname="SPECIMEN"))
    assert codes(td3(surname="MUSTERMANN"))["document.specimen_name"][0] is Severity.WARNING


def test_document_types_not_accepted() -> None:
    visa = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"]
    assert codes(visa)["document.visa_not_identity"][0] is Severity.ERROR
    id_card = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    assert codes(id_card)["document.id_card_not_accepted"][0] is Severity.WARNING


def test_characters_outside_the_mrz_alphabet() -> None:
    lines = td3()
    found = check_mrz([lines[0][:10] + "Ñ" + lines[0][11:], lines[1]], today=TODAY)
    bad = [f for f in found.findings if f.code == "mrz.bad_character"]
    assert bad and "position 11" in bad[0].message_en


def test_half_typed_mrz_says_what_is_missing() -> None:
    result = check_mrz(["P<CANMARTIN<<SARAH<<<<<<", "ZE000509<9CAN85"], today=TODAY)
    assert result.document is None and not result.valid
    assert {f.code for f in result.findings} == {"mrz.incomplete"}
    assert "44" in result.findings[0].message_en


def test_garbage_is_not_an_mrz() -> None:
    assert [f.code for f in check_mrz("hello world", today=TODAY).findings] == ["mrz.layout"]
    assert [f.code for f in check_mrz("", today=TODAY).findings] == ["mrz.empty"]


def test_every_finding_has_both_languages() -> None:
    lines = td3(issuing_state="UTO", birth="100101", expiry="261119")
    for finding in check_mrz(lines, today=TODAY, stay=StayPlan(arrival=TODAY)).findings:
        assert finding.message_en and finding.message_zh
        assert "{" not in finding.message_en + finding.message_zh
        assert finding.message("zh_CN") == finding.message_zh


def test_a_typed_document_is_checked_by_the_rules_of_its_kind() -> None:
    doc = manual_document(
        kind=DocumentKind.HK_MACAO_PERMIT, surname="Chan", given_names="Tai Man", document_number="H1234567",
        nationality="CHN", birth_date=date(1990, 1, 2), sex="M", expiry_date=date(2030, 1, 1),
    )
    assert "cn.hkmo_permit_format" in {f.code for f in check_manual_document(doc, today=TODAY)}
    good = manual_document(
        kind=DocumentKind.HK_MACAO_PERMIT, surname="Chan", given_names="Tai Man", document_number="H12345678",
        nationality="CHN", birth_date=date(1990, 1, 2), sex="M", expiry_date=date(2030, 1, 1),
    )
    assert check_manual_document(good, today=TODAY) == []
