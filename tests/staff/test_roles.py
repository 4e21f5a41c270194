"""The role table and the rules for staff names and passwords (hotel_desk.rules.roles): pure data."""

from __future__ import annotations

import pytest

from hotel_desk.rules.roles import (
    PERMISSIONS,
    Permission,
    Role,
    allows,
    normalise_username,
    parse_role,
    password_problems,
    setting_permission,
    username_problems,
)


def test_the_permission_table() -> None:
    assert PERMISSIONS[Role.MANAGER] == frozenset(Permission)
    receptionist = PERMISSIONS[Role.RECEPTIONIST]
    assert {Permission.REGISTER, Permission.CHECK_OUT, Permission.CORRECT, Permission.HAND_OVER,
            Permission.SEND_REPORTS, Permission.VIEW_PERSONAL_DATA} == receptionist
    for manager_only in (Permission.CANCEL, Permission.CHANGE_SETTINGS, Permission.SWITCH_LIVE,
                         Permission.MANAGE_USERS, Permission.APPROVE_OVERRIDE):
        assert not allows(Role.RECEPTIONIST, manager_only) and allows(Role.MANAGER, manager_only)
    # The liaison reads and inspects; never registers, changes or sends anything.
    assert PERMISSIONS[Role.LIAISON] == {Permission.VIEW_PERSONAL_DATA, Permission.INSPECT, Permission.EXPORT_AUDIT}
    assert not allows(None, Permission.VIEW_PERSONAL_DATA) and not allows("janitor", Permission.REGISTER)


def test_roles_as_typed() -> None:
    assert parse_role(" Manager ") is Role.MANAGER
    with pytest.raises(ValueError, match="receptionist, manager, liaison"):
        parse_role("boss")


def test_settings_that_decide_what_reaches_the_police_need_switch_live() -> None:
    assert setting_permission("training") is Permission.SWITCH_LIVE
    assert setting_permission("authorisation_code") is Permission.SWITCH_LIVE
    assert setting_permission("scanner_folder") is Permission.CHANGE_SETTINGS


def test_staff_names() -> None:
    assert normalise_username("  Wang   Fang ") == "Wang Fang"
    assert username_problems("王芳") == []
    assert username_problems("   ") == ["username.empty"]
    # The desk's own actors look like these; a person's name must not.
    for name in ("uploader@desk-1", "cli:root", "(settings file)", "bell\x07"):
        assert username_problems(name) == ["username.characters"], name
    assert username_problems("x" * 61) == ["username.too_long"]


def test_password_rules() -> None:
    assert password_problems("wang", "lotus-pond-7") == []
    assert password_problems("wang", "short") == ["password.too_short"]
    assert password_problems("wangfang1", "WangFang1") == ["password.is_username"]
    assert password_problems("wang", "aaaaaaaaaa") == ["password.one_character"]
    assert password_problems("wang", "x" * 300) == ["password.too_long", "password.one_character"]
