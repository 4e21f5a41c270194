"""The training intake server: a real HTTP server that speaks the intake protocol (docs/intake-protocol.md).

It is the app's TRAINING mode intake (demos, staff training) and the stand-in the tests and benchmarks send
to. It applies the same validation rules as the protocol, files accepted records in SQLite, deduplicates by
idempotency key (and counts every duplicate it absorbed, which is how the tests prove exactly-once delivery),
issues receipts, and injects faults on demand (hotel_desk.reporting.faults).
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import sqlite3
import ssl
import struct
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.reporting.faults import FaultDice, FaultPlan, RecordFault, RequestFault
from hotel_desk.reporting.protocol import (
    HEADER_AUTH_CODE,
    HEADER_HOTEL_ID,
    HEADER_TRAINING,
    MAX_BATCH_RECORDS,
    PATH_HEALTH,
    PATH_RECEIPTS,
    PATH_RECORDS,
    PATH_SUBMIT,
    PATH_TRAINING_FAULTS,
    PATH_TRAINING_STATS,
    PROTOCOL_VERSION,
    FieldError,
    RecordStatus,
    record_sha256,
)
from hotel_desk.reporting.validation import validate_record

MAX_BODY_BYTES = 32 * 1024 * 1024
RECEIPT_PREFIX = "TRN"  # training receipts are marked as such, so nobody mistakes one for a police receipt

_SCHEMA = """
CREATE TABLE IF NOT EXISTS filed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hotel_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    report_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL UNIQUE,
    record_sha256 TEXT NOT NULL,
    record_json TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (hotel_id, idempotency_key),
    UNIQUE (hotel_id, report_id)
);
CREATE TABLE IF NOT EXISTS rejected (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hotel_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    errors_json TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


class HookAbort(Exception):
    """Raised by a test hook in the "received" phase: drop the request unanswered and unfiled."""


class IntakeDatabase:
    """What the intake has filed. One connection behind a lock: the server's requests are short and a batch
    is filed in one transaction, so either all of a batch's accepted records are filed or none."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        self.lock = threading.RLock()

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    def bump(self, counts: Mapping[str, int]) -> None:
        for name, n in counts.items():
            if n:
                self._conn.execute(
                    "INSERT INTO counters(name, value) VALUES (?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                    (name, n),
                )

    def counters(self) -> dict[str, int]:
        with self.lock:
            rows = self._conn.execute("SELECT name, value FROM counters").fetchall()
            filed = self._conn.execute("SELECT COUNT(*), COUNT(DISTINCT report_id) FROM filed").fetchone()
        out = {name: int(value) for name, value in rows}
        out["filed_records"] = int(filed[0])
        out["filed_distinct_reports"] = int(filed[1])
        return out

    def receipt(self, receipt_id: str) -> dict[str, Any] | None:
        with self.lock:
            row = self._conn.execute(
                "SELECT receipt_id, idempotency_key, report_id, hotel_id, received_at, record_sha256 "
                "FROM filed WHERE receipt_id = ?",
                (receipt_id,),
            ).fetchone()
        return _receipt_json(row) if row else None

    def by_key(self, hotel_id: str, key: str) -> dict[str, Any] | None:
        with self.lock:
            row = self._conn.execute(
                "SELECT receipt_id, idempotency_key, report_id, hotel_id, received_at, record_sha256 "
                "FROM filed WHERE hotel_id = ? AND idempotency_key = ?",
                (hotel_id, key),
            ).fetchone()
        return _receipt_json(row) if row else None

    def filed_report_ids(self) -> list[str]:
        with self.lock:
            return [r[0] for r in self._conn.execute("SELECT report_id FROM filed ORDER BY seq")]


def _receipt_json(row: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "receipt_id": row[0],
        "idempotency_key": row[1],
        "report_id": row[2],
        "hotel_id": row[3],
        "received_at": row[4],
        "record_sha256": row[5],
        "training": True,
    }


class IntakeServer:
    """The training intake. `start()` serves on a background thread; `serve_forever()` in the foreground.

    hotels: hotel id -> authorisation code. None accepts any non-empty pair (open training mode), so that a
    fresh install's training mode works before the sub-station has issued codes.
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
    ) -> None:
        self.db = IntakeDatabase(database)
        self.hotels = dict(hotels) if hotels is not None else None
        self.clock: Clock = clock or SystemClock()
        self.log = log
        self._dice = FaultDice(faults or FaultPlan())
        if listen_socket is None:
            self._httpd = _Server((host, port), _Handler)
        else:
            # A socket bound beforehand (by a supervisor, or a test that needs the address before the intake
            # is up): connections are refused until it listens, and nobody else can take the port meanwhile.
            self._httpd = _Server(listen_socket.getsockname(), _Handler, bind_and_activate=False)
            self._httpd.socket.close()
            self._httpd.socket = listen_socket
            self._httpd.server_address = listen_socket.getsockname()
            self._httpd.server_activate()
        self._httpd.intake = self
        self.stopping = threading.Event()
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self._thread: threading.Thread | None = None
        #: Test hook: called as hook(phase, records) with phase "received" (before filing) and "filed"
        #: (filed, answer not yet sent), on the request's thread. Lets a test kill a client at an exact point.
        self.hook: Callable[[str, int], None] | None = None

    # -- life cycle -----------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = self._httpd.server_address[0]
        return f"{self.scheme}://{host}:{self.port}"

    def start(self) -> IntakeServer:
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
        return self._dice.plan

    def set_faults(self, plan: FaultPlan) -> None:
        self._dice = FaultDice(plan)

    def stats(self) -> dict[str, int]:
        return self.db.counters()

    # -- the protocol -----------------------------------------------------------------------------------
    def authenticate(self, hotel_id: str, code: str) -> bool:
        if not hotel_id or not code:
            return False
        if self.hotels is None:
            return True
        return self.hotels.get(hotel_id) == code

    def submit(self, hotel_id: str, body: Any, dice: FaultDice) -> tuple[int, dict[str, Any]]:
        if not isinstance(body, dict) or not isinstance(body.get("records"), list):
            return 400, _error("bad_request", "the body must be an object with a list 'records'")
        records = body["records"]
        if len(records) > MAX_BATCH_RECORDS:
            return 413, _error("batch_too_large", f"at most {MAX_BATCH_RECORDS} records per batch")
        check_only = bool(body.get("check_only"))
        batch_id = str(body.get("batch_id") or uuid.uuid4())
        now = self.clock.now().astimezone(UTC)
        received_at = now.isoformat().replace("+00:00", "Z")
        results: list[dict[str, Any]] = []
        counts = {"batches": 1, "records_received": len(records)}
        if check_only:
            counts["check_only_batches"] = 1
        with self.db.lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for item in records:
                    results.append(self._one(conn, hotel_id, item, batch_id, received_at, now, check_only,
                                             dice, counts))
                self.db.bump(counts)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return 200, {
            "protocol": PROTOCOL_VERSION,
            "training": True,
            "batch_id": batch_id,
            "check_only": check_only,
            "received_at": received_at,
            "results": results,
        }

    def _one(
        self,
        conn: sqlite3.Connection,
        hotel_id: str,
        item: Any,
        batch_id: str,
        received_at: str,
        now: Any,
        check_only: bool,
        dice: FaultDice,
        counts: dict[str, int],
    ) -> dict[str, Any]:
        def bump(name: str) -> None:
            counts[name] = counts.get(name, 0) + 1

        key = item.get("idempotency_key") if isinstance(item, dict) else None
        record = item.get("record") if isinstance(item, dict) else None
        if not isinstance(key, str) or not key or len(key) > 128:
            bump("rejected")
            return {
                "idempotency_key": key if isinstance(key, str) else "",
                "status": RecordStatus.REJECTED.value,
                "errors": [FieldError(None, "idempotency_key", "each record needs an idempotency_key "
                                      "(1-128 characters)").to_dict()],
            }
        digest = record_sha256(record) if isinstance(record, dict) else ""
        row = conn.execute(
            "SELECT receipt_id, received_at, record_sha256 FROM filed WHERE hotel_id = ? AND idempotency_key = ?",
            (hotel_id, key),
        ).fetchone()
        if row is not None:
            if row[2] != digest:
                bump("rejected")
                bump("idempotency_conflicts")
                return {
                    "idempotency_key": key,
                    "status": RecordStatus.REJECTED.value,
                    "errors": [FieldError(None, "idempotency_conflict", "this idempotency key was already "
                                          "used for a different record").to_dict()],
                }
            # Already filed: the same receipt again. This is the dedup counter the tests read.
            bump("duplicates")
            return {
                "idempotency_key": key,
                "status": RecordStatus.ACCEPTED.value,
                "receipt_id": row[0],
                "received_at": row[1],
                "duplicate": True,
            }
        errors = validate_record(record, hotel_id=hotel_id) if isinstance(record, dict) else [
            FieldError(None, "invalid_record", "record must be a JSON object")
        ]
        if not errors and isinstance(record, dict):
            clash = conn.execute(
                "SELECT idempotency_key FROM filed WHERE hotel_id = ? AND report_id = ?",
                (hotel_id, str(record.get("report_id"))),
            ).fetchone()
            if clash is not None:
                errors = [FieldError("report_id", "already_filed", "this report_id was filed under another "
                                     "idempotency key")]
        fault = dice.record_fault() if not errors else None
        if fault is RecordFault.REJECT:
            bump("faults_reject")
            errors = [FieldError("room", "training_rejection", "TRAINING: a rejection injected by the fault "
                                 "plan; correct the record and send it again")]
        if errors:
            bump("rejected")
            if not check_only:
                conn.execute(
                    "INSERT INTO rejected(hotel_id, idempotency_key, errors_json, batch_id, received_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (hotel_id, key, json.dumps([e.to_dict() for e in errors]), batch_id, received_at),
                )
            return {
                "idempotency_key": key,
                "status": RecordStatus.REJECTED.value,
                "errors": [e.to_dict() for e in errors],
            }
        if check_only:
            bump("checked")
            return {"idempotency_key": key, "status": RecordStatus.CHECKED.value}
        if fault is RecordFault.TRANSIENT:
            bump("faults_transient")
            bump("transient")
            return {
                "idempotency_key": key,
                "status": RecordStatus.TRANSIENT.value,
                "message": "TRAINING: intake busy (injected), send again later",
                "retry_after": 1,
            }
        cur = conn.execute(
            "INSERT INTO filed(hotel_id, idempotency_key, report_id, receipt_id, record_sha256, record_json, "
            "batch_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (hotel_id, key, str(record.get("report_id")), f"pending-{key}", digest,
             json.dumps(record, ensure_ascii=False, sort_keys=True), batch_id, received_at),
        )
        receipt_id = f"{RECEIPT_PREFIX}-{now:%Y%m%d}-{cur.lastrowid:08d}"
        conn.execute("UPDATE filed SET receipt_id = ? WHERE seq = ?", (receipt_id, cur.lastrowid))
        bump("accepted")
        return {
            "idempotency_key": key,
            "status": RecordStatus.ACCEPTED.value,
            "receipt_id": receipt_id,
            "received_at": received_at,
        }


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}, "training": True}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    intake: IntakeServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "hotel-desk-training-intake/1"

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.intake.log:
            super().log_message(format, *args)

    def finish(self) -> None:
        # A reset or hung-up connection leaves nothing to flush; that is the fault we injected, not an error.
        with contextlib.suppress(OSError, ValueError):
            super().finish()

    # -- plumbing -------------------------------------------------------------------------------------
    def _send_json(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send_bytes(status, data, headers)

    def _send_bytes(self, status: int, data: bytes, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header(HEADER_TRAINING, "1")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._send_json(413, _error("body_too_large", f"at most {MAX_BODY_BYTES} bytes"))
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _auth(self) -> str | None:
        hotel_id = (self.headers.get(HEADER_HOTEL_ID) or "").strip()
        code = (self.headers.get(HEADER_AUTH_CODE) or "").strip()
        if not self.server.intake.authenticate(hotel_id, code):
            self._send_json(401, _error("unauthorised", "hotel id or authorisation code refused"))
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

    def _deliver(self, fault: RequestFault | None, status: int, body: Any, dice: FaultDice) -> None:
        """Send the answer, or lose it the way the fault plan says (after the work was done)."""
        intake = self.server.intake
        if fault is RequestFault.TIMEOUT:
            _count(intake, "faults_timeout")
            self._hold(dice.plan.hang_seconds)
            self._reset()
            return
        if fault is RequestFault.RESET:
            _count(intake, "faults_reset")
            self._reset()
            return
        if fault is RequestFault.MALFORMED:
            _count(intake, "faults_malformed")
            data = json.dumps(body).encode("utf-8")
            self._send_bytes(200, b"<html>gateway " + data[: max(1, len(data) // 3)])
            return
        self._send_json(status, body)

    def _admit(self, dice: FaultDice, unavailable: str) -> tuple[str, RequestFault | None] | None:
        """The common start of a hotel's request: the plan's latency, authentication, then the roll of the
        request fault. A 5xx is answered here (before any work); the other faults strike after the work, in
        `_deliver`. None when the request was answered already."""
        delay = dice.latency_seconds()
        if delay:
            time.sleep(delay)
        hotel_id = self._auth()
        if hotel_id is None:
            return None
        fault = dice.request_fault()
        if fault is RequestFault.SERVER_ERROR:
            _count(self.server.intake, "faults_5xx")
            self._send_json(503, _error("unavailable", unavailable), {"Retry-After": "1"})
            return None
        return hotel_id, fault

    # -- routes ---------------------------------------------------------------------------------------
    def do_GET(self) -> None:
        intake = self.server.intake
        path = self.path.split("?", 1)[0]
        if path == PATH_HEALTH:
            self._send_json(200, {"status": "ok", "protocol": PROTOCOL_VERSION, "training": True})
            return
        if path == PATH_TRAINING_STATS:
            self._send_json(200, {"training": True, "faults": intake.faults.describe(), "counters": intake.stats()})
            return
        if path.startswith((PATH_RECEIPTS, PATH_RECORDS)):
            dice = intake._dice
            admitted = self._admit(dice, "TRAINING: injected 5xx")
            if admitted is None:
                return
            hotel_id, fault = admitted
            if path.startswith(PATH_RECEIPTS):
                found = intake.db.receipt(unquote(path[len(PATH_RECEIPTS):]))
                if found is not None and found["hotel_id"] != hotel_id:
                    found = None
            else:
                found = intake.db.by_key(hotel_id, unquote(path[len(PATH_RECORDS):]))
                if found is not None:
                    found = {**found, "status": RecordStatus.ACCEPTED.value}
            if found is None:
                self._deliver(fault, 404, _error("not_found", "no such receipt for this hotel"), dice)
            else:
                self._deliver(fault, 200, found, dice)
            return
        self._send_json(404, _error("not_found", f"no route {path}"))

    def do_PUT(self) -> None:
        intake = self.server.intake
        if self.path.split("?", 1)[0] != PATH_TRAINING_FAULTS:
            self._send_json(404, _error("not_found", "no such route"))
            return
        raw = self._read_body()
        if raw is None:
            return
        try:
            spec = json.loads(raw or b"{}").get("spec", "")
            plan = FaultPlan.parse(spec)
        except (ValueError, AttributeError) as exc:
            self._send_json(400, _error("bad_fault_spec", str(exc)))
            return
        intake.set_faults(plan)
        self._send_json(200, {"training": True, "faults": plan.describe()})

    def do_POST(self) -> None:
        intake = self.server.intake
        if self.path.split("?", 1)[0] != PATH_SUBMIT:
            self._send_json(404, _error("not_found", "no such route"))
            return
        raw = self._read_body()
        if raw is None:
            return
        dice = intake._dice  # one plan for the whole request, even if it is changed meanwhile
        admitted = self._admit(dice, "TRAINING: injected 5xx, nothing filed")
        if admitted is None:
            return
        hotel_id, fault = admitted
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._send_json(400, _error("bad_request", "the body is not JSON"))
            return
        records = len(body.get("records") or []) if isinstance(body, dict) else 0
        if intake.hook is not None:
            try:
                intake.hook("received", records)
            except HookAbort:
                self._reset()
                return
        status, answer = intake.submit(hotel_id, body, dice)
        if intake.hook is not None and status == 200:
            intake.hook("filed", records)
        self._deliver(fault if status == 200 else None, status, answer, dice)


def _count(intake: IntakeServer, name: str) -> None:
    with intake.db.lock:
        intake.db.bump({name: 1})


def server_tls_context(cert_file: str, key_file: str, client_ca: str | None = None) -> ssl.SSLContext:
    """TLS for the training intake; with client_ca, a client certificate signed by it is required."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_file, key_file)
    if client_ca:
        ctx.load_verify_locations(client_ca)
        ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
