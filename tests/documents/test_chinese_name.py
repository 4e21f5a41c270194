"""Residents of Hong Kong, Macao and Taiwan are registered with their Chinese name: the rule, in one place."""

from __future__ import annotations

from datetime import date

from hotel_desk.documents import (
    DocumentKind,
    Severity,
    check_manual_document,
    check_mrz,
    chinese_name_findings,
    chinese_name_required,
    document_chinese_name_findings,
    format_permit,
    format_td3,
    manual_document,
    parse_mrz,
)

TODAY = date(2026, 11, 22)


def found(chinese_name: str, **document: str) -> dict[str, tuple[Severity, str | None]]:
    return {f.code: (f.severity, f.field) for f in chinese_name_findings(chinese_name, **document)}  # type: ignore[arg-type]


def test_permit_holders_must_give_their_chinese_name() -> None:
    for kind, number, region in (
        (DocumentKind.HK_MACAO_PERMIT, "H12345678", "Hong Kong"),
        (DocumentKind.HK_MACAO_PERMIT, "M1234567801", "Macao"),
        (DocumentKind.TAIWAN_PERMIT, "12345678", "Taiwan"),
    ):
        findings = chinese_name_findings("", kind=kind, document_number=number)
        assert [(f.code, f.severity, f.field) for f in findings] == [
            ("chinese_name.missing", Severity.ERROR, "chinese_name")
        ]
        assert region in findings[0].message_en and "中文姓名" in findings[0].message_zh
        assert chinese_name_findings("陈大文", kind=kind, document_number=number) == []


def test_residents_by_nationality_or_issuer() -> None:
    for code in ("HKG", "MAC", "TWN"):
        assert found("", kind="passport", nationality=code) == {"chinese_name.missing": (Severity.ERROR, "chinese_name")}
        assert chinese_name_required(kind="id_card", issuing_state=code) is Severity.ERROR
    macao = chinese_name_findings("  ", kind="id_card", issuing_state="MAC")[0]
    assert "澳门" in macao.message_zh and "Macao" in macao.message_en
    for code in ("CHN", "CAN", "GBR", ""):
        assert chinese_name_required(kind="passport", nationality=code, issuing_state=code) is None
        assert chinese_name_findings("", kind="passport", nationality=code) == []


def test_non_chinese_permit_holders_are_reminded_not_refused() -> None:
    assert chinese_name_required(kind=DocumentKind.HK_MACAO_PERMIT, document_number="HA1234567") is Severity.WARNING
    assert found("", kind=DocumentKind.HK_MACAO_PERMIT, document_number="MA1234567", nationality="GBR") == {
        "chinese_name.check_card": (Severity.WARNING, "chinese_name")
    }


def test_a_chinese_name_without_chinese_characters_is_questioned() -> None:
    assert found("CHAN TAI MAN", kind=DocumentKind.HK_MACAO_PERMIT, document_number="H12345678") == {
        "chinese_name.not_han": (Severity.WARNING, "chinese_name")
    }
    assert found("司徒·美玲", kind="passport", nationality="TWN") == {}
    assert found("张伟", kind="passport", nationality="CAN") == {}
    assert "chinese_name.not_han" in found("Zhang", kind="passport", nationality="CAN")


def test_document_form_takes_the_confirmed_name() -> None:
    doc = parse_mrz(
        list(format_permit(number="H12345678", expiry="320115", birth="900102", sex="M", surname="CHAN",
                           resident_id="A1234567")),
        today=TODAY,
    )
    assert doc.chinese_name == ""
    assert [f.code for f in document_chinese_name_findings(doc)] == ["chinese_name.missing"]
    assert document_chinese_name_findings(doc, "陈大文") == []
    # A name decoded from the zone counts as given (the desk shows it to be compared with the card) ...
    read = parse_mrz(
        list(format_permit(number="H12345678", expiry="320115", birth="900102", sex="M", surname="CHAN",
                           resident_id="A1234567", chinese_name="陈大文")),
        today=TODAY,
    )
    assert document_chinese_name_findings(read) == []
    # ... and the receptionist's confirmed value is what is judged.
    assert [f.code for f in document_chinese_name_findings(read, "")] == ["chinese_name.missing"]


def test_document_checks_do_not_judge_a_name_not_yet_typed() -> None:
    # The rule belongs to the registration: a permit read at the desk is a valid document before the name is
    # typed, and the recogniser and the import keep judging reads by the document alone.
    lines = list(format_permit(number="H12345678", expiry="320115", birth="900102", sex="M", surname="CHAN",
                               resident_id="A1234567"))
    assert check_mrz(lines, today=TODAY).valid
    passport = list(format_td3(document_code="P<", issuing_state="TWN", surname="LIN", given_names="MEI",
                               document_number="312345678", nationality="TWN", birth="850315", sex="F",
                               expiry="300610"))
    assert not any(f.code.startswith("chinese_name") for f in check_mrz(passport, today=TODAY).findings)
    typed = manual_document(
        kind=DocumentKind.TAIWAN_PERMIT, surname="Lin", given_names="Mei Hua", document_number="12345678",
        nationality="TWN", birth_date=date(1985, 3, 15), sex="F", expiry_date=date(2030, 6, 10),
    )
    assert check_manual_document(typed, today=TODAY) == []
    assert [f.code for f in document_chinese_name_findings(typed)] == ["chinese_name.missing"]
