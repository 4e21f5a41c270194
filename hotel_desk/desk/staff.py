"""The managers' work on staff accounts: list them, add one, disable or enable it, reset its password, change
its role. Each needs the manage_users permission (through `Desk.require`) and is audited by the store; the
store also refuses to leave the installation without an active manager."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hotel_desk.desk.access import check_new_credentials
from hotel_desk.desk.errors import DeskError
from hotel_desk.rules.roles import PROBLEMS, Permission, Role, password_problems

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.store import StaffAccount


class StaffDesk:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _manager(self) -> str:
        return self.desk.require(Permission.MANAGE_USERS).username

    def accounts(self) -> list[StaffAccount]:
        from hotel_desk import store

        self._manager()
        return store.staff_accounts(self.desk.db)

    def add(self, username: str, role: Role, password: str, *, display_name: str = "") -> StaffAccount:
        from hotel_desk import store

        actor = self._manager()
        name = check_new_credentials(username, password)
        try:
            return store.create_staff_account(self.desk.db, username=name, role=role,
                                              password_hash=self.desk.access.passwords.hash(password),
                                              actor=actor, display_name=display_name.strip(),
                                              clock=self.desk.clock)
        except store.AccountExists as exc:
            raise DeskError("account_exists", str(exc)) from exc

    def set_active(self, username: str, active: bool) -> StaffAccount:
        from hotel_desk import store

        actor = self._manager()
        with _refusals():
            return store.set_staff_active(self.desk.db, username, active, actor=actor, clock=self.desk.clock)

    def reset_password(self, username: str, password: str) -> StaffAccount:
        from hotel_desk import store

        actor = self._manager()
        account = store.staff_account(self.desk.db, username)
        for code in password_problems(account.username if account else username, password):
            raise DeskError(code, PROBLEMS[code])
        with _refusals():
            return store.set_staff_password(self.desk.db, username, self.desk.access.passwords.hash(password),
                                            actor=actor, clock=self.desk.clock)

    def set_role(self, username: str, role: Role) -> StaffAccount:
        from hotel_desk import store

        actor = self._manager()
        with _refusals():
            return store.set_staff_role(self.desk.db, username, role, actor=actor, clock=self.desk.clock)


@contextmanager
def _refusals() -> Iterator[None]:
    """The store's refusals of an account change as DeskErrors with codes the window translates."""
    from hotel_desk import store

    try:
        yield
    except store.LastManager as exc:
        raise DeskError("last_manager", str(exc)) from exc
    except store.NotFound as exc:
        raise DeskError("no_such_account", str(exc)) from exc
