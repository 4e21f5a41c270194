"""The line to the intake: which addresses are safe, TLS, and one exchange with a total deadline and a size cap.

Safety rules (IntakeLine.check, before anything is sent):
- LIVE needs `https://` with the certificate verified, by the system's CAs, a configured CA bundle, or a
  pinned certificate (SHA-256 of the server's certificate, checked right after the TLS handshake, before a
  single request byte goes out). Plain `http://` only to a loopback address and only when the configuration
  says so explicitly (`allow_plain_loopback`: tests of LIVE behaviour).
- TRAINING may use plain `http://` and unverified TLS, but only to a loopback address: guest data in
  practice is still guest data, and it must not cross a network in clear.

Exchange rules: one monotonic deadline covers connecting, the TLS handshake, sending and reading the whole
answer. Every socket operation gets what is left of it (httpcore through a network backend that clips each
timeout), so an intake trickling a byte every few seconds cannot hold the desk past the deadline, and an
answer is read in chunks against a byte cap, so an endless body costs at most the cap.
"""

from __future__ import annotations

import contextvars
import hashlib
import ipaddress
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore

from hotel_desk.reporting.protocol import FailureKind
from hotel_desk.settings import pin_digits


class IntakeConfigError(ValueError):
    """The intake cannot be used as configured (an unsafe address or TLS setting, a missing key)."""


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_pin(pin: str | None) -> str | None:
    """A certificate pin as 64 lower-case hex digits (hotel_desk.settings.pin_digits: the settings read it
    the same way), None when there is none; IntakeConfigError when it is not a pin."""
    if not pin:
        return None
    value = pin_digits(pin)
    if value is None:
        raise IntakeConfigError("the pinned certificate (intake_pinned_cert_sha256) must be its SHA-256: "
                                "64 hex digits")
    return value


@dataclass(frozen=True)
class IntakeLine:
    """How to reach an intake, as configured."""

    base_url: str
    training: bool
    verify_tls: bool = True  # False: no certificate check (TRAINING on loopback only)
    ca_bundle: str | None = None  # a PEM file of CAs to trust instead of the system's
    pinned_cert_sha256: str | None = None  # SHA-256 of the intake's certificate (DER), hex
    client_cert: str | None = None  # PEM with certificate and key, or "cert.pem:key.pem"
    allow_plain_loopback: bool = False  # LIVE over http:// to 127.0.0.1 (tests of LIVE behaviour only)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def check(self) -> None:
        """Refuse an unsafe line with a message that says what to configure."""
        mode = "TRAINING" if self.training else "LIVE"
        if not self.base_url:
            raise IntakeConfigError(f"{mode} mode has no intake address: set intake_url in the settings "
                                    "(the https:// address the police sub-station gave you)")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IntakeConfigError(f"{self.base_url!r} is not an http(s) address")
        if parts.username or parts.password or parts.query or parts.fragment:
            raise IntakeConfigError("the intake address must not contain a user name, password, query or fragment")
        try:
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError as exc:
            raise IntakeConfigError(f"{self.base_url!r}: {exc}") from exc
        loopback = is_loopback_host(parts.hostname)
        pin = normalise_pin(self.pinned_cert_sha256)
        if parts.scheme == "http":
            if self.training and loopback:
                return
            if not self.training and loopback and self.allow_plain_loopback:
                return
            if self.training:
                raise IntakeConfigError("TRAINING over plain http:// is allowed only to this computer "
                                        "(127.0.0.1); use https:// for an intake elsewhere")
            raise IntakeConfigError("LIVE mode sends guest records and the authorisation code: it needs an "
                                    "https:// intake address, never plain http://")
        if not self.verify_tls and pin is None and not (self.training and loopback):
            raise IntakeConfigError(f"{mode} mode needs the intake's certificate checked: switch certificate "
                                    "verification on, or configure a CA bundle or the pinned certificate")

    def ssl_context(self) -> ssl.SSLContext:
        """Verification by the system CAs, a CA bundle, or (with a pin) by the pin alone, checked by the
        network backend after the handshake; the hotel's client certificate when one is configured."""
        if self.pinned_cert_sha256 or not self.verify_tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        elif self.ca_bundle:
            ctx = ssl.create_default_context(cafile=self.ca_bundle)
        else:
            ctx = ssl.create_default_context()
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        if self.client_cert:
            cert, sep, key = self.client_cert.partition(":")
            ctx.load_cert_chain(cert, key if sep else None)
        return ctx


# -- one deadline for every socket operation of an exchange --------------------------------------------------
@dataclass
class _Budget:
    deadline: float  # time.monotonic()
    bytes_read: int = 0

    def left(self, timeout: float | None, error: type[Exception]) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise error("the intake did not finish within the request's deadline")
        return remaining if timeout is None else min(timeout, remaining)


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("intake_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # only exchange() drives the pool; anything else is a bug
        raise RuntimeError("an intake connection was used outside an exchange")
    return budget


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, pin: str | None) -> None:
        self._inner = inner
        self._pin = pin

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        budget = _budget()
        data = self._inner.read(max_bytes, budget.left(timeout, httpcore.ReadTimeout))
        budget.bytes_read += len(data)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        budget = _budget()
        # Written in slices so that an intake that stops reading cannot stall us past the deadline either.
        view = memoryview(buffer)
        while view:
            chunk, view = view[:65536], view[65536:]
            self._inner.write(bytes(chunk), budget.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      _budget().left(timeout, httpcore.ConnectTimeout))
        if self._pin is not None:
            sock = inner.get_extra_info("socket")
            der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
            got = hashlib.sha256(der).hexdigest() if der else "none"
            if got != self._pin:
                inner.close()
                raise httpcore.ConnectError(f"CERTIFICATE_PIN_MISMATCH: the intake's certificate has SHA-256 "
                                            f"{got}, not the pinned {self._pin}")
        return _DeadlineStream(inner, None)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, pin: str | None) -> None:
        self._inner = httpcore.SyncBackend()
        self._pin = pin

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _budget().left(timeout, httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _DeadlineStream(stream, self._pin)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not an intake address")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, _budget().deadline - time.monotonic())))


@dataclass(frozen=True)
class Exchange:
    """A complete answer, read within the deadline and the cap."""

    status: int
    headers: dict[str, str]  # lower-case names; the last of repeated headers
    body: bytes
    bytes_read: int


@dataclass(frozen=True)
class LineFailure:
    kind: FailureKind
    detail: str
    bytes_read: int = 0


class Connection:
    """A small pool of connections to one intake (keep-alive between batches), every exchange bounded."""

    def __init__(self, line: IntakeLine, *, connect_timeout: float = 5.0) -> None:
        line.check()
        self.line = line
        self.connect_timeout = connect_timeout
        pin = normalise_pin(line.pinned_cert_sha256)
        self._pool = httpcore.ConnectionPool(
            ssl_context=line.ssl_context() if line.base_url.startswith("https:") else None,
            max_connections=4, retries=0, network_backend=_DeadlineBackend(pin),
        )
        self._base = line.base_url.rstrip("/")

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _deadline(self, seconds: float) -> Iterator[_Budget]:
        budget = _Budget(time.monotonic() + max(0.001, seconds))
        token = _BUDGET.set(budget)
        try:
            yield budget
        finally:
            _BUDGET.reset(token)

    def exchange(self, method: str, path: str, *, headers: dict[str, str], body: bytes = b"",
                 total_seconds: float, max_bytes: int) -> Exchange | LineFailure:
        """One request and its whole answer within `total_seconds`, the answer at most `max_bytes`."""
        with self._deadline(total_seconds) as budget:
            try:
                return self._exchange(method, path, headers, body, total_seconds, max_bytes, budget)
            except httpcore.ConnectTimeout as exc:
                return LineFailure(FailureKind.OFFLINE, f"connect timeout: {exc}", budget.bytes_read)
            except httpcore.ConnectError as exc:
                text = str(exc) or "could not connect"
                kind = FailureKind.TLS if ("CERTIFICATE" in text.upper() or "SSL" in text.upper()) else FailureKind.OFFLINE
                return LineFailure(kind, text, budget.bytes_read)
            except httpcore.TimeoutException as exc:
                return LineFailure(FailureKind.TIMEOUT, f"no complete answer within {total_seconds:g} s "
                                   f"({exc or type(exc).__name__})", budget.bytes_read)
            except (httpcore.ProtocolError, httpcore.NetworkError) as exc:
                return LineFailure(FailureKind.CONNECTION, f"{type(exc).__name__}: {exc}"[:500], budget.bytes_read)
            except ssl.SSLError as exc:
                return LineFailure(FailureKind.TLS, str(exc), budget.bytes_read)
            except OSError as exc:
                return LineFailure(FailureKind.CONNECTION, f"{type(exc).__name__}: {exc}", budget.bytes_read)

    def _exchange(self, method: str, path: str, headers: dict[str, str], body: bytes, total: float,
                  max_bytes: int, budget: _Budget) -> Exchange | LineFailure:
        timeouts = {"connect": min(self.connect_timeout, total), "read": total, "write": total, "pool": total}
        with self._pool.stream(method, self._base + path, headers=list(headers.items()), content=body,
                               extensions={"timeout": timeouts}) as response:
            answer_headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
            declared = answer_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                return LineFailure(FailureKind.MALFORMED, f"the intake announced a {int(declared)}-byte answer; "
                                   f"at most {max_bytes} bytes are read", budget.bytes_read)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_stream():
                size += len(chunk)
                if size > max_bytes:
                    # Closing the stream unread closes the connection: the rest is never read.
                    return LineFailure(FailureKind.MALFORMED, f"the answer is larger than {max_bytes} bytes; "
                                       "reading stopped there", budget.bytes_read)
                chunks.append(chunk)
            return Exchange(response.status, answer_headers, b"".join(chunks), budget.bytes_read)
