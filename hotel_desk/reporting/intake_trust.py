"""What a desk needs, beside an address and its credentials, to trust an intake: for the wiring to call.

- LIVE: the police intake's public key (`intake_public_key`, issued with the authorisation code), and how to
  check its certificate (`intake_ca_bundle`, `intake_pinned_cert_sha256`, else the system's CAs); optionally
  the intake id its answers must name (`intake_id`). No training fallback of any kind.
- TRAINING: the training intake of this installation (hotel_desk.reporting.training_home): its own key and
  intake id, and the desk secret it requires (sent only to an address on this computer).

`intake_trust(...)` gives them; `IntakeTrust.config_fields()` are the matching HttpIntakeConfig arguments;
`check_target(...)` refuses an unusable combination with a message naming the setting (the same check the
transport makes when it is built, so a settings page can show it before saving).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from hotel_desk.reporting.connection import IntakeConfigError, IntakeLine, is_loopback_host
from hotel_desk.reporting.signatures import IntakeKeyError, parse_public_key
from hotel_desk.reporting.training_home import TrainingHome, training_home
from hotel_desk.settings import Settings

if TYPE_CHECKING:
    from hotel_desk.reporting.intake_server import IntakeServer

__all__ = ["IntakeConfigError", "IntakeTrust", "check_target", "intake_trust", "server_trust"]


@dataclass(frozen=True)
class IntakeTrust:
    training: bool
    public_key: str
    intake_id: str = ""
    ca_bundle: str = ""
    pinned_cert_sha256: str = ""
    desk_secret: str = ""

    def config_fields(self) -> dict[str, Any]:
        """Keyword arguments for HttpIntakeConfig."""
        return {
            "training": self.training, "intake_public_key": self.public_key, "intake_id": self.intake_id or None,
            "ca_bundle": self.ca_bundle or None, "pinned_cert_sha256": self.pinned_cert_sha256 or None,
            "desk_secret": self.desk_secret or None,
        }


def intake_trust(settings: Settings, *, training: bool, url: str, home: TrainingHome | None = None) -> IntakeTrust:
    """The trust settings for talking to `url` in the given mode (see the module docstring)."""
    if not training:
        return IntakeTrust(
            training=False, public_key=settings.intake_public_key.strip(), intake_id=settings.intake_id.strip(),
            ca_bundle=settings.intake_ca_bundle.strip(),
            pinned_cert_sha256=settings.intake_pinned_cert_sha256.strip(),
        )
    home = home or training_home()
    local = is_loopback_host(urlsplit(url).hostname or "")
    return IntakeTrust(training=True, public_key=home.public_key_text, intake_id=home.intake_id,
                       desk_secret=home.desk_secret if local else "")


def server_trust(server: IntakeServer) -> IntakeTrust:
    """Trust for the training intake this process runs itself (the app in TRAINING mode)."""
    return IntakeTrust(training=True, public_key=server.public_key_text, intake_id=server.intake_id,
                       desk_secret=server.service.desk_secret or "")


def check_target(url: str, trust: IntakeTrust, *, verify_tls: bool = True, client_cert: str = "") -> None:
    """Raise IntakeConfigError when this address and trust cannot make a safe transport: the address (and
    https for LIVE), the key, and the TLS files (CA bundle, client certificate) actually loaded, each
    failure naming its setting. Sends nothing."""
    line = IntakeLine(base_url=url, training=trust.training, verify_tls=verify_tls,
                      ca_bundle=trust.ca_bundle or None, pinned_cert_sha256=trust.pinned_cert_sha256 or None,
                      client_cert=client_cert or None)
    line.check()
    try:
        parse_public_key(trust.public_key)
    except IntakeKeyError as exc:
        raise IntakeConfigError(f"{'TRAINING' if trust.training else 'LIVE'} mode needs the intake's public key "
                                f"(intake_public_key) to check its receipts: {exc}") from exc
    if urlsplit(url).scheme == "https":
        try:
            line.ssl_context()
        except (OSError, ssl.SSLError) as exc:
            setting = "intake_ca_bundle" if not _loads_ca(line) else "intake_client_cert"
            raise IntakeConfigError(f"the TLS files cannot be used (check {setting} in the settings): {exc}") from exc


def _loads_ca(line: IntakeLine) -> bool:
    """Whether the line's CA bundle (if it uses one) loads: tells a bad bundle from a bad client certificate."""
    try:
        replace(line, client_cert=None).ssl_context()
    except (OSError, ssl.SSLError):
        return False
    return True
