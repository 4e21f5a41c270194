"""`hotel-desk register --json FILE|-`: register guests from JSON, for imports and scripted checks.

The file holds one registration object or a list of them (format: docs/store.md). The staff member signs in
(hotel_desk.commands.auth; the role must allow registering). Every registration passes the registration gate
first: the document core's checks and the record validation (lengths, characters, plausible dates, the page
image an image); if any is refused, nothing is registered, each refusal is put on file in the audit trail and
the findings are printed (exit 1). Otherwise the whole file is registered in one transaction (each guest with
its own check-in report and audit event). A registration that repeats an open one of the same document (an
import run twice) is refused the same way unless confirmed as intended (`"confirm_duplicate": true` on the
record, or `--confirm-duplicates` for the run), so a failed or interrupted import can simply be run again.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.commands import UsageError

if TYPE_CHECKING:
    from hotel_desk.clock import Clock
    from hotel_desk.desk import Desk
    from hotel_desk.documents import Finding, TravelDocument
    from hotel_desk.rules.gate import Verdict
    from hotel_desk.rules.record import GuestRegistration
    from hotel_desk.store import DuplicateRegistration

_TOP_KEYS = {
    "mrz", "fields", "manual_reason", "room", "arrival", "departure", "visa", "entry_date", "port_of_entry",
    "from", "to", "came_from", "going_to", "reason", "chinese_name", "document_photo", "entry_method",
    "confirm_duplicate",
}
_FIELD_KEYS = {
    "kind", "surname", "given_names", "document_number", "nationality", "birth_date", "sex", "expiry_date",
    "issuing_state", "chinese_name",
}
_VISA_KEYS = {"type", "number", "stay_until"}


class EntryError(Exception):
    """An entry of the file is malformed (not a document problem: those are findings)."""


@dataclass
class Checked:
    index: int
    registration: GuestRegistration | None = None
    findings: list[Finding] = field(default_factory=list)
    refused_because: str = ""
    #: What the registration gate said and the values it judged (a refusal is put on file with them).
    verdict: Verdict | None = None
    values: dict[str, object] = field(default_factory=dict)
    entry_method: str | None = None


def _text(entry: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = entry.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise EntryError(f"{key!r} must be text, got {value!r}")
    if required and not value.strip():
        raise EntryError(f"{key!r} is required")
    return value.strip()


def _date(entry: dict[str, Any], key: str) -> date | None:
    value = entry.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise EntryError(f"{key!r} must be a date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise EntryError(f"{key!r} is not a date YYYY-MM-DD: {value!r}") from None


def _arrival(entry: dict[str, Any], zone: str) -> datetime:
    from hotel_desk.clock import as_aware

    value = entry.get("arrival")
    if not isinstance(value, str) or not value.strip():
        raise EntryError("'arrival' is required: the check-in time, e.g. 2026-11-20T15:00:00 (local time)")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise EntryError(f"'arrival' is not a date-time: {value!r}") from None
    return as_aware(moment, zone)


def _unknown(keys: set[str], allowed: set[str], where: str) -> None:
    extra = sorted(keys - allowed)
    if extra:
        raise EntryError(f"unknown {where} key(s): {', '.join(extra)}")


def _document(entry: dict[str, Any], today: date, stay: Any) -> tuple[TravelDocument | None, list[Finding]]:
    from hotel_desk.documents import DocumentKind, check_manual_document, check_mrz, manual_document

    if ("mrz" in entry) == ("fields" in entry):
        raise EntryError("give exactly one of 'mrz' (the lines) or 'fields' (a document typed from its page)")
    if "mrz" in entry:
        lines = entry["mrz"]
        if isinstance(lines, str):
            lines = lines.split()
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise EntryError("'mrz' must be a list of lines (or one string with the lines separated by spaces)")
        result = check_mrz(lines, today=today, stay=stay, candidates=False)
        return result.document, list(result.findings)
    fields = entry["fields"]
    if not isinstance(fields, dict):
        raise EntryError("'fields' must be an object")
    _unknown(set(fields), _FIELD_KEYS, "fields")
    try:
        kind = DocumentKind(fields.get("kind", "passport"))
    except ValueError:
        raise EntryError(f"fields.kind must be one of {', '.join(k.value for k in DocumentKind)}") from None
    document = manual_document(
        kind=kind, surname=_text(fields, "surname"), given_names=_text(fields, "given_names"),
        document_number=_text(fields, "document_number"), nationality=_text(fields, "nationality"),
        birth_date=_date(fields, "birth_date"), sex=_text(fields, "sex") or "X",
        expiry_date=_date(fields, "expiry_date"), issuing_state=_text(fields, "issuing_state"),
        chinese_name=_text(fields, "chinese_name"),
    )
    findings = check_manual_document(document, today=today, stay=stay)
    return document, findings


def _photo(entry: dict[str, Any], base_dir: Path) -> bytes | None:
    """The document page's bytes (judged by the gate: an image, never e.g. /etc/passwd)."""
    if not entry.get("document_photo"):
        return None
    path = Path(_text(entry, "document_photo"))
    path = path if path.is_absolute() else base_dir / path
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EntryError(f"cannot read document_photo {path}: {exc.strerror}") from None


def check_entry(
    index: int, entry: object, *, clock: Clock, zone: str, base_dir: Path, accept_warnings: bool,
    confirm_duplicates: bool = False,
) -> Checked:
    """Turn one JSON object into a registration, or say why the registration gate refuses it."""
    from hotel_desk.clock import local_today, local_zone
    from hotel_desk.documents import StayPlan
    from hotel_desk.rules import gate
    from hotel_desk.rules.duplicates import DUPLICATE
    from hotel_desk.rules.record import GuestRegistration, StayDetails, record_values

    if not isinstance(entry, dict):
        raise EntryError("each registration must be a JSON object")
    _unknown(set(entry), _TOP_KEYS, "registration")
    visa = entry.get("visa") or {}
    if not isinstance(visa, dict):
        raise EntryError("'visa' must be an object with type, number, stay_until")
    _unknown(set(visa), _VISA_KEYS, "visa")
    arrival = _arrival(entry, zone)
    departure = _date(entry, "departure")
    stay_until = _date(visa, "stay_until")
    today = local_today(clock, zone)
    local_arrival = arrival.astimezone(local_zone(zone)).date()
    if departure and departure < local_arrival:
        raise EntryError("'departure' is before the arrival")
    plan = StayPlan(arrival=local_arrival, departure=departure, permit_stay_until=stay_until,
                    visa_type=_text(visa, "type"))
    document, findings = _document(entry, today, plan)
    checked = Checked(index=index, findings=findings, entry_method=_entry_method(entry))
    if document is None:
        checked.refused_because = "invalid document"
        checked.verdict = gate.Verdict(errors=tuple(f for f in findings if f.severity.value == "error"))
        return checked
    registration = GuestRegistration(
        document=document,
        stay=StayDetails(
            room=_text(entry, "room"), arrival=arrival, planned_departure=departure,
            visa_type=_text(visa, "type"), visa_number=_text(visa, "number"), stay_until=stay_until,
            entry_date=_date(entry, "entry_date"), port_of_entry=_text(entry, "port_of_entry"),
            came_from=_text(entry, "came_from") or _text(entry, "from"),
            going_to=_text(entry, "going_to") or _text(entry, "to"), reason=_text(entry, "reason"),
        ),
        chinese_name=_text(entry, "chinese_name"),
        entry_method=checked.entry_method,
        manual_reason=_text(entry, "manual_reason"),
    )
    confirm = entry.get("confirm_duplicate", False)
    if not isinstance(confirm, bool):
        raise EntryError("'confirm_duplicate' must be true or false")
    photo = _photo(entry, base_dir)
    checked.values = record_values(registration)
    verdict = gate.judge(checked.values, entry_method=registration.entry_method,
                         manual_reason=registration.manual_reason, findings=findings,
                         acknowledged=accept_warnings, arrival=local_arrival, today=today, page_image=photo)
    checked.verdict = verdict
    # The room is a key of the file itself: leaving it out is a malformed file, not a document problem.
    missing = [key for key in verdict.missing if key != "room"]
    checked.findings += [*verdict.own, *(f for f in verdict.missing_findings() if f.field != "room")]
    if verdict.errors or missing:
        checked.refused_because = "invalid document"
        return checked
    if verdict.needs_acknowledgement:
        checked.refused_because = "warnings not accepted (use --accept-warnings after checking them)"
        return checked
    if "room" in verdict.missing:
        raise EntryError("'room' is required")
    # A repeat of an open registration is for the store to find (it sees them all, inside the transaction);
    # confirming it is this record's or this run's explicit word.
    accepted = (*verdict.accepted_warnings, *((DUPLICATE,) if confirm or confirm_duplicates else ()))
    checked.registration = replace(registration, page_image=photo, accepted_warnings=accepted)
    return checked


def _entry_method(entry: dict[str, Any]) -> str | None:
    if "fields" in entry:
        if entry.get("entry_method") not in (None, "manual"):
            raise EntryError("'entry_method' of a document given as 'fields' can only be \"manual\"")
        return "manual"
    from hotel_desk.rules.record import MRZ_ENTRY_METHODS

    method = _text(entry, "entry_method") or None
    if method is not None and method not in MRZ_ENTRY_METHODS:
        raise EntryError(f"'entry_method' must be one of {', '.join(MRZ_ENTRY_METHODS)}, got {method!r}")
    return method


def _load(source: str) -> tuple[list[object], Path]:
    try:
        if source == "-":
            raw, base = sys.stdin.read(), Path.cwd()
        else:
            path = Path(source)
            raw, base = path.read_text(encoding="utf-8"), path.resolve().parent
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{source} is not UTF-8 text") from None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise UsageError(f"{source} is not valid JSON: {exc}") from None
    entries = data if isinstance(data, list) else [data]
    if not entries:
        raise UsageError(f"{source} holds no registrations")
    return entries, base


def _refused(refused: list[Checked], total: int) -> int:
    out = {
        "registered": [],
        "refused": [
            {"index": c.index, "reason": c.refused_because, "findings": [f.to_dict() for f in c.findings]}
            for c in refused
        ],
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    print(f"hotel-desk register: {len(refused)} of {total} refused; nothing was registered", file=sys.stderr)
    return 1


def _repeats(desk: Desk, checked: list[Checked], refusal: DuplicateRegistration) -> int:
    """The store found repeats of open registrations that were not confirmed: each such guest is refused
    with its finding (and the refusal put on file, as the gate's are); nothing was registered."""
    from hotel_desk.desk.blocked import record_blocked_check_in
    from hotel_desk.rules.duplicates import duplicate_finding

    for index, stays in refusal.repeats.items():
        c = checked[index]
        finding = duplicate_finding(stays)
        if finding is not None:
            c.findings.append(finding)
            if c.verdict is not None:
                record_blocked_check_in(desk, replace(c.verdict, unacknowledged=(finding,)), c.values,
                                        entry_method=c.entry_method, source="import")
        c.refused_because = "repeats an open registration (if intended: \"confirm_duplicate\": true, or --confirm-duplicates)"
    return _refused([checked[i] for i in sorted(refusal.repeats)], len(checked))


def run(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    from hotel_desk.clock import SystemClock
    from hotel_desk.commands.auth import signed_in_desk
    from hotel_desk.rules.roles import Permission

    clock = clock or SystemClock()
    entries, base_dir = _load(args.json)
    with signed_in_desk(args, Permission.REGISTER, clock=clock) as desk:
        return _register(desk, args, entries, base_dir, clock)


def _register(desk: Desk, args: argparse.Namespace, entries: list[object], base_dir: Path, clock: Clock) -> int:
    from hotel_desk.desk import AccessDenied, DeskError
    from hotel_desk.desk.blocked import record_blocked_check_in
    from hotel_desk.store import DuplicateRegistration, InvalidRegistration, StoreError

    settings = args.settings
    checked: list[Checked] = []
    for index, entry in enumerate(entries):
        try:
            checked.append(check_entry(index, entry, clock=clock, zone=settings.timezone, base_dir=base_dir,
                                       accept_warnings=args.accept_warnings,
                                       confirm_duplicates=args.confirm_duplicates))
        except EntryError as exc:
            raise UsageError(f"registration #{index + 1}: {exc}") from None
    refused = [c for c in checked if c.registration is None]
    for c in refused:
        if c.verdict is not None:
            record_blocked_check_in(desk, c.verdict, c.values, entry_method=c.entry_method, source="import")
    if refused:
        return _refused(refused, len(checked))

    regs = [c.registration for c in checked if c.registration is not None]
    try:
        results = list(zip(checked, desk.register_many(regs), strict=True))
    except AccessDenied:
        raise
    except DeskError as exc:  # LIVE without a usable intake: nothing is queued that could never leave
        print(f"hotel-desk register: nothing was registered: {exc}", file=sys.stderr)
        return 1
    except DuplicateRegistration as exc:
        return _repeats(desk, checked, exc)
    except InvalidRegistration as exc:
        raise UsageError(f"nothing was registered: {exc}") from None
    except StoreError as exc:  # e.g. a full disk: not the caller's mistake, and nothing was written
        print(f"hotel-desk register: nothing was registered: {exc}", file=sys.stderr)
        return 1
    out = {
        "registered": [
            {
                "index": c.index, "registration_id": ref.registration_id, "report_id": ref.report_id,
                "room": c.registration.stay.room if c.registration else "",
                "deadline_at": ref.deadline_at.isoformat(),
                "accepted_warnings": list(c.registration.accepted_warnings) if c.registration else [],
            }
            for c, ref in results
        ],
        "refused": [],
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if not settings.hotel_code:
        print("hotel-desk register: warning: no police hotel code is set in the settings; reports will carry "
              "an empty hotel_code", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "register",
        parents=[common],
        help="register guests from JSON (imports, scripted checks); prints registration and report ids",
        description="Register guests from a JSON object or list (format: docs/store.md). Documents are "
        "checked first: invalid ones are refused with their findings, and so are documents with warnings "
        "unless --accept-warnings, and repeats of open registrations unless --confirm-duplicates. If any is "
        "refused nothing is registered (exit 1); otherwise all are registered in one transaction (exit 0).",
    )
    p.add_argument("--json", required=True, metavar="FILE", help="JSON file, or - for stdin")
    p.add_argument("--accept-warnings", action="store_true",
                   help="register documents whose findings are warnings only (recorded in the audit trail)")
    p.add_argument("--confirm-duplicates", action="store_true",
                   help="register also the guests whose document already has an open registration (as intended: "
                   "recorded in the audit trail); per guest: \"confirm_duplicate\": true")
    p.set_defaults(handler=run)
