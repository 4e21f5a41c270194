"""Inspection: the police liaison's read-only view of the hotel's record. A timeline of events with guest
names, staff and times; the police's measures per day and per month; the stays whose data differs from what
was sent; the state of the hash chain; and the export bundle for the sub-station. Nothing here changes a
registration. Part A's roles decide who may open it (MainWindow.set_page_enabled)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.rules.reports import LATE_GRADES
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import card, page_frame

if TYPE_CHECKING:
    from hotel_desk.store.inspection import Measures

Index = QModelIndex | QPersistentModelIndex
#: The national lateness grades, as the measures count them (imported from the rules: the window does not load
#: the store's modules at start-up).
GRADES = tuple(name for name, _limit in LATE_GRADES)


class RowsModel(QAbstractTableModel):
    """A read-only table of rows, each turned into cells by `cells`; `colour` may tint a row's text."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[str]],
                 colour: Callable[[Any], str | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Any] = []
        self._cells = cells
        self._colour = colour

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            colour = self._colour(row)
            return QBrush(QColor(colour)) if colour else None
        return None


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _table(model: QAbstractTableModel, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class InspectionPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._zone = local_zone(ctx.settings.timezone or None)
        outer, self.message = page_frame(self, self.tr("Inspection"), self.tr(
            "For the police liaison: who registered whom and when, what was reported in time, what was late or "
            "corrected, and whether the record is intact. Nothing here changes a registration."))

        bar = QHBoxLayout()
        today = ctx.desk.today()
        self.first = QDateEdit(QDate(today.year, today.month, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.guest = QLineEdit()
        self.guest.setPlaceholderText(self.tr("Guest name or room"))
        self.staff = QLineEdit()
        self.staff.setPlaceholderText(self.tr("Staff (user name)"))
        for widget in (QLabel(self.tr("From")), self.first, QLabel(self.tr("to")), self.last, self.guest, self.staff):
            bar.addWidget(widget)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.refresh)
        self.guest.returnPressed.connect(self.refresh)
        self.staff.returnPressed.connect(self.refresh)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setToolTip(self.tr("Check every link of the audit chain, every report and every record "
                                              "against it, and the database's guards"))
        self.verify_button.clicked.connect(self.verify)
        bar.addWidget(self.verify_button)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.setToolTip(self.tr("A ZIP for the sub-station: a PDF summary, every event with names, the "
                                              "measures and the chain head, checkable on any computer"))
        self.export_button.clicked.connect(self.export_bundle)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)

        chain_card, chain = card(self.tr("Audit chain"))
        self.chain_state = QLabel(self.tr("Not verified yet in this session."))
        self.chain_state.setWordWrap(True)
        self.chain_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chain.addWidget(self.chain_state)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        chain.addWidget(self.totals)
        outer.addWidget(chain_card)

        self.tabs = QTabWidget()
        self.timeline_model = RowsModel(
            [self.tr("Time"), self.tr("Staff"), self.tr("What"), self.tr("Guest"), self.tr("Room"), self.tr("Details")],
            lambda e: [e.occurred_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M"), e.actor,
                       labels.audit_action(e.action), e.guest_name, e.room, e.summary])
        self.timeline = _table(self.timeline_model, 5)
        measure_headers = [self.tr("Period"), self.tr("Registrations"), self.tr("Reports"), self.tr("Within 24 h"),
                           *(labels.late_grade(g) for g in GRADES), self.tr("Overdue, not reported"),
                           self.tr("Corrections"), self.tr("Cancellations"), self.tr("Handed over"),
                           self.tr("Blocked check-ins"), self.tr("Suspected errors"), self.tr("Answered")]
        self.days_model = RowsModel(measure_headers, self._measure_cells, self._measure_colour)
        self.months_model = RowsModel(measure_headers, self._measure_cells, self._measure_colour)
        self.differences_model = RowsModel(
            [self.tr("Guest"), self.tr("Room"), self.tr("Fields"), self.tr("As sent"), self.tr("Now"), self.tr("Status")],
            lambda d: [d.guest_name, d.room, ", ".join(d.fields), "; ".join(f"{k}: {d.sent[k]}" for k in d.fields),
                       "; ".join(f"{k}: {d.now[k]}" for k in d.fields),
                       self.tr("correction on its way") if d.status == "waiting" else self.tr("changed without a report")],
            lambda d: theme.WARNING if d.status == "waiting" else theme.ERROR)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(_table(self.days_model, 0), self.tr("Per day"))
        self.tabs.addTab(_table(self.months_model, 0), self.tr("Per month"))
        self.tabs.addTab(_table(self.differences_model, 5), self.tr("Differences"))
        outer.addWidget(self.tabs, 1)
        self._loading = False
        self.data: Any = None

    # -- cells -----------------------------------------------------------------------------------------------
    def _measure_cells(self, m: Measures) -> list[str]:
        share = f"{m.share_in_time:.1%}" if m.share_in_time is not None else "—"
        return [m.period, str(m.registrations), str(m.reports), share, *(str(m.late[g]) for g in GRADES),
                str(m.overdue_unreported), str(m.corrections), str(m.cancellations), str(m.handed_over),
                str(m.counts.get("blocked_check_ins", 0)), str(m.counts.get("suspected_errors", 0)),
                str(m.counts.get("suspected_errors_answered", 0))]

    @staticmethod
    def _measure_colour(m: Measures) -> str | None:
        if m.overdue_unreported or m.late.get(GRADES[-1]):
            return theme.ERROR
        return theme.WARNING if sum(m.late.values()) else None

    # -- loading ---------------------------------------------------------------------------------------------
    def _dates(self) -> tuple[date, date]:
        first, last = _day(self.first), _day(self.last)
        return (first, last) if first <= last else (last, first)

    def refresh(self) -> None:
        if not self.ctx.ready or self._loading or not self.ctx.access.can(Permission.INSPECT):
            return
        self._loading = True
        first, last = self._dates()
        guest, staff = self.guest.text().strip(), self.staff.text().strip()

        def done(data: Any) -> None:
            self._loading = False
            self.show_data(data)

        def failed(error: JobError) -> None:
            self._loading = False
            self.message.show_message("error", self.tr("The inspection could not be loaded: %1").replace(
                "%1", labels.problem_text(error)))

        self.ctx.run(lambda: self.ctx.desk.inspection(first, last, guest=guest, staff=staff), done, failed,
                     label=self.tr("Loading the inspection"), owner=self)

    def show_data(self, data: Any) -> None:
        self.data = data
        self.timeline_model.set_rows(data.timeline)
        self.days_model.set_rows(data.measures.days)
        self.months_model.set_rows(data.measures.months)
        self.differences_model.set_rows(data.differences)
        total = data.measures.total
        share = f"{total.share_in_time:.1%}" if total.share_in_time is not None else "—"
        unreported = sum(1 for d in data.differences if d.status != "waiting")
        self.totals.setText(self.tr("%1 registrations · %2 reported within 24 hours · %3 late · %4 stays differ "
                                    "from what was sent (%5 without a report)")
                            .replace("%1", str(total.registrations)).replace("%2", share)
                            .replace("%3", str(sum(total.late.values()) + total.overdue_unreported))
                            .replace("%4", str(len(data.differences))).replace("%5", str(unreported)))
        self.tabs.setTabText(3, self.tr("Differences (%1)").replace("%1", str(len(data.differences))))
        self.show_chain_state()

    def show_chain_state(self) -> None:
        last = self.ctx.desk.last_audit_check
        if last is None:
            self.chain_state.setText(self.tr("Not verified yet in this session: press Verify the chain."))
            self.chain_state.setStyleSheet("")
            return
        at, check = last
        when = at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
        if check.ok:
            text = self.tr("Verified %1: intact. %2 events, head %3; %4 records and %5 reports match the chain.")
            text = (text.replace("%1", when).replace("%2", str(check.chain.count)).replace("%3", check.chain.head_hash[:16])
                    .replace("%4", str(check.rows_checked)).replace("%5", str(check.reports_checked)))
            colour = theme.OK
        else:
            text = self.tr("Verified %1: NOT intact. First problem: %2").replace("%1", when).replace(
                "%2", check.first_problem)
            colour = theme.ERROR
        self.chain_state.setText(text)
        self.chain_state.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def verify(self) -> None:
        if not self.ctx.ready:
            return
        self.verify_button.setEnabled(False)

        def done(_check: Any) -> None:
            self.verify_button.setEnabled(True)
            self.show_chain_state()

        def failed(error: JobError) -> None:
            self.verify_button.setEnabled(True)
            self.message.show_message("error", self.tr("The chain could not be verified: %1").replace(
                "%1", labels.problem_text(error)))

        self.ctx.run(self.ctx.desk.check_audit_trail, done, failed, label=self.tr("Verifying the audit chain"),
                     owner=self)

    def ask_bundle_path(self) -> str:
        first, last = self._dates()
        suggested = Path.home() / f"audit-{first:%Y%m%d}-{last:%Y%m%d}.zip"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the export bundle"), str(suggested),
                                                    self.tr("Bundle (*.zip)"))
        if path and not path.lower().endswith(".zip"):
            path += ".zip"
        return path

    def export_bundle(self, path: str = "") -> None:
        path = path or self.ask_bundle_path()
        if not path or not self.ctx.ready:
            return
        first, last = self._dates()
        from hotel_desk.desk.inspection import day_range

        start, end = day_range(first, last, self.ctx.settings.timezone)
        self.export_button.setEnabled(False)

        def done(bundle: Any) -> None:
            self.export_button.setEnabled(True)
            self.show_chain_state()
            self.message.show_message("ok", self.tr("Bundle saved: %1 (%2 events, chain head %3). Check it anywhere "
                                                    "with: hotel-desk audit verify-export").replace("%1", str(bundle.path))
                                      .replace("%2", str(bundle.events)).replace("%3", str(bundle.head_seq)))

        def failed(error: JobError) -> None:
            self.export_button.setEnabled(True)
            self.message.show_message("error", self.tr("The bundle could not be saved: %1").replace(
                "%1", labels.problem_text(error)))

        self.ctx.run(lambda: self.ctx.desk.export_bundle(path, start=start, end=end), done, failed,
                     label=self.tr("Exporting the bundle"), owner=self)
