"""The desk's link to the police intake: which intake (the one target the wiring builds), whether a LIVE desk may
work at all (`require_intake`), the connection test before switching to LIVE, the uploader as the status bar
and the Reports page see it (summary, deadline alerts, send now, pause, send all waiting), and the training
intake's faults for demonstrations. A mixin of `Desk`: it uses the desk's settings, store, access check and
the intake and uploader `Desk.open` started."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hotel_desk.desk.errors import DeskError
from hotel_desk.desk.views import DeadlineAlert, QueueSummary
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.clock import Clock
    from hotel_desk.desk.access import StaffSession
    from hotel_desk.desk.connection import ConnectionTest
    from hotel_desk.desk.intake import IntakeTarget, UploaderHandle
    from hotel_desk.reporting.intake_server import IntakeServer
    from hotel_desk.reporting.uploader import UploaderEvent
    from hotel_desk.settings import Settings
    from hotel_desk.store import Database


class IntakeLink:
    settings: Settings
    clock: Clock
    #: Where reports go; in TRAINING mode the practice intake's address once `open()` started it.
    intake_url: str
    #: Called on the uploader's thread with each of its events (the window marshals them to its thread).
    on_uploader_event: Callable[[UploaderEvent], None] | None
    _intake: IntakeServer | None
    _uploader: UploaderHandle | None

    if TYPE_CHECKING:  # what the mixin uses of `Desk` (declared for the type checker; Desk defines them)

        @property
        def db(self) -> Database: ...

        def require(self, permission: Permission) -> StaffSession: ...

    @property
    def training_intake(self) -> IntakeServer | None:
        return self._intake

    def set_training_faults(self, spec: str | None) -> None:
        """Make the practice intake misbehave (outage demonstrations, screenshots): `spec` as for
        `hotel-desk intake-server --faults` (e.g. "reject=1", "transient=1"); None or "off" for none."""
        from hotel_desk.reporting.faults import FaultPlan

        if self._intake is None:
            raise DeskError("no_training_intake", "faults can only be set on the TRAINING intake this desk runs")
        self._intake.set_faults(FaultPlan.parse(spec or None))

    def require_intake(self) -> None:
        """LIVE refuses to work without a configured intake (address, key, TLS): DeskError("no_intake")
        naming the setting. TRAINING always has its own."""
        from hotel_desk.desk.intake import check_live
        from hotel_desk.reporting.connection import IntakeConfigError

        try:
            check_live(self.settings)
        except IntakeConfigError as exc:
            raise DeskError("no_intake", f"LIVE mode cannot start: {exc}") from exc

    def test_connection(self, settings: Settings | None = None, *, timeout: float = 10.0) -> ConnectionTest:
        """Can the intake these settings describe (default: the desk's own) be used? Sends no guest record:
        the settings are checked, then the intake must answer a fresh challenge signed with the configured key
        and be of the expected kind. For the settings page before switching to LIVE (blocks: call it from a
        background job). Candidate settings are tested with their own hotel codes, not the stored property's,
        by a staff member who may switch to LIVE (their authorisation code goes to the intake they name)."""
        from hotel_desk.desk.connection import run_connection_test
        from hotel_desk.desk.intake import intake_target

        if settings is None or settings is self.settings:
            target = self.intake_target()
        else:
            self.require(Permission.SWITCH_LIVE)
            target = intake_target(settings, None, server=self._intake if settings.training else None)
        return run_connection_test(target, timeout=timeout)

    def intake_target(self, url: str | None = None) -> IntakeTarget:
        from hotel_desk.desk.intake import intake_target

        return intake_target(self.settings, self.db, url=url or self.intake_url or None, server=self._intake)

    def _uploader_event(self, event: UploaderEvent) -> None:
        listener = self.on_uploader_event
        if listener is not None:
            listener(event)

    def summary(self) -> QueueSummary:
        """The status bar: what waits, what needs correcting, the nearest deadline, whether reports get out."""
        from hotel_desk import store

        data = store.outbox_summary(self.db, clock=self.clock)
        rejected = int(data["by_state"].get("rejected", 0))
        uploader = self._uploader
        return QueueSummary(pending=int(data["open"]) - rejected, nearest_deadline=data["nearest_deadline"],
                            online=uploader.online if uploader is not None else None, needs_correction=rejected,
                            last_error=uploader.last_error if uploader is not None else "")

    @staticmethod
    def deadline_alert(event: UploaderEvent) -> DeadlineAlert | None:
        """The deadline alert an uploader event carries, if it carries one (the uploader raises each level of
        each report once; see hotel_desk.reporting.metrics.AlertTracker)."""
        alert = event.alert
        if event.kind != "alert" or alert is None:
            return None
        return DeadlineAlert(alert.report_id, alert.level, alert.deadline_at)

    # -- sending -------------------------------------------------------------------------------------------------
    def send_now(self) -> None:
        """Ask the uploader for an immediate pass (after a registration, a retry)."""
        if self._uploader is not None:
            self._uploader.wake()

    def pause_uploads(self) -> None:
        """Hold the queue (screenshots, demonstrations of an outage); `send_now` resumes."""
        if self._uploader is not None:
            self._uploader.pause()

    def send_all_waiting(self) -> int:
        """'Send now' on the Reports page: every waiting report is tried once at once, retry time or not
        (also those the intake postponed). Returns how many were tried."""
        self.require(Permission.SEND_REPORTS)
        if self._uploader is None:
            raise DeskError("not_running", "the uploader is not running")
        return self._uploader.send_all_now().tried
