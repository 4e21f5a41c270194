"""The desk: one Qt-free object for everything the front desk does, used by the window and by every command.

It opens the store, wires the ONE intake target, transport and uploader (and, in TRAINING mode, the practice
intake the app runs for itself), and offers the desk's actions with plain values in and out: check in (one
guest or an import), check out, correct, cancel, hand over (form, fax, in person), send, confirm, and the
views (in house, reports, the status bar's summary, the reporting status, the audit trail).

Every action names its actor: `Desk.actor` is the staff member signed in through `Desk.access`
(hotel_desk.desk.access), and every action and every read of personal data first asks `Desk.require` whether
their role allows it (the table is hotel_desk.rules.roles). Nobody signed in: no personal data and no change.
Methods that touch the database, the network or the OCR stack block: the window calls them from its
background jobs (ui/tasks.py), never from a click handler; `check_mrz`, `check_manual` and `typing_feedback`
are pure and fast, for the form to run as the receptionist types.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.clock import Clock, SystemClock, local_today
from hotel_desk.desk import entries
from hotel_desk.desk.access import Access, StaffSession
from hotel_desk.desk.audit_trail import SYSTEM_ACTOR, AuditTrail
from hotel_desk.desk.closure import Closure
from hotel_desk.desk.errors import DeskError, NotSignedIn
from hotel_desk.desk.groups import GroupDesk
from hotel_desk.desk.intake_link import IntakeLink
from hotel_desk.desk.link import LinkState, LinkWatch
from hotel_desk.desk.queue import ReportQueue
from hotel_desk.desk.returning import Returning
from hotel_desk.desk.staff import StaffDesk
from hotel_desk.desk.suspected import SuspectedErrors
from hotel_desk.desk.views import (
    DocumentRead,
    GuestEntry,
    InHouseGuest,
    Registered,
    ReportRow,
    latin_name,
)
from hotel_desk.documents import (
    CheckDigit,
    Finding,
    MrzCheck,
    check_manual_document,
    check_mrz,
    typing_feedback,
)
from hotel_desk.rules import gate
from hotel_desk.rules.duplicates import repeats as repeats_of
from hotel_desk.rules.record import GuestRegistration, Override, record_values
from hotel_desk.rules.roles import SETTINGS_FILE, Permission
from hotel_desk.settings import Settings

if TYPE_CHECKING:
    from hotel_desk.desk.intake import UploaderHandle
    from hotel_desk.desk.views import QueueSummary
    from hotel_desk.reporting.intake_server import IntakeServer
    from hotel_desk.reporting.uploader import UploaderEvent
    from hotel_desk.store import Database, ReportRef

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Opened:
    """What `Desk.open` started, for the self-test and the support log."""

    intake_url: str
    training_intake: bool


class Desk(IntakeLink, AuditTrail):
    def __init__(self, settings: Settings, *, clock: Clock | None = None, via: str = "desk",
                 start_training_intake: bool = True, uploader_interval: float = 2.0) -> None:
        self.settings = settings
        self.training = settings.training
        self.clock: Clock = clock or SystemClock()
        #: Who is at the desk (sign in, lock, switch user) and the one permission check; `via` ("app", "cli")
        #: says in the audit trail where sign-ins happened.
        self.access = Access(self, via=via)
        #: The managers' work on staff accounts.
        self.staff = StaffDesk(self)
        self.start_training_intake = start_training_intake
        self.uploader_interval = uploader_interval
        #: Where reports go; in TRAINING mode the practice intake's address once `open()` started it.
        self.intake_url = "" if self.training else settings.effective_intake_url()
        #: Called on the uploader's thread with each of its events (the window marshals them to its thread).
        self.on_uploader_event: Callable[[UploaderEvent], None] | None = None
        #: The police-report queue for the commands: status, send, check, hand over as files, confirm.
        self.queue = ReportQueue(self)
        #: Whether reports get through: the uploader's last exchange, or a probe when it is idle.
        self.link = LinkWatch(self.clock)
        #: The police's other workflows: closing stays (overdue guests, check-out at a time, the nil report),
        #: groups, returning guests, suspected-error lists.
        self.closure = Closure(self)
        self.groups = GroupDesk(self)
        self.returning = Returning(self)
        self.suspected = SuspectedErrors(self)
        self._lock = threading.RLock()
        self._db: Database | None = None
        #: Where the database's data key is kept ("keyring: ..." or "file: ..."), once the store is open.
        self.data_key_location = ""
        self.last_audit_check = None
        self._intake: IntakeServer | None = None
        self._uploader: UploaderHandle | None = None

    # -- who is at the desk ----------------------------------------------------------------------------------------
    @property
    def session(self) -> StaffSession | None:
        return self.access.session

    @property
    def actor(self) -> str:
        """The signed-in staff member's name: the audit trail's actor for every action and audited read."""
        session = self.access.session
        if session is None:
            raise NotSignedIn("not_signed_in", "nobody is signed in: sign in with a staff account first")
        return session.username

    def require(self, permission: Permission) -> StaffSession:
        """THE check before every desk action: the signed-in staff member, if their role allows `permission`;
        NotSignedIn or NotAllowed (a DeskError; the refusal is recorded) otherwise."""
        return self.access.require(permission)

    def change_settings(self, new: Settings) -> list[str]:
        from hotel_desk.desk.settings_change import change_settings  # the rules: see there

        return change_settings(self, new)

    # -- lifecycle -----------------------------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The store, opened (and migrated) on first use, with its data key (page images and the authorisation
        code are sealed with it: the OS keyring, else the key file in the configuration folder)."""
        with self._lock:
            if self._db is None:
                from hotel_desk.settings import key_store
                from hotel_desk.store import open_database
                from hotel_desk.store.sealed_data import attach_data_key

                db = open_database(self.settings.effective_database_url())
                try:
                    self.data_key_location = attach_data_key(db, key_store(), actor=SYSTEM_ACTOR,
                                                             clock=self.clock)
                except Exception:
                    db.dispose()
                    raise
                self._db = db
            return self._db

    def open(self) -> Opened:
        """The app's start: the store with the property from the settings, the training intake (TRAINING
        mode) and the uploader on its thread. Idempotent. Nobody needs to be signed in: the uploader keeps
        reports going while the desk is locked, and a change of the property's codes is recorded as coming
        from the settings file (the Settings page records who changed the file)."""
        import ssl

        from hotel_desk import store
        from hotel_desk.desk import intake
        from hotel_desk.reporting.connection import IntakeConfigError

        with self._lock:
            if self._uploader is not None:
                return Opened(self.intake_url, self._intake is not None)
            s = self.settings
            hotel_code, authorisation_code = intake.property_codes(s)
            if not hotel_code:
                raise DeskError("no_hotel_code", "LIVE mode needs the hotel code from the police sub-station "
                                "(Settings)")
            self.require_intake()
            store.set_property(self.db, name=s.hotel_name or "Hotel", hotel_code=hotel_code,
                               authorisation_code=authorisation_code, substation_code=s.substation_code,
                               timezone=s.timezone, actor=SETTINGS_FILE, clock=self.clock)
            try:
                self.purge_page_images()
            except Exception:  # the retention purge must never keep the desk from starting: it runs again
                log.exception("purging page images past their retention failed")
            if self.training and self.start_training_intake:
                self._intake = intake.start_training_intake(s, self.clock)
                self.intake_url = self._intake.url
            if not self.intake_url:
                raise DeskError("no_intake", "no intake address: set it in Settings (LIVE) or use TRAINING mode")
            try:
                self._uploader = intake.start_uploader(self.db, self.intake_target(), clock=self.clock,
                                                       poll_interval=self.uploader_interval,
                                                       listener=self._uploader_event)
            except (IntakeConfigError, OSError, ssl.SSLError) as exc:
                raise DeskError("intake_config", f"the intake cannot be used as configured: {exc}") from exc
        # The first start of the day closes the days before it (nil reports, where the layout wants them).
        self.closure.daily_pass()
        return Opened(self.intake_url, self._intake is not None)

    def _uploader_event(self, event: UploaderEvent) -> None:
        self.link.heard(event)
        super()._uploader_event(event)

    def close(self) -> None:
        with self._lock:
            uploader, self._uploader = self._uploader, None
            if uploader is not None:
                uploader.stop()
            server, self._intake = self._intake, None
            if server is not None:
                server.stop()
            db, self._db = self._db, None
            if db is not None:
                db.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- time ----------------------------------------------------------------------------------------------------
    def today(self) -> date:
        return local_today(self.clock, self.settings.timezone or None)

    def now(self) -> datetime:
        return self.clock.now()

    # -- documents (pure, fast: safe on the UI thread) -----------------------------------------------------------
    def check_mrz(self, text_or_lines: str | Sequence[str], *, departure: date | None = None,
                  stay_until: date | None = None, visa_type: str = "", candidates: bool = True) -> MrzCheck:
        entry = GuestEntry(planned_departure=departure, stay_until=stay_until, visa_type=visa_type)
        lines = text_or_lines if isinstance(text_or_lines, str) else list(text_or_lines)
        return check_mrz(lines, today=self.today(), stay=entries.stay_plan(entry, self.today()),
                         candidates=candidates)

    def check_manual(self, entry: GuestEntry) -> list[Finding]:
        """Findings for a document typed without an MRZ: the number rules of its kind and every date, country
        and stay rule a read document gets (what must be filled in is the registration gate's)."""
        return check_manual_document(entries.typed_document(entry), today=self.today(),
                                     stay=entries.stay_plan(entry, self.today()))

    def typing_feedback(self, lines: list[str]) -> tuple[Any, list[Any]]:
        return typing_feedback(lines)

    def findings_for(self, entry: GuestEntry) -> list[Finding]:
        """What the document checks say about an entry: its MRZ's checks, or a typed document's."""
        return self._document_checks(entry)[0]

    def _document_checks(self, entry: GuestEntry) -> tuple[list[Finding], tuple[CheckDigit, ...]]:
        """The findings on an entry and its zone's check digits as read (what tells a digit the document prints
        wrong from a misread one)."""
        if entry.mrz_lines:
            check = self.check_mrz(entry.mrz_lines, departure=entry.planned_departure,
                                   stay_until=entry.stay_until, visa_type=entry.visa_type, candidates=False)
            digits = check.document.check_digits if check.document is not None else ()
            return list(check.findings), tuple(digits)
        return self.check_manual(entry), ()

    def verdict(self, entry: GuestEntry, override: Override | None = None) -> gate.Verdict:
        """The registration gate on an entry (with the record validation, the guest arriving today, and the
        open registrations of the same document it would repeat), its warnings acknowledged as the entry says:
        a repeat is confirmed only by `registration.duplicate` among `entry.accepted_warnings`. `override`
        (approved) lifts the errors a document printing a wrong check digit raises."""
        from hotel_desk import store

        today = self.today()
        registration = entries.registration_for(entry, arrival=self.now(), today=today)
        doc = registration.document
        repeats = repeats_of(store.open_stays_of(self.db, doc.document_number, doc.nationality), today,
                             entry.planned_departure) if doc.document_number.strip() else []
        findings, digits = self._document_checks(entry)
        return gate.judge(record_values(registration), entry_method=registration.entry_method,
                          manual_reason=entry.manual_reason, findings=findings,
                          acknowledged=set(entry.accepted_warnings), arrival=today, today=today,
                          page_image=entry.page_image, repeats=repeats, check_digits=digits, override=override)

    # -- recognition (slow: background job) ----------------------------------------------------------------------
    def read_document(self, source: str | Path | bytes, name: str | None = None) -> DocumentRead:
        """What the recognizer makes of a page image (blocking: OCR). See hotel_desk.desk.reading."""
        from hotel_desk.desk.reading import read_document

        return read_document(self, source, name)

    # -- registrations -------------------------------------------------------------------------------------------
    def register(self, entry: GuestEntry, *, approver: tuple[str, str] | None = None) -> Registered:
        """Check the guest in: the registration gate (again, whoever asks), then the guest, document, stay,
        check-in report and audit event in one transaction. An entry with an `override_reason` is registered
        as printed: the signed-in staff member must be allowed to approve it, or `approver` (name, password)
        is, checked on the spot without taking over the session (hotel_desk.desk.override)."""
        from hotel_desk import store
        from hotel_desk.desk.blocked import record_blocked_entry
        from hotel_desk.desk.override import approve_override

        self.require(Permission.REGISTER)
        override = approve_override(self, entry, approver) if entry.override_reason.strip() else None
        verdict = self.verdict(entry, override)
        if not verdict.ok:
            record_blocked_entry(self, entry, verdict, source="desk")
            if verdict.repeated:  # only the confirmation that a second registration is intended is missing
                raise DeskError("duplicate", "; ".join(verdict.reasons()), verdict.unacknowledged)
            raise DeskError("refused", "; ".join(verdict.reasons()), (*verdict.errors, *verdict.unacknowledged))
        registration = entries.registration_for(entry, arrival=self.now(), today=self.today(), override=override)
        try:
            ref = store.register_guest(self.db, registration, actor=self.actor, clock=self.clock,
                                       returning_of=entry.returning_of or None)
        except store.DuplicateRegistration as exc:  # another desk registered the document a moment ago
            raise DeskError("duplicate", str(exc), exc.findings) from exc
        return Registered(ref.registration_id, ref.report_id, latin_name(entry.surname_en, entry.given_names_en),
                          entry.room, ref.deadline_at)

    def register_many(self, registrations: Sequence[GuestRegistration]) -> list[ReportRef]:
        """An import (one action, one transaction): every registration was judged by the gate with its
        findings; the store judges them again (and refuses repeats of open registrations not confirmed:
        store.DuplicateRegistration). The property is created from the settings if there is none. LIVE
        without a usable intake refuses (DeskError "no_intake"): reports that could never leave are not queued."""
        from hotel_desk import store

        self.require(Permission.REGISTER)
        self.require_intake()
        s = self.settings
        property_id = store.ensure_property(
            self.db, name=s.hotel_name or "hotel", hotel_code=s.hotel_code, authorisation_code=s.authorisation_code,
            substation_code=s.substation_code, timezone=s.timezone, actor=self.actor, clock=self.clock)
        with self.db.write() as session:
            return store.register_many(session, registrations, actor=self.actor, now=self.now(),
                                       property_id=property_id)

    def override_approvers(self) -> list[tuple[str, str]]:
        """Who may approve registering a document as printed: (name, display name) of each such account."""
        from hotel_desk.desk.override import approvers

        return approvers(self)

    def check_in_refused(self, entry: GuestEntry, *, source: str = "form") -> bool:
        """The form stopped a check-in (Enter on a document the gate blocks): put the attempt on file (see
        hotel_desk.desk.blocked). False when the gate would let it through after all: nothing recorded."""
        from hotel_desk.desk.blocked import record_blocked_entry

        return record_blocked_entry(self, entry, self.verdict(entry), source=source)

    def check_out(self, registration_id: str, at: datetime | None = None) -> str:
        """Check one guest out at `at` (default now; see Desk.closure for several at once)."""
        return self.closure.check_out([registration_id], at)[0]

    def cancel(self, registration_id: str, reason: str) -> str:
        """Withdraw a registration made in error: a cancellation report goes to the police, the records stay."""
        from hotel_desk import store

        self.require(Permission.CANCEL)
        return store.cancel_registration(self.db, registration_id, actor=self.actor, note=reason,
                                         clock=self.clock).report_id

    def registration_entry(self, registration_id: str) -> GuestEntry:
        """A stored registration as the correction form shows it (an audited read)."""
        from hotel_desk import store
        from hotel_desk.rules.record import Part

        self.require(Permission.VIEW_PERSONAL_DATA)
        detail = store.registration_detail(self.db, registration_id, actor=self.actor, purpose="correction",
                                           clock=self.clock)
        parts = {Part.GUEST: detail.guest, Part.DOCUMENT: detail.document, Part.STAY: detail.stay}
        return entries.entry_from_record(parts, tuple(detail.document["mrz"]))

    def correct(self, registration_id: str, entry: GuestEntry, reason: str) -> str:
        from hotel_desk import store

        self.require(Permission.CORRECT)
        changes = entries.corrections(self.registration_entry(registration_id), entry)
        if not changes:
            raise DeskError("nothing_changed", "nothing changed: edit the wrong field first")
        return store.correct_registration(self.db, registration_id, changes, actor=self.actor, note=reason,
                                          clock=self.clock).report_id

    # -- views ---------------------------------------------------------------------------------------------------
    def in_house(self, query: str = "") -> list[InHouseGuest]:
        """The guests staying now, each with their stay's newest report (an audited read)."""
        from hotel_desk.desk import listings

        return listings.in_house(self, query)

    def reports(self) -> list[ReportRow]:
        """Every open report and every report of the last 48 hours, as sent (hotel_desk.desk.listings)."""
        from hotel_desk.desk import listings

        return listings.reports(self)

    def summary(self) -> QueueSummary:
        """The status bar: what waits, what waits for a receipt or a correction, the nearest deadline, and
        whether reports get through (hotel_desk.desk.listings)."""
        from hotel_desk.desk import listings

        return listings.summary(self)

    def probe_intake(self) -> LinkState:
        """Ask the intake whether it is there (blocking: a background job); the status bar shows the answer."""
        return self.link.probe(self.intake_target())

    # -- hand-over (print, fax, in person, the receipt): hotel_desk.desk.handover ---------------------------------
    def _fonts(self) -> Any:
        from hotel_desk.desk.handover import form_fonts

        return form_fonts(self)

    def save_form(self, report_id: str, path: str | Path) -> tuple[Any, Path]:
        from hotel_desk.desk import handover

        return handover.save_form(self, report_id, path)

    def form_for_printing(self, report_id: str) -> bytes:
        from hotel_desk.desk import handover

        return handover.form_for_printing(self, report_id)

    def hand_over_in_person(self, report_id: str, received_by: str, note: str = "") -> Any:
        from hotel_desk.desk import handover

        return handover.hand_over_in_person(self, report_id, received_by, note)

    def fax(self, report_id: str, *, port: str, number: str, baud: int, local_id: str = "", flow: str = "rtscts",
            timeouts: Any = None, on_progress: Callable[[str], None] | None = None) -> Any:
        from hotel_desk.desk import handover

        return handover.fax(self, report_id, port=port, number=number, baud=baud, local_id=local_id, flow=flow,
                            timeouts=timeouts, on_progress=on_progress)

    def enter_receipt(self, report_id: str, receipt: str) -> None:
        from hotel_desk.desk import handover

        handover.enter_receipt(self, report_id, receipt)

