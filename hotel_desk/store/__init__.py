"""Persistence: the registrations, the report outbox and the tamper-evident audit trail.

Public API (see docs/store.md):
- opening: `open_database(url, *, migrate=True, backup=True) -> Database` (`.write()`, `.read()`); the
  settings are never read here: the caller says which database
- set-up: `set_property`, `ensure_property`, `get_property`, `ensure_desk_user`
- desk actions (one transaction each, with report + audit event): `register_guest`, `register_many` (both
  refuse a registration that repeats an open one unless confirmed: `DuplicateRegistration`; `open_stays_of`
  finds them beforehand), `check_out`, `check_out_many`, `correct_registration`, `cancel_registration`,
  `register_group`
- closing stays: `overdue_stays`, `queue_nil_reports` (the daily "no foreign guests" report)
- returning guests: `returning_guest`, `guest_history`
- suspected-error lists: `import_suspected_errors`, `suspected_errors`, `suspected_error_counts`,
  `answer_corrected`, `answer_verified`
- outbox (for the uploader): `claim_due_reports`, `claim_open_reports`, `mark_sending`, `release_claims`,
  `record_answers` (a batch), `due_reports`, `get_report`; one report at a time: `record_acknowledged`,
  `record_rejected`, `record_transient_failure`, `mark_handed_over`, `confirm_report`
- views: `pending_reports`, `outbox_summary`, `report_history`, `reports_for_registration`, `guests_in_house`,
  `registration_detail`, `document_page_image`, `report_payload`, `record_personal_data_read`
- audit: `verify_chain`, `append_event`, `canonical_json`, `audit_events`, `check_audit_trail`, `export_audit`,
  `export_receipts`; anchors: `read_anchors`, `check_anchors`, `format_anchor`; `open_existing_database` (checks)
- staff accounts (hashes only; the desk layer verifies passwords): `staff_account_count`, `staff_accounts`,
  `staff_account`, `sign_in_record`, `create_staff_account`, `set_staff_role`, `set_staff_active`,
  `set_staff_password`, `record_sign_in`, `record_failed_sign_in`, `record_desk_event`

The rules it applies live in hotel_desk.rules (report states and transitions, the registration gate, the
record's fields). Importing this package loads SQLAlchemy: command modules import it inside their handlers.
"""

from __future__ import annotations

from hotel_desk.rules.duplicates import OpenStay
from hotel_desk.rules.record import EntryMethod, GuestRegistration, StayDetails
from hotel_desk.rules.reports import DUE_STATES, OPEN_STATES, REPORT_WINDOW, ReportKind, ReportState
from hotel_desk.store.anchors import (
    Anchor,
    AnchorFileError,
    AnchorProblem,
    check_anchors,
    format_anchor,
    read_anchors,
)
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
from hotel_desk.store.audit_views import (
    AuditCheck,
    AuditEventView,
    AuditExport,
    audit_events,
    check_audit_trail,
    export_audit,
)
from hotel_desk.store.changes import (
    CORRECTABLE_FIELDS,
    cancel_registration,
    check_out,
    check_out_many,
    correct_registration,
)
from hotel_desk.store.closure import (
    DEFAULT_CATCH_UP_DAYS,
    NilReported,
    OverdueStay,
    overdue_count,
    overdue_stays,
    queue_nil_reports,
)
from hotel_desk.store.db import Database
from hotel_desk.store.errors import (
    DuplicateRegistration,
    InvalidRegistration,
    NotFound,
    StateError,
    StorageFull,
    StoreError,
)
from hotel_desk.store.groups import GroupDetails, GroupRegistered, group_members, register_group
from hotel_desk.store.guest_views import (
    InHouseGuest,
    RegistrationDetail,
    document_page_image,
    guests_in_house,
    record_personal_data_read,
    registration_detail,
    report_payload,
)
from hotel_desk.store.migrate import open_database, open_existing_database
from hotel_desk.store.models import RegistrationStatus
from hotel_desk.store.outbox import (
    DEFAULT_LEASE,
    Answer,
    BatchRecorded,
    FieldError,
    OutboxReport,
    claim_due_reports,
    claim_open_reports,
    due_reports,
    get_report,
    mark_sending,
    record_answers,
    release_claims,
)
from hotel_desk.store.property import (
    PropertyCodes,
    ensure_desk_user,
    ensure_property,
    get_property,
    set_property,
)
from hotel_desk.store.queueing import ReportRef
from hotel_desk.store.receipts import ReceiptsExport, export_receipts
from hotel_desk.store.registrations import (
    StayLinks,
    open_stays_of,
    register_guest,
    register_in_session,
    register_many,
)
from hotel_desk.store.report_answers import (
    HANDOVER_CHANNELS,
    confirm_report,
    mark_handed_over,
    record_acknowledged,
    record_rejected,
    record_transient_failure,
)
from hotel_desk.store.report_views import (
    AttemptView,
    LatestReport,
    PendingReport,
    ReportHistoryEntry,
    ReportView,
    latest_reports,
    outbox_summary,
    pending_reports,
    report_history,
    reports_for_registration,
)
from hotel_desk.store.returning import HistoryStay, ReturningGuest, guest_history, returning_guest
from hotel_desk.store.staff import (
    AccountExists,
    AccountsExist,
    LastManager,
    SignInRecord,
    StaffAccount,
    create_staff_account,
    record_desk_event,
    record_failed_sign_in,
    record_sign_in,
    set_staff_active,
    set_staff_password,
    set_staff_role,
    sign_in_record,
    staff_account,
    staff_account_count,
    staff_accounts,
)
from hotel_desk.store.suspected import (
    ImportResult,
    ListedItem,
    MatchedStay,
    PoliceList,
    SuspectedErrorView,
    answer_corrected,
    answer_verified,
    import_suspected_errors,
    suspected_error_counts,
    suspected_errors,
)

__all__ = [
    "CORRECTABLE_FIELDS",
    "DEFAULT_LEASE",
    "DUE_STATES",
    "GENESIS_HASH",
    "HANDOVER_CHANNELS",
    "OPEN_STATES",
    "REPORT_WINDOW",
    "Anchor",
    "AnchorFileError",
    "AnchorProblem",
    "Answer",
    "AttemptView",
    "AuditAction",
    "AuditCheck",
    "AuditEventView",
    "AuditExport",
    "BatchRecorded",
    "BrokenLink",
    "ChainVerification",
    "Database",
    "DuplicateRegistration",
    "EntryMethod",
    "FieldError",
    "GuestRegistration",
    "InHouseGuest",
    "InvalidRegistration",
    "NotFound",
    "OpenStay",
    "OutboxReport",
    "PendingReport",
    "PropertyCodes",
    "ReceiptsExport",
    "RegistrationDetail",
    "RegistrationStatus",
    "ReportHistoryEntry",
    "ReportKind",
    "ReportRef",
    "ReportState",
    "ReportView",
    "StateError",
    "StayDetails",
    "StorageFull",
    "StoreError",
    "append_event",
    "audit_events",
    "cancel_registration",
    "canonical_json",
    "chain_head",
    "check_anchors",
    "check_audit_trail",
    "check_out",
    "claim_due_reports",
    "claim_open_reports",
    "confirm_report",
    "correct_registration",
    "document_page_image",
    "due_reports",
    "ensure_desk_user",
    "ensure_property",
    "export_audit",
    "export_receipts",
    "format_anchor",
    "get_property",
    "get_report",
    "guests_in_house",
    "mark_handed_over",
    "mark_sending",
    "open_database",
    "open_existing_database",
    "open_stays_of",
    "outbox_summary",
    "pending_reports",
    "read_anchors",
    "record_acknowledged",
    "record_answers",
    "record_personal_data_read",
    "record_rejected",
    "record_transient_failure",
    "register_guest",
    "register_in_session",
    "register_many",
    "registration_detail",
    "release_claims",
    "report_history",
    "report_payload",
    "reports_for_registration",
    "set_property",
    "verify_chain",
]
# Staff accounts (hotel_desk.store.staff).
__all__ += [
    "AccountExists", "AccountsExist", "LastManager", "SignInRecord", "StaffAccount", "create_staff_account",
    "record_desk_event", "record_failed_sign_in", "record_sign_in", "set_staff_active", "set_staff_password",
    "set_staff_role", "sign_in_record", "staff_account", "staff_account_count", "staff_accounts",
]
# The In house list's report column (a stay's newest report).
__all__ += ["LatestReport", "latest_reports"]
# The police's other workflows (issue 14): suspected-error lists, closing stays and the nil report, groups,
# returning guests.
__all__ += [
    "DEFAULT_CATCH_UP_DAYS", "GroupDetails", "GroupRegistered", "HistoryStay", "ImportResult", "ListedItem",
    "MatchedStay", "NilReported", "OverdueStay", "PoliceList", "ReturningGuest", "StayLinks", "SuspectedErrorView",
    "answer_corrected", "answer_verified", "check_out_many", "group_members", "guest_history",
    "import_suspected_errors", "overdue_count", "overdue_stays", "queue_nil_reports", "register_group",
    "returning_guest", "suspected_error_counts", "suspected_errors",
]
