"""The records a hotel keeps: property, desk users, guests, their documents, stays, police reports and
the audit trail. SQLAlchemy 2.0 typed models; the schema itself is created only by the Alembic migrations
in hotel_desk/store/migrations (the tests check that the two agree).

Identifiers of guests, documents, registrations and reports are UUID strings: they leave the building in
report payloads and must never collide between desks or databases.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from hotel_desk.rules.record import EntryMethod
from hotel_desk.rules.reports import DUE_STATES, OPEN_STATES, ReportKind, ReportState
from hotel_desk.store.types import UtcDateTime

__all__ = [
    "DUE_STATES", "OPEN_STATES", "AuditChainHead", "AuditEvent", "Base", "DataKeyRecord", "DeskUser", "EntryMethod", "Guest",
    "Property", "Registration", "RegistrationStatus", "Report", "ReportAttempt", "ReportKind", "ReportState",
    "TravelDocumentRecord", "new_id",
]
# The police's other workflows (issue 14).
__all__ += ["GuestGroup", "NilReportDay", "SuspectedErrorImport", "SuspectedErrorItem", "SuspectedErrorState"]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RegistrationStatus(StrEnum):
    IN_HOUSE = "in_house"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"


class Property(Base):
    """The hotel or inn, with the codes the police sub-station issued to it."""

    __tablename__ = "properties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    hotel_code: Mapped[str] = mapped_column(String(64))
    # Plain only where no data key was given (tools, old rows until the desk seals them); the desk keeps the
    # code sealed (hotel_desk.sealing) in `sealed_authorisation_code` and this column empty.
    authorisation_code: Mapped[str] = mapped_column(String(128), default="")
    sealed_authorisation_code: Mapped[str | None] = mapped_column(Text)
    substation_code: Mapped[str] = mapped_column(String(64), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DeskUser(Base):
    """Someone who works the desk; the audit trail names them as the actor.

    A staff account is a row with a role and an argon2 password hash (hotel_desk.store.staff); rows without
    them are names the audit trail used before there were accounts, kept so that the names still resolve."""

    __tablename__ = "desk_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    property_id: Mapped[int | None] = mapped_column(ForeignKey("properties.id"))
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Staff accounts (revision 0006). The hash is argon2id's encoded string (parameters and salt included);
    # the password itself never reaches the store.
    role: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class Guest(Base):
    __tablename__ = "guests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    surname_en: Mapped[str] = mapped_column(String(200), index=True)
    given_names_en: Mapped[str] = mapped_column(String(200), default="")
    chinese_name: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(1), default="X")
    birth_date: Mapped[date | None] = mapped_column(Date)
    nationality: Mapped[str] = mapped_column(String(3), default="")
    # The person behind this guest row: a returning guest's new row carries the person of the stay it was
    # matched to (hotel_desk.rules.matching), a first stay its own id. Each stay keeps its own guest row, so a
    # correction of one stay never rewrites another's record; the person id ties them together for the history.
    person_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    #: The audit event that last recorded this row's content hash (hotel_desk.store.row_digests).
    row_seq: Mapped[int | None] = mapped_column(BigInteger)

    documents: Mapped[list[TravelDocumentRecord]] = relationship(back_populates="guest")


class TravelDocumentRecord(Base):
    """A document as presented at the desk: the MRZ as read is kept verbatim next to the parsed fields."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    guest_id: Mapped[str] = mapped_column(ForeignKey("guests.id"), index=True)
    format: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(40))
    document_code: Mapped[str] = mapped_column(String(4), default="")
    document_number: Mapped[str] = mapped_column(String(40), index=True)
    issuing_state: Mapped[str] = mapped_column(String(3), default="")
    nationality: Mapped[str] = mapped_column(String(3), default="")
    expiry_date: Mapped[date | None] = mapped_column(Date)
    mrz: Mapped[str] = mapped_column(Text, default="")  # lines joined with "\n"
    # Sealed (AES-GCM, hotel_desk.sealing) since migration 0007; the SHA-256 is of the plain image and stays
    # after the image is purged (page_image NULL, page_image_purged_at set): what was reported stays provable.
    page_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    page_image_sha256: Mapped[str | None] = mapped_column(String(64))
    page_image_purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # How the document's data came in (EntryMethod; NULL for records from before it was kept) and, for a
    # document typed by hand, why: the police ask why a record has no machine-read zone.
    entry_method: Mapped[str | None] = mapped_column(String(16))
    manual_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    row_seq: Mapped[int | None] = mapped_column(BigInteger)

    guest: Mapped[Guest] = relationship(back_populates="documents")


class Registration(Base):
    """One stay of one guest: arrival to check-out. Changes after the check-in report are made through
    corrections (each a new report), never silently."""

    __tablename__ = "registrations"
    __table_args__ = (
        Index("ix_registrations_status_room", "status", "room"),
        Index("ix_registrations_arrival_at", "arrival_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id"))
    guest_id: Mapped[str] = mapped_column(ForeignKey("guests.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    room: Mapped[str] = mapped_column(String(20))
    arrival_at: Mapped[datetime] = mapped_column(UtcDateTime())
    planned_departure: Mapped[date | None] = mapped_column(Date)
    checked_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    visa_type: Mapped[str] = mapped_column(String(40), default="")
    visa_number: Mapped[str] = mapped_column(String(40), default="")
    stay_until: Mapped[date | None] = mapped_column(Date)
    entry_date: Mapped[date | None] = mapped_column(Date)
    port_of_entry: Mapped[str] = mapped_column(String(80), default="")
    came_from: Mapped[str] = mapped_column(String(200), default="")
    going_to: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    # A member of a group that checked in together (shared stay details, one report per member).
    group_id: Mapped[str | None] = mapped_column(ForeignKey("guest_groups.id"), index=True)
    # A child listed in a parent's passport: registered as their own record on the parent's document, linked
    # to the parent's stay.
    on_document_of: Mapped[str | None] = mapped_column(ForeignKey("registrations.id"))
    status: Mapped[str] = mapped_column(String(16), default=RegistrationStatus.IN_HOUSE.value)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    row_seq: Mapped[int | None] = mapped_column(BigInteger)

    guest: Mapped[Guest] = relationship()
    document: Mapped[TravelDocumentRecord] = relationship()
    property: Mapped[Property] = relationship()
    reports: Mapped[list[Report]] = relationship(
        back_populates="registration", order_by="Report.audit_seq"
    )


class Report(Base):
    """One report to the police (the outbox row). `payload` is the canonical JSON snapshot taken in the
    same transaction as the change it reports; a database trigger refuses any later change to it."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_state_next_attempt", "state", "next_attempt_at"),
        Index("ix_reports_state_deadline", "state", "deadline_at"),
        # The report history (Reports page), newest first within a time window.
        Index("ix_reports_event_time_seq", "event_time", "audit_seq"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # The audit event that created this report: ties the payload into the chain (the event body carries
    # the payload's SHA-256) and gives reports a story order even within one microsecond.
    audit_seq: Mapped[int] = mapped_column(ForeignKey("audit_events.seq"), unique=True)
    # None only for a daily nil report ("no foreign guests"), which is about the property, not a stay.
    registration_id: Mapped[str | None] = mapped_column(ForeignKey("registrations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    corrects_report_id: Mapped[str | None] = mapped_column(ForeignKey("reports.id"))
    payload: Mapped[str] = mapped_column(Text)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    event_time: Mapped[datetime] = mapped_column(UtcDateTime())
    deadline_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(20), default=ReportState.QUEUED.value)
    channel: Mapped[str | None] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    receipt_id: Mapped[str | None] = mapped_column(String(200))
    raw_answer: Mapped[str | None] = mapped_column(Text)
    field_errors: Mapped[str | None] = mapped_column(Text)  # JSON list of {"field", "code", "message"}
    last_error: Mapped[str | None] = mapped_column(Text)
    handed_over_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    handed_over_by: Mapped[str | None] = mapped_column(String(100))
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The chain head when the report was made (its own audit event): the anchor the report carries out of the
    # building (the intake's signed receipt echoes it), so a later rewrite of the chain cannot go unnoticed.
    # Frozen by the reports_frozen trigger like the payload.
    anchor_seq: Mapped[int | None] = mapped_column(BigInteger)
    anchor_hash: Mapped[str | None] = mapped_column(String(64))
    #: The audit event that last recorded this report's state hash (hotel_desk.store.row_digests).
    row_seq: Mapped[int | None] = mapped_column(BigInteger)

    registration: Mapped[Registration | None] = relationship(back_populates="reports")
    attempt_log: Mapped[list[ReportAttempt]] = relationship(order_by="ReportAttempt.id")


class ReportAttempt(Base):
    """Every send attempt and its raw answer, kept forever: a receipt that only came in one response must
    not be lost when the next attempt overwrites the report's latest state."""

    __tablename__ = "report_attempts"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    attempted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    channel: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))  # acknowledged / rejected / transient / handed_over / confirmed
    receipt_id: Mapped[str | None] = mapped_column(String(200))
    raw_answer: Mapped[str | None] = mapped_column(Text)
    field_errors: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100), default="")


class AuditEvent(Base):
    """One link of the tamper-evident chain. `body` is the canonical JSON of the event; `hash` is
    SHA-256(prev_hash + body). Triggers refuse UPDATE and DELETE on this table."""

    __tablename__ = "audit_events"
    __table_args__ = (
        # "Everything that happened to this record", newest first.
        Index("ix_audit_events_entity_seq", "entity_id", "seq"),
        # The audit view filters by desk user or by action and shows the newest first: without these a
        # rarely-seen user or action means walking the whole (million-row) chain backwards.
        Index("ix_audit_events_actor_seq", "actor", "seq"),
        Index("ix_audit_events_action_seq", "action", "seq"),
    )

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                     autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class DataKeyRecord(Base):
    """Which data key seals this database's page images and authorisation code (hotel_desk.sealing): its id
    only; the key itself is kept by the operating system's keyring or the desk's key file, never here."""

    __tablename__ = "data_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AuditChainHead(Base):
    """A single row (id = 1) holding the chain's last sequence number and hash. Appending locks it, which
    serialises writers on PostgreSQL (SELECT ... FOR UPDATE); SQLite write transactions start with
    BEGIN IMMEDIATE, which serialises them anyway."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class GuestGroup(Base):
    """A group that checked in together (a tour group, often on one group visa): the stay details its
    members share. Each member still has their own registration and check-in report."""

    __tablename__ = "guest_groups"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    leader_name: Mapped[str] = mapped_column(String(200), default="")
    arrival_at: Mapped[datetime] = mapped_column(UtcDateTime())
    planned_departure: Mapped[date | None] = mapped_column(Date)
    visa_type: Mapped[str] = mapped_column(String(40), default="")
    group_visa_number: Mapped[str] = mapped_column(String(40), default="")
    came_from: Mapped[str] = mapped_column(String(200), default="")
    going_to: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NilReportDay(Base):
    """A day for which a nil report ("no foreign guests") was queued: at most one per property and day, which
    the unique constraint holds even when two desks close the day at once."""

    __tablename__ = "nil_report_days"
    __table_args__ = (UniqueConstraint("property_id", "day", name="uq_nil_report_days_property_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id"))
    day: Mapped[date] = mapped_column(Date)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SuspectedErrorState(StrEnum):
    OPEN = "open"  # waiting for the hotel's answer
    CORRECTED = "corrected"  # answered with a correction report
    VERIFIED = "verified"  # checked against the document: the record is right (with a note why)


class SuspectedErrorImport(Base):
    """One police list of suspected error data as imported: which file (its name and SHA-256; importing the
    same file again adds nothing), in which layout, by whom."""

    __tablename__ = "suspected_error_imports"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id"))
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    layout: Mapped[str] = mapped_column(String(100))
    item_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SuspectedErrorItem(Base):
    """One item of a police list: what the police said (the line's raw fields, kept verbatim), the stay it was
    matched to (or none, or the candidates when ambiguous) and by which rule, when the answer is due, and the
    answer (a correction report, or "verified correct" with a note), by whom and when."""

    __tablename__ = "suspected_error_items"
    __table_args__ = (
        UniqueConstraint("import_id", "line", name="uq_suspected_error_items_import_line"),
        Index("ix_suspected_error_items_state_due", "state", "due_on"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    import_id: Mapped[str] = mapped_column(ForeignKey("suspected_error_imports.id"))
    line: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)  # JSON object: the line's fields as the file gave them
    #: SHA-256 of the normalised identity of the item (number, nationality, surname, field, problem): an item a
    #: later list repeats while it is still open is not listed twice.
    item_key: Mapped[str] = mapped_column(String(64), index=True)
    document_number: Mapped[str] = mapped_column(String(40))  # normalised (hotel_desk.rules.matching)
    nationality: Mapped[str] = mapped_column(String(3))
    surname: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(40), default="")  # a record key, or "" when the list names none
    problem: Mapped[str] = mapped_column(Text, default="")
    registration_id: Mapped[str | None] = mapped_column(ForeignKey("registrations.id"), index=True)
    match_rule: Mapped[str] = mapped_column(String(40))
    candidates: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of registration ids (ambiguous)
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default=SuspectedErrorState.OPEN.value)
    answer_note: Mapped[str] = mapped_column(Text, default="")
    correction_report_id: Mapped[str | None] = mapped_column(ForeignKey("reports.id"))
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
