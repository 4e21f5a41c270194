"""Reports: index (event_time, audit_seq) for the report history (`queries.report_history`), which lists
reports newest first, optionally within a time window; without it every page of the history sorts the
whole reports table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_reports_event_time_seq", "reports", ["event_time", "audit_seq"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_reports_event_time_seq", table_name="reports")
