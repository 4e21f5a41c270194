"""The connection test a manager sees before switching the desk to LIVE: will real reports reach the real
police intake, and only it?

Checks, each ok, failed, or not checked (with why):
- **address**: an https:// address (LIVE never reports over an unencrypted line);
- **reachable**: the intake answers its health address;
- **tls**: the line is encrypted and the intake's certificate verified (with the hotel's client certificate
  when one is set);
- **live**: it answers as the police's intake, not a training intake;
- **codes**: it accepts the hotel code and authorisation code (asked with a receipt lookup that files nothing);
- **key**: the intake's signing key matches the one the sub-station issued. Signed receipts come with
  issue 12 (the trust work); until a desk has a key setting this is "not checked".

Nothing is saved or sent: the test reads only. Blocking (network): the window runs it as a background job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from hotel_desk.settings import Settings

TIMEOUT = 10.0
CHECKS = ("address", "reachable", "tls", "live", "codes", "key")


@dataclass(frozen=True)
class Check:
    name: str  # one of CHECKS
    ok: bool | None  # None: not checked (detail says why)
    detail: str = ""


@dataclass(frozen=True)
class ConnectionTest:
    url: str
    checks: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        """Nothing failed and the line itself was checked (reachable, encrypted, live, codes accepted)."""
        by = {c.name: c.ok for c in self.checks}
        return (not any(ok is False for ok in by.values())
                and all(by.get(name) is True for name in ("address", "reachable", "tls", "live", "codes")))

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)


def test_connection(settings: Settings) -> ConnectionTest:
    """Test the intake `settings` point at, as LIVE would use it."""
    import httpx

    from hotel_desk.reporting.http_transport import tls_context
    from hotel_desk.reporting.protocol import HEADER_AUTH_CODE, HEADER_HOTEL_ID, PATH_HEALTH, PATH_RECEIPTS

    url = settings.intake_url.strip().rstrip("/")
    checks: dict[str, Check] = {}
    https = url.startswith("https://")
    checks["address"] = Check("address", https, "" if https else "not https")
    key = str(settings.extra.get("intake_key", "") or "")
    checks["key"] = Check("key", None, "no intake key is set on this desk" if not key else "checked by the trust work")
    if not url:
        return _done(url, checks, "no address")
    headers = {HEADER_HOTEL_ID: settings.hotel_code, HEADER_AUTH_CODE: settings.authorisation_code}
    try:
        verify: Any = tls_context(settings.intake_verify_tls, settings.intake_client_cert or None)
        with httpx.Client(base_url=url, verify=verify, timeout=httpx.Timeout(TIMEOUT), headers=headers) as client:
            health = client.get(PATH_HEALTH)
            checks["reachable"] = Check("reachable", health.status_code == 200, f"HTTP {health.status_code}")
            checks["tls"] = Check("tls", https and settings.intake_verify_tls,
                                  "verified" if https and settings.intake_verify_tls else "not verified")
            training = _json(health).get("training")
            checks["live"] = Check("live", training is False, "training intake" if training else
                                   ("" if training is False else "it does not say"))
            lookup = client.get(PATH_RECEIPTS + quote("connection-test", safe=""))
            accepted = lookup.status_code not in (401, 403)
            checks["codes"] = Check("codes", accepted, f"HTTP {lookup.status_code}")
    except httpx.HTTPError as exc:
        from hotel_desk.desk.link import TLS, classify

        detail = f"{type(exc).__name__}: {exc}"
        problem = classify(detail)
        if problem == TLS:
            checks["reachable"] = Check("reachable", True, detail)
            checks["tls"] = Check("tls", False, detail)
        else:
            checks["reachable"] = Check("reachable", False, problem)
        return _done(url, checks, "not reached")
    except (OSError, ValueError) as exc:  # a client certificate that cannot be read, a malformed address
        checks["reachable"] = Check("reachable", False, f"{type(exc).__name__}: {exc}")
        return _done(url, checks, "not reached")
    return _done(url, checks, "")


def _done(url: str, checks: dict[str, Check], why: str) -> ConnectionTest:
    return ConnectionTest(url, tuple(checks.get(name) or Check(name, None, why) for name in CHECKS))


def _json(response: Any) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
