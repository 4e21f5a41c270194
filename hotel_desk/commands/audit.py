"""`hotel-desk audit verify` and `hotel-desk audit export`: for support staff and police liaisons.

`verify` walks the whole hash chain (and checks every report payload against the hash its audit event
recorded); it prints the number of events and the first broken link, and exits 1 when anything is broken.
`export` writes the events of a period as CSV or JSON together with the chain head hash, so that the
liaison can later check that the hotel's trail still extends the same chain.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.cli import UsageError

if TYPE_CHECKING:
    from hotel_desk.clock import Clock

EXPORT_COLUMNS = ("seq", "occurred_at", "actor", "action", "entity_type", "entity_id", "body", "prev_hash", "hash")


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
    from hotel_desk.store import open_database, verify_chain
    from hotel_desk.store.audit import verify_report_payloads

    db = open_database()
    try:
        with db.read() as session:
            result = verify_chain(session)
            report_count, payload_problems = verify_report_payloads(session)
    finally:
        db.dispose()
    print(f"audit chain: {result.count} events, head {result.head_hash}")
    print(f"reports: {report_count} payloads checked against their audit events")
    if result.ok and not payload_problems:
        print("OK: the chain is intact")
        return 0
    if result.broken is not None:
        print(f"BROKEN: first broken link at event {result.broken.seq}: {result.broken.problem}")
        for problem in result.problems[1:]:
            print(f"  also event {problem.seq}: {problem.problem}")
    for p in payload_problems:
        print(f"BROKEN: report {p.report_id}: {p.problem}")
    return 1


def _event_row(event: Any) -> dict[str, Any]:
    from hotel_desk.store.audit import iso_utc

    return {
        "seq": event.seq, "occurred_at": iso_utc(event.occurred_at), "actor": event.actor, "action": event.action,
        "entity_type": event.entity_type, "entity_id": event.entity_id, "body": event.body,
        "prev_hash": event.prev_hash, "hash": event.hash,
    }


def run_export(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    from hotel_desk.clock import SystemClock
    from hotel_desk.settings import load_settings
    from hotel_desk.store import AuditAction, append_event, chain_head, open_database
    from hotel_desk.store.audit import events_between, iso_utc

    clock = clock or SystemClock()
    settings = load_settings()
    start = _moment(args.start, end_of_day=False, zone=settings.timezone) if args.start else None
    end = _moment(args.end, end_of_day=True, zone=settings.timezone) if args.end else None
    if start and end and end <= start:
        raise UsageError("--to is before --from")
    target = Path(args.file)
    fmt = args.format or ("json" if target.suffix.lower() == ".json" else "csv")
    actor = args.actor or settings.desk_user or "cli"
    db = open_database()
    try:
        with db.read() as session:
            head_seq, head_hash = chain_head(session)
            meta = {
                "exported_at": iso_utc(clock.now()), "from": iso_utc(start) if start else None,
                "to": iso_utc(end) if end else None, "chain_head_seq": head_seq, "chain_head_hash": head_hash,
            }
            count = 0
            tmp = target.with_name(target.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as out:
                if fmt == "json":
                    out.write(json.dumps(meta, ensure_ascii=False)[:-1] + ', "events": [\n')
                    for event in events_between(session, start, end):
                        out.write(("," if count else "") + json.dumps(_event_row(event), ensure_ascii=False) + "\n")
                        count += 1
                    out.write(f'], "count": {count}}}\n')
                else:
                    # One comment line with the chain head, then plain CSV (skip lines starting with '#').
                    out.write("# hotel_desk audit export " + " ".join(f"{k}={v}" for k, v in meta.items()) + "\n")
                    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
                    writer.writeheader()
                    for event in events_between(session, start, end):
                        writer.writerow(_event_row(event))
                        count += 1
            tmp.replace(target)
        with db.write() as session:
            append_event(session, actor=actor, action=AuditAction.AUDIT_EXPORTED, entity_type="audit",
                         entity_id=str(head_seq), at=clock.now(),
                         details={"from": meta["from"], "to": meta["to"], "count": count, "format": fmt,
                                  "chain_head_hash": head_hash})
    finally:
        db.dispose()
    print(f"exported {count} events to {target} ({fmt}); chain head {head_seq} {head_hash}")
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
    e.add_argument("--actor", help="desk user recorded for the export")
    e.add_argument("file", metavar="FILE")
    e.set_defaults(handler=run_export)


def main() -> None:  # pragma: no cover - convenience for `python -m hotel_desk.commands.audit`
    from hotel_desk.cli import main as cli_main

    raise SystemExit(cli_main(["audit", *sys.argv[1:]]))
