"""The training intake server: a real HTTP server that speaks the intake protocol (docs/intake-protocol.md).

It is the app's TRAINING mode intake (demos, staff training) and the stand-in the tests and benchmarks send
to. It applies the same validation rules as the protocol, files accepted records in SQLite, deduplicates by
idempotency key (and counts every duplicate it absorbed, which is how the tests prove exactly-once delivery),
issues receipts signed with its own key, says `training: true` in every answer, serves only its own desk
when given the installation's secret, and injects faults on demand (hotel_desk.reporting.faults).

Parts: intake_store (the records), intake_service (the protocol), intake_http (HTTP and faults), and this
module, which puts them together and runs them.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.clock import Clock
from hotel_desk.reporting.faults import FaultDice, FaultPlan
from hotel_desk.reporting.intake_http import HookAbort, IntakeHandler, IntakeHttpServer
from hotel_desk.reporting.intake_service import RECEIPT_PREFIX, IntakeService
from hotel_desk.reporting.intake_store import IntakeDatabase
from hotel_desk.reporting.signatures import load_or_create_signing_key
from hotel_desk.reporting.training_home import TrainingHome

__all__ = ["RECEIPT_PREFIX", "HookAbort", "IntakeServer", "server_tls_context"]


class IntakeServer:
    """The training intake. `start()` serves on a background thread; `serve_forever()` in the foreground.

    hotels: hotel id -> authorisation code; None accepts any non-empty pair (open training mode), so that a
    fresh install's training mode works before the sub-station has issued codes.
    signing_key: the intake's Ed25519 key; None reads (or creates) `<database>.signing-key.pem`.
    desk_secret: when set, only requests presenting it are served (`for_home` always sets it).
    """

    def __init__(
        self,
        database: str | Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: FaultPlan | None = None,
        hotels: Mapping[str, str] | None = None,
        clock: Clock | None = None,
        tls: ssl.SSLContext | None = None,
        log: bool = False,
        listen_socket: socket.socket | None = None,
        signing_key: Ed25519PrivateKey | None = None,
        desk_secret: str | None = None,
        intake_id: str | None = None,
    ) -> None:
        self.db = IntakeDatabase(database)
        key = signing_key or load_or_create_signing_key(f"{database}.signing-key.pem")
        self.service = IntakeService(self.db, key, training=True, intake_id=intake_id, hotels=hotels,
                                     desk_secret=desk_secret, clock=clock)
        self.log = log
        self.dice = FaultDice(faults or FaultPlan())
        try:
            if listen_socket is None:
                self._httpd = IntakeHttpServer((host, port), IntakeHandler)
            else:
                # A socket bound beforehand (by a supervisor, or a test that needs the address before the
                # intake is up): connections are refused until it listens, and nobody can take the port.
                self._httpd = IntakeHttpServer(listen_socket.getsockname(), IntakeHandler, bind_and_activate=False)
                self._httpd.socket.close()
                self._httpd.socket = listen_socket
                self._httpd.server_address = listen_socket.getsockname()
                self._httpd.server_activate()
        except BaseException:
            self.db.close()
            raise
        self._httpd.intake = self
        self.stopping = threading.Event()
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self._thread: threading.Thread | None = None
        #: Test hook: called as hook(phase, records) with phase "received" (before filing) and "filed"
        #: (filed, answer not yet sent), on the request's thread. Lets a test kill a client at an exact point.
        self.hook: Callable[[str, int], None] | None = None

    @classmethod
    def for_home(cls, home: TrainingHome, *, port: int | None = None, clock: Clock | None = None,
                 faults: FaultPlan | None = None, hotels: Mapping[str, str] | None = None,
                 log: bool = False, listen_socket: socket.socket | None = None) -> IntakeServer:
        """This installation's training intake: its remembered port (unless `port` is given), its key, its
        database, and only its own desk (the installation's secret). Raises OSError when the port is taken."""
        return cls(home.database_path, port=home.port if port is None else port, clock=clock, faults=faults,
                   hotels=hotels, log=log, signing_key=home.signing_key(), desk_secret=home.desk_secret,
                   intake_id=home.intake_id, listen_socket=listen_socket)

    # -- life cycle -----------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = self._httpd.server_address[0]
        text = host.decode("ascii") if isinstance(host, bytes) else host
        return f"{self.scheme}://{text}:{self.port}"

    @property
    def public_key_text(self) -> str:
        """What a desk configures to check this intake's receipts."""
        return self.service.public_key_text

    @property
    def intake_id(self) -> str:
        return self.service.intake_id

    def start(self) -> IntakeServer:
        if self._thread is not None and self._thread.is_alive():
            return self  # already serving (`with IntakeServer(...).start()` must not serve twice)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="intake-server", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    def stop(self) -> None:
        self.stopping.set()  # a held (timeout-fault) connection lets go at once
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.db.close()

    def __enter__(self) -> IntakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- training controls ------------------------------------------------------------------------------
    @property
    def faults(self) -> FaultPlan:
        return self.dice.plan

    def set_faults(self, plan: FaultPlan) -> None:
        self.dice = FaultDice(plan)

    def stats(self) -> dict[str, int]:
        return self.db.counters()


def server_tls_context(cert_file: str, key_file: str, client_ca: str | None = None) -> ssl.SSLContext:
    """TLS for the training intake; with client_ca, a client certificate signed by it is required."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_file, key_file)
    if client_ca:
        ctx.load_verify_locations(client_ca)
        ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
