"""What the store refuses, as exceptions whose message says why in plain words (nothing was written)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hotel_desk.documents.model import Finding
from hotel_desk.rules.duplicates import OpenStay


class StoreError(Exception):
    """A desk action could not be done; the message says why, and nothing was written."""


class StorageFull(StoreError):
    """The disk (or the database's quota) is full: the transaction was rolled back, nothing was saved."""


class NotFound(StoreError):
    pass


class StateError(StoreError):
    """The record is not in a state that allows this action (e.g. checking out a cancelled stay)."""


class InvalidRegistration(StoreError):
    """A registration the gate refuses. `findings` are the refusal's findings with their codes and messages in
    English and Chinese (the record validation's, a repeat's), where the store has them; `index` is the
    registration's place in an import (None for one guest)."""

    def __init__(self, message: str, findings: Sequence[Finding] = (), index: int | None = None) -> None:
        super().__init__(message)
        self.findings = tuple(findings)
        self.index = index


class DuplicateRegistration(InvalidRegistration):
    """Registrations that repeat open ones of the same document (hotel_desk.rules.duplicates) and were not
    confirmed as intended. `repeats`: the import's index of each such registration -> the open stays it
    repeats (registration_id "" for one earlier in the same import)."""

    def __init__(self, message: str, repeats: Mapping[int, Sequence[OpenStay]],
                 findings: Sequence[Finding] = ()) -> None:
        super().__init__(message, findings, index=min(repeats) if repeats else None)
        self.repeats = {index: tuple(stays) for index, stays in repeats.items()}


def require_actor(actor: str | None, what: str = "") -> str:
    """Every desk action and every read of personal data names the person doing it (the audit trail's actor)."""
    actor = (actor or "").strip()
    if not actor:
        if what:
            raise StoreError(f"{what} needs the desk user (actor): the read is audited")
        raise StoreError("every desk action needs the name of the person doing it (actor)")
    return actor
