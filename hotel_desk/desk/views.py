"""Plain values the desk takes and gives: what a receptionist confirms, what a page lists. Qt-free, so the
desk layer builds them in a worker thread and the commands print them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from hotel_desk.rules.reports import ReportState, counts_down, is_open


@dataclass
class GuestEntry:
    """Everything the receptionist confirms for one check-in. The record's fields keep the keys of
    hotel_desk.rules.record (the report payload's names); the rest is how the document came in."""

    surname_en: str = ""
    given_names_en: str = ""
    chinese_name: str = ""
    sex: str = "X"
    birth_date: date | None = None
    nationality: str = ""
    document_type: str = "passport"
    document_number: str = ""
    document_expiry: date | None = None
    issuing_state: str = ""
    visa_type: str = ""
    visa_number: str = ""
    stay_until: date | None = None
    entry_date: date | None = None
    port_of_entry: str = ""
    room: str = ""
    planned_departure: date | None = None
    came_from: str = ""
    going_to: str = ""
    reason: str = ""
    mrz_lines: tuple[str, ...] = ()
    manual_reason: str = ""  # why the document was typed by hand (required when there is no MRZ)
    #: How the document's data came in: "scanner" (a page image: scanner folder, opened or dropped file),
    #: "camera", "reader" (serial or keyboard-wedge passport reader), "typed_mrz", "manual"; "" = not known.
    #: The values of hotel_desk.rules.record.EntryMethod.
    entry_method: str = ""
    page_image: bytes | None = None
    accepted_warnings: tuple[str, ...] = ()  # finding codes the receptionist explicitly accepted
    #: Register the document as printed despite an overridable finding (hotel_desk.rules.gate), for this
    #: reason; the desk asks for the approval of a staff member allowed to approve it ("" = no override).
    override_reason: str = ""
    #: A returning guest: the earlier stay the document matched (hotel_desk.rules.matching); the new stay is
    #: linked to its person once the store has checked the match again. "" = not a returning guest.
    returning_of: str = ""


def latin_name(surname: str, given_names: str) -> str:
    """'SURNAME, GIVEN NAMES' as the desk shows a guest (either part may be missing)."""
    return f"{surname}, {given_names}".strip(", ")


@dataclass(frozen=True)
class Registered:
    registration_id: str
    report_id: str
    guest_name: str
    room: str
    deadline_at: datetime


@dataclass(frozen=True)
class InHouseGuest:
    registration_id: str
    room: str
    surname_en: str
    given_names_en: str
    chinese_name: str
    nationality: str
    document_number: str
    check_in_time: datetime | None
    planned_departure: date | None
    #: The stay's newest report (its kind, state and deadline): the In house list's report column.
    report_kind: str = ""
    report_state: str = ""
    report_deadline: datetime | None = None
    group_id: str | None = None  # checked in with a group

    @property
    def name(self) -> str:
        return f"{latin_name(self.surname_en, self.given_names_en)} {self.chinese_name}".strip()


@dataclass(frozen=True)
class ReportRow:
    report_id: str
    kind: str
    state: str
    registration_id: str
    guest_name: str
    room: str
    event_time: datetime | None
    deadline_at: datetime | None
    receipt: str = ""
    error: str = ""  # the server's reason for a refusal, or the last transport error
    attempts: int = 0
    #: When it reached the police (handed over, or acknowledged by the intake); how ("http", "fax", "manual").
    delivered_at: datetime | None = None
    channel: str = ""

    @property
    def open(self) -> bool:
        return is_open(self.state)

    @property
    def counts_down(self) -> bool:
        """Still racing its deadline (hotel_desk.rules.reports.COUNTDOWN_STATES)."""
        return counts_down(self.state)

    def late_by(self) -> timedelta | None:
        """How late it reached the police (None: in time, or not delivered yet)."""
        if self.delivered_at is None or self.deadline_at is None or self.delivered_at <= self.deadline_at:
            return None
        return self.delivered_at - self.deadline_at


@dataclass(frozen=True)
class QueueSummary:
    """What the status bar shows at every moment."""

    pending: int = 0
    nearest_deadline: datetime | None = None
    online: bool | None = None  # None = not known yet
    needs_correction: int = 0
    last_error: str = ""  # the raw words of the link's last failure (support)
    #: Handed over by fax or in person, waiting for the police's receipt number (not counting down).
    awaiting_receipt: int = 0
    #: Why reports do not get through (a code of hotel_desk.desk.link), and when that was last learnt.
    link_problem: str = ""
    link_at: datetime | None = None
    overdue: int = 0


@dataclass(frozen=True)
class DeadlineAlert:
    """A report's deadline came near (or passed) while it is still unsent: raised once per level by the
    uploader (hotel_desk.reporting.metrics.AlertTracker), shown by the window."""

    report_id: str
    level: str  # "due_in_6h", "due_in_2h" or "overdue" (hotel_desk.rules.reports.ALERT_LEVELS)
    deadline_at: datetime


@dataclass(frozen=True)
class DocumentRead:
    """What the recognizer made of a page image, ready for the form."""

    lines: tuple[str, ...]
    review_fields: frozenset[str]
    region: tuple[tuple[float, float], ...] | None  # corners of the MRZ in image pixels
    image_size: tuple[int, int] | None
    image_bytes: bytes | None
    seconds: float
    message: str = ""  # why nothing was read, when nothing was
    extra: dict[str, object] = field(default_factory=dict)


def _field_error_text(error: dict[str, str]) -> str:
    field = error.get("field", "")
    message = error.get("message", "") or error.get("code", "")
    return f"{field}: {message}" if field else message


def _delivered_at(entry: Any) -> datetime | None:
    """When the report reached the police: handed over (fax, in person) or acknowledged by the intake."""
    if entry.handed_over_at is not None:
        return entry.handed_over_at
    return entry.last_attempt_at if entry.state == ReportState.ACKNOWLEDGED else None


def report_rows(history: Iterable[Any], now: datetime) -> list[ReportRow]:
    """The Reports page's rows from the store's report history entries (one row per report, the intake's
    field errors or the last error as its problem; the name and room the report SENT, not the registration
    as a later correction left it): open ones first, nearest deadline first, then the most recent."""
    rows: dict[str, ReportRow] = {}
    for e in history:
        error = "; ".join(_field_error_text(x) for x in e.field_errors) or (e.last_error or "")
        rows[e.report_id] = ReportRow(
            e.report_id, e.kind, e.state, e.registration_id or "", e.sent_name or e.guest_name or "",
            e.sent_room or e.room, e.event_time, e.deadline_at, e.receipt_id or "", error, e.attempts,
            delivered_at=_delivered_at(e), channel=e.channel or "")
    far = now + timedelta(days=3650)
    return sorted(rows.values(), key=lambda r: (not r.open, r.deadline_at or far if r.open else far,
                                                 -(r.event_time or now).timestamp()))
