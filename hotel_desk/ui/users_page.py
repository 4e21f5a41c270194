"""Staff accounts, for managers: who may sign in at this desk and as what. Add an account, change its role,
disable or enable it, give it a new password (which also ends a lockout). Every change is in the audit trail
with the manager's name; the desk refuses to leave the hotel without an active manager."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.rules.roles import Role
from hotel_desk.ui import labels
from hotel_desk.ui.access_texts import role_name
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import card, page_frame

if TYPE_CHECKING:
    from hotel_desk.store import StaffAccount


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_name(role), role.value)
    return combo


def _password_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accounts: list[StaffAccount] = []
        outer, self.message = page_frame(self, self.tr("Staff accounts"), self.tr(
            "Who may sign in at this desk. Receptionists check guests in and out; managers also change settings, "
            "cancel registrations and manage accounts; the police liaison reads and inspects only."))
        body = QHBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Shown as"), self.tr("Role"),
                                              self.tr("State"), self.tr("Last sign-in")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        body.addWidget(self.table, 3)

        side = QVBoxLayout()
        selected_card, selected = card(self.tr("Selected account"))
        self.selected_label = QLabel(self.tr("Select an account in the list."))
        self.selected_label.setWordWrap(True)
        selected.addWidget(self.selected_label)
        form = QFormLayout()
        role_row = QHBoxLayout()
        self.role = _role_combo()
        role_row.addWidget(self.role, 1)
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.clicked.connect(self.change_role)
        role_row.addWidget(self.role_button)
        form.addRow(self.tr("Role"), role_row)
        self.reset_password = _password_field(self.tr("New password"))
        self.reset_again = _password_field(self.tr("New password again"))
        form.addRow(self.tr("New password"), self.reset_password)
        form.addRow("", self.reset_again)
        selected.addLayout(form)
        buttons = QHBoxLayout()
        self.active_button = QPushButton(self.tr("Disable"))
        self.active_button.clicked.connect(self.toggle_active)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        self.reset_button = QPushButton(self.tr("Set new password"))
        self.reset_button.clicked.connect(self.reset)
        buttons.addWidget(self.reset_button)
        selected.addLayout(buttons)
        side.addWidget(selected_card)

        add_card, add = card(self.tr("Add an account"))
        form = QFormLayout()
        self.new_name = QLineEdit()
        form.addRow(self.tr("Name"), self.new_name)
        self.new_display = QLineEdit()
        self.new_display.setPlaceholderText(self.tr("Optional, e.g. 王芳"))
        form.addRow(self.tr("Shown as"), self.new_display)
        self.new_role = _role_combo()
        form.addRow(self.tr("Role"), self.new_role)
        self.new_password = _password_field(self.tr("At least 8 characters"))
        self.new_again = _password_field(self.tr("Password again"))
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow("", self.new_again)
        add.addLayout(form)
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self.add)
        add.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(add_card)
        side.addStretch(1)
        body.addLayout(side, 2)
        outer.addLayout(body, 1)
        ctx.access.accounts_changed.connect(self._refresh_if_shown)
        self._show_selected()

    # -- data ------------------------------------------------------------------------------------------------
    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if not self.ctx.ready:
            return

        def done(accounts: list[StaffAccount]) -> None:
            selected = self.selected()
            self.accounts = accounts
            zone = local_zone(self.ctx.settings.timezone or None)
            self.table.setRowCount(len(accounts))
            for row, account in enumerate(accounts):
                state = self.tr("Active") if account.active else self.tr("Disabled")
                if account.locked_until is not None and account.locked_at(self.ctx.desk.now()):
                    state = self.tr("Locked until %1").replace(
                        "%1", account.locked_until.astimezone(zone).strftime("%H:%M"))
                last = account.last_sign_in_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") \
                    if account.last_sign_in_at else self.tr("never")
                for column, text in enumerate((account.username, account.display_name, role_name(account.role),
                                               state, last)):
                    self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None:
                self.select(selected.username)
            self._show_selected()

        def failed(error: JobError) -> None:
            self.message.show_message("error", self.tr("The accounts could not be loaded: %1")
                                      .replace("%1", labels.problem_text(error)))

        self.ctx.run(self.ctx.desk.staff.accounts, done, failed, owner=self)

    def selected(self) -> StaffAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def select(self, username: str) -> bool:
        for row, account in enumerate(self.accounts):
            if account.username == username:
                self.table.selectRow(row)
                return True
        return False

    def _show_selected(self) -> None:
        account = self.selected()
        for widget in (self.role, self.role_button, self.active_button, self.reset_password, self.reset_again,
                       self.reset_button):
            widget.setEnabled(account is not None)
        if account is None:
            self.selected_label.setText(self.tr("Select an account in the list."))
            return
        self.selected_label.setText(f"<b>{account.username}</b> · {role_name(account.role)}")
        self.role.setCurrentIndex(max(self.role.findData(account.role), 0))
        self.active_button.setText(self.tr("Disable") if account.active else self.tr("Enable"))

    # -- changes ---------------------------------------------------------------------------------------------
    def _run(self, action: Callable[[], StaffAccount], done: str, failed: str) -> None:
        def said(account: StaffAccount) -> str:
            return done.replace("%1", account.username)

        self.ctx.run_action(action, message=self.message, done=said, failed=failed, owner=self,
                            changed=self.ctx.access.accounts_changed, send=False)

    def _passwords(self, first: QLineEdit, again: QLineEdit) -> str | None:
        if first.text() != again.text():
            self.message.show_message("error", self.tr("The two passwords differ. Type them again."))
            first.clear()
            again.clear()
            first.setFocus()
            return None
        return first.text()

    def add(self) -> None:
        password = self._passwords(self.new_password, self.new_again)
        if password is None:
            return
        name, display = self.new_name.text(), self.new_display.text()
        role = Role(str(self.new_role.currentData()))
        self.new_password.clear()
        self.new_again.clear()
        self._run(lambda: self.ctx.desk.staff.add(name, role, password, display_name=display),
                  self.tr("Account %1 added."), self.tr("The account was not added: %1"))
        self.new_name.clear()
        self.new_display.clear()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = Role(str(self.role.currentData()))
        self._run(lambda: self.ctx.desk.staff.set_role(account.username, role),
                  self.tr("The role of %1 is changed."), self.tr("The role was not changed: %1"))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        active = not account.active
        self._run(lambda: self.ctx.desk.staff.set_active(account.username, active),
                  self.tr("%1 can sign in again.") if active else self.tr("%1 can no longer sign in."),
                  self.tr("The account was not changed: %1"))

    def reset(self) -> None:
        account = self.selected()
        password = self._passwords(self.reset_password, self.reset_again)
        if account is None or password is None:
            return
        self.reset_password.clear()
        self.reset_again.clear()
        self._run(lambda: self.ctx.desk.staff.reset_password(account.username, password),
                  self.tr("%1 has a new password."), self.tr("The password was not changed: %1"))
