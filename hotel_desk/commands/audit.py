"""`hotel-desk audit verify | export | receipts | verify-export`: for support staff and police liaisons.

`verify` checks the guards (triggers), walks the whole hash chain, checks every report payload and anchor and
every covered row against the chain, and with `--against` every anchor in earlier exports or receipts files;
it prints what it checked and each problem, exits 1 when anything is broken and 2 when the database does not
exist (it creates nothing). `export` writes the events of a period as CSV or JSON with the chain head hash, or
the liaison's bundle (.zip); `receipts` every receipt with its anchor. Both need a staff account allowed to
export the audit trail (a manager or the liaison: --user NAME or $HOTEL_DESK_USER; exit code 3); `verify`
shows counts, ids, field names and events only and needs none; `verify-export` needs no database at all.
"""

from __future__ import annotations

import argparse
import sys
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
    """No sign-in (a tampered database may have no usable account): the output names rows, fields and events,
    never a guest's data; the inspection view (signed in) shows the values."""
    from hotel_desk.desk import Desk
    from hotel_desk.store import AnchorFileError, StoreError

    try:
        with Desk(args.settings, via="cli") as desk:
            check = desk.check_audit_trail(against=args.against or ())
    except AnchorFileError as exc:
        raise UsageError(str(exc)) from None
    except StoreError as exc:
        print(f"hotel-desk audit verify: {exc}", file=sys.stderr)
        return 2
    result = check.chain
    print(f"audit chain: {result.count} events, head {result.head_hash}")
    print(f"reports: {check.reports_checked} payloads and anchors checked against their audit events")
    print(f"rows: {check.rows_checked} registrations, guests, documents and report states checked against the chain")
    if args.against:
        print(f"anchors: {check.anchors_checked} anchored events checked against {len(args.against)} earlier file(s)")
    for problem in check.guard_problems:
        print(f"BROKEN: guard: {problem}")
    if result.broken is not None:
        print(f"BROKEN: first broken link at event {result.broken.seq}: {result.broken.problem}")
        for link in result.problems[1:]:
            print(f"  also event {link.seq}: {link.problem}")
    for p in check.payload_problems:
        print(f"BROKEN: report {p.report_id}: {p.problem}")
    for row in check.row_problems:
        print(f"BROKEN: {row.table} {row.row_id}: {row.problem}".rstrip())
    for anchor in check.anchor_problems:
        print(f"BROKEN: anchor: {anchor.problem}")
    if check.ok:
        print("OK: the chain is intact")
        return 0
    return 1


def run_receipts(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    with signed_in_desk(args, Permission.EXPORT_AUDIT, clock=clock) as desk:
        done = desk.export_receipts(args.out)
    print(f"exported {done.count} receipts to {done.path}; chain head {done.head_seq} {done.head_hash}")
    return 0


def run_export(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    settings = args.settings
    start = _moment(args.start, end_of_day=False, zone=settings.timezone) if args.start else None
    end = _moment(args.end, end_of_day=True, zone=settings.timezone) if args.end else None
    if start and end and end <= start:
        raise UsageError("--to is before --from")
    target = args.out or args.file
    if not target:
        raise UsageError("name the file to write (FILE or --out FILE)")
    fmt = args.format or ("bundle" if str(target).lower().endswith(".zip") else None)
    with signed_in_desk(args, Permission.EXPORT_AUDIT, clock=clock) as desk:
        if fmt == "bundle":
            bundle = desk.export_bundle(target, start=start, end=end)
            print(f"exported a bundle of {bundle.events} events to {bundle.path}; chain head {bundle.head_seq} "
                  f"{bundle.head_hash}")
            return 0
        done = desk.export_audit(target, start=start, end=end, fmt=fmt)
    print(f"exported {done.count} events to {done.path} ({done.format}); chain head {done.head_seq} "
          f"{done.head_hash}")
    return 0


def run_verify_export(args: argparse.Namespace) -> int:
    """Check a bundle on any computer: no database, no settings, no sign-in needed."""
    from hotel_desk.store.bundle_format import verify_bundle

    check = verify_bundle(args.bundle)
    manifest = check.manifest
    print(f"bundle: {manifest.get('format', '?')} from {(manifest.get('hotel') or {}).get('hotel_code', '?')}, "
          f"created {manifest.get('created_at', '?')} by {manifest.get('created_by', '?')}")
    print(f"events: {check.events} (from {check.first_seq} to {check.head_seq}); chain head "
          f"{(manifest.get('chain_head') or {}).get('seq')} {(manifest.get('chain_head') or {}).get('hash')}")
    for problem in check.problems:
        print(f"BROKEN: {problem}")
    if check.ok:
        print("OK: every member is the one the manifest names and the events chain to the head")
        return 0
    return 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("audit", help="verify or export the tamper-evident audit trail")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser("verify", parents=[common], help="walk the hash chain; exit 1 when it is broken",
                             description="Walk the audit chain and check every report payload against its "
                             "audit event. Prints the count and the first broken link; exit 1 when broken.")
    v.add_argument("--against", nargs="+", metavar="FILE",
                   help="earlier export bundles, audit exports or receipts files: prove that every chain state "
                   "anchored in them is still there, unchanged (catches a cut-back tail and a rebuilt chain)")
    v.set_defaults(handler=run_verify)
    r = audit_sub.add_parser("receipts", parents=[common], help="write every receipt with its chain anchor",
                             description="Write every acknowledged, confirmed or handed-over report's receipt "
                             "with the chain anchor it carried and the intake's raw answer (JSON, 0600). Keep it "
                             "elsewhere: `audit verify --against FILE` later proves the chain was not rewritten.")
    r.add_argument("--out", required=True, metavar="FILE")
    r.set_defaults(handler=run_receipts)
    e = audit_sub.add_parser("export", parents=[common], help="write a period's audit events to CSV or JSON",
                             description="Export audit events with start <= time < end as CSV or JSON, with "
                             "the chain head hash. Dates are whole local days (--to includes its day).")
    e.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD) or date-time")
    e.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD, included) or date-time")
    e.add_argument("--format", choices=("csv", "json", "bundle"),
                   help="default: from the file name (.zip: the liaison's bundle, .json, else CSV)")
    e.add_argument("--out", metavar="FILE", help="the file to write (or give it as FILE)")
    e.add_argument("file", metavar="FILE", nargs="?")
    e.set_defaults(handler=run_export)
    x = audit_sub.add_parser("verify-export", help="check an export bundle on any computer (no database)",
                             description="Check a bundle made by `audit export --out BUNDLE.zip`: every member "
                             "against the manifest's SHA-256, the events chained from the first to the head. "
                             "Exit 0 intact, 1 when anything differs.")
    x.add_argument("bundle", metavar="BUNDLE")
    x.set_defaults(handler=run_verify_export)

