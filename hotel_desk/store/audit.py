"""The tamper-evident audit trail: an append-only chain of events.

Each event's `body` is canonical JSON (sorted keys, no insignificant whitespace, UTF-8) holding who did
what to which record and when; its `hash` is SHA-256 over the previous event's hash followed by the body.
Changing, inserting or deleting any event breaks every later link, so `verify_chain` finds it even when
somebody bypassed the database triggers (e.g. by editing the SQLite file directly).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.rules.canonical import canonical_json
from hotel_desk.store.models import AuditChainHead, AuditEvent

__all__ = ["GENESIS_HASH", "AuditAction", "canonical_json", "link_hash", "sha256_hex", "verify_chain"]

GENESIS_HASH = "0" * 64


class AuditAction:
    """The actions recorded. Stable strings: exports and police inspections key on them."""

    CHECK_IN = "registration.check_in"
    CHECK_OUT = "registration.check_out"
    CORRECTION = "registration.correction"
    CANCELLATION = "registration.cancellation"
    PERSONAL_DATA_READ = "personal_data.read"
    PERSONAL_DATA_LIST = "personal_data.list"
    REPORT_CLAIMED = "report.claimed"
    REPORT_ACKNOWLEDGED = "report.acknowledged"
    REPORT_REJECTED = "report.rejected"
    REPORT_FAILED = "report.failed"
    REPORT_HANDED_OVER = "report.handed_over"
    REPORT_CONFIRMED = "report.confirmed"
    PROPERTY_SET = "property.set"
    DESK_USER_SET = "desk_user.set"
    AUDIT_EXPORTED = "audit.exported"
    # Staff accounts and who is at the desk (hotel_desk.store.staff).
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_ROLE_CHANGED = "account.role_changed"
    ACCOUNT_DISABLED = "account.disabled"
    ACCOUNT_ENABLED = "account.enabled"
    ACCOUNT_PASSWORD_RESET = "account.password_reset"
    ACCOUNT_LOCKED = "account.locked"
    SIGNED_IN = "session.signed_in"
    SIGN_IN_FAILED = "session.sign_in_failed"
    SIGNED_OUT = "session.signed_out"
    DESK_LOCKED = "session.locked"
    DESK_UNLOCKED = "session.unlocked"
    # Refusals: an action the signed-in role may not do, a check-in the registration gate stopped.
    ACCESS_REFUSED = "access.refused"
    ACCESS_APPROVED = "access.approved"  # a manager's approval given at someone else's session
    CHECK_IN_BLOCKED = "registration.check_in_blocked"
    SETTINGS_CHANGED = "settings.changed"
    #: Rows written before row coverage existed, covered as they were at the upgrade (migration 0007).
    COVERAGE_BASELINE = "audit.coverage_baseline"
    RECEIPTS_EXPORTED = "audit.receipts_exported"
    #: Page images removed after the retention period (their SHA-256 stays on the document row).
    PAGE_IMAGES_PURGED = "document.page_images_purged"
    #: Page images stored before sealing existed, sealed with the data key (their content unchanged).
    PAGE_IMAGES_SEALED = "document.page_images_sealed"
    DATA_KEY_CREATED = "data_key.created"
    # The police's other workflows (issue 14). The liaison's measures count these: never rename one.
    NIL_REPORT = "nil_report.queued"  # a day with no check-ins: the "no foreign guests" report
    GROUP_REGISTERED = "group.registered"  # a group checked in together (each member has its own check-in)
    SUSPECTED_ERROR_IMPORTED = "suspected_error.imported"  # one item of a police list, as imported
    SUSPECTED_ERROR_MATCHED = "suspected_error.matched"  # an item tied to a stay (at import, or chosen at the desk)
    SUSPECTED_ERROR_CORRECTED = "suspected_error.corrected"  # answered with a correction report
    SUSPECTED_ERROR_VERIFIED = "suspected_error.verified"  # answered "verified correct", with a note


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link_hash(prev_hash: str, body: str) -> str:
    return sha256_hex(prev_hash + body)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def lock_chain_head(session: Session) -> AuditChainHead:
    """The chain head row, locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite: the
    write transaction's BEGIN IMMEDIATE already excludes every other writer)."""
    return session.execute(
        select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
    ).scalar_one()


def build_event(
    seq: int,
    prev_hash: str,
    *,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    at: datetime,
    details: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The column values of one chain link: canonical body and SHA-256(prev_hash + body)."""
    occurred = at.astimezone(UTC)
    body = canonical_json(
        {
            "seq": seq,
            "occurred_at": iso_utc(occurred),
            "actor": actor,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "details": dict(details or {}),
        }
    )
    return {
        "seq": seq, "occurred_at": occurred, "actor": actor, "action": action, "entity_type": entity_type,
        "entity_id": entity_id, "body": body, "prev_hash": prev_hash, "hash": link_hash(prev_hash, body),
    }


def append_event(
    session: Session,
    *,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    at: datetime,
    details: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add one event to the chain inside the caller's transaction (which must be a `Database.write()`
    block: on SQLite it holds the write lock from BEGIN IMMEDIATE; on PostgreSQL the chain head row is
    locked here until commit, so concurrent desks append one after the other)."""
    head = lock_chain_head(session)
    values = build_event(head.last_seq + 1, head.last_hash, actor=actor, action=action,
                         entity_type=entity_type, entity_id=entity_id, at=at, details=details)
    event = AuditEvent(**values)
    session.add(event)
    head.last_seq = values["seq"]
    head.last_hash = values["hash"]
    # Write the event now so that rows referring to it (reports.audit_seq) can be inserted after it.
    session.flush()
    return event


@dataclass(frozen=True)
class BrokenLink:
    seq: int
    problem: str  # what differs, in words a support engineer can act on


@dataclass(frozen=True)
class ChainVerification:
    count: int
    head_hash: str
    broken: BrokenLink | None = None
    problems: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None


def _iter_events(session: Session, batch: int, start_seq: int = 0) -> Iterator[tuple[Any, ...]]:
    """Stream events in seq order in keyset pages: constant memory on a million rows, on both backends."""
    cols = (
        AuditEvent.seq, AuditEvent.occurred_at, AuditEvent.actor, AuditEvent.action, AuditEvent.entity_type,
        AuditEvent.entity_id, AuditEvent.body, AuditEvent.prev_hash, AuditEvent.hash,
    )
    last = start_seq
    while True:
        rows = session.execute(
            select(*cols).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def verify_chain(session: Session, *, batch: int = 20_000, max_problems: int = 20,
                 visit: Callable[[int, dict[str, Any]], None] | None = None) -> ChainVerification:
    """Walk the whole chain. Reports the first broken link (and a few more) with what differs. `visit` is
    called with each event's seq and parsed body (the row coverage check collects its sums on the way)."""
    problems: list[BrokenLink] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    last_hash = GENESIS_HASH

    def note(seq: int, problem: str) -> None:
        if len(problems) < max_problems:
            problems.append(BrokenLink(seq, problem))

    for seq, occurred_at, actor, action, entity_type, entity_id, body, prev_hash, digest in _iter_events(
        session, batch
    ):
        count += 1
        if seq != expected_seq:
            note(seq, f"sequence gap: expected event {expected_seq}, found {seq} (events deleted?)")
        if prev_hash != expected_prev:
            note(seq, f"prev_hash {prev_hash[:16]}... does not match the previous event's hash "
                      f"{expected_prev[:16]}...")
        recomputed = link_hash(prev_hash, body)
        if recomputed != digest:
            note(seq, f"hash {digest[:16]}... does not match SHA-256(prev_hash + body) {recomputed[:16]}... "
                      "(body or hash altered)")
        try:
            parsed = json.loads(body)
        except ValueError:
            note(seq, "body is not valid JSON")
            parsed = None
        if isinstance(parsed, dict):
            if visit is not None:
                visit(seq, parsed)
            columns = {
                "seq": seq, "occurred_at": iso_utc(occurred_at), "actor": actor, "action": action,
                "entity_type": entity_type, "entity_id": entity_id,
            }
            for key, value in columns.items():
                if parsed.get(key) != value:
                    note(seq, f"column {key}={value!r} differs from the hashed body's {parsed.get(key)!r}")
        expected_prev = digest
        expected_seq = seq + 1
        last_hash = digest
    head = session.get(AuditChainHead, 1)
    if head is not None and (head.last_seq != count or head.last_hash != last_hash):
        note(head.last_seq, f"chain head says {head.last_seq} events ending {head.last_hash[:16]}..., "
                            f"the table has {count} ending {last_hash[:16]}... (events removed from the end?)")
    problems.sort(key=lambda p: p.seq)
    return ChainVerification(count=count, head_hash=last_hash, broken=problems[0] if problems else None,
                             problems=problems)


def chain_head(session: Session) -> tuple[int, str]:
    head = session.get(AuditChainHead, 1)
    if head is None:
        return 0, GENESIS_HASH
    return head.last_seq, head.last_hash


@dataclass(frozen=True)
class PayloadProblem:
    report_id: str
    problem: str


def verify_report_payloads(session: Session, *, batch: int = 20_000, max_problems: int = 20) -> tuple[int, list[PayloadProblem]]:
    """Check every report's payload against its own SHA-256 and against the hash its audit event put into
    the chain: a payload edited behind the triggers' back shows here even if the chain itself is intact."""
    from hotel_desk.store.models import Report

    problems: list[PayloadProblem] = []
    count = 0
    last = 0
    while True:
        rows = session.execute(
            select(Report.audit_seq, Report.id, Report.payload, Report.payload_sha256, AuditEvent.body,
                   Report.anchor_seq, Report.anchor_hash, AuditEvent.hash)
            .join(AuditEvent, AuditEvent.seq == Report.audit_seq, isouter=True)
            .where(Report.audit_seq > last)
            .order_by(Report.audit_seq)
            .limit(batch)
        ).all()
        if not rows:
            return count, problems
        for audit_seq, report_id, payload, stored_sha, body, anchor_seq, anchor_hash, event_hash in rows:
            count += 1
            if len(problems) >= max_problems:
                continue
            actual = sha256_hex(payload)
            if actual != stored_sha:
                problems.append(PayloadProblem(report_id, "payload does not match its stored SHA-256"))
            if body is None:
                problems.append(PayloadProblem(report_id, f"audit event {audit_seq} that created it is missing"))
                continue
            try:
                audited = json.loads(body).get("details", {}).get("payload_sha256")
            except ValueError:
                audited = None
            if audited != actual:
                problems.append(PayloadProblem(
                    report_id, f"payload differs from the one audit event {audit_seq} recorded"))
            if anchor_seq != audit_seq or anchor_hash != event_hash:
                problems.append(PayloadProblem(
                    report_id, f"its chain anchor ({anchor_seq}, {str(anchor_hash)[:16]}...) is not its audit event "
                               f"{audit_seq} ({event_hash[:16]}...)"))
        last = rows[-1][0]
