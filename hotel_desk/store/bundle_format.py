"""The audit export bundle's format, and its check on any computer, with no database.

A bundle is one ZIP file for the police liaison:

    manifest.json      format, hotel, period, created_at, the chain head, and the SHA-256 and size of each member
    events.jsonl       every audit event from the first of the period to the chain head at the export, one JSON
                       object a line: the hashed columns (seq, occurred_at, actor, action, entity_type,
                       entity_id, body, prev_hash, hash) and, outside the hash, "readable": the guest's name and
                       room where the event is about a stay (who registered whom, and when)
    chain_head.json    {"seq", "hash", "anchor"}: the last event, as `audit verify --against` uses it
    measures.json      the police's measures per day and month (hotel_desk.store.inspection)
    differences.json   stays whose current data differs from what was last sent
    summary.pdf        the same for people to read (EN and ZH)

`verify_bundle` checks that every member is the one the manifest names (so a member changed on the way is
found), that the events chain link by link from the first to the head, and that the head is the manifest's.
It proves the bundle is whole and self-consistent; that it is the hotel's real chain is proved against the
hotel's database (`audit verify --against BUNDLE`), or by the intake's receipts.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotel_desk.store.audit import GENESIS_HASH, link_hash

BUNDLE_FORMAT = "hotel_desk.audit-bundle/1"
MANIFEST = "manifest.json"
EVENTS = "events.jsonl"
CHAIN_HEAD = "chain_head.json"
MEASURES = "measures.json"
DIFFERENCES = "differences.json"
SUMMARY = "summary.pdf"
#: The hashed columns of an event line, in the order of the chain's own export.
EVENT_COLUMNS = ("seq", "occurred_at", "actor", "action", "entity_type", "entity_id", "body", "prev_hash", "hash")


def member_entry(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


@dataclass
class BundleCheck:
    events: int = 0
    first_seq: int | None = None
    head_seq: int | None = None
    head_hash: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _lines(data: bytes) -> Iterator[tuple[int, dict[str, Any] | None]]:
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            yield number, None
            continue
        yield number, value if isinstance(value, dict) else None


def check_events(lines: Iterable[tuple[int, dict[str, Any] | None]], check: BundleCheck, max_problems: int = 20) -> None:
    """Each line's hash is SHA-256(prev_hash + body), each prev_hash the previous line's hash, seqs without a
    gap, and the columns equal to the hashed body."""
    prev_hash: str | None = None
    prev_seq: int | None = None

    def note(text: str) -> None:
        if len(check.problems) < max_problems:
            check.problems.append(text)

    for number, event in lines:
        if event is None or not all(k in event for k in EVENT_COLUMNS):
            note(f"{EVENTS} line {number} is not an event")
            continue
        check.events += 1
        seq, body = int(event["seq"]), str(event["body"])
        if check.first_seq is None:
            check.first_seq = seq
            if seq == 1 and event["prev_hash"] != GENESIS_HASH:
                note("event 1 does not start from the genesis hash")
        elif prev_seq is not None and seq != prev_seq + 1:
            note(f"event {seq} follows event {prev_seq}: events are missing in between")
        if prev_hash is not None and event["prev_hash"] != prev_hash:
            note(f"event {seq}: prev_hash does not match the previous event's hash")
        if link_hash(str(event["prev_hash"]), body) != event["hash"]:
            note(f"event {seq}: hash is not SHA-256(prev_hash + body): the event was altered")
        try:
            hashed = json.loads(body)
        except ValueError:
            hashed = {}
        for column in ("seq", "occurred_at", "actor", "action", "entity_type", "entity_id"):
            if hashed.get(column) != event[column]:
                note(f"event {seq}: {column} {event[column]!r} differs from the hashed body's {hashed.get(column)!r}")
        prev_hash, prev_seq = str(event["hash"]), seq
        check.head_seq, check.head_hash = seq, prev_hash


def verify_bundle(path: str | Path) -> BundleCheck:
    """Check an export bundle whole (see the module docstring). Never raises for a damaged bundle: every
    problem is in `problems`."""
    check = BundleCheck()
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        check.problems.append(f"{path}: not a readable ZIP file ({exc})")
        return check
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            check.problems.append(f"{MANIFEST} is missing")
            return check
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except ValueError:
            check.problems.append(f"{MANIFEST} is not JSON")
            return check
        check.manifest = manifest if isinstance(manifest, dict) else {}
        if check.manifest.get("format") != BUNDLE_FORMAT:
            check.problems.append(f"not a {BUNDLE_FORMAT} bundle")
            return check
        members = check.manifest.get("members") or {}
        for name in sorted(names - {MANIFEST} - set(members)):
            check.problems.append(f"{name} is in the bundle but not in the manifest")
        data: dict[str, bytes] = {}
        for name, entry in members.items():
            if name not in names:
                check.problems.append(f"{name} is named in the manifest but missing")
                continue
            data[name] = archive.read(name)
            if member_entry(data[name]) != entry:
                check.problems.append(f"{name} is not the file the manifest names (SHA-256 or size differs): "
                                      "it was changed after the export")
    for required in (EVENTS, CHAIN_HEAD):
        if required not in data:
            check.problems.append(f"{required} is missing")
            return check
    check_events(_lines(data[EVENTS]), check)
    head = json.loads(data[CHAIN_HEAD])
    stated = check.manifest.get("chain_head") or {}
    if (head.get("seq"), head.get("hash")) != (stated.get("seq"), stated.get("hash")):
        check.problems.append("the chain head file and the manifest name different heads")
    if check.events and (check.head_seq, check.head_hash) != (head.get("seq"), head.get("hash")):
        check.problems.append(f"the events end at {check.head_seq}, not at the chain head {head.get('seq')}")
    return check


def bundle_events(path: str | Path) -> list[dict[str, Any]]:
    """The events of a bundle (check it first with verify_bundle)."""
    with zipfile.ZipFile(path) as archive:
        return [e for _, e in _lines(archive.read(EVENTS)) if e is not None]
