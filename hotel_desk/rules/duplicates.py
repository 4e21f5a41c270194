"""A registration that repeats an open one: the rule, pure (the store finds the open stays, the gate judges).

Two registrations are the same guest when they are of the same document: its number and the nationality
(the same number from another country is another document). A registration is *open* until the guest checks
out or it is cancelled, so an open stay lasts, for this rule, from its arrival until further notice: a new
stay of the same document repeats it when the new stay ends (its planned departure, or else its arrival day)
on or after that arrival. The usual causes are a double click, an import file run twice, or a guest who
moves rooms or comes back while the first stay was never checked out; the rare intended case (two rooms held
under one passport) must be confirmed as intended, with the code `registration.duplicate`, which a blanket
"accept the warnings" never covers.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hotel_desk.documents.model import Finding, Severity

#: The acknowledgement code that confirms a repeated registration as intended.
DUPLICATE = "registration.duplicate"
#: Warnings only their own code acknowledges (never `acknowledged=True`, the form's tick, --accept-warnings).
EXPLICIT_CODES = frozenset({DUPLICATE})


@dataclass(frozen=True)
class OpenStay:
    """An open registration of a document, as the rule needs it (registration_id "" for one earlier in the
    same import, not saved yet)."""

    registration_id: str
    room: str
    arrival: date
    planned_departure: date | None = None


def same_document(number: str, nationality: str) -> tuple[str, str]:
    """The key two registrations of one document share (case, spaces and MRZ fillers aside)."""
    return number.replace("<", "").replace(" ", "").upper(), nationality.strip().upper()


def repeats(open_stays: Iterable[OpenStay], arrival: date, departure: date | None) -> list[OpenStay]:
    """The open stays a new stay of the same document (from `arrival` to `departure`) overlaps."""
    end = max(departure or arrival, arrival)
    return [stay for stay in open_stays if stay.arrival <= end]


def duplicate_finding(found: Sequence[OpenStay]) -> Finding | None:
    """The warning for a registration that repeats `found` (None when it repeats nothing)."""
    if not found:
        return None
    first = min(found, key=lambda s: s.arrival)
    where = f"room {first.room}" if first.room else "another room"
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    more_zh = f"（另有 {len(found) - 1} 条）" if len(found) > 1 else ""
    return Finding(
        DUPLICATE, Severity.WARNING, "document_number",
        f"This document is already registered and not checked out: {where}, since {first.arrival.isoformat()}"
        f"{more}. Check that guest out first, or confirm that this second registration is intended.",
        f"该证件已有未退房的登记：{first.room or '其他'}房，{first.arrival.isoformat()}入住{more_zh}。"
        "请先为其办理退房，或确认确需再次登记。",
    )


def confirmed(acknowledged: bool | Collection[str]) -> bool:
    """Whether the caller confirmed a repeat: only by its own code."""
    return not isinstance(acknowledged, bool) and DUPLICATE in acknowledged
