"""`audit verify`'s comparison of the rows as they are with what the chain says they should be.

Three checks, together exact, in constant memory on a million stays:

1. Every covered row points (`row_seq`) at an event that covers it, and its content hash is the one that
   event recorded. Rows are streamed in `row_seq` order, so each event body is read and parsed once.
2. Per table, the number of rows equals the number of rows the chain created (items with prev 0): a row
   deleted behind the application's back, or its event, is missed here.
3. Per table, the sum of the rows' `row_seq` equals the sum over the chain of (seq - prev), which telescopes
   to the sum of each row's latest covering event: a row set back to an earlier covered state (a correction
   undone, its pointer moved back) makes the row sum smaller.

When 2 or 3 do not add up, a second walk over the chain for that table names the rows (this one keeps a
map of the table's rows, but only runs on a database that was tampered with).

A mismatch is reported with the row, the fields that differ from what the chain says where that can be
derived (the registration's latest report payload, bound to the chain by its SHA-256, holds every reported
field; a report's state is named by the event that covered it), and the event.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotel_desk.rules import record
from hotel_desk.store import row_digests
from hotel_desk.store.models import AuditEvent, Guest, Registration, Report, TravelDocumentRecord
from hotel_desk.store.payload import guest_record, load_payload

MODELS: dict[str, Any] = {
    row_digests.REGISTRATION: Registration, row_digests.GUEST: Guest,
    row_digests.DOCUMENT: TravelDocumentRecord, row_digests.REPORT: Report,
}
_PAGE = 2_000  # rows whose events are fetched together


@dataclass(frozen=True)
class RowProblem:
    table: str
    row_id: str
    problem: str  # in words: what differs, and what the chain says
    fields: tuple[str, ...] = ()
    seq: int | None = None  # the event the chain says covers the row last
    #: The differing values, as the latest report has them and as the row has them now: a guest's data, so
    #: kept apart from `problem` (which `audit verify` prints without anyone signed in).
    values: str = ""


@dataclass
class CoverageSums:
    """What the chain says about each table, collected during verify_chain's walk."""

    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(row_digests.TABLES, 0))
    latest_sum: dict[str, int] = field(default_factory=lambda: dict.fromkeys(row_digests.TABLES, 0))

    def visit(self, seq: int, body: dict[str, Any]) -> None:
        rows = (body.get("details") or {}).get(row_digests.ROWS)
        if not isinstance(rows, dict):
            return
        for item_key, value in rows.items():
            table, _ = row_digests.split_key(item_key)
            if table not in self.created or not isinstance(value, list) or len(value) != 2:
                continue
            prev = int(value[1] or 0)
            if prev == 0:
                self.created[table] += 1
            self.latest_sum[table] += seq - prev


def _columns(table: str) -> list[Any]:
    model = MODELS[table]
    names = dict.fromkeys(("id", "row_seq", *row_digests.COVERED_COLUMNS[table],
                           *row_digests.EXTRA_COLUMNS.get(table, ())))
    if table == row_digests.DOCUMENT:
        # Whether an image is kept, not the image: a million page images are not read to verify the chain.
        names.pop("page_image")
        return [*(getattr(model, n) for n in names), (model.page_image.is_not(None)).label("page_image_kept")]
    return [getattr(model, n) for n in names]


def _rows_by_seq(session: Session, table: str) -> Iterator[dict[str, Any]]:
    model = MODELS[table]
    query = select(*_columns(table)).order_by(model.row_seq, model.id)
    for row in session.execute(query, execution_options={"stream_results": True, "yield_per": _PAGE}):
        values = dict(row._mapping)
        if table == row_digests.DOCUMENT:
            # row_digests looks at whether page_image is None.
            values["page_image"] = b"" if values.pop("page_image_kept") else None
        yield values


def _tagged(session: Session, table: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    for row in _rows_by_seq(session, table):
        yield row["row_seq"] or 0, table, row


def _bodies(session: Session, seqs: Sequence[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for seq, action, body in session.execute(
        select(AuditEvent.seq, AuditEvent.action, AuditEvent.body).where(AuditEvent.seq.in_(list(seqs)))
    ):
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = {}
        found[seq] = {"action": action, "details": parsed.get("details") or {}}
    return found


def check_rows(session: Session, sums: CoverageSums, *, max_problems: int = 50) -> tuple[int, list[RowProblem]]:
    """Checks 1-3 above for every covered table. Returns the number of rows checked and the problems.

    The four tables are streamed together, merged in `row_seq` order: the rows one event covers (a check-in
    covers the stay, its guest, document and report) arrive together, so its body is parsed once."""
    problems: list[RowProblem] = []
    counts = dict.fromkeys(row_digests.TABLES, 0)
    seq_sums = dict.fromkeys(row_digests.TABLES, 0)
    streams = [_tagged(session, table) for table in row_digests.TABLES]
    page: list[tuple[str, dict[str, Any]]] = []

    def flush() -> None:
        bodies = _bodies(session, sorted({r["row_seq"] for _t, r in page if r["row_seq"] is not None}))
        for table, row in page:
            # Past max_problems a mismatch is only counted: naming its fields costs a query each.
            problem = _compare(session, table, row, bodies.get(row["row_seq"]) if row["row_seq"] else None,
                               explain_it=len(problems) < max_problems)
            if problem is not None and len(problems) < max_problems:
                problems.append(problem)
        page.clear()

    for seq, table, row in heapq.merge(*streams, key=lambda item: item[0]):
        counts[table] += 1
        seq_sums[table] += seq
        page.append((table, row))
        if len(page) >= _PAGE:
            flush()
    if page:
        flush()
    for table in row_digests.TABLES:
        if counts[table] == sums.created[table] and seq_sums[table] == sums.latest_sum[table]:
            continue
        located = _locate(session, table, max_problems=max_problems)
        if located or any(p.table == table for p in problems):  # named here or by the row pass
            problems += located
            continue
        problems.append(RowProblem(
            table, "", f"the {row_digests.TABLES[table]} table has {counts[table]} rows (pointer sum "
            f"{seq_sums[table]}); the chain created {sums.created[table]} (sum {sums.latest_sum[table]})"))
    return sum(counts.values()), problems[:max_problems]


def _compare(session: Session, table: str, row: dict[str, Any], event: dict[str, Any] | None, *,
             explain_it: bool = True) -> RowProblem | None:
    row_id, seq = str(row["id"]), row["row_seq"]
    if seq is None:
        return RowProblem(table, row_id, "no audit event covers this row (written behind the application's back?)")
    if event is None:
        return RowProblem(table, row_id, f"the audit event {seq} that last covered it is missing (events removed?)",
                          seq=seq)
    covered = (event["details"].get(row_digests.ROWS) or {}).get(row_digests.key(table, row_id))
    if not isinstance(covered, list) or not covered:
        return RowProblem(table, row_id, f"it points at audit event {seq} ({event['action']}), which does not cover "
                          "it", seq=seq)
    if row_digests.digest(table, row) == covered[0]:
        return None
    fields, says, values = explain(session, table, row, event) if explain_it else ([], "", "")
    named = f" ({', '.join(fields)})" if fields else ""
    return RowProblem(table, row_id, f"its content{named} differs from what audit event {seq} ({event['action']}) "
                      f"recorded{'; ' + says if says else ''}", tuple(fields), seq, values)


def explain(session: Session, table: str, row: dict[str, Any], event: dict[str, Any]
            ) -> tuple[list[str], str, str]:
    """Which fields differ from what the chain says, what it says (without a guest's data), and the values."""
    if table == row_digests.REPORT:
        rid = str(row["id"])
        said = (event["details"].get("reports") or {}).get(rid)
        action = event["action"]
        if action.startswith("report."):
            state = action.removeprefix("report.")
        elif action.startswith("registration."):
            state = row_digests.UNSENT  # the event that made it
        else:
            state = f"as {action} recorded it"
        chain = f"the chain says {state}" + (f" ({said})" if said not in (None, "", []) else "")
        return (["state"] if state != row["state"] else []), (
            f"{chain}; the row says {row['state']}" + (f" with receipt {row['receipt_id']}" if row["receipt_id"] else "")), ""
    registration = _registration_of(session, table, str(row["id"]))
    if registration is None:
        return [], "no registration holds this row", ""
    latest = session.execute(
        select(Report.payload).where(Report.registration_id == registration.id).order_by(Report.audit_seq.desc())
        .limit(1)).scalar_one_or_none()
    if latest is None:
        return [], "the stay has no report to compare with", ""
    sent = load_payload(latest).get("guest", {})
    now = guest_record(registration, registration.property)
    part = {row_digests.REGISTRATION: record.Part.STAY, row_digests.GUEST: record.Part.GUEST,
            row_digests.DOCUMENT: record.Part.DOCUMENT}[table]
    keys = [f.key for f in record.FIELDS if f.reported and f.part is part and now.get(f.key) != sent.get(f.key)]
    if not keys:
        return [], "the fields the reports carry are unchanged (a column they do not carry was edited)", ""
    shown = "; ".join(f"{k}: {sent.get(k)!r} in the latest report, {now.get(k)!r} now" for k in keys)
    return keys, "the latest report, bound to the chain, has other values", shown


def _registration_of(session: Session, table: str, row_id: str) -> Registration | None:
    column = {row_digests.REGISTRATION: Registration.id, row_digests.GUEST: Registration.guest_id,
              row_digests.DOCUMENT: Registration.document_id}[table]
    return session.execute(select(Registration).where(column == row_id).limit(1)).scalar_one_or_none()


def _locate(session: Session, table: str, *, max_problems: int) -> list[RowProblem]:
    """The rows behind a count or sum that does not add up: deleted, or set back to an earlier state."""
    latest: dict[str, int] = {}
    prefix = table + ":"
    last = 0
    while True:
        events = session.execute(select(AuditEvent.seq, AuditEvent.body).where(AuditEvent.seq > last)
                                 .order_by(AuditEvent.seq).limit(5_000)).all()
        if not events:
            break
        for seq, body in events:
            if prefix not in body:
                continue
            rows = (json.loads(body).get("details") or {}).get(row_digests.ROWS) or {}
            for item_key in rows:
                if item_key.startswith(prefix):
                    latest[item_key[len(prefix):]] = seq
        last = events[-1][0]
    model = MODELS[table]
    problems: list[RowProblem] = []
    for row_id, row_seq in session.execute(select(model.id, model.row_seq)):
        expected = latest.pop(str(row_id), None)
        if expected is not None and row_seq is not None and row_seq < expected and len(problems) < max_problems:
            problems.append(RowProblem(table, str(row_id), f"it was set back to its state at audit event {row_seq}; "
                                       f"the chain changed it last at event {expected}", seq=expected))
    for row_id, seq in list(latest.items())[: max(0, max_problems - len(problems))]:
        problems.append(RowProblem(table, row_id, f"the row is gone; audit event {seq} covered it last", seq=seq))
    return problems


def rows_in(session: Session, table: str) -> int:
    return int(session.execute(select(func.count()).select_from(MODELS[table])).scalar_one())
