"""What every page shares: the desk, the background-job manager, the app-wide change signals, and the one
way a page runs a desk action (`run_action`: the job, the outcome in words, then `after_change`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from hotel_desk.desk import Desk, QueueSummary
from hotel_desk.settings import Settings
from hotel_desk.ui import labels
from hotel_desk.ui.access import AccessController
from hotel_desk.ui.closure_watch import ClosureWatch
from hotel_desk.ui.scanner_watch import ScannerWatch
from hotel_desk.ui.tasks import JobError, TaskManager
from hotel_desk.ui.widgets import MessageLine

T = TypeVar("T")


class AppContext(QObject):
    registrations_changed = Signal()
    reports_changed = Signal()
    summary_changed = Signal(object)  # QueueSummary
    navigate = Signal(str, object)  # (page name, argument): e.g. ("in_house", registration id to correct)
    notice = Signal(str, str)  # (kind: "ok" | "error" | "info", text) for the window's message line
    ready_changed = Signal(bool)
    uploader_event = Signal(object)  # emitted from the uploader's thread; Qt queues it to ours
    deadline_alert = Signal(object)  # DeadlineAlert: the uploader found a report's deadline near (or past)
    settings_saved = Signal(object)  # Settings, as just saved: the app applies what can change at once

    #: How often the window looks whether the intake link is due for a probe (hotel_desk.desk.link decides).
    PROBE_CHECK_MS = 5_000

    def __init__(self, desk: Desk, settings: Settings, tasks: TaskManager | None = None,
                 parent: QObject | None = None, poll_ms: int = 2000) -> None:
        super().__init__(parent)
        self.desk = desk
        self.settings = settings
        self.tasks = tasks or TaskManager(self)
        self.summary = QueueSummary()
        self.ready = False
        self._polling = False
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh_summary)
        # While the uploader has nothing to send nobody talks to the intake: a cheap probe keeps Online honest.
        self._probing = False
        self._probe = QTimer(self)
        self._probe.setInterval(self.PROBE_CHECK_MS)
        self._probe.timeout.connect(self.probe_if_due)
        self.registrations_changed.connect(self.reports_changed)
        self.reports_changed.connect(self.refresh_summary)
        self.uploader_event.connect(self._on_uploader_event)
        desk.on_uploader_event = self.uploader_event.emit
        #: Who is at the desk: sign-in, lock, switch user, and what the signed-in role may see.
        self.access = AccessController(self)
        #: The scanner folder and whether it is really being watched (the app configures it).
        self.scanner = ScannerWatch(self)
        # Page images past their retention are purged when the desk opens and then once a day while it runs.
        self._daily = QTimer(self)
        self._daily.setInterval(24 * 3600 * 1000)
        self._daily.timeout.connect(lambda: self.run(self.desk.purge_page_images, owner=self))
        #: Guests past their planned departure, the morning and night-audit reminders, the day's nil reports.
        self.closure = ClosureWatch(self, self)
        self.registrations_changed.connect(self.closure.check)

    def run(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[JobError], None] | None = None, *, label: str = "",
            owner: QObject | None = None) -> int:
        return self.tasks.run(fn, on_done, on_failed, label=label, owner=owner)

    def run_action(self, action: Callable[[], T], *, message: MessageLine, done: Callable[[T], str],
                   failed: str, owner: QObject, label: str = "", busy: Callable[[bool], None] | None = None,
                   then: Callable[[T], None] | None = None, kind: str = "ok",
                   changed: SignalInstance | None = None, send: bool = True) -> int:
        """A desk action from a page: `action` runs as a background job (the page shows `busy` meanwhile);
        then the page says what happened (`done(result)`, or `failed` with the reason for %1), does its own
        `then`, and everything that shows registrations or reports refreshes and the uploader is woken
        (`after_change`)."""
        if busy is not None:
            busy(True)

        def succeeded(result: T) -> None:
            if busy is not None:
                busy(False)
            message.show_message(kind, done(result))
            if then is not None:
                then(result)
            self.after_change(changed, send=send)

        def went_wrong(error: JobError) -> None:
            if busy is not None:
                busy(False)
            message.show_message("error", failed.replace("%1", labels.problem_text(error)))

        return self.run(action, succeeded, went_wrong, label=label, owner=owner)

    def after_change(self, changed: SignalInstance | None = None, *, send: bool = True) -> None:
        """After a desk action: every view of registrations (or only of reports) refreshes, and the uploader
        gets to the new report at once instead of at its next poll."""
        (changed or self.registrations_changed).emit()
        if send:
            self.run(self.desk.send_now)

    def start(self) -> None:
        """Open the store, start the uploader (and the training intake) in the background."""
        def opened(_: object) -> None:
            self.ready = True
            self.ready_changed.emit(True)
            self._poll.start()
            self._probe.start()
            self._daily.start()
            self.closure.start()
            self.registrations_changed.emit()
            self.probe_if_due()

        def failed(error: JobError) -> None:
            self.notice.emit("error", self.tr("The desk could not start: %1").replace("%1", str(error)))

        self.run(self.desk.open, opened, failed, label=self.tr("Opening the database"))

    def refresh_summary(self) -> None:
        if not self.ready or self._polling:
            return
        self._polling = True

        def done(summary: QueueSummary) -> None:
            self._polling = False
            self.summary = summary
            self.summary_changed.emit(summary)

        def failed(error: JobError) -> None:
            self._polling = False

        self.run(self.desk.summary, done, failed)

    def probe_if_due(self, *, force: bool = False) -> None:
        """Ask the intake whether it is there, when the last word about it is getting old (a background job)."""
        if not self.ready or self._probing or not (force or self.desk.link.probe_due()):
            return
        self._probing = True

        def done(_state: object) -> None:
            self._probing = False
            self.refresh_summary()

        def failed(_error: JobError) -> None:
            self._probing = False

        self.run(self.desk.probe_intake, done, failed)

    def _on_uploader_event(self, event: Any) -> None:
        alert = Desk.deadline_alert(event)
        if alert is not None:
            self.deadline_alert.emit(alert)
        elif getattr(event, "kind", "") in ("batch", "online", "offline", "attention"):
            self.reports_changed.emit()

    def stop(self) -> None:
        self.desk.on_uploader_event = None
        self._poll.stop()
        self._probe.stop()
        self.access.stop()
        self.scanner.stop()
        self.closure.stop()
