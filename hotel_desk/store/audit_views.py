"""The audit trail as the liaison and support staff see it: the audit view (newest first, filtered), the
export of a period with the chain head (CSV or JSON), and the whole check (every link, every report payload
against the hash its audit event recorded).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.privacy import open_private
from hotel_desk.store.anchors import Anchor, AnchorProblem, check_anchors
from hotel_desk.store.audit import (
    AuditAction,
    ChainVerification,
    PayloadProblem,
    append_event,
    chain_head,
    iso_utc,
    verify_chain,
    verify_report_payloads,
)
from hotel_desk.store.coverage_check import CoverageSums, RowProblem, check_rows
from hotel_desk.store.db import Database
from hotel_desk.store.errors import StoreError, require_actor
from hotel_desk.store.guards import missing_guards
from hotel_desk.store.models import AuditEvent
from hotel_desk.store.reads import now_of

#: The columns of an export, in order (the body is the hashed canonical JSON; prev_hash and hash let the
#: liaison re-check every link).
EXPORT_COLUMNS = ("seq", "occurred_at", "actor", "action", "entity_type", "entity_id", "body", "prev_hash", "hash")
EXPORT_FORMATS = ("csv", "json")


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]
    hash: str


def audit_events(
    db: Database,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    actor: str | None = None,
    action_prefix: str | None = None,
    entity_id: str | None = None,
    before_seq: int | None = None,
    limit: int = 200,
) -> list[AuditEventView]:
    """The audit view: newest first, filtered by time window (start <= t < end), desk user, action
    (prefix, e.g. "personal_data."), or record; page backwards with `before_seq`."""
    query = select(AuditEvent)
    if start is not None:
        query = query.where(AuditEvent.occurred_at >= start)
    if end is not None:
        query = query.where(AuditEvent.occurred_at < end)
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if before_seq is not None:
        query = query.where(AuditEvent.seq < before_seq)
    with db.read() as session:
        rows = session.execute(query.order_by(AuditEvent.seq.desc()).limit(limit)).scalars().all()
        return [
            AuditEventView(e.seq, e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id,
                           json.loads(e.body).get("details", {}), e.hash)
            for e in rows
        ]

def events_between(
    session: Session, start: datetime | None, end: datetime | None, *, batch: int = 20_000
) -> Iterator[AuditEvent]:
    """Events with start <= occurred_at < end, in chain order (for exports and the audit view)."""
    last = 0
    while True:
        query = select(AuditEvent).where(AuditEvent.seq > last)
        if start is not None:
            query = query.where(AuditEvent.occurred_at >= start)
        if end is not None:
            query = query.where(AuditEvent.occurred_at < end)
        rows = session.execute(query.order_by(AuditEvent.seq).limit(batch)).scalars().all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


@dataclass(frozen=True)
class AuditCheck:
    chain: ChainVerification
    reports_checked: int
    payload_problems: list[PayloadProblem]
    rows_checked: int = 0
    row_problems: list[RowProblem] = field(default_factory=list)
    #: Guards (triggers) missing, disabled or changed.
    guard_problems: list[str] = field(default_factory=list)
    #: Anchored events checked (`--against` earlier exports or receipts) and what no longer holds.
    anchors_checked: int = 0
    anchor_problems: list[AnchorProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.chain.ok and not self.payload_problems and not self.row_problems and not self.guard_problems
                and not self.anchor_problems)

    @property
    def first_problem(self) -> str:
        """The first thing wrong, in words (empty when all is well): for the inspection view's chain state."""
        if self.guard_problems:
            return self.guard_problems[0]
        if self.anchor_problems:
            return self.anchor_problems[0].problem
        if self.chain.broken is not None:
            return f"event {self.chain.broken.seq}: {self.chain.broken.problem}"
        if self.payload_problems:
            return f"report {self.payload_problems[0].report_id}: {self.payload_problems[0].problem}"
        if self.row_problems:
            p = self.row_problems[0]
            return f"{p.table} {p.row_id}: {p.problem}"
        return ""


def check_audit_trail(db: Database, anchors: Sequence[Anchor] = ()) -> AuditCheck:
    """Everything `audit verify` checks: the guards are in place; every link of the chain; every report payload
    and anchor against its audit event; every covered row against the event that last recorded its hash; and
    every anchor that left the machine earlier (`anchors`, from hotel_desk.store.anchors.read_anchors)."""
    with db.engine.connect() as conn:
        guard_problems = missing_guards(conn)
    with db.read() as session:
        sums = CoverageSums()
        chain = verify_chain(session, visit=sums.visit)
        count, problems = verify_report_payloads(session)
        rows_checked, row_problems = check_rows(session, sums)
        anchors_checked, anchor_problems = check_anchors(session, anchors) if anchors else (0, [])
    return AuditCheck(chain, count, problems, rows_checked, row_problems, guard_problems, anchors_checked,
                      anchor_problems)


@dataclass(frozen=True)
class AuditExport:
    path: Path
    format: str
    count: int
    head_seq: int
    head_hash: str


def _event_row(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq, "occurred_at": iso_utc(event.occurred_at), "actor": event.actor, "action": event.action,
        "entity_type": event.entity_type, "entity_id": event.entity_id, "body": event.body,
        "prev_hash": event.prev_hash, "hash": event.hash,
    }


def _write_export(out: TextIO, session: Session, fmt: str, meta: dict[str, Any],
                  start: datetime | None, end: datetime | None) -> int:
    count = 0
    if fmt == "json":
        out.write(json.dumps(meta, ensure_ascii=False)[:-1] + ', "events": [\n')
        for event in events_between(session, start, end):
            out.write(("," if count else "") + json.dumps(_event_row(event), ensure_ascii=False) + "\n")
            count += 1
        out.write(f'], "count": {count}}}\n')
        return count
    # One comment line with the chain head, then plain CSV (skip lines starting with '#').
    out.write("# hotel_desk audit export " + " ".join(f"{k}={v}" for k, v in meta.items()) + "\n")
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for event in events_between(session, start, end):
        writer.writerow(_event_row(event))
        count += 1
    return count


def export_audit(
    db: Database,
    target: str | Path,
    *,
    actor: str,
    start: datetime | None = None,
    end: datetime | None = None,
    fmt: str | None = None,
    clock: Clock | None = None,
) -> AuditExport:
    """Write the events with start <= occurred_at < end to `target` (CSV, or JSON for a .json name unless
    `fmt` says) with the chain head, then record the export itself in the chain under `actor`. The file
    appears whole or not at all (written beside it, then renamed)."""
    actor = require_actor(actor)
    target = Path(target)
    fmt = fmt or ("json" if target.suffix.lower() == ".json" else "csv")
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"an audit export is {' or '.join(EXPORT_FORMATS)}, not {fmt!r}")
    now = now_of(clock)
    with db.read() as session:
        head_seq, head_hash = chain_head(session)
        meta = {
            "exported_at": iso_utc(now), "from": iso_utc(start) if start else None,
            "to": iso_utc(end) if end else None, "chain_head_seq": head_seq, "chain_head_hash": head_hash,
        }
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)  # a crashed export's leftover
        # Created 0600 (guest ids, who read what): for the liaison, not for every account on the computer.
        with open_private(tmp) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
            count = _write_export(out, session, fmt, meta, start, end)
        tmp.replace(target)
    with db.write() as session:
        append_event(session, actor=actor, action=AuditAction.AUDIT_EXPORTED, entity_type="audit",
                     entity_id=str(head_seq), at=now_of(clock),
                     details={"from": meta["from"], "to": meta["to"], "count": count, "format": fmt,
                              "chain_head_hash": head_hash})
    return AuditExport(target, fmt, count, head_seq, head_hash)
