"""How many keys the desk's everyday flows take, measured by counting every key the test presses (a shortcut
such as Ctrl+E is one key press; a typed character is one). The numbers are in docs/app.md ("Keystrokes");
these tests keep them from growing unnoticed."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hotel_desk.rules.roles import Role
from tests.support.documents import printed_wrong
from tests.support.staff import PASSWORD
from tests.ui.conftest import SLOW_MS
from tests.ui.test_checkin_traps import HARTLEY, read
from tests.ui.test_manual_entry import LINE1, LINE2

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class Keys:
    """Presses keys where the keyboard focus is, as a receptionist does, and counts them."""

    def __init__(self, qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.count = 0
        desk_app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=SLOW_MS)

    def focus(self):  # type: ignore[no-untyped-def]
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifiers)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClick(self.focus(), char)
            self.count += 1


def test_a_clean_scan_takes_five_keys(qtbot, make_desk_app, tmp_path: Path, sample_passport: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "scans"
    folder.mkdir()
    desk_app = make_desk_app(scanner_folder=str(folder))
    page = desk_app.window.check_in
    keys = Keys(qtbot, desk_app)
    shutil.copy(sample_passport, folder / "scan_0001.png")  # the scanner saves the page: no key
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert keys.focus() is page.form.editors["room"]
    keys.type("1208")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    assert keys.count == 5


def test_a_printed_check_digit_error_takes_seven_keys_for_a_manager(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app()
    page = desk_app.window.check_in
    keys = Keys(qtbot, desk_app)
    read(desk_app, printed_wrong(HARTLEY))  # the reader (or the scanner) delivers the zone: no key
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    keys.type("1208")
    keys.press(Qt.Key.Key_Return)  # blocked only by what may be registered as printed: the dialog
    qtbot.waitUntil(lambda: page.override_dialog is not None and page.override_dialog.isVisible(), timeout=SLOW_MS)
    qtbot.waitUntil(lambda: keys.focus() is page.override_dialog.reason, timeout=SLOW_MS)
    keys.press(Qt.Key.Key_Down)  # the reason
    keys.press(Qt.Key.Key_Return)  # registered as printed
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    assert keys.count == 7


def test_a_printed_check_digit_error_with_a_manager_signing_for_a_receptionist(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from tests.support.staff import sign_in

    desk_app = make_desk_app()
    desk_app.desk.staff.add("bob", Role.RECEPTIONIST, PASSWORD)
    sign_in(desk_app.desk, "bob", Role.RECEPTIONIST)
    page = desk_app.window.check_in
    keys = Keys(qtbot, desk_app)
    read(desk_app, printed_wrong(HARTLEY))
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    keys.type("1208")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.override_dialog is not None and page.override_dialog.isVisible(), timeout=SLOW_MS)
    dialog = page.override_dialog
    qtbot.waitUntil(lambda: dialog.approver.count() == 1, timeout=SLOW_MS)  # the manager, chosen already
    qtbot.waitUntil(lambda: keys.focus() is dialog.reason, timeout=SLOW_MS)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.password
    keys.type(PASSWORD)  # the manager's own keys
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    assert keys.count - len(PASSWORD) == 9


def test_a_typed_mrz(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    window = desk_app.window
    keys = Keys(qtbot, desk_app)
    window.check_in.form.editors["room"].setFocus()
    qtbot.waitUntil(lambda: keys.focus() is window.check_in.form.editors["room"], timeout=SLOW_MS)
    keys.press(Qt.Key.Key_2, CTRL)  # Manual entry, the MRZ box focused
    page = window.manual
    assert keys.focus() is page.mrz_input
    keys.type("P<NZLHARTLEY  EMMA JANE")  # two spaces: '<<'
    keys.press(Qt.Key.Key_Return)  # the line's fillers typed by the desk
    keys.type(LINE2[:28])
    keys.press(Qt.Key.Key_Return)  # fillers up to the composite digit
    keys.type(LINE2[43])
    keys.press(Qt.Key.Key_Return)  # on to the room
    assert page.mrz_input.lines() == [LINE1, LINE2]
    assert keys.focus() is page.mrz_form.editors["room"]
    keys.type("1208")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    assert keys.count == 61  # of which 52 the zone's own characters (88 without the fillers typed for you)


def _in_house_with_a_guest(qtbot, desk_app):  # type: ignore[no-untyped-def]
    from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry

    desk = desk_app.desk
    desk.register(demo_entry(desk, DEMO_GUESTS[1]))  # someone else, so that the search has to find her
    return desk.register(demo_entry(desk, DEMO_GUESTS[0]))  # MUELLER, room 1208


def test_a_check_out(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    registered = _in_house_with_a_guest(qtbot, desk_app)
    window = desk_app.window
    keys = Keys(qtbot, desk_app)
    window.check_in.form.editors["room"].setFocus()
    keys.press(Qt.Key.Key_3, CTRL)  # In house, the search box focused
    in_house = window.in_house
    assert keys.focus() is in_house.search
    keys.type("1208")
    qtbot.waitUntil(lambda: in_house.model.rowCount() == 1 and in_house.selected() is not None, timeout=SLOW_MS)
    keys.press(Qt.Key.Key_O, CTRL | SHIFT)
    assert keys.focus() is in_house.confirm_button
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "checked out" in in_house.message.text(), timeout=SLOW_MS)
    kinds = {r.kind for r in desk_app.desk.reports() if r.registration_id == registered.registration_id}
    assert kinds == {"check_in", "check_out"}
    assert keys.count == 7


def test_a_correction(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    registered = _in_house_with_a_guest(qtbot, desk_app)
    window = desk_app.window
    keys = Keys(qtbot, desk_app)
    window.check_in.form.editors["room"].setFocus()
    keys.press(Qt.Key.Key_3, CTRL)
    in_house = window.in_house
    keys.type("1208")
    qtbot.waitUntil(lambda: in_house.model.rowCount() == 1 and in_house.selected() is not None, timeout=SLOW_MS)
    keys.press(Qt.Key.Key_E, CTRL)  # the correction, the surname focused
    form = in_house.correction_form
    qtbot.waitUntil(lambda: form.text("surname_en") == "MUELLER", timeout=SLOW_MS)
    assert keys.focus() is form.editors["surname_en"]
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("MULLER")  # the name as the guest spells it on the page
    keys.press(Qt.Key.Key_Tab, SHIFT)  # back to the reason (the row above)
    keys.press(Qt.Key.Key_Down)  # "Wrong field value in the registration"
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "correction report is queued" in in_house.message.text(), timeout=SLOW_MS)
    kinds = {r.kind for r in desk_app.desk.reports() if r.registration_id == registered.registration_id}
    assert kinds == {"check_in", "correction"}
    assert keys.count == 1 + 4 + 1 + 1 + 6 + 1 + 1 + 1  # 16
