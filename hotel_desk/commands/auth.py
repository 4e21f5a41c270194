"""Signing in on the command line, the same way as at the window: a staff account's name and password, and
the role's permission for what the command does.

  --user NAME  or $HOTEL_DESK_USER        who runs the command (--actor and --by are the same option: a name
                                          given there must sign in too, so it cannot put words in anyone's mouth)
  the password: the prompt (in a terminal) or $HOTEL_DESK_PASSWORD
  a new password (users add / reset): the prompt, twice, or $HOTEL_DESK_NEW_PASSWORD

Every command that changes data or shows personal data signs in (exit code 3 when it cannot, or when the role
may not do it; the message says which). A fresh installation has no accounts: `users add NAME --role manager`
makes the first one without a sign-in, and nothing else runs until it exists. Passwords are never read from
a piped standard input (an import file may be coming that way) and never printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from hotel_desk.commands import UsageError

if TYPE_CHECKING:
    from hotel_desk.clock import Clock
    from hotel_desk.desk import Desk, StaffSession
    from hotel_desk.rules.roles import Permission

#: The exit code of a command that nobody allowed to run it signed in for (documented in the README).
EXIT_ACCESS = 3
ENV_USER = "HOTEL_DESK_USER"
ENV_PASSWORD = "HOTEL_DESK_PASSWORD"
ENV_NEW_PASSWORD = "HOTEL_DESK_NEW_PASSWORD"
#: The environment variables above; none of them is a setting (the tests clear them like the settings).
CREDENTIAL_VARIABLES = (ENV_USER, ENV_PASSWORD, ENV_NEW_PASSWORD)


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", default=None,
                        help=f"staff account running a command that changes data or shows personal data "
                        f"(default ${ENV_USER}); the password comes from the prompt or ${ENV_PASSWORD}")
    # The options of earlier releases that named the actor in free text: now the same sign-in.
    parser.add_argument("--actor", "--by", dest="user", default=None, help=argparse.SUPPRESS)


def is_access_denied(exc: BaseException) -> bool:
    """Whether `exc` is the desk's refusal to let the command run (exit code 3). Checked without importing
    the desk layer: a command that never loaded it cannot have been refused by it."""
    errors = sys.modules.get("hotel_desk.desk.errors")
    return errors is not None and isinstance(exc, errors.AccessDenied)


def read_password(prompt: str, variable: str) -> str:
    """A password from `variable`, else from the prompt; AccessDenied when there is neither."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        from hotel_desk.desk import NotSignedIn

        raise NotSignedIn("no_password", f"no password: set ${variable}, or run the command in a terminal to be "
                          "asked for it")
    return getpass.getpass(prompt)


def read_new_password(username: str) -> str:
    """The new password of `username`: $HOTEL_DESK_NEW_PASSWORD, or asked twice in a terminal."""
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"no new password: set ${ENV_NEW_PASSWORD}, or run the command in a terminal to be "
                         "asked for it")
    first = getpass.getpass(f"new password for {username}: ")
    if getpass.getpass("the same again: ") != first:
        raise UsageError("the two passwords differ; nothing was changed")
    return first


def sign_in(desk: Desk, args: argparse.Namespace) -> StaffSession:
    """Sign in the staff member the command line names (AccessDenied when it cannot be done)."""
    from hotel_desk.desk import NotSignedIn

    if not desk.access.has_accounts():
        raise NotSignedIn("no_accounts", "this installation has no staff accounts yet: create the first manager "
                          "with `hotel-desk users add NAME --role manager`")
    name = (getattr(args, "user", None) or os.environ.get(ENV_USER) or "").strip()
    if not name:
        raise NotSignedIn("not_signed_in", f"this command needs a staff account: --user NAME (or ${ENV_USER}), "
                          f"and the password from the prompt or ${ENV_PASSWORD}")
    return desk.access.sign_in(name, read_password(f"password for {name}: ", ENV_PASSWORD))


def signed_in_desk(args: argparse.Namespace, permission: Permission, *, clock: Clock | None = None,
                   **desk_options: Any) -> Desk:
    """A `Desk` with the command line's staff member signed in, whose role allows `permission` (use it in a
    `with` block). AccessDenied otherwise, the refusal on file."""
    from hotel_desk.desk import Desk

    desk = Desk(args.settings, clock=clock, via="cli", **desk_options)
    try:
        sign_in(desk, args)
        desk.require(permission)
    except BaseException:
        desk.close()
        raise
    return desk
