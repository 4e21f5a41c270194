"""Tamper evidence and personal data at rest (issue 13, part B).

- Row coverage: `row_seq` on registrations, guests, documents and reports (the audit event that last recorded
  the row's content hash, hotel_desk.store.row_digests). Rows written before this revision are covered by
  "audit.coverage_baseline" events written here, 200 stays to an event: from now on `audit verify` compares
  every row with the chain (what was edited before the upgrade is vouched for only by the report payloads).
- Anchors: `reports.anchor_seq` / `anchor_hash`, the chain head when the report was made (its own audit
  event), filled in for existing reports and frozen with the payload.
- Sealing: `documents.page_image_purged_at` (retention), `properties.sealed_authorisation_code`, and
  `data_keys` naming the key that seals them (images and codes already stored are sealed by the desk when it
  first opens the database with its key, hotel_desk.store.sealed_data: a migration has no key).
- The guards (triggers) re-created from hotel_desk.store.guards, now freezing the anchor too.

Revision ID: 0007
Revises: 0006_identity
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import cast

import sqlalchemy as sa
from alembic import op

from hotel_desk.store import guards, row_digests
from hotel_desk.store.audit import AuditAction, build_event

revision: str = "0007"
down_revision: str | None = "0006_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Stays per baseline event (each covers the stay, its guest, document and reports: ~110 KB of body).
BASELINE_CHUNK = 200


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    guards.drop_guards(op.execute, dialect)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS hotel_desk_freeze_report()")
    for table in ("registrations", "guests", "documents", "reports"):
        op.add_column(table, sa.Column("row_seq", sa.BigInteger(), nullable=True))
    op.add_column("documents", sa.Column("page_image_purged_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("properties", sa.Column("sealed_authorisation_code", sa.Text(), nullable=True))
    op.add_column("reports", sa.Column("anchor_seq", sa.BigInteger(), nullable=True))
    op.add_column("reports", sa.Column("anchor_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "data_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_data_keys")),
    )
    op.execute(
        "UPDATE reports SET anchor_seq = audit_seq, "
        "anchor_hash = (SELECT hash FROM audit_events WHERE audit_events.seq = reports.audit_seq)"
    )
    _baseline(op.get_bind())
    guards.create_guards(op.execute, dialect)


def _baseline(conn: sa.Connection) -> None:
    """One audit event per BASELINE_CHUNK existing stays, covering their rows as they are now."""
    from hotel_desk.store.models import (
        AuditChainHead,
        AuditEvent,
        Guest,
        Registration,
        Report,
        TravelDocumentRecord,
    )

    tables: dict[str, sa.Table] = {
        name: cast(sa.Table, model.__table__) for name, model in (
            (row_digests.REGISTRATION, Registration), (row_digests.GUEST, Guest),
            (row_digests.DOCUMENT, TravelDocumentRecord), (row_digests.REPORT, Report))
    }

    def columns(name: str) -> list[sa.ColumnElement[object]]:
        table = tables[name]
        wanted = (*row_digests.COVERED_COLUMNS[name], *row_digests.EXTRA_COLUMNS.get(name, ()))
        if name == row_digests.REPORT:
            wanted = (*wanted, "registration_id")
        return [table.c[c] for c in wanted]

    reg_table = tables[row_digests.REGISTRATION]
    ids = list(conn.execute(sa.select(reg_table.c.id).order_by(reg_table.c.created_at, reg_table.c.id)).scalars())
    head_table = cast(sa.Table, AuditChainHead.__table__)
    for start in range(0, len(ids), BASELINE_CHUNK):
        chunk = ids[start : start + BASELINE_CHUNK]
        regs = conn.execute(sa.select(*columns(row_digests.REGISTRATION)).where(reg_table.c.id.in_(chunk))).mappings().all()
        rows: dict[str, list[tuple[str, object]]] = {row_digests.REGISTRATION: [(r["id"], r) for r in regs]}
        for name, ref in ((row_digests.GUEST, "guest_id"), (row_digests.DOCUMENT, "document_id")):
            wanted = [r[ref] for r in regs]
            related = conn.execute(sa.select(*columns(name)).where(tables[name].c.id.in_(wanted))).mappings().all()
            rows[name] = [(r["id"], r) for r in related]
        reports = conn.execute(sa.select(*columns(row_digests.REPORT))
                               .where(tables[row_digests.REPORT].c.registration_id.in_(chunk))).mappings().all()
        rows[row_digests.REPORT] = [(r["id"], r) for r in reports]
        items = dict(row_digests.item(name, row, None) for name, found in rows.items() for _id, row in found)
        last_seq, last_hash = conn.execute(sa.select(head_table.c.last_seq, head_table.c.last_hash)
                                           .where(head_table.c.id == 1)).one()
        event = build_event(last_seq + 1, last_hash, actor="migration 0007", action=AuditAction.COVERAGE_BASELINE,
                            entity_type="registration_batch", entity_id=chunk[0], at=datetime.now(UTC),
                            details={row_digests.ROWS: items, "registrations": len(chunk)})
        conn.execute(sa.insert(cast(sa.Table, AuditEvent.__table__)), [event])
        conn.execute(sa.update(head_table).where(head_table.c.id == 1)
                     .values(last_seq=event["seq"], last_hash=event["hash"]))
        for name, found in rows.items():
            if found:
                table = tables[name]
                conn.execute(sa.update(table).where(table.c.id.in_([i for i, _ in found]))
                             .values(row_seq=event["seq"]))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    guards.drop_guards(op.execute, dialect)
    op.drop_table("data_keys")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0004.
    op.drop_column("reports", "anchor_hash")
    op.drop_column("reports", "anchor_seq")
    op.drop_column("documents", "page_image_purged_at")
    op.drop_column("properties", "sealed_authorisation_code")
    for table in ("registrations", "guests", "documents", "reports"):
        op.drop_column(table, "row_seq")
    # Back to the guards of 0001 (the anchor columns are gone again).
    guards.create_guards(op.execute, dialect, frozen=[c for c in guards.REPORT_FROZEN_COLUMNS
                                                      if not c.startswith("anchor_")])
