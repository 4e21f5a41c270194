"""Who is at the desk: signing in and out, the desk locked and unlocked, a quick switch to another staff member,
the first manager of a fresh installation, and THE check every desk action goes through (`require`).

One `Access` per `Desk` (`desk.access`). Its state is the signed-in `StaffSession` and whether the desk is
locked; the window and the commands read it, and every desk method asks `require(permission)` before it
touches a record or shows personal data. Sign-ins verify an argon2 hash (a few tenths of a second: the window
runs them as background jobs) and every outcome is in the audit trail, failures included.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from hotel_desk.desk.errors import DeskError, NotAllowed, NotSignedIn, SignInFailed
from hotel_desk.desk.passwords import Passwords
from hotel_desk.rules.roles import (
    FIRST_ROLE,
    PROBLEMS,
    Permission,
    Role,
    allows,
    normalise_username,
    password_problems,
    username_problems,
)

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.store import StaffAccount


@dataclass(frozen=True)
class StaffSession:
    """The staff member signed in at this desk."""

    username: str
    display_name: str
    role: Role
    signed_in_at: datetime

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    @property
    def label(self) -> str:
        return self.display_name or self.username


def check_new_credentials(username: str, password: str) -> str:
    """The name as kept, or DeskError naming the first rule a new name or password breaks (its code is the
    rule's: password.too_short, username.characters, ...)."""
    name = normalise_username(username)
    for code in [*username_problems(name), *password_problems(name, password)]:
        raise DeskError(code, PROBLEMS[code])
    return name


class Access:
    def __init__(self, desk: Desk, *, via: str) -> None:
        self._desk = desk
        self._passwords: Passwords | None = None
        #: Where sign-ins happen, for the audit trail: "app" or "cli", and the computer's name.
        self.via = {"via": via, "desk": socket.gethostname()[:60]}
        self._lock = threading.RLock()
        self._session: StaffSession | None = None
        self._locked = False

    @property
    def passwords(self) -> Passwords:
        if self._passwords is None:
            self._passwords = Passwords()
        return self._passwords

    # -- state (memory only: safe on the UI thread) ----------------------------------------------------------
    @property
    def session(self) -> StaffSession | None:
        return self._session

    @property
    def locked(self) -> bool:
        return self._locked

    def can(self, permission: Permission) -> bool:
        """Whether the desk, as it is now, would allow `permission` (what the window shows; `require` decides)."""
        with self._lock:
            return self._session is not None and not self._locked and self._session.can(permission)

    # -- the one check -------------------------------------------------------------------------------------
    def require(self, permission: Permission) -> StaffSession:
        """The signed-in staff member, if their role allows `permission`; otherwise NotSignedIn or NotAllowed.
        The account is read again each time, so that a disabled account or a changed role takes effect at
        once; an action the role does not allow is recorded (who tried what)."""
        from hotel_desk import store

        session = self.require_signed_in()
        account = store.staff_account(self._desk.db, session.username)
        if account is None or not account.active or account.role is None:
            with self._lock:
                if self._session is session:
                    self._session = None
            raise NotSignedIn("account_disabled", f"the account {session.username} is disabled: ask a manager")
        if account.role != session.role.value:
            session = replace(session, role=Role(account.role))
            with self._lock:
                if self._session is not None and self._session.username == session.username:
                    self._session = session
        if not session.can(permission):
            store.record_desk_event(self._desk.db, actor=session.username, action=store.AuditAction.ACCESS_REFUSED,
                                    entity_type="permission", entity_id=permission.value,
                                    details={**self.via, "role": session.role.value}, clock=self._desk.clock)
            raise NotAllowed(permission, session.role, session.username)
        return session

    # -- accounts at the door ------------------------------------------------------------------------------
    def has_accounts(self) -> bool:
        from hotel_desk import store

        return store.staff_account_count(self._desk.db) > 0

    def sign_in_names(self) -> list[tuple[str, str]]:
        """(name, display name) of every active account, for the sign-in screen's list."""
        from hotel_desk import store

        return [(a.username, a.display_name) for a in store.staff_accounts(self._desk.db) if a.active]

    def create_first_manager(self, username: str, password: str, *, display_name: str = "",
                             sign_in: bool = True) -> StaffAccount:
        """The first account of a fresh installation: a manager, created without a sign-in (there is nobody
        to sign in as). Refused once any account exists. With `sign_in`, the new manager is signed in."""
        from hotel_desk import store

        name = check_new_credentials(username, password)
        password_hash = self.passwords.hash(password)
        try:
            account = store.create_staff_account(self._desk.db, username=name, role=FIRST_ROLE,
                                                 password_hash=password_hash, actor=name,
                                                 display_name=display_name.strip(), first=True,
                                                 clock=self._desk.clock)
        except store.AccountsExist as exc:
            raise DeskError("accounts_exist", str(exc)) from exc
        if sign_in:
            account = store.record_sign_in(self._desk.db, account.username, via=self.via, clock=self._desk.clock)
            self._start(account)
        return account

    def _verified(self, username: str, password: str) -> tuple[StaffAccount, str | None]:
        """The account if `password` is its password, with a new hash when the stored one used other cost
        parameters; otherwise the failure is recorded and SignInFailed raised."""
        from hotel_desk import store

        name = normalise_username(username)
        record = store.sign_in_record(self._desk.db, name) if name else None
        now = self._desk.clock.now()
        wrong = SignInFailed("sign_in_failed", "the name or the password is wrong")
        if record is None:
            self.passwords.verify_nobody(password)
            store.record_failed_sign_in(self._desk.db, name, reason="unknown_name", via=self.via,
                                        clock=self._desk.clock)
            raise wrong
        account = record.account
        if not account.active:
            store.record_failed_sign_in(self._desk.db, account.username, reason="disabled", via=self.via,
                                        count=False, clock=self._desk.clock)
            raise SignInFailed("account_disabled", f"the account {account.username} is disabled: ask a manager")
        if account.locked_at(now):
            store.record_failed_sign_in(self._desk.db, account.username, reason="locked", via=self.via,
                                        count=False, clock=self._desk.clock)
            raise _locked(account.username, account.locked_until)
        if not self.passwords.verify(record.password_hash, password):
            until = store.record_failed_sign_in(self._desk.db, account.username, reason="wrong_password",
                                                via=self.via, clock=self._desk.clock)
            raise _locked(account.username, until) if until is not None else wrong
        new_hash = self.passwords.hash(password) if self.passwords.needs_rehash(record.password_hash) else None
        return account, new_hash

    def _start(self, account: StaffAccount) -> StaffSession:
        session = StaffSession(account.username, account.display_name, Role(account.role or ""),
                               self._desk.clock.now())
        with self._lock:
            self._session = session
            self._locked = False
        return session

    def sign_in(self, username: str, password: str) -> StaffSession:
        """Sign a staff member in (whoever was signed in before is signed out first)."""
        from hotel_desk import store

        account, new_hash = self._verified(username, password)
        previous = self._session
        if previous is not None and previous.username != account.username:
            self.record_sign_out(previous, reason="switched")
        account = store.record_sign_in(self._desk.db, account.username, via=self.via, new_hash=new_hash,
                                       clock=self._desk.clock)
        return self._start(account)

    def switch_user(self, username: str, password: str) -> StaffSession:
        """The quick switch at a locked desk: the same person unlocks, anyone else signs in in their place.
        A refused switch leaves the desk locked for whoever was signed in."""
        session = self._session
        if session is not None and normalise_username(username).casefold() == session.username.casefold():
            return self.unlock(password)
        return self.sign_in(username, password)

    def unlock(self, password: str) -> StaffSession:
        from hotel_desk import store

        session = self._session
        if session is None:
            raise NotSignedIn("not_signed_in", "nobody is signed in: sign in with a staff account first")
        account, new_hash = self._verified(session.username, password)
        store.record_sign_in(self._desk.db, account.username, via=self.via, unlock=True, new_hash=new_hash,
                             clock=self._desk.clock)
        with self._lock:
            self._locked = False
            self._session = replace(session, role=Role(account.role or session.role))
            return self._session

    def approve(self, permission: Permission, username: str, password: str, *, what: str,
                details: Mapping[str, object] | None = None) -> StaffSession:
        """A staff member whose role allows `permission` (a manager, for approve_override) approves `what` at
        the desk where someone else is signed in, without taking over the session: their password is checked
        like a sign-in (a wrong one counts towards their lockout) and the approval is on file in their name,
        for the signed-in staff member. Returns the approver. NotAllowed when their role may not approve."""
        from hotel_desk import store

        current = self.require_signed_in()
        account, _new_hash = self._verified(username, password)
        approver = StaffSession(account.username, account.display_name, Role(account.role or ""),
                                self._desk.clock.now())
        if not approver.can(permission):
            store.record_desk_event(self._desk.db, actor=approver.username, action=store.AuditAction.ACCESS_REFUSED,
                                    entity_type="permission", entity_id=permission.value,
                                    details={**self.via, "role": approver.role.value, "approving": what},
                                    clock=self._desk.clock)
            raise NotAllowed(permission, approver.role, approver.username)
        store.record_desk_event(self._desk.db, actor=approver.username, action=store.AuditAction.ACCESS_APPROVED,
                                entity_type="permission", entity_id=permission.value,
                                details={**self.via, **(details or {}), "what": what, "for": current.username},
                                clock=self._desk.clock)
        return approver

    def require_signed_in(self) -> StaffSession:
        """The signed-in staff member at an unlocked desk, whatever their role (NotSignedIn otherwise)."""
        with self._lock:
            session, locked = self._session, self._locked
        if session is None:
            raise NotSignedIn("not_signed_in", "nobody is signed in: sign in with a staff account first")
        if locked:
            raise NotSignedIn("desk_locked", "the desk is locked: sign in again to go on")
        return session

    def lock_now(self) -> StaffSession | None:
        """Lock the desk at once (memory only, safe on the UI thread); `record_lock` writes it down."""
        with self._lock:
            if self._session is None or self._locked:
                return None
            self._locked = True
            return self._session

    def record_lock(self, session: StaffSession, reason: str) -> None:
        from hotel_desk import store

        store.record_desk_event(self._desk.db, actor=session.username, action=store.AuditAction.DESK_LOCKED,
                                entity_type="desk", entity_id=self.via["desk"], details={"reason": reason},
                                clock=self._desk.clock)

    def lock(self, reason: str = "by_hand") -> None:
        session = self.lock_now()
        if session is not None:
            self.record_lock(session, reason)

    def sign_out(self, reason: str = "by_hand") -> None:
        session = self.end_session()
        if session is not None:
            self.record_sign_out(session, reason=reason)

    def end_session(self) -> StaffSession | None:
        """Sign out at once (memory only, safe on the UI thread); `record_sign_out` writes it down."""
        with self._lock:
            session, self._session, self._locked = self._session, None, False
            return session

    def record_sign_out(self, session: StaffSession, *, reason: str) -> None:
        from hotel_desk import store

        store.record_desk_event(self._desk.db, actor=session.username, action=store.AuditAction.SIGNED_OUT,
                                entity_type="desk", entity_id=self.via["desk"], details={"reason": reason},
                                clock=self._desk.clock)


def _locked(username: str, until: datetime | None) -> SignInFailed:
    return SignInFailed("account_locked", f"too many failed sign-ins: {username} is locked until "
                        f"{until.isoformat(timespec='minutes') if until else 'later'}; try again then or ask a "
                        "manager to reset the password", locked_until=until)
