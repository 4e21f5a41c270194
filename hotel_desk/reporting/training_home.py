"""The training intake's home on this computer: its port, the secret of its own desk, its key and records.

Chosen once per installation and remembered in a private folder (0700; every file 0600):
- `installation.json`: the TCP port (picked at random from TRAINING_PORT_RANGE, below the ephemeral ports
  operating systems hand out, so it rarely clashes) and the desk secret (256 random bits) the training intake
  requires from every request, so that no other program on the computer can file or read records there;
- `signing-key.pem`: the Ed25519 key the training intake signs its results with;
- `training-intake.sqlite3`: what it filed (full guest records when staff practise with real documents).

The desk reads the public key and the secret from here at set-up (`TrainingHome.public_key_text`,
`.desk_secret`); nothing of it goes over the network except the secret, to 127.0.0.1.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.privacy import create_private_once, private_dir, touch_private
from hotel_desk.reporting.signatures import key_id, load_or_create_signing_key, public_key_text

TRAINING_PORT_RANGE = (20000, 32767)
HOME_FORMAT = "hotel_desk.training-intake/1"
INSTALLATION_FILE = "installation.json"
KEY_FILE = "signing-key.pem"
DATABASE_FILE = "training-intake.sqlite3"


@dataclass(frozen=True)
class TrainingHome:
    folder: Path
    port: int
    desk_secret: str

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_FILE

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def signing_key(self) -> Ed25519PrivateKey:
        return load_or_create_signing_key(self.key_path)

    @property
    def public_key_text(self) -> str:
        """What the desk configures as the training intake's public key (generated on first use)."""
        return public_key_text(self.signing_key().public_key())

    @property
    def intake_id(self) -> str:
        return f"TRAINING-{key_id(self.signing_key().public_key())}"


def _read(path: Path) -> TrainingHome | None:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != HOME_FORMAT:
        return None
    port, secret = raw.get("port"), raw.get("desk_secret")
    if not isinstance(port, int) or not (1024 <= port <= 65535) or not isinstance(secret, str) or len(secret) < 32:
        return None
    return TrainingHome(path.parent, port, secret)


def default_training_folder() -> Path:
    from hotel_desk.settings import data_dir

    return data_dir() / "training-intake"


def training_home(folder: str | Path | None = None) -> TrainingHome:
    """This installation's training intake home, created on first use (and its key with it)."""
    if folder is None:
        folder = default_training_folder()
        # Before the home existed the training database lay in the data folder with the umask's mode.
        legacy = folder.parent / DATABASE_FILE
        if legacy.exists():
            touch_private(legacy)
    home_dir = private_dir(folder)
    path = home_dir / INSTALLATION_FILE
    home = _read(path)
    if home is None:
        if path.exists():
            # Unreadable (a crash while a disk was full, an edit): choose again rather than refuse to start.
            path.unlink()
        low, high = TRAINING_PORT_RANGE
        chosen = {"format": HOME_FORMAT, "port": secrets.SystemRandom().randint(low, high),
                  "desk_secret": secrets.token_urlsafe(32)}
        create_private_once(path, (json.dumps(chosen, indent=1) + "\n").encode("utf-8"))
        home = _read(path)
        if home is None:
            raise OSError(f"{path}: cannot set up the training intake's home")
    home.signing_key()  # created now, so the desk can read the public key before the intake first runs
    return home
