"""The registration gate: one verdict for the form, `hotel-desk register`, the desk layer and the store."""

from __future__ import annotations

from datetime import date

import pytest

from hotel_desk.documents.findings import make_finding
from hotel_desk.rules import gate

COMPLETE = {"surname_en": "MARTIN", "document_number": "ZE000509", "nationality": "CAN", "sex": "F", "room": "301"}
TYPED = {**COMPLETE, "birth_date": date(1985, 1, 1), "document_expiry": date(2033, 1, 14)}
ERROR = make_finding("check_digit.birth_date", "birth_date", printed="3", computed="2", field_name_of="birth_date")
WARNING = make_finding("stay.limit_before_departure", "stay_until", date="2026-12-20", departure="2026-12-30")


def test_a_complete_read_document_passes() -> None:
    verdict = gate.judge(COMPLETE, entry_method="scanner")
    assert verdict.ok and not verdict.blocked and verdict.reasons() == []


@pytest.mark.parametrize("key", gate.REQUIRED)
def test_every_registration_needs_the_required_fields(key: str) -> None:
    verdict = gate.judge({**COMPLETE, key: "  "}, entry_method=None)
    assert verdict.blocked and verdict.missing == (key,)


def test_a_typed_document_also_needs_its_dates_and_the_reason() -> None:
    verdict = gate.judge(COMPLETE, entry_method="manual")
    assert verdict.missing == ("birth_date", "document_expiry", gate.REASON)
    assert gate.judge(TYPED, entry_method="manual", manual_reason="MRZ damaged").ok
    assert gate.required_fields("typed_mrz") == gate.REQUIRED  # a typed MRZ carries its dates


def test_a_correction_needs_its_reason_whatever_the_entry_method() -> None:
    assert gate.judge(COMPLETE, entry_method="scanner", reason_required=True).missing == (gate.REASON,)


def test_errors_block_and_warnings_wait_for_an_acknowledgement() -> None:
    assert gate.judge(COMPLETE, entry_method=None, findings=[ERROR], acknowledged=True).blocked
    waiting = gate.judge(COMPLETE, entry_method=None, findings=[WARNING])
    assert not waiting.blocked and waiting.needs_acknowledgement and waiting.accepted_warnings == ()
    accepted = gate.judge(COMPLETE, entry_method=None, findings=[WARNING], acknowledged=True)
    assert accepted.ok and accepted.accepted_warnings == (WARNING.code,)
    by_code = gate.judge(COMPLETE, entry_method=None, findings=[WARNING], acknowledged={WARNING.code})
    assert by_code.ok


def test_missing_values_are_said_as_the_document_core_says_them() -> None:
    verdict = gate.judge({}, entry_method="manual")
    found = {(f.code, f.field) for f in verdict.missing_findings()}
    assert ("manual.field_missing", "surname") in found and ("manual.field_missing", "expiry_date") in found
    assert ("manual.reason_missing", gate.REASON) in found
    assert "the guest has no name" in verdict.reasons() and "no room is given" in verdict.reasons()


def test_residents_of_hong_kong_macao_and_taiwan_need_their_chinese_name() -> None:
    permit = {**COMPLETE, "document_type": "hk_macao_permit", "document_number": "H12345678", "nationality": "CHN"}
    verdict = gate.judge(permit, entry_method="scanner")
    assert verdict.blocked and [f.code for f in verdict.own] == ["chinese_name.missing"]
    assert gate.judge({**permit, "chinese_name": "陈大文"}, entry_method="scanner").ok
    latin = gate.judge({**permit, "chinese_name": "Chan Tai Man"}, entry_method="scanner")
    # Latin letters in the Chinese name: the intake refuses the record, so the gate refuses it (said once: the
    # record validation's error, not also the name rule's "check and tick" warning).
    assert latin.blocked and [f.code for f in latin.own] == ["record.han_characters"]
    assert gate.judge(COMPLETE, entry_method="scanner").own == ()  # a Canadian passport: no rule


# -- the exception path: a check digit the document prints wrong ----------------------------------------------
def _checked(lines: tuple[str, str]):  # type: ignore[no-untyped-def]
    from datetime import date

    from hotel_desk.documents import check_mrz

    check = check_mrz(list(lines), today=date(2026, 11, 20))
    assert check.document is not None
    return list(check.findings), check.document.check_digits


def _zone() -> tuple[str, str]:
    from hotel_desk.documents import format_td3

    return format_td3(document_code="P", issuing_state="POL", surname="KOWALSKA", given_names="ANNA",
                      document_number="EA1234567", nationality="POL", birth="840812", sex="F", expiry="310101")


@pytest.mark.parametrize("field", ["document_number", "birth_date", "expiry_date", "composite"])
def test_a_digit_printed_wrong_may_be_overridden_with_a_reason_and_an_approver(field: str) -> None:
    from hotel_desk.rules.record import Override
    from tests.support.documents import printed_wrong

    findings, digits = _checked(printed_wrong(_zone(), field))
    verdict = gate.judge(COMPLETE, entry_method="scanner", findings=findings, check_digits=digits)
    assert verdict.blocked and verdict.only_overridable
    assert [f.code for f in verdict.overridable] == [f"check_digit.{field}"]
    approved = gate.judge(COMPLETE, entry_method="scanner", findings=findings, check_digits=digits,
                          override=Override("printed so on the document", "boss"))
    assert approved.ok and approved.overridden_codes == (f"check_digit.{field}",)
    for override, missing in ((Override(" ", "boss"), gate.OVERRIDE_REASON), (Override("why", ""), gate.OVERRIDE_APPROVAL)):
        unapproved = gate.judge(COMPLETE, entry_method="scanner", findings=findings, check_digits=digits,
                                override=override)
        assert unapproved.blocked and missing in unapproved.missing


def test_a_misreading_is_never_overridable() -> None:
    from hotel_desk.rules.record import Override
    from tests.support.documents import misread

    for at in (9, 3, 16):  # the number's digit, a character of the number, a character of the birth date
        findings, digits = _checked(misread(_zone(), at))
        assert len([d for d in digits if not d.ok]) == 2  # the field's digit and the composite fail together
        verdict = gate.judge(COMPLETE, entry_method="scanner", findings=findings, check_digits=digits,
                             override=Override("printed so", "boss"))
        assert verdict.blocked and verdict.overridable == () and not verdict.only_overridable


def test_an_expired_document_is_never_overridable_even_beside_a_printed_digit() -> None:
    from hotel_desk.rules.record import Override
    from tests.support.documents import printed_wrong

    expired = make_finding("expiry.expired", "expiry_date", date="2020-01-01", arrival="2026-11-20")
    findings, digits = _checked(printed_wrong(_zone()))
    verdict = gate.judge(COMPLETE, entry_method="scanner", findings=[*findings, expired], check_digits=digits,
                         override=Override("printed so", "boss"))
    assert verdict.blocked and [f.code for f in verdict.errors] == ["expiry.expired"]
    assert not gate.judge(COMPLETE, entry_method="scanner", findings=[*findings, expired],
                          check_digits=digits).only_overridable
    # Nothing to cross-check against (no composite digit, as on a visa): not overridable either.
    no_composite = [d for d in digits if d.field != "composite"]
    assert gate.judge(COMPLETE, entry_method="scanner", findings=findings, check_digits=no_composite).overridable == ()
