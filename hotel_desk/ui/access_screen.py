"""The screen in front of the desk: the first manager's set-up on a fresh installation, the sign-in, and the
lock screen (unlock, or switch to another staff member at once; the work under it stays as it was).

It covers the pages, never replaces them: a half-filled check-in waits under the lock screen for whoever
signs in next. The language can be switched here, before anyone signs in.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.ui import i18n, labels
from hotel_desk.ui.access_texts import problem_text as access_problem
from hotel_desk.ui.access_texts import role_name
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import MessageLine

#: What the screen asks for.
STARTING, FIRST_MANAGER, SIGN_IN, LOCKED = "starting", "first_manager", "sign_in", "locked"


class AccessScreen(QWidget):
    language_change_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = STARTING
        self.setObjectName("Page")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.panel = QFrame()
        self.panel.setObjectName("Card")
        self.panel.setFixedWidth(460)
        row.addWidget(self.panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        box = QVBoxLayout(self.panel)
        box.setContentsMargins(28, 22, 28, 22)
        box.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        box.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setObjectName("PageHint")
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.message = MessageLine()
        box.addWidget(self.message)

        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_label = QLabel(self.tr("Name"))
        form.addRow(self.name_label, self.name)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Optional, e.g. 王芳"))
        self.display_label = QLabel(self.tr("Shown as"))
        form.addRow(self.display_label, self.display_name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_label = QLabel(self.tr("Password again"))
        form.addRow(self.again_label, self.password_again)
        box.addLayout(form)

        buttons = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setToolTip(self.tr("End this person's session; unfinished work is discarded"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        self.submit = QPushButton()
        self.submit.setObjectName("Primary")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.submit_form)
        buttons.addWidget(self.submit)
        box.addLayout(buttons)

        self.languages = QHBoxLayout()
        self.languages.addStretch(1)
        for code, label in i18n.LANGUAGES.items():
            button = QPushButton(label)
            button.setFlat(True)
            button.setEnabled(code != i18n.current_language())
            button.clicked.connect(lambda _=False, c=code: self.language_change_requested.emit(c))
            self.languages.addWidget(button)
        self.language_row = QWidget()
        self.language_row.setLayout(self.languages)
        box.addWidget(self.language_row)

        self.password.returnPressed.connect(self._enter_on_password)
        self.password_again.returnPressed.connect(self.submit_form)
        name_edit = self.name.lineEdit()
        if name_edit is not None:
            name_edit.returnPressed.connect(self.password.setFocus)
        self.name.currentTextChanged.connect(lambda _t: self._update_submit())
        self.show_mode(STARTING)

    # -- modes -------------------------------------------------------------------------------------------------
    def show_mode(self, mode: str) -> None:
        """Lay the screen out for `mode`; the fields are kept when the mode stays the same."""
        access = self.ctx.access
        changed = mode != self.mode
        self.mode = mode
        first = mode == FIRST_MANAGER
        shown_first: tuple[QWidget, ...] = (self.display_label, self.display_name, self.again_label,
                                             self.password_again)
        for widget in shown_first:
            widget.setVisible(first)
        ready: tuple[QWidget, ...] = (self.name_label, self.name, self.password, self.submit)
        for widget in ready:
            widget.setEnabled(mode != STARTING)
        self.sign_out_button.setVisible(mode == LOCKED)
        # Switching the language rebuilds the window: offered only while there is no work under the screen.
        self.language_row.setVisible(mode in (FIRST_MANAGER, SIGN_IN, STARTING))
        session = access.session
        if mode == STARTING:
            self.title.setText(self.tr("Hotel Desk"))
            self.hint.setText(self.tr("Opening the database…"))
        elif first:
            self.title.setText(self.tr("Set up the first manager"))
            self.hint.setText(self.tr(
                "This desk has no staff accounts yet. The first account is a manager: it adds the receptionists, "
                "the other managers and the police liaison. Choose a password of at least 8 characters; nobody "
                "can read it back, so keep it safe."))
        elif mode == SIGN_IN:
            self.title.setText(self.tr("Sign in"))
            self.hint.setText(self.tr("Everything you do at the desk is recorded under your name."))
        else:
            who = self.tr("%1 (%2)").replace("%1", session.label).replace("%2", role_name(session.role)) \
                if session is not None else ""
            self.title.setText(self.tr("The desk is locked"))
            self.hint.setText(self.tr("%1 is signed in. Enter the password to go on, or sign in as someone else: "
                                      "unfinished work stays as it is.").replace("%1", who))
        self._fill_names(changed)
        if changed:
            self.password.clear()
            self.password_again.clear()
            self.message.clear_message()
        self._update_submit()
        if mode != STARTING:
            self.focus_first()

    def _fill_names(self, reset: bool) -> None:
        access = self.ctx.access
        typed = self.name.currentText()
        self.name.blockSignals(True)
        self.name.clear()
        if self.mode != FIRST_MANAGER:
            for username, display in access.names:
                self.name.addItem(username if display in ("", username) else f"{username} – {display}", username)
        session = access.session
        if reset:
            typed = session.username if (self.mode == LOCKED and session is not None) else ""
        self.name.setEditText(typed)
        self.name.blockSignals(False)

    def focus_first(self) -> None:
        if self.mode == LOCKED or (self.mode == SIGN_IN and self.name.currentText()):
            self.password.setFocus()
        else:
            self.name.setFocus()

    def prepare_switch(self) -> None:
        """'Switch user': the lock screen with the name field empty, ready for the next person."""
        self.name.setEditText("")
        self.password.clear()
        self.name.setFocus()
        self._update_submit()

    def chosen_name(self) -> str:
        text = self.name.currentText().strip()
        index = self.name.findText(text)
        data = self.name.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def _update_submit(self) -> None:
        session = self.ctx.access.session
        if self.mode == FIRST_MANAGER:
            self.submit.setText(self.tr("Create the manager and sign in"))
        elif self.mode == LOCKED and session is not None and \
                self.chosen_name().casefold() in ("", session.username.casefold()):
            self.submit.setText(self.tr("Unlock"))
        else:
            self.submit.setText(self.tr("Sign in"))
        self.submit.setEnabled(self.mode != STARTING and not self.ctx.access.busy)

    # -- submitting ---------------------------------------------------------------------------------------------
    def _enter_on_password(self) -> None:
        if self.mode == FIRST_MANAGER:
            self.password_again.setFocus()
        else:
            self.submit_form()

    def submit_form(self) -> None:
        access = self.ctx.access
        if self.mode == STARTING or access.busy:
            return
        name, password = self.chosen_name(), self.password.text()
        if self.mode == LOCKED and not name and access.session is not None:
            name = access.session.username
        if not name:
            self.message.show_message("error", self.tr("Enter your name."))
            self.name.setFocus()
            return
        if not password:
            self.message.show_message("error", self.tr("Enter the password."))
            self.password.setFocus()
            return
        if self.mode == FIRST_MANAGER:
            if password != self.password_again.text():
                self.message.show_message("error", self.tr("The two passwords differ. Type them again."))
                self.password.clear()
                self.password_again.clear()
                self.password.setFocus()
                return
            access.create_first_manager(name, password, self.display_name.text().strip(), self._failed)
        else:
            access.sign_in(name, password, self._failed)
        self.message.show_message("info", self.tr("Checking the password…"))
        self._update_submit()

    def _failed(self, error: JobError) -> None:
        text = access_problem(error, self.ctx.settings.timezone) or labels.problem_text(error)
        self.message.show_message("error", text)
        self.password.clear()
        self.password_again.clear()
        self.password.setFocus()
        self._update_submit()
