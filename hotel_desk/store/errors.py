"""What the store refuses, as exceptions whose message says why in plain words (nothing was written)."""

from __future__ import annotations


class StoreError(Exception):
    """A desk action could not be done; the message says why, and nothing was written."""


class StorageFull(StoreError):
    """The disk (or the database's quota) is full: the transaction was rolled back, nothing was saved."""


class NotFound(StoreError):
    pass


class StateError(StoreError):
    """The record is not in a state that allows this action (e.g. checking out a cancelled stay)."""


class InvalidRegistration(StoreError):
    pass


def require_actor(actor: str | None, what: str = "") -> str:
    """Every desk action and every read of personal data names the person doing it (the audit trail's actor)."""
    actor = (actor or "").strip()
    if not actor:
        if what:
            raise StoreError(f"{what} needs the desk user (actor): the read is audited")
        raise StoreError("every desk action needs the name of the person doing it (actor)")
    return actor
