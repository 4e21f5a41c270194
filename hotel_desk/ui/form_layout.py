"""How the registration form lays its fields out: cards of fields two to a row, each label beside its field and
the row's findings right under the row across the whole card (a finding names its field, and the field itself
turns red or amber), so that name, number, room and every finding are on screen together at 1366 x 768; and a
fold for the stay details few guests need."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.documents.model import TravelDocument
from hotel_desk.ui.findings_view import FindingList
from hotel_desk.ui.form_fields import document_texts, make_editor

Editor = QLineEdit | QComboBox
#: Label, field, label, field.
COLUMNS = 4


@dataclass
class FieldCell:
    key: str
    label: QLabel
    editor: Editor
    findings: FindingList  # shown in the row under the field's row
    holder: QWidget  # the editor's place in the grid
    column: int = 0  # left (0) or right (1) field of its row

    def set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.holder.setVisible(visible)
        self.findings.set_allowed(visible)


def make_cell(key: str, label_text: str, *, correction: bool) -> FieldCell:
    editor = make_editor(key, correction=correction)
    editor.setObjectName(f"field_{key}")
    editor.setProperty("review", "false")
    editor.setProperty("severity", "")
    label = QLabel(label_text)
    label.setObjectName("FieldLabel")
    label.setBuddy(editor)
    # Level with the field's text however many findings open under it.
    label.setFixedHeight(editor.sizeHint().height())
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    findings = FindingList()
    findings.setVisible(False)
    editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    minimum = 90
    if isinstance(editor, QComboBox) and editor.count():
        # An untouched list shows its first entry ("(not recorded)") whole, with room for the arrow.
        minimum = max(minimum, editor.fontMetrics().horizontalAdvance(editor.itemText(0)) + 56)
    editor.setMinimumWidth(minimum)
    return FieldCell(key, label, editor, findings, editor)


def card_grid(title: str) -> tuple[QFrame, QGridLayout]:
    card = QFrame()
    card.setObjectName("Card")
    grid = QGridLayout(card)
    grid.setContentsMargins(14, 10, 14, 10)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    heading = QLabel(title)
    heading.setObjectName("CardTitle")
    grid.addWidget(heading, 0, 0, 1, COLUMNS)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return card, grid


def place_rows(grid: QGridLayout, rows: Sequence[Sequence[FieldCell]], first_row: int) -> int:
    """Put `rows` (one or two cells each; one cell spans the row) into the grid; returns the next free row.
    Cells are created in row order, so Tab walks the form as the eye reads it."""
    row = first_row
    for cells in rows:
        for index, cell in enumerate(cells):
            cell.column = index
            grid.addWidget(cell.label, row, index * 2)
            span = COLUMNS - 1 if len(cells) == 1 else 1
            grid.addWidget(cell.holder, row, index * 2 + 1, 1, span)
        # The row's findings (and "did you mean" buttons), as wide as the card: nothing wraps word by word.
        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 2)
        column.setSpacing(3)
        for cell in cells:
            column.addWidget(cell.findings)
            cell.findings.holder = below
        below.setVisible(False)
        grid.addWidget(below, row + 1, 0, 1, COLUMNS)
        row += 2
    return row


def align_label_columns(cells: Iterable[FieldCell]) -> None:
    """The cards one under another share their columns: each label as wide as the widest of its column and each
    field as wide at least as the widest minimum of its column, so every field of a column starts (and the
    next label follows) at the same place in every card."""
    by_column: dict[int, list[FieldCell]] = {}
    for cell in cells:
        by_column.setdefault(cell.column, []).append(cell)
    for column in by_column.values():
        widest = max(cell.label.sizeHint().width() for cell in column)
        field = max(cell.editor.minimumWidth() for cell in column)
        for cell in column:
            cell.label.setMinimumWidth(widest)
            if len(by_column) > 1 and cell.column == 0:
                cell.editor.setMinimumWidth(field)  # a one-field row spans the card: its minimum is its own


class Fold(QToolButton):
    """"More stay details ▸": opens and closes the rows under it."""

    def __init__(self, text: str, cells: Sequence[FieldCell], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Fold")
        self.setText(text)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self._cells = list(cells)
        self.toggled.connect(self._show)
        self._show(False)

    def _show(self, open_: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        for cell in self._cells:
            cell.set_visible(open_)


class FieldAccess:
    """Reading and setting the form's fields by their record key, whatever editor each one has."""

    editors: dict[str, Editor]

    def _fill_document(self, doc: TravelDocument) -> None:
        for key, value in document_texts(doc).items():
            self._put(key, value)

    def _set_text(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        else:
            editor.setEditText(value)

    def _set_combo(self, key: str, value: str) -> None:
        editor = self.editors[key]
        assert isinstance(editor, QComboBox)
        index = editor.findData(value)
        if index >= 0:
            editor.setCurrentIndex(index)

    def _put(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox) and not editor.isEditable():
            self._set_combo(key, value)
        else:
            self._set_text(key, value)

    def _put_blank(self, key: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            editor.clear()
        else:
            editor.setCurrentIndex(0)
            if editor.isEditable():
                editor.setEditText("")

    def text(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        if editor.isEditable():
            return editor.currentText().strip()
        return str(editor.currentData() or "")
