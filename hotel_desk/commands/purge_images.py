"""`hotel-desk purge-images`: remove the page images of stays that ended more than the retention period ago
(settings `page_image_retention_days`, default 90), each batch recorded in the audit trail. The app does the same
when it starts and once a day; this is for desks that are never left running, or a scheduled task."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from hotel_desk.desk import Desk
    from hotel_desk.settings import desk_actor

    settings = args.settings
    if args.days is not None:
        settings = settings.override("--days", page_image_retention_days=args.days)
    with Desk(settings, actor=desk_actor(settings, args.actor, via="cli:")) as desk:
        done = desk.purge_page_images()
    print(f"purged {done.count} page images of stays that ended before {done.cutoff.isoformat(timespec='minutes')}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("purge-images", parents=[common], help="remove page images past the retention period",
                       description=__doc__)
    p.add_argument("--days", type=int, help="retention in days (default: the settings, 90)")
    p.add_argument("--actor", help="desk user recorded for the purge")
    p.set_defaults(handler=run)
