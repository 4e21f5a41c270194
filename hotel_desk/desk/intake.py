"""Where reports go: the intake target (address, codes, field mapping), the transports and the ONE uploader,
built here for the window and for every command alike; the training intake the app runs for itself.

The intake URL is, in order: an explicit override (`--intake URL`), the settings (a file value, or
$HOTEL_DESK_INTAKE_URL on top of it), then (TRAINING only) this installation's training intake; LIVE without
one has none, and nothing is built for it (`check_live` says which setting is missing). How the intake is
trusted (its public key, CA bundle or pinned certificate, the training intake's desk secret) comes from
hotel_desk.reporting.intake_trust. The hotel id and authorisation code come from the property row (what the
sub-station issued, kept with the registrations) and fall back to the settings; in training mode with no
codes at all, "TRAINING" stands in for both, so that a fresh install's training mode works at once.
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
from hotel_desk.reporting.intake_trust import IntakeTrust, check_target, intake_trust, server_trust
from hotel_desk.reporting.mapping import FieldMapping, load_mapping
from hotel_desk.reporting.training_home import TrainingHome, training_home
from hotel_desk.reporting.transport import Transport
from hotel_desk.reporting.uploader import DrainSummary, Uploader, UploaderEvent, default_worker_name
from hotel_desk.settings import Settings
from hotel_desk.store import Database, get_property

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
    trust: IntakeTrust

    @property
    def label(self) -> str:
        return ("TRAINING " if self.training else "") + self.url


def property_codes(settings: Settings) -> tuple[str, str]:
    """The hotel code and authorisation code the desk sets its property to (TRAINING stand-ins in training)."""
    if settings.training:
        return settings.hotel_code or TRAINING_CREDENTIAL, settings.authorisation_code or TRAINING_CREDENTIAL
    return settings.hotel_code, settings.authorisation_code


def training_home_for(settings: Settings) -> TrainingHome:
    """This installation's training intake home; a configured `training_intake_db` (screenshots, the
    self-test, tests) puts the whole home beside it, so the desk and its intake agree on key and secret."""
    db = settings.extra.get("training_intake_db")
    return training_home(Path(db).parent if db else None)


def intake_target(settings: Settings, db: Database | None = None, *, url: str | None = None,
                  server: IntakeServer | None = None) -> IntakeTarget:
    """Where reports go and how that intake is trusted. `server` is the training intake this process runs
    (its own key and secret, read from it rather than from the disk)."""
    hotel_id = settings.hotel_code
    code = settings.authorisation_code
    prop = get_property(db) if db is not None else None
    if prop is not None:
        hotel_id = prop.hotel_code or hotel_id
        code = prop.authorisation_code or code
    if settings.training:
        hotel_id = hotel_id or TRAINING_CREDENTIAL
        code = code or TRAINING_CREDENTIAL
    chosen = url or settings.effective_intake_url()
    if settings.training and server is not None and chosen in ("", server.url):
        chosen, trust = server.url, server_trust(server)
    elif settings.training:
        home = training_home_for(settings)
        chosen = chosen or home.url
        trust = intake_trust(settings, training=True, url=chosen, home=home)
    else:
        trust = intake_trust(settings, training=False, url=chosen)
    return IntakeTarget(
        url=chosen,
        hotel_id=hotel_id,
        authorisation_code=code,
        training=settings.training,
        verify_tls=settings.intake_verify_tls,
        client_cert=settings.intake_client_cert or None,
        mapping=load_mapping(settings.field_mapping or None),
        trust=trust,
    )


def check_live(settings: Settings) -> None:
    """Refuse a LIVE desk whose intake is not configured (address, key, TLS), before anything starts: raises
    IntakeConfigError naming the setting. A LIVE desk that cannot report must say so at once, not queue
    reports that will never leave; TRAINING always has its own intake."""
    if settings.training:
        return
    target_url = settings.effective_intake_url()
    check_target(target_url, intake_trust(settings, training=False, url=target_url),
                 verify_tls=settings.intake_verify_tls, client_cert=settings.intake_client_cert)


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
            **target.trust.config_fields(),
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

    def send_all_now(self) -> DrainSummary:
        """Try every open report once now, also those waiting for a retry or postponed by the intake (the
        desk asked for it). Claims are row states in the store, so the uploader thread never sends the same
        report alongside."""
        return self.uploader.send_open()


def start_uploader(db: Database, target: IntakeTarget, *, clock: Clock | None = None, poll_interval: float = 2.0,
                   listener: Callable[[UploaderEvent], None] | None = None) -> UploaderHandle:
    """The app's uploader for `target` on its own thread. Raises IntakeConfigError (or OSError / SSLError for
    TLS files) when the target cannot make a transport: nothing is started then."""
    uploader = build_uploader(db, target, http_transport(target, timeout=15.0), clock=clock,
                              poll_interval=poll_interval)
    handle = UploaderHandle(uploader, listener)
    handle.start()
    return handle


def start_training_intake(settings: Settings, clock: Clock | None = None) -> IntakeServer:
    """This installation's practice intake (TRAINING mode): its own port, key and desk secret
    (hotel_desk.reporting.training_home); the extra `training_intake_port` overrides the port ("0": any)."""
    home = training_home_for(settings)
    port = settings.extra.get("training_intake_port")
    try:
        server = IntakeServer.for_home(home, port=int(port) if port else None, clock=clock)
    except OSError:
        # Another program (or an earlier run still closing) holds the port: any free one will do, the
        # uploader is told which.
        server = IntakeServer.for_home(home, port=0, clock=clock)
    server.start()
    return server
