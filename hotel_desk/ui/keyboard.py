"""The keyboard and the wheel behave the same on every screen: one event filter on the application.

- **Enter on a focused button presses it.** Qt presses a focused button with Space; Enter only in dialogs. At a
  desk that works by Tab and Enter, a focused "Register" or "Check out now" that ignores Enter is a trap.
- **A screen's Ctrl+letter shortcut wins over a text field's own binding.** On Linux a line edit takes Ctrl+E
  (end of line) and Ctrl+K (delete to the end) for itself, so Ctrl+E did nothing from the In house search box.
  Copy, cut, paste, undo, redo and select-all stay the field's.
- **The wheel never changes a closed dropdown or number box the pointer passes over** while the page scrolls
  (a guest's sex became "Unspecified", a reader's protocol changed). Such a field takes the wheel only once it
  has the focus, and never takes the focus from the wheel; the page scrolls instead.
- **Dropdown lists are styled**: their items get the item delegate that honours the style sheet's padding.
- **Letters pick coded choices in any language**: `CodeComboBox` (the sex, visa and document lists) matches
  what is typed against the item's code first (M, F, X pick 男, 女, 未说明 in Chinese as in English).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTextEdit,
    QToolButton,
    QWidget,
)

#: Ctrl+letter keys a text field keeps for itself (the standard editing keys).
EDITING_KEYS = frozenset({Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X, Qt.Key.Key_Z, Qt.Key.Key_Y})
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
_WHEEL_GUARDED = (QComboBox, QAbstractSpinBox)


class DeskKeys(QObject):
    """Install once per application (`install()`); see the module's docstring for what it does."""

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return _press_focused_button(watched, event)
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if isinstance(watched, _TEXT_FIELDS) and _is_screen_shortcut(event):
                event.ignore()  # not the field's: the shortcut goes to the screen
                return True
            return False
        if kind == QEvent.Type.Wheel and isinstance(watched, _WHEEL_GUARDED) and not watched.hasFocus():
            event.ignore()  # Qt hands an ignored wheel event on to the parents: the page scrolls
            return True
        if kind == QEvent.Type.Polish and isinstance(watched, _WHEEL_GUARDED):
            _guard(watched)
        return False


def _press_focused_button(watched: QObject, event: QKeyEvent) -> bool:
    if event.key() not in ENTER_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    if not isinstance(watched, (QPushButton, QToolButton)) or watched is not QApplication.focusWidget():
        return False
    if not (watched.isEnabled() and watched.isVisible()) or event.isAutoRepeat():
        return False
    watched.click()
    return True


def _is_screen_shortcut(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = Qt.Key(event.key())
    return (modifiers == Qt.KeyboardModifier.ControlModifier and Qt.Key.Key_A <= key <= Qt.Key.Key_Z
            and key not in EDITING_KEYS)


def _guard(widget: QWidget) -> None:
    if widget.property("deskGuarded"):
        return
    widget.setProperty("deskGuarded", True)
    # WheelFocus would let the wheel give the field the focus, and then change it.
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if isinstance(widget, QComboBox):
        widget.setItemDelegate(QStyledItemDelegate(widget))


class CodeComboBox(QComboBox):
    """A dropdown of coded choices (item data = the code: M/F/X, L/M/Z/Q1, passport ...) that a letter picks
    by its code whatever the language of the labels, then, as Qt does, by the label's first letters."""

    #: Letters typed within this many seconds make one search ("Q1"), as Qt's own keyboard search does.
    SEARCH_SECONDS = 1.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._typed_at = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and text and text.isprintable() and not text.isspace() and not self.isEditable():
            now = time.monotonic()
            self._typed = (self._typed if now - self._typed_at < self.SEARCH_SECONDS else "") + text.upper()
            self._typed_at = now
            index = self.code_index(self._typed)
            if index < 0 and len(self._typed) > 1:
                self._typed = text.upper()
                index = self.code_index(self._typed)
            if index >= 0:
                self.setCurrentIndex(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def code_index(self, typed: str) -> int:
        """The first item whose code is `typed`, else whose code starts with it (-1: none)."""
        codes = [str(self.itemData(i) or "").upper() for i in range(self.count())]
        for match in (lambda c: c == typed, lambda c: c.startswith(typed)):
            for index, code in enumerate(codes):
                if code and match(code):
                    return index
        return -1
