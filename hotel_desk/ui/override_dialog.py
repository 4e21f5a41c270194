"""Register as printed: the way forward for a real document that prints a wrong check digit.

The dialog says what the document prints and why the desk believes it (the rest of the zone agrees with it),
asks for the reason, and for a manager's approval: the manager signed in approves by registering; a
receptionist's manager signs here with their password, on the spot, without taking over the session (the desk
layer checks it: hotel_desk.desk.override). The zone is kept exactly as printed; the reason and the approver
go into the registration's audit event. Nothing is saved until the desk says so; a refusal leaves the dialog
open with the reason in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry
from hotel_desk.documents.model import Finding
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import i18n, labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.tasks import JobError

#: Runs the registration (a background job): the entry with its override reason, and the approver's name
#: and password when the signed-in staff member may not approve it themselves.
Submit = Callable[[GuestEntry, tuple[str, str] | None], Any]


class OverrideDialog(QDialog):
    registered = Signal(object)  # what `submit` returned (Registered)

    def __init__(self, ctx: AppContext, entry: GuestEntry, findings: list[Finding], submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self._submit = submit
        self._busy = False
        self.setWindowTitle(self.tr("Register as printed"))
        self.setModal(True)
        self.setMinimumWidth(700)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        said = "<br>".join(f"<b style='color:{theme.ERROR}'>{_escape(f.message(i18n.current_language()))}</b>"
                           for f in findings)
        explain = QLabel(said + "<br><br>" + self.tr(
            "The rest of the machine-readable zone agrees with this digit: the document itself prints it so. "
            "Compare the zone with the page. If it reads the same, the guest can be registered with the zone "
            "exactly as printed; the reason and who approved it are recorded."))
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(explain)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(["", self.tr("The document prints this check digit (compared with the page)"),
                              self.tr("The issuer is known to print this check digit wrong")])
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Choose (↓) or type the reason"))
            # A chosen reason reads from its start, not from wherever the cursor ended.
            self.reason.currentIndexChanged.connect(lambda _i: line.setCursorPosition(0))
        self.reason.setMinimumWidth(520)
        form.addRow(self.tr("Reason"), self.reason)
        #: The signed-in manager approves by registering; anyone else needs a manager's password here.
        self.self_approved = ctx.access.can(Permission.APPROVE_OVERRIDE)
        self.approver = QComboBox()
        self.approver.setEditable(True)
        self.approver.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if self.self_approved:
            session = ctx.access.session
            who = QLabel(self.tr("You (%1), as manager").replace("%1", session.label if session else ""))
            form.addRow(self.tr("Approved by"), who)
        else:
            form.addRow(self.tr("Manager"), self.approver)
            form.addRow(self.tr("Manager's password"), self.password)
            ctx.run(ctx.desk.override_approvers, self._show_approvers, lambda _e: None, owner=self)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {theme.ERROR};")
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Register as printed"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The keyboard goes straight to the reason, whatever the window system does with a new dialog.
        self.activateWindow()
        self.reason.setFocus()

    def _show_approvers(self, names: list[tuple[str, str]]) -> None:
        typed = self.approver.currentText()
        self.approver.clear()
        for name, display in names:
            self.approver.addItem(f"{display} ({name})" if display and display != name else name, name)
        if typed:
            self.approver.setEditText(typed)

    def approver_name(self) -> str:
        index = self.approver.currentIndex()
        if index >= 0 and self.approver.itemText(index) == self.approver.currentText():
            return str(self.approver.itemData(index) or "")
        return self.approver.currentText().strip()

    def confirm(self) -> None:
        if self._busy:
            return
        reason = " ".join(self.reason.currentText().split())
        if not reason:
            self.status.setText(self.tr("Choose or type the reason first."))
            self.reason.setFocus()
            return
        approver: tuple[str, str] | None = None
        if not self.self_approved:
            if not self.approver_name() or not self.password.text():
                self.status.setText(self.tr("A manager chooses their name and types their password here."))
                (self.password if self.approver_name() else self.approver).setFocus()
                return
            approver = (self.approver_name(), self.password.text())
        self._set_busy(True)
        entry = replace(self.entry, override_reason=reason)
        self.ctx.run(lambda: self._submit(entry, approver), self._done, self._failed,
                     label=self.tr("Saving the registration"), owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.status.setText(self.tr("Saving…") if busy else self.status.text())

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.registered.emit(result)
        self.accept()

    def _failed(self, error: JobError) -> None:
        self._set_busy(False)
        self.password.clear()
        self.status.setText(self.tr("Not registered: %1").replace("%1", labels.problem_text(error)))
        (self.password if not self.self_approved else self.reason).setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
