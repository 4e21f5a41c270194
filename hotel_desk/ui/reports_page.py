"""Reports: every police report as it was sent, with its state, receipt and a countdown to its 24-hour deadline
coloured by the time left (until it reached the police: acknowledged, or handed over by fax or in person). Send
waiting reports at once, open the correction for a report the intake refused, and hand a report over: print,
fax or save its form, mark it as handed over, and enter the police's receipt (hotel_desk.ui.handover)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from hotel_desk.clock import Clock, local_zone
from hotel_desk.desk.views import ReportRow
from hotel_desk.rules.reports import (
    AWAITING_RECEIPT_STATES,
    DUE_STATES,
    FILED_STATES,
    HANDOVER_STATES,
    NEEDS_CORRECTION_STATES,
    ReportState,
)
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.handover import HandOver
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import card, page_frame, shortcut

Index = QModelIndex | QPersistentModelIndex


class ReportsModel(QAbstractTableModel):
    COLUMNS = 6

    def __init__(self, clock: Clock, zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ReportRow] = []
        self._clock = clock
        self._zone = local_zone(zone or None)

    def headers(self) -> list[str]:
        return [self.tr("Deadline"), self.tr("State"), self.tr("Report"), self.tr("Guest"), self.tr("Room"),
                self.tr("Event time")]

    def set_rows(self, rows: list[ReportRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def tick(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def seconds_left(self, row: ReportRow) -> float | None:
        """Time left while the report still races its deadline (None once it reached the police)."""
        if row.deadline_at is None or not row.counts_down:
            return None
        return (row.deadline_at - self._clock.now()).total_seconds()

    def deadline_text(self, row: ReportRow) -> str:
        left = self.seconds_left(row)
        if left is not None:
            return labels.countdown(left)
        late = row.late_by()
        if row.state in AWAITING_RECEIPT_STATES:
            return (self.tr("Handed over %1 late").replace("%1", labels.span(late.total_seconds())) if late
                    else self.tr("Handed over in time"))
        if row.state in FILED_STATES:
            return (self.tr("Filed %1 late").replace("%1", labels.span(late.total_seconds())) if late
                    else self.tr("Filed in time"))
        return ""

    def state_text(self, row: ReportRow) -> str:
        if row.state == ReportState.ACKNOWLEDGED and row.receipt:
            return self.tr("Filed, receipt %1").replace("%1", row.receipt)
        if row.state == ReportState.CONFIRMED and row.receipt:
            return self.tr("Filed, police receipt %1").replace("%1", row.receipt)
        if row.state == ReportState.HANDED_OVER:
            return (self.tr("Faxed, waiting for the police receipt") if row.channel == "fax"
                    else self.tr("Handed over, waiting for the police receipt"))
        return labels.report_state(row.state)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.deadline_text(row)
            if column == 1:
                return self.state_text(row)
            if column == 2:
                return labels.report_kind(row.kind)
            if column == 3:
                return row.guest_name
            if column == 4:
                return row.room
            if column == 5:
                return row.event_time.astimezone(self._zone).strftime("%m-%d %H:%M") if row.event_time else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0:
                if self.seconds_left(row) is None:
                    return QBrush(QColor(theme.WARNING if row.late_by() else theme.OK))
                return QBrush(QColor(theme.deadline_colour(self.seconds_left(row))[0]))
            if column == 1:
                if row.state in NEEDS_CORRECTION_STATES:
                    return QBrush(QColor(theme.ERROR))
                if row.state in FILED_STATES or row.state in AWAITING_RECEIPT_STATES:
                    return QBrush(QColor(theme.OK))
                if row.state == ReportState.FAILED_RETRYING:
                    return QBrush(QColor(theme.WARNING))
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            left = self.seconds_left(row)
            if left is not None:
                return QBrush(QColor(theme.deadline_colour(left)[1]))
        if role == Qt.ItemDataRole.FontRole and column in (0, 1):
            font = QFont()
            font.setBold(row.counts_down)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return row.error
        return None


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer, self.message = page_frame(self, self.tr("Reports"), self.tr(
            "Every report to the police with its deadline (24 hours after the event). Reports are sent by "
            "themselves; act only on the red ones."))

        bar = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Only reports that still need something"))
        self.open_only.toggled.connect(self._apply_filter)
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        self.retry_button = QPushButton(self.tr("Send now"))
        self.retry_button.setToolTip(self.tr(
            "Send every waiting report now, without waiting for its next retry (Ctrl+R)"))
        self.retry_button.clicked.connect(self.retry_selected)
        bar.addWidget(self.retry_button)
        self.correct_button = QPushButton(self.tr("Open correction"))
        self.correct_button.setToolTip(self.tr("Correct the registration the intake refused (Ctrl+E)"))
        self.correct_button.clicked.connect(self.open_correction)
        bar.addWidget(self.correct_button)
        # Hand-over: the registration form printed, faxed or saved, handed over, and the police's receipt.
        self.handover = HandOver(self)
        self.form_button = QPushButton(self.tr("Hand over"))
        self.form_button.setToolTip(self.tr("Print (Ctrl+P) or fax (Ctrl+Shift+F) the selected report's "
                                            "registration form for the police sub-station, or mark it as handed "
                                            "over"))
        menu = QMenu(self.form_button)
        self.print_action = menu.addAction(self.tr("Print the registration form…"), self.print_form)
        self.fax_action = menu.addAction(self.tr("Fax the registration form…"), self.fax_form)
        for action, keys in ((self.print_action, "Ctrl+P"), (self.fax_action, "Ctrl+Shift+F")):
            # The menu shows the keys; they work anywhere on the page (one shortcut each, never two).
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.save_action = menu.addAction(self.tr("Save the registration form as PDF…"), self.save_form)
        self.handed_action = menu.addAction(self.tr("Mark as handed over in person…"),
                                            lambda: self.handover.hand_over_selected(self.selected()))
        self.form_button.setMenu(menu)
        bar.addWidget(self.form_button)
        self.receipt_button = QPushButton(self.tr("Enter police receipt…"))
        self.receipt_button.setToolTip(self.tr("The receipt number the police gave for a report handed over by "
                                               "fax or in person: it files the report (Ctrl+Shift+R)"))
        self.receipt_button.clicked.connect(self.enter_receipt)
        bar.addWidget(self.receipt_button)
        outer.addLayout(bar)

        self.model = ReportsModel(ctx.desk.clock, ctx.settings.timezone)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(lambda _i: self.open_correction())
        outer.addWidget(self.table, 1)

        detail_card, detail = card(self.tr("Selected report"))
        self.detail = QLabel(self.tr("Select a report to see its details."))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.detail)
        outer.addWidget(detail_card)

        self._timer = QTimer(self)
        self._timer.setInterval(30_000)  # countdowns move by the minute
        self._timer.timeout.connect(self.model.tick)
        self._timer.start()
        self._loading = False
        self._all: list[ReportRow] = []
        self._then: list[Callable[[], None]] = []
        # Listing reports with names is an audited read: refresh on real changes while the page is shown,
        # not on every status poll. Countdowns move by themselves (the timer above).
        ctx.reports_changed.connect(self._refresh_if_shown)
        self._last_summary: object = None
        ctx.summary_changed.connect(self._summary_changed)
        shortcut("Ctrl+R", self, self.retry_selected)
        shortcut("Ctrl+E", self, self.open_correction)
        shortcut("Ctrl+Shift+R", self, self.enter_receipt)
        self._show_detail()

    def apply_access(self) -> None:
        """Each action for the roles that may do it: the liaison reads this page and changes nothing."""
        access = self.ctx.access
        self.retry_button.setVisible(access.role_can(Permission.SEND_REPORTS))
        self.correct_button.setVisible(access.role_can(Permission.CORRECT))
        self.form_button.setVisible(access.role_can(Permission.HAND_OVER))
        self.receipt_button.setVisible(access.role_can(Permission.HAND_OVER))

    def _summary_changed(self, summary: object) -> None:
        # Another desk or the uploader changed the queue (counts or nearest deadline moved): reload.
        if summary != self._last_summary:
            self._last_summary = summary
            self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh_then(self, then: Callable[[], None]) -> None:
        """Reload, then do `then` (select a report that was not listed yet)."""
        self._then.append(then)
        self.refresh()

    def refresh(self) -> None:
        if not self.ctx.ready or self._loading:
            return
        self._loading = True

        def done(rows: list[ReportRow]) -> None:
            self._loading = False
            selected = self.selected()
            self._all = rows
            self._apply_filter()
            if selected is not None:
                self.select_report(selected.report_id)
            waiting, self._then = self._then, []
            for then in waiting:
                then()

        def failed(error: JobError) -> None:
            self._loading = False
            self.message.show_message("error", self.tr("Reports could not be loaded: %1").replace("%1", labels.problem_text(error)))

        self.ctx.run(self.ctx.desk.reports, done, failed, owner=self)

    def _apply_filter(self) -> None:
        rows = [r for r in self._all if r.open] if self.open_only.isChecked() else list(self._all)
        self.model.set_rows(rows)
        self._show_detail()

    def selected(self) -> ReportRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def select_report(self, report_id: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.report_id == report_id:
                self.table.selectRow(i)
                return True
        return False

    def row_for(self, report_id: str) -> ReportRow | None:
        return next((r for r in self._all if r.report_id == report_id), None)

    def _show_detail(self) -> None:
        row = self.selected()
        self.retry_button.setEnabled(any(r.state in DUE_STATES for r in self._all))
        self.correct_button.setEnabled(row is not None and row.state in NEEDS_CORRECTION_STATES)
        self.form_button.setEnabled(row is not None)
        handing = row is not None and row.state in HANDOVER_STATES
        self.fax_action.setEnabled(handing)
        self.handed_action.setEnabled(handing)
        self.receipt_button.setEnabled(row is not None and row.state in AWAITING_RECEIPT_STATES)
        if row is None:
            self.detail.setText(self.tr("Select a report to see its details."))
            return
        room = self.tr("room %1").replace("%1", row.room)
        parts = [f"<b>{labels.report_kind(row.kind)}</b> · {row.guest_name} · {room}",
                 self.tr("State: %1").replace("%1", self.model.state_text(row))]
        zone = local_zone(self.ctx.settings.timezone or None)
        if row.deadline_at is not None:
            when = row.deadline_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            parts.append(self.tr("Deadline: %1").replace("%1", when))
        if row.delivered_at is not None and row.state in (*AWAITING_RECEIPT_STATES, ReportState.CONFIRMED):
            when = row.delivered_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            parts.append(self.tr("Handed over: %1").replace("%1", when))
        if row.attempts:
            parts.append(self.tr("%n attempt(s)", "", row.attempts))
        text = " &nbsp;·&nbsp; ".join(parts)
        if row.error:
            colour = theme.ERROR if row.state in NEEDS_CORRECTION_STATES else theme.WARNING
            label = self.tr("The intake refused it:") if row.state in NEEDS_CORRECTION_STATES else self.tr("Last problem:")
            text += f"<br><span style='color:{colour}'><b>{label}</b> {row.error}</span>"
        self.detail.setText(text)

    def retry_selected(self) -> None:
        """'Send now': every waiting report goes at once, the selected one among them."""
        if not self.ctx.access.can(Permission.SEND_REPORTS):
            return
        if self.selected() is None and not any(r.state in DUE_STATES for r in self._all):
            return
        self.ctx.run_action(
            self.ctx.desk.send_all_waiting, message=self.message, kind="info", changed=self.ctx.reports_changed,
            done=lambda _count: self.tr("Waiting reports sent; see their state below."),
            failed=self.tr("Could not queue the report: %1"), owner=self)

    def open_correction(self) -> None:
        row = self.selected()
        if row is None or row.state not in NEEDS_CORRECTION_STATES or not self.ctx.access.can(Permission.CORRECT):
            return
        if not row.registration_id:
            return  # a nil report has no registration to correct
        self.ctx.navigate.emit("in_house", (row.registration_id, row.error))

    # -- hand-over (small inns; outages): hotel_desk.ui.handover ------------------------------------------------
    def print_form(self) -> None:
        self.handover.print_form(self.selected())

    def fax_form(self) -> None:
        self.handover.fax_form(self.selected())

    def save_form(self) -> None:
        self.handover.save_form(self.selected())

    def enter_receipt(self) -> None:
        self.handover.enter_receipt(self.selected())
