"""Staff accounts and what happens at the desk's door: accounts created, changed, disabled; sign-ins, failed
sign-ins, lockouts, sign-outs, the desk locked and unlocked; refusals. Every one is an audit event written in
the same transaction as the change it records.

The store keeps argon2 hashes and never sees a password: the desk layer hashes and verifies
(hotel_desk.desk.passwords), then tells the store what came of it. Names are matched without regard to case
(a receptionist types "wang" for "Wang"); the name is kept as it was first written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.rules.roles import LOCKOUT, MAX_FAILED_SIGN_INS, NOT_SIGNED_IN, Role
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import NotFound, StoreError, require_actor
from hotel_desk.store.models import DeskUser, Property

ENTITY = "desk_user"


class AccountExists(StoreError):
    """A staff account of that name (in any case) exists already."""


class AccountsExist(StoreError):
    """The installation has staff accounts already: the first-manager set-up is over."""


class LastManager(StoreError):
    """The change would leave no active manager who could manage the accounts."""


@dataclass(frozen=True)
class StaffAccount:
    """An account as the desk and the managers see it (never its hash)."""

    username: str
    display_name: str
    role: str | None
    active: bool
    has_password: bool
    failed_sign_ins: int
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    created_at: datetime
    created_by: str
    changed_at: datetime | None
    changed_by: str

    @property
    def is_account(self) -> bool:
        """A real staff account (rows from before accounts hold only a name)."""
        return self.has_password and self.role is not None

    def locked_at(self, moment: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > moment


@dataclass(frozen=True)
class SignInRecord:
    """What verifying a password needs: the account and its hash (for the desk layer only)."""

    account: StaffAccount
    password_hash: str = field(repr=False)


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def _view(user: DeskUser) -> StaffAccount:
    return StaffAccount(user.username, user.display_name, user.role, user.active, bool(user.password_hash),
                        user.failed_sign_ins, user.locked_until, user.last_sign_in_at, user.created_at,
                        user.created_by, user.changed_at, user.changed_by)


def _find(session: Session, username: str, *, for_update: bool = False) -> DeskUser | None:
    # Exact first (SQLite's lower() folds ASCII only), then without regard to case.
    name = username.strip()
    query = select(DeskUser).where(or_(DeskUser.username == name, func.lower(DeskUser.username) == name.lower()))
    if for_update:
        query = query.with_for_update()
    rows = session.execute(query.order_by(DeskUser.id)).scalars().all()
    exact = [u for u in rows if u.username == name]
    if exact:
        return exact[0]
    return rows[0] if rows else None


def _account(session: Session, username: str) -> DeskUser:
    user = _find(session, username, for_update=True)
    if user is None or not user.password_hash or user.role is None:
        raise NotFound(f"there is no staff account named {username!r}")
    return user


def _is_account() -> Any:
    return DeskUser.password_hash.is_not(None) & DeskUser.role.is_not(None)


def staff_account_count(db: Database) -> int:
    """How many staff accounts exist, active or not: none means a fresh installation."""
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(DeskUser).where(_is_account())).scalar_one())


def staff_accounts(db: Database) -> list[StaffAccount]:
    """Every staff account, by name (for the managers' list and the sign-in screen)."""
    with db.read() as session:
        users = session.execute(select(DeskUser).where(_is_account()).order_by(DeskUser.username)).scalars()
        return [_view(u) for u in users]


def staff_account(db: Database, username: str) -> StaffAccount | None:
    """The account of that name, or None (also for a name from before accounts)."""
    with db.read() as session:
        user = _find(session, username)
        return _view(user) if user is not None and user.password_hash and user.role else None


def sign_in_record(db: Database, username: str) -> SignInRecord | None:
    """The account and its hash, for the desk layer to verify a password against."""
    with db.read() as session:
        user = _find(session, username)
        if user is None or not user.password_hash or user.role is None:
            return None
        return SignInRecord(_view(user), user.password_hash)


def _active_managers(session: Session, *, besides: DeskUser) -> int:
    query = select(func.count()).select_from(DeskUser).where(
        _is_account(), DeskUser.active.is_(True), DeskUser.role == Role.MANAGER.value, DeskUser.id != besides.id)
    return int(session.execute(query).scalar_one())


def _event(session: Session, *, actor: str, action: str, user: DeskUser | None, at: datetime,
           details: Mapping[str, Any], entity_id: str | None = None) -> None:
    append_event(session, actor=actor, action=action, entity_type=ENTITY,
                 entity_id=entity_id if entity_id is not None else str(user.id if user else ""), at=at,
                 details=details)


def create_staff_account(db: Database, *, username: str, role: Role, password_hash: str, actor: str,
                         display_name: str = "", first: bool = False, clock: Clock | None = None) -> StaffAccount:
    """Add a staff account (audited: name, role, who added it; never the hash). `first`: the installation's
    first account, refused once any exists (checked inside the transaction, so two desks setting up at once
    cannot both make one). A name the audit trail used before accounts existed becomes the account."""
    actor = require_actor(actor)
    now = _now(clock)
    with db.write() as session:
        if first and session.execute(select(func.count()).select_from(DeskUser).where(_is_account())).scalar_one():
            raise AccountsExist("staff accounts exist already: a manager must sign in to add one")
        user = _find(session, username, for_update=True)
        if user is not None and user.password_hash:
            raise AccountExists(f"a staff account named {user.username!r} exists already")
        if user is None:
            prop_id = session.execute(select(Property.id).order_by(Property.id).limit(1)).scalar_one_or_none()
            user = DeskUser(property_id=prop_id, username=username, created_at=now)
            session.add(user)
        user.display_name = display_name or user.display_name or username
        user.role = role.value
        user.password_hash = password_hash
        user.active = True
        user.failed_sign_ins = 0
        user.locked_until = None
        user.created_by = actor
        user.changed_at, user.changed_by = now, actor
        session.flush()
        _event(session, actor=actor, action=AuditAction.ACCOUNT_CREATED, user=user, at=now,
               details={"username": user.username, "display_name": user.display_name, "role": role.value,
                        "first": first})
        return _view(user)


def set_staff_role(db: Database, username: str, role: Role, *, actor: str, clock: Clock | None = None) -> StaffAccount:
    actor = require_actor(actor)
    now = _now(clock)
    with db.write() as session:
        user = _account(session, username)
        old = user.role
        if old == role.value:
            return _view(user)
        if old == Role.MANAGER.value and user.active and not _active_managers(session, besides=user):
            raise LastManager(f"{user.username} is the only active manager: make another manager first")
        user.role = role.value
        user.changed_at, user.changed_by = now, actor
        _event(session, actor=actor, action=AuditAction.ACCOUNT_ROLE_CHANGED, user=user, at=now,
               details={"username": user.username, "from": old, "to": role.value})
        return _view(user)


def set_staff_active(db: Database, username: str, active: bool, *, actor: str,
                     clock: Clock | None = None) -> StaffAccount:
    """Disable an account (it can no longer sign in; its name stays in the trail) or enable it again."""
    actor = require_actor(actor)
    now = _now(clock)
    with db.write() as session:
        user = _account(session, username)
        if user.active == active:
            return _view(user)
        if not active and user.role == Role.MANAGER.value and not _active_managers(session, besides=user):
            raise LastManager(f"{user.username} is the only active manager: make another manager first")
        user.active = active
        user.failed_sign_ins, user.locked_until = 0, None
        user.changed_at, user.changed_by = now, actor
        _event(session, actor=actor, action=AuditAction.ACCOUNT_ENABLED if active else AuditAction.ACCOUNT_DISABLED,
               user=user, at=now, details={"username": user.username})
        return _view(user)


def set_staff_password(db: Database, username: str, password_hash: str, *, actor: str,
                       clock: Clock | None = None) -> StaffAccount:
    """A new password (a manager's reset): also ends a lockout and clears the failed sign-ins."""
    actor = require_actor(actor)
    now = _now(clock)
    with db.write() as session:
        user = _account(session, username)
        user.password_hash = password_hash
        user.failed_sign_ins, user.locked_until = 0, None
        user.changed_at, user.changed_by = now, actor
        _event(session, actor=actor, action=AuditAction.ACCOUNT_PASSWORD_RESET, user=user, at=now,
               details={"username": user.username})
        return _view(user)


def record_sign_in(db: Database, username: str, *, via: Mapping[str, str], unlock: bool = False,
                   new_hash: str | None = None, clock: Clock | None = None) -> StaffAccount:
    """A successful sign-in (or unlock of the desk): the failed sign-ins start again from zero. `new_hash`
    replaces the stored one when the desk re-hashed the password with today's cost parameters."""
    now = _now(clock)
    with db.write() as session:
        user = _account(session, username)
        user.failed_sign_ins, user.locked_until = 0, None
        user.last_sign_in_at = now
        if new_hash:
            user.password_hash = new_hash
        _event(session, actor=user.username, action=AuditAction.DESK_UNLOCKED if unlock else AuditAction.SIGNED_IN,
               user=user, at=now, details={**via, "role": user.role or ""})
        return _view(user)


def record_failed_sign_in(db: Database, username: str, *, reason: str, via: Mapping[str, str],
                          count: bool = True, clock: Clock | None = None) -> datetime | None:
    """A refused sign-in. For an account: one more failed sign-in in a row (unless `count` is False: a try
    while locked or disabled), and the lockout that the limit starts. Returns when the account's lockout ends,
    if it is locked. A name that is no account is not written down: it may be a password typed into the
    name field."""
    now = _now(clock)
    with db.write() as session:
        user = _find(session, username, for_update=True)
        if user is None or not user.password_hash:
            _event(session, actor=NOT_SIGNED_IN, action=AuditAction.SIGN_IN_FAILED, user=None, at=now,
                   entity_id="(unknown)", details={**via, "reason": reason})
            return None
        if count:
            user.failed_sign_ins += 1
        _event(session, actor=NOT_SIGNED_IN, action=AuditAction.SIGN_IN_FAILED, user=user, at=now,
               details={**via, "username": user.username, "reason": reason, "failed_in_a_row": user.failed_sign_ins})
        if count and user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + LOCKOUT
            _event(session, actor=NOT_SIGNED_IN, action=AuditAction.ACCOUNT_LOCKED, user=user, at=now,
                   details={"username": user.username, "failed_in_a_row": user.failed_sign_ins,
                            "locked_until": user.locked_until.isoformat()})
        return user.locked_until if user.locked_until is not None and user.locked_until > now else None


def record_desk_event(db: Database, *, actor: str, action: str, entity_type: str, entity_id: str,
                      details: Mapping[str, Any], clock: Clock | None = None) -> None:
    """An event that changes no record but must be on file: a sign-out, the desk locked, an action the role
    may not do, a check-in the gate stopped, settings changed."""
    actor = require_actor(actor)
    with db.write() as session:
        append_event(session, actor=actor, action=action, entity_type=entity_type, entity_id=entity_id,
                     at=_now(clock), details=details)
