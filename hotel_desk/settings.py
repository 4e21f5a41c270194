"""Application settings: one JSON file in the platform's config directory, overridable by environment.

Qt-free so that the command line and the app share exactly the same configuration. Environment variables
win over the file so that scripts, installers and tests can point a command elsewhere without editing it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "hotel_desk"
APP_AUTHOR = "hotel_desk"

ENV_PREFIX = "HOTEL_DESK_"
#: The training intake that `hotel-desk intake-server` runs by default; the app starts it itself in training mode.
TRAINING_INTAKE_PORT = 8765


def data_dir() -> Path:
    override = os.environ.get(ENV_PREFIX + "DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get(ENV_PREFIX + "CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'hotel_desk.sqlite3').as_posix()}"


@dataclass
class Settings:
    # Property, as issued by the police sub-station.
    hotel_name: str = ""
    hotel_code: str = ""
    authorisation_code: str = ""
    substation_code: str = ""
    timezone: str = "Asia/Shanghai"
    # Storage. Empty means the SQLite file in the platform data directory.
    database_url: str = ""
    # Reporting. Training mode talks to the built-in training intake and is labelled TRAINING everywhere.
    training: bool = True
    intake_url: str = ""
    intake_client_cert: str = ""
    intake_verify_tls: bool = True
    # LIVE: how to trust the police intake (docs/intake-protocol.md). Its Ed25519 public key, as issued with
    # the authorisation code (receipts it did not sign are not receipts); optionally the intake id its
    # answers must name; a CA bundle or the SHA-256 of its certificate when the system's CAs do not apply.
    intake_public_key: str = ""
    intake_id: str = ""
    intake_ca_bundle: str = ""
    intake_pinned_cert_sha256: str = ""
    field_mapping: str = ""
    # Input devices.
    scanner_folder: str = ""
    serial_port: str = ""
    serial_baud: int = 9600
    serial_profile: str = "plain"
    camera_id: str = ""
    keyboard_layout: str = "us"
    # Recognition: empty means "find Tesseract's data next to the bundled model".
    tesseract_path: str = ""
    # UI: empty means the system locale.
    language: str = ""
    desk_user: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def effective_database_url(self) -> str:
        return os.environ.get(ENV_PREFIX + "DATABASE_URL") or self.database_url or default_database_url()

    def effective_intake_url(self) -> str:
        """The configured intake address. LIVE without one is "" (never the training intake: a LIVE desk
        that "files" into a practice intake reports nobody)."""
        env = os.environ.get(ENV_PREFIX + "INTAKE_URL")
        if env:
            return env
        if self.intake_url:
            return self.intake_url
        return f"http://127.0.0.1:{TRAINING_INTAKE_PORT}" if self.training else ""


def desk_actor(settings: Settings, explicit: str | None = None, *, via: str = "") -> str:
    """Who the audit trail names for an action: an explicit name (--actor), else the configured desk user,
    else the computer's login name prefixed with where it came from (e.g. 'cli:')."""
    if explicit and explicit.strip():
        return explicit.strip()
    if settings.desk_user:
        return settings.desk_user
    import getpass

    try:
        login = getpass.getuser()
    except Exception:  # no login name (service accounts, some containers)
        login = ""
    return f"{via}{login}" if login else (via.rstrip(":") or "desk")


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing or unreadable file gives the defaults (never blocks start-up)."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    try:
        return Settings(**values)
    except TypeError:
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash or a full disk never leaves half a settings file."""
    path = path or settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
