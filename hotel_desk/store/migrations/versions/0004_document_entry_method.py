"""Documents: how their data came in (`entry_method`: scanner, camera, reader, typed_mrz, manual) and why a
document was typed by hand (`manual_reason`). Until now the desk kept the reason as a "manual:<reason>"
entry among the accepted warnings of the check-in audit event. Both nullable: records from before this
revision did not say.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("entry_method", sa.String(length=16), nullable=True))
    op.add_column("documents", sa.Column("manual_reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35): a batch copy of the table would trip the foreign
    # keys that point at documents.
    op.drop_column("documents", "manual_reason")
    op.drop_column("documents", "entry_method")
