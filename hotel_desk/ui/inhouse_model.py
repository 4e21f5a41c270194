"""The guests in house as a table: room, name, nationality, document, when they checked in and when they are
due to leave (in red once past the planned departure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import InHouseGuest
from hotel_desk.ui import theme

Index = QModelIndex | QPersistentModelIndex


class InHouseModel(QAbstractTableModel):
    def __init__(self, zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.guests: list[InHouseGuest] = []
        self._zone = local_zone(zone or None)
        #: Whether a planned departure is past (set by the page from the desk's clock and check-out time).
        self.overdue: Callable[[date | None], bool] = lambda _d: False

    def headers(self) -> list[str]:
        return [self.tr("Room"), self.tr("Guest"), self.tr("Nationality"), self.tr("Document"),
                self.tr("Checked in"), self.tr("Departure")]

    def set_guests(self, guests: list[InHouseGuest]) -> None:
        self.beginResetModel()
        self.guests = guests
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.guests)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

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
        return None


def _fmt_time(moment: datetime | None, zone: Any) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""
