"""Small building blocks the pages share: page header, card, message line, a page's keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.ui import theme


def shortcut(keys: QKeySequence | QKeySequence.StandardKey | str, page: QWidget, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut that works while `page` (or anything on it) has the focus."""
    result = QShortcut(QKeySequence(keys), page)
    result.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    result.activated.connect(slot)
    return result


def clear_layout(layout: QLayout, *, keep: QWidget | None = None) -> None:
    """Take every widget out of `layout` and delete it once Qt is done with it (all but `keep`)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None and widget is not keep:
            widget.deleteLater()


#: The page header's height: the title, its hint and, beside them, the message line (up to three lines).
HEADER_HEIGHT = 76


def page_frame(page: QWidget, title: str, hint: str) -> tuple[QVBoxLayout, MessageLine]:
    """Every page's frame: its title and hint with the message line beside them, and the layout for the rest.
    The message sits in a space the header always keeps, so a message coming or going never moves the page
    (a receptionist's next click lands where it was aimed)."""
    page.setObjectName("Page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(24, 12, 24, 12)
    outer.setSpacing(8)
    header = QWidget()
    header.setFixedHeight(HEADER_HEIGHT)
    row = QHBoxLayout(header)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(16)
    row.addWidget(page_header(title, hint), 5)
    message = MessageLine()
    message.setMaximumHeight(HEADER_HEIGHT)
    policy = message.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    message.setSizePolicy(policy)
    row.addWidget(message, 4, Qt.AlignmentFlag.AlignVCenter)
    outer.addWidget(header)
    return outer, message


def page_header(title: str, hint: str) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(2)
    heading = QLabel(title)
    heading.setObjectName("PageTitle")
    layout.addWidget(heading)
    if hint:
        sub = QLabel(hint)
        sub.setObjectName("PageHint")
        sub.setWordWrap(True)
        layout.addWidget(sub)
    layout.addStretch(1)
    return box


def card(title: str = "") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    if title:
        heading = QLabel(title)
        heading.setObjectName("CardTitle")
        layout.addWidget(heading)
    return frame, layout


class MessageLine(QLabel):
    """A one-line outcome message ('Registered: room 1208, report queued'), coloured by kind; fades after a
    while for successes, stays for errors until the next action."""

    COLOURS: ClassVar[dict[str, tuple[str, str]]] = {
        "ok": (theme.OK, theme.OK_BG),
        "error": (theme.ERROR, theme.ERROR_BG),
        "warning": (theme.WARNING, theme.WARNING_BG),
        "info": (theme.INFO, theme.INFO_BG),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.setVisible(False)

    def show_message(self, kind: str, text: str, *, sticky: bool | None = None) -> None:
        fg, bg = self.COLOURS.get(kind, self.COLOURS["info"])
        self.kind = kind
        self.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 6px; padding: 6px 10px;"
                           f" border: 1px solid {fg}33;")
        self.setText(text)
        self.setToolTip(text)  # a long message is whole on hover when the header cuts it
        self.setVisible(True)
        self._timer.stop()
        if not (sticky if sticky is not None else kind == "error"):
            self._timer.start(12000)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setVisible(False)


class FittedMonoLabel(QLabel):
    """MRZ lines shown whole: the monospace font shrinks (down to a floor) until the longest line fits."""

    def __init__(self, parent: QWidget | None = None, max_point_size: float = 11.0, min_point_size: float = 7.0) -> None:
        super().__init__(parent)
        self._max = max_point_size
        self._min = min_point_size
        self.setFont(theme.mono_font(max_point_size))

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        from PySide6.QtGui import QFontMetricsF

        lines = self.text().split("\n")
        available = self.contentsRect().width() - 20  # the stylesheet's padding
        if not lines or available <= 0:
            return
        font = theme.mono_font(self._max)
        widest = max(QFontMetricsF(font).horizontalAdvance(line) for line in lines)
        size = self._max if widest <= available else max(self._min, self._max * available / widest)
        if abs(self.font().pointSizeF() - size) > 0.05:
            self.setFont(theme.mono_font(size))


def align_form_labels(forms: list[QFormLayout]) -> None:
    """One label column for several forms (cards one under another): every label as wide as the widest, so the
    fields of all cards start at the same place."""
    labels = [item.widget() for form in forms for row in range(form.rowCount())
              if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and item.widget()]
    widest = max((label.sizeHint().width() for label in labels if label is not None), default=0)
    for label in labels:
        if label is not None:
            label.setMinimumWidth(widest)
