"""Anchors: (seq, hash) pairs of the audit chain that left this computer, and the proof that they still hold.

A hash chain on its own proves only that it is self-consistent: whoever can write the database can cut
its tail off and move the head back, or rebuild every link after changing a record. What they cannot do is
change a copy that is somewhere else. So the chain head leaves the machine:

- every report carries the head when it was made (`reports.anchor_seq` / `anchor_hash`: its own audit event),
  which goes to the intake with it; under intake protocol 2 the intake's Ed25519-signed receipt echoes it
  (`anchor`), so the hotel keeps a proof it cannot forge;
- `hotel-desk audit receipts --out FILE` writes every receipt with its anchor (and the intake's raw answer);
- an export bundle (`hotel-desk audit export --bundle`) carries every event of its period and the head.

`check_anchors` proves that each anchored (seq, hash) is still in the chain with the same hash. With the
chain's links intact (verify_chain), that means every event up to it is unchanged too. A truncated tail
shows as an anchored event that is gone; a rebuilt chain as an anchored event whose hash differs.

What no anchor can show: events after the last anchor that left the machine (they can be removed or
rewritten without trace until the next report or export carries a newer head), and a rewrite by someone
who also replaces every copy held elsewhere (and, under protocol 2, forges the intake's signatures).
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.store.bundle_format import bundle_events, verify_bundle
from hotel_desk.store.models import AuditEvent

#: The anchor a report sends (the intake echoes it verbatim): at most 256 printable ASCII characters.
ANCHOR_PREFIX = "hotel_desk.chain/1"
RECEIPTS_FORMAT = "hotel_desk.receipts/1"
_ANCHOR = re.compile(r"^hotel_desk\.chain/1:(\d{1,19}):([0-9a-f]{64})$")


def format_anchor(seq: int, digest: str) -> str:
    return f"{ANCHOR_PREFIX}:{seq}:{digest}"


def parse_anchor(text: str | None) -> tuple[int, str] | None:
    match = _ANCHOR.match(text or "")
    return (int(match.group(1)), match.group(2)) if match else None


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # where it came from, for the message: "receipt JA-1 (report 5f0c...)", "export head"


@dataclass(frozen=True)
class AnchorProblem:
    seq: int
    problem: str


class AnchorFileError(ValueError):
    """A file given to `--against` is not an export, a bundle or a receipts file, or it was altered."""


def read_anchors(path: str | Path) -> list[Anchor]:
    """The anchors in an earlier export bundle (.zip, checked whole first), receipts file or JSON/CSV audit
    export. Raises AnchorFileError for anything else."""
    path = Path(path)
    if not path.is_file():
        raise AnchorFileError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        return _bundle_anchors(path)
    text = path.read_text(encoding="utf-8")
    if text.startswith("# hotel_desk audit export"):
        return _csv_anchors(path, text)
    try:
        doc = json.loads(text)
    except ValueError:
        raise AnchorFileError(f"{path}: not an audit export, export bundle or receipts file") from None
    if isinstance(doc, dict) and doc.get("format") == RECEIPTS_FORMAT:
        return _receipt_anchors(path, doc)
    if isinstance(doc, dict) and "chain_head_hash" in doc and isinstance(doc.get("events"), list):
        anchors = [Anchor(int(e["seq"]), str(e["hash"]), f"{path.name} event {e['seq']}") for e in doc["events"]]
        return [*anchors, Anchor(int(doc["chain_head_seq"]), str(doc["chain_head_hash"]), f"{path.name} chain head")]
    raise AnchorFileError(f"{path}: not an audit export, export bundle or receipts file")


def _bundle_anchors(path: Path) -> list[Anchor]:
    """Every event of an export bundle, after checking the bundle whole: altered evidence is refused."""
    check = verify_bundle(path)
    if not check.ok:
        raise AnchorFileError(f"{path}: the bundle is damaged or was altered: {check.problems[0]}")
    return [Anchor(int(e["seq"]), str(e["hash"]), f"{path.name} event {e['seq']}") for e in bundle_events(path)]


def _csv_anchors(path: Path, text: str) -> list[Anchor]:
    first, _, rest = text.partition("\n")
    meta = dict(part.split("=", 1) for part in first.split() if "=" in part)
    anchors = [Anchor(int(r["seq"]), r["hash"], f"{path.name} event {r['seq']}") for r in csv.DictReader(rest.splitlines())]
    if "chain_head_seq" in meta:
        anchors.append(Anchor(int(meta["chain_head_seq"]), meta["chain_head_hash"], f"{path.name} chain head"))
    return anchors


def _echoed(raw_answer: str | None, report_id: str) -> tuple[int, str] | None:
    """The anchor the intake echoed for this report in its (protocol 2) answer, if it did."""
    try:
        answer = json.loads(raw_answer or "")
    except ValueError:
        return None
    results = answer.get("results") if isinstance(answer, dict) else None
    candidates = results if isinstance(results, list) else [answer]
    for result in candidates:
        if isinstance(result, dict) and result.get("idempotency_key") in (report_id, None):
            found = parse_anchor(result.get("anchor"))
            if found:
                return found
    return None


def _receipt_anchors(path: Path, doc: dict[str, Any]) -> list[Anchor]:
    anchors = []
    for item in doc.get("receipts") or []:
        label = f"receipt {item.get('receipt_id')} (report {str(item.get('report_id'))[:8]})"
        recorded = parse_anchor(item.get("anchor"))
        echoed = _echoed(item.get("raw_answer"), str(item.get("report_id")))
        if echoed:  # what the intake signed (protocol 2): the strongest proof
            anchors.append(Anchor(echoed[0], echoed[1], label + " as the intake echoed it"))
        if recorded and recorded != echoed:
            anchors.append(Anchor(recorded[0], recorded[1], label))
    head = parse_anchor(doc.get("chain_head"))
    if head:
        anchors.append(Anchor(head[0], head[1], f"{path.name} chain head"))
    return anchors


def check_anchors(session: Session, anchors: Iterable[Anchor], *, max_problems: int = 50) -> tuple[int, list[AnchorProblem]]:
    """Each anchor against the chain. Returns the number of distinct anchored events checked and the problems
    (an anchored event missing: the tail was cut; a different hash: the chain was rewritten up to there)."""
    wanted: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        wanted.setdefault(anchor.seq, []).append(anchor)
    problems: list[AnchorProblem] = []
    seqs = sorted(wanted)
    found: dict[int, str] = {}
    for i in range(0, len(seqs), 500):
        rows = session.execute(select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.seq.in_(seqs[i : i + 500])))
        found.update((seq, digest) for seq, digest in rows)
    for seq in seqs:
        for anchor in wanted[seq]:
            if len(problems) >= max_problems:
                break
            if seq not in found:
                problems.append(AnchorProblem(seq, f"event {seq}, anchored by {anchor.source}, is gone: the chain "
                                              "was cut back (events removed from its end) after it left the machine"))
                break
            if found[seq] != anchor.hash:
                problems.append(AnchorProblem(seq, f"event {seq} has hash {found[seq][:16]}..., but {anchor.source} "
                                              f"holds {anchor.hash[:16]}...: the chain was rewritten up to there"))
    return len(seqs), problems
