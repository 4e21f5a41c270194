"""Persistence: the registrations, the report outbox and the tamper-evident audit trail.

Public API (see docs/store.md):
- opening: `open_database(url=None, *, migrate=True, backup=True) -> Database` (`.write()`, `.read()`)
- desk actions (one transaction each, with report + audit event): `register_guest`, `check_out`,
  `correct_registration`, `cancel_registration`; set-up: `set_property`, `property_from_settings`,
  `ensure_desk_user`
- outbox (for the uploader): `claim_due_reports`, `claim_open_reports`, `mark_sending`, `release_claims`,
  `record_answers` (a batch), `record_acknowledged`, `record_rejected`, `record_transient_failure`,
  `mark_handed_over`, `confirm_report`, `get_report`
- views: `pending_reports`, `outbox_summary`, `report_history`, `reports_for_registration`, `guests_in_house`,
  `registration_detail`, `document_page_image`, `report_payload`, `record_personal_data_read`
- audit: `verify_chain`, `append_event`, `canonical_json`

Importing this package loads SQLAlchemy: command modules import it inside their handlers.
"""

from __future__ import annotations

from hotel_desk.rules.record import GuestRegistration, StayDetails
from hotel_desk.rules.reports import DUE_STATES, OPEN_STATES, REPORT_WINDOW, ReportKind, ReportState
from hotel_desk.store.audit import (
    GENESIS_HASH,
    AuditAction,
    BrokenLink,
    ChainVerification,
    append_event,
    canonical_json,
    chain_head,
    verify_chain,
)
from hotel_desk.store.db import Database, StorageFull, open_database
from hotel_desk.store.models import EntryMethod, RegistrationStatus
from hotel_desk.store.outbox import (
    DEFAULT_LEASE,
    Answer,
    BatchRecorded,
    FieldError,
    OutboxReport,
    claim_due_reports,
    claim_open_reports,
    confirm_report,
    get_report,
    mark_handed_over,
    mark_sending,
    record_acknowledged,
    record_answers,
    record_rejected,
    record_transient_failure,
    release_claims,
)
from hotel_desk.store.queries import (
    AttemptView,
    AuditEventView,
    InHouseGuest,
    PendingReport,
    RegistrationDetail,
    ReportHistoryEntry,
    ReportView,
    audit_events,
    document_page_image,
    guests_in_house,
    outbox_summary,
    pending_reports,
    record_personal_data_read,
    registration_detail,
    report_history,
    report_payload,
    reports_for_registration,
)
from hotel_desk.store.services import (
    CORRECTABLE_FIELDS,
    InvalidRegistration,
    NotFound,
    ReportRef,
    StateError,
    StoreError,
    cancel_registration,
    check_out,
    correct_registration,
    ensure_desk_user,
    property_from_settings,
    register_guest,
    register_in_session,
    register_many,
    set_property,
)

__all__ = [
    "CORRECTABLE_FIELDS", "DEFAULT_LEASE", "DUE_STATES", "GENESIS_HASH", "OPEN_STATES", "REPORT_WINDOW", "Answer",
    "AttemptView", "AuditAction", "AuditEventView", "BatchRecorded", "BrokenLink", "ChainVerification", "Database",
    "EntryMethod", "FieldError", "GuestRegistration", "InHouseGuest", "InvalidRegistration", "NotFound",
    "OutboxReport", "PendingReport", "RegistrationDetail", "RegistrationStatus", "ReportHistoryEntry", "ReportKind",
    "ReportRef", "ReportState", "ReportView", "StateError", "StayDetails", "StorageFull", "StoreError", "append_event",
    "audit_events", "cancel_registration", "canonical_json", "chain_head", "check_out", "claim_due_reports",
    "claim_open_reports", "confirm_report", "correct_registration", "document_page_image", "ensure_desk_user",
    "get_report", "guests_in_house", "mark_handed_over", "mark_sending", "open_database", "outbox_summary",
    "pending_reports", "property_from_settings", "record_acknowledged", "record_answers",
    "record_personal_data_read", "record_rejected", "record_transient_failure", "register_guest",
    "register_in_session", "register_many", "registration_detail", "release_claims", "report_history",
    "report_payload", "reports_for_registration", "set_property", "verify_chain",
]
