"""Pieces of the In house page that close stays: the check-out time field (an actual time, checked by the one
rule as it is typed), the banner of guests past their planned departure, and a guest's history of stays."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hotel_desk.clock import as_aware, local_zone
from hotel_desk.desk.views import InHouseGuest
from hotel_desk.rules.stays import check_out_problems, parse_clock_time
from hotel_desk.ui import labels, theme
from hotel_desk.ui.form_fields import parse_date

if TYPE_CHECKING:
    from hotel_desk.store import HistoryStay


class CheckoutTime(QLineEdit):
    """When the guest actually left, as 'YYYY-MM-DD HH:MM' (or 'HH:MM' for today): now unless changed, never
    in the future nor before the arrival (hotel_desk.rules.stays)."""

    def __init__(self, now: Callable[[], datetime], zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone or None
        self.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        self.setMaximumWidth(170)

    def reset(self) -> None:
        self._default = self._now().astimezone(local_zone(self._zone)).strftime("%Y-%m-%d %H:%M")
        self.setText(self._default)

    @property
    def is_now(self) -> bool:
        """Left as it was offered: the check-out happens now (to the second, not to the shown minute, which may
        lie before an arrival a few seconds ago)."""
        return self.text().strip() == getattr(self, "_default", None)

    def moment(self) -> datetime | None:
        """The typed time, aware (None when it is not a time)."""
        if self.is_now:
            return self._now()
        text = self.text().strip()
        day_text, _, clock_text = text.rpartition(" ")
        at = parse_clock_time(clock_text)
        if at is None:
            return None
        day = parse_date(day_text) if day_text else self._now().astimezone(local_zone(self._zone)).date()
        if day is None:
            return None
        return as_aware(datetime.combine(day, at), self._zone)

    def problems(self, guests: Sequence[InHouseGuest]) -> list[str]:
        """What stops the check-out of `guests` at the typed time, in the desk's language."""
        at = self.moment()
        if at is None:
            return [self.tr("the check-out time is not YYYY-MM-DD HH:MM")]
        words = {"before_arrival": self.tr("the check-out time is before the arrival of %1"),
                 "in_future": self.tr("the check-out time is in the future"),
                 "no_zone": self.tr("the check-out time has no time zone")}
        said: list[str] = []
        for guest in guests:
            if guest.check_in_time is None:
                continue
            for problem in check_out_problems(at, arrival=guest.check_in_time, now=self._now()):
                text = words[problem.code].replace("%1", guest.room)
                if text not in said:
                    said.append(text)
        return said


class OverdueBanner(QFrame):
    """'N guests are past their planned departure and not checked out' with a button to list only them."""

    show_only = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OverdueBanner")
        self.setStyleSheet(f"#OverdueBanner {{ background: {theme.WARNING_BG}; border: 1px solid {theme.WARNING}55;"
                           " border-radius: 6px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel()
        self.text.setStyleSheet(f"color: {theme.WARNING}; font-weight: 600;")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.button = QPushButton()
        self.button.setCheckable(True)
        self.button.toggled.connect(self._toggled)
        row.addWidget(self.button)
        self.count = 0
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.text.setText(self.tr("%n guest(s) past the planned departure and not checked out. Check them out "
                                  "(at the time they left) or correct the departure date.", "", count))
        self._toggled(self.button.isChecked())
        self.setVisible(count > 0 or self.button.isChecked())

    def _toggled(self, on: bool) -> None:
        self.button.setText(self.tr("Show everyone") if on else self.tr("Show only them"))
        self.show_only.emit(on)


class HistoryCard(QFrame):
    """Every stay of the selected guest's person (returning guests are linked), newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        title_row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("CardTitle")
        title_row.addWidget(self.title, 1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(lambda: self.setVisible(False))
        title_row.addWidget(close)
        layout.addLayout(title_row)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setWordWrap(True)
        layout.addWidget(self.body, 1)

    def show_loading(self, guest: InHouseGuest) -> None:
        self.title.setText(self.tr("Stays of %1").replace("%1", guest.name))
        self.body.setText(self.tr("Loading…"))
        self.setVisible(True)

    def show_stays(self, stays: Sequence[HistoryStay], zone: str) -> None:
        tz = local_zone(zone or None)
        status = {"in_house": self.tr("in house"), "checked_out": self.tr("checked out"),
                  "cancelled": self.tr("cancelled")}
        head = "".join(f"<th align='left'>{h}</th>" for h in (
            self.tr("Arrived"), labels.field_label("room"), self.tr("Left"), labels.field_label("document"),
            self.tr("State")))
        rows = []
        for s in stays:
            left = s.checked_out_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if s.checked_out_at else "—"
            rows.append(f"<tr><td>{s.arrival_at.astimezone(tz):%Y-%m-%d %H:%M}</td><td>{s.room}</td><td>{left}</td>"
                        f"<td>{s.nationality} {s.document_number}</td><td>{status.get(s.status, s.status)}</td></tr>")
        note = self.tr("%n stay(s). Stays are linked when the guest's document or name and date of birth match an "
                       "earlier stay.", "", len(stays))
        self.body.setText(f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>"
                          f"<p style='color:{theme.MUTED}'>{note}</p>")
