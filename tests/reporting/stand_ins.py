"""Small stand-ins for intakes that misbehave, on loopback, for the trust tests.

- RawIntake: a bare TCP server whose connections are handled by a behaviour: hang, trickle one byte at a
  time, flood an endless chunked body, announce an absurd length, or send headers without end. It counts the
  bytes it managed to send.
- StandInIntake: the real protocol (hotel_desk.reporting.intake_service.IntakeService: validation, filing,
  deduplication, signing) over HTTP(S), as a LIVE police intake (training=False) or a training one, whose
  answers a `tamper` function may rewrite before they leave: sign with the wrong key, claim to be the other
  kind of intake, echo the wrong hash, hand out a 262 KB receipt id, ask to wait a day... With no tamper it
  is an honest intake; built on the same database file it then sees what the liar filed.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.reporting.faults import FaultDice, FaultPlan
from hotel_desk.reporting.intake_service import IntakeService
from hotel_desk.reporting.intake_store import IntakeDatabase

Behaviour = Callable[[socket.socket, "RawIntake"], None]


def _read_request(conn: socket.socket) -> bytes:
    """Read one HTTP request (headers and a Content-Length body) so the client is waiting for the answer."""
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head


class RawIntake:
    def __init__(self, behaviour: Behaviour, *, tls: ssl.SSLContext | None = None) -> None:
        self.behaviour = behaviour
        self.tls = tls
        self.stopping = threading.Event()
        self.bytes_sent = 0
        self.requests = 0
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.05)
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self._sock.getsockname()[1]}"

    def __enter__(self) -> RawIntake:
        self._accepter.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._accepter.join(5)
        for t in self._threads:
            t.join(5)
        self._sock.close()

    def sent(self, n: int) -> None:
        with self._lock:
            self.bytes_sent += n

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn.settimeout(10)
                conn = self.tls.wrap_socket(conn, server_side=True)
            _read_request(conn)
            with self._lock:
                self.requests += 1
            self.behaviour(conn, self)
        except OSError:
            pass  # the client gave up: that is what these intakes are for
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    # -- behaviours ------------------------------------------------------------------------------------------
    def wait_for_client_to_leave(self, conn: socket.socket) -> None:
        """Say nothing until the client closes the connection (or the test ends)."""
        conn.settimeout(0.05)
        while not self.stopping.is_set():
            try:
                if conn.recv(1) == b"":
                    return
            except TimeoutError:
                continue


def hang(conn: socket.socket, intake: RawIntake) -> None:
    intake.wait_for_client_to_leave(conn)


def trickle(interval: float, *, body_first: bool = False) -> Behaviour:
    """One byte every `interval` seconds: of the status line (headers never end in time), or with
    body_first, of a body whose headers came at once."""

    def behaviour(conn: socket.socket, intake: RawIntake) -> None:
        body = json.dumps({"protocol": "2", "training": True, "results": []}).encode() * 1000
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        if body_first:
            conn.sendall(head)
            intake.sent(len(head))
            payload = body
        else:
            payload = head + body
        for i in range(len(payload)):
            if intake.stopping.wait(interval):
                return
            conn.sendall(payload[i : i + 1])
            intake.sent(1)

    return behaviour


def flood(conn: socket.socket, intake: RawIntake) -> None:
    """An endless chunked body: 64 KiB chunks until the client hangs up."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    conn.sendall(head)
    intake.sent(len(head))
    chunk = b"[" * 65536
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    conn.settimeout(10)
    while not intake.stopping.is_set():
        conn.sendall(frame)
        intake.sent(len(frame))


def announce_huge(conn: socket.socket, intake: RawIntake) -> None:
    """Content-Length of a terabyte, then a little of it."""
    data = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n" + b"{" * 1000
    conn.sendall(data)
    intake.sent(len(data))
    intake.wait_for_client_to_leave(conn)


def header_flood(conn: socket.socket, intake: RawIntake) -> None:
    """Headers that never end."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Padding: " + b"a" * 1000 + b"\r\n"
    conn.settimeout(10)
    while not intake.stopping.is_set():
        conn.sendall(line)
        intake.sent(len(line))


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up mid-answer (the cases under test): not worth a traceback


# -- the protocol, honest or not --------------------------------------------------------------------------------
Tamper = Callable[[int, dict[str, Any]], tuple[int, dict[str, str], dict[str, Any]]]


class StandInIntake:
    """The intake protocol over HTTP(S) with an optional `tamper(status, answer) -> (status, headers, answer)`."""

    def __init__(self, database: str | Path, key: Ed25519PrivateKey, *, training: bool,
                 tls: ssl.SSLContext | None = None, tamper: Tamper | None = None,
                 hotels: dict[str, str] | None = None, intake_id: str | None = None) -> None:
        self.db = IntakeDatabase(database)
        self.service = IntakeService(self.db, key, training=training, hotels=hotels, intake_id=intake_id)
        self.tamper = tamper
        self.requests = 0
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                _path, _, query = self.path.partition("?")
                stand_in.requests += 1
                self._send(*stand_in.service.health(parse_qs(query).get("challenge", [None])[0]))

            def do_POST(self) -> None:
                stand_in.requests += 1
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hotel = self.headers.get("X-Hotel-Id") or ""
                if not stand_in.service.authenticate(hotel, self.headers.get("X-Authorisation-Code") or ""):
                    self._send(401, stand_in.service.error("unauthorised", "refused"))
                    return
                status, answer = stand_in.service.submit(hotel, json.loads(raw), FaultDice(FaultPlan()))
                headers: dict[str, str] = {}
                if stand_in.tamper is not None:
                    status, headers, answer = stand_in.tamper(status, answer)
                self._send(status, answer, headers)

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> StandInIntake:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)
        self.db.close()

    def stats(self) -> dict[str, int]:
        return self.db.counters()
