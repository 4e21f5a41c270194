"""Residents of Hong Kong, Macao and Taiwan are registered with their Chinese name: the rule, in one place."""

from __future__ import annotations

from hotel_desk.documents import (
    DocumentKind,
    Severity,
    chinese_name_findings,
    chinese_name_required,
)


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
