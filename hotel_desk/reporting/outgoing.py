"""The outgoing-record builder: claimed reports -> the records a transport sends, mapped to the intake's
layout, each with its idempotency key and its anchor. The uploader sends what this builds; `reports check`
builds the same records to have them checked.

The anchor (docs/intake-protocol.md, "anchor"): opaque text the intake echoes inside its signed result, so a
receipt pins the state of the desk's audit trail when the report went out (the ledger's chain head stored
with the report). The hook is `OutboxReport.anchor` (hotel_desk.store.outbox: "" = none, and then none is
sent), read through `anchor_for` (default `report_anchor`); the echo is checked by
hotel_desk.reporting.answers: a result that does not echo the anchor sent is untrusted, never a receipt.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from hotel_desk.reporting.mapping import FieldMapping, MappingError
from hotel_desk.reporting.outcomes import Prepared
from hotel_desk.reporting.protocol import OutgoingReport, anchor_problem
from hotel_desk.store.outbox import Answer, OutboxReport

log = logging.getLogger(__name__)

#: Where a report's anchor comes from: a report -> its anchor ("" for none).
AnchorSource = Callable[[OutboxReport], str]


def report_anchor(report: OutboxReport) -> str:
    """The report's own anchor, as the store gives it (OutboxReport.anchor)."""
    return report.anchor


def prepare(claimed: Sequence[OutboxReport], *, mapping: FieldMapping, hotel_id: str, retry_at: datetime,
            anchor_for: AnchorSource = report_anchor) -> Prepared:
    """Map each claimed report into the intake's layout. A report the layout cannot express is rejected
    locally (the desk must correct it; it is never sent); a bug in a mapping or an anchor the protocol cannot
    carry keeps the report queued until `retry_at`, with the reason, rather than sending it wrong."""
    prepared = Prepared(claimed=list(claimed))
    for report in claimed:
        try:
            record = mapping.apply(report.payload, {"hotel_id": hotel_id})
        except MappingError as exc:
            prepared.local.append(Answer(
                report.report_id, "rejected", raw_answer=json.dumps({"local": str(exc)}, ensure_ascii=False),
                field_errors=[{"field": exc.field, "code": exc.code, "message": exc.message}]))
            continue
        except Exception as exc:  # a bug in a mapping: keep the report queued, say why
            log.exception("mapping report %s failed", report.report_id)
            prepared.local.append(Answer(
                report.report_id, "transient", error=f"internal: cannot map the report: {type(exc).__name__}: "
                f"{exc}"[:500], next_attempt_at=retry_at))
            continue
        anchor = anchor_for(report) or ""
        wrong = anchor_problem(anchor)
        if wrong is not None:  # the desk's own bug: sending it would have the whole record refused
            log.error("report %s has an anchor the protocol cannot carry: %s", report.report_id, wrong)
            prepared.local.append(Answer(report.report_id, "transient", error=f"internal: {wrong}",
                                         next_attempt_at=retry_at))
            continue
        prepared.outgoing.append(OutgoingReport(report.report_id, report.report_id, record,
                                                report.deadline_at.isoformat(), anchor))
    return prepared
