"""In house: who is staying now. Search, check out (one guest or several, e.g. a whole group, at the time they
actually left; each queues its check-out report), correct a registration (which queues a correction report;
nothing already reported is edited silently), cancel a registration made in error (which queues a cancellation
report, with the reason), and see a guest's earlier stays. A banner names the guests past their planned
departure who were never checked out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry, InHouseGuest, latin_name
from hotel_desk.rules.roles import Permission
from hotel_desk.rules.stays import is_overdue
from hotel_desk.ui import labels, theme
from hotel_desk.ui.closing import CheckoutTime, HistoryCard, OverdueBanner
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.inhouse_model import InHouseModel
from hotel_desk.ui.registration_form import RegistrationForm
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import card, page_frame, shortcut

Index = QModelIndex | QPersistentModelIndex


class InHousePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._correcting: str | None = None
        self._pending_checkout: InHouseGuest | None = None
        self._pending_guests: list[InHouseGuest] = []
        self._pending_cancel = False
        self._overdue_only = False
        outer, self.message = page_frame(self, self.tr("In house"), self.tr(
            "Guests staying now. Check out on departure: the check-out report is queued at once."))
        self.overdue_banner = OverdueBanner()
        self.overdue_banner.show_only.connect(self._show_overdue_only)
        outer.addWidget(self.overdue_banner)
        ctx.closure.overdue_changed.connect(self.overdue_banner.set_count)
        self.overdue_banner.set_count(ctx.closure.overdue)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by room, name or document number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.checkout_button = QPushButton(self.tr("Check out…"))
        self.checkout_button.setToolTip("Ctrl+Shift+O")
        self.checkout_button.clicked.connect(self.ask_check_out)
        bar.addWidget(self.checkout_button)
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setToolTip("Ctrl+E")
        self.correct_button.clicked.connect(self.open_correction_for_selected)
        bar.addWidget(self.correct_button)
        self.cancel_button = QPushButton(self.tr("Cancel registration…"))
        self.cancel_button.setToolTip(self.tr("A registration made in error (wrong guest, duplicate): Ctrl+Shift+X"))
        self.cancel_button.clicked.connect(self.ask_cancel)
        bar.addWidget(self.cancel_button)
        self.group_button = QPushButton(self.tr("Select group"))
        self.group_button.setToolTip(self.tr("Select everyone who checked in with this guest's group, to check "
                                             "them out together (Ctrl+G)"))
        self.group_button.clicked.connect(self.select_group)
        bar.addWidget(self.group_button)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setToolTip(self.tr("This guest's earlier stays (Ctrl+H)"))
        self.history_button.clicked.connect(self.show_history)
        bar.addWidget(self.history_button)
        outer.addLayout(bar)

        self.confirm_bar = QFrame()
        self.confirm_bar.setObjectName("Card")
        confirm = QHBoxLayout(self.confirm_bar)
        self.confirm_text = QLabel()
        confirm.addWidget(self.confirm_text, 1)
        self.cancel_reason = QLineEdit()
        self.cancel_reason.setPlaceholderText(self.tr("Why is it cancelled? (required)"))
        self.cancel_reason.returnPressed.connect(self.confirm_check_out)
        confirm.addWidget(self.cancel_reason, 1)
        self.checkout_time = CheckoutTime(ctx.desk.now, ctx.settings.timezone)
        self.checkout_time.setToolTip(self.tr("When the guest left: now, unless you type the time they actually "
                                              "left (not in the future, not before the arrival)"))
        self.checkout_time.textEdited.connect(lambda _t: self._check_time())
        self.checkout_time.returnPressed.connect(self.confirm_check_out)
        confirm.addWidget(self.checkout_time)
        self.time_problem = QLabel()
        self.time_problem.setStyleSheet(f"color: {theme.ERROR};")
        confirm.addWidget(self.time_problem)
        self.confirm_button = QPushButton(self.tr("Check out now"))
        self.confirm_button.setObjectName("Primary")
        self.confirm_button.clicked.connect(self.confirm_check_out)
        confirm.addWidget(self.confirm_button)
        keep = QPushButton(self.tr("Keep in house"))
        keep.clicked.connect(self._hide_confirm)
        confirm.addWidget(keep)
        self.confirm_bar.setVisible(False)
        outer.addWidget(self.confirm_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = InHouseModel(ctx.settings.timezone, now=ctx.desk.now)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several guests can be checked out at once (a group, the morning's overdue list).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_correction_for_selected())
        splitter.addWidget(self.table)

        self.correction_card, correction_layout = card(self.tr("Correction"))
        self.correction_info = QLabel()
        self.correction_info.setWordWrap(True)
        correction_layout.addWidget(self.correction_info)
        self.correction_form = RegistrationForm(ctx.desk.today, correction=True)
        self.correction_form.register_requested.connect(self.send_correction)
        correction_layout.addWidget(self.correction_form, 1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close_correction)
        correction_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.correction_card.setVisible(False)
        splitter.addWidget(self.correction_card)
        self.history_card = HistoryCard()
        self.history_card.setVisible(False)
        splitter.addWidget(self.history_card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        outer.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr("Nobody is checked in."))
        self.empty_label.setObjectName("Muted")
        outer.addWidget(self.empty_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        shortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        shortcut("Ctrl+Shift+O", self, self.ask_check_out)
        shortcut("Ctrl+E", self, self.open_correction_for_selected)
        shortcut("Ctrl+Shift+X", self, self.ask_cancel)
        shortcut("Escape", self, self._hide_confirm)
        shortcut("Ctrl+G", self, self.select_group)
        shortcut("Ctrl+H", self, self.show_history)
        ctx.registrations_changed.connect(self._refresh_if_shown)
        self._loading = False

    def apply_access(self) -> None:
        """Each action for the roles that may do it: the liaison reads this page and changes nothing."""
        access = self.ctx.access
        self.checkout_button.setVisible(access.role_can(Permission.CHECK_OUT))
        self.correct_button.setVisible(access.role_can(Permission.CORRECT))
        self.cancel_button.setVisible(access.role_can(Permission.CANCEL))
        if not access.role_can(Permission.CORRECT):
            self.close_correction()
        if self._pending_checkout is not None and not access.role_can(
                Permission.CANCEL if self._pending_cancel else Permission.CHECK_OUT):
            self._hide_confirm()

    # -- data ------------------------------------------------------------------------------------------------
    def _refresh_if_shown(self) -> None:
        if self.isVisible():  # the guest list is an audited read: only when someone is looking at it
            self.refresh()

    def refresh(self) -> None:
        if not self.ctx.ready or self._loading:
            return
        self._loading = True
        query = self.search.text().strip()

        def done(guests: list[InHouseGuest]) -> None:
            self._loading = False
            self.model.overdue = self._overdue_rule()
            if self._overdue_only:
                guests = [g for g in guests if self.model.overdue(g.planned_departure)]
            self.model.set_guests(guests)
            self.empty_label.setVisible(not guests)
            self.empty_label.setText(self.tr("Nobody matches the search.") if query else
                                     self.tr("Nobody is checked in."))
            if guests and not self.table.selectionModel().hasSelection():
                self.select_row(0)
            if query != self.search.text().strip():
                self.refresh()

        def failed(error: JobError) -> None:
            self._loading = False
            self.message.show_message("error", self.tr("The guest list could not be loaded: %1")
                                      .replace("%1", labels.problem_text(error)))

        self.ctx.run(lambda: self.ctx.desk.in_house(query), done, failed, owner=self)

    def selected(self) -> InHouseGuest | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], Qt.ItemDataRole.UserRole)

    def select_row(self, row: int) -> None:
        """Select one row only (selectRow would extend or toggle the selection while Shift or Ctrl is held)."""
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def selected_guests(self) -> list[InHouseGuest]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.proxy.data(r, Qt.ItemDataRole.UserRole) for r in rows]

    def _overdue_rule(self) -> Callable[[date | None], bool]:
        closure = self.ctx.desk.closure
        now, checkout = closure.local_now(), closure.checkout_time
        return lambda departure: is_overdue(departure, now, checkout)

    def _show_overdue_only(self, on: bool) -> None:
        if on != self._overdue_only:
            self._overdue_only = on
            self.refresh()

    def select_group(self) -> None:
        guest = self.selected()
        if guest is None or not guest.group_id:
            self.message.show_message("info", self.tr("Select a guest who checked in with a group."))
            return
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            other = self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.UserRole)
            if other.group_id == guest.group_id:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, self.proxy.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.message.show_message("info", self.tr("%n guest(s) of the group selected.", "",
                                                  len(self.selected_guests())))

    def show_history(self) -> None:
        guest = self.selected()
        if guest is None:
            self.message.show_message("info", self.tr("Select a guest first."))
            return
        self.close_correction()
        self.history_card.show_loading(guest)

        def failed(error: JobError) -> None:
            self.history_card.body.setText(self.tr("The history could not be loaded: %1")
                                           .replace("%1", labels.problem_text(error)))

        self.ctx.run(lambda: self.ctx.desk.returning.history(guest.registration_id),
                     lambda stays: self.history_card.show_stays(stays, self.ctx.settings.timezone), failed,
                     owner=self)

    def select_registration(self, registration_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            guest = self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.UserRole)
            if guest.registration_id == registration_id:
                self.select_row(row)
                return True
        return False

    # -- check-out -------------------------------------------------------------------------------------------
    def ask_check_out(self) -> None:
        if not self.ctx.access.can(Permission.CHECK_OUT):
            return
        guests = self.selected_guests()
        if not guests:
            self.message.show_message("info", self.tr("Select a guest first."))
            return
        guest = guests[0]
        self._pending_checkout = guest
        self._pending_guests = guests
        self._pending_cancel = False
        if len(guests) == 1:
            self.confirm_text.setText(self.tr("Check out %1 from room %2 at:").replace("%1", guest.name)
                                      .replace("%2", guest.room))
        else:
            self.confirm_text.setText(self.tr("Check out %n guest(s) at:", "", len(guests)))
        self.confirm_button.setText(self.tr("Check out"))
        self.cancel_reason.setVisible(False)
        self.checkout_time.setVisible(True)
        self.checkout_time.reset()
        self._check_time()
        self.confirm_bar.setVisible(True)
        self.confirm_button.setFocus()

    def _check_time(self) -> list[str]:
        problems = self.checkout_time.problems(self._pending_guests) if not self._pending_cancel else []
        self.time_problem.setText("; ".join(problems))
        self.time_problem.setVisible(bool(problems))
        self.confirm_button.setEnabled(not problems)
        return problems

    def ask_cancel(self) -> None:
        if not self.ctx.access.can(Permission.CANCEL):
            return
        guest = self.selected()
        if guest is None:
            self.message.show_message("info", self.tr("Select a guest first."))
            return
        self._pending_checkout = guest
        self._pending_cancel = True
        self.confirm_text.setText(self.tr("Cancel the registration of %1, room %2? A cancellation report tells "
                                          "the police it was made in error.").replace("%1", guest.name)
                                  .replace("%2", guest.room))
        self.confirm_button.setText(self.tr("Cancel registration"))
        self.cancel_reason.clear()
        self.cancel_reason.setVisible(True)
        self.checkout_time.setVisible(False)
        self.time_problem.setVisible(False)
        self.confirm_button.setEnabled(True)
        self.confirm_bar.setVisible(True)
        self.cancel_reason.setFocus()

    def _hide_confirm(self) -> None:
        self.confirm_bar.setVisible(False)
        self._pending_checkout = None
        self._pending_cancel = False

    def confirm_check_out(self) -> None:
        guest = self._pending_checkout
        if guest is None:
            return
        if self._pending_cancel:
            self._confirm_cancel(guest)
            return
        if self._check_time():
            self.checkout_time.setFocus()
            return
        guests = list(self._pending_guests)
        at = None if self.checkout_time.is_now else self.checkout_time.moment()
        self._hide_confirm()

        def done(report_ids: list[str]) -> str:
            if len(report_ids) == 1:
                return self.tr("%1 checked out of room %2. The check-out report is queued.").replace(
                    "%1", guest.name).replace("%2", guest.room)
            return self.tr("%n guest(s) checked out. One check-out report each is queued.", "", len(report_ids))

        self.ctx.run_action(
            lambda: self.ctx.desk.closure.check_out([g.registration_id for g in guests], at), message=self.message,
            done=done, failed=self.tr("Check-out not saved: %1"),
            busy=lambda on: self.checkout_button.setEnabled(not on), label=self.tr("Checking out"), owner=self)

    def _confirm_cancel(self, guest: InHouseGuest) -> None:
        reason = self.cancel_reason.text().strip()
        if not reason:
            self.message.show_message("error", self.tr("Say why the registration is cancelled."))
            self.cancel_reason.setFocus()
            return
        self._hide_confirm()
        self.ctx.run_action(
            lambda: self.ctx.desk.cancel(guest.registration_id, reason), message=self.message,
            done=lambda _report_id: self.tr("The registration of %1 (room %2) is cancelled. The cancellation "
                                            "report is queued.").replace("%1", guest.name).replace("%2", guest.room),
            failed=self.tr("Cancellation not saved: %1"), busy=lambda on: self.cancel_button.setEnabled(not on),
            label=self.tr("Cancelling the registration"), owner=self)

    # -- correction -----------------------------------------------------------------------------------------
    def open_correction_for_selected(self) -> None:
        if not self.ctx.access.can(Permission.CORRECT):
            return
        guest = self.selected()
        if guest is None:
            self.message.show_message("info", self.tr("Select a guest first."))
            return
        self.open_correction(guest.registration_id)

    def open_correction(self, registration_id: str, server_reason: str = "") -> None:
        self._correcting = registration_id
        self.history_card.setVisible(False)
        self.correction_info.setText(self.tr("Loading…"))
        self.correction_card.setVisible(True)

        def loaded(entry: GuestEntry) -> None:
            self.correction_form.load_entry(entry)
            name = latin_name(entry.surname_en, entry.given_names_en)
            text = self.tr("Correcting the registration of %1, room %2. A correction report is sent; the "
                           "original report stays on record.").replace("%1", name).replace("%2", entry.room)
            if server_reason:
                refused = self.tr("The police intake refused it:")
                text += f"<br><b style='color:{theme.ERROR}'>{refused}</b> {server_reason}"
            self.correction_info.setText(text)
            self.correction_form.editors["surname_en"].setFocus()

        def failed(error: JobError) -> None:
            self.correction_info.setText(self.tr("The registration could not be loaded: %1").replace("%1", labels.problem_text(error)))

        self.ctx.run(lambda: self.ctx.desk.registration_entry(registration_id), loaded, failed, owner=self)

    def close_correction(self) -> None:
        self._correcting = None
        self.correction_card.setVisible(False)

    def send_correction(self, entry: GuestEntry) -> None:
        registration_id = self._correcting
        if registration_id is None:
            return
        self.ctx.run_action(
            lambda: self.ctx.desk.correct(registration_id, entry, entry.manual_reason), message=self.message,
            done=lambda _report_id: self.tr("Correction saved; the correction report is queued."),
            then=lambda _report_id: self.close_correction(), failed=self.tr("Correction not saved: %1"),
            busy=self.correction_form.set_busy, label=self.tr("Saving the correction"), owner=self)
