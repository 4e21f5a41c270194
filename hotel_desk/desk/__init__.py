"""The desk: the Qt-free application layer between the window or a command and everything below.

`Desk` (desk.py) opens the store, runs the uploader and the training intake, and offers every desk action
with plain values (views.py) in and out; `Desk.queue` (queue.py) works the report queue for the commands.
`Desk.access` (access.py) is who is at the desk: sign-in, lock, switch user, and `require`, the one permission
check every action makes; `Desk.staff` (staff.py) is the managers' work on accounts; passwords.py hashes.
intake.py builds the one intake target, transport and uploader; entries.py converts what the receptionist
confirmed into what the store keeps. The window (hotel_desk.ui) and the commands (hotel_desk.commands) call
only this layer for desk actions.
"""

from __future__ import annotations

from hotel_desk.desk.access import StaffSession
from hotel_desk.desk.desk import Desk, Opened
from hotel_desk.desk.errors import AccessDenied, DeskError, NotAllowed, NotSignedIn, SignInFailed
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
    "AccessDenied", "DeadlineAlert", "Desk", "DeskError", "DocumentRead", "GuestEntry", "InHouseGuest",
    "NotAllowed", "NotSignedIn", "Opened", "QueueError", "QueueSummary", "Registered", "ReportQueue", "ReportRow",
    "SignInFailed", "StaffSession",
]
