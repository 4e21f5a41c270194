"""`hotel-desk reports ...`: the police-report queue from the command line.

  reports status [--json]           what is pending (with time left), late, rejected; the 24-hour rate
  reports send [--until-empty] [--now]   send due reports (--now: every unsent one) to the intake
  reports check                     ask the intake to validate unsent reports without filing them
  reports export-batch DIR          write every unsent report as a batch folder for hand-over
  reports confirm --receipt NUMBER (--batch DIR | --report ID)   record the receipt of a hand-over

status shows no personal data and needs no sign-in; send and check need a staff account allowed to send
reports, export-batch and confirm one allowed to hand reports over (--user NAME or $HOTEL_DESK_USER, the
password from the prompt or $HOTEL_DESK_PASSWORD; exit code 3 when that fails).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hotel_desk.rules.roles import Permission


def _desk(args: argparse.Namespace, permission: Permission | None = None) -> Any:
    """The desk for a reports command, with the command line's staff member signed in when it needs
    `permission`."""
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.desk import Desk

    if permission is None:
        return Desk(args.settings, via="cli")
    return signed_in_desk(args, permission)


def _fmt_left(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    s = int(abs(seconds))
    return f"{sign}{s // 3600}h{(s % 3600) // 60:02d}m"


def cmd_status(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        target, status = desk.queue.status(limit=args.limit, intake_url=args.intake)
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


def _queue_failed(exc: Exception) -> int:
    print(f"hotel-desk reports: {exc}", file=sys.stderr)
    return 1


def cmd_send(args: argparse.Namespace) -> int:
    from hotel_desk.desk import QueueError

    def event(e: Any) -> None:
        if e.kind != "batch":
            print(f"  {e.kind}: {e.message}", flush=True)

    try:
        with _desk(args, Permission.SEND_REPORTS) as desk:
            sent = desk.queue.send(intake_url=args.intake, until_empty=args.until_empty, now=args.now,
                                   batch_size=args.batch_size, timeout=args.timeout, on_event=event,
                                   on_start=lambda target: print(f"sending to {target.label}", flush=True))
    except QueueError as exc:
        return _queue_failed(exc)
    summary, left = sent.summary, sent.left
    print(f"accepted {summary.acknowledged} (duplicates recognised {summary.duplicates}), rejected "
          f"{summary.rejected}, to retry {summary.transient}, resumed after a restart {summary.resumed}")
    print(f"still pending: {left.pending}; rejected and waiting for a correction: {left.rejected}"
          + (f"; postponed by the intake: {left.postponed} (`reports send --now` tries them anyway)"
             if left.postponed else ""))
    if sent.attention:
        print(f"ACTION NEEDED: {sent.attention}", file=sys.stderr)
        return 1
    return 0 if left.by_state.get("queued", 0) + left.by_state.get("failed_retrying", 0) == 0 else 1


def cmd_check(args: argparse.Namespace) -> int:
    from hotel_desk.desk import QueueError

    try:
        with _desk(args, Permission.SEND_REPORTS) as desk:
            checked = desk.queue.check(intake_url=args.intake, batch_size=args.batch_size, timeout=args.timeout)
    except QueueError as exc:
        return _queue_failed(exc)
    target = checked.target
    for report_id, why in checked.inexpressible:
        print(f"{report_id}: cannot be expressed in layout {target.mapping.layout}: {why}")
    for report_id, errors in checked.invalid:
        print(f"{report_id}: " + "; ".join(f"{e.field or '(record)'}: {e.message}" for e in errors))
    problems = len(checked.inexpressible) + len(checked.invalid)
    if checked.failure:
        print(f"the intake could not check them: {checked.failure}", file=sys.stderr)
        return 1
    if checked.results is None:
        print(f"nothing unsent to send for checking; {problems} would be rejected" if problems
              else "nothing unsent to check")
        return 1 if problems else 0
    for res in checked.rejected:
        problems += 1
        print(f"{res.idempotency_key}: " + "; ".join(f"{e.field or '(record)'}: {e.message}" for e in res.errors))
    print(f"checked {len(checked.results)} report(s) with {target.label}: {problems} would be rejected")
    return 1 if problems else 0


def cmd_export_batch(args: argparse.Namespace) -> int:
    with _desk(args, Permission.HAND_OVER) as desk:
        exported = desk.queue.export_batch(args.dir, intake_url=args.intake, batch_size=args.batch_size)
    result = exported.result
    if not exported.exports and not result.rejected:
        print("nothing unsent: no batch written")
        return 0
    for export in exported.exports:
        print(f"{export.path}  ({len(export.report_ids)} report(s), manifest SHA-256 "
              f"{export.sha256['manifest.json'][:16]}...)")
    if result.rejected:
        print(f"{result.rejected} report(s) could not be expressed in layout {exported.target.mapping.layout}: "
              "see `hotel-desk reports status`")
    if result.transient:
        print("writing a batch failed; the reports stay queued", file=sys.stderr)
        return 1
    if exported.exports:
        print("Hand the folder(s) over, then record the receipt number:\n"
              "  hotel-desk reports confirm --batch FOLDER --receipt NUMBER")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    from hotel_desk.commands import UsageError
    from hotel_desk.desk import QueueError

    if bool(args.batch) == bool(args.report):
        raise UsageError("give either --batch FOLDER or --report ID")
    if not args.receipt.strip():
        raise UsageError("--receipt must not be empty")
    receipt = args.receipt.strip()
    with _desk(args, Permission.HAND_OVER) as desk:
        if args.batch:
            try:
                ids, problems = desk.queue.confirm_batch(args.batch, receipt)
            except QueueError as exc:
                print(f"hotel-desk reports confirm: {exc}", file=sys.stderr)
                return 1
        else:
            ids = [args.report]
            problems = desk.queue.confirm(ids, receipt, raw_answer=json.dumps({"receipt_number": receipt}))
    for report_id, why in problems:
        print(f"  {report_id}: {why}", file=sys.stderr)
    print(f"confirmed {len(ids) - len(problems)} report(s) with receipt {receipt}"
          + (f"; {len(problems)} could not be confirmed (see above)" if problems else ""))
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
    s.set_defaults(handler=cmd_confirm)

