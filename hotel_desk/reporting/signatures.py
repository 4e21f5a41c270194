"""Signed intake results: what makes a receipt a receipt (docs/intake-protocol.md, "Signed results").

An intake signs every per-record result with its Ed25519 key; the desk checks the signature with the
intake's public key, configured when the hotel was set up (issued by the sub-station with the authorisation
code; the training intake's key is read from this computer). The signed bytes bind the result to this
protocol, this intake, its TRAINING/LIVE nature, this hotel, this record (idempotency key and the SHA-256 of
the record as the desk sent it), the verdict and the receipt. A forged, replayed or misdirected result fails.

The signed bytes are a tag and a fixed list of text fields, each encoded as a netstring
(`<decimal byte length>:<UTF-8 bytes>,`) and concatenated: unambiguous whatever the fields contain, and
reproducible in any language without a JSON canonicaliser.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hotel_desk.privacy import create_private_once, private_dir
from hotel_desk.rules.canonical import canonical_json

#: Domain separation: a signature over one kind of statement can never pass as another kind.
RESULT_TAG = "hotel_desk.intake-result/1"
HELLO_TAG = "hotel_desk.intake-hello/1"
KEY_PREFIX = "ed25519:"


class IntakeKeyError(ValueError):
    """A public or private key that cannot be used (wrong format, wrong length, unreadable file)."""


def netstring(value: str) -> bytes:
    data = value.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data + b","


def canonical_bytes(tag: str, fields: Sequence[str]) -> bytes:
    return netstring(tag) + b"".join(netstring(f) for f in fields)


def errors_sha256(errors: Sequence[Mapping[str, Any]]) -> str:
    """SHA-256 of a rejection's error list as sent (canonical JSON); "" when there are none."""
    return hashlib.sha256(canonical_json(list(errors)).encode("utf-8")).hexdigest() if errors else ""


@dataclass(frozen=True)
class ResultStatement:
    """What an intake vouches for about one record, in the order the signed bytes list it."""

    protocol: str
    intake_id: str
    training: bool
    hotel_id: str
    idempotency_key: str
    payload_sha256: str
    status: str
    receipt_id: str = ""
    received_at: str = ""
    anchor: str = ""
    errors_sha256: str = ""

    def signing_bytes(self) -> bytes:
        # Field by field, in declaration order (not dataclasses.astuple: it deep-copies, 10 µs a result).
        values = [getattr(self, f.name) for f in _RESULT_FIELDS]
        return canonical_bytes(RESULT_TAG, ["true" if v is True else "false" if v is False else str(v)
                                            for v in values])


_RESULT_FIELDS = fields(ResultStatement)


@dataclass(frozen=True)
class HelloStatement:
    """The intake's answer to a connection test: who it is and whether it is a training intake, bound to
    the desk's random challenge so that a recorded answer cannot be replayed."""

    protocol: str
    intake_id: str
    training: bool
    challenge: str

    def signing_bytes(self) -> bytes:
        return canonical_bytes(HELLO_TAG, [self.protocol, self.intake_id, "true" if self.training else "false",
                                           self.challenge])


# -- keys ---------------------------------------------------------------------------------------------------
def public_key_text(key: Ed25519PublicKey) -> str:
    """The form settings and docs use: `ed25519:` + standard base64 of the 32 raw key bytes."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def key_id(key: Ed25519PublicKey) -> str:
    """A short fingerprint to compare by eye or on the phone: the first 16 hex digits of SHA-256(raw key)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A public key as configured: `ed25519:<base64>`, bare base64 of the 32 raw bytes, or a PEM block."""
    value = (text or "").strip()
    if not value:
        raise IntakeKeyError("no intake public key is configured")
    if value.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(value.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise IntakeKeyError(f"the intake public key is not a readable PEM key: {exc}") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise IntakeKeyError("the intake public key must be an Ed25519 key")
        return key
    if value.lower().startswith(KEY_PREFIX):
        value = value[len(KEY_PREFIX):]
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise IntakeKeyError("the intake public key is not base64") from exc
    if len(raw) != 32:
        raise IntakeKeyError(f"an Ed25519 public key has 32 bytes, this one {len(raw)}")
    return Ed25519PublicKey.from_public_bytes(raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode("ascii")


def verify(key: Ed25519PublicKey, data: bytes, signature: Any) -> bool:
    """True only for a well-formed signature (base64 of 64 bytes) that verifies."""
    if not isinstance(signature, str) or len(signature) > 200:
        return False
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(raw) != 64:
        return False
    try:
        key.verify(raw, data)
    except InvalidSignature:
        return False
    return True


def load_or_create_signing_key(path: str | Path) -> Ed25519PrivateKey:
    """The intake's private key from a PEM file, generated on first use (file 0600, folder 0700).
    Two intakes starting at once keep the same key: the second one's creation fails and it reads the first's."""
    target = Path(path)
    if not target.exists():
        private_dir(target.parent)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        if create_private_once(target, pem):
            return key
    try:
        loaded = serialization.load_pem_private_key(target.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise IntakeKeyError(f"{target}: cannot read the intake signing key: {exc}") from exc
    if not isinstance(loaded, Ed25519PrivateKey):
        raise IntakeKeyError(f"{target}: not an Ed25519 private key")
    return loaded
