"""The training intake's HTTP side: routes, request limits, and the faults that lose answers on the way out.

The protocol itself (what is filed, what is answered and signed) is hotel_desk.reporting.intake_service;
this module turns requests into its calls and its answers into responses, or loses them the way the fault
plan says.
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import struct
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote

from hotel_desk.reporting.faults import FaultDice, FaultPlan, RequestFault
from hotel_desk.reporting.protocol import (
    HEADER_AUTH_CODE,
    HEADER_DESK_SECRET,
    HEADER_HOTEL_ID,
    HEADER_TRAINING,
    PATH_HEALTH,
    PATH_KEY,
    PATH_RECEIPTS,
    PATH_RECORDS,
    PATH_SUBMIT,
    PATH_TRAINING_FAULTS,
    PATH_TRAINING_STATS,
)

if TYPE_CHECKING:
    from hotel_desk.reporting.intake_server import IntakeServer

MAX_BODY_BYTES = 32 * 1024 * 1024


class HookAbort(Exception):
    """Raised by a test hook in the "received" phase: drop the request unanswered and unfiled."""


class IntakeHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    intake: IntakeServer


class IntakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: IntakeHttpServer
    server_version = "hotel-desk-training-intake/2"
    #: A client that stops sending mid-request does not hold a server thread for ever.
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.intake.log:
            super().log_message(format, *args)

    def finish(self) -> None:
        # A reset or hung-up connection leaves nothing to flush; that is the fault we injected, not an error.
        with contextlib.suppress(OSError, ValueError):
            super().finish()

    # -- plumbing -------------------------------------------------------------------------------------
    def _send_json(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(body, ensure_ascii=False).encode("utf-8"), headers)

    def _send_bytes(self, status: int, data: bytes, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header(HEADER_TRAINING, "1" if self.server.intake.service.training else "0")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        self._send_json(status, self.server.intake.service.error(code, message), headers)

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._error(413, "body_too_large", f"at most {MAX_BODY_BYTES} bytes")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _our_desk(self) -> bool:
        """The training intake serves the desk of this installation only (the per-installation secret)."""
        if self.server.intake.service.desk_allowed(self.headers.get(HEADER_DESK_SECRET) or ""):
            return True
        self.server.intake.db.count("refused_not_this_desk")
        self._error(401, "not_this_desk", "this training intake serves only its own desk (desk secret refused)")
        return False

    def _auth(self) -> str | None:
        hotel_id = (self.headers.get(HEADER_HOTEL_ID) or "").strip()
        code = (self.headers.get(HEADER_AUTH_CODE) or "").strip()
        if not self.server.intake.service.authenticate(hotel_id, code):
            self._error(401, "unauthorised", "hotel id or authorisation code refused")
            return None
        return hotel_id

    def _reset(self) -> None:
        """Abort the connection with a TCP RST: the client sees 'connection reset by peer'."""
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        try:
            self.connection.close()
        finally:
            self.close_connection = True

    def _hold(self, seconds: float) -> None:
        """A timeout fault: say nothing until the client gives up (closes), the server stops, or `seconds` pass.
        Waiting for the client rather than a fixed time means a slow client can never see an answer early."""
        end = time.monotonic() + seconds
        fd = self.connection.fileno()
        while time.monotonic() < end and not self.server.intake.stopping.wait(0.02):
            readable, _, _ = select.select([fd], [], [], 0)
            if not readable:
                continue
            with socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM) as raw:
                try:
                    if raw.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                        return  # the client closed its end
                except BlockingIOError:
                    continue
                except OSError:
                    return

    def _deliver(self, fault: RequestFault | None, status: int, body: Any, plan: FaultPlan) -> None:
        """Send the answer, or lose it the way the fault plan says (after the work was done)."""
        db = self.server.intake.db
        if fault is RequestFault.TIMEOUT:
            db.count("faults_timeout")
            self._hold(plan.hang_seconds)
            self._reset()
            return
        if fault is RequestFault.RESET:
            db.count("faults_reset")
            self._reset()
            return
        if fault is RequestFault.MALFORMED:
            db.count("faults_malformed")
            data = json.dumps(body).encode("utf-8")
            self._send_bytes(200, b"<html>gateway " + data[: max(1, len(data) // 3)])
            return
        self._send_json(status, body)

    def _admit(self, dice: FaultDice, unavailable: str) -> tuple[str, RequestFault | None] | None:
        """The common start of a hotel's request: the plan's latency, the desk, the hotel, then the roll of
        the request fault. A 5xx is answered here (before any work); the other faults strike after the work,
        in `_deliver`. None when the request was answered already."""
        delay = dice.latency_seconds()
        if delay:
            time.sleep(delay)
        if not self._our_desk():
            return None
        hotel_id = self._auth()
        if hotel_id is None:
            return None
        fault = dice.request_fault()
        if fault is RequestFault.SERVER_ERROR:
            self.server.intake.db.count("faults_5xx")
            self._error(503, "unavailable", unavailable, {"Retry-After": "1"})
            return None
        return hotel_id, fault

    # -- routes ---------------------------------------------------------------------------------------
    def do_GET(self) -> None:
        intake = self.server.intake
        service = intake.service
        path, _, query = self.path.partition("?")
        if path == PATH_HEALTH:
            challenge = parse_qs(query).get("challenge", [None])[0]
            self._send_json(*service.health(challenge))
            return
        if path == PATH_KEY:
            self._send_json(200, service.key_info())
            return
        if path == PATH_TRAINING_STATS:
            if self._our_desk():
                self._send_json(200, service.envelope(faults=intake.faults.describe(), counters=intake.stats()))
            return
        if path.startswith((PATH_RECEIPTS, PATH_RECORDS)):
            dice = intake.dice
            admitted = self._admit(dice, "TRAINING: injected 5xx")
            if admitted is None:
                return
            hotel_id, fault = admitted
            if path.startswith(PATH_RECEIPTS):
                found = intake.db.receipt(unquote(path[len(PATH_RECEIPTS):]))
            else:
                found = intake.db.by_key(hotel_id, unquote(path[len(PATH_RECORDS):]))
            if found is None or found["hotel_id"] != hotel_id:
                self._deliver(fault, 404, service.error("not_found", "no such receipt for this hotel"), dice.plan)
            else:
                self._deliver(fault, 200, service.receipt_answer(hotel_id, found), dice.plan)
            return
        self._error(404, "not_found", f"no route {path}")

    def do_PUT(self) -> None:
        intake = self.server.intake
        if self.path.split("?", 1)[0] != PATH_TRAINING_FAULTS:
            self._error(404, "not_found", "no such route")
            return
        raw = self._read_body()
        if raw is None or not self._our_desk():
            return
        try:
            spec = json.loads(raw or b"{}").get("spec", "")
            plan = FaultPlan.parse(spec)
        except (ValueError, AttributeError) as exc:
            self._error(400, "bad_fault_spec", str(exc))
            return
        intake.set_faults(plan)
        self._send_json(200, intake.service.envelope(faults=plan.describe()))

    def do_POST(self) -> None:
        intake = self.server.intake
        if self.path.split("?", 1)[0] != PATH_SUBMIT:
            self._error(404, "not_found", "no such route")
            return
        raw = self._read_body()
        if raw is None:
            return
        dice = intake.dice  # one plan for the whole request, even if it is changed meanwhile
        admitted = self._admit(dice, "TRAINING: injected 5xx, nothing filed")
        if admitted is None:
            return
        hotel_id, fault = admitted
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self._error(400, "bad_request", "the body is not JSON")
            return
        records = len(body.get("records") or []) if isinstance(body, dict) else 0
        if intake.hook is not None:
            try:
                intake.hook("received", records)
            except HookAbort:
                self._reset()
                return
        status, answer = intake.service.submit(hotel_id, body, dice)
        if intake.hook is not None and status == 200:
            intake.hook("filed", records)
        self._deliver(fault if status == 200 else None, status, answer, dice.plan)
