"""The words of the desk's door in both languages: role names, and the refusals of the desk layer
(hotel_desk.desk.errors, hotel_desk.rules.roles) by their stable codes, so that a receptionist reads
"密码错误" and never an English sentence from below."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from hotel_desk.clock import local_zone
from hotel_desk.rules.roles import MAX_USERNAME_LENGTH, MIN_PASSWORD_LENGTH, Role


def role_name(role: Role | str | None) -> str:
    names = {
        Role.RECEPTIONIST.value: QCoreApplication.translate("Access", "Receptionist"),
        Role.MANAGER.value: QCoreApplication.translate("Access", "Manager"),
        Role.LIAISON.value: QCoreApplication.translate("Access", "Police liaison"),
    }
    return names.get(str(role or ""), str(role or ""))


def problem_text(error: object, timezone: str = "") -> str | None:
    """The desk's refusal `error` (an exception with a `code`, or a JobError carrying one) in the desk's
    language, without a final full stop (it is put into sentences); None when it is not one of the door's
    refusals."""
    exc = getattr(error, "exception", error)
    code = str(getattr(exc, "code", "") or "")
    if code == "account_locked":
        until = getattr(exc, "locked_until", None)
        if isinstance(until, datetime):
            local = until.astimezone(local_zone(timezone or None)).strftime("%H:%M")
            return QCoreApplication.translate(
                "Access", "Too many wrong passwords: this account is locked until %1. Try again then, or ask a "
                "manager to reset the password").replace("%1", local)
        return QCoreApplication.translate("Access", "Too many wrong passwords: this account is locked for a few minutes")
    texts = {
        "sign_in_failed": QCoreApplication.translate("Access", "The name or the password is wrong"),
        "account_disabled": QCoreApplication.translate("Access", "This account is disabled. Ask a manager"),
        "not_signed_in": QCoreApplication.translate("Access", "Nobody is signed in. Sign in first"),
        "desk_locked": QCoreApplication.translate("Access", "The desk is locked. Sign in again to go on"),
        "no_accounts": QCoreApplication.translate("Access", "There are no staff accounts yet"),
        "not_allowed": QCoreApplication.translate("Access", "Your role does not allow this. Ask a manager"),
        "accounts_exist": QCoreApplication.translate("Access", "Staff accounts exist already: a manager adds new ones"),
        "account_exists": QCoreApplication.translate("Access", "A staff account with this name exists already"),
        "no_such_account": QCoreApplication.translate("Access", "There is no staff account with this name"),
        "last_manager": QCoreApplication.translate("Access", "This is the only active manager: make another manager first"),
        "username.empty": QCoreApplication.translate("Access", "Enter a name"),
        "username.too_long": QCoreApplication.translate("Access", "The name is longer than %1 characters").replace("%1", str(MAX_USERNAME_LENGTH)),
        "username.characters": QCoreApplication.translate("Access", "A name cannot contain @ : ( ) or control characters"),
        "password.too_short": QCoreApplication.translate("Access", "The password needs at least %1 characters").replace(
            "%1", str(MIN_PASSWORD_LENGTH)),
        "password.too_long": QCoreApplication.translate("Access", "The password is too long"),
        "password.is_username": QCoreApplication.translate("Access", "The password cannot be the name"),
        "password.one_character": QCoreApplication.translate("Access", "The password cannot repeat one character"),
    }
    return texts.get(code)
