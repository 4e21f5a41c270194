"""What every page shares: the desk services, the background-job manager and the app-wide change signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hotel_desk.settings import Settings
from hotel_desk.ui.desk import Desk
from hotel_desk.ui.tasks import JobError, TaskManager
from hotel_desk.ui.viewmodels import QueueSummary


class AppContext(QObject):
    registrations_changed = Signal()
    reports_changed = Signal()
    summary_changed = Signal(object)  # QueueSummary
    navigate = Signal(str, object)  # (page name, argument): e.g. ("in_house", registration id to correct)
    notice = Signal(str, str)  # (kind: "ok" | "error" | "info", text) for the window's message line
    ready_changed = Signal(bool)
    uploader_event = Signal(object)  # emitted from the uploader's thread; Qt queues it to ours

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
        self.registrations_changed.connect(self.reports_changed)
        self.reports_changed.connect(self.refresh_summary)
        self.uploader_event.connect(self._on_uploader_event)
        desk.on_uploader_event = self.uploader_event.emit

    def run(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[JobError], None] | None = None, *, label: str = "",
            owner: QObject | None = None) -> int:
        return self.tasks.run(fn, on_done, on_failed, label=label, owner=owner)

    def start(self) -> None:
        """Open the store, start the uploader (and the training intake) in the background."""
        def opened(_: object) -> None:
            self.ready = True
            self.ready_changed.emit(True)
            self._poll.start()
            self.registrations_changed.emit()

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

    def _on_uploader_event(self, event: Any) -> None:
        if getattr(event, "kind", "") in ("batch", "online", "offline", "attention"):
            self.reports_changed.emit()

    def stop(self) -> None:
        self.desk.on_uploader_event = None
        self._poll.stop()
