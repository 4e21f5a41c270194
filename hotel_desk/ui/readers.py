"""Document readers for the window: keyboard-wedge readers (a Qt event filter from ui/wedge.py), serial passport
readers (devices.serial_reader on its own thread) and the camera (ui/camera.py, on demand).

Every reader ends in a judged devices.reads.ReaderEvent; this module only carries it to the UI thread as the
`read` signal, which the app's composition root (ui/app.py) hands to the Check-in page: it fills the form
exactly as for a scanned page. The devices code itself re-implements nothing here: framing, burst detection
and MRZ checks are the devices package's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from hotel_desk.settings import Settings

log = logging.getLogger(__name__)


class ReaderHub(QObject):
    """Owns the readers for the app's lifetime (the window may be rebuilt when the language changes: the
    wedge filter follows whichever window `window()` returns)."""

    read = Signal(object)  # ReaderEvent, possibly emitted from a reader's thread: delivered queued
    status = Signal(str)

    def __init__(self, settings: Settings, *, today: Callable[[], date], window: Callable[[], QWidget],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: What the readers were started with (the app rebuilds them when Settings change these).
        self.started_with = replace(settings)
        self._today = today
        self._window = window
        self.wedge: Any = None
        self.serial: Any = None

    def restart(self, settings: Settings) -> None:
        """New reader settings saved: stop the readers and start them as now set."""
        self.stop()
        self.settings = settings
        self.start()

    def start(self) -> None:
        settings = self.settings
        self.started_with = replace(settings, extra=dict(settings.extra))
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
            layout = get_keyboard_layout(self.settings.keyboard_layout or "us")
        except (KeyError, ValueError, OSError):
            layout = None
        self.wedge = WedgeReaderFilter(self._window(), layout=layout, today=self._today)
        self.wedge.mrzRead.connect(self.read.emit)
        self.wedge.install()

    def stop(self) -> None:
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
