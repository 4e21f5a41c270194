"""The reminder that closes stays: once a minute (a background job) the desk is asked how many guests are past
their planned departure and whether the night audit is near; the day's nil reports are queued on the way.

The window hears it three ways: `overdue_changed` (the In house banner), `morning` (the first answer of each
day with guests overdue: shown once, wherever the receptionist is) and `night_audit` (guests still open an
hour before the night audit set in Settings: once per audit).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from hotel_desk.desk.closure import ClosureStatus
from hotel_desk.ui.tasks import JobError

if TYPE_CHECKING:
    from hotel_desk.ui.context import AppContext


class ClosureWatch(QObject):
    overdue_changed = Signal(int)
    morning = Signal(int)  # the number of guests overdue, once per day
    night_audit = Signal(int, object)  # (overdue, the audit's local moment), once per audit

    INTERVAL_MS = 60_000

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overdue = 0
        self._asking = False
        self._again = False  # asked while a question was on its way: ask again when it comes back
        self._reminded_on: date | None = None
        self._audits_warned: set[datetime] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Ask now (after a check-out, the In house page asks again at once)."""
        if not self.ctx.ready:
            return
        if self._asking:
            self._again = True  # the answer on its way may predate the change that made us ask
            return
        self._asking = True
        self.ctx.run(self.ctx.desk.closure.status, self._answered, self._failed)

    def _failed(self, _error: JobError) -> None:
        self._asking = False  # the database is busy or gone for a moment: the next minute asks again

    def _answered(self, status: ClosureStatus) -> None:
        self._asking = False
        if self._again:
            self._again = False
            self.check()
        if status.nil_reports:
            self.ctx.reports_changed.emit()
        self.overdue = status.overdue
        self.overdue_changed.emit(status.overdue)
        if status.overdue and self._reminded_on != status.today:
            self._reminded_on = status.today
            self.morning.emit(status.overdue)
        audit = status.night_audit_at
        if status.overdue and audit is not None and audit not in self._audits_warned:
            self._audits_warned.add(audit)
            self.night_audit.emit(status.overdue, audit)
