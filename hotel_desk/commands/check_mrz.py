"""`hotel-desk check-mrz [TEXT...]`: parse and check machine-readable zones typed or pasted as text.

One JSON object per document on stdout. Lines may come as separate arguments, as one argument with
spaces or newlines between them, or on stdin; a blank line separates documents, and consecutive lines
are also split into documents by their shape (3 x 30, 2 x 36, 2 x 44).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from hotel_desk.commands import UsageError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def group_documents(text: str) -> list[list[str]]:
    """Split free text into candidate MRZs: blank lines separate documents; within a block, lines are
    taken three at a time when they are 30 wide, else two at a time."""
    from hotel_desk.documents import normalize_mrz_text

    groups: list[list[str]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        # Whitespace never occurs inside an MRZ line, so any run of it ends a line.
        lines = normalize_mrz_text("\n".join(block.split()))
        i = 0
        while i < len(lines):
            if len(lines[i]) == 30 and i + 2 < len(lines) and len(lines[i + 1]) == len(lines[i + 2]) == 30:
                groups.append(lines[i : i + 3])
                i += 3
            elif i + 1 < len(lines) and len(lines[i]) == len(lines[i + 1]) and len(lines[i]) in (36, 44):
                groups.append(lines[i : i + 2])
                i += 2
            else:
                # Not a whole document: gather what follows until a line that starts one, so the finding
                # describes the whole fragment the user typed.
                j = i + 1
                while j < len(lines) and len(lines[j]) not in (30, 36, 44):
                    j += 1
                groups.append(lines[i:j])
                i = j
    return groups


def run(args: argparse.Namespace) -> int:
    from hotel_desk.clock import SystemClock, local_today
    from hotel_desk.documents import StayPlan, check_mrz

    if args.text:
        text = "\n".join(args.text)
    elif sys.stdin is None or sys.stdin.isatty():
        raise UsageError("give the MRZ lines as arguments or on stdin")
    else:
        text = sys.stdin.read()
    groups = group_documents(text)
    if not groups:
        raise UsageError("no MRZ text given")
    today = args.today or local_today(SystemClock())
    stay = None
    if args.arrival or args.departure or args.stay_until:
        arrival = args.arrival or today
        if args.departure and args.departure < arrival:
            raise UsageError("--departure is before --arrival")
        stay = StayPlan(arrival=arrival, departure=args.departure, permit_stay_until=args.stay_until)
    all_valid = True
    for lines in groups:
        result = check_mrz(lines, today=today, stay=stay)
        all_valid &= result.valid
        out = {
            "input": lines,
            "valid": result.valid,
            "document": result.document.to_dict() if result.document else None,
            "findings": [f.to_dict() for f in result.findings],
            "candidates": [c.to_dict() for c in result.candidates],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2 if args.pretty else None))
    return 0 if all_valid else 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "check-mrz",
        parents=[common],
        help="parse and check MRZ text (arguments or stdin); JSON per document",
        description="Parse and check machine-readable zones. Exit 0 when every document is valid, 1 when "
        "one is not, 2 on a usage error.",
    )
    p.add_argument("text", nargs="*", help="MRZ lines (or read stdin)")
    p.add_argument("--arrival", type=_date, help="arrival date for the stay checks (default today)")
    p.add_argument("--departure", type=_date, help="planned departure date")
    p.add_argument("--stay-until", type=_date, help="last day the visa or permit allows")
    p.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(handler=run)
