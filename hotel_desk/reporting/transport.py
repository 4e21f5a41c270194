"""The transport interface: how a batch of mapped reports leaves the building.

Two real transports implement it: HttpTransport (the intake protocol over HTTPS) and BatchFileTransport
(files for an official client or a USB stick, confirmed later by a receipt number the user types in).
A transport never raises for a network or server failure: it returns a BatchOutcome in which every record
has exactly one result, so the uploader can record each attempt and decide each report's next step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from hotel_desk.reporting.protocol import BatchOutcome, OutgoingReport, Receipt


@runtime_checkable
class Transport(Protocol):
    #: Stored as the report's channel and in the attempt log ("http", "batch_file").
    channel: str
    #: How many records one submit() may carry.
    max_batch: int
    #: True when an accepted result is final (a receipt); False when the user must confirm later.
    immediate: bool

    def submit(self, reports: Sequence[OutgoingReport], *, check_only: bool = False) -> BatchOutcome:
        """Send the reports; one result per report, in any order, keyed by idempotency key."""
        ...

    def fetch_receipt(self, receipt_id: str) -> Receipt | None:
        """The intake's receipt for a filed record (None when it does not know it or cannot be asked)."""
        ...

    def close(self) -> None: ...
