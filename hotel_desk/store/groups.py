"""Groups: a tour group checked in together, in one action and one transaction: the group row with the stay
details its members share, then every member's own guest, document and stay rows with their own check-in
report and audit event (hotel_desk.store.registrations.register_many), and one event naming the group.

Atomic on purpose: either the whole group is registered or nobody is, so the desk never leaves a party half
reported (what Spanish hotels complained of in SES.HOSPEDAJES) and pressing "Register all" again after fixing
the refused member cannot register anyone twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from hotel_desk.clock import Clock
from hotel_desk.rules.record import GuestRegistration
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import InvalidRegistration, require_actor
from hotel_desk.store.models import GuestGroup, Registration, RegistrationStatus, new_id
from hotel_desk.store.property import property_row
from hotel_desk.store.queueing import ReportRef
from hotel_desk.store.reads import now_of
from hotel_desk.store.registrations import StayLinks, register_many, returning_links


@dataclass(frozen=True)
class GroupDetails:
    """What a group's members share. The stay values (arrival, departure, visa, from, to, reason) are written
    into every member's own registration, which is what each member's report carries."""

    name: str
    arrival: datetime
    planned_departure: date | None = None
    visa_type: str = ""
    group_visa_number: str = ""
    came_from: str = ""
    going_to: str = ""
    reason: str = ""
    leader_name: str = ""


@dataclass(frozen=True)
class GroupRegistered:
    group_id: str
    refs: list[ReportRef]


_SIZES = {"name": 200, "leader_name": 200, "visa_type": 40, "group_visa_number": 40, "came_from": 200,
          "going_to": 200, "reason": 200}


def register_group(
    db: Database,
    group: GroupDetails,
    members: Sequence[GuestRegistration],
    *,
    parents: Sequence[int | None] | None = None,
    returning_of: Sequence[str | None] | None = None,
    actor: str,
    clock: Clock | None = None,
    property_id: int | None = None,
) -> GroupRegistered:
    """Register a whole group at once. `members` carry their own document and room; the group's shared stay
    details are written into each. `parents[i]` is the index of the member whose passport member i (a child)
    is listed in, or None; `returning_of[i]` the earlier stay a returning member was matched to (checked
    again here, as for one guest)."""
    actor = require_actor(actor)
    if not members:
        raise InvalidRegistration("the group has no members")
    too_long = [f"the group's {key} is longer than {size} characters" for key, size in _SIZES.items()
                if len(getattr(group, key)) > size]
    if too_long:
        raise InvalidRegistration("; ".join(too_long))
    now = now_of(clock)
    parent_of = list(parents) if parents is not None else [None] * len(members)
    earlier = list(returning_of) if returning_of is not None else [None] * len(members)
    for index, parent in enumerate(parent_of):
        if parent is not None and not 0 <= parent < index:
            raise InvalidRegistration(f"member {index + 1}: the parent must be an earlier member of the group")
    shared = [replace(m, stay=replace(
        m.stay, arrival=group.arrival, planned_departure=group.planned_departure,
        visa_type=group.visa_type or m.stay.visa_type, visa_number=group.group_visa_number or m.stay.visa_number,
        came_from=group.came_from, going_to=group.going_to, reason=group.reason)) for m in members]
    with db.write() as session:
        prop = property_row(session, property_id)
        row = GuestGroup(
            id=new_id(), property_id=prop.id, name=group.name.strip(), leader_name=group.leader_name.strip(),
            arrival_at=group.arrival, planned_departure=group.planned_departure, visa_type=group.visa_type,
            group_visa_number=group.group_visa_number, came_from=group.came_from, going_to=group.going_to,
            reason=group.reason, created_by=actor, created_at=now,
        )
        session.add(row)
        session.flush()
        links = []
        for i, member in enumerate(shared):
            before = earlier[i]
            link = returning_links(session, member, before) if before else StayLinks()
            links.append(replace(link, group_id=row.id, parent_index=parent_of[i]))
        refs = register_many(session, shared, actor=actor, now=now, property_id=prop.id, links=links)
        append_event(session, actor=actor, action=AuditAction.GROUP_REGISTERED, entity_type="group",
                     entity_id=row.id, at=now,
                     details={"members": len(refs), "registration_ids": [r.registration_id for r in refs],
                              "children_on_parents_documents": sum(p is not None for p in parent_of),
                              "group_visa": bool(group.group_visa_number)})
        return GroupRegistered(row.id, refs)


def group_members(db: Database, group_id: str) -> list[str]:
    """The registration ids of a group's members still in house (for "check out the whole group")."""
    with db.read() as session:
        return list(session.execute(
            select(Registration.id).where(Registration.group_id == group_id,
                                          Registration.status == RegistrationStatus.IN_HOUSE.value)
            .order_by(Registration.room, Registration.arrival_at)
        ).scalars())
