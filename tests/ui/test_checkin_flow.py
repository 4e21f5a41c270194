"""End to end through the window: a page image dropped on Check-in, the fields filled, Register, the report
queued, the training intake's receipt shown; check-out; a refused upload shown as needing correction."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import SLOW_MS


def _register_sample(qtbot, desk_app, dropper, sample_passport, room="1208"):  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    dropper(page.page_view, sample_passport)
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    form = page.form
    assert form.text("given_names_en") == "EMMA JANE"
    assert form.text("document_number") == "LM4027715"
    assert form.text("nationality") == "NZL"
    assert form.text("birth_date") == "1988-03-14"
    assert page.page_view.has_image()
    assert page.last_read is not None and page.last_read.region
    room_edit = form.editors["room"]
    room_edit.setFocus()
    qtbot.keyClicks(room_edit, room)
    assert form.register_button.isEnabled(), form.blocker.text()
    qtbot.keyClick(room_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    return page.last_registered


def test_drop_register_and_receipt(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    registered = _register_sample(qtbot, desk_app, dropper, sample_passport)
    assert registered.room == "1208"
    assert "1208" in desk_app.window.check_in.message.text()
    # The form is clear for the next guest.
    assert desk_app.window.check_in.form.text("surname_en") == ""
    # Until the next page is read, whatever is typed there is typed by hand.
    assert desk_app.window.check_in.form.entry_method == "manual"
    # A dropped page is a page image read by OCR.
    from hotel_desk.store import audit_events

    event = audit_events(desk_app.desk.db, entity_id=registered.registration_id)[-1]
    assert event.action == "registration.check_in" and event.details["entry_method"] == "scanner"

    window = desk_app.window
    window.show_page("reports")
    reports = window.reports

    def acknowledged() -> bool:
        reports.refresh()
        row = reports.row_for(registered.report_id)
        return row is not None and row.state == "acknowledged" and bool(row.receipt)

    qtbot.waitUntil(acknowledged, timeout=SLOW_MS)
    row = reports.row_for(registered.report_id)
    assert row is not None and row.receipt.startswith("TRN")
    assert reports.select_report(registered.report_id)
    assert row.receipt in reports.detail.text()
    qtbot.waitUntil(lambda: desk_app.ctx.summary.online is True, timeout=SLOW_MS)
    assert "TRAINING" in window.mode_pill.text()


def test_check_out_queues_its_report(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    registered = _register_sample(qtbot, desk_app, dropper, sample_passport, room="305")
    window = desk_app.window
    window.show_page("in_house")
    in_house = window.in_house
    qtbot.waitUntil(lambda: in_house.select_registration(registered.registration_id), timeout=SLOW_MS)
    in_house.ask_check_out()
    assert in_house.confirm_bar.isVisible()
    qtbot.keyClick(in_house.confirm_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "checked out" in in_house.message.text(), timeout=SLOW_MS)
    kinds = {r.kind for r in desk_app.desk.reports() if r.registration_id == registered.registration_id}
    assert kinds == {"check_in", "check_out"}
    qtbot.waitUntil(lambda: not in_house.select_registration(registered.registration_id) and not in_house._loading,
                    timeout=SLOW_MS)


def test_cancel_needs_a_reason_and_queues_a_cancellation(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    registered = _register_sample(qtbot, desk_app, dropper, sample_passport, room="306")
    window = desk_app.window
    window.show_page("in_house")
    in_house = window.in_house
    qtbot.waitUntil(lambda: in_house.select_registration(registered.registration_id), timeout=SLOW_MS)
    qtbot.keyClick(in_house.table, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert in_house.confirm_bar.isVisible() and in_house.cancel_reason.isVisible()
    qtbot.keyClick(in_house.cancel_reason, Qt.Key.Key_Return)  # no reason yet: refused, nothing saved
    assert "why" in in_house.message.text().lower()
    assert {r.kind for r in desk_app.desk.reports() if r.registration_id == registered.registration_id} == {"check_in"}
    qtbot.keyClicks(in_house.cancel_reason, "registered twice by mistake")
    qtbot.keyClick(in_house.cancel_reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cancellation report is queued" in in_house.message.text(), timeout=SLOW_MS)
    kinds = {r.kind for r in desk_app.desk.reports() if r.registration_id == registered.registration_id}
    assert kinds == {"check_in", "cancellation"}
    qtbot.waitUntil(lambda: not in_house.select_registration(registered.registration_id) and not in_house._loading,
                    timeout=SLOW_MS)


def test_refused_upload_shows_needs_correction(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    desk_app.desk.set_training_faults("reject=1")
    registered = _register_sample(qtbot, desk_app, dropper, sample_passport, room="410")
    window = desk_app.window
    window.show_page("reports")
    reports = window.reports

    def refused() -> bool:
        reports.refresh()
        row = reports.row_for(registered.report_id)
        return row is not None and row.state == "rejected"

    qtbot.waitUntil(refused, timeout=SLOW_MS)
    assert reports.select_report(registered.report_id)
    index = reports.model.index(reports.model.rows.index(reports.selected()), 1)
    assert reports.model.data(index) == "Needs correction"
    assert reports.correct_button.isEnabled()
    assert "refused" in reports.detail.text()
    qtbot.waitUntil(lambda: desk_app.ctx.summary.needs_correction >= 1, timeout=SLOW_MS)
    assert "correction" in window.pending_label.text()
    # One keystroke opens the correction with the server's reason beside it.
    qtbot.keyClick(reports.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() == "in_house", timeout=SLOW_MS)
    qtbot.waitUntil(lambda: window.in_house.correction_form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert "refused" in window.in_house.correction_info.text()
    # The desk fixes the record and sends the correction; it is accepted once the intake is happy again.
    desk_app.desk.set_training_faults(None)
    correction = window.in_house.correction_form
    correction.set_value("room", "411")
    correction.set_value("manual_reason", "Wrong field value in the registration")
    correction.request_register()
    qtbot.waitUntil(lambda: "correction report is queued" in window.in_house.message.text(), timeout=SLOW_MS)
    rows = [r for r in desk_app.desk.reports() if r.registration_id == registered.registration_id]
    assert {r.kind for r in rows} == {"check_in", "correction"}
    qtbot.waitUntil(lambda: any(r.kind == "correction" and r.state == "acknowledged"
                                for r in desk_app.desk.reports()), timeout=SLOW_MS)


def test_failed_send_retried_with_send_now(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    desk_app.desk.set_training_faults("transient=1")
    registered = _register_sample(qtbot, desk_app, dropper, sample_passport, room="512")
    window = desk_app.window
    window.show_page("reports")
    reports = window.reports

    def state() -> str:
        reports.refresh()
        row = reports.row_for(registered.report_id)
        return row.state if row else ""

    qtbot.waitUntil(lambda: state() == "failed_retrying", timeout=SLOW_MS)
    assert reports.select_report(registered.report_id)
    assert reports.model.data(reports.model.index(reports.model.rows.index(reports.selected()), 1)) == "Will retry"
    assert reports.retry_button.isEnabled()
    desk_app.desk.set_training_faults(None)
    qtbot.keyClick(reports.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: state() == "acknowledged", timeout=SLOW_MS)


def test_fields_marked_for_review_are_highlighted(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_manual_entry import LINE1, LINE2

    form = desk_app.window.check_in.form
    check = desk_app.desk.check_mrz([LINE1, LINE2])
    form.load_check(check, {"names", "nationality"})
    assert form.editors["surname_en"].property("review") == "true"
    assert form.editors["given_names_en"].property("review") == "true"
    assert form.editors["nationality"].property("review") == "true"
    assert form.editors["document_number"].property("review") == "false"
    # Editing a highlighted field is the receptionist's confirmation: the highlight goes.
    form.editors["nationality"].textEdited.emit("NZL")
    assert form.editors["nationality"].property("review") == "false"
