"""Initial schema: property, desk users, guests, documents, registrations, reports (the outbox), report
attempts, the audit chain and its head row; triggers keeping the audit trail and the attempt log append-only
and report payloads immutable, on SQLite and PostgreSQL.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 15:04:35.991689
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_chain_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_head'))
    )
    op.create_table('audit_events',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_events_hash'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_entity', ['entity_type', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('guests',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('surname_en', sa.String(length=200), nullable=False),
    sa.Column('given_names_en', sa.String(length=200), nullable=False),
    sa.Column('chinese_name', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('nationality', sa.String(length=3), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guests'))
    )
    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guests_surname_en'), ['surname_en'], unique=False)

    op.create_table('properties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('hotel_code', sa.String(length=64), nullable=False),
    sa.Column('authorisation_code', sa.String(length=128), nullable=False),
    sa.Column('substation_code', sa.String(length=64), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_properties'))
    )
    op.create_table('desk_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('property_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['property_id'], ['properties.id'], name=op.f('fk_desk_users_property_id_properties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_desk_users_username'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('guest_id', sa.String(length=36), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('document_code', sa.String(length=4), nullable=False),
    sa.Column('document_number', sa.String(length=40), nullable=False),
    sa.Column('issuing_state', sa.String(length=3), nullable=False),
    sa.Column('nationality', sa.String(length=3), nullable=False),
    sa.Column('expiry_date', sa.Date(), nullable=True),
    sa.Column('mrz', sa.Text(), nullable=False),
    sa.Column('page_image', sa.LargeBinary(), nullable=True),
    sa.Column('page_image_sha256', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], name=op.f('fk_documents_guest_id_guests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_document_number'), ['document_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_guest_id'), ['guest_id'], unique=False)

    op.create_table('registrations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('property_id', sa.Integer(), nullable=False),
    sa.Column('guest_id', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('room', sa.String(length=20), nullable=False),
    sa.Column('arrival_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('planned_departure', sa.Date(), nullable=True),
    sa.Column('checked_out_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('visa_type', sa.String(length=40), nullable=False),
    sa.Column('visa_number', sa.String(length=40), nullable=False),
    sa.Column('stay_until', sa.Date(), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=True),
    sa.Column('port_of_entry', sa.String(length=80), nullable=False),
    sa.Column('came_from', sa.String(length=200), nullable=False),
    sa.Column('going_to', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_registrations_document_id_documents')),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], name=op.f('fk_registrations_guest_id_guests')),
    sa.ForeignKeyConstraint(['property_id'], ['properties.id'], name=op.f('fk_registrations_property_id_properties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_arrival_at', ['arrival_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_guest_id'), ['guest_id'], unique=False)
        batch_op.create_index('ix_registrations_status_room', ['status', 'room'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('audit_seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('registration_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('corrects_report_id', sa.String(length=36), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.Column('event_time', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=100), nullable=True),
    sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('receipt_id', sa.String(length=200), nullable=True),
    sa.Column('raw_answer', sa.Text(), nullable=True),
    sa.Column('field_errors', sa.Text(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('handed_over_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handed_over_by', sa.String(length=100), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['audit_seq'], ['audit_events.seq'], name=op.f('fk_reports_audit_seq_audit_events')),
    sa.ForeignKeyConstraint(['corrects_report_id'], ['reports.id'], name=op.f('fk_reports_corrects_report_id_reports')),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_reports_registration_id_registrations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('audit_seq', name=op.f('uq_reports_audit_seq'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_registration_id'), ['registration_id'], unique=False)
        batch_op.create_index('ix_reports_state_deadline', ['state', 'deadline_at'], unique=False)
        batch_op.create_index('ix_reports_state_next_attempt', ['state', 'next_attempt_at'], unique=False)

    op.create_table('report_attempts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('attempted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('receipt_id', sa.String(length=200), nullable=True),
    sa.Column('raw_answer', sa.Text(), nullable=True),
    sa.Column('field_errors', sa.Text(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_attempts_report_id_reports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_attempts'))
    )
    with op.batch_alter_table('report_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_attempts_report_id'), ['report_id'], unique=False)

    # The chain starts from the genesis hash; appends lock this one row.
    op.execute("INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '" + "0" * 64 + "')")
    _create_guards()


# Columns of a report that make up what was (or will be) sent: never changed once written.
_REPORT_FROZEN_COLUMNS = (
    "id", "audit_seq", "registration_id", "kind", "corrects_report_id", "payload", "payload_sha256",
    "event_time", "deadline_at",
)


def _create_guards() -> None:
    """Defence in depth: the database itself refuses to rewrite history, whatever program connects."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION hotel_desk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'hotel_desk: % on % refused: % rows are append-only',
                    TG_OP, TG_TABLE_NAME, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END $$
            """
        )
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _REPORT_FROZEN_COLUMNS)
        op.execute(
            f"""
            CREATE FUNCTION hotel_desk_freeze_report() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {changed} THEN
                    RAISE EXCEPTION 'hotel_desk: a report payload is immutable; make a correction report'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END $$
            """
        )
        for table in ("audit_events", "report_attempts"):
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION hotel_desk_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION hotel_desk_refuse_change()"
            )
        op.execute(
            "CREATE TRIGGER reports_frozen BEFORE UPDATE ON reports "
            "FOR EACH ROW EXECUTE FUNCTION hotel_desk_freeze_report()"
        )
        op.execute(
            "CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports "
            "FOR EACH ROW EXECUTE FUNCTION hotel_desk_refuse_change()"
        )
        op.execute(
            "CREATE TRIGGER reports_no_truncate BEFORE TRUNCATE ON reports "
            "FOR EACH STATEMENT EXECUTE FUNCTION hotel_desk_refuse_change()"
        )
        return
    for table in ("audit_events", "report_attempts"):
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, 'hotel_desk: {operation} on {table} refused: rows are append-only'); END"
            )
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _REPORT_FROZEN_COLUMNS)
    op.execute(
        f"CREATE TRIGGER reports_frozen BEFORE UPDATE ON reports WHEN {changed} BEGIN "
        "SELECT RAISE(ABORT, 'hotel_desk: a report payload is immutable; make a correction report'); END"
    )
    op.execute(
        "CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN "
        "SELECT RAISE(ABORT, 'hotel_desk: DELETE on reports refused: a report is never forgotten'); END"
    )


def _drop_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("audit_events", "report_attempts"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        for trigger in ("reports_frozen", "reports_no_delete", "reports_no_truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON reports")
        op.execute("DROP FUNCTION IF EXISTS hotel_desk_refuse_change()")
        op.execute("DROP FUNCTION IF EXISTS hotel_desk_freeze_report()")
        return
    for name in ("audit_events_no_update", "audit_events_no_delete", "report_attempts_no_update",
                 "report_attempts_no_delete", "reports_frozen", "reports_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")



def downgrade() -> None:
    _drop_guards()
    with op.batch_alter_table('report_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_attempts_report_id'))

    op.drop_table('report_attempts')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_state_next_attempt')
        batch_op.drop_index('ix_reports_state_deadline')
        batch_op.drop_index(batch_op.f('ix_reports_registration_id'))

    op.drop_table('reports')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_status_room')
        batch_op.drop_index(batch_op.f('ix_registrations_guest_id'))
        batch_op.drop_index('ix_registrations_arrival_at')

    op.drop_table('registrations')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_guest_id'))
        batch_op.drop_index(batch_op.f('ix_documents_document_number'))

    op.drop_table('documents')
    op.drop_table('desk_users')
    op.drop_table('properties')
    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guests_surname_en'))

    op.drop_table('guests')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_occurred_at'))
        batch_op.drop_index('ix_audit_events_entity')

    op.drop_table('audit_events')
    op.drop_table('audit_chain_head')
