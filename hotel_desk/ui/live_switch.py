"""Switching the desk to LIVE: a manager's decision, made with open eyes.

The Settings page's training box is a manager's (switch_live). Unticking it does not save by itself: this
dialog says what changes (real reports of real guests to the police, from the next start) and runs the
connection test first (hotel_desk.desk.connection: an https address, reachable, the certificate verified, the
police's intake and not a training one, the codes accepted, the signing key where the desk has one). "Switch to
LIVE" is possible only when the test passed; the save is then recorded in the audit trail with the manager's
name, as every settings change. Going back to TRAINING asks too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.desk.connection import ConnectionTest
from hotel_desk.settings import Settings
from hotel_desk.ui import labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import clear_layout


class LiveSwitchDialog(QDialog):
    def __init__(self, ctx: AppContext, new: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.new = new
        self.result_test: ConnectionTest | None = None
        self.setWindowTitle(self.tr("Switch to LIVE"))
        self.setModal(True)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        # Never smaller than what it says (wrapped text and the test's rows): nothing drawn over anything.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        what = QLabel(self.tr(
            "<b>LIVE means real police reports.</b> From the next start of the app, every check-in, check-out, "
            "correction and cancellation is reported to the police intake at <b>%1</b> under hotel code "
            "<b>%2</b>, with the guests' real data. The orange TRAINING band disappears and training receipts "
            "(TRN-…) are no longer issued. Switching back needs a manager too.")
            .replace("%1", new.intake_url or "—").replace("%2", new.hotel_code or "—"))
        what.setWordWrap(True)
        what.setTextFormat(Qt.TextFormat.RichText)
        what.setMinimumWidth(600)
        layout.addWidget(what)
        heading = QLabel(self.tr("Connection test"))
        heading.setObjectName("CardTitle")
        layout.addWidget(heading)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(2, 1)  # the notes take what is left; the marks and names stay together
        layout.addLayout(self.grid)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.switch_button = self.buttons.addButton(self.tr("Switch to LIVE"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.switch_button.setEnabled(False)
        self.again_button = QPushButton(self.tr("Test again"))
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.addButton(self.tr("Stay in TRAINING"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # Enter by habit never switches to LIVE
        self.again_button.clicked.connect(self.run_test)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.run_test()

    def _names(self) -> dict[str, str]:
        return {
            "address": self.tr("Encrypted address (https)"),
            "reachable": self.tr("The intake answers"),
            "tls": self.tr("Certificate verified"),
            "live": self.tr("It is the police's intake, not a training one"),
            "codes": self.tr("Hotel code and authorisation code accepted"),
            "key": self.tr("The intake's signing key matches"),
        }

    def run_test(self) -> None:
        self.switch_button.setEnabled(False)
        self.again_button.setEnabled(False)
        self.status.setText(self.tr("Testing the connection…"))
        self.status.setStyleSheet(f"color: {theme.MUTED};")
        self.ctx.run(lambda: self.ctx.desk.test_connection(self.new), self.show_test, self._failed,
                     label=self.tr("Testing the connection"), owner=self)

    def show_test(self, test: ConnectionTest) -> None:
        self.result_test = test
        self.again_button.setEnabled(True)
        clear_layout(self.grid)
        for row, check in enumerate(test.checks):
            mark = QLabel("✓" if check.ok else ("✗" if check.ok is False else "–"))
            mark.setStyleSheet(f"color: {theme.OK if check.ok else theme.ERROR if check.ok is False else theme.MUTED};"
                               " font-weight: 700;")
            mark.setObjectName(f"check_{check.name}")
            mark.setProperty("ok", "yes" if check.ok else "no" if check.ok is False else "unknown")
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(QLabel(self._names().get(check.name, check.name)), row, 1)
            note = QLabel(self._detail(check.name, check.ok))
            note.setObjectName("Muted")
            note.setToolTip(check.detail)
            self.grid.addWidget(note, row, 2)
        self.switch_button.setEnabled(test.passed)
        if test.passed:
            self.status.setText(self.tr("Every check passed. Switching saves the settings; the app then works "
                                        "LIVE from its next start."))
            self.status.setStyleSheet(f"color: {theme.OK};")
        else:
            self.status.setText(self.tr("Not ready for LIVE: fix what failed (the address, the codes or the key "
                                        "from the sub-station, the network) and test again.")
                                + (f"\n{test.problem}" if test.problem else ""))
            self.status.setStyleSheet(f"color: {theme.ERROR};")
        self._fit()
        QTimer.singleShot(0, self._fit)  # again once the new rows are shown (they show on the next turn)

    def _fit(self) -> None:
        """As tall as the wrapped text and the test's rows need at the dialog's width (a layout's minimum size
        alone does not count wrapped lines, and the rows were drawn over one another)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        needed = self.heightForWidth(self.width())
        if needed <= 0:
            needed = self.sizeHint().height()
        self.setMinimumHeight(needed)
        self.resize(self.width(), max(self.height(), needed))

    def _detail(self, name: str, ok: bool | None) -> str:
        if ok is None:
            return self.tr("not checked")
        if ok:
            return ""
        return {
            "address": self.tr("LIVE needs an https:// address from the sub-station"),
            "reachable": self.tr("nothing answers at this address"),
            "tls": self.tr("the certificate is not trusted"),
            "live": self.tr("this is a training intake"),
            "codes": self.tr("the intake refuses these codes"),
            "key": self.tr("its answer is not signed with the sub-station's key"),
        }.get(name, "")

    def _failed(self, error: JobError) -> None:
        self.again_button.setEnabled(True)
        self.status.setText(self.tr("The test could not run: %1").replace("%1", labels.problem_text(error)))
        self.status.setStyleSheet(f"color: {theme.ERROR};")


def confirm_training(parent: QWidget) -> bool:
    """Back from LIVE to TRAINING: reports stop going to the police; a manager says so knowingly."""
    title = QCoreApplication.translate("LiveSwitchDialog", "Switch to TRAINING")
    box = QMessageBox(QMessageBox.Icon.Warning, title, QCoreApplication.translate(
        "LiveSwitchDialog", "From the next start, reports go to the practice intake on this computer, not to the "
        "police. Guests registered in TRAINING are not reported to the police. Switch to TRAINING?"), parent=parent)
    yes = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QCoreApplication.translate("LiveSwitchDialog", "Stay LIVE"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
