"""Sealing personal data at rest: AES-256-GCM with a data key kept outside the database.

What is sealed: passport page images and the police authorisation code, in the database (and the code in
the settings file). A copy of the database file, a PostgreSQL dump or a backup then holds ciphertext only.

Where the key lives (`KeyStore`):
1. the operating system's keyring (`keyring` package: Windows Credential Locker, macOS Keychain, the Secret
   Service of a Linux desktop), service "hotel_desk", one entry per key;
2. where there is none (a Linux box without a Secret Service, a service account), a key file: one text file
   per key, 0600, in a 0700 folder of the desk's configuration directory (not beside the database, so a copy
   of the data folder or of the database alone does not carry its key). The file says what it is.
   It protects against other accounts on the computer and against copies of the database; it does not
   protect against someone who can read this account's files (nothing that opens without a password can).

A sealed value names its key (`key_id`: 16 hex digits of SHA-256 of the key), so the right key is found, and
a value sealed under another key fails plainly instead of decrypting to garbage. Each value is bound to
where it belongs (`context`, e.g. "document:<id>", as AES-GCM associated data): a page image moved to another
document does not open. Losing the key loses the sealed data: keep a copy of the key file (or the keyring
entry) somewhere safe, as the README says.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from hotel_desk.privacy import private_dir, write_private

log = logging.getLogger(__name__)

MAGIC = b"HDS1"  # hotel_desk sealed, version 1: MAGIC + key id (8 bytes) + nonce (12) + ciphertext and tag
TEXT_PREFIX = "sealed:v1:"
SERVICE = "hotel_desk"
_NONCE = 12
_HEADER = len(MAGIC) + 8 + _NONCE


class SealError(ValueError):
    """A sealed value cannot be opened: the key is not this one, or the value was altered."""


def key_id_of_key(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


def is_sealed(value: bytes | str | None) -> bool:
    if isinstance(value, str):
        return value.startswith(TEXT_PREFIX)
    return value is not None and value[: len(MAGIC)] == MAGIC


def key_id_of(value: bytes | str) -> str | None:
    """The id of the key that sealed `value` (None when it is not sealed)."""
    if isinstance(value, str):
        if not value.startswith(TEXT_PREFIX):
            return None
        value = base64.b64decode(value[len(TEXT_PREFIX):])
    return value[len(MAGIC) : len(MAGIC) + 8].hex() if is_sealed(value) else None


@dataclass(frozen=True, repr=False)
class DataKey:
    """A 256-bit AES-GCM key and its id. repr never shows the key."""

    key: bytes

    @property
    def key_id(self) -> str:
        return key_id_of_key(self.key)

    def __repr__(self) -> str:
        return f"DataKey({self.key_id})"

    @classmethod
    def generate(cls) -> DataKey:
        return cls(os.urandom(32))

    def seal(self, data: bytes, context: str) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(_NONCE)
        return MAGIC + bytes.fromhex(self.key_id) + nonce + AESGCM(self.key).encrypt(nonce, data, context.encode())

    def open(self, blob: bytes, context: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not is_sealed(blob):
            raise SealError("the value is not sealed")
        if key_id_of(blob) != self.key_id:
            raise SealError(f"sealed with data key {key_id_of(blob)}, not with this desk's key {self.key_id}")
        nonce = blob[len(MAGIC) + 8 : _HEADER]
        try:
            return AESGCM(self.key).decrypt(nonce, blob[_HEADER:], context.encode())
        except InvalidTag:
            raise SealError(f"the sealed value for {context} was altered or belongs elsewhere") from None

    def seal_text(self, text: str, context: str) -> str:
        return TEXT_PREFIX + base64.b64encode(self.seal(text.encode("utf-8"), context)).decode("ascii")

    def open_text(self, value: str, context: str) -> str:
        if not value.startswith(TEXT_PREFIX):
            raise SealError("the text is not sealed")
        return self.open(base64.b64decode(value[len(TEXT_PREFIX):]), context).decode("utf-8")


def _usable_keyring() -> object | None:
    """The keyring backend, or None when there is no real one (no Secret Service, keyring disabled)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except Exception:  # not installed, or broken by a bad backend on import
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


class KeyStore:
    """Where this desk keeps its keys: the OS keyring when it works, else key files in `fallback_dir`."""

    def __init__(self, fallback_dir: str | Path, *, use_keyring: bool = True) -> None:
        self.fallback_dir = Path(fallback_dir)
        self.use_keyring = use_keyring

    def _keyring(self) -> object | None:
        return _usable_keyring() if self.use_keyring else None

    def _file(self, name: str) -> Path:
        return self.fallback_dir / f"{name}.key"

    def load(self, name: str) -> DataKey | None:
        """The key stored under `name`, from the keyring or the key file; None when neither has it."""
        backend = self._keyring()
        if backend is not None:
            try:
                stored = backend.get_password(SERVICE, name)  # type: ignore[attr-defined]
            except Exception as exc:  # a locked or broken keyring: fall through to the file
                log.warning("the keyring could not be read (%s); looking for a key file", exc)
                stored = None
            if stored:
                return DataKey(base64.b64decode(stored))
        path = self._file(name)
        if path.is_file():
            lines = [ln.strip() for ln in path.read_text(encoding="ascii").splitlines()]
            encoded = next((ln for ln in lines if ln and not ln.startswith("#")), "")
            return DataKey(base64.b64decode(encoded))
        return None

    def save(self, name: str, key: DataKey, *, purpose: str) -> str:
        """Keep `key` under `name`; returns where ("keyring: <backend>" or "file: <path>")."""
        encoded = base64.b64encode(key.key).decode("ascii")
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, name, encoded)  # type: ignore[attr-defined]
                return f"keyring: {type(backend).__module__}"
            except Exception as exc:
                log.warning("the keyring refused the key (%s); keeping it in a key file instead", exc)
        private_dir(self.fallback_dir)
        path = self._file(name)
        text = (
            f"# hotel_desk data key {key.key_id} ({purpose})\n"
            "# Kept in this file because this computer has no usable keyring. Keep it secret (it is readable by\n"
            "# this account only) and keep a copy somewhere safe: without it the sealed data cannot be read.\n"
            f"{encoded}\n"
        )
        write_private(path, text.encode("ascii"))
        return f"file: {path}"

    def where(self, name: str) -> str:
        backend = self._keyring()
        if backend is not None:
            try:
                if backend.get_password(SERVICE, name):  # type: ignore[attr-defined]
                    return f"keyring: {type(backend).__module__}"
            except Exception:
                pass
        path = self._file(name)
        return f"file: {path}" if path.is_file() else "nowhere"

    def load_or_create(self, name: str, *, purpose: str) -> DataKey:
        key = self.load(name)
        if key is None:
            key = DataKey.generate()
            log.info("new data key %s (%s) kept in %s", key.key_id, purpose, self.save(name, key, purpose=purpose))
        return key


def data_key_name(key_id: str) -> str:
    """The keyring entry (and key file) of a database's data key."""
    return f"data-key-{key_id}"


SETTINGS_KEY = "settings-key"
