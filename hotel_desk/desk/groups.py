"""Group check-in at the desk: a stack of documents read one after the other into one group with shared stay
details and a room per guest, reviewed, then registered in one action (one report per guest); a child listed
in a parent's passport added as their own member on the parent's document.

Qt-free; `Desk.groups` is the one instance. Each member passes the registration gate on its own, with the
group's stay; the store registers the whole group in one transaction (hotel_desk.store.groups says why).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from hotel_desk.desk import entries
from hotel_desk.desk.views import GuestEntry, latin_name
from hotel_desk.documents import Finding, MrzCheck
from hotel_desk.rules import gate
from hotel_desk.rules.record import EntryMethod, record_values
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk

#: Why a child's record has no document of its own (kept as the document's "typed by hand" reason).
CHILD_REASON = "Child listed in the parent's passport"


@dataclass
class GroupStay:
    """What the group shares (written into every member's own record)."""

    name: str = ""
    arrival: datetime | None = None  # None: when the group is registered
    planned_departure: date | None = None
    visa_type: str = ""
    group_visa_number: str = ""
    came_from: str = ""
    going_to: str = ""
    reason: str = ""
    leader_name: str = ""


@dataclass
class GroupMember:
    """One member as read (or typed, for a child): the document's fields and the room in `entry`; `parent` is
    the index of the member whose passport a child is listed in."""

    entry: GuestEntry
    parent: int | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class MemberVerdict:
    index: int
    name: str
    verdict: gate.Verdict
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class GroupDone:
    group_id: str
    registration_ids: list[str]
    report_ids: list[str]


class GroupRefused(Exception):
    """Members that stop the group's registration (nothing was registered): each with why."""

    def __init__(self, refused: list[MemberVerdict]) -> None:
        super().__init__("; ".join(f"#{m.index + 1} {m.name}: {', '.join(m.verdict.reasons())}" for m in refused))
        self.refused = refused


class GroupDesk:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    @staticmethod
    def entry_from_check(check: MrzCheck, *, entry_method: str, page_image: bytes | None = None) -> GuestEntry | None:
        """A member as a read document gives them (the room and the stay come later): None when nothing was
        read."""
        doc = check.document
        if doc is None:
            return None
        return GuestEntry(
            surname_en=doc.surname, given_names_en=doc.given_names, chinese_name=doc.chinese_name, sex=doc.sex,
            birth_date=doc.birth_date, nationality=doc.nationality, document_type=doc.kind.value,
            document_number=doc.document_number, document_expiry=doc.expiry_date, issuing_state=doc.issuing_state,
            mrz_lines=tuple(doc.mrz_lines), entry_method=entry_method, page_image=page_image)

    def member_entry(self, stay: GroupStay, member: GroupMember) -> GuestEntry:
        """The member's entry with the group's stay details (as it will be registered)."""
        e = member.entry
        return dataclasses.replace(
            e, planned_departure=stay.planned_departure, visa_type=stay.visa_type or e.visa_type,
            visa_number=stay.group_visa_number or e.visa_number, came_from=stay.came_from,
            going_to=stay.going_to, reason=stay.reason)

    def review(self, stay: GroupStay, members: Sequence[GroupMember], *,
               accept_warnings: bool = False) -> list[MemberVerdict]:
        """Every member through the registration gate with the group's stay: what the review list shows."""
        out = []
        for index, member in enumerate(members):
            entry = self.member_entry(stay, member)
            # The document's findings, and what the desk found about the member (a returning-guest check).
            findings = [*self._desk.findings_for(entry), *member.findings]
            registration = entries.registration_for(entry, arrival=stay.arrival or self._desk.now(),
                                                    today=self._desk.today())
            verdict = gate.judge(record_values(registration), entry_method=registration.entry_method,
                                 manual_reason=entry.manual_reason, findings=findings,
                                 acknowledged=accept_warnings or set(entry.accepted_warnings))
            out.append(MemberVerdict(index, latin_name(entry.surname_en, entry.given_names_en), verdict,
                                     (*findings, *verdict.own)))
        return out

    def register(self, stay: GroupStay, members: Sequence[GroupMember], *,
                 accept_warnings: bool = False) -> GroupDone:
        """Register the whole group: every member passes the gate, then all of them in one transaction, or
        nobody (GroupRefused names who stops it)."""
        from hotel_desk import store

        self._desk.require(Permission.REGISTER)
        if not members:
            raise GroupRefused([])
        verdicts = self.review(stay, members, accept_warnings=accept_warnings)
        refused = [v for v in verdicts if not v.verdict.ok]
        if refused:
            raise GroupRefused(refused)
        arrival = stay.arrival or self._desk.now()
        today = self._desk.today()
        registrations = []
        for member, verdict in zip(members, verdicts, strict=True):
            entry = dataclasses.replace(self.member_entry(stay, member),
                                        accepted_warnings=verdict.verdict.accepted_warnings)
            registrations.append(entries.registration_for(entry, arrival=arrival, today=today))
        details = store.GroupDetails(
            name=stay.name, arrival=arrival, planned_departure=stay.planned_departure, visa_type=stay.visa_type,
            group_visa_number=stay.group_visa_number, came_from=stay.came_from, going_to=stay.going_to,
            reason=stay.reason, leader_name=stay.leader_name)
        done = store.register_group(
            self._desk.db, details, registrations, parents=[m.parent for m in members],
            returning_of=[m.entry.returning_of or None for m in members], actor=self._desk.actor,
            clock=self._desk.clock)
        return GroupDone(done.group_id, [r.registration_id for r in done.refs], [r.report_id for r in done.refs])

    @staticmethod
    def child_entry(parent: GuestEntry, *, surname: str, given_names: str, birth_date: date | None, sex: str,
                    reason: str = CHILD_REASON, room: str = "") -> GuestEntry:
        """A child listed in `parent`'s passport, as their own record: their own name, date of birth and sex,
        the parent's document (type, number, nationality, expiry, page image), typed by hand with the reason."""
        return GuestEntry(
            surname_en=" ".join(surname.upper().split()), given_names_en=" ".join(given_names.upper().split()),
            sex=sex or "X", birth_date=birth_date, nationality=parent.nationality,
            document_type=parent.document_type, document_number=parent.document_number,
            document_expiry=parent.document_expiry, issuing_state=parent.issuing_state,
            room=room or parent.room, entry_method=EntryMethod.MANUAL.value,
            manual_reason=(reason or CHILD_REASON).strip(), page_image=parent.page_image,
        )
