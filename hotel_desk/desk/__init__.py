"""The desk: the Qt-free application layer between the window or a command and everything below.

`Desk` (desk.py) opens the store, runs the uploader and the training intake, and offers every desk action
with plain values (views.py) in and out; `Desk.queue` (queue.py) works the report queue for the commands.
intake.py builds the one intake target, transport and uploader; entries.py converts what the receptionist
confirmed into what the store keeps. The window (hotel_desk.ui) and the commands (hotel_desk.commands) call
only this layer for desk actions.
"""

from __future__ import annotations

from hotel_desk.desk.desk import Desk, DeskError, Opened
from hotel_desk.desk.queue import QueueError, ReportQueue
from hotel_desk.desk.views import (
    DeadlineAlert,
    DocumentRead,
    GuestEntry,
    InHouseGuest,
    QueueSummary,
    Registered,
    ReportRow,
)

__all__ = [
    "DeadlineAlert", "Desk", "DeskError", "DocumentRead", "GuestEntry", "InHouseGuest", "Opened", "QueueError",
    "QueueSummary", "Registered", "ReportQueue", "ReportRow",
]
