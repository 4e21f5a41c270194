"""`hotel-desk audit verify` and `hotel-desk audit export`: for support staff and police liaisons.

`verify` walks the whole hash chain (and checks every report payload against the hash its audit event
recorded); it prints the number of events and the first broken link, and exits 1 when anything is broken.
`export` writes the events of a period as CSV or JSON together with the chain head hash, so that the
liaison can later check that the hotel's trail still extends the same chain. It needs a staff account allowed
to export the audit trail (a manager or the liaison: --user NAME or $HOTEL_DESK_USER; exit code 3); `verify`
shows counts and broken links only and needs none.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from hotel_desk.commands import UsageError

if TYPE_CHECKING:
    from hotel_desk.clock import Clock


def _moment(value: str, *, end_of_day: bool, zone: str) -> datetime:
    """A date means the whole local day (--to includes it); a date-time is taken as given (naive = local)."""
    from hotel_desk.clock import as_aware, local_zone

    value = value.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            if end_of_day:
                day += timedelta(days=1)
            return datetime.combine(day, time(0), tzinfo=local_zone(zone)).astimezone(UTC)
        return as_aware(datetime.fromisoformat(value), zone)
    except ValueError:
        raise UsageError(f"not a date or date-time: {value!r}") from None


def run_verify(args: argparse.Namespace) -> int:
    from hotel_desk.desk import Desk

    with Desk(args.settings, via="cli") as desk:
        check = desk.check_audit_trail()
    result = check.chain
    print(f"audit chain: {result.count} events, head {result.head_hash}")
    print(f"reports: {check.reports_checked} payloads checked against their audit events")
    if check.ok:
        print("OK: the chain is intact")
        return 0
    if result.broken is not None:
        print(f"BROKEN: first broken link at event {result.broken.seq}: {result.broken.problem}")
        for problem in result.problems[1:]:
            print(f"  also event {problem.seq}: {problem.problem}")
    for p in check.payload_problems:
        print(f"BROKEN: report {p.report_id}: {p.problem}")
    return 1


def run_export(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    settings = args.settings
    start = _moment(args.start, end_of_day=False, zone=settings.timezone) if args.start else None
    end = _moment(args.end, end_of_day=True, zone=settings.timezone) if args.end else None
    if start and end and end <= start:
        raise UsageError("--to is before --from")
    with signed_in_desk(args, Permission.EXPORT_AUDIT, clock=clock) as desk:
        done = desk.export_audit(args.file, start=start, end=end, fmt=args.format)
    print(f"exported {done.count} events to {done.path} ({done.format}); chain head {done.head_seq} "
          f"{done.head_hash}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("audit", help="verify or export the tamper-evident audit trail")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser("verify", parents=[common], help="walk the hash chain; exit 1 when it is broken",
                             description="Walk the audit chain and check every report payload against its "
                             "audit event. Prints the count and the first broken link; exit 1 when broken.")
    v.set_defaults(handler=run_verify)
    e = audit_sub.add_parser("export", parents=[common], help="write a period's audit events to CSV or JSON",
                             description="Export audit events with start <= time < end as CSV or JSON, with "
                             "the chain head hash. Dates are whole local days (--to includes its day).")
    e.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD) or date-time")
    e.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD, included) or date-time")
    e.add_argument("--format", choices=("csv", "json"), help="default: from the file name (.json, else CSV)")
    e.add_argument("file", metavar="FILE")
    e.set_defaults(handler=run_export)

