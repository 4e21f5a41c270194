"""The police's other workflows (issue 14): suspected-error lists, check-out closure with the daily nil report,
groups, returning guests.

- `suspected_error_imports`, `suspected_error_items`: a police list as imported and its items with their
  match, due date and answer.
- `guest_groups`, `registrations.group_id`: a group that checked in together; `registrations.on_document_of`:
  a child registered on a parent's passport, linked to the parent's stay.
- `guests.person_id` (filled with each row's own id for the guests already there): the person behind a guest
  row, shared by a returning guest's stays.
- `reports.registration_id` becomes nullable (a nil report is about the property, not a stay), and
  `nil_report_days` holds the one nil report per day.

SQLite cannot drop a NOT NULL constraint with ALTER TABLE, and copying `reports` into a new table (Alembic's
batch mode) is impossible here: foreign keys are on, `report_attempts` and `nil_report_days` refer to it and
its triggers refuse deletions. SQLite documents a procedure for exactly this change ("removing NOT NULL
constraints" in https://www.sqlite.org/lang_altertable.html, section 7): rewrite the table's definition in
sqlite_schema and bump the schema version, in the same transaction; the stored rows need no change.

Revision ID: 0008_workflows
Revises: 0007 (issue 13 part B, the head of main when this branch last merged it)
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_workflows"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FK_GROUP = "CONSTRAINT fk_registrations_group_id_guest_groups REFERENCES guest_groups (id)"
_FK_PARENT = "CONSTRAINT fk_registrations_on_document_of_registrations REFERENCES registrations (id)"


def _sqlite_rewrite(table: str, old: str, new: str) -> None:
    """Change a SQLite table's stored definition in place (removing or adding a NOT NULL, removing a foreign
    key): the procedure SQLite documents for changes that leave the stored rows as they are."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).scalar()
    if sql is None or sql.count(old) != 1:
        raise RuntimeError(f"the definition of table {table} is not as expected; cannot change {old!r}")
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                         (sql.replace(old, new), table))
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _add_reference(table: str, column: str, constraint: str, target: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Alembic refuses constraints on SQLite outside batch mode; SQLite itself adds a column with a
        # REFERENCES clause when its default is NULL, without copying the table.
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(36) CONSTRAINT {constraint} "
                   f"REFERENCES {target} (id)")
        return
    op.add_column(table, sa.Column(column, sa.String(length=36), sa.ForeignKey(f"{target}.id", name=constraint),
                                   nullable=True))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "guest_groups",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("leader_name", sa.String(length=200), nullable=False),
        sa.Column("arrival_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("planned_departure", sa.Date(), nullable=True),
        sa.Column("visa_type", sa.String(length=40), nullable=False),
        sa.Column("group_visa_number", sa.String(length=40), nullable=False),
        sa.Column("came_from", sa.String(length=200), nullable=False),
        sa.Column("going_to", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["property_id"], ["properties.id"], name=op.f("fk_guest_groups_property_id_properties")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guest_groups")),
    )
    _add_reference("registrations", "group_id", "fk_registrations_group_id_guest_groups", "guest_groups")
    _add_reference("registrations", "on_document_of", "fk_registrations_on_document_of_registrations",
                   "registrations")
    op.create_index(op.f("ix_registrations_group_id"), "registrations", ["group_id"], unique=False)

    op.add_column("guests", sa.Column("person_id", sa.String(length=36), nullable=True))
    op.execute("UPDATE guests SET person_id = id")
    if sqlite:
        # SQLite adds a NOT NULL column only with a default; the rows are filled now, so the constraint is
        # written into the definition the same way as below.
        _sqlite_rewrite("guests", "person_id VARCHAR(36)", "person_id VARCHAR(36) NOT NULL")
    else:
        op.alter_column("guests", "person_id", existing_type=sa.String(length=36), nullable=False)
    op.create_index(op.f("ix_guests_person_id"), "guests", ["person_id"], unique=False)

    if sqlite:
        _sqlite_rewrite("reports", "registration_id VARCHAR(36) NOT NULL", "registration_id VARCHAR(36)")
    else:
        op.alter_column("reports", "registration_id", existing_type=sa.String(length=36), nullable=True)
    op.create_table(
        "nil_report_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["property_id"], ["properties.id"], name=op.f("fk_nil_report_days_property_id_properties")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_nil_report_days_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nil_report_days")),
        sa.UniqueConstraint("property_id", "day", name="uq_nil_report_days_property_day"),
    )

    op.create_table(
        "suspected_error_imports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.String(length=100), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["property_id"], ["properties.id"],
                                name=op.f("fk_suspected_error_imports_property_id_properties")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspected_error_imports")),
        sa.UniqueConstraint("file_sha256", name=op.f("uq_suspected_error_imports_file_sha256")),
    )
    op.create_table(
        "suspected_error_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("item_key", sa.String(length=64), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("registration_id", sa.String(length=36), nullable=True),
        sa.Column("match_rule", sa.String(length=40), nullable=False),
        sa.Column("candidates", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("correction_report_id", sa.String(length=36), nullable=True),
        sa.Column("answered_by", sa.String(length=100), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["suspected_error_imports.id"],
                                name=op.f("fk_suspected_error_items_import_id_suspected_error_imports")),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"],
                                name=op.f("fk_suspected_error_items_registration_id_registrations")),
        sa.ForeignKeyConstraint(["correction_report_id"], ["reports.id"],
                                name=op.f("fk_suspected_error_items_correction_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspected_error_items")),
        sa.UniqueConstraint("import_id", "line", name="uq_suspected_error_items_import_line"),
    )
    op.create_index(op.f("ix_suspected_error_items_item_key"), "suspected_error_items", ["item_key"], unique=False)
    op.create_index(op.f("ix_suspected_error_items_registration_id"), "suspected_error_items", ["registration_id"],
                    unique=False)
    op.create_index("ix_suspected_error_items_state_due", "suspected_error_items", ["state", "due_on"], unique=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index("ix_suspected_error_items_state_due", table_name="suspected_error_items")
    op.drop_index(op.f("ix_suspected_error_items_registration_id"), table_name="suspected_error_items")
    op.drop_index(op.f("ix_suspected_error_items_item_key"), table_name="suspected_error_items")
    op.drop_table("suspected_error_items")
    op.drop_table("suspected_error_imports")
    op.drop_table("nil_report_days")
    # Nil reports cannot be un-sent; a database that holds some cannot go back to a schema without them.
    if sqlite:
        _sqlite_rewrite("reports", "registration_id VARCHAR(36),", "registration_id VARCHAR(36) NOT NULL,")
    else:
        op.alter_column("reports", "registration_id", existing_type=sa.String(length=36), nullable=False)
    op.drop_index(op.f("ix_guests_person_id"), table_name="guests")
    op.drop_column("guests", "person_id")
    op.drop_index(op.f("ix_registrations_group_id"), table_name="registrations")
    if sqlite:
        # SQLite drops no column that a foreign key names: take the references out of the definition first.
        _sqlite_rewrite("registrations", " " + _FK_PARENT, "")
        _sqlite_rewrite("registrations", " " + _FK_GROUP, "")
    op.drop_column("registrations", "on_document_of")
    op.drop_column("registrations", "group_id")
    op.drop_table("guest_groups")
