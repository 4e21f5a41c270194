"""Writing the liaison's export bundle (format: hotel_desk.store.bundle_format): the events with names, the
measures, the differences, the chain head, a readable PDF summary, and the manifest with each member's SHA-256.

The events run from the first event of the period to the chain head at the time of export, without a gap, so
`hotel-desk audit verify-export` can check the chain on a computer with no database; the measures, the
differences and the PDF cover the period itself. The PDF is drawn by whoever calls (the desk, which has the
fonts): the store only hands it the summary. The bundle is written 0600, whole or not at all, and the export
is recorded in the chain.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.privacy import write_private
from hotel_desk.rules.canonical import canonical_json
from hotel_desk.store.anchors import format_anchor
from hotel_desk.store.audit import AuditAction, append_event, chain_head, iso_utc
from hotel_desk.store.bundle_format import (
    BUNDLE_FORMAT,
    CHAIN_HEAD,
    DIFFERENCES,
    EVENT_COLUMNS,
    EVENTS,
    MANIFEST,
    MEASURES,
    SUMMARY,
    member_entry,
)
from hotel_desk.store.db import Database
from hotel_desk.store.errors import require_actor
from hotel_desk.store.inspection import InspectionMeasures, measure
from hotel_desk.store.inspection_views import Difference, TimelineEntry, differences, timeline
from hotel_desk.store.models import AuditEvent, Guest, Registration, Report
from hotel_desk.store.property import get_property
from hotel_desk.store.reads import display_name, now_of


@dataclass(frozen=True)
class BundleSummary:
    """What the readable summary shows."""

    hotel_name: str
    hotel_code: str
    start: datetime | None
    end: datetime | None
    created_at: datetime
    created_by: str
    head_seq: int
    head_hash: str
    events: int
    measures: InspectionMeasures
    differences: list[Difference]
    timeline: list[TimelineEntry]
    timezone: str
    chain_state: str = ""  # "intact" or the first problem, when the caller checked the chain first
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BundleExport:
    path: Path
    events: int
    head_seq: int
    head_hash: str
    members: dict[str, dict[str, Any]]


def _first_seq(session: Session, start: datetime | None) -> int:
    if start is None:
        return 1
    first = session.execute(select(AuditEvent.seq).where(AuditEvent.occurred_at >= start)
                            .order_by(AuditEvent.seq).limit(1)).scalar_one_or_none()
    return first if first is not None else 1 << 62


def _event_lines(session: Session, first: int, last: int) -> Iterator[bytes]:
    """Each event from `first` to `last` as a JSONL line, with the guest's name and room outside the hash."""
    after = first - 1
    while after < last:
        events = session.execute(select(AuditEvent).where(AuditEvent.seq > after, AuditEvent.seq <= last)
                                 .order_by(AuditEvent.seq).limit(2_000)).scalars().all()
        if not events:
            return
        by_report = {rid: reg for rid, reg in session.execute(select(Report.id, Report.registration_id).where(
            Report.id.in_([e.entity_id for e in events if e.entity_type == "report"])))}
        owners = {e.seq: e.entity_id if e.entity_type == "registration" else by_report.get(e.entity_id) for e in events}
        names = {rid: (display_name(s, g, c), room) for rid, room, s, g, c in session.execute(
            select(Registration.id, Registration.room, Guest.surname_en, Guest.given_names_en, Guest.chinese_name)
            .join(Guest, Guest.id == Registration.guest_id)
            .where(Registration.id.in_([o for o in owners.values() if o])))}
        for e in events:
            line: dict[str, Any] = {c: getattr(e, c) for c in EVENT_COLUMNS}
            line["occurred_at"] = iso_utc(e.occurred_at)
            stay = names.get(owners[e.seq] or "")
            if stay:
                line["readable"] = {"guest": stay[0], "room": stay[1], "registration_id": owners[e.seq]}
            yield (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        after = events[-1].seq
        session.expunge_all()


def write_bundle(db: Database, target: str | Path, *, actor: str, start: datetime | None, end: datetime | None,
                 timezone: str, render_pdf: Callable[[BundleSummary], bytes], chain_state: str = "",
                 clock: Clock | None = None) -> BundleExport:
    actor = require_actor(actor)
    now = now_of(clock)
    target = Path(target)
    prop = get_property(db)
    with db.read() as session:
        head_seq, head_hash = chain_head(session)
        first = _first_seq(session, start)
        events = io.BytesIO()
        count = 0
        for line in _event_lines(session, first, head_seq):
            events.write(line)
            count += 1
    measures = measure(db, start or datetime.min.replace(tzinfo=now.tzinfo), end or now, timezone=timezone, now=now)
    diffs = differences(db, actor=actor, start=start, end=end, clock=clock)
    entries = timeline(db, actor=actor, start=start, end=end, limit=300, clock=clock)
    summary = BundleSummary(prop.name if prop else "", prop.hotel_code if prop else "", start, end, now, actor,
                            head_seq, head_hash, count, measures, diffs, entries, timezone, chain_state)
    members = {
        EVENTS: events.getvalue(),
        CHAIN_HEAD: canonical_json({"seq": head_seq, "hash": head_hash,
                                    "anchor": format_anchor(head_seq, head_hash)}).encode("utf-8"),
        MEASURES: json.dumps({"timezone": timezone, "days": [m.to_dict() for m in measures.days],
                              "months": [m.to_dict() for m in measures.months], "total": measures.total.to_dict()},
                             ensure_ascii=False, indent=1).encode("utf-8"),
        DIFFERENCES: json.dumps([{"registration_id": d.registration_id, "guest": d.guest_name, "room": d.room,
                                  "fields": list(d.fields), "sent": d.sent, "now": d.now, "status": d.status}
                                 for d in diffs], ensure_ascii=False, indent=1).encode("utf-8"),
        SUMMARY: render_pdf(summary),
    }
    period = {"from": iso_utc(start) if start else None, "to": iso_utc(end) if end else None}
    entries_ = {name: member_entry(data) for name, data in members.items()}
    manifest: dict[str, Any] = {
        "format": BUNDLE_FORMAT, "created_at": iso_utc(now), "created_by": actor,
        "hotel": {"name": prop.name if prop else "", "hotel_code": prop.hotel_code if prop else ""},
        "period": period,
        "first_seq": first if count else None, "chain_head": {"seq": head_seq, "hash": head_hash},
        "members": entries_,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in members.items():
            archive.writestr(name, data)
    write_private(target, out.getvalue())
    with db.write() as session:
        append_event(session, actor=actor, action=AuditAction.AUDIT_EXPORTED, entity_type="audit",
                     entity_id=str(head_seq), at=now,
                     details={**period, "count": count, "format": "bundle", "chain_head_hash": head_hash})
    return BundleExport(target, count, head_seq, head_hash, entries_)
