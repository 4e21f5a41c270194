"""Keyboard-wedge readers in the check-in window: a Qt event filter around devices.wedge's burst detector.

Usage (UI engineer):

    wedge = WedgeReaderFilter(window, layout=get_keyboard_layout(settings.keyboard_layout))
    wedge.mrzRead.connect(on_reader_event)        # ReaderEvent: ACCEPTED / REVIEW / REREAD
    wedge.install()                               # and wedge.uninstall() when the window closes

Key presses aimed at a widget inside `window` are held back for at most `max_gap_s`: a person's keys are then
replayed to the widget they were meant for (the widget sees them a few milliseconds late, nothing else), a
reader's burst is swallowed and comes out as one `mrzRead` signal. Non-text keys and shortcuts pass at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from hotel_desk.devices.reads import TodayFn
from hotel_desk.devices.wedge import KeyboardLayout, PassThrough, ReaderInput, WedgeBurstDetector

# Keys a reader sends between lines; they are part of a burst but produce no printable text of their own.
_LINE_KEYS = {int(Qt.Key.Key_Return.value): "\r", int(Qt.Key.Key_Enter.value): "\r", int(Qt.Key.Key_Tab.value): "\t"}


@dataclass(frozen=True)
class _HeldKey:
    """Enough of a QKeyEvent to deliver it again later (Qt deletes the original after the filter returns)."""

    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    autorepeat: bool
    count: int
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int

    def rebuild(self) -> QKeyEvent:
        return QKeyEvent(
            QEvent.Type.KeyPress, self.key, self.modifiers, self.native_scan_code, self.native_virtual_key,
            self.native_modifiers, self.text, self.autorepeat, self.count,
        )


class WedgeReaderFilter(QObject):
    """Install on the application; acts on key presses for the focused widget inside `window`."""

    #: hotel_desk.devices.reads.ReaderEvent for every reader burst that looks like an MRZ.
    mrzRead = Signal(object)

    def __init__(
        self,
        window: QWidget,
        *,
        layout: KeyboardLayout | None = None,
        max_gap_s: float = 0.05,
        min_burst_keys: int = 12,
        today: TodayFn | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self.detector: WedgeBurstDetector[_HeldKey] = WedgeBurstDetector(
            layout=layout, max_gap_s=max_gap_s, min_burst_keys=min_burst_keys, today=today
        )
        self._replaying = False
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.settle)

    def set_layout(self, layout: KeyboardLayout) -> None:
        self.detector.layout = layout

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self.settle(force=True)

    # ------------------------------------------------------------------------------------------ filtering
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            if event.type() == QEvent.Type.FocusOut and self.detector.holding:
                self.settle(force=True)  # keys typed just before a click belong to the field they were typed in
            return False
        if not isinstance(obj, QWidget) or obj is not QApplication.focusWidget():
            return False  # the same key, propagating to a parent: already decided
        if not (obj is self._window or self._window.isAncestorOf(obj)):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key_event = event
        text = _LINE_KEYS.get(int(key_event.key()), key_event.text())
        mods = key_event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if not text or (not text.isprintable() and text not in ("\r", "\t")) or mods != Qt.KeyboardModifier.NoModifier:
            # Arrows, function keys, shortcuts: settle what is held first so the order is kept.
            self.settle(force=True)
            return False
        held = _HeldKey(
            obj, key_event.key(), key_event.modifiers(), key_event.text(), key_event.isAutoRepeat(),
            key_event.count(), key_event.nativeScanCode(), key_event.nativeVirtualKey(), key_event.nativeModifiers(),
        )
        self._apply(self.detector.key(text, held, self._clock()))
        self._schedule()
        return True

    def settle(self, force: bool = False) -> None:
        """Deliver or decide what is due now (the timer calls this; tests with their own clock too)."""
        self._apply(self.detector.flush(self._clock(), force=force))
        self._schedule()

    def _schedule(self) -> None:
        due = self.detector.deadline()
        if due is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((due - self._clock()) * 1000) + 1))

    def _apply(self, outputs: list[PassThrough[_HeldKey] | ReaderInput]) -> None:
        for out in outputs:
            if isinstance(out, ReaderInput):
                self.mrzRead.emit(out.event)
                continue
            self._replaying = True
            try:
                for held in out.tokens:
                    if not isValid(held.target):
                        continue  # the field was closed meanwhile: nothing to type into
                    QCoreApplication.sendEvent(held.target, held.rebuild())
            finally:
                self._replaying = False
