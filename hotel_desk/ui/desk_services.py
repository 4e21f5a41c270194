"""The desk's blocking work against the store and reporting packages: turning a confirmed form into a
registration, listing guests and reports, driving the uploader and the training intake. Called only from
background jobs (through Desk); Qt-free so it can be read and tested on its own."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from hotel_desk.settings import desk_actor
from hotel_desk.ui.viewmodels import GuestEntry, InHouseGuest, QueueSummary, Registered, ReportRow

if TYPE_CHECKING:
    from hotel_desk.ui.desk import Desk

log = logging.getLogger(__name__)

TRAINING_HOTEL_CODE = "TRAINING"


def actor(desk: Desk) -> str:
    """The desk user named in the audit trail: the configured one, else the computer's login name."""
    return desk_actor(desk.settings)


# -- opening -------------------------------------------------------------------------------------------------
def open_store(desk: Desk) -> Any:
    from hotel_desk import store

    db = store.open_database(desk.options.database_url)
    s = desk.settings
    hotel_code = s.hotel_code or (TRAINING_HOTEL_CODE if desk.training else "")
    if not hotel_code:
        raise RuntimeError("LIVE mode needs the hotel code from the police sub-station (Settings)")
    store.set_property(db, name=s.hotel_name or "Hotel", hotel_code=hotel_code,
                       authorisation_code=s.authorisation_code or ("TRAINING" if desk.training else ""),
                       substation_code=s.substation_code, timezone=s.timezone or "Asia/Shanghai",
                       actor=actor(desk), clock=desk.clock)
    store.ensure_desk_user(db, actor(desk), clock=desk.clock)
    return db


def start_training_intake(desk: Desk) -> Any:
    from pathlib import Path

    from hotel_desk.reporting.intake_server import IntakeServer
    from hotel_desk.reporting.training_home import training_home

    # This installation's training intake (its own port, key and desk secret); a configured database
    # puts the whole home beside it.
    db = desk.settings.extra.get("training_intake_db")
    home = training_home(Path(db).parent if db else None)
    port = desk.settings.extra.get("training_intake_port")
    try:
        server = IntakeServer.for_home(home, port=int(port) if port else None, clock=desk.clock)
    except OSError:
        # Another program (or an earlier run still closing) holds the port: any free one will do, the
        # uploader is told which.
        server = IntakeServer.for_home(home, port=0, clock=desk.clock)
    server.start()
    desk.options.intake_url = server.url
    return server


class UploaderHandle:
    """The reporting package's uploader on its own thread, as the desk sees it: online or not, the last
    problem, and wake / pause. Its events arrive on the worker thread and are passed on as they are."""

    def __init__(self, desk: Desk) -> None:
        from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
        from hotel_desk.reporting.intake_trust import intake_trust, server_trust
        from hotel_desk.reporting.mapping import load_mapping
        from hotel_desk.reporting.uploader import Uploader

        s = desk.settings
        hotel_id = s.hotel_code or (TRAINING_HOTEL_CODE if desk.training else "")
        trust = (server_trust(desk._intake) if desk._intake is not None
                 else intake_trust(s, training=desk.training, url=desk.options.intake_url))
        config = HttpIntakeConfig(
            base_url=desk.options.intake_url, hotel_id=hotel_id,
            authorisation_code=s.authorisation_code or ("TRAINING" if desk.training else ""),
            client_cert=s.intake_client_cert or None, verify_tls=s.intake_verify_tls,
            timeout_seconds=15.0, **trust.config_fields(),
        )
        self.desk = desk
        self.last_error = ""
        self.seen_round = False
        self.uploader = Uploader(
            desk._store, HttpTransport(config), mapping=load_mapping(s.field_mapping or None),
            hotel_id=hotel_id, clock=desk.clock, on_event=self._event,
            poll_interval=desk.options.uploader_interval,
        )
        self.uploader.start()

    def _event(self, event: Any) -> None:
        if event.kind in ("offline", "attention", "error"):
            self.last_error = event.message
        elif event.kind in ("online", "batch"):
            self.last_error = ""
        self.seen_round = True
        listener = self.desk.on_uploader_event
        if listener is not None:
            listener(event)

    @property
    def online(self) -> bool | None:
        if self.uploader.offline:
            return False
        if self.uploader.last_round_at is None and not self.seen_round:
            return None
        return self.uploader.attention is None

    def wake(self) -> None:
        if not self.uploader.running:
            self.uploader.start()
        self.uploader.wake()

    def pause(self) -> None:
        self.uploader.stop()

    def stop(self) -> None:
        self.uploader.stop()
        close = getattr(self.uploader.transport, "close", None)
        if callable(close):
            close()

    def send_all_now(self) -> int:
        """Send every waiting report now, also those whose next retry is later (the desk asked for it).
        Claims are row states in the store, so the uploader thread never sends the same report alongside."""
        from hotel_desk.store.outbox import claim_open_reports

        up = self.uploader
        claimed = claim_open_reports(up.db, worker=up.worker, limit=up.batch_size, lease=up.lease,
                                     clock=up.clock)
        if claimed:
            up.send(claimed)
        return len(claimed)


def start_uploader(desk: Desk) -> Any:
    if not desk.options.intake_url:
        raise RuntimeError("no intake address: set it in Settings (LIVE) or use TRAINING mode")
    return UploaderHandle(desk)


def close(desk: Desk) -> None:
    uploader, desk._uploader = desk._uploader, None
    if uploader is not None:
        uploader.stop()
    intake, desk._intake = desk._intake, None
    if intake is not None:
        intake.stop()
    db, desk._store = desk._store, None
    if db is not None:
        db.dispose()


def _db(desk: Desk) -> Any:
    if desk._store is None:
        desk.open()
    return desk._store


# -- desk actions -----------------------------------------------------------------------------------------
def document_for(entry: GuestEntry, today: date) -> Any:
    """The document as confirmed at the desk: the MRZ read (kept verbatim) with the receptionist's edits."""
    from hotel_desk.documents import DocumentKind, manual_document, parse_mrz

    try:
        kind = DocumentKind(entry.document_type or "passport")
    except ValueError:
        kind = DocumentKind.OTHER
    if entry.mrz_lines:
        parsed = parse_mrz(list(entry.mrz_lines), today=today)
        return replace(
            parsed, kind=kind, surname=entry.surname_en, given_names=entry.given_names_en,
            document_number=entry.document_number, nationality=entry.nationality,
            birth_date=entry.birth_date, sex=entry.sex or "X", expiry_date=entry.document_expiry,
            issuing_state=entry.issuing_state or parsed.issuing_state, chinese_name=entry.chinese_name,
        )
    return manual_document(
        kind=kind, surname=entry.surname_en, given_names=entry.given_names_en,
        document_number=entry.document_number, nationality=entry.nationality, birth_date=entry.birth_date,
        sex=entry.sex, expiry_date=entry.document_expiry, issuing_state=entry.issuing_state,
        chinese_name=entry.chinese_name,
    )


def register(desk: Desk, entry: GuestEntry) -> Registered:
    from hotel_desk import store

    document = document_for(entry, desk.today())
    stay = store.StayDetails(
        room=entry.room, arrival=desk.now(), planned_departure=entry.planned_departure,
        visa_type=entry.visa_type, visa_number=entry.visa_number, stay_until=entry.stay_until,
        entry_date=entry.entry_date, port_of_entry=entry.port_of_entry, came_from=entry.came_from,
        going_to=entry.going_to, reason=entry.reason,
    )
    registration = store.GuestRegistration(
        document=document, stay=stay, chinese_name=entry.chinese_name, page_image=entry.page_image,
        accepted_warnings=tuple(entry.accepted_warnings), entry_method=entry.entry_method or None,
        manual_reason=entry.manual_reason,
    )
    ref = store.register_guest(_db(desk), registration, actor=actor(desk), clock=desk.clock)
    name = f"{entry.surname_en}, {entry.given_names_en}".strip(", ")
    return Registered(ref.registration_id, ref.report_id, name, entry.room, ref.deadline_at)


def check_out(desk: Desk, registration_id: str) -> str:
    from hotel_desk import store

    return store.check_out(_db(desk), registration_id, actor=actor(desk), clock=desk.clock).report_id


def cancel(desk: Desk, registration_id: str, reason: str) -> str:
    """Withdraw a registration made in error: a cancellation report goes to the police, the records stay."""
    from hotel_desk import store

    return store.cancel_registration(_db(desk), registration_id, actor=actor(desk), note=reason,
                                     clock=desk.clock).report_id


def registration_entry(desk: Desk, registration_id: str) -> GuestEntry:
    from hotel_desk import store

    detail = store.registration_detail(_db(desk), registration_id, actor=actor(desk), purpose="correction",
                                       clock=desk.clock)
    g, d, s = detail.guest, detail.document, detail.stay
    return GuestEntry(
        surname_en=g["surname_en"], given_names_en=g["given_names_en"], chinese_name=g["chinese_name"],
        sex=g["sex"], birth_date=g["birth_date"], nationality=g["nationality"], document_type=d["kind"],
        document_number=d["document_number"], document_expiry=d["expiry_date"],
        issuing_state=d["issuing_state"], visa_type=s["visa_type"], visa_number=s["visa_number"],
        stay_until=s["stay_until"], entry_date=s["entry_date"], port_of_entry=s["port_of_entry"],
        room=s["room"], planned_departure=s["planned_departure"], came_from=s["came_from"],
        going_to=s["going_to"], reason=s["reason"], mrz_lines=tuple(d["mrz"]),
    )


def correct(desk: Desk, registration_id: str, entry: GuestEntry, reason: str) -> str:
    from hotel_desk import store

    before = registration_entry(desk, registration_id)
    changes: dict[str, Any] = {}
    for key in sorted(store.CORRECTABLE_FIELDS):
        if not hasattr(entry, key):
            continue
        new, old = getattr(entry, key), getattr(before, key)
        if new != old and not (new in (None, "") and old in (None, "")):
            changes[key] = new
    if not changes:
        raise ValueError("nothing changed: edit the wrong field first")
    return store.correct_registration(_db(desk), registration_id, changes, actor=actor(desk), note=reason,
                                      clock=desk.clock).report_id


# -- views ------------------------------------------------------------------------------------------------
def in_house(desk: Desk, query: str) -> list[InHouseGuest]:
    from hotel_desk import store

    rows = store.guests_in_house(_db(desk), actor=actor(desk), search=query or None, clock=desk.clock)
    return [
        InHouseGuest(r.registration_id, r.room, r.surname_en, r.given_names_en, r.chinese_name, r.nationality,
                     r.document_number, r.arrival_at, r.planned_departure)
        for r in rows
    ]


#: How far back the Reports page looks for finished reports (open ones are always shown, however old).
RECENT_REPORTS = timedelta(hours=48)


def reports(desk: Desk) -> list[ReportRow]:
    """Every open report, however old, and every report of the last 48 hours, nearest deadline first.

    Two audited listings from the store's report history: the open states (bounded by the queue's size) and
    the recent window (bounded by the (event_time, seq) index)."""
    from hotel_desk import store
    from hotel_desk.store.models import OPEN_STATES

    db = _db(desk)
    who = actor(desk)
    entries = store.report_history(db, actor=who, states=[s.value for s in OPEN_STATES], limit=2000,
                                   clock=desk.clock)
    entries += store.report_history(db, actor=who, since=desk.now() - RECENT_REPORTS, limit=2000,
                                    clock=desk.clock)
    rows: dict[str, ReportRow] = {}
    for e in entries:
        error = "; ".join(_field_error_text(x) for x in e.field_errors) or (e.last_error or "")
        rows[e.report_id] = ReportRow(e.report_id, e.kind, e.state, e.registration_id, e.guest_name or "",
                                      e.room, e.event_time, e.deadline_at, e.receipt_id or "", error, e.attempts)
    far = desk.now() + timedelta(days=3650)
    return sorted(rows.values(), key=lambda r: (not r.open, r.deadline_at or far if r.open else far,
                                                 -(r.event_time or desk.now()).timestamp()))


def save_registration_form(desk: Desk, report_id: str, path: str) -> str:
    """The report's registration form as a PDF, for printing, faxing or handing over (an audited read)."""
    from hotel_desk.fax.fonts import SETTING_FONT, find_fonts
    from hotel_desk.fax.handover import write_form

    fonts = find_fonts(desk.settings.extra.get(SETTING_FONT) or None)
    _report, written = write_form(_db(desk), report_id, path, actor=actor(desk), timezone=desk.settings.timezone,
                                  fonts=fonts, clock=desk.clock)
    return str(written)


def hand_over_in_person(desk: Desk, report_id: str, received_by: str) -> None:
    """The printed form was handed to an officer (home visit, counter): the report waits for its receipt."""
    from hotel_desk.fax.handover import hand_over_in_person as record_hand_over

    record_hand_over(_db(desk), report_id, received_by=received_by, actor=actor(desk), clock=desk.clock)


def _field_error_text(error: dict[str, str]) -> str:
    field = error.get("field", "")
    message = error.get("message", "") or error.get("code", "")
    return f"{field}: {message}" if field else message


def summary(desk: Desk) -> QueueSummary:
    from hotel_desk import store

    data = store.outbox_summary(_db(desk), clock=desk.clock)
    by_state = data.get("by_state", {})
    uploader = desk._uploader
    online = getattr(uploader, "online", None) if uploader is not None else None
    last_error = str(getattr(uploader, "last_error", "") or "") if uploader is not None else ""
    return QueueSummary(pending=int(data.get("open", 0)) - int(by_state.get("rejected", 0)),
                        nearest_deadline=data.get("nearest_deadline"), online=online,
                        needs_correction=int(by_state.get("rejected", 0)), last_error=last_error)


def retry(desk: Desk, report_id: str) -> None:
    """'Send now' on the Reports page: every waiting report goes at once (the selected one among them)."""
    uploader = desk._uploader
    if uploader is None:
        raise RuntimeError("the uploader is not running")
    uploader.send_all_now()


def send_now(desk: Desk) -> None:
    uploader = desk._uploader
    if uploader is not None:
        uploader.wake()


def pause(desk: Desk) -> None:
    uploader = desk._uploader
    if uploader is not None:
        uploader.pause()
