"""Registering a document as printed: the exception path for a real document the checks would stop forever.

Some documents print a wrong check digit (specimens, and real cards from some issuers). Retyping the fields
by hand would lose what the document says; instead the desk registers the zone exactly as printed, with a
reason and the approval of a staff member whose role allows `approve_override` (a manager). Which findings may
be overridden is the registration gate's rule (hotel_desk.rules.gate.printed_check_digit_errors); this module
only finds the approver: the signed-in staff member when their role allows it, otherwise a manager who signs
on the spot at this desk (`Access.approve`: their password checked like a sign-in, the approval on file in
their name, the receptionist's session untouched). A refusal is on file too: `Access.require` records a role
that may not approve, a wrong password counts towards the approver's lockout, and the blocked check-in itself
is recorded by the desk (hotel_desk.desk.blocked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotel_desk.desk.errors import DeskError
from hotel_desk.rules.record import Override
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.desk.views import GuestEntry

#: What the approval is for, in the audit trail's ACCESS_APPROVED event.
WHAT = "register_as_printed"


def approve_override(desk: Desk, entry: GuestEntry, approver: tuple[str, str] | None) -> Override:
    """The override for `entry` (its `override_reason`), approved by the signed-in staff member or by
    `approver` (name, password). DeskError when the entry holds nothing an override may lift; NotAllowed,
    SignInFailed when the approval is refused."""
    verdict = desk.verdict(entry)
    codes = tuple(sorted({f.code for f in verdict.overridable}))
    if not codes:
        raise DeskError("override_not_applicable", "nothing on this document may be registered as printed: "
                        "only a check digit the document itself prints wrong can be")
    if approver is None:
        approved_by = desk.require(Permission.APPROVE_OVERRIDE).username
    else:
        name, password = approver
        details = {"codes": list(codes), "room": entry.room.strip(), "document_type": entry.document_type,
                   "nationality": entry.nationality}
        approved_by = desk.access.approve(Permission.APPROVE_OVERRIDE, name, password, what=WHAT,
                                          details=details).username
    return Override(reason=" ".join(entry.override_reason.split()), approved_by=approved_by, codes=codes)


def approvers(desk: Desk) -> list[tuple[str, str]]:
    """(name, display name) of the active accounts whose role may approve an override, for the dialog."""
    from hotel_desk import store
    from hotel_desk.rules.roles import allows

    desk.require(Permission.REGISTER)
    return [(a.username, a.display_name) for a in store.staff_accounts(desk.db)
            if a.active and allows(a.role, Permission.APPROVE_OVERRIDE)]
