"""Where reports go: the intake target (address, codes, field mapping), the transports and the ONE uploader,
built here for the window and for every command alike; the training intake the app runs for itself.

The intake URL is, in order: an explicit override (`--intake URL`), the settings (a file value, or
$HOTEL_DESK_INTAKE_URL on top of it), then the local training intake. The hotel id and authorisation code come
from the property row (what the sub-station issued, kept with the registrations) and fall back to the
settings; in training mode with no codes at all, "TRAINING" stands in for both, so that a fresh install's
training mode works at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hotel_desk.clock import Clock
from hotel_desk.reporting.batch_file import BatchFileTransport
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.mapping import FieldMapping, load_mapping
from hotel_desk.reporting.transport import Transport
from hotel_desk.reporting.uploader import Uploader, UploaderEvent, default_worker_name
from hotel_desk.settings import TRAINING_INTAKE_PORT, Settings, data_dir
from hotel_desk.store import Database, claim_open_reports, get_property

log = logging.getLogger(__name__)

TRAINING_CREDENTIAL = "TRAINING"


@dataclass(frozen=True)
class IntakeTarget:
    url: str
    hotel_id: str
    authorisation_code: str
    training: bool
    verify_tls: bool
    client_cert: str | None
    mapping: FieldMapping

    @property
    def label(self) -> str:
        return ("TRAINING " if self.training else "") + self.url


def property_codes(settings: Settings) -> tuple[str, str]:
    """The hotel code and authorisation code the desk sets its property to (TRAINING stand-ins in training)."""
    if settings.training:
        return settings.hotel_code or TRAINING_CREDENTIAL, settings.authorisation_code or TRAINING_CREDENTIAL
    return settings.hotel_code, settings.authorisation_code


def intake_target(settings: Settings, db: Database | None = None, *, url: str | None = None) -> IntakeTarget:
    hotel_id = settings.hotel_code
    code = settings.authorisation_code
    prop = get_property(db) if db is not None else None
    if prop is not None:
        hotel_id = prop.hotel_code or hotel_id
        code = prop.authorisation_code or code
    if settings.training:
        hotel_id = hotel_id or TRAINING_CREDENTIAL
        code = code or TRAINING_CREDENTIAL
    return IntakeTarget(
        url=url or settings.effective_intake_url(),
        hotel_id=hotel_id,
        authorisation_code=code,
        training=settings.training,
        verify_tls=settings.intake_verify_tls,
        client_cert=settings.intake_client_cert or None,
        mapping=load_mapping(settings.field_mapping or None),
    )


def http_transport(target: IntakeTarget, *, timeout: float = 30.0, max_batch: int = 200) -> HttpTransport:
    return HttpTransport(
        HttpIntakeConfig(
            base_url=target.url,
            hotel_id=target.hotel_id,
            authorisation_code=target.authorisation_code,
            client_cert=target.client_cert,
            verify_tls=target.verify_tls,
            timeout_seconds=timeout,
            max_batch=max_batch,
        )
    )


def batch_file_transport(target: IntakeTarget, out_dir: str | Path, *, max_batch: int = 1000,
                         clock: Clock | None = None) -> BatchFileTransport:
    return BatchFileTransport(out_dir, columns=target.mapping.columns, hotel_id=target.hotel_id,
                              layout=target.mapping.layout, training=target.training, clock=clock,
                              max_batch=max_batch)


def build_uploader(
    db: Database,
    target: IntakeTarget,
    transport: Transport,
    *,
    clock: Clock | None = None,
    role: str = "uploader",
    batch_size: int | None = None,
    on_event: Callable[[UploaderEvent], None] | None = None,
    poll_interval: float = 30.0,
) -> Uploader:
    """The uploader for `target` over `transport`: the app runs it on its thread (UploaderHandle), a command
    drains it (`reports send`) or hands everything over (`reports export-batch`). The worker is named
    `role@host`, so that a restarted app or command takes back its own earlier claims."""
    return Uploader(db, transport, mapping=target.mapping, hotel_id=target.hotel_id, clock=clock,
                    worker=default_worker_name(role), batch_size=batch_size, on_event=on_event,
                    poll_interval=poll_interval)


class UploaderHandle:
    """The uploader on its own thread, as the desk sees it: online or not, the last problem, and wake /
    pause / send everything now. Its events arrive on the worker thread and are passed on as they are."""

    def __init__(self, uploader: Uploader, listener: Callable[[UploaderEvent], None] | None = None) -> None:
        self.uploader = uploader
        self.listener = listener
        self.last_error = ""
        self.seen_round = False
        uploader.on_event = self._event

    def _event(self, event: UploaderEvent) -> None:
        if event.kind in ("offline", "attention", "error"):
            self.last_error = event.message
        elif event.kind in ("online", "batch"):
            self.last_error = ""
        self.seen_round = True
        if self.listener is not None:
            self.listener(event)

    @property
    def online(self) -> bool | None:
        if self.uploader.offline:
            return False
        if self.uploader.last_round_at is None and not self.seen_round:
            return None
        return self.uploader.attention is None

    def start(self) -> None:
        self.uploader.start()

    def wake(self) -> None:
        if not self.uploader.running:
            self.uploader.start()
        self.uploader.wake()

    def pause(self) -> None:
        self.uploader.stop()

    def stop(self) -> None:
        self.uploader.stop()
        self.uploader.transport.close()

    def send_all_now(self) -> int:
        """Send every waiting report now, also those whose next retry is later (the desk asked for it).
        Claims are row states in the store, so the uploader thread never sends the same report alongside."""
        up = self.uploader
        claimed = claim_open_reports(up.db, worker=up.worker, limit=up.batch_size, lease=up.lease,
                                     clock=up.clock)
        if claimed:
            up.send(claimed)
        return len(claimed)


def start_training_intake(settings: Settings, clock: Clock | None = None) -> IntakeServer:
    """The practice intake on this computer (TRAINING mode): its records in the data directory unless the
    settings' extra `training_intake_db` says otherwise, on the usual port or any free one."""
    path = settings.extra.get("training_intake_db") or str(data_dir() / "training-intake.sqlite3")
    port = int(settings.extra.get("training_intake_port", TRAINING_INTAKE_PORT))
    try:
        server = IntakeServer(path, port=port, clock=clock)
    except OSError:
        # Another desk (or an earlier run still closing) holds the usual port: any free one will do, the
        # uploader is told which.
        server = IntakeServer(path, port=0, clock=clock)
    server.start()
    return server
