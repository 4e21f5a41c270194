"""The police report's life: its kinds, its states and the moves between them, and the time limits the
police measure it by.

The store's outbox moves reports only along `TRANSITIONS` (`require_transition`); the window, the fax
hand-over and the commands ask the same sets (`OPEN_STATES`, `HANDOVER_STATES`, ...) instead of keeping
lists of their own. The values are the strings stored in the database: never rename one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum


class ReportKind(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    CORRECTION = "correction"
    CANCELLATION = "cancellation"
    #: A day with no foreign guests to register (the police clients' daily "nil" report): about the property,
    #: not a registration. Queued only where the intake's layout asks for one (its mapping file).
    NIL = "nil"


class ReportState(StrEnum):
    QUEUED = "queued"  # waiting for its first attempt
    SENDING = "sending"  # claimed by an uploader (with a lease, so a crashed uploader's claim runs out)
    ACKNOWLEDGED = "acknowledged"  # the intake accepted it and gave a receipt id
    REJECTED = "rejected"  # the intake refused fields: needs a correction report from the desk
    FAILED_RETRYING = "failed_retrying"  # a transient failure; retried at next_attempt_at
    HANDED_OVER = "handed_over"  # sent by fax or handed over manually; waiting for the police receipt
    CONFIRMED = "confirmed"  # the police confirmed a handed-over report with a receipt number


#: States in which a report still needs somebody's attention (shown in the queue with its deadline).
OPEN_STATES = (
    ReportState.QUEUED,
    ReportState.SENDING,
    ReportState.FAILED_RETRYING,
    ReportState.REJECTED,
    ReportState.HANDED_OVER,
)
#: Filed: the intake gave a receipt, or the police confirmed a hand-over. Nothing more to do.
FILED_STATES = (ReportState.ACKNOWLEDGED, ReportState.CONFIRMED)
#: States the uploader picks work from.
DUE_STATES = (ReportState.QUEUED, ReportState.FAILED_RETRYING)
#: Not delivered in any way yet: these can still be late and raise deadline alerts (a rejected report waits
#: for the desk's correction; a handed-over one left the building and waits only for its receipt).
UNSENT_STATES = (ReportState.QUEUED, ReportState.SENDING, ReportState.FAILED_RETRYING)
#: States from which a report may still be sent, faxed or handed over in person.
HANDOVER_STATES = UNSENT_STATES
#: States whose deadline still counts down: not delivered in any way yet (a refused report must still be
#: corrected in time). A handed-over report left the building when it was handed over: its clock stopped then,
#: and it waits only for the police's receipt (in time if handed over before the deadline).
COUNTDOWN_STATES = (*UNSENT_STATES, ReportState.REJECTED)
#: Handed over by fax or in person, the police's receipt number still to be entered.
AWAITING_RECEIPT_STATES = (ReportState.HANDED_OVER,)
#: The intake refused it: the desk must correct the registration (the correction is a new report).
NEEDS_CORRECTION_STATES = (ReportState.REJECTED,)

#: What one attempt can produce for one report (the outbox's `Answer.outcome`), and the state it leads to.
OUTCOME_STATE: Mapping[str, ReportState] = {
    "acknowledged": ReportState.ACKNOWLEDGED,
    "rejected": ReportState.REJECTED,
    "transient": ReportState.FAILED_RETRYING,
    "handed_over": ReportState.HANDED_OVER,
}

_ATTEMPT_RESULTS = frozenset(
    {ReportState.SENDING, ReportState.ACKNOWLEDGED, ReportState.REJECTED, ReportState.FAILED_RETRYING,
     ReportState.HANDED_OVER}
)
#: Every allowed move. An unsent report can be claimed (sending) or answered; a late acknowledgement also
#: settles a rejected or handed-over report (the intake filed it after all); the police confirm a hand-over
#: or an acknowledgement with their receipt number; a confirmed report never changes again.
TRANSITIONS: Mapping[ReportState, frozenset[ReportState]] = {
    ReportState.QUEUED: _ATTEMPT_RESULTS,
    ReportState.SENDING: _ATTEMPT_RESULTS,
    ReportState.FAILED_RETRYING: _ATTEMPT_RESULTS,
    ReportState.REJECTED: frozenset({ReportState.ACKNOWLEDGED}),
    ReportState.HANDED_OVER: frozenset({ReportState.ACKNOWLEDGED, ReportState.CONFIRMED}),
    ReportState.ACKNOWLEDGED: frozenset({ReportState.CONFIRMED}),
    ReportState.CONFIRMED: frozenset(),
}


class TransitionRefused(ValueError):
    """A report was asked to move to a state it cannot reach from where it is."""

    def __init__(self, current: ReportState, target: ReportState, subject: str = "the report") -> None:
        super().__init__(f"{subject} is {current.value}; it cannot become {target.value}")
        self.current = current
        self.target = target


def can_transition(current: str, target: str) -> bool:
    """Whether a report in `current` may move to `target` (either a ReportState or its stored string)."""
    return ReportState(target) in TRANSITIONS[ReportState(current)]


def require_transition(current: str, target: str, *, subject: str = "the report") -> ReportState:
    """`target` as a ReportState, or TransitionRefused naming `subject` when the move is not allowed."""
    now, then = ReportState(current), ReportState(target)
    if then not in TRANSITIONS[now]:
        raise TransitionRefused(now, then, subject)
    return then


def is_open(state: str) -> bool:
    return state in OPEN_STATES


def counts_down(state: str) -> bool:
    """Whether a report in `state` still races its deadline (see COUNTDOWN_STATES)."""
    return state in COUNTDOWN_STATES


# -- time limits ---------------------------------------------------------------------------------------------

#: The police's reporting window: every report is due 24 hours after the event it reports.
REPORT_WINDOW = timedelta(hours=24)

#: Late grades of the national data platform: reported within 1-2 days, 3-7, 8-14, 15 or more.
LATE_GRADES: tuple[tuple[str, timedelta | None], ...] = (
    ("1-2d", timedelta(days=2)),
    ("3-7d", timedelta(days=7)),
    ("8-14d", timedelta(days=14)),
    (">=15d", None),
)


def late_grade(taken: timedelta) -> str | None:
    """None when reported within the window, else the national grade of how long it took."""
    if taken <= REPORT_WINDOW:
        return None
    for name, limit in LATE_GRADES:
        if limit is None or taken <= limit:
            return name
    return LATE_GRADES[-1][0]


#: Deadline alerts, nearest first: amber under 6 hours, red (and a notification) under 2 hours.
ALERT_RED = timedelta(hours=2)
ALERT_AMBER = timedelta(hours=6)
ALERT_LEVELS: tuple[tuple[str, timedelta], ...] = (("due_in_2h", ALERT_RED), ("due_in_6h", ALERT_AMBER))
#: The levels at which the desk is notified (a desktop notification and a line in the window).
NOTIFY_LEVELS = ("due_in_2h", "overdue")
