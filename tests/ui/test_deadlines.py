"""The deadline is impossible to miss: the status bar counts down to the nearest one, and a warning goes out
once when a report still unaccepted comes within 2 hours of it: the uploader raises the alert (it keeps trying
the unreachable intake), the window shows it in a banner whose "Print the form now" starts the hand-over that
needs no network. Time is a ManualClock: nothing sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotel_desk.clock import ManualClock
from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry
from tests.ui.conftest import SLOW_MS


def test_deadline_countdown_and_two_hour_warning(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    clock = ManualClock(datetime(2026, 11, 22, 2, 0, tzinfo=UTC))
    desk_app = make_desk_app(clock=clock)
    desk = desk_app.desk
    desk.set_training_faults("transient=1")  # every attempt fails: the report stays queued
    registered = desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    window = desk_app.window
    desk_app.ctx.refresh_summary()
    qtbot.waitUntil(lambda: desk_app.ctx.summary.pending == 1, timeout=SLOW_MS)
    assert "1 report waiting" in window.pending_label.text()
    assert "24 h 00 min left" in window.deadline_label.text()
    assert getattr(window, "last_deadline_warning", None) is None

    clock.set(registered.deadline_at - timedelta(hours=1, minutes=30))
    desk_app.ctx.refresh_summary()
    qtbot.waitUntil(lambda: getattr(window, "last_deadline_warning", None) is not None, timeout=SLOW_MS)
    assert "1 h 30 min left" in window.deadline_label.text()
    assert "1 h 30 min left" in window.last_deadline_warning
    banner = window.deadline_banner
    assert banner.isVisible() and banner.report_id == registered.report_id
    assert "print the registration form" in banner.text.text()

    printers: list[object] = []
    window.reports.handover.ask_printer = lambda printer: printers.append(printer) or False  # type: ignore[method-assign]
    banner.print_button.click()
    qtbot.waitUntil(lambda: bool(printers), timeout=SLOW_MS)  # straight to the printer dialog, for this report
    assert window.current_page() == "reports" and window.reports.selected().report_id == registered.report_id
    assert not banner.isVisible()

    window.show_page("reports")
    qtbot.waitUntil(lambda: window.reports.row_for(registered.report_id) is not None, timeout=SLOW_MS)
    row = window.reports.row_for(registered.report_id)
    index = window.reports.model.index(window.reports.model.rows.index(row), 0)
    assert window.reports.model.data(index) == "1 h 30 min left"
