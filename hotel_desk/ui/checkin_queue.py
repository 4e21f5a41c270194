"""Guests waiting at Check-in: a new page never silently replaces an unfinished guest.

When a page is read (scanner folder, reader, camera, a dropped file) while the form holds a guest not yet
registered, the page asks, in a bar above the form, without taking the focus from the field being typed in:

- **Keep editing** (Esc): the new document waits; it opens by itself once this guest is registered;
- **Park this guest** (Alt+P): the unfinished guest waits, with everything typed, and the new one opens;
- **Discard this guest** (Alt+D): the unfinished guest is dropped and the new one opens.

Waiting guests are listed on the page, one click (or Alt+W for the first) away. Each new guest starts with an
empty stay, unless the receptionist ticked "Same stay for the next guest": a room is never carried from one
guest to the next by accident. (Group check-in builds on this: several guests of one stay.)
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hotel_desk.desk.views import DocumentRead, latin_name
from hotel_desk.documents.model import MrzCheck
from hotel_desk.ui.registration_form import FormSnapshot
from hotel_desk.ui.widgets import clear_layout


@dataclass(frozen=True)
class NewDocument:
    """A document read but not opened on the form yet."""

    lines: tuple[str, ...]
    check: MrzCheck
    review: frozenset[str]
    image: bytes | None
    region: tuple[tuple[float, float], ...] | None
    entry_method: str  # how it came in (hotel_desk.rules.record.EntryMethod)
    info: str  # "Read in 1.2 s", "Read by the passport reader"
    read: DocumentRead | None = None

    @property
    def label(self) -> str:
        doc = self.check.document
        if doc is None:
            return ""
        return latin_name(doc.surname, doc.given_names) + (f" · {doc.document_number}" if doc.document_number else "")


@dataclass(frozen=True)
class ParkedGuest:
    """An unfinished guest put aside with everything on the form and the page beside it."""

    snapshot: FormSnapshot
    region: tuple[tuple[float, float], ...] | None
    mrz_text: str
    info: str

    @property
    def label(self) -> str:
        texts = self.snapshot.texts
        name = latin_name(texts.get("surname_en", ""), texts.get("given_names_en", ""))
        # The room the receptionist typed, else the number: what tells two parked guests apart.
        detail = texts.get("room", "") or texts.get("document_number", "")
        return f"{name} · {detail}" if detail else name


Waiting = NewDocument | ParkedGuest


class NewPageBar(QFrame):
    """The question when a page arrives for an unfinished guest."""

    keep = Signal()
    park = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.keep_button = QPushButton(self.tr("Keep editing (Esc)"))
        self.keep_button.clicked.connect(self.keep)
        self.park_button = QPushButton(self.tr("Park this guest (Alt+P)"))
        self.park_button.clicked.connect(self.park)
        self.discard_button = QPushButton(self.tr("Discard this guest (Alt+D)"))
        self.discard_button.clicked.connect(self.discard)
        for button in (self.keep_button, self.park_button, self.discard_button):
            row.addWidget(button)
        self.setVisible(False)

    def ask(self, new: str, unfinished: str) -> None:
        self.text.setText(self.tr("New document read: <b>%1</b>. <b>%2</b> is not registered yet.")
                          .replace("%1", _escape(new)).replace("%2", _escape(unfinished)))
        self.setVisible(True)


class WaitingList(QWidget):
    """The guests waiting at Check-in, each a button that opens it."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Waiting] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self.setVisible(False)

    def add(self, item: Waiting) -> None:
        self.items.append(item)
        self._show()

    def take(self, index: int) -> Waiting:
        item = self.items.pop(index)
        self._show()
        return item

    def _show(self) -> None:
        clear_layout(self._row)
        title = QLabel(self.tr("Waiting (Alt+W):"))
        title.setObjectName("Muted")
        self._row.addWidget(title)
        for index, item in enumerate(self.items):
            parked = isinstance(item, ParkedGuest)
            button = QPushButton(item.label or self.tr("unread page"))
            button.setObjectName("Candidate")
            button.setToolTip(self.tr("Parked: not registered yet. Click to take it up again") if parked
                              else self.tr("Read, not opened yet. Click to open it"))
            button.clicked.connect(lambda _=False, i=index: self.open_requested.emit(i))
            self._row.addWidget(button)
        self._row.addStretch(1)
        self.setVisible(bool(self.items))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
