"""Handing a report over by fax or in person, through the store's outbox API.

The rule the desk relies on: a report becomes "handed over" only when the hand-over really happened: a fax
the modem reported as delivered (every page confirmed, normal end of call), or a named person at the
sub-station (home visit, counter) who took the paper. A failed fax changes nothing on the report; it is
kept in the audit trail as a `report.fax_failed` event, and the report stays in the uploader's queue.
A handed-over report still waits for the police's receipt number (`hotel-desk reports confirm --report ID
--receipt NUMBER`), as the store's states say: handed_over -> confirmed.

Every form drawn from a report is a read of personal data and is audited as one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.fax.fonts import FormFonts
from hotel_desk.fax.form import RenderedForm, fax_page_data, render_form, save_form, short_hash
from hotel_desk.fax.modem import FaxError, FaxResult, Timeouts, dial_string, send_fax
from hotel_desk.rules.reports import HANDOVER_STATES, ReportState
from hotel_desk.store import (
    Database,
    OutboxReport,
    StateError,
    append_event,
    get_property,
    get_report,
    mark_handed_over,
    record_personal_data_read,
)

#: Audit action for a fax that did not go through (the report is unchanged; the attempt is on record).
FAX_FAILED = "report.fax_failed"
#: Audit action for a fax delivered after the report had meanwhile been filed another way.
FAX_SENT_LATE = "report.fax_sent"


def check_can_hand_over(report: OutboxReport) -> None:
    """Refuse, with what to do instead, a report that must not be faxed or handed over again."""
    state = report.state
    if state in HANDOVER_STATES:
        return
    if state == ReportState.HANDED_OVER.value:
        raise StateError(f"report {report.report_id} was already handed over; when the police give the "
                         f"receipt number: hotel-desk reports confirm --report {report.report_id} --receipt NUMBER")
    if state == ReportState.REJECTED.value:
        raise StateError(f"report {report.report_id} was refused by the intake: correct the registration "
                         "first (the correction is a new report, hand that one over)")
    raise StateError(f"report {report.report_id} is already filed ({state}); nothing to hand over")


def load_form(
    db: Database,
    report_id: str,
    *,
    actor: str,
    purpose: str,
    timezone: str = "Asia/Shanghai",
    fonts: FormFonts | None = None,
    clock: Clock | None = None,
) -> tuple[OutboxReport, RenderedForm]:
    """The report and its form, headed with the hotel's name. Raises NotFound, FontNotFound; audits the read
    once the form exists."""
    report = get_report(db, report_id)
    prop = get_property(db)
    form = render_form(report.payload, payload_sha256=report.payload_sha256, timezone=timezone, fonts=fonts,
                       hotel_name=prop.name if prop is not None else "")
    record_personal_data_read(db, actor=actor, entity_type="report", entity_id=report.report_id,
                              purpose=purpose, what="registration form", clock=clock)
    return report, form


def write_form(
    db: Database,
    report_id: str,
    path: str | Path,
    *,
    actor: str,
    timezone: str = "Asia/Shanghai",
    fonts: FormFonts | None = None,
    clock: Clock | None = None,
) -> tuple[OutboxReport, Path]:
    """Save the registration form as PDF (printing) or TIFF Class F (a fax machine or fax software)."""
    path = Path(path)
    if path.suffix.lower() not in (".pdf", ".tif", ".tiff"):
        raise ValueError(f"{path.name}: the form is written as .pdf (printing) or .tiff (fax)")
    report, form = load_form(db, report_id, actor=actor, purpose=f"registration form to {path.name}",
                             timezone=timezone, fonts=fonts, clock=clock)
    return report, save_form(form, path)


@dataclass(frozen=True)
class FaxOutcome:
    report: OutboxReport  # as it is now
    result: FaxResult
    #: False when the report had been filed another way while the fax was on the line (the uploader got
    #: through): the fax is then on record as an audit event and the report keeps its filed state.
    marked_handed_over: bool = True


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def _record(db: Database, report_id: str, *, action: str, actor: str, details: dict[str, Any],
            clock: Clock | None) -> None:
    with db.write() as session:
        append_event(session, actor=actor, action=action, entity_type="report", entity_id=report_id,
                     at=_now(clock), details=details)


def fax_report(
    db: Database,
    report_id: str,
    *,
    port: str,
    number: str,
    actor: str,
    baud: int = 19200,
    local_id: str = "",
    flow: str = "rtscts",
    timezone: str = "Asia/Shanghai",
    timeouts: Timeouts | None = None,
    fonts: FormFonts | None = None,
    clock: Clock | None = None,
    on_progress: Callable[[str], None] | None = None,
    sender: Callable[..., FaxResult] = send_fax,
) -> FaxOutcome:
    """Fax the registration form of one report to the sub-station. The report becomes handed over (channel
    fax, the modem's result in the note) only after a confirmed transmission. Raises FaxError (report
    unchanged, failure audited), StateError, NotFound, FontNotFound, ValueError (bad number)."""
    dialled = dial_string(number)
    report = get_report(db, report_id)
    check_can_hand_over(report)
    report, form = load_form(db, report_id, actor=actor, purpose=f"fax to {dialled}", timezone=timezone,
                             fonts=fonts, clock=clock)
    pages: Sequence[bytes] = [fax_page_data(form)]
    try:
        result = sender(port, dialled, pages, baud=baud, local_id=local_id, flow=flow, timeouts=timeouts,
                        on_progress=on_progress)
    except FaxError as exc:
        _record(db, report_id, action=FAX_FAILED, actor=actor, clock=clock, details={
            "channel": "fax", "number": dialled, "port": port, "error": exc.code,
            "hangup_code": exc.hangup_code, "message": str(exc)[:500],
            "payload_sha256": report.payload_sha256})
        raise
    note = f"{result.summary()}; form of payload {short_hash(report.payload_sha256)}"
    try:
        after = mark_handed_over(db, report_id, channel="fax", actor=actor, note=note, clock=clock)
    except StateError:
        # Filed by the uploader while the fax was on the line: both reached the police (the payload is the
        # same record); keep the fax on record without touching the report's state.
        _record(db, report_id, action=FAX_SENT_LATE, actor=actor, clock=clock, details={
            "channel": "fax", "number": dialled, "note": note})
        return FaxOutcome(report=get_report(db, report_id), result=result, marked_handed_over=False)
    return FaxOutcome(report=after, result=result)


def hand_over_in_person(
    db: Database,
    report_id: str,
    *,
    received_by: str,
    actor: str,
    note: str = "",
    clock: Clock | None = None,
) -> OutboxReport:
    """The printed form was handed to an officer (home visit by the sub-station, or at its counter).
    `received_by` names who took it; it goes into the report's attempt log and the audit trail."""
    received_by = " ".join(received_by.split())
    if not received_by:
        raise ValueError("name the person who received the form (the officer's name or number)")
    report = get_report(db, report_id)
    check_can_hand_over(report)
    text = f"handed over in person to {received_by}" + (f"; {note.strip()}" if note.strip() else "")
    return mark_handed_over(db, report_id, channel="manual", actor=actor, note=text[:1000], clock=clock)
