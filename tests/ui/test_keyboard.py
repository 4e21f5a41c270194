"""The keyboard and the wheel on every screen: Enter presses a focused button, a screen's Ctrl+letter wins over
a text field's own binding, the wheel never changes a closed dropdown it passes over, letters pick coded
choices in Chinese as in English; the scanner folder is watched as soon as Settings are saved."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SLOW_MS
from tests.ui.test_checkin_traps import HARTLEY, focus, read


def _wheel(widget, steps: int = -1) -> None:  # type: ignore[no-untyped-def]
    """The wheel turned over `widget` (negative: towards the user, i.e. scrolling down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_enter_presses_the_focused_register_button(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    read(desk_app, HARTLEY)
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    page.form.set_value("room", "1208")
    focus(qtbot, desk_app, page.form.register_button)
    qtbot.keyClick(page.form.register_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)


def test_enter_checks_out_from_the_focused_button_and_ctrl_e_works_from_search(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry

    desk = desk_app.desk
    registered = desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    window = desk_app.window
    window.show_page("in_house")
    in_house = window.in_house
    qtbot.waitUntil(lambda: in_house.select_registration(registered.registration_id), timeout=SLOW_MS)
    focus(qtbot, desk_app, in_house.search)
    # On Linux a line edit keeps Ctrl+E (end of line) for itself: the screen's shortcut must win.
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier, "\x05")
    QApplication.sendEvent(in_house.search, override)
    assert not override.isAccepted()
    copy = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier, "\x03")
    QApplication.sendEvent(in_house.search, copy)  # copy stays the field's (nothing said about it here)
    qtbot.keyClick(in_house.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: in_house.correction_form.text("surname_en") == "MUELLER", timeout=SLOW_MS)
    in_house.close_correction()

    in_house.ask_check_out()
    assert QApplication.focusWidget() is in_house.confirm_button
    qtbot.keyClick(in_house.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "checked out" in in_house.message.text(), timeout=SLOW_MS)


def test_the_wheel_leaves_closed_dropdowns_alone(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app()
    form = desk_app.window.check_in.form
    read(desk_app, HARTLEY)
    qtbot.waitUntil(lambda: form.text("sex") == "F", timeout=SLOW_MS)
    sex = form.editors["sex"]
    focus(qtbot, desk_app, form.editors["room"])
    _wheel(sex)  # scrolling the page with the pointer over "Female"
    assert form.text("sex") == "F"
    assert sex.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel never gives it the focus either
    focus(qtbot, desk_app, sex)
    _wheel(sex)  # once the receptionist is in the field, the wheel is theirs
    assert form.text("sex") == "X"

    window = desk_app.window
    window.show_page("settings")
    settings = window.settings_page
    before = settings.serial_profile.currentIndex()
    focus(qtbot, desk_app, settings.hotel_name)
    _wheel(settings.serial_profile)
    _wheel(settings.idle_lock_minutes)
    assert settings.serial_profile.currentIndex() == before and settings.idle_lock_minutes.value() == 10


def test_letters_pick_the_sex_in_chinese(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app(language="zh_CN")
    form = desk_app.window.check_in.form
    sex = form.editors["sex"]
    focus(qtbot, desk_app, sex)
    qtbot.keyClick(sex, "m")
    assert form.text("sex") == "M" and sex.currentText() == "男"
    qtbot.keyClick(sex, "f")
    assert sex.currentText() == "女"
    visa = form.editors["visa_type"]
    focus(qtbot, desk_app, visa)
    qtbot.keyClick(visa, "q")
    qtbot.keyClick(visa, "2")
    assert form.text("visa_type") == "Q2"


def test_the_scanner_folder_is_watched_as_soon_as_settings_are_saved(qtbot, make_desk_app, tmp_path,  # type: ignore[no-untyped-def]
                                                                      sample_passport) -> None:
    import shutil

    desk_app = make_desk_app()
    window = desk_app.window
    page = window.check_in
    assert "No scanner folder" in page.scanner_label.text()
    folder = tmp_path / "scans"
    window.show_page("settings")
    settings = window.settings_page
    settings.scanner_folder.setText(str(folder))  # not there yet (a share not mounted)
    settings.save()
    qtbot.waitUntil(lambda: desk_app.ctx.scanner.folder == str(folder), timeout=SLOW_MS)
    assert not desk_app.ctx.scanner.watching and "cannot be read" in page.scanner_label.text()
    folder.mkdir()
    qtbot.waitUntil(lambda: desk_app.ctx.scanner.watching, timeout=SLOW_MS)
    assert page.scanner_label.text().startswith("Watching")
    shutil.copy(sample_passport, folder / "scan_0001.png")  # no restart: the page opens on Check-in
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert window.current_page() == "check_in"

    # In Chinese the label says the same truth (the window is rebuilt in the new language).
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    settings.save()
    qtbot.waitUntil(lambda: desk_app.window.nav.item(0).text() == "入住登记", timeout=SLOW_MS)
    label = desk_app.window.check_in.scanner_label.text()
    assert str(folder) in label and "扫描" in label and "未设置" not in label
