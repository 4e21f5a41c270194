"""Readers feed Check-in: a keyboard-wedge reader's burst fills the form (and types nothing into the field
that had focus); a reader's half read asks for another pass."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hotel_desk.documents import format_td3
from tests.ui.conftest import SLOW_MS

LINE1, LINE2 = format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY", given_names="EMMA JANE",
                          document_number="LM4027715", nationality="NZL", birth="880314", sex="F",
                          expiry="330630")


def _reader_return(widget) -> None:  # type: ignore[no-untyped-def]
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


def test_wedge_burst_fills_check_in(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app(wedge=True)
    page = desk_app.window.check_in
    room = page.form.editors["room"]
    desk_app.window.activateWindow()
    room.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is room, timeout=SLOW_MS)
    # A reader types like a very fast keyboard, its line ends as Return keys that carry "\r".
    qtbot.keyClicks(room, LINE1)
    _reader_return(room)
    qtbot.keyClicks(room, LINE2)
    _reader_return(room)
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert page.form.text("document_number") == "LM4027715"
    assert room.text() == ""  # the reader's keystrokes never landed in the room field
    assert page.form.entry().entry_method == "reader"


def test_half_read_asks_for_another_pass(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from hotel_desk.devices.reads import ReaderEvent, ReadOutcome

    page = desk_app.window.check_in
    desk_app.readers.read.emit(ReaderEvent(ReadOutcome.REREAD, (LINE1,), "incomplete", source="serial"))
    qtbot.waitUntil(lambda: page.message.kind == "warning", timeout=SLOW_MS)
    assert "again" in page.message.text()
    assert page.form.text("surname_en") == ""


def test_camera_tab_without_a_camera(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    page.camera_button.setChecked(True)
    assert page.source_stack.currentWidget() is page.camera
    page.camera_button.setChecked(False)
    assert page.source_stack.currentWidget() is page.page_view


def test_scanner_folder_page_opens_on_check_in(qtbot, make_desk_app, tmp_path, sample_passport) -> None:  # type: ignore[no-untyped-def]
    import shutil

    folder = tmp_path / "scans"
    folder.mkdir()
    desk_app = make_desk_app(scanner_folder=str(folder))
    page = desk_app.window.check_in
    assert str(folder) in page.scanner_label.text()
    desk_app.window.show_page("reports")
    shutil.copy(sample_passport, folder / "scan_0001.png")
    qtbot.waitUntil(lambda: page.form.text("surname_en") == "HARTLEY", timeout=SLOW_MS)
    assert desk_app.window.current_page() == "check_in"
    assert page.form.entry().entry_method == "scanner"


def test_corrupt_page_gets_a_clear_message(qtbot, desk_app, dropper, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = desk_app.window.check_in
    page.form.set_value("room", "808")  # what the receptionist typed survives a failed read
    broken = tmp_path / "scan.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n this is not really an image")
    dropper(page.page_view, broken)
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=SLOW_MS)
    assert "not an image" in page.message.text()
    assert page.form.text("room") == "808"
