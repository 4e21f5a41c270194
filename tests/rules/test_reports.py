"""The report state machine and the police's time limits, as data: what may follow what, and the grades."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from hotel_desk.rules.reports import (
    DUE_STATES,
    FILED_STATES,
    HANDOVER_STATES,
    OPEN_STATES,
    OUTCOME_STATE,
    TRANSITIONS,
    ReportState,
    TransitionRefused,
    can_transition,
    late_grade,
    require_transition,
)

S = ReportState


def test_every_state_has_its_moves_and_open_and_filed_split_them() -> None:
    assert set(TRANSITIONS) == set(ReportState)
    assert set(OPEN_STATES) | set(FILED_STATES) == set(ReportState)
    assert not set(OPEN_STATES) & set(FILED_STATES)
    assert set(DUE_STATES) <= set(HANDOVER_STATES) <= set(OPEN_STATES)


@pytest.mark.parametrize(("current", "target"), [
    (S.QUEUED, S.SENDING), (S.FAILED_RETRYING, S.SENDING), (S.SENDING, S.SENDING),  # claims (a lease may run out)
    (S.SENDING, S.ACKNOWLEDGED), (S.SENDING, S.REJECTED), (S.SENDING, S.FAILED_RETRYING),
    (S.QUEUED, S.HANDED_OVER), (S.FAILED_RETRYING, S.HANDED_OVER),
    (S.REJECTED, S.ACKNOWLEDGED), (S.HANDED_OVER, S.ACKNOWLEDGED),  # the intake filed it after all
    (S.HANDED_OVER, S.CONFIRMED), (S.ACKNOWLEDGED, S.CONFIRMED),
])
def test_allowed_moves(current: ReportState, target: ReportState) -> None:
    assert can_transition(current, target)
    assert require_transition(current.value, target.value) is target


@pytest.mark.parametrize(("current", "target"), [
    (S.CONFIRMED, S.SENDING), (S.CONFIRMED, S.ACKNOWLEDGED), (S.ACKNOWLEDGED, S.ACKNOWLEDGED),
    (S.ACKNOWLEDGED, S.SENDING), (S.REJECTED, S.SENDING), (S.REJECTED, S.HANDED_OVER),
    (S.HANDED_OVER, S.HANDED_OVER), (S.HANDED_OVER, S.REJECTED), (S.QUEUED, S.CONFIRMED),
    (S.QUEUED, S.QUEUED),
])
def test_refused_moves(current: ReportState, target: ReportState) -> None:
    assert not can_transition(current, target)
    with pytest.raises(TransitionRefused, match=f"report R is {current.value}; it cannot become {target.value}"):
        require_transition(current, target, subject="report R")


def test_each_outcome_leads_to_a_state_reachable_from_an_unsent_report() -> None:
    for state in OUTCOME_STATE.values():
        assert all(can_transition(unsent, state) for unsent in HANDOVER_STATES)


@pytest.mark.parametrize(("taken", "grade"), [
    (timedelta(hours=24), None), (timedelta(hours=25), "1-2d"), (timedelta(days=2), "1-2d"),
    (timedelta(days=3), "3-7d"), (timedelta(days=14), "8-14d"), (timedelta(days=15), ">=15d"),
])
def test_late_grades_of_the_national_platform(taken: timedelta, grade: str | None) -> None:
    assert late_grade(taken) == grade


def test_the_rules_import_nothing_heavy() -> None:
    code = ("import sys, hotel_desk.rules.reports, hotel_desk.rules.gate, hotel_desk.rules.record\n"
            "print(','.join(m for m in ('sqlalchemy', 'PySide6', 'httpx', 'numpy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_a_handed_over_report_no_longer_races_its_deadline() -> None:
    from hotel_desk.rules.reports import COUNTDOWN_STATES, ReportState, counts_down

    assert counts_down("queued") and counts_down("failed_retrying") and counts_down("rejected")
    assert not counts_down("handed_over") and not counts_down("acknowledged") and not counts_down("confirmed")
    assert ReportState.HANDED_OVER not in COUNTDOWN_STATES
