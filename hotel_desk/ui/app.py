"""The front-desk app's composition root: settings → the desk (hotel_desk.desk: store, recognizer, uploader,
training intake) → shared context → window, and the readers delivering into the Check-in page.
`main(args)` is what `hotel-desk` / `hotel-desk app` runs.

The window appears before the database is open and long before the OCR stack is imported: the store opens in
a background job and the recognizer is imported on the first page read, so the desk can start typing at once.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from hotel_desk.clock import Clock
from hotel_desk.desk import Desk
from hotel_desk.rules.roles import Permission
from hotel_desk.settings import Settings, load_settings
from hotel_desk.ui import i18n, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.keyboard import DeskKeys
from hotel_desk.ui.main_window import MainWindow, app_icon

if TYPE_CHECKING:
    from hotel_desk.ui.readers import ReaderHub

log = logging.getLogger(__name__)


def _quiet_offscreen_warnings(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform (self-test, screenshots, CI) warns once per window about a feature it lacks;
    # everything else goes to stderr as Qt would print it.
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_quiet_offscreen_warnings)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or [sys.argv[0]]))
    app.setApplicationName("Hotel Desk")
    app.setOrganizationName("hotel_desk")
    app.setWindowIcon(app_icon())
    return app


class MainThreadGarbageCollector(QObject):
    """Python's cyclic garbage collector runs in whichever thread happens to allocate. When it frees a Qt
    object (a closed page's widget, a finished job's signals) inside a worker thread, Qt crashes, at random.
    So while the window lives, automatic collection is off and a timer collects on the GUI thread (Anki does
    the same); reference counting still frees everything that is not in a cycle at once."""

    INTERVAL_MS = 5_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


class DeskApp(QObject):
    """Owns the context and the window; rebuilds the window when the language changes (every label is
    created through tr(), so a fresh window is the simplest complete retranslation)."""

    def __init__(self, desk: Desk, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.desk = desk
        self.language = i18n.install(settings.language)
        theme.apply(ensure_application(), i18n.is_chinese())
        # Before the readers: the keyboard-wedge filter, installed later, sees a reader's keys first.
        self.keys = DeskKeys(self)
        self.keys.install()
        self.ctx = AppContext(desk, settings, parent=self)
        self.window = self._new_window()
        self.readers: ReaderHub | None = None
        self.ctx.scanner.page_ready.connect(self._open_scanned_page)
        self.ctx.settings_saved.connect(self.apply_settings)
        self.garbage = MainThreadGarbageCollector(self)

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_change_requested.connect(self.switch_language)
        window.sign_out_requested.connect(self.sign_out)
        return window

    def start(self, show: bool = True) -> None:
        if show:
            self.window.show()
        self.ctx.start()
        self.ctx.scanner.configure(self.settings.scanner_folder)
        from hotel_desk.ui.readers import ReaderHub

        self.readers = ReaderHub(self.settings, today=self.desk.today, window=lambda: self.window, parent=self)
        self.readers.read.connect(self._deliver_read)
        self.readers.status.connect(self._show_reader_status)
        self.readers.start()

    #: Reader settings the running readers are rebuilt for when they change.
    READER_SETTINGS = ("serial_port", "serial_profile", "serial_baud", "keyboard_layout", "extra")

    def apply_settings(self, new: Settings) -> None:
        """Settings were saved: the scanner folder and the readers follow at once (no restart); the mode and the
        database stay as the desk started with them until the next start."""
        self.ctx.scanner.configure(new.scanner_folder)
        readers = self.readers
        if readers is not None and any(getattr(readers.started_with, key) != getattr(new, key)
                                       for key in self.READER_SETTINGS):
            readers.restart(new)

    # -- readers deliver into the Check-in page of whichever window is current ------------------------------------
    # Only for a staff member who may register (while the desk is locked too: the page waits under the lock
    # screen for them); with nobody signed in, or a liaison, a passport page has nowhere to go.
    def _deliver_read(self, event: object) -> None:
        if not self.ctx.access.role_can(Permission.REGISTER):
            return
        self.window.show_page("check_in")
        self.window.check_in.apply_reader_event(event)

    def _show_reader_status(self, text: str) -> None:
        if text:
            self.window.check_in.read_info.setText(text)

    def _open_scanned_page(self, path: str) -> None:
        if not self.ctx.access.role_can(Permission.REGISTER):
            return
        self.window.show_page("check_in")
        self.window.check_in.read_file(path)

    def switch_language(self, language: str) -> None:
        self.language = i18n.install(language)
        theme.apply(ensure_application(), i18n.is_chinese())
        self.rebuild_window()

    def sign_out(self) -> None:
        """Sign out from the lock screen: a fresh window, so that nothing of the last person's work stays."""
        self.ctx.access.sign_out()
        self.rebuild_window()

    def rebuild_window(self) -> None:
        old = self.window
        geometry = old.saveGeometry()
        page = old.current_page()
        self.window = self._new_window()
        self.window.restoreGeometry(geometry)
        self.window.show_page(page)
        if old.isVisible():
            self.window.show()
        self.window.show_summary(self.ctx.summary)
        old.hide()
        if self.readers is not None and self.readers.wedge is not None:
            self.readers.attach_wedge()
        old.deleteLater()
        self.window.ctx.registrations_changed.emit()

    def shutdown(self) -> None:
        if self.desk.access.session is not None:
            try:
                self.desk.access.sign_out("app_closed")
            except Exception:  # the store may be gone already; closing must not fail on it
                log.exception("recording the sign-out failed")
        self.ctx.stop()
        if self.readers is not None:
            self.readers.stop()
        self.ctx.tasks.wait_all(10_000)
        self.keys.uninstall()
        try:
            self.desk.close()
        except Exception:  # closing must never turn a normal exit into a crash report
            log.exception("closing the desk services failed")
        self.garbage.stop()


def build(settings: Settings | None = None, *, training: bool | None = None, database_url: str | None = None,
          clock: Clock | None = None, start_training_intake: bool = True) -> DeskApp:
    """Everything but `exec()`: used by main(), the self-test, the screenshots and the tests. `training` and
    `database_url` override the settings (the command line's --training and --database)."""
    settings = (settings if settings is not None else load_settings()).override(
        training=training, database_url=database_url)
    ensure_application()
    return DeskApp(Desk(settings, clock=clock, via="app", start_training_intake=start_training_intake), settings)


def main(args: argparse.Namespace | None = None) -> int:
    logging.basicConfig(level=os.environ.get("HOTEL_DESK_LOG", "WARNING"))
    training = getattr(args, "training", None) if args is not None else None
    settings = getattr(args, "settings", None) if args is not None else None
    app = ensure_application()
    desk_app = build(settings, training=training)
    desk_app.start()
    if os.environ.get("HOTEL_DESK_EXIT_WHEN_READY"):
        # For the start-up benchmark: leave as soon as the window has been painted and events flow.
        def ready() -> None:
            names = [n for n in os.environ.get("HOTEL_DESK_REPORT_MODULES", "").split(",") if n]
            print("ready", json.dumps({n: n in sys.modules for n in names}), flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    try:
        return int(app.exec())
    finally:
        desk_app.shutdown()
