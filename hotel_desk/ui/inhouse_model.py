"""The guests in house as a table: room, name, nationality, document, when they checked in, when they are due
to leave (in red once past the planned departure) and the stay's newest police report (its kind, state and
the time left while it counts down)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import InHouseGuest
from hotel_desk.rules.reports import (
    AWAITING_RECEIPT_STATES,
    FILED_STATES,
    NEEDS_CORRECTION_STATES,
    ReportState,
    counts_down,
)
from hotel_desk.ui import labels, theme

Index = QModelIndex | QPersistentModelIndex


class InHouseModel(QAbstractTableModel):
    def __init__(self, zone: str, parent: Any = None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.guests: list[InHouseGuest] = []
        self._zone = local_zone(zone or None)
        self._now = now  # the desk's clock, for the report column's countdown
        #: Whether a planned departure is past (set by the page from the desk's clock and check-out time).
        self.overdue: Callable[[date | None], bool] = lambda _d: False

    def headers(self) -> list[str]:
        return [self.tr("Room"), self.tr("Guest"), self.tr("Nationality"), self.tr("Document"),
                self.tr("Checked in"), self.tr("Departure"), self.tr("Police report")]

    def set_guests(self, guests: list[InHouseGuest]) -> None:
        self.beginResetModel()
        self.guests = guests
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.guests)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        guest = self.guests[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return guest
        late = index.column() == 5 and self.overdue(guest.planned_departure)
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QColor(theme.ERROR)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6:
            return QColor(report_colour(guest.report_state))
        if role == Qt.ItemDataRole.ToolTipRole and late:
            return self.tr("Past the planned departure and not checked out")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return guest.room
        if column == 1:
            return guest.name
        if column == 2:
            return guest.nationality
        if column == 3:
            return guest.document_number
        if column == 4:
            return _fmt_time(guest.check_in_time, self._zone)
        if column == 5:
            return guest.planned_departure.isoformat() if isinstance(guest.planned_departure, date) else ""
        if column == 6:
            return self.report_text(guest)
        return None

    def report_text(self, guest: InHouseGuest) -> str:
        """The stay's newest report: its kind and state, and the time left while it still counts down."""
        if not guest.report_state:
            return ""
        text = f"{labels.report_kind(guest.report_kind)} · {labels.report_state(guest.report_state)}"
        if counts_down(guest.report_state) and guest.report_deadline is not None and self._now is not None:
            text += " · " + labels.countdown((guest.report_deadline - self._now()).total_seconds())
        return text


def report_colour(state: str) -> str:
    if state in NEEDS_CORRECTION_STATES:
        return theme.ERROR
    if state in FILED_STATES or state in AWAITING_RECEIPT_STATES:
        return theme.OK
    return theme.WARNING if state == ReportState.FAILED_RETRYING else theme.TEXT


def _fmt_time(moment: datetime | None, zone: Any) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""
