"""The Reports page's "Registration form (print / fax)…" action: saves the PDF in a background job and
offers "Mark as handed over", reachable from the keyboard (Ctrl+P). Dialogs are answered by the test."""

from __future__ import annotations

from pathlib import Path

from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry
from tests.ui import conftest as ui_fixtures

SLOW_MS = ui_fixtures.SLOW_MS
# The front-desk app fixtures of tests/ui (a real app on a temporary store, offscreen).
make_desk_app = ui_fixtures.make_desk_app


def test_save_form_then_hand_over(qtbot, make_desk_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from hotel_desk import store

    desk_app = make_desk_app()
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

    target = tmp_path / "form"  # no suffix: the page adds .pdf
    monkeypatch.setattr(page, "ask_form_path", lambda _row: str(target) + ".pdf")
    monkeypatch.setattr(page, "offer_hand_over", lambda _row, _path: True)
    monkeypatch.setattr(page, "ask_received_by", lambda: "Officer Wang")
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    def handed_over() -> bool:
        return store.get_report(desk.db, registered.report_id).state == "handed_over"

    qtbot.waitUntil(handed_over, timeout=SLOW_MS)
    assert (tmp_path / "form.pdf").read_bytes().startswith(b"%PDF")
    # The store changes in the job; the page says so when the job's result is back on the GUI thread.
    qtbot.waitUntil(lambda: "Officer Wang" in page.message.text(), timeout=SLOW_MS)
