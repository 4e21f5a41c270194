"""`hotel-desk fax`: hand a registration over by fax or in person (small inns, outages).

  fax form REPORT_ID OUT.pdf|OUT.tiff            the bilingual registration form (print it / fax it)
  fax send REPORT_ID --port PORT --number NUMBER send it through a Class 2.0 fax modem
  fax handed-over REPORT_ID --to NAME            the printed form was handed to an officer in person

A report counts as handed over only after the modem confirmed the fax, or after a named hand-over. It
then waits for the police's receipt number: hotel-desk reports confirm --report REPORT_ID --receipt NUMBER.
Each needs a staff account allowed to hand reports over (--user NAME or $HOTEL_DESK_USER; exit code 3).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

DEFAULT_BAUD = 19200


def _desk(args: argparse.Namespace) -> Any:
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    return signed_in_desk(args, Permission.HAND_OVER)


def _fail(command: str, message: object) -> int:
    print(f"hotel-desk fax {command}: {message}", file=sys.stderr)
    return 1


def _deadline_text(report: Any, timezone: str) -> str:
    from zoneinfo import ZoneInfo

    return report.deadline_at.astimezone(ZoneInfo(timezone or "Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")


def cmd_form(args: argparse.Namespace) -> int:
    from hotel_desk.commands import UsageError
    from hotel_desk.fax.fonts import FontNotFound
    from hotel_desk.store import NotFound

    if not args.out.lower().endswith((".pdf", ".tif", ".tiff")):
        raise UsageError(f"{args.out}: write the form as .pdf (printing) or .tiff (fax)")
    try:
        with _desk(args) as desk:
            report, path = desk.save_form(args.report_id, args.out)
    except (NotFound, FontNotFound, OSError) as exc:
        return _fail("form", exc)
    print(f"wrote {path} ({report.kind} report {report.report_id}, state {report.state}); hand it over "
          f"before {_deadline_text(report, args.settings.timezone)}")
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from hotel_desk.commands import UsageError
    from hotel_desk.fax.fonts import FontNotFound
    from hotel_desk.fax.modem import FaxError, Timeouts, dial_string
    from hotel_desk.store import StoreError

    try:
        dial_string(args.number)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if args.baud <= 0:
        raise UsageError("--baud must be a positive number of bits per second")
    timeouts = Timeouts(dial=args.dial_timeout) if args.dial_timeout else Timeouts()
    try:
        with _desk(args) as desk:
            outcome = desk.fax(args.report_id, port=args.port, number=args.number, baud=args.baud,
                               local_id=args.local_id, flow=args.flow, timeouts=timeouts,
                               on_progress=lambda text: print(f"  {text}", file=sys.stderr, flush=True))
    except FaxError as exc:
        return _fail("send", f"{exc}\nThe report is unchanged (still waiting); the failed attempt is in the "
                             "audit trail.")
    except (StoreError, FontNotFound) as exc:
        return _fail("send", exc)
    if not outcome.marked_handed_over:
        print(f"fax delivered ({outcome.result.summary()}), but report {args.report_id} had meanwhile been "
              f"filed by the uploader (state {outcome.report.state}); the fax is recorded in the audit trail")
        return 0
    print(f"fax delivered: {outcome.result.summary()}")
    print(f"report {args.report_id} is now handed over (fax). When the police give the receipt number:\n"
          f"  hotel-desk reports confirm --report {args.report_id} --receipt NUMBER")
    return 0


def cmd_handed_over(args: argparse.Namespace) -> int:
    from hotel_desk.commands import UsageError
    from hotel_desk.store import StoreError

    if not args.to.strip():
        raise UsageError("--to must name who received the form")
    try:
        with _desk(args) as desk:
            report = desk.hand_over_in_person(args.report_id, args.to, note=args.note or "")
    except StoreError as exc:
        return _fail("handed-over", exc)
    print(f"report {report.report_id} handed over in person to {' '.join(args.to.split())}. When the police "
          f"give the receipt number:\n  hotel-desk reports confirm --report {report.report_id} --receipt NUMBER")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("fax", help="registration form for fax or in-person hand-over (small inns, outages)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    fs = p.add_subparsers(dest="fax_command", metavar="ACTION", required=True)

    s = fs.add_parser("form", parents=[common], help="write the registration form as PDF or fax TIFF")
    s.add_argument("report_id", metavar="REPORT_ID")
    s.add_argument("out", metavar="OUT", help="OUT.pdf (printing) or OUT.tiff (TIFF Class F, G3 fine)")
    s.set_defaults(handler=cmd_form)

    s = fs.add_parser("send", parents=[common], help="fax the form through a Class 2.0 fax modem")
    s.add_argument("report_id", metavar="REPORT_ID")
    s.add_argument("--port", required=True, help="the modem's serial port (COM3, /dev/ttyUSB0, /dev/ttyACM0)")
    s.add_argument("--number", required=True, help="the sub-station's fax number (digits; , for a pause)")
    s.add_argument("--baud", type=int, default=DEFAULT_BAUD, help="serial speed (default %(default)s)")
    s.add_argument("--flow", choices=("rtscts", "xonxoff", "none"), default="rtscts",
                   help="flow control between computer and modem (default %(default)s)")
    s.add_argument("--local-id", default="", help="our fax id sent to the remote (digits, + and spaces; "
                   "default: settings fax_local_id)")
    s.add_argument("--dial-timeout", type=float, default=None, help="seconds to wait for the call to connect")
    s.set_defaults(handler=cmd_send)

    s = fs.add_parser("handed-over", parents=[common],
                      help="record that the printed form was handed to an officer (home visit, counter)")
    s.add_argument("report_id", metavar="REPORT_ID")
    s.add_argument("--to", required=True, metavar="NAME", help="who received it (officer's name or number)")
    s.add_argument("--note", default="", help="anything else worth keeping (where, which visit)")
    s.set_defaults(handler=cmd_handed_over)
