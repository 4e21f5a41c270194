"""Check-in never traps the receptionist: a document that prints a wrong check digit is registered as printed
with a manager's approval; a page read while a guest is unfinished asks instead of replacing them, and no room
carries over by accident; fields typed without a read need their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hotel_desk import store
from hotel_desk.devices.reads import ReaderEvent, ReadOutcome
from hotel_desk.documents import format_td3
from hotel_desk.rules.roles import Role
from tests.support.documents import printed_wrong
from tests.support.staff import PASSWORD
from tests.ui.conftest import SLOW_MS

HARTLEY = format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY", given_names="EMMA JANE",
                     document_number="LM4027715", nationality="NZL", birth="880314", sex="F", expiry="330630")
OKAFOR = format_td3(document_code="P<", issuing_state="NGA", surname="OKAFOR", given_names="CHIDI",
                    document_number="A07123456", nationality="NGA", birth="790101", sex="M", expiry="320101")


def read(desk_app, lines) -> None:  # type: ignore[no-untyped-def]
    """A passport reader delivers a zone (as the serial and wedge readers do)."""
    desk_app.readers.read.emit(ReaderEvent(ReadOutcome.ACCEPTED, tuple(lines), "read_ok", source="reader"))


def focus(qtbot, desk_app, widget) -> None:  # type: ignore[no-untyped-def]
    desk_app.window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=SLOW_MS)


def test_a_printed_check_digit_is_registered_as_printed_by_a_manager(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    read(desk_app, printed_wrong(HARTLEY))
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    form = page.form
    assert not form.register_button.isEnabled() and form.override_button.isVisible()
    room = form.editors["room"]
    focus(qtbot, desk_app, room)
    qtbot.keyClicks(room, "1208")
    qtbot.keyClick(room, Qt.Key.Key_Return)  # blocked: the way forward opens instead of a dead end
    qtbot.waitUntil(lambda: page.override_dialog is not None and page.override_dialog.isVisible(), timeout=SLOW_MS)
    dialog = page.override_dialog
    assert dialog.self_approved  # alice is a manager: she approves by registering
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # the first reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    event = store.audit_events(desk_app.desk.db, entity_id=page.last_registered.registration_id)[-1]
    assert event.details["override"]["approved_by"] == "alice"
    assert event.details["override"]["codes"] == ["check_digit.document_number"]
    assert event.details["entry_method"] == "reader"
    assert "as printed" in page.message.text()
    blocked = [e for e in store.audit_events(desk_app.desk.db) if e.action == "registration.check_in_blocked"]
    assert blocked and blocked[-1].details["overridable"] == ["check_digit.document_number"]


def test_a_receptionist_asks_a_manager_to_sign_on_the_spot(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from tests.support.staff import sign_in

    desk_app = make_desk_app()
    desk = desk_app.desk
    desk.staff.add("bob", Role.RECEPTIONIST, PASSWORD)
    sign_in(desk, "bob", Role.RECEPTIONIST)
    page = desk_app.window.check_in
    read(desk_app, printed_wrong(HARTLEY))
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    page.form.set_value("room", "1208")
    page.form.override_button.click()
    qtbot.waitUntil(lambda: page.override_dialog is not None, timeout=SLOW_MS)
    dialog = page.override_dialog
    assert not dialog.self_approved
    qtbot.waitUntil(lambda: dialog.approver.count() == 1, timeout=SLOW_MS)  # the managers who may approve
    dialog.reason.setCurrentIndex(1)
    qtbot.keyClicks(dialog.password, "wrong password")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "wrong" in dialog.status.text(), timeout=SLOW_MS)
    assert dialog.isVisible() and page.last_registered is None  # nothing saved, the dialog stays
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    event = store.audit_events(desk.db, entity_id=page.last_registered.registration_id)[-1]
    assert event.actor == "bob" and event.details["override"]["approved_by"] == "alice"
    assert desk.session.username == "bob"


def test_a_new_page_asks_before_replacing_an_unfinished_guest(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    form = page.form
    read(desk_app, HARTLEY)
    qtbot.waitUntil(lambda: form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    room = form.editors["room"]
    focus(qtbot, desk_app, room)
    qtbot.keyClicks(room, "1208")
    read(desk_app, OKAFOR)  # the next guest's passport, while Hartley is not registered yet
    qtbot.waitUntil(lambda: page.question.isVisible(), timeout=SLOW_MS)
    assert form.text("surname_en") == "HARTLEY" and form.text("room") == "1208"  # nothing replaced
    assert "OKAFOR" in page.question.text.text() and "HARTLEY" in page.question.text.text()
    assert QApplication.focusWidget() is room  # the question does not take the keyboard away
    qtbot.keyClick(room, Qt.Key.Key_Escape)  # keep editing: Okafor waits
    assert not page.question.isVisible() and [i.label for i in page.waiting.items] == ["OKAFOR, CHIDI · A07123456"]
    qtbot.keyClick(room, Qt.Key.Key_Return)  # Hartley registered; Okafor comes up by himself
    qtbot.waitUntil(lambda: form.text("surname_en") == "OKAFOR", timeout=SLOW_MS)
    assert page.last_registered.room == "1208"
    assert form.text("room") == "" and not page.waiting.items  # the room never carries over by accident


def test_park_and_discard_and_same_stay(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    form = page.form
    read(desk_app, HARTLEY)
    qtbot.waitUntil(lambda: form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    form.set_value("room", "1208")
    read(desk_app, OKAFOR)
    qtbot.waitUntil(lambda: page.question.isVisible(), timeout=SLOW_MS)
    page.question.park_button.click()  # Hartley waits with her room; Okafor opens with an empty stay
    assert form.text("surname_en") == "OKAFOR" and form.text("room") == ""
    [parked] = page.waiting.items
    assert parked.label == "HARTLEY, EMMA JANE · 1208"
    page.open_waiting(0)  # Hartley back as she was; Okafor (started) is parked in her place
    assert form.text("surname_en") == "HARTLEY" and form.text("room") == "1208"
    assert [i.label for i in page.waiting.items] == ["OKAFOR, CHIDI · A07123456"]

    read(desk_app, HARTLEY)  # a rescan of the same page: discard the half-done one
    qtbot.waitUntil(lambda: page.question.isVisible(), timeout=SLOW_MS)
    page.question.discard_button.click()
    assert form.text("surname_en") == "HARTLEY" and form.text("room") == ""

    # A family in one room: "same stay" carries the room to the next guest, only when ticked.
    page.same_stay.setChecked(True)
    form.set_value("room", "0812")
    form.request_register()
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: form.text("surname_en") == "OKAFOR", timeout=SLOW_MS)  # the next one waiting
    assert form.text("room") == "0812"


def test_fields_typed_on_check_in_need_their_reason(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    form = page.form
    assert not form.cells["manual_reason"].holder.isVisible()  # nothing typed: nothing to explain
    for key, value in (("surname_en", "MARTIN"), ("given_names_en", "ZOE"), ("sex", "F"),
                       ("birth_date", "1985-01-01"), ("nationality", "CAN"), ("document_number", "ZE000509"),
                       ("document_expiry", "2033-01-14"), ("room", "301")):
        form.set_value(key, value)
    assert form.cells["manual_reason"].holder.isVisible()
    assert not form.can_register()
    form.request_register()
    assert "manual.reason_missing" in [f.code for f in form.finding_lists["manual_reason"].findings]
    form.set_value("manual_reason", "No scanner or reader available")
    assert form.can_register()
    form.request_register()
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    event = store.audit_events(desk_app.desk.db, entity_id=page.last_registered.registration_id)[-1]
    assert event.details["entry_method"] == "manual"
    assert event.details["manual_reason"] == "No scanner or reader available"
