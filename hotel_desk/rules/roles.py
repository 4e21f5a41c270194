"""Who may do what at the desk: the staff roles, the permissions, the one table between them, and the rules for
staff names, passwords and sign-in attempts.

Everything that decides whether a person may act reads this module: the desk layer (`Desk.require`, the one
check every desk action goes through), the window (what it shows to whom) and the command line (which
commands need a signed-in user). A change of policy is a change here, in data.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType


class Role(StrEnum):
    """A staff account's role. Stable strings: stored with the account and named in the audit trail."""

    RECEPTIONIST = "receptionist"
    MANAGER = "manager"
    LIAISON = "liaison"  # the police sub-station's liaison: reads and inspects, never changes


class Permission(StrEnum):
    """One thing a desk action needs. Stable strings: a refusal names the permission in the audit trail."""

    REGISTER = "register"
    CHECK_OUT = "check_out"
    CORRECT = "correct"
    CANCEL = "cancel"
    HAND_OVER = "hand_over"  # registration form, fax, in-person hand-over, batch files, receipts
    SEND_REPORTS = "send_reports"
    VIEW_PERSONAL_DATA = "view_personal_data"
    INSPECT = "inspect"
    EXPORT_AUDIT = "export_audit"
    CHANGE_SETTINGS = "change_settings"
    SWITCH_LIVE = "switch_live"  # TRAINING <-> LIVE and the authorisation code: what reaches the police
    MANAGE_USERS = "manage_users"
    # A manager's approval to register a document as printed although a printed check digit is wrong (the
    # desk's override; the form that asks for it is built with the suspected-error work).
    APPROVE_OVERRIDE = "approve_override"


#: The everyday work of the front desk.
_DESK_WORK = frozenset({
    Permission.REGISTER, Permission.CHECK_OUT, Permission.CORRECT, Permission.HAND_OVER, Permission.SEND_REPORTS,
    Permission.VIEW_PERSONAL_DATA,
})

#: THE table: what each role may do. A manager may do everything; the liaison only reads and inspects.
PERMISSIONS: Mapping[Role, frozenset[Permission]] = MappingProxyType({
    Role.RECEPTIONIST: _DESK_WORK,
    Role.MANAGER: frozenset(Permission),
    Role.LIAISON: frozenset({Permission.VIEW_PERSONAL_DATA, Permission.INSPECT, Permission.EXPORT_AUDIT}),
})

#: The first account of an installation must be able to create the others.
FIRST_ROLE = Role.MANAGER

#: Settings that decide what reaches the police (the mode, where reports go, the credential they carry): a
#: change to one of them needs switch_live; any other setting needs change_settings.
LIVE_SETTINGS = frozenset({"training", "intake_url", "authorisation_code", "intake_client_cert",
                           "intake_verify_tls", "intake_public_key", "intake_id", "intake_ca_bundle",
                           "intake_pinned_cert_sha256"})  # the last four: whom the desk trusts as the intake
#: Settings whose values never go into the audit trail (a credential; a database URL may hold a password).
SECRET_SETTINGS = frozenset({"authorisation_code", "database_url"})


def setting_permission(key: str) -> Permission:
    return Permission.SWITCH_LIVE if key in LIVE_SETTINGS else Permission.CHANGE_SETTINGS


def allows(role: Role | str | None, permission: Permission) -> bool:
    """Whether `role` may do what `permission` stands for (no role, or an unknown one, may do nothing)."""
    try:
        return permission in PERMISSIONS[Role(role)] if role else False
    except ValueError:
        return False


def parse_role(text: str) -> Role:
    """A role from its name as typed (`--role Manager`); ValueError names the roles there are."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role {text!r}: one of {', '.join(r.value for r in Role)}") from None


# -- the audit trail's names for nobody in particular ------------------------------------------------------------
#: The actor of an event that happened while nobody was signed in (a failed sign-in).
NOT_SIGNED_IN = "(not signed in)"
#: The actor of a change that came from the settings file when the desk started (nobody changed it in the app).
SETTINGS_FILE = "(settings file)"

# -- staff names ---------------------------------------------------------------------------------------------
MAX_USERNAME_LENGTH = 60
#: Characters the desk's own, non-human actors use ("uploader@desk-1", "(settings file)", "cli:..."): a staff
#: name with them could pass for one of those in the audit trail.
RESERVED_CHARACTERS = frozenset("@:()")


def normalise_username(name: str) -> str:
    """A staff name as kept: Unicode NFC (one spelling for 王芳 however it was typed), inner spaces single."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def username_problems(name: str) -> list[str]:
    """What is wrong with `name` as a staff name (codes of `PROBLEMS`); empty when it can be used."""
    name = normalise_username(name)
    if not name:
        return ["username.empty"]
    problems = []
    if len(name) > MAX_USERNAME_LENGTH:
        problems.append("username.too_long")
    if any(unicodedata.category(c).startswith("C") for c in name) or RESERVED_CHARACTERS & set(name):
        problems.append("username.characters")
    return problems


# -- passwords -----------------------------------------------------------------------------------------------
MIN_PASSWORD_LENGTH = 8
#: Hashing cost grows with the length: a bound keeps a pasted megabyte from tying up the desk.
MAX_PASSWORD_LENGTH = 256


def password_problems(username: str, password: str) -> list[str]:
    """What is wrong with `password` for the account `username` (codes of `PROBLEMS`); empty when it will do."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append("password.too_short")
    if len(password) > MAX_PASSWORD_LENGTH:
        problems.append("password.too_long")
    if password.strip().casefold() == normalise_username(username).casefold():
        problems.append("password.is_username")
    if password and len(set(password)) == 1:
        problems.append("password.one_character")
    return problems


#: The English sentences for the codes above (the command line prints them; the window translates by code).
PROBLEMS: Mapping[str, str] = MappingProxyType({
    "username.empty": "the name is empty",
    "username.too_long": f"the name is longer than {MAX_USERNAME_LENGTH} characters",
    "username.characters": "the name holds a character staff names cannot have (@ : ( ) or a control character)",
    "password.too_short": f"the password is shorter than {MIN_PASSWORD_LENGTH} characters",
    "password.too_long": f"the password is longer than {MAX_PASSWORD_LENGTH} characters",
    "password.is_username": "the password is the user's name",
    "password.one_character": "the password repeats one character",
})

# -- sign-in attempts -------------------------------------------------------------------------------------------
#: After this many failed sign-ins in a row an account is locked for `LOCKOUT` (each further failure locks it
#: again): guessing a password at the desk or from a script becomes hopeless, a mistyping receptionist waits
#: five minutes or asks a manager to reset the password.
MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=5)
