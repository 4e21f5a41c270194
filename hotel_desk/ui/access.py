"""Who is at the desk, as the window sees it: the state of `Desk.access` (signed in, locked, a fresh
installation), the sign-in, unlock and switch jobs (argon2 takes a few tenths of a second: never on the UI
thread), and the idle watch that locks the desk after the minutes set in Settings.

Locking is immediate in memory (the window covers itself at once); the audit event follows in a background
job. The window listens to `changed` and shows the sign-in screen, the lock screen or the pages the role may
see.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from hotel_desk.desk import GuestEntry, StaffSession
from hotel_desk.rules.roles import Permission
from hotel_desk.ui.tasks import JobError

if TYPE_CHECKING:
    from hotel_desk.ui.context import AppContext


class IdleWatch(QObject):
    """Emits `idle` once when nobody has pressed a key, clicked, scrolled or moved the mouse for `minutes()`
    minutes. It watches every event of the application; time comes from `monotonic` (tests pass their own
    and call `check`, the timer's slot, instead of waiting)."""

    idle = Signal()
    ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin})

    def __init__(self, minutes: Callable[[], int], monotonic: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None, check_ms: int = 5_000) -> None:
        super().__init__(parent)
        self._minutes = minutes
        self.monotonic = monotonic
        self._last = monotonic()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.ACTIVITY:
            self._last = self.monotonic()
        return False

    def arm(self) -> None:
        """Start counting from now (someone just signed in)."""
        self._last = self.monotonic()
        self._armed = True

    def disarm(self) -> None:
        self._armed = False

    @property
    def armed(self) -> bool:
        return self._armed

    def idle_seconds(self) -> float:
        return self.monotonic() - self._last

    def check(self) -> None:
        if self._armed and self.idle_seconds() >= max(1, self._minutes()) * 60:
            self._armed = False
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class AccessController(QObject):
    changed = Signal()  # signed in or out, locked or unlocked, the first manager made
    accounts_changed = Signal()  # a manager changed the accounts: the sign-in list and Users page reload

    def __init__(self, ctx: AppContext, monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.desk = ctx.desk
        #: None until the store is open; then whether this installation has staff accounts.
        self.has_accounts: bool | None = None
        #: (name, display name) of the active accounts, for the sign-in screen.
        self.names: list[tuple[str, str]] = []
        self.busy = False
        self._refusals_on_file: set[tuple[object, ...]] = set()
        self.idle = IdleWatch(lambda: ctx.settings.idle_lock_minutes, monotonic, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        ctx.ready_changed.connect(lambda ready: self.load() if ready else None)
        self.accounts_changed.connect(self.load)

    # -- state -------------------------------------------------------------------------------------------------
    @property
    def session(self) -> StaffSession | None:
        return self.desk.access.session

    @property
    def locked(self) -> bool:
        return self.desk.access.locked

    @property
    def open(self) -> bool:
        """Someone is signed in and the desk is not locked: the pages show."""
        return self.session is not None and not self.locked

    def can(self, permission: Permission) -> bool:
        """Whether the desk allows `permission` now (what buttons show; the desk layer decides)."""
        return self.desk.access.can(permission)

    def role_can(self, permission: Permission) -> bool:
        """Whether the signed-in role allows `permission`, locked or not (what the pages keep for later)."""
        session = self.session
        return session is not None and session.can(permission)

    def load(self) -> None:
        """Read whether there are accounts and who may sign in (after the store opened, after a change)."""
        def done(state: tuple[bool, list[tuple[str, str]]]) -> None:
            self.has_accounts, self.names = state
            self.changed.emit()

        def read() -> tuple[bool, list[tuple[str, str]]]:
            access = self.desk.access
            return access.has_accounts(), access.sign_in_names()

        self.ctx.run(read, done, lambda error: self.ctx.notice.emit("error", str(error)))

    # -- the door (background jobs) ------------------------------------------------------------------------
    def _job(self, fn: Callable[[], Any], on_failed: Callable[[JobError], None],
             on_done: Callable[[Any], None] | None = None) -> None:
        self.busy = True

        def done(result: Any) -> None:
            self.busy = False
            self.idle.arm()
            if on_done is not None:
                on_done(result)
            self.changed.emit()

        def failed(error: JobError) -> None:
            self.busy = False
            on_failed(error)
            self.changed.emit()

        self.ctx.run(fn, done, failed, label=self.tr("Checking the password"))

    def create_first_manager(self, name: str, password: str, display_name: str,
                             on_failed: Callable[[JobError], None]) -> None:
        def made(_account: object) -> None:
            self.has_accounts = True
            self.load()

        self._job(lambda: self.desk.access.create_first_manager(name, password, display_name=display_name),
                  on_failed, made)

    def sign_in(self, name: str, password: str, on_failed: Callable[[JobError], None]) -> None:
        """Sign in, or at a locked desk unlock (the same name) or switch to someone else."""
        if self.session is not None:
            self._job(lambda: self.desk.access.switch_user(name, password), on_failed)
        else:
            self._job(lambda: self.desk.access.sign_in(name, password), on_failed)

    def lock(self, reason: str = "by_hand") -> None:
        """Cover the desk now; the audit event is written in the background."""
        access = self.desk.access
        session = access.lock_now()
        self.idle.disarm()
        if session is not None:
            self.ctx.run(lambda: access.record_lock(session, reason))
        self.changed.emit()

    def sign_out(self, reason: str = "by_hand") -> None:
        access = self.desk.access
        session = access.end_session()
        self.idle.disarm()
        if session is not None:
            self.ctx.run(lambda: access.record_sign_out(session, reason=reason))
        self.changed.emit()

    def record_refused_check_in(self, entry: GuestEntry, codes: tuple[str, ...]) -> None:
        """A form refused a check-in (Enter on a document that fails its checks): on file once per document
        and reasons, not at every press of Enter."""
        key = (entry.document_number, entry.mrz_lines, codes)
        if key in self._refusals_on_file:
            return
        self._refusals_on_file.add(key)
        self.ctx.run(lambda: self.desk.check_in_refused(entry))

    def stop(self) -> None:
        self.idle.stop()
