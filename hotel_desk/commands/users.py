"""`hotel-desk users ...`: staff accounts from the command line (installers, scripts, a manager at a console).

  users add NAME --role receptionist|manager|liaison [--display-name TEXT]
  users list [--json]
  users disable NAME | users enable NAME
  users reset NAME                   a new password (also ends a lockout)
  users role NAME --role ROLE

The new password comes from the prompt (twice) or $HOTEL_DESK_NEW_PASSWORD. The first account of an
installation must be a manager and needs no sign-in; everything else needs a manager signed in (--user NAME or
$HOTEL_DESK_USER, the password from the prompt or $HOTEL_DESK_PASSWORD). Exit codes: 0 done, 1 refused (the
name exists, no such account, the last manager), 2 usage (a name or password the rules refuse), 3 not signed
in or not a manager.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from hotel_desk.commands import UsageError

if TYPE_CHECKING:
    from hotel_desk.desk import Desk
    from hotel_desk.store import StaffAccount

#: Refusals that are the caller's input breaking a rule (exit 2), not the state of the accounts (exit 1).
_USAGE_CODES = ("username.", "password.", "first_must_be_manager")


def _role(text: str) -> Any:
    from hotel_desk.rules.roles import parse_role

    try:
        return parse_role(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _refused(command: str, exc: Exception) -> int:
    code = getattr(exc, "code", "")
    if any(code.startswith(prefix) for prefix in _USAGE_CODES):
        raise UsageError(str(exc)) from None
    print(f"hotel-desk users {command}: {exc}", file=sys.stderr)
    return 1


def _manager_desk(args: argparse.Namespace) -> Desk:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    return signed_in_desk(args, Permission.MANAGE_USERS)


def _describe(account: StaffAccount) -> str:
    state = "active" if account.active else "disabled"
    return f"{account.username} ({account.role}, {state})"


def cmd_add(args: argparse.Namespace) -> int:
    from hotel_desk.commands.auth import read_new_password
    from hotel_desk.desk import Desk, DeskError
    from hotel_desk.rules.roles import FIRST_ROLE

    role = _role(args.role)
    with Desk(args.settings, via="cli") as desk:
        first = not desk.access.has_accounts()
        if first and role is not FIRST_ROLE:
            raise UsageError(f"the first account of an installation must be a manager (--role {FIRST_ROLE.value}): "
                             "it is the one that adds the others")
    if first:
        password = read_new_password(args.name)
        with Desk(args.settings, via="cli") as desk:
            try:
                account = desk.access.create_first_manager(args.name, password, display_name=args.display_name,
                                                           sign_in=False)
            except DeskError as exc:
                return _refused("add", exc)
        print(f"added {_describe(account)}: the first manager of this installation; from now on commands "
              "that change data or show personal data need a staff account (--user NAME)")
        return 0
    with _manager_desk(args) as desk:
        password = read_new_password(args.name)
        try:
            account = desk.staff.add(args.name, role, password, display_name=args.display_name)
        except DeskError as exc:
            return _refused("add", exc)
    print(f"added {_describe(account)}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from hotel_desk.desk import Desk

    with Desk(args.settings, via="cli") as desk:
        if not desk.access.has_accounts():
            print("no staff accounts yet: add the first manager with `hotel-desk users add NAME --role manager`")
            return 0
    with _manager_desk(args) as desk:
        accounts = desk.staff.accounts()
    if args.json:
        print(json.dumps([{
            "username": a.username, "display_name": a.display_name, "role": a.role, "active": a.active,
            "locked_until": a.locked_until.isoformat() if a.locked_until else None,
            "last_sign_in_at": a.last_sign_in_at.isoformat() if a.last_sign_in_at else None,
            "created_at": a.created_at.isoformat(), "created_by": a.created_by,
        } for a in accounts], ensure_ascii=False, indent=2))
        return 0
    for a in accounts:
        last = a.last_sign_in_at.isoformat(timespec="minutes") if a.last_sign_in_at else "never"
        locked = f"  LOCKED until {a.locked_until.isoformat(timespec='minutes')}" if a.locked_until else ""
        print(f"{a.username:<24} {a.role or '':<13} {'active' if a.active else 'DISABLED':<9} last sign-in "
              f"{last}{locked}")
    return 0


def _change(args: argparse.Namespace, command: str, change: Any) -> int:
    from hotel_desk.desk import DeskError

    with _manager_desk(args) as desk:
        try:
            account = change(desk)
        except DeskError as exc:
            return _refused(command, exc)
    print(f"{command}: {_describe(account)}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    return _change(args, "disable", lambda desk: desk.staff.set_active(args.name, False))


def cmd_enable(args: argparse.Namespace) -> int:
    return _change(args, "enable", lambda desk: desk.staff.set_active(args.name, True))


def cmd_role(args: argparse.Namespace) -> int:
    role = _role(args.role)
    return _change(args, "role", lambda desk: desk.staff.set_role(args.name, role))


def cmd_reset(args: argparse.Namespace) -> int:
    from hotel_desk.commands.auth import read_new_password

    def reset(desk: Desk) -> StaffAccount:
        return desk.staff.reset_password(args.name, read_new_password(args.name))

    return _change(args, "reset", reset)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("users", help="staff accounts: add, list, disable, enable, reset a password, change a role",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    us = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    roles = "receptionist, manager or liaison"

    s = us.add_parser("add", parents=[common], help="add a staff account (the first one: a manager, no sign-in)")
    s.add_argument("name", metavar="NAME", help="the name staff sign in with")
    s.add_argument("--role", required=True, help=roles)
    s.add_argument("--display-name", default="", help="the name shown at the desk (default: NAME)")
    s.set_defaults(handler=cmd_add)

    s = us.add_parser("list", parents=[common], help="every staff account with its role and state")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(handler=cmd_list)

    for name, handler, text in (("disable", cmd_disable, "stop an account from signing in (its records stay)"),
                                ("enable", cmd_enable, "let a disabled account sign in again"),
                                ("reset", cmd_reset, "give an account a new password (ends a lockout)")):
        s = us.add_parser(name, parents=[common], help=text)
        s.add_argument("name", metavar="NAME")
        s.set_defaults(handler=handler)

    s = us.add_parser("role", parents=[common], help="change an account's role")
    s.add_argument("name", metavar="NAME")
    s.add_argument("--role", required=True, help=roles)
    s.set_defaults(handler=cmd_role)
