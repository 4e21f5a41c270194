"""`hotel-desk purge-images`: remove the page images of stays that ended more than the retention period ago
(settings `page_image_retention_days`, default 90), each batch recorded in the audit trail. The app does the same
when it starts and once a day; this is for desks that are never left running, or a scheduled task. A manager
signs in (--user, $HOTEL_DESK_USER)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    if args.days is not None:
        args.settings = args.settings.override("--days", page_image_retention_days=args.days)
    # By hand it deletes what a shorter --days says: a manager's decision, on record under their name.
    with signed_in_desk(args, Permission.CHANGE_SETTINGS) as desk:
        done = desk.purge_page_images(by_hand=True)
    print(f"purged {done.count} page images of stays that ended before {done.cutoff.isoformat(timespec='minutes')}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("purge-images", parents=[common], help="remove page images past the retention period",
                       description=__doc__)
    p.add_argument("--days", type=int, help="retention in days (default: the settings, 90)")
    p.set_defaults(handler=run)
