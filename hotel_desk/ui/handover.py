"""The hand-over loop on the Reports page, for small inns and outages: the registration form printed (the
system's printer dialog), faxed (the fax modem set in Settings, as a background job with progress) or saved as
PDF; the report marked as handed over when an officer took it; and the police's receipt number entered,
which files it. The desk layer does each step (hotel_desk.desk.handover); this is the window's part: the
questions, the printing itself, the progress and the outcome in words.

Every question is a method (`ask_*`, `offer_*`) so that tests answer it without a real dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from hotel_desk.desk.views import ReportRow
from hotel_desk.rules.reports import AWAITING_RECEIPT_STATES, HANDOVER_STATES
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import labels
from hotel_desk.ui.tasks import JobError

if TYPE_CHECKING:
    from hotel_desk.ui.reports_page import ReportsPage

#: Settings (the `extra` values) of the fax modem.
FAX_PORT, FAX_NUMBER, FAX_BAUD, FAX_FLOW = "fax_port", "fax_number", "fax_baud", "fax_flow"


def print_page(png: bytes, printer: QPrinter) -> None:
    """Draw a form page (an A4 image with its own margins) on the whole sheet, keeping its proportions."""
    image = QImage.fromData(png)
    printer.setFullPage(True)
    painter = QPainter(printer)
    try:
        area = painter.viewport()
        size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setViewport(area.x(), area.y(), size.width(), size.height())
        painter.setWindow(image.rect())
        painter.drawImage(0, 0, image)
    finally:
        painter.end()


class HandOver(QObject):
    def __init__(self, page: ReportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.printer: QPrinter | None = None  # kept between prints: the desk's printer stays chosen

    # -- the questions (tests answer these) --------------------------------------------------------------------
    def ask_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self.page)
        dialog.setWindowTitle(self.tr("Print the registration form"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_form_path(self, row: ReportRow) -> str:
        suggested = Path.home() / f"registration-{row.room or 'room'}-{row.report_id[:8]}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self.page, self.tr("Save the registration form"),
                                                    str(suggested), self.tr("PDF (*.pdf)"))
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def ask_fax_number(self, number: str) -> str:
        text, ok = QInputDialog.getText(self.page, self.tr("Fax the registration form"), self.tr(
            "The police sub-station's fax number:"), QLineEdit.EchoMode.Normal, number)
        return text.strip() if ok else ""

    def ask_received_by(self) -> str:
        name, ok = QInputDialog.getText(self.page, self.tr("Mark as handed over"), self.tr(
            "Who received the form? (officer's name or number)"))
        return name.strip() if ok else ""

    def ask_receipt(self, row: ReportRow) -> str:
        text, ok = QInputDialog.getText(self.page, self.tr("Enter the police receipt"), self.tr(
            "The receipt number the police gave for %1, room %2:").replace("%1", row.guest_name)
            .replace("%2", row.room))
        return text.strip() if ok else ""

    def offer_hand_over(self, row: ReportRow, done: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Registration form"), done + " " + self.tr(
            "Hand it to the police sub-station before the deadline. Once an officer has it, mark the report as "
            "handed over: its deadline is then met."), parent=self.page)
        hand_over = box.addButton(self.tr("Mark as handed over…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not yet"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(hand_over)
        box.exec()
        return box.clickedButton() is hand_over

    # -- the actions -----------------------------------------------------------------------------------------
    def _allowed(self, row: ReportRow | None) -> bool:
        return row is not None and self.ctx.ready and self.ctx.access.can(Permission.HAND_OVER)

    def print_form(self, row: ReportRow | None) -> None:
        """Print the form through the system's printer dialog; then offer to mark it as handed over."""
        if not self._allowed(row):
            return
        assert row is not None

        def loaded(png: bytes) -> None:
            if self.printer is None:
                self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                self.printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                                       QPageLayout.Orientation.Portrait, self.printer.pageLayout().margins()))
            if not self.ask_printer(self.printer):
                return
            print_page(png, self.printer)
            done = self.tr("The registration form is printed.")
            self.page.message.show_message("info", done)
            if row.state in HANDOVER_STATES and self.offer_hand_over(row, done):
                self.hand_over(row)

        self.ctx.run(lambda: self.ctx.desk.form_for_printing(row.report_id), loaded, self._failed,
                     label=self.tr("Preparing the registration form"), owner=self.page)

    def save_form(self, row: ReportRow | None) -> None:
        if not self._allowed(row):
            return
        assert row is not None
        path = self.ask_form_path(row)
        if not path:
            return

        def done(written: str) -> None:
            text = self.tr("Registration form saved: %1").replace("%1", written)
            self.page.message.show_message("info", text)
            if row.state in HANDOVER_STATES and self.offer_hand_over(row, text):
                self.hand_over(row)

        self.ctx.run(lambda: str(self.ctx.desk.save_form(row.report_id, path)[1]), done, self._failed,
                     label=self.tr("Saving the registration form"), owner=self.page)

    def _failed(self, error: JobError) -> None:
        self.page.message.show_message("error", self.tr("The registration form could not be made: %1").replace(
            "%1", labels.problem_text(error)))

    def fax_form(self, row: ReportRow | None) -> None:
        """Fax the form through the modem set in Settings: a background job whose progress the page shows; the
        report is handed over only when the modem confirmed every page."""
        if not self._allowed(row):
            return
        assert row is not None
        extra = self.ctx.settings.extra
        port = extra.get(FAX_PORT, "").strip()
        if not port:
            self.page.message.show_message("error", self.tr(
                "No fax modem is set up: a manager chooses its port in Settings (Fax modem)."))
            return
        number = self.ask_fax_number(extra.get(FAX_NUMBER, ""))
        if not number:
            return
        baud = int(extra.get(FAX_BAUD, "") or 19200)
        flow = extra.get(FAX_FLOW, "") or "rtscts"
        message = self.page.message
        message.show_message("info", self.tr("Faxing the registration form to %1…").replace("%1", number),
                             sticky=True)

        def progress(text: str) -> None:
            message.show_message("info", self.tr("Faxing to %1: %2").replace("%1", number)
                                 .replace("%2", labels.fax_progress(text)), sticky=True)

        def done(outcome: Any) -> None:
            pages = int(outcome.result.pages) or 1
            if outcome.marked_handed_over:
                message.show_message("ok", self.tr(
                    "Faxed to %1, %n page(s) confirmed. The report is handed over: enter the police's receipt "
                    "number when they give it.", "", pages).replace("%1", number))
            else:
                message.show_message("info", self.tr("Faxed to %1, but the report had meanwhile been filed "
                                                     "online; the fax is on record.").replace("%1", number))
            self.ctx.after_change(self.ctx.reports_changed, send=False)

        def failed(error: JobError) -> None:
            message.show_message("error", self.tr("The fax did not go through: %1. The report is unchanged and "
                                                  "still waiting.").replace("%1", labels.fax_problem(error)))

        self.ctx.tasks.run(lambda report: self.ctx.desk.fax(row.report_id, port=port, number=number, baud=baud,
                                                            flow=flow, on_progress=report),
                           done, failed, label=self.tr("Faxing the registration form"), owner=self.page,
                           progress=progress)

    def hand_over(self, row: ReportRow) -> None:
        received_by = self.ask_received_by()
        if not received_by:
            return
        self.ctx.run_action(
            lambda: self.ctx.desk.hand_over_in_person(row.report_id, received_by), message=self.page.message,
            kind="info", changed=self.ctx.reports_changed, send=False,
            done=lambda _report: self.tr("Handed over to %1: the deadline is met. Enter the police's receipt "
                                         "number when they give it.").replace("%1", received_by),
            failed=self.tr("Could not mark the report as handed over: %1"), owner=self.page)

    def hand_over_selected(self, row: ReportRow | None) -> None:
        if self._allowed(row) and row is not None and row.state in HANDOVER_STATES:
            self.hand_over(row)

    def enter_receipt(self, row: ReportRow | None) -> None:
        """The police's receipt for a handed-over report: recorded as `hotel-desk reports confirm` records it."""
        if not self._allowed(row) or row is None or row.state not in AWAITING_RECEIPT_STATES:
            return
        receipt = self.ask_receipt(row)
        if not receipt:
            return
        self.ctx.run_action(
            lambda: self.ctx.desk.enter_receipt(row.report_id, receipt), message=self.page.message,
            changed=self.ctx.reports_changed, send=False,
            done=lambda _none: self.tr("Receipt %1 recorded: the report is filed.").replace("%1", receipt),
            failed=self.tr("The receipt was not recorded: %1"), owner=self.page)
