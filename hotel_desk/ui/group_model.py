"""The members of a group being checked in, as a table: who, their document, the room (typed in the table) and
what the registration gate says about each. The members are the desk's `GroupMember`s (Qt-free); the model only
shows them and takes the rooms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from hotel_desk.desk.groups import GroupMember, MemberVerdict
from hotel_desk.desk.views import latin_name
from hotel_desk.rules import record
from hotel_desk.ui import theme

Index = QModelIndex | QPersistentModelIndex
ROOM_COLUMN = 5


class GroupModel(QAbstractTableModel):
    rooms_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[GroupMember] = []
        self.verdicts: list[MemberVerdict] = []

    def headers(self) -> list[str]:
        return ["#", self.tr("Guest"), self.tr("Nationality"), self.tr("Document"), self.tr("Born"),
                self.tr("Room"), self.tr("Check")]

    # -- changes ----------------------------------------------------------------------------------------------
    def append(self, member: GroupMember) -> int:
        row = len(self.members)
        self.beginInsertRows(QModelIndex(), row, row)
        self.members.append(member)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        """Take a member out; a child listed in their passport goes with them (it has no document of its own)."""
        doomed = {row} | {i for i, m in enumerate(self.members) if m.parent == row}
        self.beginResetModel()
        kept = [(i, m) for i, m in enumerate(self.members) if i not in doomed]
        new_index = {old: new for new, (old, _m) in enumerate(kept)}
        for _old, member in kept:
            if member.parent is not None:
                member.parent = new_index[member.parent]
        self.members = [m for _i, m in kept]
        self.verdicts = []
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.members, self.verdicts = [], []
        self.endResetModel()

    def set_verdicts(self, verdicts: list[MemberVerdict]) -> None:
        self.verdicts = verdicts
        if self.members:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.members) - 1, self.columnCount() - 1))

    def set_room(self, row: int, room: str) -> None:
        self.members[row].entry.room = room.strip()[: record.max_length("room") or 20]
        self.dataChanged.emit(self.index(row, ROOM_COLUMN), self.index(row, ROOM_COLUMN))
        self.rooms_changed.emit()

    # -- Qt model -----------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == ROOM_COLUMN else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != ROOM_COLUMN:
            return False
        self.set_room(index.row(), str(value))
        return True

    def _verdict(self, row: int) -> MemberVerdict | None:
        return self.verdicts[row] if row < len(self.verdicts) else None

    def check_text(self, row: int) -> tuple[str, str]:
        """The member's state in a few words, and its colour."""
        verdict = self._verdict(row)
        if verdict is None:
            return "", theme.MUTED
        v = verdict.verdict
        if v.missing == ("room",) and not v.errors:
            return self.tr("Room needed"), theme.MUTED
        if v.blocked:
            return self.tr("%n problem(s)", "", len(v.errors) + len(v.missing)), theme.ERROR
        if v.warnings:
            return self.tr("%n to check", "", len(v.warnings)), theme.WARNING
        if self.members[row].entry.returning_of:
            return self.tr("Returning guest"), theme.INFO
        return self.tr("Ready"), theme.OK

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        member = self.members[row]
        entry = member.entry
        if role == Qt.ItemDataRole.UserRole:
            return member
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            return QColor(self.check_text(row)[1])
        if role == Qt.ItemDataRole.ToolTipRole and member.parent is not None:
            return self.tr("Listed in the passport of #%1").replace("%1", str(member.parent + 1))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == 0:
            return str(row + 1) + (" ↳" if member.parent is not None else "")
        if column == 1:
            return f"{latin_name(entry.surname_en, entry.given_names_en)} {entry.chinese_name}".strip()
        if column == 2:
            return entry.nationality
        if column == 3:
            return entry.document_number
        if column == 4:
            return entry.birth_date.isoformat() if entry.birth_date else ""
        if column == ROOM_COLUMN:
            return entry.room
        return self.check_text(row)[0]
