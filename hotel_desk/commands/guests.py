"""`hotel-desk guests ...`: closing stays and guest history, for the desk and the police liaison.

  guests overdue [--json]                      guests past their planned departure with no check-out
  guests history REGISTRATION_ID [--json]      every stay of the person behind a registration
  guests close-days                            queue the nil reports of finished days without check-ins
                                               (the app does it by itself; for desks that only run commands)
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from hotel_desk.rules.roles import Permission


def _desk(args: argparse.Namespace, permission: Permission) -> Any:
    """The desk with the command line's staff member signed in, whose role allows `permission`."""
    from hotel_desk.commands.auth import signed_in_desk

    return signed_in_desk(args, permission)


def _time(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def cmd_overdue(args: argparse.Namespace) -> int:
    from hotel_desk.store import StoreError

    try:
        with _desk(args, Permission.VIEW_PERSONAL_DATA) as desk:
            stays = desk.closure.overdue()
            checkout = desk.settings.checkout_time
    except StoreError as exc:
        print(f"hotel-desk guests overdue: {exc}")
        return 1
    if args.json:
        print(json.dumps([{
            "registration_id": s.registration_id, "group_id": s.group_id, "room": s.room, "guest": s.display_name,
            "nationality": s.nationality, "document_number": s.document_number, "arrival_at": _time(s.arrival_at),
            "planned_departure": s.planned_departure.isoformat(), "due_out_at": _time(s.due_out_at),
            "days_over": s.days_over,
        } for s in stays], indent=2, ensure_ascii=False))
        return 0
    if not stays:
        print(f"nobody is past their planned departure (check-out time {checkout})")
        return 0
    print(f"{len(stays)} guest(s) past their planned departure (check-out time {checkout}), not checked out:")
    for s in stays:
        print(f"  room {s.room:<6} {s.display_name:<40} departure {s.planned_departure}  "
              f"{s.days_over} day(s) over  {s.registration_id}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from hotel_desk.store import StoreError

    try:
        with _desk(args, Permission.VIEW_PERSONAL_DATA) as desk:
            stays = desk.returning.history(args.registration)
    except StoreError as exc:
        print(f"hotel-desk guests history: {exc}")
        return 1
    if args.json:
        print(json.dumps([{
            "registration_id": s.registration_id, "status": s.status, "room": s.room,
            "arrival_at": _time(s.arrival_at), "planned_departure": _time(s.planned_departure),
            "checked_out_at": _time(s.checked_out_at), "surname_en": s.surname_en,
            "given_names_en": s.given_names_en, "chinese_name": s.chinese_name, "nationality": s.nationality,
            "document_type": s.document_type, "document_number": s.document_number, "group_id": s.group_id,
        } for s in stays], indent=2, ensure_ascii=False))
        return 0
    for s in stays:
        out = f"  out {s.checked_out_at:%Y-%m-%d %H:%M}" if s.checked_out_at else ""
        print(f"{s.arrival_at:%Y-%m-%d %H:%M}  room {s.room:<6} {s.status:<11} {s.surname_en}, {s.given_names_en}  "
              f"{s.nationality} {s.document_type} {s.document_number}{out}")
    return 0


def cmd_close_days(args: argparse.Namespace) -> int:
    with _desk(args, Permission.SEND_REPORTS) as desk:
        queued = desk.closure.daily_pass(force=True)
        layout = desk.intake_target().mapping
    if layout.nil_report is None:
        print(f"layout {layout.layout} has no daily nil report: nothing to queue")
        return 0
    for nil in queued:
        print(f"nil report for {nil.day} queued: {nil.report_id}, due {nil.deadline_at.isoformat()}")
    if not queued:
        print("every finished day is reported (a check-in or a nil report)")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("guests", help="guests past their planned departure; a guest's history")
    s = p.add_subparsers(dest="guests_command", metavar="ACTION", required=True)
    o = s.add_parser("overdue", parents=[common], help="guests past their planned departure with no check-out",
                     description="Guests still in house after the check-out time (setting checkout_time, default "
                     "12:00, the property's local time) of their planned departure day. Audited: it names guests.")
    o.add_argument("--json", action="store_true")
    o.set_defaults(handler=cmd_overdue)
    h = s.add_parser("history", parents=[common], help="every stay of the person behind a registration",
                     description="Every stay of the same person (linked when a returning guest was recognised), "
                     "newest first. Audited.")
    h.add_argument("registration", metavar="REGISTRATION_ID")
    h.add_argument("--json", action="store_true")
    h.set_defaults(handler=cmd_history)
    c = s.add_parser("close-days", parents=[common], help="queue the daily nil reports of days without check-ins",
                     description="Queue a nil report (\"no foreign guests\") for every finished day without a "
                     "check-in, where the intake's layout expects one (its mapping file's nil_report option). "
                     "Idempotent per day. The app does this at start and after midnight; run this from cron on a "
                     "desk that only sends reports with `hotel-desk reports send`.")
    c.set_defaults(handler=cmd_close_days)
