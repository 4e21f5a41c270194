"""The window's status bar and deadline banner: always answering "do reports get through, and what is due".

- **Online / Offline** is the last real exchange with the police intake, or the probe that asked while the
  uploader had nothing to send (hotel_desk.desk.link): never a guess. Why it is offline is said in words, with
  when it was last learnt; the raw error stays on hover for support only.
- **What waits**: reports still to go out, reports handed over and waiting for the police's receipt (their
  clock stopped at the hand-over), reports to correct; the next deadline still counting down.
- **The deadline banner** appears when a report nears its deadline unsent, with "Print the form now": the
  hand-over that works without any network.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hotel_desk.desk.views import DeadlineAlert, QueueSummary
from hotel_desk.ui import labels, theme


class Pill(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Pill")

    def set_state(self, text: str, fg: str, bg: str) -> None:
        self.setText(text)
        self.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 9px; padding: 2px 10px;"
                           " font-weight: 600;")


class SummaryView(QWidget):
    """The status bar's left half: online pill, waiting counts, next deadline (the window adds the rest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online_pill = Pill()
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending")
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadline")

    def show_summary(self, summary: QueueSummary, now: datetime, zone: tzinfo) -> None:
        pill = self.online_pill
        when = summary.link_at.astimezone(zone).strftime("%H:%M") if summary.link_at else ""
        if summary.online is None:
            pill.set_state(self.tr("● Connecting…"), theme.MUTED, "#eef2f6")
            pill.setToolTip(self.tr("Asking the police intake whether it can be reached"))
        elif summary.online:
            pill.set_state(self.tr("● Online"), theme.OK, theme.OK_BG)
            pill.setToolTip(self.tr("The police intake answered at %1.").replace("%1", when))
        else:
            pill.set_state(self.tr("● Offline"), theme.ERROR, theme.ERROR_BG)
            tip = labels.link_problem(summary.link_problem) + " " + self.tr(
                "Reports wait here and go out by themselves once it is back (checked at %1). If a deadline "
                "comes close, print the form and hand it over.").replace("%1", when)
            pill.setToolTip(tip + (f"\n\n({summary.last_error})" if summary.last_error else ""))
        parts = [self.tr("%n report(s) waiting", "", summary.pending) if summary.pending
                 else self.tr("All reports sent")]
        if summary.awaiting_receipt:
            parts.append(self.tr("%n handed over, receipt to enter", "", summary.awaiting_receipt))
        if summary.needs_correction:
            parts.append(self.tr("%n need(s) correction", "", summary.needs_correction))
        self.pending_label.setText(" · ".join(parts))
        deadline = summary.nearest_deadline
        if deadline is None:
            self.deadline_label.setText("")
            self.deadline_label.setStyleSheet("")
            return
        left = (deadline - now).total_seconds()
        fg, _bg = theme.deadline_colour(left)
        self.deadline_label.setText(self.tr("Next deadline %1 (%2)").replace(
            "%1", deadline.astimezone(zone).strftime("%H:%M")).replace("%2", labels.countdown(left)))
        self.deadline_label.setStyleSheet(f"color: {fg}; font-weight: 600;")


class DeadlineBanner(QFrame):
    """A report close to its deadline and still unsent: the warning, and the hand-over that needs no network."""

    print_requested = Signal(str)  # report id
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeadlineBanner")
        self.setStyleSheet(f"QFrame#DeadlineBanner {{ background: {theme.ERROR_BG}; border-bottom: 1px solid "
                           f"{theme.ERROR}; }} QLabel {{ color: {theme.ERROR}; font-weight: 600; }}")
        self.report_id = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 10, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.print_button = QPushButton(self.tr("Print the form now"))
        self.print_button.setObjectName("Primary")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.report_id))
        row.addWidget(self.print_button)
        close = QPushButton(self.tr("Later"))
        close.clicked.connect(self.dismiss)
        row.addWidget(close)
        self.setVisible(False)

    def show_alert(self, alert: DeadlineAlert, text: str) -> None:
        self.report_id = alert.report_id
        self.text.setText(text)
        self.setVisible(True)

    def dismiss(self) -> None:
        self.setVisible(False)
        self.dismissed.emit()
