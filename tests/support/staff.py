"""Staff accounts for tests: every desk action needs someone signed in whose role allows it, as at a real desk.

`sign_in(desk, name, role)` makes the account (the installation's first manager first, when there is none)
and signs it in; `staff_env(monkeypatch, url, name, role)` does the same in a database for the command line
and puts the name and password where the commands look for them ($HOTEL_DESK_USER, $HOTEL_DESK_PASSWORD).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotel_desk.rules.roles import Role

if TYPE_CHECKING:
    import pytest

    from hotel_desk.clock import Clock
    from hotel_desk.desk import Desk, StaffSession

#: Every test account's password (long enough for the password rules, and never a name).
PASSWORD = "correct horse battery"
#: The installation's first manager, who adds the other accounts.
FIRST_MANAGER = "boss"


def ensure_account(desk: Desk, name: str, role: Role, password: str = PASSWORD) -> None:
    """`name` exists with `role` (made by the first manager, who is made first when there is no account). Who is
    signed in at `desk` stays signed in: the first manager works at a desk of their own."""
    from hotel_desk import store
    from hotel_desk.desk import Desk

    if not desk.access.has_accounts():
        first = name if role is Role.MANAGER else FIRST_MANAGER
        desk.access.create_first_manager(first, password if first == name else PASSWORD, sign_in=False)
    if store.staff_account(desk.db, name) is None:
        with Desk(desk.settings, clock=desk.clock) as managers:
            managers.access.sign_in(FIRST_MANAGER, PASSWORD)
            managers.staff.add(name, role, password)
            managers.access.sign_out()


def sign_in(desk: Desk, name: str = "alice", role: Role = Role.MANAGER, password: str = PASSWORD) -> StaffSession:
    ensure_account(desk, name, role, password)
    return desk.access.sign_in(name, password)


def make_accounts(url: str, accounts: dict[str, Role], *, clock: Clock | None = None) -> None:
    """The accounts `accounts` names in the database at `url` (each with `PASSWORD`)."""
    from hotel_desk.desk import Desk
    from hotel_desk.settings import Settings

    with Desk(Settings(database_url=url), clock=clock) as desk:
        for name, role in accounts.items():
            ensure_account(desk, name, role)


def staff_env(monkeypatch: pytest.MonkeyPatch, url: str, name: str = "alice", role: Role = Role.MANAGER) -> None:
    """The command line at `url` runs as `name` (made with `role` if need be) with the right password."""
    make_accounts(url, {name: role})
    monkeypatch.setenv("HOTEL_DESK_USER", name)
    monkeypatch.setenv("HOTEL_DESK_PASSWORD", PASSWORD)
