"""`hotel-desk reports ...`: the police-report queue from the command line.

  reports status [--json]           what is pending (with time left), late, rejected; the 24-hour rate
  reports send [--until-empty] [--now]   send due reports (--now: every unsent one) to the intake
  reports check                     ask the intake to validate unsent reports without filing them
  reports export-batch DIR          write every unsent report as a batch folder for hand-over
  reports confirm --receipt NUMBER (--batch DIR | --report ID)   record the receipt of a hand-over
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from hotel_desk.settings import load_settings
    from hotel_desk.store import open_database

    settings = load_settings()
    return settings, open_database(settings.effective_database_url())


def _fmt_left(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    s = int(abs(seconds))
    return f"{sign}{s // 3600}h{(s % 3600) // 60:02d}m"


def _transport(target: Any, args: argparse.Namespace) -> Any:
    """The HTTP transport, or a clear message when the TLS settings cannot be used (missing certificate
    file, wrong key): exits 1 instead of a traceback."""
    import ssl

    from hotel_desk.reporting.connection import IntakeConfigError
    from hotel_desk.reporting.setup import http_transport

    try:
        return http_transport(target, timeout=args.timeout, max_batch=args.batch_size)
    except IntakeConfigError as exc:
        # An unsafe or incomplete intake configuration (LIVE over http, no key...): nothing is sent.
        print(f"hotel-desk reports: refusing to send: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc
    except (OSError, ssl.SSLError) as exc:
        print(f"hotel-desk reports: cannot set up TLS for {target.url} (check intake_client_cert and "
              f"intake_verify_tls in the settings): {exc}", file=sys.stderr)
        raise SystemExit(1) from exc


def cmd_status(args: argparse.Namespace) -> int:
    from hotel_desk.reporting.metrics import reporting_status
    from hotel_desk.reporting.setup import intake_target

    settings, db = _open(args)
    try:
        target = intake_target(settings, db, url=args.intake)
        status = reporting_status(db, item_limit=args.limit)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"intake": target.url, "training": target.training, **status.to_dict()}, indent=2,
                         ensure_ascii=False))
        return 0
    print(f"intake: {target.label}" + ("   (TRAINING: nothing reaches the police)" if target.training else ""))
    rate = "n/a" if status.rate_24h is None else f"{status.rate_24h * 100:.1f} %"
    print(f"reported within 24 h (last {status.window_days} days): {rate}  ({status.on_time} of {status.decided})")
    print("late: " + ", ".join(f"{k}: {v}" for k, v in status.late.items()))
    print(f"pending: {status.pending} (overdue {status.overdue}, postponed by the intake {status.postponed})   "
          f"rejected, needs correction: {status.rejected}")
    print("by state: " + ", ".join(f"{k} {v}" for k, v in status.by_state.items() if v))
    if status.pending_items:
        print("\nnext deadlines:")
        for item in status.pending_items:
            err = f"  last error: {item.last_error}" if item.last_error else ""
            if item.postponed_until is not None:  # the note says until when, and why
                err = f"  POSTPONED: {item.last_error}"
            print(f"  {item.report_id}  {item.kind:<12} {item.state:<15} time left {_fmt_left(item.time_left_seconds):>9}"
                  f"  attempts {item.attempts}{err}")
    if status.rejected_items:
        print("\nrejected (correct the registration; a correction report goes out by itself):")
        for rej in status.rejected_items:
            reasons = "; ".join(f"{e.get('field') or '(record)'}: {e.get('message') or e.get('code')}"
                                for e in rej.field_errors)
            print(f"  {rej.report_id}  {rej.kind:<12} {reasons}")
    for alert in status.alerts[:10]:
        print(f"ALERT {alert.level}: report {alert.report_id} deadline {alert.deadline_at.isoformat()}")
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from hotel_desk.reporting.setup import intake_target
    from hotel_desk.reporting.uploader import Uploader, default_worker_name

    settings, db = _open(args)
    try:
        target = intake_target(settings, db, url=args.intake)
        print(f"sending to {target.label}", flush=True)
        with _transport(target, args) as transport:
            uploader = Uploader(db, transport, mapping=target.mapping, hotel_id=target.hotel_id,
                                worker=default_worker_name("reports-send"), batch_size=args.batch_size,
                                on_event=lambda e: print(f"  {e.kind}: {e.message}", flush=True)
                                if e.kind != "batch" else None)
            summary = uploader.drain(until_empty=args.until_empty, now=args.now)
            left = uploader.status().reporting
    finally:
        db.dispose()
    print(f"accepted {summary.acknowledged} (duplicates recognised {summary.duplicates}), rejected "
          f"{summary.rejected}, to retry {summary.transient}, resumed after a restart {summary.resumed}")
    print(f"still pending: {left.pending}; rejected and waiting for a correction: {left.rejected}"
          + (f"; postponed by the intake: {left.postponed} (`reports send --now` tries them anyway)"
             if left.postponed else ""))
    if uploader.attention:
        print(f"ACTION NEEDED: {uploader.attention}", file=sys.stderr)
        return 1
    return 0 if left.by_state.get("queued", 0) + left.by_state.get("failed_retrying", 0) == 0 else 1


def cmd_check(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from hotel_desk.reporting.mapping import MappingError
    from hotel_desk.reporting.protocol import OutgoingReport, RecordStatus
    from hotel_desk.reporting.setup import intake_target
    from hotel_desk.reporting.validation import validate_record
    from hotel_desk.store.models import DUE_STATES, Report
    from hotel_desk.store.payload import load_payload

    settings, db = _open(args)
    try:
        target = intake_target(settings, db, url=args.intake)
        with db.read() as session:
            rows = session.execute(
                select(Report.id, Report.payload).where(Report.state.in_([s.value for s in DUE_STATES]))
                .order_by(Report.deadline_at).limit(args.batch_size)
            ).all()
    finally:
        db.dispose()
    problems = 0
    outgoing = []
    for rid, text in rows:
        try:
            record = target.mapping.apply(load_payload(text), {"hotel_id": target.hotel_id})
        except MappingError as exc:
            problems += 1
            print(f"{rid}: cannot be expressed in layout {target.mapping.layout}: {exc}")
            continue
        # The intake's own rules first, here: what they refuse needs no intake to say so (and works offline).
        local = validate_record(record, hotel_id=target.hotel_id) if target.mapping.layout == "intake-v1" else []
        if local:
            problems += 1
            print(f"{rid}: " + "; ".join(f"{e.field or '(record)'}: {e.message}" for e in local))
            continue
        outgoing.append(OutgoingReport(rid, rid, record))
    if not outgoing:
        print(f"nothing unsent to send for checking; {problems} would be rejected" if rows else "nothing unsent to check")
        return 1 if problems else 0
    with _transport(target, args) as transport:
        outcome = transport.submit(outgoing, check_only=True)
    if outcome.failure is not None:
        print(f"the intake could not check them: {outcome.failure.value}: {outcome.failure_detail}", file=sys.stderr)
        return 1
    for res in outcome.results:
        if res.status is RecordStatus.REJECTED:
            problems += 1
            print(f"{res.idempotency_key}: " + "; ".join(f"{e.field or '(record)'}: {e.message}" for e in res.errors))
    print(f"checked {len(outcome.results)} report(s) with {target.label}: {problems} would be rejected")
    return 1 if problems else 0


def cmd_export_batch(args: argparse.Namespace) -> int:
    from hotel_desk.reporting.setup import batch_file_transport, intake_target
    from hotel_desk.reporting.uploader import Uploader, default_worker_name

    settings, db = _open(args)
    try:
        target = intake_target(settings, db, url=args.intake)
        transport = batch_file_transport(target, args.dir)
        transport.max_batch = args.batch_size
        uploader = Uploader(db, transport, mapping=target.mapping, hotel_id=target.hotel_id,
                            worker=default_worker_name("export-batch"), batch_size=args.batch_size)
        result = uploader.export_all()
    finally:
        db.dispose()
    if not transport.exports and not result.rejected:
        print("nothing unsent: no batch written")
        return 0
    for export in transport.exports:
        print(f"{export.path}  ({len(export.report_ids)} report(s), manifest SHA-256 "
              f"{export.sha256['manifest.json'][:16]}...)")
    if result.rejected:
        print(f"{result.rejected} report(s) could not be expressed in layout {target.mapping.layout}: "
              "see `hotel-desk reports status`")
    if result.transient:
        print("writing a batch failed; the reports stay queued", file=sys.stderr)
        return 1
    if transport.exports:
        print("Hand the folder(s) over, then record the receipt number:\n"
              "  hotel-desk reports confirm --batch FOLDER --receipt NUMBER")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    from hotel_desk.cli import UsageError
    from hotel_desk.reporting.batch_file import BatchFileError, read_manifest
    from hotel_desk.store import NotFound, StateError, StoreError, confirm_report

    if bool(args.batch) == bool(args.report):
        raise UsageError("give either --batch FOLDER or --report ID")
    if not args.receipt.strip():
        raise UsageError("--receipt must not be empty")
    from hotel_desk.settings import desk_actor, load_settings

    actor = desk_actor(load_settings(), args.by, via="cli:")
    if args.batch:
        try:
            manifest = read_manifest(args.batch)
        except BatchFileError as exc:
            print(f"hotel-desk reports confirm: {exc}", file=sys.stderr)
            return 1
        ids = list(manifest["report_ids"])
        raw = json.dumps({"batch_id": manifest["batch_id"], "receipt_number": args.receipt.strip(),
                          "manifest_sha256": manifest["sha256"]})
    else:
        ids, raw = [args.report], json.dumps({"receipt_number": args.receipt.strip()})
    _settings, db = _open(args)
    confirmed, problems = 0, 0
    try:
        for rid in ids:
            try:
                confirm_report(db, rid, receipt_number=args.receipt, actor=actor, raw_answer=raw)
                confirmed += 1
            except (NotFound, StateError, StoreError) as exc:
                problems += 1
                print(f"  {rid}: {exc}", file=sys.stderr)
    finally:
        db.dispose()
    print(f"confirmed {confirmed} report(s) with receipt {args.receipt.strip()}"
          + (f"; {problems} could not be confirmed (see above)" if problems else ""))
    return 1 if problems else 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    intake = argparse.ArgumentParser(add_help=False)
    intake.add_argument("--intake", metavar="URL", default=None,
                        help="intake base URL (default: $HOTEL_DESK_INTAKE_URL, the settings, then the local "
                        "TRAINING intake)")
    p = sub.add_parser("reports", help="the police-report queue: status, send, check, export, confirm",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    rs = p.add_subparsers(dest="reports_command", metavar="ACTION", required=True)

    s = rs.add_parser("status", parents=[common, intake], help="pending, late and rejected reports; 24-hour rate")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.add_argument("--limit", type=int, default=20, help="how many pending / rejected reports to list")
    s.set_defaults(handler=cmd_status)

    s = rs.add_parser("send", parents=[common, intake], help="send due reports now")
    s.add_argument("--until-empty", action="store_true",
                   help="keep going (waiting for retries) until every report is accepted, rejected or handed over")
    s.add_argument("--batch-size", type=int, default=200, help="records per request (default %(default)s)")
    s.add_argument("--now", action="store_true",
                   help="first try every unsent report once, also those waiting for a retry or postponed by the intake")
    s.add_argument("--timeout", type=float, default=30.0,
                   help="seconds one request may take in all: connecting, sending and reading the whole answer")
    s.set_defaults(handler=cmd_send)

    s = rs.add_parser("check", parents=[common, intake],
                      help="have the intake validate unsent reports without filing them (check-only mode)")
    s.add_argument("--batch-size", type=int, default=200)
    s.add_argument("--timeout", type=float, default=30.0)
    s.set_defaults(handler=cmd_check)

    s = rs.add_parser("export-batch", parents=[common, intake],
                      help="write every unsent report into batch folders (JSON + CSV + SHA-256 manifest)")
    s.add_argument("dir", metavar="DIR", help="where to write the batch folder(s), e.g. a USB stick")
    s.add_argument("--batch-size", type=int, default=1000, help="reports per batch folder")
    s.set_defaults(handler=cmd_export_batch)

    s = rs.add_parser("confirm", parents=[common], help="record the receipt number of a handed-over batch or report")
    s.add_argument("--receipt", required=True, metavar="NUMBER", help="the receipt number the police gave")
    s.add_argument("--batch", metavar="FOLDER", help="a batch folder written by export-batch (checked first)")
    s.add_argument("--report", metavar="ID", help="one report id")
    s.add_argument("--by", metavar="NAME", help="who records it (default: the logged-in user)")
    s.set_defaults(handler=cmd_confirm)

