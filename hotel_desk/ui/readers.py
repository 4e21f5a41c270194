"""Document readers wired to Check-in: keyboard-wedge readers (a Qt event filter from ui/wedge.py), serial
passport readers (devices.serial_reader on its own thread) and the camera (ui/camera.py, on demand).

Every reader ends in a judged devices.reads.ReaderEvent; this module only carries it to the UI thread and
hands it to the Check-in page, which fills the form exactly as for a scanned page. The devices code itself
is the devices engineer's; nothing here re-implements framing, burst detection or MRZ checks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from hotel_desk.ui.app import DeskApp

log = logging.getLogger(__name__)


class ReaderHub(QObject):
    """Owns the readers for the app's lifetime (the window may be rebuilt when the language changes)."""

    read = Signal(object)  # ReaderEvent, possibly emitted from a reader's thread: delivered queued
    status = Signal(str)

    def __init__(self, desk_app: DeskApp) -> None:
        super().__init__(desk_app)
        self.desk_app = desk_app
        self.wedge: Any = None
        self.serial: Any = None
        self.read.connect(self._deliver)
        self.status.connect(self._show_status)

    def _today(self) -> Any:
        return self.desk_app.desk.today()

    def start(self) -> None:
        settings = self.desk_app.settings
        if settings.extra.get("keyboard_wedge", "on") != "off":
            self.attach_wedge()
        if settings.serial_port:
            try:
                from hotel_desk.devices.serial_reader import SerialReader, SerialSettings

                self.serial = SerialReader(SerialSettings.from_app_settings(settings), self.read.emit,
                                           on_status=lambda s: self.status.emit(str(getattr(s, "message", s))),
                                           today=self._today)
                self.serial.start()
            except Exception as exc:  # a missing or misconfigured reader must not stop the desk
                log.warning("serial reader on %s not started: %s", settings.serial_port, exc)
                self.status.emit(str(exc))

    def attach_wedge(self) -> None:
        """(Re)install the keyboard-wedge filter on the current window."""
        from hotel_desk.devices.wedge import get_keyboard_layout
        from hotel_desk.ui.wedge import WedgeReaderFilter

        if self.wedge is not None:
            self.wedge.uninstall()
        try:
            layout = get_keyboard_layout(self.desk_app.settings.keyboard_layout or "us")
        except (KeyError, ValueError, OSError):
            layout = None
        self.wedge = WedgeReaderFilter(self.desk_app.window, layout=layout, today=self._today)
        self.wedge.mrzRead.connect(self.read.emit)
        self.wedge.install()

    def _deliver(self, event: Any) -> None:
        window = self.desk_app.window
        window.show_page("check_in")
        window.check_in.apply_reader_event(event)

    def _show_status(self, text: str) -> None:
        if text:
            self.desk_app.window.check_in.read_info.setText(text)

    def stop(self) -> None:
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
