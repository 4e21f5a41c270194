"""Background jobs for the window: the UI thread never waits on OCR, the database or the network.

One small task manager (in the spirit of Anki's taskman): `run(fn, on_done, on_failed)` executes `fn` on a
QThreadPool worker and delivers the result back on the main thread through a queued Qt signal. Jobs that take
longer than a second are visible: the manager counts running jobs and emits `busy_changed`, which the status
bar turns into a progress indicator. Callbacks are dropped when their owner widget has been destroyed, so a job
finishing after its page was closed cannot touch a dead widget.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobError:
    """What a failed job tells the UI: the exception itself and a traceback for the log."""

    exception: BaseException
    trace: str

    def __str__(self) -> str:
        return str(self.exception) or type(self.exception).__name__


class _Relay(QObject):
    # Emitted from the worker thread; Qt queues it to the manager's (main) thread.
    finished = Signal(int, object, object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = job_id
        self._fn = fn
        self._relay = relay
        self._wants_progress = wants_progress

    def run(self) -> None:
        try:
            if self._wants_progress:
                result = self._fn(lambda text: self._relay.progress.emit(self._id, text))
            else:
                result = self._fn()
        except BaseException as exc:  # a job must never take the worker thread (or the app) down
            log.exception("background job failed")
            self._relay.finished.emit(self._id, None, JobError(exc, traceback.format_exc()))
            return
        self._relay.finished.emit(self._id, result, None)


@dataclass
class _Pending:
    label: str
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[JobError], None] | None
    owner: QObject | None
    owner_alive: list[bool]
    on_progress: Callable[[str], None] | None = None


class TaskManager(QObject):
    """Runs callables off the UI thread and hands their results back on it."""

    busy_changed = Signal(bool, str)  # (something is running for > 1 s, label of the oldest such job)
    job_progress = Signal(str)
    job_failed = Signal(str, str)  # (label, message) for jobs without their own failure handler

    #: Jobs shorter than this never flash a progress indicator.
    SHOW_PROGRESS_AFTER_MS = 1000

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.progress.connect(self._on_progress)
        self._pending: dict[int, _Pending] = {}
        self._next_id = 1
        self._lock = threading.Lock()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._announce_busy)
        self._busy_shown = False

    # -- public -------------------------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[JobError], None] | None = None,
        *,
        label: str = "",
        owner: QObject | None = None,
        progress: bool | Callable[[str], None] = False,
    ) -> int:
        """Start `fn()` (or `fn(report_progress)` when `progress`) on a worker; returns a job id. A callable
        `progress` also hears this job's progress texts on the main thread (as long as its owner lives)."""
        with self._lock:
            job_id = self._next_id
            self._next_id += 1
        alive = [True]
        if owner is not None:
            owner.destroyed.connect(lambda *_: alive.__setitem__(0, False))
        self._pending[job_id] = _Pending(label, on_done, on_failed, owner, alive,
                                         progress if callable(progress) else None)
        if not self._busy_timer.isActive() and not self._busy_shown:
            self._busy_timer.start(self.SHOW_PROGRESS_AFTER_MS)
        self._pool.start(_Job(job_id, fn, self._relay, bool(progress)))
        return job_id

    @property
    def running(self) -> int:
        return len(self._pending)

    def wait_all(self, msecs: int = 30000) -> bool:
        """Block until every job has finished (shutdown and tests only, never from a click)."""
        return self._pool.waitForDone(msecs)

    # -- internals -----------------------------------------------------------------------------------------
    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self._busy_timer.stop()
            if self._busy_shown:
                self._busy_shown = False
                self.busy_changed.emit(False, "")
        if pending is None or not pending.owner_alive[0]:
            return
        if isinstance(error, JobError):
            if pending.on_failed is not None:
                pending.on_failed(error)
            else:
                self.job_failed.emit(pending.label, str(error))
        elif pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, str)
    def _on_progress(self, job_id: int, text: str) -> None:
        pending = self._pending.get(job_id)
        if pending is not None:
            self.job_progress.emit(text)
            if pending.on_progress is not None and pending.owner_alive[0]:
                pending.on_progress(text)

    def _announce_busy(self) -> None:
        if self._pending:
            self._busy_shown = True
            label = next(iter(self._pending.values())).label
            self.busy_changed.emit(True, label)
