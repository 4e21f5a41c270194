"""The receipts file: every report the police acknowledged or confirmed, with the chain anchor it carried
and the intake's raw answer, for keeping somewhere else (`hotel-desk audit receipts --out FILE`).

An earlier receipts file is evidence against a later rewrite of the chain: `hotel-desk audit verify
--against FILE` checks every anchor in it (hotel_desk.store.anchors). Under intake protocol 2 the raw answer
holds the intake's signed echo of the anchor, which nobody at the hotel can forge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from hotel_desk.clock import Clock
from hotel_desk.privacy import open_private
from hotel_desk.rules.reports import FILED_STATES, ReportState
from hotel_desk.store.anchors import RECEIPTS_FORMAT, format_anchor
from hotel_desk.store.audit import AuditAction, append_event, chain_head, iso_utc
from hotel_desk.store.db import Database
from hotel_desk.store.errors import require_actor
from hotel_desk.store.models import Report
from hotel_desk.store.reads import now_of


@dataclass(frozen=True)
class ReceiptsExport:
    path: Path
    count: int
    head_seq: int
    head_hash: str


def export_receipts(db: Database, target: str | Path, *, actor: str, clock: Clock | None = None) -> ReceiptsExport:
    """Write the receipts file (0600, whole or not at all) and record the export in the chain."""
    actor = require_actor(actor)
    target = Path(target)
    now = now_of(clock)
    states = [s.value for s in (*FILED_STATES, ReportState.HANDED_OVER)]
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    count = 0
    with db.read() as session, open_private(tmp) as out:
        head_seq, head_hash = chain_head(session)
        head = {"format": RECEIPTS_FORMAT, "exported_at": iso_utc(now), "chain_head": format_anchor(head_seq, head_hash)}
        out.write((json.dumps(head, ensure_ascii=False)[:-1] + ', "receipts": [\n').encode("utf-8"))
        # The report keeps the intake's answer that settled it (an acknowledgement's raw answer holds, under
        # protocol 2, the signed echo of the anchor); streamed: a year's receipts do not fit in memory twice.
        query = (select(Report.id, Report.kind, Report.state, Report.receipt_id, Report.anchor_seq, Report.anchor_hash,
                        Report.event_time, Report.raw_answer)
                 .where(Report.state.in_(states)).order_by(Report.audit_seq))
        for r in session.execute(query, execution_options={"stream_results": True, "yield_per": 2_000}):
            item = {
                "report_id": r.id, "kind": r.kind, "state": r.state, "receipt_id": r.receipt_id,
                "event_time": iso_utc(r.event_time), "raw_answer": r.raw_answer,
                "anchor": format_anchor(r.anchor_seq, r.anchor_hash) if r.anchor_seq and r.anchor_hash else None,
            }
            out.write(((",\n" if count else "") + json.dumps(item, ensure_ascii=False)).encode("utf-8"))
            count += 1
        out.write(f'\n], "count": {count}}}\n'.encode())
    tmp.replace(target)
    with db.write() as session:
        append_event(session, actor=actor, action=AuditAction.RECEIPTS_EXPORTED, entity_type="audit",
                     entity_id=str(head_seq), at=now, details={"count": count, "chain_head_hash": head_hash})
    return ReceiptsExport(target, count, head_seq, head_hash)
