"""Audit view indexes: events by desk user and by action, newest first.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:25:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_events_actor_seq", "audit_events", ["actor", "seq"], unique=False)
    op.create_index("ix_audit_events_action_seq", "audit_events", ["action", "seq"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_events_action_seq", table_name="audit_events")
    op.drop_index("ix_audit_events_actor_seq", table_name="audit_events")
