"""The hand-over loop at the desk: the registration form saved, printed or faxed, handed over in person, and
closed with the police's receipt number, which `hotel-desk reports confirm` records the same way (one path:
`ReportQueue.confirm`). A handed-over report's clock stops at the hand-over (in time when before the deadline);
the receipt files it."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.desk.errors import DeskError
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk


def form_fonts(desk: Desk) -> Any:
    """The fonts the registration form and the export bundle's PDF are drawn with (Settings may name one)."""
    from hotel_desk.fax.fonts import SETTING_FONT, find_fonts

    return find_fonts(desk.settings.extra.get(SETTING_FONT) or None)


def save_form(desk: Desk, report_id: str, path: str | Path) -> tuple[Any, Path]:
    """The report's registration form as PDF (printing) or TIFF (fax): an audited read."""
    from hotel_desk.fax.handover import write_form

    desk.require(Permission.HAND_OVER)
    return write_form(desk.db, report_id, path, actor=desk.actor, timezone=desk.settings.timezone,
                      fonts=form_fonts(desk), clock=desk.clock)


def form_for_printing(desk: Desk, report_id: str) -> bytes:
    """The report's registration form as a PNG page at print resolution (200 dpi, A4), for the window to
    print through the system's printer dialog: an audited read."""
    from hotel_desk.fax.form import PDF_DPI
    from hotel_desk.fax.handover import load_form

    desk.require(Permission.HAND_OVER)
    _report, form = load_form(desk.db, report_id, actor=desk.actor, purpose="registration form to the printer",
                              timezone=desk.settings.timezone, fonts=form_fonts(desk), clock=desk.clock)
    out = io.BytesIO()
    form.print_page.save(out, format="PNG", dpi=(PDF_DPI, PDF_DPI))
    return out.getvalue()


def hand_over_in_person(desk: Desk, report_id: str, received_by: str, note: str = "") -> Any:
    """The printed form was handed to an officer (home visit, counter): the report waits for its receipt."""
    from hotel_desk.fax.handover import hand_over_in_person as record

    desk.require(Permission.HAND_OVER)
    return record(desk.db, report_id, received_by=received_by, note=note, actor=desk.actor, clock=desk.clock)


def fax(desk: Desk, report_id: str, *, port: str, number: str, baud: int, local_id: str = "", flow: str = "rtscts",
        timeouts: Any = None, on_progress: Callable[[str], None] | None = None) -> Any:
    """Fax the report's form through a Class 2.0 modem; handed over only once every page is confirmed."""
    from hotel_desk.fax.handover import fax_report

    desk.require(Permission.HAND_OVER)
    return fax_report(desk.db, report_id, port=port, number=number, actor=desk.actor, baud=baud,
                      local_id=local_id or desk.settings.extra.get("fax_local_id", ""), flow=flow,
                      timezone=desk.settings.timezone, timeouts=timeouts, fonts=form_fonts(desk), clock=desk.clock,
                      on_progress=on_progress)


def enter_receipt(desk: Desk, report_id: str, receipt: str) -> None:
    """The police's receipt number for a handed-over report, typed at the desk: recorded exactly as
    `hotel-desk reports confirm --report ID --receipt NUMBER` records it. DeskError when it cannot be."""
    receipt = " ".join(receipt.split())
    if not receipt:
        raise DeskError("no_receipt", "type the receipt number the police gave")
    problems = desk.queue.confirm([report_id], receipt, raw_answer=json.dumps({"receipt_number": receipt}))
    if problems:
        raise DeskError("receipt_refused", problems[0][1])
