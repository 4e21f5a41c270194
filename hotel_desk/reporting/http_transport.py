"""The intake protocol over HTTP(S) with httpx (docs/intake-protocol.md).

TLS certificates are verified unless the settings say otherwise; a client certificate is sent when one is
configured. Every failure becomes a BatchOutcome with a FailureKind, never an exception, and the raw answer
(or the error text) is kept for the attempt log.
"""

from __future__ import annotations

import json
import ssl
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from hotel_desk.reporting.protocol import (
    HEADER_AUTH_CODE,
    HEADER_HOTEL_ID,
    MAX_BATCH_RECORDS,
    PATH_HEALTH,
    PATH_RECEIPTS,
    PATH_RECORDS,
    PATH_SUBMIT,
    PROTOCOL_VERSION,
    BatchOutcome,
    FailureKind,
    OutgoingReport,
    Receipt,
    failed_batch,
    parse_batch_answer,
)

#: Raw answers are kept in the attempt log; a runaway error page must not fill the database.
MAX_RAW_ANSWER = 64 * 1024


@dataclass(frozen=True)
class HttpIntakeConfig:
    base_url: str
    hotel_id: str
    authorisation_code: str
    client_cert: str | None = None  # PEM file with certificate and key, or "cert.pem:key.pem"
    verify_tls: bool | str = True  # True, False (training only) or a CA bundle path
    timeout_seconds: float = 30.0
    connect_timeout_seconds: float = 5.0
    max_batch: int = 200


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def tls_context(verify: bool | str, client_cert: str | None) -> ssl.SSLContext:
    """The client's TLS settings: the system's trusted CAs (or a CA bundle file), verification on unless
    explicitly switched off (training only), and the hotel's client certificate when one is configured."""
    if verify is False:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    elif isinstance(verify, str) and verify:
        ctx = ssl.create_default_context(cafile=verify)
    else:
        ctx = ssl.create_default_context()
    if client_cert:
        cert, sep, key = client_cert.partition(":")
        ctx.load_cert_chain(cert, key if sep else None)
    return ctx


def _clip(text: str) -> str:
    return text if len(text) <= MAX_RAW_ANSWER else text[:MAX_RAW_ANSWER] + "\n[... clipped]"


class HttpTransport:
    channel = "http"
    immediate = True

    def __init__(self, config: HttpIntakeConfig, *, client: httpx.Client | None = None) -> None:
        self.config = config
        self.max_batch = max(1, min(config.max_batch, MAX_BATCH_RECORDS))
        self._client = client or httpx.Client(
            base_url=config.base_url.rstrip("/"),
            verify=tls_context(config.verify_tls, config.client_cert),
            timeout=httpx.Timeout(config.timeout_seconds, connect=config.connect_timeout_seconds),
            headers={
                HEADER_HOTEL_ID: config.hotel_id,
                HEADER_AUTH_CODE: config.authorisation_code,
                "User-Agent": "hotel-desk",
                "Accept": "application/json",
            },
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers --------------------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kw: Any) -> httpx.Response | tuple[FailureKind, str]:
        try:
            return self._client.request(method, path, **kw)
        except httpx.ConnectTimeout as exc:
            return FailureKind.OFFLINE, f"connect timeout: {exc}"
        except httpx.ConnectError as exc:
            text = str(exc)
            if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
                return FailureKind.TLS, text
            return FailureKind.OFFLINE, text or "could not connect"
        except httpx.TimeoutException as exc:
            return FailureKind.TIMEOUT, str(exc) or "no answer in time"
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError) as exc:
            return FailureKind.CONNECTION, str(exc) or type(exc).__name__
        except httpx.TransportError as exc:
            return FailureKind.CONNECTION, f"{type(exc).__name__}: {exc}"

    def health(self) -> bool:
        """Is the intake reachable at all? Used for offline detection between batches."""
        got = self._request("GET", PATH_HEALTH)
        return isinstance(got, httpx.Response) and got.status_code == 200

    # -- Transport ------------------------------------------------------------------------------------
    def submit(self, reports: Sequence[OutgoingReport], *, check_only: bool = False) -> BatchOutcome:
        batch_id = str(uuid.uuid4())
        body = {
            "protocol": PROTOCOL_VERSION,
            "batch_id": batch_id,
            "check_only": check_only,
            "records": [{"idempotency_key": r.idempotency_key, "record": dict(r.record)} for r in reports],
        }
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        got = self._request(
            "POST", PATH_SUBMIT, content=data, headers={"Content-Type": "application/json; charset=utf-8"}
        )
        if not isinstance(got, httpx.Response):
            kind, detail = got
            return failed_batch(reports, kind, detail, raw_answer=detail, batch_id=batch_id)
        raw = _clip(got.text)
        status = got.status_code
        if status in (401, 403):
            return failed_batch(reports, FailureKind.AUTH, f"HTTP {status}: hotel id, authorisation code or "
                                "certificate refused", raw_answer=raw, http_status=status, batch_id=batch_id)
        if status == 429 or status >= 500:
            return failed_batch(reports, FailureKind.SERVER_ERROR, f"HTTP {status}", raw_answer=raw,
                                http_status=status, retry_after=_retry_after(got), batch_id=batch_id)
        if status != 200:
            return failed_batch(reports, FailureKind.PROTOCOL, f"HTTP {status}", raw_answer=raw,
                                http_status=status, batch_id=batch_id)
        try:
            answer = got.json()
        except ValueError:
            answer = None
        outcome = parse_batch_answer(reports, answer, batch_id) if answer is not None else None
        if outcome is None:
            return failed_batch(reports, FailureKind.MALFORMED, "the answer is not the intake protocol's JSON",
                                raw_answer=raw, http_status=status, batch_id=batch_id)
        return BatchOutcome(results=outcome.results, raw_answer=raw, http_status=status, batch_id=batch_id)

    def _receipt_from(self, got: httpx.Response | tuple[FailureKind, str]) -> Receipt | None:
        if not isinstance(got, httpx.Response) or got.status_code != 200:
            return None
        try:
            raw = got.json()
        except ValueError:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("receipt_id"), str):
            return None
        return Receipt(
            receipt_id=raw["receipt_id"],
            idempotency_key=str(raw.get("idempotency_key") or ""),
            report_id=str(raw.get("report_id") or ""),
            hotel_id=str(raw.get("hotel_id") or ""),
            received_at=str(raw.get("received_at") or ""),
            record_sha256=str(raw.get("record_sha256") or ""),
            training=bool(raw.get("training")),
            raw=raw,
        )

    def fetch_receipt(self, receipt_id: str) -> Receipt | None:
        return self._receipt_from(self._request("GET", PATH_RECEIPTS + quote(receipt_id, safe="")))

    def lookup(self, idempotency_key: str) -> Receipt | None:
        """The receipt of a record by its idempotency key: recovers a receipt whose answer was lost."""
        return self._receipt_from(self._request("GET", PATH_RECORDS + quote(idempotency_key, safe="")))
