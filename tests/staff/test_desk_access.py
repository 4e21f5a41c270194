"""The desk layer's door: sign-in with argon2, the lockout, THE permission check on every action (a refusal on
file), the desk locked and switched, a disabled account or changed role taking effect at once, blocked
check-ins on file, settings changed only by a manager, and no password in clear anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from hotel_desk import store
from hotel_desk.clock import ManualClock
from hotel_desk.desk import Desk, DeskError, NotAllowed, NotSignedIn, SignInFailed
from hotel_desk.desk import passwords as password_module
from hotel_desk.rules.roles import LOCKOUT, MAX_FAILED_SIGN_INS, NOT_SIGNED_IN, Permission, Role
from hotel_desk.settings import Settings, load_settings
from tests.desk.test_desk import entry
from tests.support.staff import FIRST_MANAGER, PASSWORD, ensure_account, sign_in


@pytest.fixture
def desk(tmp_path: Path, clock: ManualClock) -> Iterator[Desk]:
    settings = Settings(hotel_name="Lakeside Inn", training=True,
                        database_url=f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}")
    with Desk(settings, clock=clock, via="test") as made:
        store.set_property(made.db, name="Lakeside Inn", hotel_code="TRAINING", clock=clock)
        yield made


def _events(desk: Desk, prefix: str) -> list[store.AuditEventView]:
    return list(reversed(store.audit_events(desk.db, action_prefix=prefix, limit=1000)))


def test_nobody_signed_in_sees_nothing_and_changes_nothing(desk: Desk) -> None:
    for action in (desk.in_house, desk.reports, lambda: desk.register(entry(desk)), lambda: desk.cancel("x", "y")):
        with pytest.raises(NotSignedIn) as refused:
            action()
        assert refused.value.code == "not_signed_in"
    with pytest.raises(NotSignedIn):
        _ = desk.actor
    # Nobody asked: nothing on file but the desk's own set-up (the property, the data key that seals images).
    assert sorted(e.action for e in store.audit_events(desk.db)) == ["data_key.created", "property.set"]


def test_first_manager_once_then_sign_in(desk: Desk, clock: ManualClock) -> None:
    assert not desk.access.has_accounts()
    with pytest.raises(DeskError) as bad:
        desk.access.create_first_manager("Wang", "short")
    assert bad.value.code == "password.too_short"
    desk.access.create_first_manager(" Wang  Fang ", "lotus-pond-7", display_name="王芳")
    assert desk.session is not None and desk.session.role is Role.MANAGER and desk.actor == "Wang Fang"
    assert desk.session.label == "王芳"
    with pytest.raises(DeskError) as again:
        desk.access.create_first_manager("Li", "lotus-pond-8")
    assert again.value.code == "accounts_exist"
    desk.access.sign_out()
    assert desk.session is None
    assert desk.access.sign_in("wang fang", "lotus-pond-7").username == "Wang Fang"
    actions = [(e.actor, e.action) for e in _events(desk, "") if e.action not in ("property.set", "data_key.created")]
    assert actions == [("Wang Fang", "account.created"), ("Wang Fang", "session.signed_in"),
                       ("Wang Fang", "session.signed_out"), ("Wang Fang", "session.signed_in")]


def test_wrong_passwords_lock_the_account_for_a_while(desk: Desk, clock: ManualClock) -> None:
    ensure_account(desk, "wang", Role.RECEPTIONIST)
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInFailed) as wrong:
            desk.access.sign_in("wang", "not the password")
        assert wrong.value.code == "sign_in_failed"
    with pytest.raises(SignInFailed) as locked:
        desk.access.sign_in("wang", "not the password")
    assert locked.value.code == "account_locked" and locked.value.locked_until == clock.now() + LOCKOUT
    with pytest.raises(SignInFailed) as still:  # even the right password waits for the lock to end
        desk.access.sign_in("wang", PASSWORD)
    assert still.value.code == "account_locked"
    clock.advance(LOCKOUT)
    assert desk.access.sign_in("wang", PASSWORD).username == "wang"
    failures = _events(desk, "session.sign_in_failed")
    assert [e.details["reason"] for e in failures] == ["wrong_password"] * MAX_FAILED_SIGN_INS + ["locked"]
    assert {e.actor for e in failures} == {NOT_SIGNED_IN} and len(_events(desk, "account.locked")) == 1
    with pytest.raises(SignInFailed) as unknown:  # a wrong name is told apart from a wrong password nowhere
        desk.access.sign_in("nobody", PASSWORD)
    assert unknown.value.code == "sign_in_failed" and str(unknown.value) == str(wrong.value)


def test_every_action_checks_the_role_and_refusals_are_on_file(desk: Desk) -> None:
    sign_in(desk, "li", Role.LIAISON)
    assert desk.in_house() == [] and desk.reports() == []  # the liaison reads
    with pytest.raises(NotAllowed) as refused:
        desk.register(entry(desk))
    assert refused.value.code == "not_allowed" and refused.value.permission is Permission.REGISTER
    sign_in(desk, "wang", Role.RECEPTIONIST)
    registered = desk.register(entry(desk))
    with pytest.raises(NotAllowed):
        desk.cancel(registered.registration_id, "duplicate")
    with pytest.raises(NotAllowed):
        desk.staff.accounts()
    refusals = [(e.actor, e.entity_id, e.details["role"]) for e in _events(desk, "access.refused")]
    assert refusals == [("li", "register", "liaison"), ("wang", "cancel", "receptionist"),
                        ("wang", "manage_users", "receptionist")]
    sign_in(desk, FIRST_MANAGER, Role.MANAGER)
    desk.cancel(registered.registration_id, "duplicate")
    # Every event names who did it; the reads of personal data too.
    actors = {(e.action, e.actor) for e in _events(desk, "registration.")} | {
        (e.action, e.actor) for e in _events(desk, "personal_data.")}
    assert ("registration.check_in", "wang") in actors and ("registration.cancellation", FIRST_MANAGER) in actors
    assert ("personal_data.list", "li") in actors


def test_a_disabled_account_or_a_new_role_takes_effect_at_the_next_action(desk: Desk, tmp_path: Path,
                                                                          clock: ManualClock) -> None:
    ensure_account(desk, "wang", Role.RECEPTIONIST)
    other = Desk(desk.settings, clock=clock)
    try:
        sign_in(other, FIRST_MANAGER)
        desk.access.sign_in("wang", PASSWORD)
        assert desk.in_house() == []
        other.staff.set_role("wang", Role.LIAISON)
        with pytest.raises(NotAllowed):
            desk.register(entry(desk))
        assert desk.session is not None and desk.session.role is Role.LIAISON
        other.staff.set_active("wang", False)
        with pytest.raises(NotSignedIn) as disabled:
            desk.in_house()
        assert disabled.value.code == "account_disabled" and desk.session is None
        with pytest.raises(SignInFailed) as refused:
            desk.access.sign_in("wang", PASSWORD)
        assert refused.value.code == "account_disabled"
        with pytest.raises(DeskError) as last:
            other.staff.set_active(FIRST_MANAGER, False)
        assert last.value.code == "last_manager"
    finally:
        other.close()


def test_lock_unlock_and_switch_user(desk: Desk) -> None:
    ensure_account(desk, "li", Role.RECEPTIONIST)
    sign_in(desk, "wang", Role.RECEPTIONIST)
    desk.access.lock("idle")
    assert desk.access.locked and not desk.access.can(Permission.REGISTER)
    with pytest.raises(NotSignedIn) as locked:
        desk.in_house()
    assert locked.value.code == "desk_locked"
    with pytest.raises(SignInFailed):
        desk.access.unlock("wrong password")
    assert desk.access.locked
    desk.access.switch_user("WANG", PASSWORD)  # the same person: an unlock
    assert not desk.access.locked and desk.actor == "wang"
    desk.access.lock()
    with pytest.raises(SignInFailed):
        desk.access.switch_user("li", "wrong password")
    assert desk.access.locked and desk.actor == "wang"  # a refused switch leaves the desk locked for wang
    desk.access.switch_user("li", PASSWORD)
    assert not desk.access.locked and desk.actor == "li"
    session_events = [(e.actor, e.action, e.details.get("reason", "")) for e in _events(desk, "session.")]
    assert session_events[-7:] == [
        ("wang", "session.locked", "idle"), (NOT_SIGNED_IN, "session.sign_in_failed", "wrong_password"),
        ("wang", "session.unlocked", ""), ("wang", "session.locked", "by_hand"),
        (NOT_SIGNED_IN, "session.sign_in_failed", "wrong_password"),
        ("wang", "session.signed_out", "switched"), ("li", "session.signed_in", ""),
    ]


def test_blocked_check_ins_are_on_file_without_naming_the_guest(desk: Desk) -> None:
    sign_in(desk, "wang", Role.RECEPTIONIST)
    late = entry(desk, stay_until=desk.today() + timedelta(days=1))  # a warning nobody accepted
    with pytest.raises(DeskError, match="warnings not accepted"):
        desk.register(late)
    assert desk.check_in_refused(entry(desk, room="")) is True
    assert desk.check_in_refused(entry(desk)) is False  # nothing blocks it: nothing to put on file
    blocked = _events(desk, "registration.check_in_blocked")
    assert [(e.actor, e.details["source"], e.details["room"]) for e in blocked] == [
        ("wang", "desk", "1208"), ("wang", "form", "")]
    assert blocked[0].details["unacknowledged"] and blocked[1].details["missing"] == ["room"]
    assert blocked[0].details["nationality"] == "POL"
    assert all("KOWALSKA" not in str(e.details) and "EA1234567" not in str(e.details) for e in blocked)


def test_settings_only_by_a_manager_and_on_file(desk: Desk, tmp_path: Path) -> None:
    sign_in(desk, "wang", Role.RECEPTIONIST)
    with pytest.raises(NotAllowed):
        desk.change_settings(replace(desk.settings, scanner_folder="/scans"))
    assert load_settings().scanner_folder == ""
    sign_in(desk, FIRST_MANAGER, Role.MANAGER)
    new = replace(desk.settings, scanner_folder="/scans", authorisation_code="S3CRET-CODE", idle_lock_minutes=5)
    assert desk.change_settings(new) == ["authorisation_code", "scanner_folder", "idle_lock_minutes"]
    saved = load_settings()
    assert saved.scanner_folder == "/scans" and saved.idle_lock_minutes == 5
    [changed] = _events(desk, "settings.changed")
    assert changed.actor == FIRST_MANAGER and "S3CRET-CODE" not in str(changed.details)
    assert changed.details["values"] == {"scanner_folder": "/scans", "idle_lock_minutes": 5}


def test_hashes_are_argon2id_re_hashed_when_the_cost_changes_and_never_the_password(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    secret = "Plum blossom 1987!"
    desk.access.create_first_manager("boss", secret)
    old = store.sign_in_record(desk.db, "boss").password_hash
    assert old.startswith("$argon2id$") and "t=1" in old
    # The installation's real cost: the next sign-in re-hashes with it.
    monkeypatch.setattr(password_module, "HASH_PARAMETERS", password_module.RFC_9106_LOW_MEMORY)
    fresh = Desk(desk.settings, clock=desk.clock)
    try:
        fresh.access.sign_in("boss", secret)
        new = store.sign_in_record(fresh.db, "boss").password_hash
    finally:
        fresh.close()
    assert new != old and "m=65536,t=3,p=4" in new
    desk.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    assert secret not in caplog.text


def test_a_manager_approves_at_a_receptionists_desk_without_taking_it_over(desk: Desk) -> None:
    ensure_account(desk, "li", Role.RECEPTIONIST, "li's password 1")
    sign_in(desk, "wang", Role.RECEPTIONIST)
    with pytest.raises(NotAllowed):  # a receptionist's word is not a manager's
        desk.access.approve(Permission.APPROVE_OVERRIDE, "li", "li's password 1", what="register_as_printed")
    with pytest.raises(SignInFailed):
        desk.access.approve(Permission.APPROVE_OVERRIDE, FIRST_MANAGER, "wrong", what="register_as_printed")
    approver = desk.access.approve(Permission.APPROVE_OVERRIDE, FIRST_MANAGER, PASSWORD,
                                   what="register_as_printed", details={"finding": "check_digit.document_number"})
    assert approver.username == FIRST_MANAGER and desk.actor == "wang"  # wang is still the one at the desk
    [approved] = _events(desk, "access.approved")
    assert approved.actor == FIRST_MANAGER and approved.details["for"] == "wang"
    assert approved.details["finding"] == "check_digit.document_number"
    assert [e.actor for e in _events(desk, "access.refused")] == ["li"]
