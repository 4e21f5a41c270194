"""Desk users become staff accounts: a role (receptionist, manager, liaison), an argon2 password hash, the
failed sign-ins in a row and the time a lockout ends, the last sign-in, and who created and last changed the
account. Rows from before (names the audit trail used, without a password) keep NULL role and hash: they
cannot sign in, and a manager can turn one into an account by adding a user of that name.

Revision ID: 0006_identity
Revises: 0005
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_identity"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW_COLUMNS = ("role", "password_hash", "failed_sign_ins", "locked_until", "last_sign_in_at", "created_by",
                "changed_at", "changed_by")


def upgrade() -> None:
    op.add_column("desk_users", sa.Column("role", sa.String(length=20), nullable=True))
    op.add_column("desk_users", sa.Column("password_hash", sa.String(length=255), nullable=True))
    op.add_column("desk_users", sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("desk_users", sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    op.add_column("desk_users", sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("desk_users", sa.Column("created_by", sa.String(length=100), nullable=False, server_default=""))
    op.add_column("desk_users", sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("desk_users", sa.Column("changed_by", sa.String(length=100), nullable=False, server_default=""))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0004: a batch copy would trip the foreign keys.
    for column in reversed(_NEW_COLUMNS):
        op.drop_column("desk_users", column)
