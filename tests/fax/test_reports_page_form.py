"""The hand-over loop on the Reports page, closed in the app: the registration form printed through the
printer dialog (a QPrinter writing a PDF here), faxed through the fax modem set in Settings (the simulated
modem on a pty) or saved as PDF; the report marked as handed over stops counting down and is never overdue;
the police's receipt entered on the page files it. Dialogs are answered by the test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from hotel_desk import store
from hotel_desk.clock import ManualClock
from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry
from tests.ui import conftest as ui_fixtures

SLOW_MS = ui_fixtures.SLOW_MS
# The front-desk app fixtures of tests/ui (a real app on a temporary store, offscreen).
make_desk_app = ui_fixtures.make_desk_app


def _reports_page_with_a_waiting_report(qtbot, desk_app):  # type: ignore[no-untyped-def]
    desk = desk_app.desk
    desk.pause_uploads()  # the report must stay in the queue to be handed over
    registered = desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    window = desk_app.window
    window.show_page("reports")
    page = window.reports
    page.refresh()
    qtbot.waitUntil(lambda: page.row_for(registered.report_id) is not None, timeout=SLOW_MS)
    assert page.select_report(registered.report_id)
    assert page.form_button.isEnabled()
    return page, registered


def _state(desk_app, report_id: str) -> str:  # type: ignore[no-untyped-def]
    return store.get_report(desk_app.desk.db, report_id).state


def test_print_hand_over_and_enter_the_receipt(qtbot, make_desk_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = ManualClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    desk_app = make_desk_app(clock=clock)
    page, registered = _reports_page_with_a_waiting_report(qtbot, desk_app)
    printed = tmp_path / "printed.pdf"

    def printer_dialog(printer: QPrinter) -> bool:  # the receptionist picks "print to file" here
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(page.handover, "ask_printer", printer_dialog)
    monkeypatch.setattr(page.handover, "offer_hand_over", lambda _row, _done: True)
    monkeypatch.setattr(page.handover, "ask_received_by", lambda: "Officer Wang")
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _state(desk_app, registered.report_id) == "handed_over", timeout=SLOW_MS)
    assert printed.read_bytes().startswith(b"%PDF") and printed.stat().st_size > 20_000  # the page, drawn
    qtbot.waitUntil(lambda: "Officer Wang" in page.message.text(), timeout=SLOW_MS)

    # Handed over in time: the clock stopped, the status bar no longer counts it as waiting.
    qtbot.waitUntil(lambda: page.row_for(registered.report_id).state == "handed_over", timeout=SLOW_MS)
    row = page.row_for(registered.report_id)
    index = page.model.index(page.model.rows.index(row), 0)
    assert page.model.data(index) == "Handed over in time"
    desk_app.ctx.refresh_summary()
    qtbot.waitUntil(lambda: desk_app.ctx.summary.awaiting_receipt == 1, timeout=SLOW_MS)
    summary = desk_app.ctx.summary
    assert summary.pending == 0 and summary.nearest_deadline is None
    assert "1 handed over, receipt to enter" in desk_app.window.pending_label.text()
    # The next day it is not overdue: it reached the police in time.
    clock.advance(timedelta(hours=30))
    assert desk_app.desk.summary().overdue == 0
    page.refresh()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) == "Handed over in time", timeout=SLOW_MS)

    # The police's receipt, entered on the page (as `hotel-desk reports confirm` records it), files it.
    assert page.select_report(registered.report_id) and page.receipt_button.isEnabled()
    monkeypatch.setattr(page.handover, "ask_receipt", lambda _row: "JA-2026-0042")
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _state(desk_app, registered.report_id) == "confirmed", timeout=SLOW_MS)
    qtbot.waitUntil(lambda: page.row_for(registered.report_id).state == "confirmed", timeout=SLOW_MS)
    row = page.row_for(registered.report_id)
    assert page.model.state_text(row) == "Filed, police receipt JA-2026-0042"
    assert desk_app.desk.summary().awaiting_receipt == 0
    confirmed = [e for e in store.audit_events(desk_app.desk.db, entity_id=registered.report_id)
                 if e.action == "report.confirmed"]
    assert confirmed and confirmed[-1].actor == "alice"


def test_save_form_then_hand_over(qtbot, make_desk_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app()
    page, registered = _reports_page_with_a_waiting_report(qtbot, desk_app)
    target = tmp_path / "form"  # no suffix: the page adds .pdf
    monkeypatch.setattr(page.handover, "ask_form_path", lambda _row: str(target) + ".pdf")
    monkeypatch.setattr(page.handover, "offer_hand_over", lambda _row, _done: True)
    monkeypatch.setattr(page.handover, "ask_received_by", lambda: "Officer Wang")
    page.save_action.trigger()
    qtbot.waitUntil(lambda: _state(desk_app, registered.report_id) == "handed_over", timeout=SLOW_MS)
    assert (tmp_path / "form.pdf").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "Officer Wang" in page.message.text(), timeout=SLOW_MS)


def test_fax_through_the_modem_set_in_settings(qtbot, make_desk_app, modem_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    modem = modem_factory("success")
    desk_app = make_desk_app()
    desk_app.ctx.settings.extra.update({"fax_port": modem.port, "fax_flow": "none", "fax_number": "021 5555 0110"})
    page, registered = _reports_page_with_a_waiting_report(qtbot, desk_app)
    asked: list[str] = []
    monkeypatch.setattr(page.handover, "ask_fax_number", lambda number: asked.append(number) or number)
    said: list[str] = []
    page.message.show_message = lambda kind, text, **kw: said.append(text)  # type: ignore[method-assign]
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _state(desk_app, registered.report_id) == "handed_over", timeout=SLOW_MS)
    assert asked == ["021 5555 0110"] and len(modem.pages) == 1
    qtbot.waitUntil(lambda: any("page(s) confirmed" in t or "page confirmed" in t for t in said), timeout=SLOW_MS)
    assert any("dialling" in t for t in said)  # the job's progress, as it happened
    report = store.get_report(desk_app.desk.db, registered.report_id)
    assert report.channel == "fax"


def test_a_failed_fax_says_why_in_words_and_changes_nothing(qtbot, make_desk_app, modem_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    modem = modem_factory("busy")
    desk_app = make_desk_app()
    desk_app.ctx.settings.extra.update({"fax_port": modem.port, "fax_flow": "none", "fax_number": "02155550110"})
    page, registered = _reports_page_with_a_waiting_report(qtbot, desk_app)
    monkeypatch.setattr(page.handover, "ask_fax_number", lambda number: number)
    page.fax_form()
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=SLOW_MS)
    assert "busy" in page.message.text() and "unchanged" in page.message.text()
    assert _state(desk_app, registered.report_id) == "queued"


def test_the_fax_modem_is_set_in_settings(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app()
    window = desk_app.window
    window.show_page("settings")
    settings = window.settings_page
    settings.fax_port.setEditText("/dev/ttyACM0")
    settings.fax_number.setText("021 5555 0110")
    settings.fax_flow.setCurrentIndex(settings.fax_flow.findData("none"))
    settings.save()
    qtbot.waitUntil(lambda: desk_app.ctx.settings.extra.get("fax_port") == "/dev/ttyACM0", timeout=SLOW_MS)
    assert desk_app.ctx.settings.extra["fax_number"] == "021 5555 0110"
    assert desk_app.ctx.settings.extra["fax_flow"] == "none"
