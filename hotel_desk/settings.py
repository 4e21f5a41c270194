"""Application settings: one JSON file in the platform's config directory, every key overridable by the
environment (HOTEL_DESK_<KEY>, e.g. HOTEL_DESK_DATABASE_URL, HOTEL_DESK_TRAINING=0), loaded once and passed
explicitly to whatever needs them (nothing below the command line and the window reads them on its own).

Qt-free so that the command line and the app share exactly the same configuration. Environment variables
win over the file so that scripts, installers and tests can point a command elsewhere without editing it; a
command-line option (`--database URL`) wins over both (`Settings.override`). Values are typed and checked when
loaded: a wrong one is a `SettingsError` that names the key, where it came from and what is expected.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from hotel_desk.privacy import private_dir, write_private
from hotel_desk.sealing import SETTINGS_KEY, KeyStore, SealError, is_sealed

log = logging.getLogger(__name__)

APP_NAME = "hotel_desk"
APP_AUTHOR = "hotel_desk"

ENV_PREFIX = "HOTEL_DESK_"


def data_dir() -> Path:
    """The desk's data folder (the SQLite database, backups): 0700, it holds passport data."""
    override = os.environ.get(ENV_PREFIX + "DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return private_dir(path)


def config_dir() -> Path:
    """The desk's configuration folder (settings, the key files where there is no keyring): 0700."""
    override = os.environ.get(ENV_PREFIX + "CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    return private_dir(path)


def key_store() -> KeyStore:
    """Where this desk keeps its keys: the OS keyring, else key files in <config dir>/keys (hotel_desk.sealing)."""
    return KeyStore(config_dir() / "keys")


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'hotel_desk.sqlite3').as_posix()}"


class SettingsError(ValueError):
    """A setting has a value that cannot be used: the message names the key, its source and what is expected."""


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
    # Closing stays (local times, HH:MM): a guest still in house after the check-out time of their planned
    # departure day is overdue; the desk is warned about them an hour before the night audit.
    checkout_time: str = "12:00"
    night_audit_time: str = "23:00"
    # The police's suspected-error lists: each item is due this many days after the list was imported.
    suspected_error_due_days: int = 3
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
    # Personal data at rest: days after a stay ended (check-out or cancellation) when its page image is purged.
    page_image_retention_days: int = 90
    # Minutes without a key press or a click before the window locks and asks for the password again.
    idle_lock_minutes: int = 10
    extra: dict[str, str] = field(default_factory=dict)
    #: Keys whose value came from the environment or the command line: (the file's value, the override).
    #: Saving writes the file's value back unless the key was changed since, so an override never ends up in
    #: the file by accident. Not a setting itself.
    overridden: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False, compare=False)

    def effective_database_url(self) -> str:
        return self.database_url or default_database_url()

    def effective_intake_url(self) -> str:
        """The configured intake address, "" when there is none. LIVE never falls back to anything: a LIVE
        desk that "files" into a practice intake reports nobody, so LIVE without an address refuses to start.
        TRAINING without one uses this installation's training intake (hotel_desk.reporting.training_home,
        its port chosen per installation), which the desk layer resolves."""
        return self.intake_url

    def override(self, source: str = "the command line", **values: Any) -> Settings:
        """A copy with `values` (None means "not given") set on top, checked like the file's."""
        given = {k: v for k, v in values.items() if v is not None}
        if not given:
            return self
        checked = {k: _check(k, v, source) for k, v in given.items()}
        kept = {**self.overridden}
        for key, value in checked.items():
            kept[key] = (kept[key][0] if key in kept else getattr(self, key), value)
        return replace(self, **checked, overridden=kept)


#: Every setting a file or the environment may set (not `overridden`).
KEYS = tuple(f.name for f in fields(Settings) if f.name != "overridden")
_TYPES = {f.name: f.type for f in fields(Settings)}
_CLOCK_TIMES = ("checkout_time", "night_audit_time")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _check(key: str, value: Any, source: str) -> Any:
    """`value` as the type the key needs (text from the environment is converted), or SettingsError."""
    if key not in _TYPES or key == "overridden":
        raise SettingsError(f"{source}: unknown setting {key!r}")
    kind = _TYPES[key]
    where = f"{source}: {key}"
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise SettingsError(f"{where} must be true or false (1/0, yes/no, on/off), not {value!r}")
    if kind == "int":
        try:
            number = int(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None or number <= 0:
            raise SettingsError(f"{where} must be a whole number above 0, not {value!r}")
        return number
    if kind == "dict[str, str]":
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else {}
            except ValueError:
                raise SettingsError(f"{where} must be a JSON object of text values, not {value!r}") from None
        if not isinstance(value, dict):
            raise SettingsError(f"{where} must be an object of text values, not {value!r}")
        return {str(k): str(v) for k, v in value.items()}
    if not isinstance(value, str):
        raise SettingsError(f"{where} must be text, not {value!r}")
    value = value.strip()
    if key == "timezone" and value:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(f"{where}: {value!r} is not a time zone (e.g. Asia/Shanghai)") from None
    if key == "database_url" and value and not value.startswith(("sqlite:", "postgresql", "postgres:")):
        raise SettingsError(f"{where}: {value!r} is not a database URL (sqlite:///PATH or postgresql://...)")
    if key in _CLOCK_TIMES:
        try:
            datetime.strptime(value, "%H:%M")
        except ValueError:
            raise SettingsError(f"{where} must be a time of day HH:MM (24-hour, e.g. 12:00), not {value!r}") from None
    if key == "intake_url" and value and not value.startswith(("http://", "https://")):
        raise SettingsError(f"{where}: {value!r} is not an http:// or https:// address")
    if key == "intake_public_key" and value and not _looks_like_public_key(value):
        raise SettingsError(f"{where} must be the intake's Ed25519 public key as issued: 'ed25519:' and the base64 "
                            "of its 32 bytes, or a PEM block")
    if key == "intake_pinned_cert_sha256" and value:
        value = pin_digits(value)
        if value is None:
            raise SettingsError(f"{where} must be the SHA-256 of the intake's certificate: 64 hex digits")
    if key == "intake_id" and len(value) > 64:
        raise SettingsError(f"{where} is at most 64 characters (the intake's answers name it)")
    return value


def pin_digits(pin: str) -> str | None:
    """A certificate pin as 64 lower-case hex digits (colons and spaces, as tools print them, and a
    `sha256/` prefix allowed); None when it is not one. The one reading of a pin, for the settings and the
    connection alike."""
    value = pin.replace(":", "").replace(" ", "").strip().lower()
    value = value.removeprefix("sha256/")
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        return None
    return value


def _looks_like_public_key(value: str) -> bool:
    """The form of a public key (the key itself is checked where it is used, hotel_desk.reporting.signatures):
    a PEM block, or `ed25519:` / bare base64 of 32 bytes."""
    import base64
    import binascii

    if value.startswith("-----BEGIN") and value.rstrip().endswith("-----"):
        return True
    raw = value[len("ed25519:"):] if value.lower().startswith("ed25519:") else value
    try:
        return len(base64.b64decode(raw, validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        raw = json.loads(text) if text.strip() else {}
    except ValueError as exc:
        raise SettingsError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"{path}: must hold one JSON object of settings")
    return raw


#: The settings key whose value is kept sealed in the file (a credential issued by the police).
SEALED_KEYS = ("authorisation_code",)


def _open_sealed(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    for key in SEALED_KEYS:
        value = raw.get(key)
        if isinstance(value, str) and is_sealed(value):
            sealer = key_store().load(SETTINGS_KEY)
            try:
                if sealer is None:
                    raise SealError("the settings key is not on this computer")
                raw[key] = sealer.open_text(value, f"settings:{key}")
            except SealError as exc:
                # Not fatal: the desk also keeps the code (sealed) with the property; Settings can set it again.
                log.warning("%s: %s cannot be opened (%s); enter it again in Settings", path, key, exc)
                raw[key] = ""
    return raw


def load_settings(path: Path | None = None, *, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings file (missing: the defaults) with the environment's HOTEL_DESK_<KEY> on top, checked.
    Keys of the file this version does not know are ignored (a newer version may have written them)."""
    path = path or settings_path()
    raw = _open_sealed(_read_file(path), path)
    settings = Settings(**{k: _check(k, v, str(path)) for k, v in raw.items() if k in KEYS})
    env = os.environ if environ is None else environ
    for key in KEYS:
        name = ENV_PREFIX + key.upper()
        if name in env:
            settings = settings.override(f"${name}", **{key: env[name]})
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash or a full disk never leaves half a settings file, 0600
    (it names the hotel and its codes), with the authorisation code sealed (hotel_desk.sealing: the settings key
    in the keyring or the key file). An overridden key keeps the file's value unless it was changed since (in
    the Settings page)."""
    path = path or settings_path()
    data = {key: getattr(settings, key) for key in KEYS}
    for key, (file_value, override) in settings.overridden.items():
        if data[key] == override:
            data[key] = file_value
    for key in SEALED_KEYS:
        if data[key]:
            sealer = key_store().load_or_create(SETTINGS_KEY, purpose="the authorisation code in settings.json")
            data[key] = sealer.seal_text(data[key], f"settings:{key}")
    if not path.parent.exists():
        private_dir(path.parent)
    write_private(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))

