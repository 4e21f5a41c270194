"""Registering a document as printed: a check digit the document itself prints wrong is registered with the
zone verbatim, a reason and the approval of a manager (signed in, or signing on the spot for a receptionist);
every refusal is on file. And the report list says what each report sent."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from hotel_desk import store
from hotel_desk.desk import Desk, DeskError, GuestEntry, NotAllowed, SignInFailed
from hotel_desk.rules.roles import Role
from tests.desk.test_desk import desk, entry  # noqa: F401 - the desk fixture
from tests.support.documents import printed_wrong
from tests.support.staff import PASSWORD, sign_in


def _printed_wrong(desk: Desk, **changes: object) -> GuestEntry:  # noqa: F811
    base = entry(desk)
    lines = printed_wrong(base.mrz_lines)
    return replace(base, mrz_lines=lines, **changes)  # type: ignore[arg-type]


def _events(desk: Desk, action: str) -> list[Any]:  # noqa: F811
    return [e for e in store.audit_events(desk.db) if e.action == action]


def test_a_manager_at_the_desk_registers_the_zone_as_printed(desk: Desk) -> None:  # noqa: F811
    wrong = _printed_wrong(desk)
    assert desk.verdict(wrong).only_overridable
    with pytest.raises(DeskError, match=r"check_digit\.document_number"):
        desk.register(wrong)  # no override asked for: blocked, and the attempt is on file
    blocked = _events(desk, "registration.check_in_blocked")[-1]
    assert blocked.details["overridable"] == ["check_digit.document_number"]

    registered = desk.register(replace(wrong, override_reason="The document prints this check digit"))
    event = store.audit_events(desk.db, entity_id=registered.registration_id)[-1]
    assert event.details["override"] == {"codes": ["check_digit.document_number"],
                                         "reason": "The document prints this check digit", "approved_by": "alice"}
    assert event.details["entry_method"] == "scanner"
    kept = desk.registration_entry(registered.registration_id)
    assert kept.mrz_lines == wrong.mrz_lines  # the zone as printed, verbatim


def test_a_receptionist_needs_a_manager_who_signs_on_the_spot(desk: Desk) -> None:  # noqa: F811
    desk.staff.add("bob", Role.RECEPTIONIST, PASSWORD)  # alice, the first manager, adds her staff
    desk.staff.add("carol", Role.RECEPTIONIST, PASSWORD)
    sign_in(desk, "bob", Role.RECEPTIONIST)
    assert [name for name, _ in desk.override_approvers()] == ["alice"]
    wrong = _printed_wrong(desk, override_reason="printed so")
    with pytest.raises(NotAllowed):
        desk.register(wrong)  # bob may not approve it himself
    assert _events(desk, "access.refused")[-1].details["role"] == "receptionist"
    with pytest.raises(NotAllowed):
        desk.register(wrong, approver=("carol", PASSWORD))  # nor may another receptionist
    with pytest.raises(SignInFailed):
        desk.register(wrong, approver=("alice", "not her password"))
    assert store.staff_account(desk.db, "alice").failed_sign_ins == 1  # counts towards her lockout

    registered = desk.register(wrong, approver=("alice", PASSWORD))
    assert desk.session is not None and desk.session.username == "bob"  # the session stays bob's
    event = store.audit_events(desk.db, entity_id=registered.registration_id)[-1]
    assert event.actor == "bob" and event.details["override"]["approved_by"] == "alice"
    approval = _events(desk, "access.approved")[-1]
    assert approval.actor == "alice" and approval.details["for"] == "bob"
    assert approval.details["codes"] == ["check_digit.document_number"]


def test_nothing_else_is_registered_as_printed(desk: Desk) -> None:  # noqa: F811
    clean = entry(desk, override_reason="just because")
    with pytest.raises(DeskError, match="only a check digit"):
        desk.register(clean)
    with pytest.raises(DeskError, match="check_digit"):
        desk.register(_printed_wrong(desk, override_reason="   "))  # no reason: no override asked for
    assert desk.in_house() == []


def test_reports_list_what_was_sent_not_the_registration_now(desk: Desk) -> None:  # noqa: F811
    registered = desk.register(entry(desk, room="1208"))
    desk.correct(registered.registration_id, replace(desk.registration_entry(registered.registration_id),
                                                     room="1210"), "moved")
    rows = {r.kind: r for r in desk.reports()}
    assert rows["check_in"].room == "1208" and rows["correction"].room == "1210"
    assert rows["check_in"].guest_name == "KOWALSKA, ANNA"
