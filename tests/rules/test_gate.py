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
