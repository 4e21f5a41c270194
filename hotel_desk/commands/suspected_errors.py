"""`hotel-desk suspected-errors ...`: the police's lists of suspected error data.

  suspected-errors import FILE [--layout NAME]   read a police list, match every item, keep it due
  suspected-errors list [--json] [--state S]     each item with its matched stay (or "no match")
  suspected-errors verify ITEM --note TEXT       answer "verified correct" (corrections: in the app)
  suspected-errors layouts                       the bundled list layouts

A file that is not what its layout says is refused with the line and the column (exit 1), and nothing of it
is imported. Importing the same file again adds nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hotel_desk.rules.roles import Permission


def _desk(args: argparse.Namespace, permission: Permission) -> Any:
    """The desk with the command line's staff member signed in, whose role allows `permission`."""
    from hotel_desk.commands.auth import signed_in_desk

    return signed_in_desk(args, permission)


def cmd_import(args: argparse.Namespace) -> int:
    from hotel_desk.desk.police_lists import PoliceListError

    try:
        with _desk(args, Permission.CORRECT) as desk:
            result = desk.suspected.import_file(args.file, args.layout)
    except PoliceListError as exc:
        print(f"hotel-desk suspected-errors import: {args.file}: {exc}; nothing was imported", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"import_id": result.import_id, "already_imported": result.already_imported,
                          "added": result.added, "matched": result.matched, "ambiguous": result.ambiguous,
                          "unmatched": result.unmatched, "repeated": result.repeated,
                          "due_on": result.due_on.isoformat() if result.due_on else None}, indent=2))
        return 0
    if result.already_imported:
        print(f"{args.file} was imported before (import {result.import_id}): nothing added")
        return 0
    print(f"imported {result.added} item(s) due {result.due_on}: {result.matched} matched to a stay, "
          f"{result.ambiguous} with several candidates, {result.unmatched} with no match"
          + (f"; {result.repeated} still open from an earlier list, not listed twice" if result.repeated else ""))
    return 0


def _stay(stay: Any) -> dict[str, Any] | None:
    if stay is None:
        return None
    return {"registration_id": stay.registration_id, "status": stay.status, "room": stay.room,
            "guest": stay.guest_name, "arrival_at": stay.arrival_at.isoformat(),
            "checked_out_at": stay.checked_out_at.isoformat() if stay.checked_out_at else None}


def item_json(item: Any) -> dict[str, Any]:
    return {
        "item_id": item.item_id, "file": item.file_name, "line": item.line, "document_number": item.document_number,
        "nationality": item.nationality, "surname": item.surname, "field": item.field, "problem": item.problem,
        "state": item.state, "due_on": item.due_on.isoformat(), "overdue": item.overdue,
        "match_rule": item.match_rule, "matched": _stay(item.matched),
        "candidates": [_stay(c) for c in item.candidate_stays], "answer_note": item.answer_note,
        "answered_by": item.answered_by,
        "answered_at": item.answered_at.isoformat() if item.answered_at else None,
        "correction_report_id": item.correction_report_id,
    }


def cmd_list(args: argparse.Namespace) -> int:
    with _desk(args, Permission.VIEW_PERSONAL_DATA) as desk:
        items = desk.suspected.items([args.state] if args.state else None)
    if args.json:
        print(json.dumps([item_json(i) for i in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("no suspected errors")
        return 0
    for i in items:
        if i.matched is not None:
            stay = f"room {i.matched.room} {i.matched.guest_name} (arrived {i.matched.arrival_at:%Y-%m-%d})"
        elif i.candidates:
            stay = f"{len(i.candidates)} candidates: " + ", ".join(
                f"room {c.room} {c.arrival_at:%Y-%m-%d}" for c in i.candidate_stays)
        else:
            stay = "no match"
        late = " OVERDUE" if i.overdue else ""
        print(f"{i.item_id}  {i.state:<9} due {i.due_on}{late}  {i.document_number} {i.nationality}  "
              f"{i.field or '-'}: {i.problem}  -> {stay}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from hotel_desk.store import StoreError

    try:
        with _desk(args, Permission.CORRECT) as desk:
            desk.suspected.verify(args.item, args.note)
    except StoreError as exc:
        print(f"hotel-desk suspected-errors verify: {exc}", file=sys.stderr)
        return 1
    print(f"item {args.item} answered: verified correct")
    return 0


def cmd_layouts(args: argparse.Namespace) -> int:
    from hotel_desk.desk.police_lists import bundled_layouts, load_layout

    for name in bundled_layouts():
        layout = load_layout(name)
        print(f"{name}: {layout.description}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("suspected-errors", help="the police's lists of suspected error data: import, list, answer")
    s = p.add_subparsers(dest="suspected_command", metavar="ACTION", required=True)
    i = s.add_parser("import", parents=[common], help="read a police list and keep every item as a worklist item",
                     description="Read a police list of suspected error data (default layout: CSV with the header "
                     "document_number,nationality,surname,field,problem), match every item to a stay and keep it "
                     "due suspected_error_due_days after today. A bad file is refused with its line and column; "
                     "the same file imported again adds nothing.")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--layout", metavar="NAME", help="a bundled layout (suspected-errors layouts) or a .json file")
    i.add_argument("--json", action="store_true", help="the outcome as JSON")
    i.set_defaults(handler=cmd_import)
    lst = s.add_parser("list", parents=[common], help="each item with its matched stay (or no match)")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--state", choices=("open", "corrected", "verified"))
    lst.set_defaults(handler=cmd_list)
    v = s.add_parser("verify", parents=[common], help="answer an item \"verified correct\" with a note")
    v.add_argument("item", metavar="ITEM")
    v.add_argument("--note", required=True, help="what was checked (required)")
    v.set_defaults(handler=cmd_verify)
    lay = s.add_parser("layouts", help="the bundled list layouts")
    lay.set_defaults(handler=cmd_layouts)
