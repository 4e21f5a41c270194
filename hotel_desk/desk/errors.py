"""What the desk layer refuses, as exceptions with a stable code (the window says it in the desk's language, the
command line maps the access refusals to exit code 3) and an English message that says what to do."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hotel_desk.documents.model import Finding
from hotel_desk.rules.roles import Permission, Role


class DeskError(Exception):
    """A failure the receptionist must see in words (not a traceback): the message says what to do, the
    code lets the window say it in the desk's language, and `findings` (a refused registration's) carry their
    own codes, fields and messages in English and Chinese."""

    def __init__(self, code: str, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.findings = tuple(findings)


class AccessDenied(DeskError):
    """Nobody who may do this is signed in: the base of the refusals below (exit code 3 on the command line)."""


class NotSignedIn(AccessDenied):
    """No staff member is signed in at this desk, the desk is locked, or the account was disabled meanwhile.
    Codes: not_signed_in, desk_locked, account_disabled, no_accounts."""


class NotAllowed(AccessDenied):
    """The signed-in staff member's role does not allow the action (the refusal is in the audit trail)."""

    def __init__(self, permission: Permission, role: Role, username: str) -> None:
        super().__init__("not_allowed", f"{username} ({role.value}) may not do this: it needs the "
                         f"{permission.value} permission")
        self.permission = permission
        self.role = role


class SignInFailed(AccessDenied):
    """A sign-in was refused. Codes: sign_in_failed (wrong name or password: which is not said),
    account_disabled, account_locked (`locked_until` says until when)."""

    def __init__(self, code: str, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(code, message)
        self.locked_until = locked_until
