"""Check-ins the registration gate stopped are on file too: a liaison reading the audit trail sees that a
document was refused (and why) before whatever was registered next. The record carries what the gate
judged, not who the guest is: no name and no document number, only the room, the document's kind and
nationality, how it came in, and the codes of what blocked it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from hotel_desk.desk import entries
from hotel_desk.rules import gate
from hotel_desk.rules.record import record_values
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.desk.views import GuestEntry


def record_blocked_entry(desk: Desk, entry: GuestEntry, verdict: gate.Verdict, *, source: str) -> bool:
    """A check-in of `entry` (the form's) that `verdict` refused."""
    registration = entries.registration_for(entry, arrival=desk.now(), today=desk.today())
    return record_blocked_check_in(desk, verdict, record_values(registration),
                                   entry_method=registration.entry_method, source=source)


def record_blocked_check_in(desk: Desk, verdict: gate.Verdict, values: Mapping[str, object], *,
                            entry_method: str | None, source: str) -> bool:
    """Record a check-in `verdict` refused, as the signed-in staff member's (who must be allowed to
    register); False (nothing recorded) when the verdict let it through. `values` are the record's keys
    (hotel_desk.rules.record)."""
    from hotel_desk import store

    desk.require(Permission.REGISTER)
    if verdict.ok:
        return False
    details = {
        "source": source,
        "room": str(values.get("room") or ""),
        "document_type": str(values.get("document_type") or ""),
        "nationality": str(values.get("nationality") or ""),
        "entry_method": entry_method or "",
        "missing": list(verdict.missing),
        "errors": sorted({f"{f.code}:{f.field}" if f.field else f.code for f in verdict.errors}),
        "unacknowledged": sorted({f.code for f in verdict.unacknowledged}),
        # What a manager could have approved as printed (hotel_desk.rules.gate): the liaison sees whether the
        # exception path was open and not taken, or taken (then the registration's event carries it).
        "overridable": sorted({f.code for f in verdict.overridable}),
    }
    store.record_desk_event(desk.db, actor=desk.actor, action=store.AuditAction.CHECK_IN_BLOCKED,
                            entity_type="check_in_attempt", entity_id=str(uuid.uuid4()), details=details,
                            clock=desk.clock)
    return True
