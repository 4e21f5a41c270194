"""Manual entry: typed MRZ lines get live per-field check-digit feedback, and the finding shows on the field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hotel_desk.documents import format_td3
from tests.ui.conftest import SLOW_MS

LINE1, LINE2 = format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY", given_names="EMMA JANE",
                          document_number="LM4027715", nationality="NZL", birth="880314", sex="F",
                          expiry="330630")


def _wrong_document_check_digit(line2: str) -> str:
    printed = line2[9]
    wrong = "0" if printed != "0" else "1"
    return line2[:9] + wrong + line2[10:]


def test_wrong_check_digit_shows_on_its_field(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    window = desk_app.window
    window.show_page("manual")
    page = window.manual
    page.mrz_input.setFocus()
    qtbot.keyClicks(page.mrz_input, LINE1)
    qtbot.keyClick(page.mrz_input, Qt.Key.Key_Return)
    qtbot.keyClicks(page.mrz_input, _wrong_document_check_digit(LINE2))
    form = page.mrz_form
    qtbot.waitUntil(lambda: form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    codes = [f.code for f in form.finding_lists["document_number"].findings]
    assert any(code.startswith("check_digit") for code in codes), codes
    assert form.finding_lists["document_number"].isVisible()
    assert form.editors["document_number"].property("severity") == "error"
    assert page.check_digits.rows["document_number"].property("status") == "fail"
    assert page.check_digits.rows["birth_date"].property("status") == "ok"
    assert not form.register_button.isEnabled()


def test_feedback_while_typing_and_one_click_fix(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.manual
    desk_app.window.show_page("manual")
    # Half the second line typed: the document number is checked already, the rest is pending.
    page.set_mrz_text(LINE1 + "\n" + LINE2[:12])
    assert page.check_digits.rows["document_number"].property("status") == "ok"
    assert page.check_digits.rows["expiry_date"].property("status") == "pending"
    # An OCR-style confusion (O for 0) in the number: a candidate offers the fix in one click.
    page.set_mrz_text(LINE1 + "\n" + LINE2.replace("LM40277157", "LM4O277157"))
    form = page.mrz_form
    buttons = form.finding_lists["document_number"].findChildren(type(form.register_button), "Candidate")
    assert buttons, "no correction candidate offered on the document number"
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.text("document_number") == "LM4027715", timeout=SLOW_MS)
    assert page.check_digits.rows["document_number"].property("status") == "ok"


def test_no_mrz_needs_a_reason(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.manual
    page.tabs.setCurrentIndex(1)
    form = page.fields_form
    for key, value in {"surname_en": "ZHANG", "given_names_en": "WEI", "document_number": "H12345678",
                       "nationality": "CHN", "birth_date": "1990-01-02", "document_expiry": "2030-01-01",
                       "room": "201"}.items():
        form.set_value(key, value)
    form.set_value("document_type", "hk_macao_permit")
    form.request_register()
    assert not form.register_button.isEnabled()
    # A typed document has no sex until the receptionist picks one: nothing is pre-set to be saved unnoticed.
    assert any(f.code == "manual.field_missing" and f.field == "sex" for f in form.all_findings())
    form.set_value("sex", "M")
    assert "manual_reason" in [f.field for f in form.all_findings() if f.severity.value == "error"] or \
        any(f.code == "manual.reason_missing" for f in form.all_findings())
    form.set_value("manual_reason", "The document has no machine-readable zone")
    page._manual_check()
    assert not any(f.code == "manual.reason_missing" for f in form.all_findings())
    # A Hong Kong resident is registered with the Chinese name (the registration gate's rule).
    assert [f.code for f in form.all_findings() if f.severity.value == "error"] == ["chinese_name.missing"]
    form.set_value("chinese_name", "张伟")
    errors = [f for f in form.all_findings() if f.severity.value == "error"]
    assert errors == [], errors
    form.request_register()
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    # The method and the reason are kept on the document and in the registration's audit event.
    from hotel_desk.store import audit_events, registration_detail

    events = audit_events(desk_app.desk.db, action_prefix="registration.check_in")
    details = events[0].details
    assert details["entry_method"] == "manual"
    assert details["manual_reason"] == "The document has no machine-readable zone"
    assert not any(code.startswith("manual:") for code in details["accepted_warnings"])
    document = registration_detail(desk_app.desk.db, page.last_registered.registration_id,
                                   actor="test").document
    assert (document["entry_method"], document["manual_reason"]) == (
        "manual", "The document has no machine-readable zone")


def test_warning_needs_explicit_acceptance(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    today = desk_app.desk.today()
    expiry = today + timedelta(days=1)
    line1, line2 = format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY", given_names="EMMA JANE",
                              document_number="LM4027715", nationality="NZL", birth="880314", sex="F",
                              expiry=expiry.strftime("%y%m%d"))
    page = desk_app.window.manual
    desk_app.window.show_page("manual")
    form = page.mrz_form
    form.set_value("room", "220")
    form.set_value("planned_departure", (today + timedelta(days=4)).isoformat())
    page.set_mrz_text(line1 + "\n" + line2)
    warnings = [f for f in form.all_findings() if f.severity.value == "warning"]
    assert warnings, form.all_findings()
    assert form.accept_warnings.isVisible()
    assert not form.register_button.isEnabled()
    form.accept_warnings.setChecked(True)
    assert form.register_button.isEnabled()
    assert form.entry().entry_method == "typed_mrz" and form.entry().manual_reason == ""
    form.request_register()
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    from hotel_desk.store import audit_events

    details = audit_events(desk_app.desk.db, action_prefix="registration.check_in")[0].details
    assert (details["entry_method"], details["manual_reason"]) == ("typed_mrz", None)


def test_stay_limit_before_departure_is_flagged_on_its_field(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    today = desk_app.desk.today()
    page = desk_app.window.manual
    desk_app.window.show_page("manual")
    form = page.mrz_form
    page.set_mrz_text(LINE1 + "\n" + LINE2)
    form.set_value("visa_type", "L")
    form.set_value("planned_departure", (today + timedelta(days=10)).isoformat())
    qtbot.keyClicks(form.editors["stay_until"], (today + timedelta(days=5)).isoformat())  # typing re-checks the stay
    codes = [f.code for f in form.finding_lists["stay_until"].findings]
    assert any(code.startswith("stay.") for code in codes), form.all_findings()


def test_form_findings_come_from_the_catalogue_once_per_field(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from hotel_desk.documents.model import Finding

    page = desk_app.window.manual
    desk_app.window.show_page("manual")
    form = page.mrz_form
    page.set_mrz_text(LINE1 + "\n" + LINE2)
    form.set_value("entry_date", "2026-02-30")
    yesterday = desk_app.desk.today() - timedelta(days=1)
    form.set_value("planned_departure", yesterday.isoformat())
    page._recheck()  # the document core also judges the departure against today's arrival
    findings = form.all_findings()
    assert all(type(f) is Finding for f in findings)
    [bad_date] = form.finding_lists["entry_date"].findings
    assert (bad_date.code, bad_date.field) == ("date.invalid", "entry_date")
    assert bad_date.message("en") == "The date of entry '2026-02-30' is not a real date."
    assert bad_date.message("zh_CN") == "入境日期“2026-02-30”不是有效日期。"
    departure = [f.code for f in form.finding_lists["planned_departure"].findings]
    assert departure == ["stay.departure_before_arrival"]
    # A blank room is said only once Register was tried.
    assert "manual.field_missing" not in [f.code for f in form.finding_lists["room"].findings]
    form.request_register()
    [room] = form.finding_lists["room"].findings
    assert (room.code, room.message("en")) == ("manual.field_missing", "The room number is required.")
    assert not form.register_button.isEnabled()


def test_typing_pads_the_fillers_and_judges_a_line_only_when_complete(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window = desk_app.window
    window.show_page("manual")
    window.activateWindow()
    page = window.manual
    box, form = page.mrz_input, page.mrz_form
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=SLOW_MS)
    qtbot.keyClicks(box, "p<nzlhartley  emma jane")  # lower case and spaces: fixed as typed
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the rest of the line's fillers typed for the receptionist
    assert box.raw_lines()[0] == LINE1
    qtbot.keyClicks(box, LINE2[:12])
    page._recheck()  # (the typing timer's work, done now)
    assert page.check_digits.rows["document_number"].property("status") == "ok"
    # The zone is half typed: nothing on the form is "Must fix" yet.
    from hotel_desk.ui.findings_view import REQUIRED_CODES

    shown = [f for f in form.all_findings() if f.code not in REQUIRED_CODES]  # "fill this in" waits for Enter
    assert not [f for f in shown if f.severity.value == "error"] and not form.general_findings.isVisible()
    qtbot.keyClicks(box, LINE2[12:28])
    qtbot.keyClick(box, Qt.Key.Key_Return)  # fillers up to the composite digit, which is still to type
    assert box.raw_lines()[1] == LINE2[:43]
    qtbot.keyClicks(box, LINE2[43])
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the last line: on to the room
    qtbot.waitUntil(lambda: form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert box.lines() == [LINE1, LINE2]
    assert QApplication.focusWidget() is form.editors["room"]


def test_a_full_passport_line_goes_on_to_the_next_by_itself(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.manual
    desk_app.window.show_page("manual")
    page.mrz_input.setFocus()
    qtbot.keyClicks(page.mrz_input, LINE1 + LINE2[:5])
    assert page.mrz_input.raw_lines() == [LINE1, LINE2[:5]]


def test_zero_and_letter_o_look_different_in_the_zone() -> None:
    from PySide6.QtGui import QFontInfo

    from hotel_desk.ui import theme

    family = QFontInfo(theme.mrz_font()).family()
    assert family in ("DejaVu Sans Mono", "Consolas", "Cascadia Mono"), family  # faces with a marked zero
