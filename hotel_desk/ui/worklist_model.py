"""The suspected-error worklist as a table: when each item is due, its state, what the police say about which
field, and the stay it was matched to (or the candidates, or none)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hotel_desk.ui import labels, theme

if TYPE_CHECKING:
    from hotel_desk.store import SuspectedErrorView

Index = QModelIndex | QPersistentModelIndex


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[SuspectedErrorView] = []

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("State"), self.tr("Document"), self.tr("Field"), self.tr("The police say"),
                self.tr("Stay")]

    def set_items(self, items: list[SuspectedErrorView]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def state_text(self, item: SuspectedErrorView) -> str:
        if item.state == "corrected":
            return self.tr("Corrected")
        if item.state == "verified":
            return self.tr("Verified correct")
        return self.tr("Overdue") if item.overdue else self.tr("Open")

    def stay_text(self, item: SuspectedErrorView) -> str:
        if item.matched is not None:
            return self.tr("Room %1 · %2").replace("%1", item.matched.room).replace("%2", item.matched.guest_name)
        if item.candidates:
            return self.tr("%n stays could be meant", "", len(item.candidates))
        return self.tr("No match")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1 and item.state == "open":
                return QColor(theme.ERROR if item.overdue else theme.WARNING)
            if column == 1:
                return QColor(theme.OK)
            if column == 5 and item.matched is None:
                return QColor(theme.WARNING)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return item.problem
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return item.due_on.isoformat() if isinstance(item.due_on, date) else ""
        if column == 1:
            return self.state_text(item)
        if column == 2:
            return f"{item.document_number} {item.nationality}"
        if column == 3:
            return labels.field_label(item.field) if item.field else "—"
        if column == 4:
            return item.problem
        return self.stay_text(item)
